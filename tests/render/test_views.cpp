// Every view in every format for the annotated corpus models, the 別添1 of 003, fonts, styles,
// wrapping and the large-graph fallback.
#include <filesystem>
#include <fstream>

#include "piagraph/render.hpp"
#include "piagraph/text.hpp"
#include "render_checks.hpp"
#include "synthetic_org.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> gold_models() {
    std::vector<fs::path> out;
    const fs::path dir = test::shared_dir() / "corpus" / "annotations";
    if (!fs::is_directory(dir)) return out;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".json") out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

Graph gold_graph(const fs::path& path) {
    const Model model = parse_model_json(test::read_text(path), path.string());
    return build_graph(model.assessments);
}

void expect_valid(const std::string& bytes, Format format, const std::string& what) {
    ASSERT_FALSE(bytes.empty()) << what;
    switch (format) {
        case Format::svg: {
            const test::XmlCheck x = test::parse_xml(bytes, "g");
            EXPECT_TRUE(x.well_formed) << what << ": " << x.error;
            EXPECT_GT(x.elements_named, 1) << what;
            break;
        }
        case Format::graphml: {
            const test::XmlCheck x = test::parse_xml(bytes, "node");
            EXPECT_TRUE(x.well_formed) << what << ": " << x.error;
            EXPECT_GT(x.elements_named, 0) << what;
            break;
        }
        case Format::png:
            EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8)) << what;
            break;
        case Format::pdf:
            EXPECT_EQ(bytes.substr(0, 5), "%PDF-") << what;
            break;
        case Format::dot: {
            const test::DotCheck d = test::parse_dot(bytes);
            EXPECT_TRUE(d.parsed) << what;
            EXPECT_GT(d.nodes, 0) << what;
            break;
        }
        case Format::mermaid:
            EXPECT_NE(bytes.find("flowchart LR\n"), std::string::npos) << what;
            break;
    }
}

TEST(RenderCorpus, EveryViewInEveryFormatForEachGoldModel) {
    PIAGRAPH_REQUIRE_SHARED();
    const auto models = gold_models();
    ASSERT_FALSE(models.empty());
    for (const auto& path : models) {
        const Graph graph = gold_graph(path);
        const std::vector<Finding> findings = run_checks(graph);
        for (View view : {View::annex1, View::systems, View::flows, View::org})
            for (Format format :
                 {Format::svg, Format::png, Format::pdf, Format::dot, Format::mermaid, Format::graphml}) {
                const std::string what = path.filename().string() + " " + view_name(view) + " " + format_name(format);
                RenderOptions options;
                options.view = view;
                options.format = format;
                const RenderResult r = render(graph, findings, options, what);
                expect_valid(r.bytes, format, what);
            }
    }
}

// Labels of the 別添1 view of 003 (住民基本台帳): what its diagram and (備考) show.
TEST(RenderCorpus, Annex1Of003ShowsActorsSystemsFilesAndSteps) {
    PIAGRAPH_REQUIRE_SHARED();
    const fs::path path = test::corpus("annotations/003_f26928cd63338999.json");
    const Model model = parse_model_json(test::read_text(path), path.string());
    const Graph graph = build_graph(model.assessments);
    const Style style = load_style("default");
    const Scene scene = build_scene(graph, {}, View::annex1, style);
    RenderOptions options;
    options.format = Format::dot;
    const test::DotCheck dot = test::parse_dot(render(graph, {}, options, "003").bytes);
    ASSERT_TRUE(dot.parsed);
    std::string all;
    for (const auto& l : dot.labels) all += l + "\n";
    for (const char* expected :
         {"市民部市民課", "住民基本台帳ファイル", "本人確認情報ファイル", "送付先情報ファイル",
          "既存住民基本台帳システム", "住民基本台帳ネットワークシステム", "庁内連携システム", "団体内統合宛名システム",
          "中間サーバー", "情報提供ネットワークシステム", "株式会社福島情報処理センター", "本人又は本人の代理人",
          "都道府県", "入手元", "提供先・移転先"})
        EXPECT_NE(all.find(expected), std::string::npos) << expected << " missing from\n" << all;
    for (const Step& step : model.assessments.front().attachment1_steps)
        EXPECT_NE(all.find(step.label), std::string::npos) << step.label;

    // Steps that name two things sit on the edge between them: 2-① 既存住基システムから市町村CSに….
    auto edge_with_step = [&](const std::string& label, const std::string& a, const std::string& b) {
        for (const SceneEdge& e : scene.edges) {
            if (e.label.find(label) == std::string::npos) continue;
            std::string from, to;
            for (const SceneNode& n : scene.nodes) {
                if (n.id == e.from) from = n.label;
                if (n.id == e.to) to = n.label;
            }
            if ((from == a && to == b) || (from == b && to == a)) return true;
        }
        return false;
    };
    EXPECT_TRUE(edge_with_step("2-①", "既存住民基本台帳システム", "住民基本台帳ネットワークシステム"));
    EXPECT_TRUE(edge_with_step("3-①", "既存住民基本台帳システム", "住民基本台帳ネットワークシステム"));
    // The flows to other bodies go out through 中間サーバー and 情報提供ネットワークシステム.
    bool via_nws = false;
    for (const SceneEdge& e : scene.edges)
        for (const SceneNode& n : scene.nodes)
            if (n.id == e.to && n.label == "情報提供ネットワークシステム" && e.role == "via") via_nws = true;
    EXPECT_TRUE(via_nws);
}

