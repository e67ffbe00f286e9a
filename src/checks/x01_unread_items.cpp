// PPC-X01: items of the form that extract could not read (Assessment::coverage, GitHub issue 9).
// The absence rules stay silent on such items; this note, at most one per assessment, names them.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-X01",
    "other",
    Severity::info,
    {"読み取れなかった項目", "items that could not be read"},
    {"評価書の中に項目のラベルが見つからず、値を読み取れなかった項目があります。これらの項目について"
     "は「記載がない」とは判断せず、記載漏れの点検もしていません。原本（PDF）で確認してください。",
     "The labels of some items of the form were not found in the document, so their values could not "
     "be read. They are not reported as empty and no absence check ran on them: check them in the "
     "original (PDF)."},
    {"評価書の各項目（公表日、I-2 システム・③接続、I-5 個人番号の利用 法令上の根拠、I-6 情報連携、II-3 "
     "入手元・入手方法、II-4 委託事項N ⑥〜⑨、II-5 提供先N・移転先N の①⑥など）のラベルと、PDF の"
     "各ページの本文が読み取れたかを見ます。法令ではなく、piagraph が読み取れた範囲の報告です。",
     "Whether the label of each item of the form was found (公表日, I-2 systems and ③, I-5 個人番号の"
     "利用 法令上の根拠, I-6 情報連携, II-3 入手元/入手方法, II-4 委託事項N ⑥–⑨, II-5 提供先N/移転先N ① "
     "and ⑥ …) and whether each PDF page's text was read. It rests on no law: it reports what "
     "piagraph could read."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments) {
        const auto unread = unread_in_form_order(a);
        if (unread.empty()) continue;
        std::vector<std::string> ja, en;
        for (const auto& item : unread) {
            ja.push_back(coverage_label(item, Lang::ja));
            en.push_back(coverage_label(item, Lang::en));
        }
        const Loc first = a.loc.known() ? Loc::at(a.loc.line) : Loc::at(1);
        out.push_back(
            finding(info, a,
                    {"読み取れなかった項目が" + std::to_string(unread.size()) + "件あります: " + join(ja, "、"),
                     std::to_string(unread.size()) + " item(s) could not be read: " + join(en, "; ")},
                    {at(a, first, "評価書 / assessment")}, {"unread:" + a.affair}));
    }
}
}  // namespace

PIAGRAPH_RULE(X01, kInfo, run)

}  // namespace piagraph::checks
