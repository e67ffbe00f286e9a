// The vocabulary is checked when piagraph starts (issue 10): a missing or mistyped key of
// data/dictionary.json is an error naming the key, never a feature silently switched off.
#include <gtest/gtest.h>

#include <algorithm>

#include "piagraph/dictionary.hpp"
#include "piagraph/error.hpp"

namespace piagraph {
namespace {

bool names(const std::vector<std::string>& problems, const std::string& text) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

TEST(Dictionary, TheEmbeddedOneMatchesItsSchema) { EXPECT_TRUE(Dictionary::problems(Dictionary::get().raw()).empty()); }

TEST(Dictionary, AMissingKeyIsNamed) {
    for (const std::string pointer : {"/form_labels/basis", "/options/connections", "/report/form_fields",
                                      "/graph/within_box", "/diff/fields/name", "/checks"}) {
        nlohmann::json broken = Dictionary::get().raw();
        const nlohmann::json::json_pointer at(pointer);
        broken[at.parent_pointer()].erase(at.back());
        const auto problems = Dictionary::problems(broken);
        EXPECT_TRUE(names(problems, pointer + ": missing")) << pointer;
    }
}

TEST(Dictionary, AMistypedKeyIsNamed) {
    nlohmann::json broken = Dictionary::get().raw();
    broken["options"]["connections"] = "既存住民基本台帳システム";
    broken["systems"][0]["aliases"][0] = 7;
    const auto problems = Dictionary::problems(broken);
    EXPECT_TRUE(names(problems, "/options/connections: string, expected array"));
    EXPECT_TRUE(names(problems, "/systems/0/aliases/0: integer, expected string"));
}

TEST(Dictionary, AnEmptySpellingListIsAProblem) {
    nlohmann::json broken = Dictionary::get().raw();
    broken["form_labels"]["system_name"] = nlohmann::json::array();
    EXPECT_TRUE(names(Dictionary::problems(broken), "/form_labels/system_name: empty"));
}

TEST(Dictionary, ParsingABrokenVocabularyThrowsAtStartUp) {
    nlohmann::json broken = Dictionary::get().raw();
    broken.erase("form_labels");
    try {
        Dictionary::parse(broken.dump());
        FAIL() << "a dictionary without form_labels was accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.message().ja).find("/form_labels: missing"), std::string::npos) << e.message().ja;
    }
    EXPECT_THROW(Dictionary::parse("{not json"), InputError);
    EXPECT_NO_THROW(Dictionary::parse(Dictionary::get().raw().dump()));
}

TEST(Dictionary, FormLabelsAndWordsAreReadByKey) {
    const Dictionary& dict = Dictionary::get();
    EXPECT_EQ(dict.form_label("basis"), "法令上の根拠");
    EXPECT_EQ(dict.word("/graph/unnamed/file"), "ファイル");
    EXPECT_THROW(dict.form_label("no_such_label"), std::out_of_range);
}

}  // namespace
}  // namespace piagraph
