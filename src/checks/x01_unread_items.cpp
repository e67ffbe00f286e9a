// PPC-X01: items of the form that extract could not read (Assessment::coverage, GitHub issue 9).
// The absence rules stay silent on such items; this note, at most one per assessment, names them.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{"PPC-X01",
                     "other",
                     Severity::info,
                     {"読み取れなかった項目", "items that could not be read"},
                     {"評価書の中に項目のラベルが見つからず、値を読み取れなかった項目があります。これらの項目について"
                      "は「記載がない」とは判断せず、記載漏れの点検もしていません。原本（PDF）で確認してください。",
                      "The labels of some items of the form were not found in the document, so their values could not "
                      "be read. They are not reported as empty and no absence check ran on them: check them in the "
                      "original (PDF)."}};

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
