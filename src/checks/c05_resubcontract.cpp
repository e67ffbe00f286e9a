// PPC-C05: 再委託する without 許諾方法/再委託事項; 再委託しない with them filled.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-C05",
    "resubcontract",
    Severity::warning,
    {"再委託の記載の不備", "incomplete or contradictory 再委託"},
    {"再委託する場合は委託元の許諾が必要で（番号法第10条）、⑧再委託の許諾方法と⑨再委託事項を記載します。"
     "再委託しない場合に⑧⑨が記載されている、または本文に再委託が行われたと書かれているなら、選択か記載の"
     "どちらかが誤りです。",
     "再委託 needs the body's permission (番号法 第10条): ⑧ the permission method and ⑨ the subcontracted "
     "items must be filled. With 再委託しない they should be empty, and the text should not report a "
     "再委託; otherwise fix the selection or the entries."},
    {"「II-4 委託事項N ⑦再委託の有無」「⑧再委託の許諾方法」「⑨再委託事項」（重点 ④⑤⑥）と、評価書本文で"
     "再委託が行われたとする記載（III の重大事故など）を読みます。番号法第10条（再委託の許諾）によります。",
     "II-4 委託事項N ⑦ 再委託の有無, ⑧ 再委託の許諾方法 and ⑨ 再委託事項 (④⑤⑥ in 重点), and text of the "
     "document that reports a 再委託 (III 重大事故 and the like). It rests on 番号法 第10条 (permission to "
     "subcontract)."}};

// Words that, next to 再委託, report that it happened after all (III-7 重大事故 and the like);
// the rule's own table.
const std::vector<std::string> kHappened{"怠", "無断", "得ずに", "得ないまま", "行っていた", "判明"};

// 再委託しない everywhere, while the document's prose says a 再委託 took place.
void contradicted_in_text(const RuleInfo& info, const Graph& graph, const Assessment& a, std::vector<Finding>& out) {
    const Entrustment* declared_none = nullptr;
    for (const auto& f : a.files)
        for (const auto& e : f.entrustments) {
            if (e.resubcontract.value_or(false)) return;  // some 再委託 is declared: nothing contradicts
            if (e.resubcontract.has_value() && !declared_none) declared_none = &e;
        }
    const auto* lines = source_text_lines(graph, a.source_file);
    if (!declared_none || !lines) return;
    const std::string word = text::match_key("再委託");
    const int from = a.loc.known() ? a.loc.line : 1;
    const int to = a.loc.known() && a.loc.end_line >= from ? a.loc.end_line : static_cast<int>(lines->size());
    for (int n = from; n <= to && n <= static_cast<int>(lines->size()); ++n) {
        const std::string& line = (*lines)[n - 1];
        if (text::match_key(line).find(word) == std::string::npos || !contains_any(line, kHappened)) continue;
        out.push_back(finding(
            info, a,
            {"委託事項は再委託しないとしていますが、" + std::to_string(n) + "行目に再委託が行われたとの記載があります",
             "the entrustments say 再委託しない, but line " + std::to_string(n) + " reports a 再委託"},
            {at(a, declared_none->loc, "再委託の有無", declared_none->item),
             Location{a.source_file, n, n, "本文 / text", text::trim(line)}},
            {"resub-text:" + a.affair}));
        return;
    }
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments) contradicted_in_text(info, graph, a, out);
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            // A hand-made model may not carry ⑧/⑨ at all; only judge empties when the file has some.
            bool carries_details = std::any_of(f.entrustments.begin(), f.entrustments.end(), [](const Entrustment& e) {
                return !blank(e.permission_method) || !blank(e.resubcontract_items);
            });
            for (size_t i = 0; i < f.entrustments.size(); ++i) {
                const Entrustment& e = f.entrustments[i];
                if (!e.resubcontract.has_value()) continue;  // no selection: PPC-C10
                // ⑧/⑨ have no coverage items of their own: they are judged when ⑦ beside them was read.
                if (!a.was_read(entrustment_item(a, f, e, "resubcontract"))) continue;
                const std::string name = "委託事項" + (e.no.empty() ? std::to_string(i + 1) : e.no) +
                                         (blank(e.item) ? "" : "「" + e.item + "」");
                std::vector<std::string> missing;
                if (*e.resubcontract) {
                    if (blank(e.permission_method)) missing.push_back("⑧再委託の許諾方法");
                    if (blank(e.resubcontract_items)) missing.push_back("⑨再委託事項");
                    if (missing.empty() || !carries_details) continue;
                    out.push_back(
                        finding(info, a,
                                {name + ": 再委託するとしていますが" + join(missing, "・") + "が記載されていません",
                                 name + ": 再委託する but " + join(missing, ", ") + " is empty"},
                                {at(a, e.loc, "委託事項", e.item)}, {"resub:" + a.affair + "/" + name}));
                } else if (!blank(e.permission_method) || !blank(e.resubcontract_items)) {
                    out.push_back(
                        finding(info, a,
                                {name + ": 再委託しないとしていますが、許諾方法・再委託事項が記載されています",
                                 name + ": 再委託しない but the permission method or items are filled"},
                                {at(a, e.loc, "委託事項", e.item)}, {"resub:" + a.affair + "/" + name}));
                }
            }
        }
}
}  // namespace

PIAGRAPH_RULE(C05, kInfo, run)

}  // namespace piagraph::checks
