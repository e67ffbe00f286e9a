// PPC-L09: 別表第一/別表第二 (and their 省令) cited in a document dated on or after 2024-05-27.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L09",
    "legal-basis-mismatch",
    Severity::warning,
    {"廃止された別表第一・別表第二の引用", "citation of the repealed 別表第一/別表第二"},
    {"令和5年改正（令和6年5月27日施行）で番号法の別表第一は「別表」に、別表第二は「第十九条第八号に基づく"
     "利用特定個人情報の提供に関する命令」第2条の表に移りました。それ以後の評価書では新しい条項を引用してください。",
     "Since 2024-05-27 番号法 別表第一 is the 別表 and 別表第二 moved to the 第2条 table of the 利用特定個人情報"
     "の提供に関する命令. Cite the current provisions in documents dated after that."}};

// What to quote: the table (別表第二) or the 命令 named after it.
std::string cited(const Citation& c) { return c.table.empty() ? c.law : c.table; }

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments) {
        const std::string date = assessment_date(a);
        if (date.empty() || date < "2024-05-27") continue;
        for (const auto& fd : basis_fields(a)) {
            const auto old = repealed_appendix(parse_citations(fd.text));
            if (old.empty()) continue;
            out.push_back(finding(
                info, a,
                {fd.what_ja + "が廃止された「" + cited(old.front()) + "」を引用しています（評価書の日付 " + date + "）",
                 fd.what_en + " cites the repealed \"" + cited(old.front()) + "\" (document dated " + date + ")"},
                {at(a, fd.loc, fd.what_ja, fd.text)}, {"appendix:" + fd.what_en}));
        }
    }
}
}  // namespace

PIAGRAPH_RULE(L09, kInfo, run)

}  // namespace piagraph::checks
