// Broken JSON models (hand-edited ones are fed back into every command): syntax errors name the
// line, wrong types name the path of the value, other JSON is refused as not a model.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "piagraph/error.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/io.hpp"
#include "piagraph/model.hpp"
#include "piagraph/model_schema.hpp"
#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;

InputError parse_error(const std::string& json_text) {
    try {
        parse_model_json(json_text, "model.json");
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "model.json");
        EXPECT_FALSE(e.message().ja.empty());
        EXPECT_FALSE(e.message().en.empty());
        return e;
    }
    ADD_FAILURE() << "parse_model_json accepted: " << json_text;
    return InputError("", -1, {"", ""});
}

TEST(ModelJson, SyntaxErrorNamesTheLine) {
    InputError e = parse_error(
        "{\n"
        "  \"schema\": \"piagraph/1\",\n"
        "  \"assessments\": [\n"
        "    {\"affair\": \"住民基本台帳に関する事務\",}\n"
        "  ]\n"
        "}\n");
    EXPECT_EQ(e.line(), 4);
    EXPECT_EQ(e.format(Lang::en).rfind("model.json:4: ", 0), 0u) << e.format(Lang::en);
    EXPECT_TRUE(text::contains(e.message().en, "syntax")) << e.message().en;
}

TEST(ModelJson, TruncatedJsonNamesTheLastLine) {
    InputError e = parse_error("{\n\"assessments\": [\n{\"affair\": \"x\"");
    EXPECT_EQ(e.line(), 3);
}

TEST(ModelJson, WrongTypeNamesThePath) {
    InputError e = parse_error(R"({"schema": "piagraph/1", "assessments": [
      {"affair": "a", "systems": [{"no": 1, "name": "既存住基", "connections": "庁内連携システム"}]}
    ]})");
    EXPECT_TRUE(text::contains(e.message().en, "assessments[0].systems[0].connections")) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().ja, "assessments[0].systems[0].connections")) << e.message().ja;
    EXPECT_TRUE(text::contains(e.message().en, "array")) << e.message().en;
    EXPECT_EQ(e.line(), 2);  // the line of the bad value
}

TEST(ModelJson, WrongTypeDeepInsideAFileBlock) {
    InputError e = parse_error(R"({"assessments": [{}, {"files": [{"provisions": [{"recipient": "国税庁長官",
      "methods": [1]}]}]}]})");
    EXPECT_TRUE(text::contains(e.message().en, "assessments[1].files[0].provisions[0].methods[0]")) << e.message().en;
    EXPECT_EQ(e.line(), 2);
}

// Hostile nesting: refused (as a syntax error or as not a model), never a stack overflow.
TEST(ModelJson, DeepNestingIsRefused) {
    std::string deep = "{\"assessments\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    parse_error(deep);
}

TEST(ModelJson, WrongTypeOfALoc) {
    InputError e = parse_error(R"({"assessments": [{"systems": [{"loc": {"line": "forty"}}]}]})");
    EXPECT_TRUE(text::contains(e.message().en, "assessments[0].systems[0].loc.line")) << e.message().en;
}

TEST(ModelJson, NotAModel) {
    for (const char* other : {"[1, 2, 3]", "{\"name\": \"package.json\", \"version\": \"1.0.0\"}", "\"text\"", "42"}) {
        InputError e = parse_error(other);
        EXPECT_TRUE(text::contains(e.message().en, "not a piagraph JSON model")) << other << ": " << e.message().en;
    }
}

TEST(ModelJson, AssessmentsMustBeAnArray) {
    InputError e = parse_error(R"({"schema": "piagraph/1", "assessments": {"affair": "x"}})");
    EXPECT_TRUE(text::contains(e.message().en, "assessments")) << e.message().en;
}

TEST(ModelJson, UnknownSchemaIsRefused) {
    InputError e = parse_error(R"({"schema": "piagraph/99", "assessments": []})");
    EXPECT_TRUE(text::contains(e.message().en, "piagraph/99")) << e.message().en;
}

