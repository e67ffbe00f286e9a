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
     "評価書ごとに接続が食い違うと、団体のシステム構成を説明できません。"
     "共有システム（既存住基・統合宛名・庁内連携など）の接続は評価書間でそろえてください。",
     "A system named as a connection in one assessment is described in another assessment of the "
     "same organisation without that connection, so the organisation's assessments draw different "
     "architectures. Keep the shared systems' connections consistent."},
    {"評価実施機関名が同じ評価書どうしで「I-2 システムN ①システムの名称」と「③他のシステムとの接続」を"
     "突き合わせます。法令の条文ではなく、同じ団体の評価書間の記載の整合によります。",
     "I-2 システムN ① (name) and ③ 他のシステムとの接続 across the assessments that share one 評価実施機関名. "
     "It rests on no article: the organisation's assessments must agree with each other."}};
void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    report_one_sided(graph, info, true, out);
}
}  // namespace

PIAGRAPH_RULE(T02, kInfo, run)

}  // namespace piagraph::checks
