// The limits that keep a hostile JSON model bounded (GitHub issue 12, item 6;
// include/piagraph/limits.hpp): nesting and the number of systems. Inputs are built here; the
// tests assert what the user gets (a clear error naming the limit, or the model), never time.
#include <gtest/gtest.h>

#include <string>

#include "piagraph/error.hpp"
#include "piagraph/io.hpp"
#include "piagraph/limits.hpp"
#include "piagraph/model.hpp"
#include "piagraph/model_schema.hpp"
#include "piagraph/text.hpp"

namespace piagraph {
namespace {

InputError refused(const std::string& json_text) {
    try {
        parse_model_json(json_text, "model.json");
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "model.json");
        return e;
    }
    ADD_FAILURE() << "parse_model_json accepted the model";
    return InputError("", -1, {"", ""});
}

void expect_too_deep(const InputError& e, int line) {
    const std::string limit = std::to_string(limits::kMaxJsonDepth);
    EXPECT_TRUE(text::contains(e.message().en, "nested too deep")) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().en, limit)) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().ja, "入れ子が深すぎます")) << e.message().ja;
    EXPECT_EQ(e.line(), line);
}

TEST(Limits, JsonNested100000DeepIsRefusedByItsLimit) {
    // Arrays inside the model's list, and objects (one a line): refused before parsing, at the
    // line of the first bracket beyond the limit, never a stack overflow.
    expect_too_deep(refused("{\"assessments\": " + std::string(100000, '[') + std::string(100000, ']') + "}"), 1);
    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":\n";
    objects += "1";
    objects += std::string(100000, '}');
    expect_too_deep(refused(objects), limits::kMaxJsonDepth + 1);
    // Unclosed brackets (a truncated hostile file) go the same way.
    expect_too_deep(refused(std::string(100000, '{')), 1);
}

TEST(Limits, JsonAtTheDepthLimitIsRead) {
    // The model's object is level 1; an unknown key holding arrays up to the limit is read (and
    // warned of as unknown), one level more is refused.
    const int inner = limits::kMaxJsonDepth - 1;
    const std::string at_limit = "{\"assessments\": [], \"extra\": " + std::string(static_cast<size_t>(inner), '[') +
                                 std::string(static_cast<size_t>(inner), ']') + "}";
    std::vector<InputError> warnings;
    EXPECT_NO_THROW(parse_model_json(at_limit, "model.json", warnings));
    EXPECT_EQ(warnings.size(), 1u);
    const std::string over = "{\"assessments\": [], \"extra\": " + std::string(static_cast<size_t>(inner + 1), '[') +
                             std::string(static_cast<size_t>(inner + 1), ']') + "}";
    expect_too_deep(refused(over), 1);
}

TEST(Limits, BracketsInsideStringsDoNotCount) {
    const std::string brackets(100000, '[');
    const Model m = parse_model_json(
        "{\"assessments\": [{\"affair\": \"" + brackets + "\", \"title\": \"\\\"" + brackets + "\"}]}", "model.json");
    ASSERT_EQ(m.assessments.size(), 1u);
    EXPECT_EQ(m.assessments[0].affair, brackets);
}

std::string model_with_systems(size_t count) {
    std::string out = "{\"schema\": \"piagraph/1\", \"assessments\": [{\"affair\": \"a\",\n\"systems\": [";
    for (size_t i = 0; i < count; ++i)
        out += std::string(i ? ",\n" : "") + "{\"no\": " + std::to_string(i + 1) + ", \"name\": \"業務システム" +
               std::to_string(i) + "\", \"connections\": [\"庁内連携システム\"]}";
    return out + "]}]}";
}

TEST(Limits, TenThousandSystemsAreRefusedByTheSystemLimit) {
    const InputError e = refused(model_with_systems(10000));
    const std::string limit = std::to_string(limits::kMaxSystemsPerAssessment);
    EXPECT_TRUE(text::contains(e.message().en, "too many systems")) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().en, "10000")) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().en, "limit " + limit)) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().en, "assessments[0].systems")) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().ja, "システムが多すぎます")) << e.message().ja;
    EXPECT_EQ(e.line(), 2);  // where the list starts
}

TEST(Limits, SystemsUpToTheLimitAreRead) {
    const Model m = parse_model_json(model_with_systems(limits::kMaxSystemsPerAssessment), "model.json");
    EXPECT_EQ(m.assessments.at(0).systems.size(), limits::kMaxSystemsPerAssessment);
}

TEST(Limits, TheDepthCheckNamesTheFileOfAnyJson) {
    // Baselines and styles go through the same check (their readers call it first).
    try {
        check_json_depth(std::string(200, '['), "baseline.json");
        ADD_FAILURE() << "accepted";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "baseline.json");
        EXPECT_EQ(e.line(), 1);
    }
    EXPECT_NO_THROW(check_json_depth("{\"a\": [[1], [2]], \"b\": \"]]]]\"}", "ok.json"));
}

}  // namespace
}  // namespace piagraph
