// The findings as JSON for scripts: every field of a finding, both languages' messages.
#include <nlohmann/json.hpp>

#include "piagraph/findings_output.hpp"

namespace piagraph {

namespace {

using nlohmann::json;

json finding_json(const Finding& f, Lang lang) {
    json locs = json::array();
    for (const auto& l : f.locations) {
        json o{{"file", l.file}, {"line", l.line}};
        if (l.end_line && l.end_line != l.line) o["end_line"] = l.end_line;
        if (l.page > 0) o["page"] = l.page;
        if (!l.note.empty()) o["note"] = l.note;
        locs.push_back(o);
    }
    return {{"rule", f.rule},
            {"kind", f.kind},
            {"severity", severity_name(f.severity)},
            {"message", f.message.in(lang)},
            {"message_ja", f.message.ja},
            {"message_en", f.message.en},
            {"assessment", f.assessment},
            {"locations", locs},
            {"subjects", f.subjects},
            {"about", f.about},
            {"fingerprint", f.fingerprint}};
}

}  // namespace

std::string findings_json(const BaselinedFindings& result, Lang lang) {
    json list = json::array();
    for (const auto& f : result.shown) list.push_back(finding_json(f, lang));
    json stale = json::array();
    for (const auto& e : result.stale)
        stale.push_back({{"fingerprint", e.fingerprint}, {"rule", e.rule}, {"reason", e.reason}});
    return json{{"findings", list}, {"suppressed", result.suppressed}, {"stale_baseline", stale}}.dump(2) + "\n";
}

}  // namespace piagraph
