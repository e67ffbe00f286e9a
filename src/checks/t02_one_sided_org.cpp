// PPC-T02: the same check across the merged assessments of one organisation.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T02",
    "one-sided-connection",
    Severity::warning,
    {"片側だけの接続（同一団体の評価書間）", "one-sided connection (across the organisation's assessments)"},
    {"ある評価書のシステムが接続先として記載したシステムが、同じ団体の別の評価書では、その接続を記載していません。"
     "共有システム（既存住基・統合宛名・庁内連携など）の接続は評価書間でそろえてください。",
     "A system named as a connection in one assessment is described in another assessment of the "
     "same organisation without that connection. Keep the shared systems' connections consistent."}};
void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    report_one_sided(graph, info, true, out);
}
}  // namespace

PIAGRAPH_RULE(T02, kInfo, run)

}  // namespace piagraph::checks
