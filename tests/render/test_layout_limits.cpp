// The layout of one diagram is bounded (GitHub issue 12, item 6): how many nodes are laid out,
// how long all attempts may take, how much memory the layout process may use. The limits are
// lowered here so that the scenes stay small; the tests assert what the user gets (a bounded
// diagram that says so, or one clear error), never time.
#include <gtest/gtest.h>

#include <string>

#include "piagraph/error.hpp"
#include "piagraph/limits.hpp"
#include "piagraph/render.hpp"
#include "piagraph/text.hpp"

namespace piagraph {
namespace {

// `n` systems in a chain, each labelled with its number.
Scene chain(size_t n) {
    Scene scene;
    scene.title = "chain";
    for (size_t i = 0; i < n; ++i) {
        SceneNode node;
        node.id = "n" + std::to_string(i);
        node.label = "システム" + std::to_string(i);
        node.role = "system";
        scene.nodes.push_back(node);
        if (i > 0) {
            SceneEdge e;
            e.from = "n" + std::to_string(i - 1);
            e.to = node.id;
            e.role = "connects";
            scene.edges.push_back(e);
        }
    }
    return scene;
}

size_t count(const std::string& hay, const std::string& needle) {
    size_t n = 0;
    for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
    return n;
}

TEST(LayoutLimits, TheDefaultsAreTheLimitsOfTheHeader) {
    const LayoutLimits layout;
    EXPECT_EQ(layout.max_nodes, limits::kMaxLayoutNodes);
    EXPECT_EQ(layout.time.count(), limits::kLayoutSeconds * 1000);
    EXPECT_EQ(layout.memory_bytes, limits::kLayoutMemoryBytes);
}

TEST(LayoutLimits, ASceneOverTheNodeLimitIsDrawnWithItsFirstNodesAndSaysSo) {
    const Style style = load_style("default");
    LayoutLimits layout;
    layout.max_nodes = 40;
    const RenderResult r = emit_scene(chain(55), Format::svg, style, "chain", layout);
    EXPECT_EQ(r.omitted_nodes, 15u);
    EXPECT_EQ(count(r.bytes, "class=\"node\""), 40u);
    EXPECT_TRUE(text::contains(r.bytes, "システム39"));
    EXPECT_FALSE(text::contains(r.bytes, "システム40<"));
    EXPECT_TRUE(text::contains(r.bytes, style.text("text", "layout_limit") + " 40 / 55")) << r.bytes.substr(0, 1500);
    ASSERT_FALSE(r.warnings.empty());
    EXPECT_TRUE(text::contains(r.warnings.front(), "15 of 55 nodes left out")) << r.warnings.front();

    // The text formats lay nothing out: every node stays.
    const RenderResult dot = emit_scene(chain(55), Format::dot, style, "chain", layout);
    EXPECT_EQ(dot.omitted_nodes, 0u);
    EXPECT_TRUE(text::contains(dot.bytes, "システム54"));
}

TEST(LayoutLimits, ALayoutOverItsTimeIsStoppedWithOneClearError) {
    // 1 ms for every attempt together: the child is stopped, the simpler layouts get no time left.
    LayoutLimits layout;
    layout.time = std::chrono::milliseconds(1);
    try {
        emit_scene(chain(300), Format::svg, load_style("default"), "slow.json", layout);
        ADD_FAILURE() << "the layout finished within 1 ms";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "slow.json");
        EXPECT_TRUE(text::contains(e.message().en, "timed out after 1 ms")) << e.message().en;
        EXPECT_TRUE(text::contains(e.message().ja, "Graphviz で図を配置できません")) << e.message().ja;
    }
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

TEST(LayoutLimits, ALayoutOverItsMemoryEndsTheAttemptNotPiagraph) {
    if (kAddressSanitizer) GTEST_SKIP() << "the layout's memory is not bounded under the address sanitizer";
    // 1 MB of address space cannot hold Graphviz and a thousand nodes: each attempt fails in its
    // own process, and the render ends in one clear error.
    LayoutLimits layout;
    layout.memory_bytes = 1u << 20;
    try {
        emit_scene(chain(1000), Format::svg, load_style("default"), "big.json", layout);
        ADD_FAILURE() << "the layout fitted in 1 MB";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "big.json");
        EXPECT_TRUE(text::contains(e.message().en, "Graphviz cannot lay out the diagram")) << e.message().en;
    }
    // The same scene with the default limits is drawn.
    EXPECT_TRUE(
        text::contains(emit_scene(chain(1000), Format::svg, load_style("default"), "big.json").bytes, "</svg>"));
}

}  // namespace
}  // namespace piagraph
