// Untrusted document text cannot change the graph or the markup in any output format.
#include <regex>

#include "piagraph/render.hpp"
#include "render_checks.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

// Names that try to close a label, open a node list, start an edge or inject markup.
const std::vector<std::string> kHostile = {
    "A\" ]; evil [label=\"x",
    "<script>alert(1)</script> & &bogus; &amp;",
    "B } subgraph cluster_x { z -> y",
    "C | D ; E --> F\nG -.-> H ==> I",
    "trailing backslash \\",
    "\\N \\G \\L",
    "n0[\"injected\"]\nclick n0 call alert()",
    "制御\x01文字\x7f と ]]> <!-- コメント -->",
};

Graph hostile_graph() {
    Graph graph;
    graph.organization = "\"市\" <長>";
    std::vector<Vertex> systems;
    for (size_t i = 0; i < kHostile.size(); ++i) {
        Vertex v = graph.node(NodeKind::system, "system:h" + std::to_string(i), kHostile[i]);
        graph.g[v].described_in.insert(kHostile[(i + 1) % kHostile.size()]);
        graph.g[v].evidence.push_back(Evidence{"doc\".txt", 3, 4, kHostile[(i + 2) % kHostile.size()]});
        systems.push_back(v);
    }
    for (size_t i = 0; i + 1 < systems.size(); ++i) {
        EdgeProps e;
        e.kind = EdgeKind::connects;
        e.key = "connects:" + std::to_string(i);
        e.declared_by_source = true;
        e.declared_by_target = i % 2 == 0;
        graph.add_edge(systems[i], systems[i + 1], e);
    }
    Vertex business = graph.node(NodeKind::business, "business:x", kHostile[2]);
    Vertex file = graph.node(NodeKind::file, "file:x/y", kHostile[0]);
    Vertex source = graph.node(NodeKind::party, "party:a", kHostile[1]);
    Vertex recipient = graph.node(NodeKind::party, "party:b", kHostile[3]);
    EdgeProps uses;
    uses.kind = EdgeKind::uses;
    uses.key = "uses:1";
    graph.add_edge(business, file, uses);
    uses.key = "uses:2";
    graph.add_edge(business, systems[0], uses);
    EdgeProps acquires;
    acquires.kind = EdgeKind::acquires;
    acquires.key = "acquires:1";
    acquires.methods = {kHostile[4], kHostile[6]};
    graph.add_edge(source, file, acquires);
    EdgeProps provides;
    provides.kind = EdgeKind::provides;
    provides.key = "provides:1";
    provides.basis = kHostile[5];
    provides.methods = {kHostile[7]};
    graph.add_edge(file, recipient, provides);
    EdgeProps transfers;
    transfers.kind = EdgeKind::transfers;
    transfers.key = "transfers:1";  // no basis: drawn as missing
    graph.add_edge(file, source, transfers);
    return graph;
}

std::vector<Finding> hostile_findings() {
    Finding f;
    f.rule = "X\"<1>";
    f.kind = "one-sided-connection";
    f.severity = Severity::error;
    f.message = {kHostile[0] + kHostile[1], "en"};
    f.subjects = {"system:h1", "connects:2", "provides:1"};
    return {f};
}

class Escaping : public ::testing::TestWithParam<View> {};

