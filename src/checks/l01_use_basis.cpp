// PPC-L01: I-5 個人番号の利用 法令上の根拠 is empty or cites nothing that permits the use.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L01",
    "missing-legal-basis",
    Severity::error,
    {"個人番号利用の法令上の根拠がない", "no legal basis for using My Numbers"},
    {"個人番号は番号法第9条（別表、または第9条第2項の条例）などに定める事務でしか利用できません。"
     "I 個人番号の利用 の法令上の根拠に、番号法第9条と別表の項、条例、または住基法などを記載してください。",
     "My Numbers may only be used for the affairs of 番号法 第9条 (its 別表 items, or a 条例 under "
     "第9条第2項) and similar. Cite them in I 個人番号の利用 法令上の根拠."},
    {"「I-5 個人番号の利用 法令上の根拠」（重点 I-4、基礎 I-3）を読みます。空欄か、番号法第9条（第1項と別表の項、"
     "第2項の条例）、住民基本台帳事務の第7条・住基法、主務省令のいずれも引用していないかを見ます。",
     "I-5 個人番号の利用 法令上の根拠 (I-4 in 重点, I-3 in 基礎): empty, or citing none of 番号法 第9条 (第1項 "
     "with a 別表 item, a 第2項 条例), 第7条 or 住基法 for 住民基本台帳 affairs, or a 主務省令."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments) {
        if (a.files.empty() && a.systems.empty()) continue;    // not an assessment body: nothing to judge
        if (!a.was_read("individual_number_basis")) continue;  // the label was not read: PPC-X01
        const Loc loc = field_loc(a.locs, "individual_number_basis", a.loc);
        if (blank(a.individual_number_basis)) {
            out.push_back(finding(
                info, a,
                {"個人番号の利用の法令上の根拠が記載されていません", "the legal basis for using My Numbers is empty"},
                {at(a, loc, "個人番号の利用 / use of My Numbers")}, {"use-basis:" + a.affair}));
            continue;
        }
        const auto cs = parse_citations(a.individual_number_basis);
        bool ok =
            cites(cs, "番号法", 9) || cites(cs, "番号法", 7) || mentions_law(cs, "住基法") ||
            mentions_law(cs, "条例") || mentions_law(cs, "主務省令") || mentions_law(cs, "別表第一省令") ||
            std::any_of(cs.begin(), cs.end(), [](const Citation& c) { return c.law == "番号法" && !c.table.empty(); });
        if (!ok)
            out.push_back(
                finding(info, a,
                        {"個人番号の利用の法令上の根拠に番号法第9条・別表・条例などの引用がありません",
                         "the legal basis for using My Numbers cites neither 番号法 第9条, its 別表 nor a 条例"},
                        {at(a, loc, "個人番号の利用 / use of My Numbers", a.individual_number_basis)},
                        {"use-basis:" + a.affair}, Severity::warning, true));
    }
}
}  // namespace

PIAGRAPH_RULE(L01, kInfo, run)

}  // namespace piagraph::checks
