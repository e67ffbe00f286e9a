// piagraph check end to end: formats, SARIF structure, baseline, exit codes, corpus findings.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "test_support.hpp"

namespace piagraph {
namespace {

using nlohmann::json;

std::string fixture() { return (test::source_dir() / "tests/fixtures/checks/small_model.json").string(); }

TEST(CheckCli, JsonOutputListsFindingsAndExitCodeFollowsFailOn) {
    auto r = test::run_piagraph({"check", "--format", "json", fixture()});
    EXPECT_EQ(r.exit_code, 1) << r.err;  // L04: the provision to 国税庁長官 has no basis (error)
    json j = json::parse(r.out);
    std::set<std::string> rules;
    for (const auto& f : j["findings"]) {
        rules.insert(f["rule"].get<std::string>());
        EXPECT_TRUE(f.contains("kind") && f.contains("severity") && f.contains("message"));
        for (const auto& l : f["locations"]) EXPECT_TRUE(l.contains("file") && l.contains("line"));
    }
    EXPECT_TRUE(rules.count("PPC-L04"));
    EXPECT_TRUE(rules.count("PPC-T01"));  // 介護保険 -> 統合宛名 not declared back
}

TEST(CheckCli, SarifHasTheRequiredStructure) {
    auto dir = test::temp_dir();
    auto out = (dir / "out.sarif").string();
    auto r = test::run_piagraph({"--lang", "en", "check", "--format", "sarif", "-o", out, fixture()});
    ASSERT_NE(r.exit_code, 2) << r.err;
    json s = json::parse(test::read_text(out));
    EXPECT_EQ(s["version"], "2.1.0");
    EXPECT_TRUE(s["$schema"].is_string());
    ASSERT_EQ(s["runs"].size(), 1u);
    const json& run = s["runs"][0];
    EXPECT_EQ(run["tool"]["driver"]["name"], "piagraph");
    std::set<std::string> ids;
    for (const auto& rule : run["tool"]["driver"]["rules"]) {
        ids.insert(rule["id"].get<std::string>());
        EXPECT_FALSE(rule["help"]["text"].get<std::string>().empty());
    }
    ASSERT_FALSE(run["results"].empty());
    const std::set<std::string> levels{"none", "note", "warning", "error"};
    for (const auto& res : run["results"]) {
        EXPECT_TRUE(ids.count(res["ruleId"].get<std::string>()));
        EXPECT_TRUE(levels.count(res["level"].get<std::string>()));
        EXPECT_FALSE(res["message"]["text"].get<std::string>().empty());
        for (const auto& loc : res["locations"]) {
            const json& phys = loc["physicalLocation"];
            EXPECT_FALSE(phys["artifactLocation"]["uri"].get<std::string>().empty());
            if (phys.contains("region")) {
                EXPECT_GE(phys["region"]["startLine"].get<int>(), 1);
            }
        }
    }
}

TEST(CheckCli, SarifValidatesAgainstTheAuthoredSchema) {
    if (test::run_command("python3 -c 'import jsonschema' 2>/dev/null").exit_code != 0)
        GTEST_SKIP() << "python3-jsonschema is not installed (apt-get install -y python3-jsonschema)";
    auto dir = test::temp_dir();
    auto out = (dir / "v.sarif").string();
    test::run_piagraph({"check", "--format", "sarif", "-o", out, fixture()});
    auto schema = (test::source_dir() / "tests/fixtures/checks/sarif-2.1.0-required.schema.json").string();
    auto r = test::run_command(
        "python3 -c 'import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), "
        "json.load(open(sys.argv[2])))' '" +
        out + "' '" + schema + "'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(CheckCli, BaselineSuppressesAcceptedFindingsAndReportsStaleOnes) {
    auto dir = test::temp_dir();
    auto base = (dir / "baseline.json").string();
    auto first = test::run_piagraph({"check", "--write-baseline", base, fixture()});
    ASSERT_EQ(first.exit_code, 1) << first.err;
    json b = json::parse(test::read_text(base));
    ASSERT_FALSE(b["accepted"].empty());
    for (const auto& e : b["accepted"])
        for (const char* k : {"fingerprint", "rule", "reason", "accepted_by", "accepted_at"})
            EXPECT_TRUE(e.contains(k)) << k;
    b["accepted"].push_back({{"fingerprint", "0000000000000000"}, {"rule", "PPC-X00"}, {"reason", "old"}});
    test::write_text(base, b.dump());
    auto second = test::run_piagraph({"check", "--format", "json", "--baseline", base, fixture()});
    EXPECT_EQ(second.exit_code, 0) << second.err;
    json j = json::parse(second.out);
    EXPECT_TRUE(j["findings"].empty());
    ASSERT_EQ(j["stale_baseline"].size(), 1u);
    EXPECT_EQ(j["stale_baseline"][0]["fingerprint"], "0000000000000000");
}

TEST(CheckCli, FailOnWarningAndBadInput) {
    auto dir = test::temp_dir();
    auto base = (dir / "b.json").string();
    test::write_text(base, "{\"accepted\": 3}");
    auto bad = test::run_piagraph({"check", "--baseline", base, fixture()});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("b.json"), std::string::npos);
    auto missing = test::run_piagraph({"check", (dir / "absent.json").string()});
    EXPECT_EQ(missing.exit_code, 2);
    auto out = (dir / "never.json").string();
    auto usage = test::run_piagraph({"check", "--fail-on", "fatal", "-o", out, fixture()});
    EXPECT_EQ(usage.exit_code, 2);
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(CheckCli, EnglishMessagesWithLangEn) {
    auto r = test::run_piagraph({"--lang", "en", "check", fixture()});
    EXPECT_NE(r.out.find("has no legal basis"), std::string::npos) << r.out;
    auto ja = test::run_piagraph({"check", fixture()});
    EXPECT_NE(ja.out.find("法令上の根拠が記載されていません"), std::string::npos) << ja.out;
}

// On the annotated corpus texts, the expected catalogue findings are found at their lines.
TEST(CheckCorpus, ExpectedFindingsOfTheAnnotatedDocuments) {
    PIAGRAPH_REQUIRE_SHARED();
    for (const char* name : {"001_f3ae5f06107008c9", "002_ce1e4f6d08f5269a", "003_f26928cd63338999"}) {
        auto r = test::run_piagraph({"check", "--format", "json", test::corpus(std::string(name) + ".txt").string()});
        ASSERT_NE(r.exit_code, 2) << name << ": " << r.err;
        json got = json::parse(r.out)["findings"];
        json gold = json::parse(test::read_text(test::corpus(std::string("annotations/") + name + ".json")));
        int expected = 0, found = 0;
        for (const auto& a : gold["assessments"])
            for (const auto& w : a["expected_findings"]) {
                if (w["kind"] == "other") continue;
                ++expected;
                std::vector<int> lines;
                std::string ev = w["evidence"].get<std::string>();
                for (size_t i = 0; i < ev.size();) {
                    if (!isdigit(static_cast<unsigned char>(ev[i]))) {
                        ++i;
                        continue;
                    }
                    size_t j = i;
                    while (j < ev.size() && isdigit(static_cast<unsigned char>(ev[j]))) ++j;
                    lines.push_back(std::stoi(ev.substr(i, j - i)));
                    i = j;
                }
                bool hit = false;
                for (const auto& f : got)
                    if (f["kind"] == w["kind"])
                        for (const auto& l : f["locations"])
                            for (int x : lines) hit = hit || std::abs(l["line"].get<int>() - x) <= 3;
                found += hit;
            }
        EXPECT_GE(found * 10, expected * 7) << name << ": " << found << "/" << expected;
    }
}

}  // namespace
}  // namespace piagraph
