// PPC-L03: 情報連携 実施する needs 番号法第19条第8号/第9号 (第7号 before the 2021-09 renumbering).
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L03",
    "legal-basis-mismatch",
    Severity::error,
    {"情報連携の根拠が第19条第8号・第9号でない", "linkage basis is not 第19条第8号/第9号"},
    {"情報提供ネットワークシステムによる情報連携は番号法第19条第8号（条例事務は第9号）に基づいて"
     "行います（令和3年9月より前は第7号）。②法令上の根拠にその号と主務省令の表の項を記載してください。"
     "実施しない場合に第8号を引用しているなら、①か②のどちらかが誤りです。",
     "Linkage through 情報提供ネットワークシステム rests on 番号法 第19条第8号 (第9号 for 条例 affairs; "
     "第7号 before 2021-09). Cite it in ②. Citing 第8号 while ① says 実施しない means one of them is wrong."},
    {"「I-6 情報提供ネットワークシステムによる情報連携 ①実施の有無」「②法令上の根拠」（重点 I-5、基礎 I-4）と、"
     "公表日・変更箇所の日付を読みます。番号法第19条第8号・第9号（令和3年9月1日より前の評価書は第7号も可）に"
     "よります。",
     "I-6 情報連携 ① 実施の有無 and ② 法令上の根拠 (I-5 in 重点, I-4 in 基礎), with the 公表日 and 変更箇所 "
     "dates. It rests on 番号法 第19条第8号/第9号 (第7号 too for documents dated before 2021-09-01)."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const std::string does = text::match_key(option("linkage_status", 0));
    for (const auto& a : graph.assessments) {
        const std::string status = text::match_key(a.linkage.status);
        if (status.empty()) continue;
        const Loc loc = field_loc(a.locs, "linkage.basis", a.linkage.loc);
        const auto cs = parse_citations(a.linkage.basis);
        const std::string date = assessment_date(a);
        bool seven_valid = date.empty() || date < "2021-09-01";
        bool nws_basis =
            cites(cs, "番号法", 19, 8) || cites(cs, "番号法", 19, 9) || (seven_valid && cites(cs, "番号法", 19, 7));
        if (status == does && !nws_basis) {
            bool empty = blank(a.linkage.basis);
            if (empty && !a.was_read("linkage.basis")) continue;  // ② was not read: PPC-X01
            Finding f = finding(
                info, a,
                {empty ? "情報連携を「実施する」としていますが、②法令上の根拠が記載されていません"
                       : "情報連携を「実施する」としていますが、②法令上の根拠に番号法第19条第8号・第9号がありません",
                 empty ? "linkage is 実施する but ② legal basis is empty"
                       : "linkage is 実施する but ② does not cite 番号法 第19条第8号/第9号"},
                {at(a, loc, "情報連携 ②", a.linkage.basis)}, {"linkage:" + a.affair});
            if (empty) f.kind = "missing-legal-basis";  // the DESIGN kind of an absent basis
            out.push_back(std::move(f));
        } else if (status != does && cites(cs, "番号法", 19, 8)) {
            out.push_back(
                finding(info, a,
                        {"情報連携は「" + a.linkage.status + "」ですが、②に番号法第19条第8号が引用されています",
                         "linkage is \"" + a.linkage.status + "\" yet ② cites 番号法 第19条第8号"},
                        {at(a, loc, "情報連携 ②", a.linkage.basis)}, {"linkage:" + a.affair}, Severity::warning, true));
        }
    }
}
}  // namespace

PIAGRAPH_RULE(L03, kInfo, run)

}  // namespace piagraph::checks
