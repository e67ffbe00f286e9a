// PPC-F03: in a 基礎項目評価書, III しきい値判断結果 disagrees with what II 対象人数, 取扱者数 and
// 重大事故 require (指針 第5の2).
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-F03",
    "kiso-threshold-result",
    Severity::error,
    {"しきい値判断結果がしきい値判断項目と合わない", "threshold result disagrees with the threshold items"},
    {"基礎項目評価書の「III しきい値判断結果」は、「II しきい値判断項目」の対象人数・取扱者数・重大事故から指針 第5の2 "
     "の"
     "表で決まります。選ばれた結果が表の結果と異なります。たとえば対象人数1万人以上10万人未満で取扱者数500人以上"
     "（または重大事故あり）なら重点項目評価が必要です。判断をやり直し、必要な評価を実施してください。",
     "In a 基礎項目評価書, III しきい値判断結果 follows from II 対象人数, 取扱者数 and 重大事故 by the table of the "
     "指針 (第5の2). The result selected differs from the table's: 1万人以上10万人未満 with 500 handlers or more "
     "(or a serious incident), for example, requires a 重点項目評価. Redo the judgement and carry out the "
     "assessment required."},
    {"基礎項目評価書の「II-1 対象人数」「II-2 取扱者数」「II-3 重大事故」と「III "
     "しきい値判断結果」を読みます。表は辞書 "
     "checks/thresholds/kiso_result にあります（指針 第5の2、審査の観点(1)）。取扱者数・重大事故が読めないときは、"
     "それで結果が変わり得る区分では両方の結果を認めます。",
     "Reads II-1 対象人数, II-2 取扱者数, II-3 重大事故 and III しきい値判断結果 of a 基礎項目評価書. The table is in "
     "the dictionary (checks/thresholds/kiso_result); 指針 第5の2, 審査の観点 (1). Where 取扱者数 or 重大事故 "
     "was not read and could change the result, either result is accepted."}};

bool same(const std::string& x, const std::string& y) { return text::match_key(x) == text::match_key(y); }

bool listed(const nlohmann::json& list, const std::string& value) {
    if (!list.is_array()) return false;
    return std::any_of(list.begin(), list.end(),
                       [&](const nlohmann::json& v) { return v.is_string() && same(v.get<std::string>(), value); });
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto& forms = Dictionary::get().form_names();
    if (forms.size() < 3) return;
    for (const auto& a : graph.assessments) {
        if (a.form != forms[2] || blank(a.population) || blank(a.threshold_result)) continue;  // not read
        const auto& era = era_on(check_data("/thresholds/kiso_result/eras"), assessment_date(a));
        if (!era.is_object()) continue;
        const nlohmann::json* row = nullptr;
        const nlohmann::json bands = era.value("bands", nlohmann::json::array());  // rows point into it
        for (const auto& r : bands)
            if (r.is_object() && same(r.value("population", ""), a.population)) row = &r;
        if (!row) continue;
        const std::string base = row->value("result", ""), raised = row->value("raised", "");
        const bool raising = listed(era.value("raising_handlers", nlohmann::json()), a.handlers) ||
                             listed(era.value("raising_incident", nlohmann::json()), a.serious_incident);
        const bool unknown = !raising && (blank(a.handlers) || blank(a.serious_incident));
        std::vector<std::string> allowed;
        if (raised.empty() || !raising) allowed.push_back(base);
        if (!raised.empty() && (raising || unknown)) allowed.push_back(raised);
        if (std::any_of(allowed.begin(), allowed.end(),
                        [&](const std::string& r) { return same(r, a.threshold_result); }))
            continue;
        const std::string items_ja = "対象人数「" + a.population + "」、取扱者数「" +
                                     (blank(a.handlers) ? "未読" : a.handlers) + "」、重大事故「" +
                                     (blank(a.serious_incident) ? "未読" : a.serious_incident) + "」";
        std::vector<Location> where{
            at(a, field_loc(a.locs, "threshold_result", a.loc), "しきい値判断結果 / threshold result",
               a.threshold_result),
            at(a, field_loc(a.locs, "population", a.loc), "対象人数 / population", a.population)};
        if (!blank(a.handlers)) where.push_back(at(a, field_loc(a.locs, "handlers", a.loc), "取扱者数", a.handlers));
        if (!blank(a.serious_incident))
            where.push_back(at(a, field_loc(a.locs, "serious_incident", a.loc), "重大事故", a.serious_incident));
        out.push_back(finding(info, a,
                              {"しきい値判断結果が「" + a.threshold_result + "」ですが、" + items_ja + "からは「" +
                                   join(allowed, "」または「") + "」になります",
                               "しきい値判断結果 \"" + a.threshold_result + "\", but 対象人数 \"" + a.population +
                                   "\", 取扱者数 \"" + a.handlers + "\" and 重大事故 \"" + a.serious_incident +
                                   "\" give \"" + join(allowed, "\" or \"") + "\""},
                              std::move(where), {business_key(a), "threshold:" + a.affair}));
    }
}
}  // namespace

PIAGRAPH_RULE(F03, kInfo, run)

}  // namespace piagraph::checks
