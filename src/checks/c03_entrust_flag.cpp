// PPC-C03: 委託の有無 contradicts the 委託事項 listed.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-C03",
    "flag-mismatch",
    Severity::error,
    {"委託の有無と委託事項の不一致", "entrustment flag contradicts the entries"},
    {"「委託しない」なのに委託事項が記載されている、または「委託する」なのに委託事項がありません。"
     "委託の有無は委託先の監督（番号法第11条）とリスク対策（III-4）の前提です。"
     "選択か委託事項のどちらかを直してください。",
     "委託しない is selected while 委託事項 are listed, or 委託する with none listed. Whether there is "
     "an entrustment decides the supervision of contractors (番号法 第11条) and the III-4 measures. "
     "Fix the selection or the entries."},
    {"「II-4 委託の有無」（委託する・委託しない、（N）件）と「委託事項N」（①委託内容・⑥委託先名、"
     "重点は③委託先名）の記載を読みます。法令の条文ではなく、様式の記載どうしの整合によります。",
     "II-4 委託の有無 (委託する/委託しない, (N)件) against the 委託事項N listed (① 委託内容, ⑥ "
     "委託先名; ③ in 重点). It rests on no article: the form must agree with itself."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            if (!f.entrust.has_value()) continue;
            const std::string file = f.names.empty() ? "" : f.names.front();
            long listed = std::count_if(f.entrustments.begin(), f.entrustments.end(),
                                        [](const Entrustment& e) { return !blank(e.item) || !blank(e.contractor); });
            const Loc loc = field_loc(f.locs, "entrust", f.loc);
            if (!*f.entrust && listed > 0)
                out.push_back(finding(info, a,
                                      {file + ": 「" + option("entrust_choice", 1) + "」ですが委託事項が" +
                                           std::to_string(listed) + "件記載されています",
                                       file + ": 委託しない but " + std::to_string(listed) + " 委託事項 listed"},
                                      {at(a, loc, "委託の有無")}, {"entrust:" + a.affair + "/" + file}));
            if (*f.entrust && listed == 0 && !f.declared_counts.entrustments && a.was_read(file_item(a, f, "entrust")))
                out.push_back(
                    finding(info, a,
                            {file + ": 「" + option("entrust_choice", 0) + "」ですが委託事項の記載がありません",
                             file + ": 委託する but no 委託事項 listed"},
                            {at(a, loc, "委託の有無")}, {"entrust:" + a.affair + "/" + file}));
        }
}
}  // namespace

PIAGRAPH_RULE(C03, kInfo, run)

}  // namespace piagraph::checks
