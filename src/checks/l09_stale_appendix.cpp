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
     "の提供に関する命令. Cite the current provisions in documents dated after that."},
    {"「I-5 個人番号の利用」「I-6 ②」「II-5 提供先N・移転先N ①」の法令上の根拠と、公表日・変更箇所の日付を"
     "読みます。令和5年法律第48号による番号法改正（令和6年5月27日施行）で廃止された別表第一・別表第二と"
     "その主務省令の引用を探します。",
     "The 法令上の根拠 of I-5 個人番号の利用, I-6 ② and II-5 提供先N/移転先N ①, with the 公表日 and 変更箇所 "
     "dates: citations of 番号法 別表第一/別表第二 and their 主務省令, repealed by the 2023 amendment (令和5年"
     "法律第48号) in force from 2024-05-27."}};

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
