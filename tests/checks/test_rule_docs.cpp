// Every registered rule carries its documentation (title, help and the items and law it reads,
// in Japanese and English: `piagraph rules --explain` shows them) and has both a firing and a
// quiet test: Rules.<short id>_Fires… and Rules.<short id>_Quiet… (PPC-T01 -> T01). A rule added
// without them fails here.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "piagraph/checks.hpp"

namespace piagraph {
namespace {

std::string short_id(const std::string& id) {
    const size_t dash = id.find('-');
    return dash == std::string::npos ? id : id.substr(dash + 1);
}

bool has_non_ascii(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80) return true;
    return false;
}

// The test names of suite `Rules` in this binary, whether or not a filter selected them.
std::set<std::string> rule_test_names() {
    std::set<std::string> names;
    const auto& unit = *::testing::UnitTest::GetInstance();
    for (int i = 0; i < unit.total_test_suite_count(); ++i) {
        const auto* suite = unit.GetTestSuite(i);
        if (std::string(suite->name()) != "Rules") continue;
        for (int j = 0; j < suite->total_test_count(); ++j) names.insert(suite->GetTestInfo(j)->name());
    }
    return names;
}

TEST(RuleDocs, EveryRuleHasTitleHelpAndReadsInBothLanguages) {
    ASSERT_FALSE(rules().empty());
    for (const auto& r : rules()) {
        const RuleInfo& i = r->info();
        for (const auto& [what, m] :
             std::map<std::string, const Message*>{{"title", &i.title}, {"help", &i.help}, {"reads", &i.reads}}) {
            EXPECT_FALSE(m->ja.empty()) << i.id << ": " << what << " has no Japanese";
            EXPECT_FALSE(m->en.empty()) << i.id << ": " << what << " has no English";
            EXPECT_TRUE(has_non_ascii(m->ja)) << i.id << ": " << what << ".ja is not Japanese: " << m->ja;
            EXPECT_NE(m->ja, m->en) << i.id << ": " << what << " is the same in both languages";
        }
    }
}

TEST(RuleDocs, EveryRuleHasAFiringAndAQuietTest) {
    const auto names = rule_test_names();
    auto has_prefix = [&](const std::string& prefix) {
        auto it = names.lower_bound(prefix);
        return it != names.end() && it->compare(0, prefix.size(), prefix) == 0;
    };
    for (const auto& r : rules()) {
        const std::string id = short_id(r->info().id);
        EXPECT_TRUE(has_prefix(id + "_Fires")) << r->info().id << ": no test Rules." << id << "_Fires…";
        EXPECT_TRUE(has_prefix(id + "_Quiet")) << r->info().id << ": no test Rules." << id << "_Quiet…";
    }
}

TEST(RuleDocs, EveryRuleTestNamesARegisteredRule) {
    std::set<std::string> ids;
    for (const auto& r : rules()) ids.insert(short_id(r->info().id));
    for (const auto& name : rule_test_names()) {
        const size_t sep = name.find('_');
        if (sep == std::string::npos) continue;  // a test of all rules (SoundAssessmentRaisesNothing …)
        EXPECT_TRUE(ids.count(name.substr(0, sep))) << "Rules." << name << " names no registered rule";
    }
}

// Every rule file (src/checks/<id>_<name>.cpp) is in the one list of rules (PIAGRAPH_RULES in
// registry.cpp), and every rule is in REFERENCE's catalogue or is one of ours (L15, X01).
TEST(RuleDocs, EveryRuleFileIsRegistered) {
    std::set<std::string> ids;
    for (const auto& r : rules()) ids.insert(short_id(r->info().id));
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(PIAGRAPH_SOURCE_DIR "/src/checks")) {
        const std::string name = entry.path().filename().string();
        if (name.size() < 5 || !std::islower(static_cast<unsigned char>(name[0])) ||
            !std::isdigit(static_cast<unsigned char>(name[1])) || !std::isdigit(static_cast<unsigned char>(name[2])) ||
            name[3] != '_')
            continue;
        ++files;
        std::string id = name.substr(0, 3);
        id[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[0])));
        EXPECT_TRUE(ids.count(id)) << name << " is not in PIAGRAPH_RULES (src/checks/registry.cpp)";
    }
    EXPECT_EQ(files, rules().size());
}

}  // namespace
}  // namespace piagraph