// Found by fuzz_model_json (tests/fixtures/fuzz/fuzz_model_json/): nlohmann reports a number
// out of range with an exception that is no parse_error.
TEST(ModelJson, NumberOutOfRangeIsRefusedNotACrash) {
    const fs::path input =
        test::source_dir() / "tests" / "fixtures" / "fuzz" / "fuzz_model_json" / "number-overflow.json";
    InputError e = parse_error(test::read_text(input));
    EXPECT_TRUE(text::contains(e.message().en, "out of range")) << e.message().en;
}

TEST(ModelJson, EmptyAndBinaryAreSyntaxErrors) {
    parse_error("");
    parse_error(std::string("\x89PNG\r\n\x1a\n", 8));
}

// What extract writes, parse_model_json reads back unchanged.
TEST(ModelJson, RoundTrip) {
    Model m;
    m.source = {"examples/midori-juki.txt", "markdown"};
    Assessment a;
    a.organization = "みどり市長";
    a.affair = "住民基本台帳に関する事務";
    a.source_file = "examples/midori-juki.txt";
    a.linkage = {"実施する", "番号法第19条第8号", Loc::at(89)};
    System s;
    s.no = 1;
    s.name = "既存住民基本台帳システム";
    s.connections = {"庁内連携システム", "住民基本台帳ネットワークシステム"};
    s.other = {"コンビニ交付システム", "戸籍システム"};
    s.other_checked = true;
    s.loc = Loc::span(48, 51);
    a.systems.push_back(s);
    FileBlock f;
    f.names = {"住民基本台帳ファイル"};
    Entrustment e;
    e.item = "住民異動届のデータ入力業務";
    e.resubcontract = true;
    f.entrustments.push_back(e);
    f.declared_counts.provisions = 1;
    f.population = "10万人以上100万人未満";
    f.population_scope = "住民基本台帳に記録された住民";
    f.user_departments = "市民生活部市民課、各支所";
    f.user_count = "50人以上100人未満";
    f.retention = "20年以上";
    f.erasure = "バッチ処理により消去する。";
    f.department = "市民生活部市民課";
    f.retention_reason = "住基法施行令第34条により150年間保存するため。";
    a.files.push_back(f);
    m.assessments.push_back(a);

    std::string text = nlohmann::json(m).dump(1);
    Model back = parse_model_json(text, "roundtrip.json");
    EXPECT_EQ(nlohmann::json(back), nlohmann::json(m));
    ASSERT_EQ(back.assessments.size(), 1u);
    EXPECT_EQ(back.assessments[0].systems[0].other, s.other);
    EXPECT_EQ(back.assessments[0].files[0].entrustments[0].resubcontract, std::optional<bool>(true));
    EXPECT_FALSE(back.assessments[0].files[0].declared_counts.transfers.has_value());
    // The facts a review board asks about, under the keys other tools read.
    const auto j = nlohmann::json(m)["assessments"][0]["files"][0];
    EXPECT_EQ(j.at("population"), "10万人以上100万人未満");
    EXPECT_EQ(j.at("population_scope"), "住民基本台帳に記録された住民");
    EXPECT_EQ(j.at("user_departments"), "市民生活部市民課、各支所");
    EXPECT_EQ(j.at("user_count"), "50人以上100人未満");
    EXPECT_EQ(j.at("erasure"), "バッチ処理により消去する。");
    EXPECT_EQ(back.assessments[0].files[0].user_departments, f.user_departments);
    EXPECT_EQ(j.at("department"), "市民生活部市民課");  // II-2 ⑥事務担当部署
    EXPECT_EQ(back.assessments[0].files[0].retention_reason, f.retention_reason);
}

// The strict loader: every text field must be a string; only the numbers people write either
// way (no, number) are read from integers too.
TEST(ModelJson, NumberWhereTextBelongsNamesThePath) {
    InputError e = parse_error(R"({"assessments": [
      {"systems": [{"no": 1, "name": 123}]}]})");
    EXPECT_TRUE(text::contains(e.message().en, "assessments[0].systems[0].name")) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().en, "string")) << e.message().en;
    EXPECT_EQ(e.line(), 2);
    for (const char* bad :
         {R"({"assessments": [{"affair": 1}]})", R"({"assessments": [{"linkage": {"basis": false}}]})",
          R"({"assessments": [{"files": [{"storage": 3.5}]}]})",
          R"({"assessments": [{"files": [{"provisions": [{"recipient": ["国税庁"]}]}]}]})"})
        parse_error(bad);
}

