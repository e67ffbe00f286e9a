// PPC-L15: a 番号法 別表 item written as 第N号 where the 別表 has 項.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L15",
    "legal-basis-mismatch",
    Severity::info,
    {"別表の項を号と記載", "別表 item written as 号"},
    {"番号法の別表は「項」で区分されています（例: 別表第一 第16項）。「第16号」は項の誤記と考えられます。"
     "引用が誤って読まれないよう「第16項」と記載してください。",
     "The 別表 of 番号法 is divided into 項 (e.g. 別表第一 第16項); \"第16号\" is probably a slip for 項. "
     "Write 第16項 so that the citation cannot be misread."},
    {"「I-5 個人番号の利用」「I-6 ②」「II-5 提供先N・移転先N ①」の法令上の根拠で、番号法の別表（旧別表第一・"
     "第二を含む）の区分を「号」と書いた引用を探します。",
     "The 法令上の根拠 of I-5 個人番号の利用, I-6 ② and II-5 提供先N/移転先N ①: an item of a 番号法 別表 "
     "(including the former 別表第一/第二) written as 号."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments)
        for (const auto& fd : basis_fields(a))
            for (const auto& c : parse_citations(fd.text))
                if (c.law == "番号法" && c.table_item_written_as_go) {
                    out.push_back(finding(
                        info, a,
                        {fd.what_ja + "の「" + c.raw + "」は第" + std::to_string(c.table_item) + "項の誤りと思われます",
                         fd.what_en + ": \"" + c.raw + "\" should probably read 第" + std::to_string(c.table_item) +
                             "項"},
                        {at(a, fd.loc, fd.what_ja, fd.text)}, {"go:" + fd.what_en + c.raw}));
                    break;
                }
}
}  // namespace

PIAGRAPH_RULE(L15, kInfo, run)

}  // namespace piagraph::checks
