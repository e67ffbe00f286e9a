// The report of every corpus document in a real headless Chromium (issue 5): it loads with no
// console error, does not scroll sideways at 1,200 px, and its diagrams are drawn - laid out with
// their nodes in the page, and pixels on the screenshot where the first diagram stands.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "browser.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;

// Appended to a copy of the report: what the browser laid out, written into the DOM.
const char* const kProbe = R"JS(<script>
(function () {
  var out = {scroll_width: document.documentElement.scrollWidth, width: window.innerWidth, diagrams: []};
  Array.prototype.forEach.call(document.querySelectorAll('#diagrams svg'), function (svg) {
    var r = svg.getBoundingClientRect();
    out.diagrams.push({left: Math.round(r.left + window.scrollX), top: Math.round(r.top + window.scrollY),
                       width: Math.round(r.width), height: Math.round(r.height),
                       nodes: svg.querySelectorAll('g.node').length});
  });
  document.body.setAttribute('data-probe', JSON.stringify(out));
})();
</script>)JS";

nlohmann::json probe_of(const std::string& dom) {
    std::smatch m;
    static const std::regex attribute(R"re(data-probe="([^"]*)")re");
    if (!std::regex_search(dom, m, attribute)) return nullptr;
    std::string value = m[1].str();
    for (const auto& [entity, ch] : {std::pair{"&quot;", "\""}, std::pair{"&amp;", "&"}})
        for (size_t at = value.find(entity); at != std::string::npos; at = value.find(entity, at + 1))
            value.replace(at, std::string(entity).size(), ch);
    return nlohmann::json::parse(value, nullptr, false);
}

TEST(ReportInChromium, EveryCorpusDocumentLoadsAndDrawsItsDiagrams) {
    PIAGRAPH_REQUIRE_SHARED();
    if (!test::have_chromium()) GTEST_SKIP() << "chromium is absent: browser test skipped";
    if (test::run_command("command -v python3").exit_code != 0) GTEST_SKIP() << "python3 is absent";
    int documents = 0;
    for (const auto& entry : fs::directory_iterator(test::shared_dir() / "corpus")) {
        if (entry.path().extension() != ".txt") continue;
        SCOPED_TRACE(entry.path().filename().string());
        ++documents;
        const auto dir = test::temp_dir();
        const auto html_path = dir / "report.html";
        const auto run = test::run_piagraph({"report", entry.path().string(), "-o", html_path.string()});
        ASSERT_EQ(run.exit_code, 0) << run.err;
        const std::string url = "file://" + html_path.string();

        // The page as published: no console error, the page's own script ran.
        const auto dom = test::run_command(test::chromium("--enable-logging=stderr --v=0 --dump-dom '" + url + "'"));
        ASSERT_EQ(dom.exit_code, 0) << dom.err;
        ASSERT_NE(dom.out.find("</html>"), std::string::npos);
        EXPECT_EQ(dom.err.find("Uncaught"), std::string::npos) << dom.err;
        EXPECT_EQ(dom.err.find(":CONSOLE("), std::string::npos) << dom.err;

        // A copy with the probe: what was laid out, at the width of the screenshot below.
        std::string html = test::read_text(html_path);
        const auto body_end = html.rfind("</body>");
        ASSERT_NE(body_end, std::string::npos);
        html.insert(body_end, kProbe);
        const auto probe_path = dir / "probe.html";
        test::write_text(probe_path, html);
        const auto probed =
            test::run_command(test::chromium("--window-size=1200,900 --dump-dom 'file://" + probe_path.string() + "'"));
        ASSERT_EQ(probed.exit_code, 0) << probed.err;
        const nlohmann::json probe = probe_of(probed.out);
        ASSERT_TRUE(probe.is_object()) << "the probe did not run";
        EXPECT_LE(probe.at("scroll_width").get<int>(), probe.at("width").get<int>()) << "the page scrolls sideways";
        const auto& diagrams = probe.at("diagrams");
        ASSERT_GE(diagrams.size(), 2u) << "annex1 and systems diagrams";
        for (const auto& d : diagrams) {
            EXPECT_GT(d.at("width").get<int>(), 200) << d.dump();
            EXPECT_GT(d.at("height").get<int>(), 100) << d.dump();
            EXPECT_GE(d.at("nodes").get<int>(), 3) << d.dump();
        }

        // The screenshot: the first diagram's box is drawn on, not blank.
        const auto& first = diagrams[0];
        const long bottom = first.at("top").get<long>() + first.at("height").get<long>();
        const auto png = dir / "shot.png";
        const auto shot =
            test::run_command(test::chromium("--hide-scrollbars --window-size=1200," + std::to_string(bottom + 20) +
                                             " --screenshot='" + png.string() + "' '" + url + "'"));
        ASSERT_EQ(shot.exit_code, 0) << shot.err;
        const test::PixelBox box{first.at("left").get<long>(), first.at("top").get<long>(),
                                 first.at("width").get<long>(), first.at("height").get<long>()};
        const long drawn = test::non_white_pixels(png, box);
        EXPECT_GT(drawn, box.width * box.height / 50) << "the first diagram is (almost) blank: " << drawn;
    }
    EXPECT_GE(documents, 3);
}

}  // namespace
}  // namespace piagraph
