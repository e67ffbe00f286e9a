// Diagrams a reviewer can read (issue 14), in a real headless Chromium at a 1,280 px window: every
// inline diagram's median rendered text size (font size x screen transform) is at least 10 px,
// each opens at 100 % in its <dialog>, and a step of the list highlights its edge.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "browser.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;

const char* const kProbe = R"JS(<script>
(function () {
  function median(svg) {
    var sizes = [];
    Array.prototype.forEach.call(svg.querySelectorAll('text'), function (t) {
      var m = t.getScreenCTM();
      if (m) sizes.push(parseFloat(getComputedStyle(t).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)));
    });
    sizes.sort(function (a, b) { return a - b; });
    return sizes.length ? sizes[Math.floor(sizes.length / 2)] : 0;
  }
  var out = {width: window.innerWidth, scroll_width: document.documentElement.scrollWidth, diagrams: []};
  Array.prototype.forEach.call(document.querySelectorAll('figure.diagram'), function (figure) {
    var svg = figure.querySelector('.picture svg');
    var d = {title: figure.querySelector('figcaption').textContent, inline: median(svg)};
    var step = figure.querySelector('li[data-step]');
    if (step) {
      step.dispatchEvent(new Event('mouseenter'));
      d.highlighted = figure.querySelectorAll('.picture g.edge.hl').length;
      step.dispatchEvent(new Event('mouseleave'));
    }
    figure.querySelector('button.open-full').click();
    var dialog = figure.querySelector('dialog');
    var full = dialog.querySelector('svg');
    d.open = dialog.open;
    d.full = full ? median(full) : 0;
    d.full_width = full ? full.getBoundingClientRect().width : 0;
    d.natural_width = parseFloat(svg.getAttribute('width')) * 4 / 3;
    dialog.close();
    out.diagrams.push(d);
  });
  document.body.setAttribute('data-probe', JSON.stringify(out));
})();
</script>)JS";

nlohmann::json probe(const fs::path& report) {
    std::string html = test::read_text(report);
    html.insert(html.rfind("</body>"), kProbe);
    const auto path = report.parent_path() / "probe.html";
    test::write_text(path, html);
    const auto run =
        test::run_command(test::chromium("--window-size=1280,900 --dump-dom 'file://" + path.string() + "'"));
    std::smatch m;
    static const std::regex attribute(R"re(data-probe="([^"]*)")re");
    if (run.exit_code != 0 || !std::regex_search(run.out, m, attribute)) return nullptr;
    std::string value = m[1].str();
    for (const auto& [entity, ch] : {std::pair{"&quot;", "\""}, std::pair{"&amp;", "&"}})
        for (size_t at = value.find(entity); at != std::string::npos; at = value.find(entity, at + 1))
            value.replace(at, std::string(entity).size(), ch);
    return nlohmann::json::parse(value, nullptr, false);
}

void expect_readable(const std::string& input, size_t at_least_diagrams) {
    SCOPED_TRACE(input);
    const auto html = test::temp_dir() / "report.html";
    const auto run = test::run_piagraph({"report", input, "-o", html.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const nlohmann::json p = probe(html);
    ASSERT_TRUE(p.is_object()) << "the probe did not run";
    EXPECT_LE(p.at("scroll_width").get<int>(), p.at("width").get<int>()) << "the page scrolls sideways";
    ASSERT_GE(p.at("diagrams").size(), at_least_diagrams);
    for (const auto& d : p.at("diagrams")) {
        std::cout << "[ median ] " << d.at("inline").get<double>() << " px inline, " << d.at("full").get<double>()
                  << " px full size: " << d.at("title").get<std::string>() << "\n";
        EXPECT_GE(d.at("inline").get<double>(), 10.0) << d.dump();
        EXPECT_TRUE(d.at("open").get<bool>()) << d.dump();
        // At 100 %: the SVG's own width (pt as px x 4/3), whatever the window.
        EXPECT_NEAR(d.at("full_width").get<double>(), d.at("natural_width").get<double>(), 2.0) << d.dump();
        EXPECT_GE(d.at("full").get<double>(), d.at("inline").get<double>()) << d.dump();
        if (d.contains("highlighted")) {
            EXPECT_GE(d.at("highlighted").get<int>(), 1) << d.dump();
        }
    }
}

TEST(ReportDiagramsInChromium, ExampleCityDiagramsAreReadableAndOpenFullSize) {
    if (!test::have_chromium()) GTEST_SKIP() << "chromium is absent: browser test skipped";
    // Four assessments: four 別添1 and the systems map.
    expect_readable((test::source_dir() / "examples/midori").string(), 5);
}

TEST(ReportDiagramsInChromium, EveryCorpusDocumentsDiagramsAreReadable) {
    PIAGRAPH_REQUIRE_SHARED();
    if (!test::have_chromium()) GTEST_SKIP() << "chromium is absent: browser test skipped";
    for (const auto& entry : fs::directory_iterator(test::shared_dir() / "corpus"))
        if (entry.path().extension() == ".txt") expect_readable(entry.path().string(), 2);
}

}  // namespace
}  // namespace piagraph
