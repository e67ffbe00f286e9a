// piagraph rules: the catalogue lists every registered rule; --explain prints its documentation.
#include <gtest/gtest.h>

#include "piagraph/checks.hpp"
#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

TEST(RulesCommand, ListsEveryRuleWithKindSeverityAndTitle) {
    const auto r = test::run_piagraph({"rules"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& rule : rules()) {
        const RuleInfo& i = rule->info();
        EXPECT_TRUE(text::contains(r.out, i.id + "  " + i.kind)) << i.id;
        EXPECT_TRUE(text::contains(r.out, i.title.ja)) << i.id;
    }
}

TEST(RulesCommand, ExplainsARuleInEitherLanguage) {
    const RuleInfo* t01 = nullptr;
    for (const auto& rule : rules())
        if (rule->info().id == "PPC-T01") t01 = &rule->info();
    ASSERT_NE(t01, nullptr);
    const auto ja = test::run_piagraph({"rules", "--explain", "PPC-T01"});
    ASSERT_EQ(ja.exit_code, 0) << ja.err;
    EXPECT_TRUE(text::contains(ja.out, t01->title.ja));
    EXPECT_TRUE(text::contains(ja.out, t01->help.ja));
    EXPECT_TRUE(text::contains(ja.out, t01->reads.ja));
    const auto en = test::run_piagraph({"--lang", "en", "rules", "--explain", "t01"});  // short id, any case
    ASSERT_EQ(en.exit_code, 0) << en.err;
    EXPECT_TRUE(text::contains(en.out, t01->help.en));
}

TEST(RulesCommand, UnknownRuleIsOneLineAndExitTwo) {
    const auto r = test::run_piagraph({"rules", "--explain", "PPC-Z99"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(text::contains(r.err, "PPC-Z99"));
}

}  // namespace
}  // namespace piagraph
