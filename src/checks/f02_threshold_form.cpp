// PPC-F02: the form is lower than the しきい値 requires for the 対象人数 (重点 at 30万人以上 …).
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-F02",
    "threshold-form",
    Severity::error,
    {"しきい値判断に対して評価書の種類が不足", "form lower than the threshold requires"},
    {"指針 第5の2 のしきい値判断では、対象人数30万人以上の事務は全項目評価、10万人以上30万人未満は少なくとも"
     "重点項目評価が必要です。重点項目評価書なのに対象人数が30万人以上、または基礎項目評価書だけで10万人以上"
     "（同じ事務の重点・全項目評価書がない）の場合、評価書の種類が誤っています。対象人数を確かめ、必要な評価を"
     "実施してください。",
     "Under the しきい値 of the 指針 (第5の2), an affair with 30万人以上 needs a 全項目評価 and one with "
     "10万人以上 at least a 重点項目評価. A 重点 assessment at 30万人以上, or a 基礎 assessment alone (no 重点 "
     "or 全項目 for the same affair) at 10万人以上, is the wrong form: check the count and carry out the "
     "assessment required."},
    {"評価書の種類（様式）と「I-1 ③対象人数」（基礎は II-1 対象人数）、基礎では同じ組織の同じ事務の重点・全項目"
     "評価書の有無を読みます。しきい値の表は辞書 checks/thresholds にあります（指針 第5の2、審査の観点(1)）。",
     "The form and I-1 ③ 対象人数 (II-1 in 基礎) and, for 基礎, whether the organisation files a 重点 or "
     "全項目 assessment of the same affair. The threshold table is in the dictionary (checks/thresholds); "
     "指針 第5の2, 審査の観点 (1)."}};

bool listed(const nlohmann::json& era, const char* key, const std::string& band) {
    for (const auto& b : era.value(key, std::vector<std::string>{}))
        if (text::match_key(b) == text::match_key(band)) return true;
    return false;
}

// Whether another assessment of the graph covers the affair with a 重点 or 全項目 form.
bool higher_form_filed(const Graph& graph, const Assessment& kiso) {
    const auto& forms = Dictionary::get().form_names();  // 全項目, 重点, 基礎
    for (const auto& a : graph.assessments)
        if (&a != &kiso && text::match_key(a.affair) == text::match_key(kiso.affair) && forms.size() >= 2 &&
            (a.form == forms[0] || a.form == forms[1]))
            return true;
    return false;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto& forms = Dictionary::get().form_names();
    if (forms.size() < 3) return;
    for (const auto& a : graph.assessments) {
        if (blank(a.population)) continue;  // not read: nothing to weigh
        const auto& era = era_on(check_data("/thresholds/eras"), assessment_date(a));
        const bool juten = a.form == forms[1] && listed(era, "juten_too_low", a.population);
        const bool kiso =
            a.form == forms[2] && listed(era, "kiso_too_low", a.population) && !higher_form_filed(graph, a);
        if (!juten && !kiso) continue;
        const std::string needed = juten ? "全項目評価" : "重点項目評価以上";
        out.push_back(finding(
            info, a,
            {a.form + "ですが、対象人数が「" + a.population + "」です（しきい値判断では" + needed + "が必要です）",
             "a " + a.form + " with 対象人数 \"" + a.population + "\": the threshold requires " +
                 (juten ? "a 全項目評価" : "at least a 重点項目評価")},
            {at(a, field_loc(a.locs, "population", Loc{}), "対象人数 / population", a.population)},
            {business_key(a), "threshold:" + a.affair}));
    }
}
}  // namespace

PIAGRAPH_RULE(F02, kInfo, run)

}  // namespace piagraph::checks
