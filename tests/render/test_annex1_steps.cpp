// 別添1 per assessment (issue 14): lanes, and each step whose text names two ends drawn as a
// numbered edge between them, on the example city and corpus 003; legends list only what is drawn.
#include <gtest/gtest.h>

#include <regex>

#include "piagraph/pipeline.hpp"
#include "piagraph/render.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

struct Annex1 {
    Scene scene;
    size_t model_steps = 0;
    std::string svg;
};

Annex1 annex1_of(const std::string& path, const std::string& affair_word) {
    const Analysis analysis = analyse({path});
    const Style style = load_style("default");
    for (const auto& org : analysis.organisations)
        for (const Assessment& a : org.graph.assessments) {
            if (a.affair.find(affair_word) == std::string::npos) continue;
            SceneOptions options;
            options.assessment = a.affair;
            options.step_note = false;
            Annex1 out{build_scene(org.graph, org.findings, View::annex1, style, options), a.attachment1_steps.size(),
                       ""};
            Scene drawn = out.scene;
            add_legend(drawn, style);
            out.svg = emit_scene(drawn, Format::svg, style, path).bytes;
            // Graphviz writes '-' in attribute text as &#45;.
            for (size_t at = out.svg.find("&#45;"); at != std::string::npos; at = out.svg.find("&#45;", at))
                out.svg.replace(at, 5, "-");
            return out;
        }
    return {};
}

std::string label_of(const Scene& scene, const std::string& id) {
    for (const SceneNode& n : scene.nodes)
        if (n.id == id) return n.label;
    return "";
}

// The step's edge, as "from → to" labels, or "" when it is not drawn.
std::string step_edge(const Scene& scene, const std::string& label) {
    for (const StepPlacement& s : scene.steps)
        if (s.label == label && s.drawn()) return label_of(scene, s.from) + " → " + label_of(scene, s.to);
    return "";
}

// Every listed step is in the model, every drawn one is an edge of the SVG with its number.
void expect_steps_drawn_as_edges(const Annex1& a, size_t at_least) {
    EXPECT_EQ(a.scene.steps.size(), a.model_steps);
    size_t drawn = 0;
    for (const StepPlacement& s : a.scene.steps) {
        if (!s.drawn()) continue;
        ++drawn;
        const std::regex edge("<g id=\"[^\"]*\" class=\"edge step " + s.css_class + "\">");
        EXPECT_TRUE(std::regex_search(a.svg, edge)) << s.label << " has no edge in the SVG";
    }
    static const std::regex any_step("class=\"edge step step-");
    EXPECT_EQ(std::distance(std::sregex_iterator(a.svg.begin(), a.svg.end(), any_step), std::sregex_iterator()),
              static_cast<long>(drawn));
    EXPECT_GE(drawn, at_least);
    std::cout << "[ steps ] " << drawn << " of " << a.model_steps << " drawn as numbered edges\n";
}

TEST(Annex1Steps, ExampleResidentRegisterStepsAreNumberedEdges) {
    const Annex1 a = annex1_of((test::source_dir() / "examples/midori").string(), "住民基本台帳");
    ASSERT_FALSE(a.scene.steps.empty());
    expect_steps_drawn_as_edges(a, 9);
    EXPECT_EQ(step_edge(a.scene, "1-①"), "本人又は本人の代理人 → 市民生活部市民課");
    EXPECT_EQ(step_edge(a.scene, "2-①"), "既存住民基本台帳システム → 住民基本台帳ネットワークシステム");
    EXPECT_EQ(step_edge(a.scene, "4-②"), "中間サーバー → 情報提供ネットワークシステム");
    // One 別添1 per assessment: the tax office's files are not in the resident register's picture.
    for (const SceneNode& n : a.scene.nodes) EXPECT_EQ(n.label.find("個人住民税"), std::string::npos) << n.label;
}

TEST(Annex1Steps, ExampleTaxStepsAreNumberedEdges) {
    const Annex1 a = annex1_of((test::source_dir() / "examples/midori").string(), "個人住民税");
    expect_steps_drawn_as_edges(a, 8);
    EXPECT_EQ(step_edge(a.scene, "1-①"), "本人又は本人の代理人 → 総務部税務課");
}

TEST(Annex1Steps, Corpus003StepsAreNumberedEdgesAndUnclearOnesListed) {
    PIAGRAPH_REQUIRE_SHARED();
    const Annex1 a = annex1_of(test::corpus("003_f26928cd63338999.txt").string(), "住民基本台帳");
    ASSERT_EQ(a.model_steps, 11u);
    expect_steps_drawn_as_edges(a, 9);
    EXPECT_EQ(step_edge(a.scene, "1-①"), "本人又は本人の代理人 → 市民部市民課");
    EXPECT_EQ(step_edge(a.scene, "2-①"), "既存住民基本台帳システム → 住民基本台帳ネットワークシステム");
    EXPECT_EQ(step_edge(a.scene, "3-②"), "住民基本台帳ネットワークシステム → 住民基本台帳ファイル");
    EXPECT_EQ(step_edge(a.scene, "1-③"), "") << "1-③ names only 住民基本台帳: listed, not guessed";
    // The lanes: sources, the organisation with its 課, recipients.
    std::set<std::string> roles;
    for (const SceneCluster& c : a.scene.clusters) roles.insert(c.role);
    for (const char* role : {"sources", "body", "unit", "recipients"}) EXPECT_TRUE(roles.count(role)) << role;
}

TEST(Annex1Steps, LegendListsOnlyWhatIsDrawn) {
    const Annex1 a = annex1_of((test::source_dir() / "examples/midori").string(), "住民基本台帳");
    Scene scene = a.scene;
    std::set<std::string> drawn;
    for (const SceneNode& n : scene.nodes) drawn.insert({n.role, n.mark});
    for (const SceneEdge& e : scene.edges)
        if (!e.layout_only) drawn.insert({e.role, e.mark});
    const size_t before_nodes = scene.nodes.size(), before_edges = scene.edges.size();
    add_legend(scene, load_style("default"));
    ASSERT_GT(scene.nodes.size(), before_nodes);
    for (size_t i = before_nodes; i < scene.nodes.size(); ++i) {
        const SceneNode& n = scene.nodes[i];
        if (n.role == "legend_point") continue;
        EXPECT_TRUE(drawn.count(n.mark.empty() ? n.role : n.mark)) << n.label << " is in the legend, not drawn";
        EXPECT_FALSE(n.label.empty());
    }
    for (size_t i = before_edges; i < scene.edges.size(); ++i) {
        EXPECT_TRUE(drawn.count(scene.edges[i].role)) << scene.edges[i].label << " is in the legend, not drawn";
        EXPECT_FALSE(scene.edges[i].label.empty());
    }
    EXPECT_TRUE(std::any_of(scene.edges.begin() + before_edges, scene.edges.end(),
                            [](const SceneEdge& e) { return e.role == "step"; }));
}

}  // namespace
}  // namespace piagraph
