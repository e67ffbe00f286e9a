// PPC-T01: system A's ③ points to B, and B, described in the same assessment, does not point back.
#include "rule_support.hpp"

namespace piagraph::checks {

void report_one_sided(const Graph& graph, const RuleInfo& info, bool across_assessments, std::vector<Finding>& out) {
    const auto& g = graph.g;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const EdgeProps& edge = g[e];
        if (edge.kind != EdgeKind::connects || !edge.declared_by_source || edge.declared_by_target) continue;
        const NodeProps& from = g[boost::source(e, g)];
        const NodeProps& to = g[boost::target(e, g)];
        const Assessment* declaring = assessment_of(graph, edge.assessment);
        if (!declaring) continue;
        // The silent end: the system itself, or every system an ambiguous box stands for.
        std::vector<const NodeProps*> silent;
        if (!to.members.empty()) {
            for (const auto& key : to.members)
                if (const Vertex* v = graph.find(key)) silent.push_back(&g[*v]);
        } else if (!to.described_in.empty()) {
            silent.push_back(&to);
        }
        if (silent.empty()) continue;  // not described anywhere: nothing to compare with
        bool same_doc = false, same_org = false;
        for (const auto* n : silent)
            for (const auto& affair : n->described_in) {
                if (affair == edge.assessment) same_doc = true;
                const Assessment* other = assessment_of(graph, affair);
                if (other && other->organization == declaring->organization) same_org = true;
            }
        if (across_assessments ? (same_doc || !same_org) : !same_doc) continue;

        std::vector<Location> locations;
        for (const auto& ev : edge.evidence) locations.push_back(at(ev, "接続を記載した側 / declaring end"));
        for (const auto* n : silent)
            for (const auto& ev : n->evidence) locations.push_back(at(ev, "記載のない側 / silent end"));
        Message m{"「" + from.label + "」は③他のシステムとの接続に「" + to.label + "」を記載していますが、「" +
                      to.label + "」側の③には「" + from.label + "」への接続がありません",
                  "\"" + from.label + "\" declares a connection to \"" + to.label + "\" in ③, but \"" + to.label +
                      "\" does not declare \"" + from.label + "\""};
        out.push_back(finding(info, *declaring, std::move(m), std::move(locations), {from.key, to.key, edge.key}));
    }
}

namespace {
const RuleInfo kInfo{
    "PPC-T01",
    "one-sided-connection",
    Severity::warning,
    {"片側だけの接続（同一評価書）", "one-sided connection (same assessment)"},
    {"同じ評価書の I-2 で、システムAの③はBとの接続を記載しているのに、Bの③はAを記載していません。"
     "接続図が食い違い、情報の流れが説明できません。両方の③（その他の（）を含む）をそろえてください。",
     "In I-2 of one assessment, system A lists B in ③ but B does not list A. The linkage map "
     "contradicts itself; make both ③ (including the names in その他) agree."},
    {"同じ評価書の「I-2 システムN ①システムの名称」と「③他のシステムとの接続」（チェック欄とその他（）の"
     "名称）をシステムどうしで突き合わせます。法令の条文ではなく、様式の記載どうしの整合によります。",
     "I-2 システムN ① (name) and ③ 他のシステムとの接続 (the boxes and the names under その他) of the "
     "systems of one assessment, compared with each other. It rests on no article: the form must agree "
     "with itself."}};
void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    report_one_sided(graph, info, false, out);
}
}  // namespace

PIAGRAPH_RULE(T01, kInfo, run)

}  // namespace piagraph::checks
