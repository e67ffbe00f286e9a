// Dangling references in a JSON model are errors (GitHub issue 12, item 4): a connection box
// that is no standard box, a canonical_id no standard system has, a coverage item of an entry
// the model does not have. Each names the file, the JSON path and the line of the value. Free
// text (names in その他, recipients, contractors, steps) is no reference and stays accepted.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "piagraph/error.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/model.hpp"
#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

InputError dangling(const std::string& json_text) {
    try {
        parse_model_json(json_text, "model.json");
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "model.json");
        EXPECT_TRUE(text::contains(e.message().en, "dangling reference")) << e.message().en;
        EXPECT_TRUE(text::contains(e.message().ja, "参照先がありません")) << e.message().ja;
        return e;
    }
    ADD_FAILURE() << "parse_model_json accepted: " << json_text;
    return InputError("", -1, {"", ""});
}

TEST(ModelReferences, ConnectionToAnUnknownBox) {
    InputError e = dangling(R"({"schema": "piagraph/1", "assessments": [
      {"affair": "a", "systems": [
        {"no": 1, "name": "既存住基", "connections": ["庁内連携システム"]},
        {"no": 2, "name": "宛名",
         "connections": ["宛名システム等",
                         "存在しないシステム"]}]}]})");
    EXPECT_TRUE(text::contains(e.message().en, "assessments[0].systems[1].connections[1]")) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().ja, "assessments[0].systems[1].connections[1]")) << e.message().ja;
    EXPECT_TRUE(text::contains(e.message().en, "存在しないシステム")) << e.message().en;
    EXPECT_EQ(e.line(), 6);  // the line of the bad value
    EXPECT_EQ(e.format(Lang::en).rfind("model.json:6: ", 0), 0u) << e.format(Lang::en);
}

TEST(ModelReferences, ConnectionsAreReadInTheirStandardSpelling) {
    // Full width, spaces and the dictionary's aliases name the same box: accepted, and kept in
    // the standard spelling the graph matches boxes by.
    const Model m = parse_model_json(R"({"assessments": [{"systems": [
      {"name": "既存住基", "connections": ["庁内連携システム", " 税務システム ", "市内連携システム", "その他"]}]}]})",
                                     "model.json");
    ASSERT_EQ(m.assessments.size(), 1u);
    const auto& c = m.assessments[0].systems[0].connections;
    ASSERT_EQ(c.size(), 4u);
    EXPECT_EQ(c[0], "庁内連携システム");
    EXPECT_EQ(c[1], "税務システム");
    EXPECT_EQ(c[2], "庁内連携システム");
    EXPECT_EQ(c[3], "その他");
}

TEST(ModelReferences, UnknownCanonicalId) {
    InputError e = dangling(R"({"assessments": [{"systems": [
      {"name": "既存住基", "canonical_id": "kizon_juki"},
      {"name": "謎のシステム",
       "canonical_id": "no_such_system"}]}]})");
    EXPECT_TRUE(text::contains(e.message().en, "assessments[0].systems[1].canonical_id")) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().en, "no_such_system")) << e.message().en;
    EXPECT_EQ(e.line(), 4);
}

TEST(ModelReferences, CoverageOfAFileTheModelDoesNotHave) {
    InputError e = dangling(R"({"assessments": [{"files": [{"names": ["住民基本台帳ファイル"]}],
      "coverage": {"affair": {"status": "found", "line": 3},
                   "files[0].sources": {"status": "found", "line": 10},
                   "files[1].sources": {"status": "not_found"}}}]})");
    EXPECT_TRUE(text::contains(e.message().en, "assessments[0].coverage.files[1].sources")) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().en, "the model has no files[1]")) << e.message().en;
    EXPECT_EQ(e.line(), 4);
}

TEST(ModelReferences, CoverageOfAProvisionTransferOrEntrustmentTheFileDoesNotHave) {
    const std::string head = R"({"assessments": [{"files": [{"provisions": [{"recipient": "国税庁長官"}],
      "transfers": [], "entrustments": [{"item": "電算処理"}]}],
      "coverage": {)";
    for (const std::string key :
         {"files[0].provisions[1].basis", "files[0].transfers[0].methods", "files[0].entrustments[2].contractor"}) {
        InputError e = dangling(head + "\"" + key + "\": {\"status\": \"not_found\"}}}]}");
        EXPECT_TRUE(text::contains(e.message().en, "coverage." + key)) << e.message().en;
        EXPECT_EQ(e.line(), 3) << key;
    }
    // The entries that exist, and items that are no entry (pages, form items), are fine.
    const Model m = parse_model_json(head +
                                         R"("files[0].provisions[0].basis": {"status": "found", "line": 1},
                   "files[0].entrustments[0].contractor": {"status": "not_found"},
                   "pages[11]": {"status": "not_found", "why": "unreadable"},
                   "linkage.basis": {"status": "found", "line": 2}}}]})",
                                     "model.json");
    EXPECT_EQ(m.assessments.at(0).coverage.size(), 4u);
}

TEST(ModelReferences, FreeTextIsNoReference) {
    // Names in その他（）, recipients, contractors and steps name what the document names; the
    // graph makes nodes of them. None of them is checked against the model.
    const Model m = parse_model_json(R"({"assessments": [{
      "systems": [{"name": "既存住基", "other": ["どこにもないシステム"]}],
      "files": [{"names": ["F"], "sources": [{"kind": "本人又は本人の代理人", "detail": "窓口"}],
                 "provisions": [{"recipient": "どこかの市長", "basis": "番号法第19条第8号"}],
                 "transfers": [{"recipient": "存在しない課"}],
                 "entrustments": [{"contractor": "株式会社どこか", "resubcontractor": "未知の会社"}]}],
      "attachment1_steps": [{"label": "9-⑨", "text": "未知の課から未知のシステムへ送る"}]}]})",
                                     "model.json");
    EXPECT_EQ(m.assessments.at(0).systems.at(0).other.at(0), "どこにもないシステム");
}

TEST(ModelReferences, ExtractedModelsHaveNoDanglingReference) {
    // What extract writes is read back without a word: every example, both conversions.
    size_t models = 0;
    for (const auto* dir : {"midori", "pdftext"}) {
        for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "examples" / dir)) {
            if (entry.path().extension() != ".txt") continue;
            const Model m = extract_file(entry.path().string());
            EXPECT_NO_THROW(parse_model_json(nlohmann::json(m).dump(1), "model.json")) << entry.path();
            ++models;
        }
    }
    EXPECT_GT(models, 0u);
}

}  // namespace
}  // namespace piagraph
