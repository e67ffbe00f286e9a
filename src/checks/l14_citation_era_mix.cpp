// PPC-L14: one document citing both the repealed 別表第二 numbering and the 2024 提供命令.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L14",
    "legal-basis-mismatch",
    Severity::warning,
    {"新旧の根拠規定の混在", "old and new citations mixed"},
    {"同じ評価書の中で、令和6年5月27日に廃止された別表第一・別表第二と、新しい「利用特定個人情報の提供に関する"
     "命令」（提供命令）が混在しています。一部の欄だけが更新されたと考えられます。古い方の欄を更新してください。",
     "The document cites both the 別表第一/別表第二 repealed on 2024-05-27 and the new 提供命令: "
     "some fields were updated and others were not. Update the old ones."},
    {"「I-5 個人番号の利用」「I-6 ②」「II-5 提供先N・移転先N ①」の法令上の根拠を評価書全体で読みます（日付は"
     "見ません）。令和6年5月27日に廃止された番号法別表第一・別表第二と、番号法第19条第8号に基づく利用特定個人"
     "情報の提供に関する命令によります。",
     "The 法令上の根拠 of I-5 個人番号の利用, I-6 ② and II-5 提供先N/移転先N ① over the whole document (no "
     "date needed): 番号法 別表第一/別表第二, repealed on 2024-05-27, and the 提供命令 under 番号法 第19条第8号."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments) {
        std::vector<Location> old_fields;
        std::vector<std::string> names;
        const BasisField* current = nullptr;
        const auto fields = basis_fields(a);
        for (const auto& fd : fields) {
            const auto cs = parse_citations(fd.text);
            if (!repealed_appendix(cs).empty()) {
                old_fields.push_back(at(a, fd.loc, fd.what_ja + "（旧）", fd.text));
                names.push_back(fd.what_ja);
            }
            if (!current && mentions_law(cs, "提供命令")) current = &fd;
        }
        if (old_fields.empty() || !current) continue;
        old_fields.push_back(at(a, current->loc, current->what_ja + "（新）", current->text));
        out.push_back(finding(info, a,
                              {join(names, "、") + "は廃止された別表第一・第二を引用していますが、" + current->what_ja +
                                   "は新しい提供命令を引用しています",
                               std::to_string(names.size()) + " field(s) cite the repealed 別表第一/第二 while " +
                                   current->what_en + " cites the new 提供命令"},
                              std::move(old_fields), {"era-mix:" + a.affair}));
    }
}
}  // namespace

PIAGRAPH_RULE(L14, kInfo, run)

}  // namespace piagraph::checks