TEST(ModelJson, NumbersWrittenAsIntegersStayText) {
    const Model m = parse_model_json(
        R"({"assessments": [{"number": 12, "files": [{"names": ["f"], "provisions": [{"no": 3}]}]}]})", "m.json");
    EXPECT_EQ(m.assessments[0].number, "12");
    EXPECT_EQ(m.assessments[0].files[0].provisions[0].no, "3");
}

TEST(ModelSchema, UnknownKeysAreWarnedWithTheirLineAndANearMiss) {
    const std::string text = R"({"schema": "piagraph/1", "assessments": [
      {"affair": "a",
       "sytems": [{"no": 1, "name": "既存住基"}],
       "files": [{"names": ["f"], "provisons": []}],
       "locs": {"anything": {"line": 3}},
       "completely_new": 1}]})";
    EXPECT_NO_THROW(parse_model_json(text, "m.json"));  // read, with what it knows
    const auto warnings = unknown_model_keys(text, "m.json");
    ASSERT_EQ(warnings.size(), 3u);
    EXPECT_TRUE(text::contains(warnings[0].message().en, "assessments[0].completely_new")) << warnings[0].message().en;
    EXPECT_FALSE(text::contains(warnings[0].message().en, "did you mean"));
    EXPECT_TRUE(text::contains(warnings[1].message().en, "assessments[0].files[0].provisons"));
    EXPECT_TRUE(text::contains(warnings[1].message().en, "did you mean \"provisions\"")) << warnings[1].message().en;
    EXPECT_EQ(warnings[1].line(), 4);
    EXPECT_TRUE(text::contains(warnings[2].message().ja, "「systems」")) << warnings[2].message().ja;
    EXPECT_EQ(warnings[2].line(), 3);
    // What the commands call: the model and the same warnings from one parse.
    std::vector<InputError> once;
    EXPECT_EQ(parse_model_json(text, "m.json", once).assessments.size(), 1u);
    ASSERT_EQ(once.size(), warnings.size());
    EXPECT_EQ(once[1].format(Lang::en), warnings[1].format(Lang::en));
}

TEST(ModelSchema, WhatExtractWritesHasNoUnknownKeyAndNamesTheSchema) {
    const fs::path example = test::source_dir() / "examples" / "midori" / "midori-juki.txt";
    if (!fs::exists(example)) GTEST_SKIP() << "example midori-juki.txt is absent";
    const std::string text = nlohmann::json(extract_file(example.string())).dump(1);
    EXPECT_TRUE(unknown_model_keys(text, "juki.json").empty());
    EXPECT_EQ(nlohmann::json::parse(text).at("$schema"), kModelSchemaId);
    EXPECT_TRUE(text::contains(model_schema_text(), "2020-12"));
}

TEST(WriteFileAtomic, WritesWholeFileAndLeavesNoTemporary) {
    fs::path dir = test::temp_dir();
    fs::path target = dir / "out.json";
    write_file_atomic(target.string(), "first");
    write_file_atomic(target.string(), "second, longer content");
    EXPECT_EQ(test::read_text(target), "second, longer content");
    size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++entries;
    EXPECT_EQ(entries, 1u);
}

TEST(WriteFileAtomic, UnwritableTargetThrowsAndCreatesNothing) {
    fs::path dir = test::temp_dir();
    EXPECT_THROW(write_file_atomic((dir / "missing" / "out.json").string(), "x"), InputError);
    EXPECT_THROW(write_file_atomic(dir.string(), "x"), InputError);  // a directory
    EXPECT_TRUE(fs::is_empty(dir));
}

}  // namespace
}  // namespace piagraph