TEST(RenderFont, CjkFontIsInstalledAndCoversJapanese) {
    const Style style = load_style("default");
    const FontMatch m = match_font(style.font());
    ASSERT_TRUE(m.exact) << "fontconfig does not find \"" << style.font() << "\" (it offers \"" << m.family
                         << "\"): install fonts-noto-cjk, or Japanese labels render as boxes";
    EXPECT_TRUE(m.covers_japanese) << m.file;
}

// Different Japanese labels must give different pictures: missing glyphs would all be the
// same box and the two images identical.
TEST(RenderFont, PngDrawsJapaneseGlyphs) {
    const Style style = load_style("default");
    auto png_of = [&](const std::string& label) {
        Scene scene;
        SceneNode n;
        n.id = "n0";
        n.label = label;
        n.role = "system";
        scene.nodes.push_back(n);
        return emit_scene(scene, Format::png, style, "font").bytes;
    };
    const std::string a = png_of("住民基本台帳"), b = png_of("個人番号利用"), c = png_of("住民基本台帳");
    ASSERT_EQ(a.substr(1, 3), "PNG");
    EXPECT_EQ(a, c) << "rendering is not deterministic; the comparison below would prove nothing";
    EXPECT_NE(a, b) << "two different Japanese labels rendered identically: glyphs are missing (tofu)";
    const fs::path out = test::temp_dir() / "font.png";
    test::write_text(out, a);
}

TEST(RenderStyle, EmbeddedStylesDifferAndFilesOverlayDefault) {
    const auto names = style_names();
    for (const char* n : {"default", "mono", "contrast"})
        EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
    const Style def = load_style("default"), mono = load_style("mono"), contrast = load_style("contrast");
    EXPECT_NE(def.attributes("marks", "error"), mono.attributes("marks", "error"));
    EXPECT_NE(def.attributes("edges", "no_basis"), contrast.attributes("edges", "no_basis"));
    EXPECT_EQ(mono.attributes("nodes", "file").at("fillcolor"), "#ffffff");

    const fs::path file = test::temp_dir() / "mine.json";
    test::write_text(file, R"({"font_size": 14, "marks": {"error": {"color": "#123456"}}})");
    const Style mine = load_style(file.string());
    EXPECT_EQ(mine.font_size(), 14);
    EXPECT_EQ(mine.attributes("marks", "error").at("color"), "#123456");
    EXPECT_EQ(mine.attributes("marks", "error").at("penwidth"), def.attributes("marks", "error").at("penwidth"));
    EXPECT_EQ(mine.text("legend", "title"), "凡例");

    EXPECT_THROW(load_style("no-such-style"), InputError);
    const fs::path bad = test::temp_dir() / "bad.json";
    test::write_text(bad, "{\"font\": ");
    EXPECT_THROW(load_style(bad.string()), InputError);
}

TEST(RenderText, WrapKeepsDisplayWidthAndLineLimit) {
    const std::string long_name =
        "番号法第１９条第８号に基づく主務省令第２条の表の第１欄に掲げる者又は条例で定める機関";
    const std::string wrapped = wrap_text(long_name, 24, 3);
    const auto lines = std::count(wrapped.begin(), wrapped.end(), '\n') + 1;
    EXPECT_EQ(lines, 3);
    for (size_t start = 0; start <= wrapped.size();) {
        size_t end = wrapped.find('\n', start);
        if (end == std::string::npos) end = wrapped.size();
        EXPECT_LE(text::length(wrapped.substr(start, end - start)), 12u);
        start = end + 1;
    }
    EXPECT_NE(wrapped.find("…"), std::string::npos);
    EXPECT_EQ(wrap_text("short", 24, 3), "short");
    EXPECT_EQ(wrap_text("住民基本台帳ネットワークシステム", 24, 6), "住民基本台帳ネットワーク\nシステム");
}

TEST(RenderLarge, ThousandNodeOrganisationFallsBackAndRenders) {
    const Graph graph = test::synthetic_org_graph(1000);
    ASSERT_EQ(boost::num_vertices(graph.g), 1000u);
    RenderOptions options;
    options.view = View::org;
    options.format = Format::svg;
    const RenderResult r = render(graph, {}, options, "synthetic");
    EXPECT_EQ(r.engine, "sfdp");
    const test::XmlCheck x = test::parse_xml(r.bytes, "g");
    EXPECT_TRUE(x.well_formed) << x.error;
    EXPECT_GT(x.elements_named, 1000);
}

TEST(RenderFindings, AboutKeysAreMarkedAndExplained) {
    PIAGRAPH_REQUIRE_SHARED();
    const Graph graph = gold_graph(test::corpus("annotations/003_f26928cd63338999.json"));
    Finding f;
    f.rule = "T-1";
    f.severity = Severity::error;
    f.message = {"テストの指摘", "test finding"};
    f.about = {"system:kizon_juki"};
    const Style style = load_style("default");
    Scene scene = build_scene(graph, {f}, View::systems, style);
    bool marked = false;
    for (const SceneNode& n : scene.nodes)
        if (n.keys == std::vector<std::string>{"system:kizon_juki"}) {
            marked = n.mark == "error";
            EXPECT_NE(n.tooltip.find("テストの指摘"), std::string::npos);
        }
    EXPECT_TRUE(marked);
    EXPECT_TRUE(scene.legend.count("error"));
    add_legend(scene, style);
    bool legend_explains = false;
    for (const SceneNode& n : scene.nodes)
        legend_explains = legend_explains || (n.cluster == "legend" && n.mark == "error");
    EXPECT_TRUE(legend_explains);
}

}  // namespace
}  // namespace piagraph
