// PPC-R01: 再委託する without the 再委託先 named anywhere in the 委託事項.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-R01",
    "resubcontractor-unnamed",
    Severity::info,
    {"再委託先の名称がない", "再委託先 not named"},
    {"様式に再委託先名の欄はありませんが、第三者点検や審査では再委託先がどこかを必ず問われます。再委託する委託事項"
     "で、⑧許諾方法・⑨再委託事項のどこにも再委託先の名称がありません。⑨などに「（再委託先：○○株式会社）」の"
     "ように記載してください。",
     "The form has no field for the 再委託先, but review boards always ask who it is. A 委託事項 with "
     "再委託する names no 再委託先 in ⑧ or ⑨: add it, e.g. （再委託先：○○株式会社） in ⑨."},
    {"「II-4 委託事項N ⑦再委託の有無」「⑧再委託の許諾方法」「⑨再委託事項」（重点 ④⑤⑥）と再委託先の欄を読み"
     "ます。名称とみなす語は辞書 checks/resubcontractor。審査会の確認事項（再委託先）によります。",
     "II-4 委託事項N ⑦ 再委託の有無, ⑧ 再委託の許諾方法, ⑨ 再委託事項 (④⑤⑥ in 重点) and a 再委託先 field. "
     "The words that show a name are in the dictionary (checks/resubcontractor). It rests on what review "
     "boards ask (the 再委託先)."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto named = check_list("/resubcontractor/named");
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files)
            for (size_t i = 0; i < f.entrustments.size(); ++i) {
                const Entrustment& e = f.entrustments[i];
                if (!e.resubcontract.value_or(false) || !a.was_read(entrustment_item(a, f, e, "resubcontract")))
                    continue;
                if (!blank(e.resubcontractor) || contains_any(e.permission_method + e.resubcontract_items, named))
                    continue;
                const std::string name =
                    "委託事項" + (e.no.empty() ? std::to_string(i + 1) : e.no) + "「" + e.item + "」";
                out.push_back(finding(info, a,
                                      {name + ": 再委託するとしていますが、再委託先の名称がありません",
                                       name + ": 再委託する, but the 再委託先 is not named"},
                                      {at(a, e.loc, "委託事項 / entrustment", e.item)},
                                      {"resub-named:" + a.affair + "/" + name}));
            }
}
}  // namespace

PIAGRAPH_RULE(R01, kInfo, run)

}  // namespace piagraph::checks
