// The linkage graph: canonical system nodes, connection flags, flows, on gold models and
// small hand-made ones.
#include <gtest/gtest.h>

#include "piagraph/graph.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

using test::make_system;

const EdgeProps* connection(const Graph& graph, const std::string& a, const std::string& b) {
    const Edge* e = graph.find_edge("connects:" + std::min(a, b) + "|" + std::max(a, b));
    return e ? &graph.g[*e] : nullptr;
}

int count_kind(const Graph& graph, NodeKind kind) {
    int n = 0;
    for (auto v : boost::make_iterator_range(boost::vertices(graph.g))) n += graph.g[v].kind == kind;
    return n;
}

TEST(SystemKey, StandardAliasesResolveToOneCanonicalKey) {
    EXPECT_EQ(system_key("既存住基"), "system:kizon_juki");
    EXPECT_EQ(system_key("既存住民基本台帳システム"), "system:kizon_juki");
    EXPECT_EQ(system_key("住民基本台帳ネットワークシステム(以下「住基ネット」という。)"), "system:juki_net");
    EXPECT_EQ(system_key("市町村ＣＳ"), "system:juki_net");
    EXPECT_EQ(system_key("中間サーバ"), "system:chukan_server");
    EXPECT_EQ(system_key("団体内統合宛名システム"), "system:togo_atena");
}

TEST(SystemKey, ContainedAliasNeedsAGenericRemainder) {
    // 国税連携支援システム is a business subsystem, not the 国税連携システム itself.
    EXPECT_NE(system_key("国税連携支援システム(税務システム内)"), system_key("国税連携システム"));
    EXPECT_EQ(system_key("国税連携支援システム(税務システム内)"), "system:国税連携支援システム");
    EXPECT_NE(system_key("住基ネットGWシステム"), "system:juki_net");
}

TEST(SystemKey, BracketedSuffixesAreDropped) {
    EXPECT_EQ(normalize_system_name("収納システム（税務システム内）"), "収納システム");
    EXPECT_EQ(system_key("収納システム（税務システム内）"), system_key("収納システム"));
    EXPECT_EQ(system_key("滞納管理 システム"), system_key("滞納管理システム"));
}

TEST(BuildGraph, ConnectionDeclaredByBothEndsIsOneEdgeWithBothFlags) {
    Assessment a;
    a.affair = "住民基本台帳に関する事務";
    a.source_file = "a.txt";
    a.systems = {make_system(1, "既存住基システム", {"庁内連携システム"}, {}, 10),
                 make_system(2, "庁内連携システム", {"既存住民基本台帳システム"}, {}, 20),
                 make_system(3, "団体内統合宛名システム", {}, {"中間サーバー"}, 30),
                 make_system(4, "中間サーバー", {}, {}, 40)};
    Graph graph = build_graph({a});
    const EdgeProps* both = connection(graph, "system:kizon_juki", "system:chonai_renkei");
    ASSERT_NE(both, nullptr);
    EXPECT_TRUE(both->declared_by_source);
    EXPECT_TRUE(both->declared_by_target);
    EXPECT_EQ(both->evidence.size(), 2u);
    const EdgeProps* one = connection(graph, "system:togo_atena", "system:chukan_server");
    ASSERT_NE(one, nullptr);
    EXPECT_TRUE(one->declared_by_source);
    EXPECT_FALSE(one->declared_by_target);
    ASSERT_FALSE(one->evidence.empty());
    EXPECT_EQ(one->evidence.front().file, "a.txt");
    EXPECT_EQ(one->evidence.front().line, 31);
}

TEST(BuildGraph, SystemsSharedByTwoAssessmentsAreOneVertex) {
    Assessment a, b;
    a.affair = "住民基本台帳に関する事務";
    a.organization = b.organization = "某市長";
    a.systems = {make_system(1, "既存住民基本台帳システム", {}, {})};
    b.affair = "個人住民税に関する事務";
    b.systems = {make_system(1, "個人住民税システム", {"既存住民基本台帳システム"}, {}),
                 make_system(2, "既存住基", {}, {})};
    Graph graph = build_graph({a, b});
    const Vertex* v = graph.find("system:kizon_juki");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(graph.g[*v].described_in.size(), 2u);
    EXPECT_EQ(graph.g[*v].names.count("既存住基"), 1u);
    EXPECT_EQ(count_kind(graph, NodeKind::business), 2);
}

TEST(BuildGraph, BoxResolvesToTheOneNamedSystemItDenotes) {
    Assessment a;
    a.affair = "国民健康保険に関する事務";
    a.systems = {make_system(1, "国保システム", {"宛名システム等"}, {}),
                 make_system(2, "統合宛名システム", {}, {"国保システム"})};
    Graph graph = build_graph({a});
    const EdgeProps* e = connection(graph, system_key("国保システム"), "system:togo_atena");
    ASSERT_NE(e, nullptr);
    EXPECT_TRUE(e->declared_by_target);
    EXPECT_EQ(graph.find("system:box:宛名システム等"), nullptr);
}

