// The findings output module on its own: text, JSON and SARIF of a small finding list, and the
// baseline written, read back and applied.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "piagraph/findings_output.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

using nlohmann::json;

Finding make_finding(const std::string& rule, Severity severity, const std::string& fingerprint,
                     std::vector<Location> locations) {
    Finding f;
    f.rule = rule;
    f.kind = "one-sided-connection";
    f.severity = severity;
    f.message = {"片側だけの接続", "one-sided connection"};
    f.locations = std::move(locations);
    f.assessment = "住民基本台帳に関する事務";
    f.subjects = {"system:住基"};
    f.about = {"system:住基"};
    f.fingerprint = fingerprint;
    return f;
}

// Two findings: one with a second location (a note, a PDF page), one with no location at all.
std::vector<Finding> two_findings() {
    return {make_finding("PPC-T01", Severity::error, "aaaa",
                         {{"評価書.txt", 12, 14, "", "", 0}, {"評価書 2.pdf", 60, 0, "silent end", "", 2}}),
            make_finding("PPC-C09", Severity::warning, "bbbb", {})};
}

TEST(FindingsOutput, TextListsEachFindingAndCountsBySeverity) {
    const BaselinedFindings result{two_findings(), {}, 0};
    EXPECT_EQ(findings_text(result, Lang::en),
              "評価書.txt:12: error [PPC-T01 one-sided-connection] one-sided connection\n"
              "    評価書 2.pdf:60 (p.2)  (silent end)\n"
              "warning [PPC-C09 one-sided-connection] one-sided connection\n"
              "2 finding(s) (1 error, 1 warning, 0 info)\n");
    EXPECT_EQ(findings_text(result, Lang::ja),
              "評価書.txt:12: error [PPC-T01 one-sided-connection] 片側だけの接続\n"
              "    評価書 2.pdf:60 (p.2)  (silent end)\n"
              "warning [PPC-C09 one-sided-connection] 片側だけの接続\n"
              "2 件の指摘（エラー 1、警告 1、情報 0）\n");
}

TEST(FindingsOutput, TextNamesStaleEntriesAndTheSuppressedCount) {
    const BaselinedFindings result{{}, {{"cccc", "PPC-L04", "fixed upstream", "", ""}}, 3};
    EXPECT_EQ(findings_text(result, Lang::en),
              "stale baseline entry (no such finding any more): cccc PPC-L04 — fixed upstream\n"
              "0 finding(s) (0 error, 0 warning, 0 info), 3 suppressed by the baseline\n");
}

TEST(FindingsOutput, JsonHoldsEveryFieldAndBothMessages) {
    const BaselinedFindings result{two_findings(), {{"cccc", "PPC-L04", "why", "me", "2024-01-01"}}, 1};
    const std::string text = findings_json(result, Lang::en);
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    const json j = json::parse(text);
    ASSERT_EQ(j["findings"].size(), 2u);
    const json& first = j["findings"][0];
    EXPECT_EQ(first["rule"], "PPC-T01");
    EXPECT_EQ(first["severity"], "error");
    EXPECT_EQ(first["message"], "one-sided connection");
    EXPECT_EQ(first["message_ja"], "片側だけの接続");
    EXPECT_EQ(first["fingerprint"], "aaaa");
    EXPECT_EQ(first["about"], json::array({"system:住基"}));
    EXPECT_EQ(first["locations"][0], (json{{"file", "評価書.txt"}, {"line", 12}, {"end_line", 14}}));
    EXPECT_EQ(first["locations"][1],
              (json{{"file", "評価書 2.pdf"}, {"line", 60}, {"page", 2}, {"note", "silent end"}}));
    EXPECT_EQ(j["suppressed"], 1);
    EXPECT_EQ(j["stale_baseline"], json::array({{{"fingerprint", "cccc"}, {"rule", "PPC-L04"}, {"reason", "why"}}}));
}