TEST_P(Escaping, EveryFormatParsesWithTheSameNodesAndEdges) {
    const Graph graph = hostile_graph();
    const Style style = load_style("default");
    Scene scene = build_scene(graph, hostile_findings(), GetParam(), style);
    add_legend(scene, style);
    ASSERT_GT(scene.nodes.size(), 2u);
    size_t drawn_edges = 0;
    for (const auto& e : scene.edges) drawn_edges += e.layout_only ? 0 : 1;

    const std::string dot = emit_scene(scene, Format::dot, style, "t").bytes;
    const test::DotCheck d = test::parse_dot(dot);
    ASSERT_TRUE(d.parsed) << dot;
    EXPECT_EQ(d.nodes, (int)scene.nodes.size()) << dot;
    EXPECT_EQ(d.edges, (int)scene.edges.size()) << dot;

    const std::string svg = emit_scene(scene, Format::svg, style, "t").bytes;
    const test::XmlCheck s = test::parse_xml(svg, "script");
    EXPECT_TRUE(s.well_formed) << s.error;
    EXPECT_EQ(s.elements_named, 0) << "document text became an SVG element";
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("<!-- コメント"), std::string::npos);

    const std::string graphml = emit_scene(scene, Format::graphml, style, "t").bytes;
    const test::XmlCheck gnodes = test::parse_xml(graphml, "node");
    ASSERT_TRUE(gnodes.well_formed) << gnodes.error << graphml;
    EXPECT_EQ(gnodes.elements_named, (int)scene.nodes.size());
    EXPECT_EQ(test::parse_xml(graphml, "edge").elements_named, (int)drawn_edges);

    // Mermaid: one line per node, one per edge; labels are one quoted string without quotes.
    const std::string mermaid = emit_scene(scene, Format::mermaid, style, "t").bytes;
    const std::regex node_line(R"(^\s*n\d+\["[^"\n]*"\]$)");
    const std::regex edge_line(R"(^\s*n\d+ (-->|-\.->|==>)(\|"[^"\n]*"\|)? n\d+$)");
    const std::regex subgraph_line(R"(^\s*(subgraph c\d+\["[^"\n]*"\]|end)$)");
    const std::regex legend_node(R"(^\s*legend\d+\["[^"\n]*"\]$)");
    const std::regex legend_edge(R"(^\s*legend\d+ (-->|-\.->|==>)(\|"[^"\n]*"\|)? legend\d+$)");
    const std::regex other(
        R"(^(%%.*|flowchart LR|\s*(classDef|class|linkStyle) [A-Za-z0-9_ ,:#.\-]*|\s*subgraph legend\["[^"\n]*"\])$)");
    int nodes = 0, edges = 0;
    size_t start = 0;
    while (start < mermaid.size()) {
        size_t end = mermaid.find('\n', start);
        if (end == std::string::npos) end = mermaid.size();
        const std::string line = mermaid.substr(start, end - start);
        start = end + 1;
        if (std::regex_match(line, node_line) || std::regex_match(line, legend_node))
            ++nodes;
        else if (std::regex_match(line, edge_line) || std::regex_match(line, legend_edge))
            ++edges;
        else
            EXPECT_TRUE(std::regex_match(line, subgraph_line) || std::regex_match(line, other))
                << "unexpected line: " << line;
    }
    EXPECT_EQ(nodes, (int)scene.nodes.size());
    EXPECT_EQ(edges, (int)drawn_edges);
}

INSTANTIATE_TEST_SUITE_P(Views, Escaping, ::testing::Values(View::annex1, View::systems, View::flows, View::org),
                         [](const auto& info) { return std::string(view_name(info.param)); });

TEST(Escaping, HostileTextSurvivesAsText) {
    const Graph graph = hostile_graph();
    const Style style = load_style("default");
    const Scene scene = build_scene(graph, {}, View::systems, style);
    const test::DotCheck d = test::parse_dot(emit_scene(scene, Format::dot, style, "t").bytes);
    ASSERT_TRUE(d.parsed);
    // The label that tried to close the attribute list is still one label, quotes and all.
    bool found = false;
    for (const auto& l : d.labels) found = found || l.find("evil [label=\"x") != std::string::npos;
    EXPECT_TRUE(found);
    // \N would print the node id; the backslash is kept as a full-width one instead.
    bool escaped = false;
    for (const auto& l : d.labels) escaped = escaped || l.find("＼N ＼G") != std::string::npos;
    EXPECT_TRUE(escaped);
}

}  // namespace
}  // namespace piagraph