TEST(BuildGraph, AmbiguousBoxStaysABoxNodeAndCountsAnyMemberDeclaringBack) {
    Assessment a;
    a.affair = "個人住民税に関する事務";
    a.systems = {make_system(1, "個人住民税システム(税務システム内)", {"宛名システム等"}, {}),
                 make_system(2, "宛名システム（税務システム内）", {}, {"個人住民税システム"}),
                 make_system(3, "団体内統合宛名システム", {"庁内連携システム"}, {})};
    Graph graph = build_graph({a});
    const Vertex* box = graph.find("system:box:宛名システム等");
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(graph.g[*box].members.size(), 2u);
    const EdgeProps* e = connection(graph, system_key("個人住民税システム"), "system:box:宛名システム等");
    ASSERT_NE(e, nullptr);
    EXPECT_TRUE(e->declared_by_target);
}

TEST(BuildGraph, FlowsContractorsAndStorage) {
    Assessment a;
    a.affair = "介護保険に関する事務";
    a.source_file = "k.txt";
    FileBlock f;
    f.names = {"介護保険ファイル"};
    f.sources = {{"本人又は本人の代理人", "", false, Loc::at(5)}};
    f.methods = {"紙"};
    Flow p;
    p.recipient = "国民健康保険団体連合会";
    p.basis = "番号法第19条第8号";
    p.methods = {"情報提供ネットワークシステム"};
    p.loc = Loc::at(50);
    f.provisions = {p};
    Entrustment e;
    e.item = "システム保守";
    e.contractor = "株式会社テスト";
    e.resubcontract = true;
    f.entrustments = {e};
    f.storage = "データセンターに設置し、中間サーバー・プラットフォームに保管する。ガバメントクラウド";
    a.files = {f};
    Graph graph = build_graph({a});
    EXPECT_EQ(count_kind(graph, NodeKind::file), 1);
    EXPECT_EQ(count_kind(graph, NodeKind::contractor), 2);  // contractor and its resubcontractor
    EXPECT_EQ(count_kind(graph, NodeKind::storage), 3);     // not also 中間サーバー
    int provides = 0;
    for (auto e : boost::make_iterator_range(boost::edges(graph.g)))
        if (graph.g[e].kind == EdgeKind::provides) {
            ++provides;
            EXPECT_EQ(graph.g[e].basis, "番号法第19条第8号");
            EXPECT_EQ(graph.g[e].evidence.front().line, 50);
        }
    EXPECT_EQ(provides, 1);
    EXPECT_NE(graph.find("storage:chukan_platform"), nullptr);
}

TEST(BuildGraphGold, KumamotoOnlyTheIntermediateServerLinkIsOneSided) {
    PIAGRAPH_REQUIRE_SHARED();
    Model m = test::gold_model("001_f3ae5f06107008c9.json");
    Graph graph = build_graph(m.assessments);
    std::vector<std::string> one_sided;
    for (auto e : boost::make_iterator_range(boost::edges(graph.g))) {
        const EdgeProps& p = graph.g[e];
        const NodeProps& target = graph.g[boost::target(e, graph.g)];
        if (p.kind == EdgeKind::connects && !p.declared_by_target && !target.described_in.empty())
            one_sided.push_back(graph.g[boost::source(e, graph.g)].key + "->" + target.key);
    }
    ASSERT_EQ(one_sided.size(), 1u) << one_sided.front();
    EXPECT_EQ(one_sided.front(), "system:togo_atena->system:chukan_server");
    EXPECT_EQ(count_kind(graph, NodeKind::file), 1);
}

TEST(BuildGraphGold, EveryGoldModelBuildsWithFlowsForEachListedEntry) {
    PIAGRAPH_REQUIRE_SHARED();
    for (const char* name : {"001_f3ae5f06107008c9.json", "002_ce1e4f6d08f5269a.json", "003_f26928cd63338999.json"}) {
        Model m = test::gold_model(name);
        Graph graph = build_graph(m.assessments);
        size_t flows = 0, listed = 0;
        for (const auto& a : m.assessments)
            for (const auto& f : a.files)
                for (const auto* list : {&f.provisions, &f.transfers})
                    for (const auto& fl : *list) listed += !fl.recipient.empty();
        for (auto e : boost::make_iterator_range(boost::edges(graph.g)))
            flows += graph.g[e].kind == EdgeKind::provides || graph.g[e].kind == EdgeKind::transfers;
        EXPECT_EQ(flows, listed) << name;
        EXPECT_GT(count_kind(graph, NodeKind::system), 0) << name;
    }
}

}  // namespace
}  // namespace piagraph
