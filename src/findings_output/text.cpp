// The findings as text for a person reading a terminal or a CI log.
#include <map>

#include "piagraph/findings_output.hpp"

namespace piagraph {

namespace {

// "file:line", with the PDF page when there is one ("評価書.pdf:60 (p.2)").
std::string place(const Location& l) {
    return l.file + (l.line > 0 ? ":" + std::to_string(l.line) : "") +
           (l.page > 0 ? " (p." + std::to_string(l.page) + ")" : "");
}

std::string finding_lines(const Finding& f, Lang lang) {
    const Location* first = f.locations.empty() ? nullptr : &f.locations.front();
    std::string where = first ? place(*first) : "";
    std::string out = where + (where.empty() ? "" : ": ") + severity_name(f.severity) + " [" + f.rule + " " + f.kind +
                      "] " + f.message.in(lang) + "\n";
    for (size_t i = 1; i < f.locations.size(); ++i) {
        const auto& l = f.locations[i];
        out += "    " + place(l) + (l.note.empty() ? "" : "  (" + l.note + ")") + "\n";
    }
    return out;
}

std::string summary_line(const BaselinedFindings& result, Lang lang) {
    std::map<Severity, int> count;
    for (const auto& f : result.shown) ++count[f.severity];
    const std::string n = std::to_string(result.shown.size());
    const size_t suppressed = result.suppressed;
    if (lang == Lang::ja)
        return n + " 件の指摘（エラー " + std::to_string(count[Severity::error]) + "、警告 " +
               std::to_string(count[Severity::warning]) + "、情報 " + std::to_string(count[Severity::info]) + "）" +
               (suppressed ? "、ベースラインで " + std::to_string(suppressed) + " 件を除外" : "") + "\n";
    return n + " finding(s) (" + std::to_string(count[Severity::error]) + " error, " +
           std::to_string(count[Severity::warning]) + " warning, " + std::to_string(count[Severity::info]) + " info)" +
           (suppressed ? ", " + std::to_string(suppressed) + " suppressed by the baseline" : "") + "\n";
}

}  // namespace

std::string findings_text(const BaselinedFindings& result, Lang lang) {
    std::string out;
    for (const auto& f : result.shown) out += finding_lines(f, lang);
    for (const auto& e : result.stale)
        out += (lang == Lang::ja ? "ベースラインの項目に該当する指摘がありません（削除できます）: "
                                 : "stale baseline entry (no such finding any more): ") +
               e.fingerprint + " " + e.rule + (e.reason.empty() ? "" : " — " + e.reason) + "\n";
    return out + summary_line(result, lang);
}

}  // namespace piagraph
