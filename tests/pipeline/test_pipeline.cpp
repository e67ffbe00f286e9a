// The pipeline every command shares (GitHub issue 10): check, render and report read the same
// findings with the same lines, and each document is decoded once.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <tuple>

#include "piagraph/pipeline.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

using Place = std::tuple<std::string, std::string, int>;  // rule, file, first line

std::string example_dir() { return (test::source_dir() / "examples" / "midori").string(); }

TEST(Pipeline, AnalysesTheExampleCityOnceWithItsLines) {
    const Analysis analysis = analyse({example_dir()});
    ASSERT_EQ(analysis.organisations.size(), 1u);
    EXPECT_EQ(analysis.organisations.front().organization, "みどり市長");
    // Every document read (texts, not JSON) keeps its decoded lines; the graph sees them too.
    for (const auto& a : analysis.inputs.assessments) {
        ASSERT_TRUE(analysis.inputs.source_lines.count(a.source_file)) << a.source_file;
        EXPECT_TRUE(analysis.organisations.front().graph.source_lines.count(a.source_file)) << a.source_file;
    }
    const auto expected =
        nlohmann::json::parse(test::read_text(test::source_dir() / "examples" / "expected-findings.json"));
    // Each deliberate defect of the example is found, in its file.
    for (const auto& e : expected["findings"]) {
        const std::string kind = e["kind"], file = e["file"];
        const bool found = std::any_of(analysis.findings.begin(), analysis.findings.end(), [&](const Finding& f) {
            return f.kind == kind && !f.locations.empty() && f.locations.front().file.size() >= file.size() &&
                   f.locations.front().file.compare(f.locations.front().file.size() - file.size(), file.size(), file) ==
                       0;
        });
        EXPECT_TRUE(found) << "expected finding " << e["id"] << " (" << kind << ") in " << file;
    }
    for (const auto& f : analysis.findings) {
        ASSERT_FALSE(f.locations.empty()) << f.rule;
        EXPECT_GT(f.locations.front().line, 0) << f.rule;
    }
}

TEST(Pipeline, NoAssessmentIsOneInputError) {
    const auto dir = test::temp_dir() / "pipeline-empty";
    std::filesystem::create_directories(dir);
    test::write_text(dir / "notes.md", "# 会議メモ\n\n議題なし\n");
    EXPECT_THROW(analyse({dir.string()}), InputError);
}

// check --format json and the report's findings table name the same rules at the same lines.
TEST(Pipeline, CheckAndReportAgreeOnFindingsAndLines) {
    const auto check = test::run_piagraph({"check", example_dir(), "--format", "json", "--fail-on", "error"});
    ASSERT_NE(check.exit_code, 2) << check.err;
    std::multiset<Place> from_check;
    const auto checked = nlohmann::json::parse(check.out);
    for (const auto& f : checked["findings"])
        from_check.emplace(f["rule"], f["locations"][0]["file"], f["locations"][0]["line"]);

    const auto html_path = test::temp_dir() / "pipeline-report.html";
    const auto report = test::run_piagraph({"report", example_dir(), "-o", html_path.string()});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    // A findings row: <td>PPC-X01<br>… then its first place <div class="muted">FILE LINE行 or FILE p.N LINE行.
    const std::string html = test::read_text(html_path);
    const std::regex row(R"(<td>(PPC-[A-Z]\d\d)<br>[\s\S]*?<div class="muted">([^<]*?) (?:p\.\d+ )?(\d+)(?:–\d+)?行)");
    std::multiset<Place> from_report;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), row); it != std::sregex_iterator(); ++it)
        from_report.emplace((*it)[1], (*it)[2], std::stoi((*it)[3]));
    EXPECT_FALSE(from_check.empty());
    EXPECT_EQ(from_check, from_report);
}

}  // namespace
}  // namespace piagraph