TEST(FindingsOutput, SarifResultsPointAtEncodedFilesAndRegisteredRules) {
    const json log = json::parse(findings_sarif(two_findings(), Lang::ja));
    EXPECT_EQ(log["version"], "2.1.0");
    const json& run = log["runs"][0];
    EXPECT_EQ(run["tool"]["driver"]["rules"].size(), rules().size());
    const json& first = run["results"][0];
    EXPECT_EQ(first["level"], "error");
    EXPECT_EQ(first["partialFingerprints"]["piagraph/v1"], "aaaa");
    const json& second_location = first["locations"][1];
    EXPECT_EQ(second_location["physicalLocation"]["artifactLocation"]["uri"], "%E8%A9%95%E4%BE%A1%E6%9B%B8%202.pdf");
    EXPECT_EQ(second_location["properties"]["page"], 2);
    EXPECT_EQ(run["results"][1]["level"], "warning");
    const int index = first["ruleIndex"];
    EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], "PPC-T01");
}

TEST(FindingsOutput, BaselineRoundTripSuppressesEveryFinding) {
    std::vector<Finding> findings = two_findings();
    findings.push_back(findings.front());  // the same fingerprint twice is one entry
    const std::string written = baseline_json(findings, {}, {"tester", "2026-01-02"});
    const auto path = test::temp_dir() / "baseline.json";
    test::write_text(path, written);
    const std::vector<BaselineEntry> read = read_baseline(path.string());
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[0].fingerprint, "aaaa");
    EXPECT_EQ(read[0].rule, "PPC-T01");
    EXPECT_EQ(read[0].accepted_by, "tester");
    EXPECT_EQ(read[0].accepted_at, "2026-01-02");
    const BaselinedFindings result = apply_baseline(findings, read);
    EXPECT_TRUE(result.shown.empty());
    EXPECT_TRUE(result.stale.empty());
    EXPECT_EQ(result.suppressed, 3u);
}

TEST(FindingsOutput, BaselineKeepsAcceptedEntriesAndReportsStaleOnes) {
    const std::vector<BaselineEntry> previous{{"aaaa", "OLD-ID", "known", "alice", "2025-05-05"},
                                              {"gone", "PPC-L04", "", "", ""}};
    const BaselinedFindings result = apply_baseline(two_findings(), previous);
    ASSERT_EQ(result.shown.size(), 1u);
    EXPECT_EQ(result.shown[0].rule, "PPC-C09");
    ASSERT_EQ(result.stale.size(), 1u);
    EXPECT_EQ(result.stale[0].fingerprint, "gone");
    EXPECT_EQ(result.suppressed, 1u);

    const json rewritten = json::parse(baseline_json(two_findings(), previous, {"bob", "2026-01-02"}));
    ASSERT_EQ(rewritten["accepted"].size(), 2u);             // the stale entry is dropped
    EXPECT_EQ(rewritten["accepted"][0]["rule"], "PPC-T01");  // the id follows the finding
    EXPECT_EQ(rewritten["accepted"][0]["reason"], "known");
    EXPECT_EQ(rewritten["accepted"][0]["accepted_by"], "alice");
    EXPECT_EQ(rewritten["accepted"][1]["accepted_by"], "bob");
    EXPECT_EQ(rewritten["accepted"][1]["message"], "片側だけの接続");
}

TEST(FindingsOutput, BaselineAcceptsABareArray) {
    const auto read = parse_baseline(R"([{"fingerprint": "aaaa"}])", "b.json");
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].fingerprint, "aaaa");
    EXPECT_EQ(read[0].reason, "");
}

TEST(FindingsOutput, MalformedBaselinesAreInputErrors) {
    EXPECT_THROW(parse_baseline("{", "b.json"), InputError);
    EXPECT_THROW(parse_baseline(R"({"accepted": {}})", "b.json"), InputError);
    EXPECT_THROW(parse_baseline(R"({"accepted": [{"rule": "PPC-T01"}]})", "b.json"), InputError);
    try {
        parse_baseline("{}", "b.json");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "b.json");
    }
}

}  // namespace
}  // namespace piagraph
