// The registry and what all rules share: a sound assessment raises nothing, fingerprints ignore
// line numbers. The rules themselves are tested one by one in test_rules_topology.cpp (T),
// test_rules_legal.cpp (L) and test_rules_consistency.cpp (C, X); test_rule_docs.cpp checks that
// each has its docs and its firing and quiet tests.
#include <gtest/gtest.h>

#include "rule_fixtures.hpp"

namespace piagraph {
namespace {

using namespace rule_test;

TEST(Registry, RulesHaveIdsKindsAndBilingualHelp) {
    ASSERT_GE(rules().size(), 20u);
    for (const auto& r : rules()) {
        const RuleInfo& i = r->info();
        EXPECT_EQ(i.id.rfind("PPC-", 0), 0u) << i.id;
        EXPECT_FALSE(i.kind.empty()) << i.id;
        EXPECT_FALSE(i.title.ja.empty() || i.title.en.empty() || i.help.ja.empty() || i.help.en.empty()) << i.id;
    }
    for (size_t k = 1; k < rules().size(); ++k) EXPECT_LT(rules()[k - 1]->info().id, rules()[k]->info().id);
}

TEST(Rules, SoundAssessmentRaisesNothing) {
    auto findings = run_checks(build_graph({sound()}));
    for (const auto& f : findings) ADD_FAILURE() << f.rule << " " << f.message.en;
}

TEST(Rules, FingerprintIgnoresLineNumbers) {
    Assessment a = sound();
    a.files[0].transfers[0].methods.clear();
    auto first = of_rule(a, "PPC-C09");
    a.files[0].transfers[0].loc = Loc::at(999);
    auto moved = of_rule(a, "PPC-C09");
    ASSERT_EQ(first.size(), 1u);
    ASSERT_EQ(moved.size(), 1u);
    EXPECT_EQ(first[0].fingerprint, moved[0].fingerprint);
}

}  // namespace
}  // namespace piagraph
