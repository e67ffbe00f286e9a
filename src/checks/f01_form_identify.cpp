// PPC-F01: the form the title names (基礎/重点/全項目) and the 様式 number of its [… 様式N] label
// must be the same form: the field expectations of every other rule follow from it.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-F01",
    "form-identify",
    Severity::info,
    {"評価書の種類と様式番号の不一致", "form and 様式 number disagree"},
    {"表紙の評価書名（基礎項目・重点項目・全項目評価書）と、[令和6年10月 様式4] のような様式の表示が別の様式を"
     "指しています。様式2は基礎項目、様式3は重点項目、様式4は全項目評価書です。どちらかが誤りか、古い様式の"
     "写しが残っています。項目の有無の判断はこの様式によるため、正しい方に揃えてください。",
     "The title's form (基礎項目, 重点項目 or 全項目評価書) and the [… 様式N] label name different forms: 様式2 "
     "is 基礎, 様式3 重点 and 様式4 全項目. One of them is wrong, or an old form's copy remains. Which items "
     "the form has depends on it: make them agree."},
    {"表紙の評価書の種類と、様式の表示（[令和6年10月 様式4] など）を読みます。様式ごとの番号は辞書 forms。"
     "特定個人情報保護評価指針 第5（評価書の様式）によります。",
     "The form named on the cover and the 様式 label ([令和6年10月 様式4] …); the number of each form is in "
     "the dictionary (forms). 特定個人情報保護評価指針 第5 (the forms)."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments) {
        if (blank(a.form) || blank(a.form_version)) continue;  // either not read: nothing to compare
        const FormInfo* labelled = Dictionary::get().form_of(a.form_version);
        const FormInfo* named = Dictionary::get().form_of(a.form);
        if (!labelled || !named || labelled == named) continue;
        out.push_back(finding(
            info, a,
            {"評価書の種類は" + a.form + "（" + named->style + "）ですが、様式の表示は「" + a.form_version + "」です",
             "the title names " + a.form + " (" + named->style + ") but the form label says \"" + a.form_version +
                 "\""},
            {at(a, field_loc(a.locs, "form_version", a.loc), "様式 / form label", a.form_version),
             at(a, field_loc(a.locs, "form", a.loc), "評価書の種類 / form", a.form)},
            {business_key(a), "form-identify:" + a.affair}));
    }
}
}  // namespace

PIAGRAPH_RULE(F01, kInfo, run)

}  // namespace piagraph::checks
