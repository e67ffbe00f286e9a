// Findings point at graph elements (GitHub issue 10): every finding of the example city shows on
// a view, with its rule id in the SVG (the marked element's tooltip), where a reviewer would look.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "piagraph/pipeline.hpp"
#include "piagraph/render.hpp"
#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

TEST(FindingsOnViews, EveryExampleFindingShowsOnAView) {
    const Analysis analysis = analyse({(test::source_dir() / "examples" / "midori").string()});
    ASSERT_EQ(analysis.organisations.size(), 1u);
    const OrganisationAnalysis& org = analysis.organisations.front();
    ASSERT_FALSE(org.findings.empty());
    std::map<View, std::string> svg;
    for (View view : {View::annex1, View::systems, View::flows, View::org}) {
        RenderOptions options;
        options.view = view;
        options.format = Format::svg;
        // Graphviz writes '-' in attribute text as &#45;.
        std::string bytes = render(org.graph, org.findings, options, "midori").bytes;
        for (size_t at = bytes.find("&#45;"); at != std::string::npos; at = bytes.find("&#45;", at))
            bytes.replace(at, 5, "-");
        svg[view] = std::move(bytes);
    }
    for (const Finding& f : org.findings) {
        EXPECT_FALSE(f.about.empty()) << f.rule << " is about no graph element";
        for (const auto& key : f.about)
            EXPECT_TRUE(org.graph.find(key) || org.graph.find_edge(key)) << f.rule << ": " << key;
        const bool shown =
            std::any_of(svg.begin(), svg.end(), [&](const auto& v) { return text::contains(v.second, f.rule); });
        EXPECT_TRUE(shown) << f.rule << " shows on no view";
    }
    // Where a reviewer looks for them: flow problems on the flows view, 再委託 on annex1.
    for (const char* rule : {"PPC-C09", "PPC-L04", "PPC-C01"})
        EXPECT_TRUE(text::contains(svg[View::flows], rule)) << rule << " not on the flows view";
    EXPECT_TRUE(text::contains(svg[View::annex1], "PPC-C05")) << "PPC-C05 not on annex1";
}

}  // namespace
}  // namespace piagraph
