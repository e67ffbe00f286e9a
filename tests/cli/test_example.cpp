// The bundled example city end to end: `piagraph check examples/midori` must report every
// deliberate defect listed in examples/expected-findings.json, at its file and line, and nothing
// of a kind that is not listed there.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path examples() { return test::source_dir() / "examples"; }

// Does any location of the finding point at `file` (relative to examples/) on one of `lines`?
bool points_at(const json& finding, const std::string& file, const json& lines) {
    for (const auto& loc : finding.value("locations", json::array())) {
        if (!text::ends_with(loc.value("file", ""), "/" + file)) continue;
        int line = loc.value("line", 0);
        for (const auto& wanted : lines)
            if (wanted.get<int>() == line) return true;
    }
    return false;
}

TEST(Example, CheckReportsEveryDeliberateDefect) {
    json expected = json::parse(test::read_text(examples() / "expected-findings.json"));
    fs::path out = test::temp_dir() / "findings.json";
    test::RunResult r =
        test::run_piagraph({"check", (examples() / "midori").string(), "--format", "json", "-o", out.string()});
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    json report = json::parse(test::read_text(out));
    const json& findings = report.at("findings");

    std::set<std::string> expected_kinds;
    for (const auto& want : expected.at("findings")) {
        std::string kind = want.at("kind");
        expected_kinds.insert(kind);
        bool found = false;
        for (const auto& f : findings)
            if (f.value("kind", "") == kind && points_at(f, want.at("file"), want.at("lines"))) found = true;
        EXPECT_TRUE(found) << "defect " << want.at("id") << " (" << kind << " at " << want.at("file")
                           << ") not reported";
    }
    for (const auto& f : findings)
        EXPECT_TRUE(expected_kinds.count(f.value("kind", ""))) << "unexpected finding: " << f.dump();
}

TEST(Example, ExtractWritesOneAssessmentPerText) {
    for (const char* name : {"midori-juki", "midori-kojin-juminzei"}) {
        fs::path out = test::temp_dir() / (std::string(name) + ".json");
        test::RunResult r = test::run_piagraph(
            {"extract", (examples() / "midori" / (std::string(name) + ".txt")).string(), "-o", out.string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        json model = json::parse(test::read_text(out));
        ASSERT_EQ(model.at("assessments").size(), 1u) << name;
        const json& a = model.at("assessments")[0];
        EXPECT_EQ(a.value("organization", ""), "みどり市長") << name;
        EXPECT_EQ(a.value("form", ""), "全項目評価書") << name;
        EXPECT_FALSE(a.at("systems").empty()) << name;
        EXPECT_FALSE(a.at("attachment1_steps").empty()) << name;
    }
}

}  // namespace
}  // namespace piagraph
