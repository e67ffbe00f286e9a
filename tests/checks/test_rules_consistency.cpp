// The C rules (counts and internal consistency) and PPC-X01 (items not read): each fires on a
// model built to break it, a fixture or the example city, and stays quiet on a close case that is
// fine.
#include <gtest/gtest.h>

#include "rule_fixtures.hpp"

namespace piagraph {
namespace {

using namespace rule_test;

// ---- PPC-C01 declared count differs from the entries listed

TEST(Rules, C01_FiresOnADeclaredCountThatDiffers) {
    Assessment a = sound();
    a.files[0].declared_counts.transfers = 3;
    auto found = of_rule(a, "PPC-C01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::warning);
}

TEST(Rules, C01_FiresAsInfoWhenAnEntryRefersToAnAnnex) {
    Assessment a = sound();
    a.files[0].declared_counts.transfers = 3;
    a.files[0].transfers[0].recipient = "別紙2の機関";
    auto found = of_rule(a, "PPC-C01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::info);
}

TEST(Rules, C01_FiresOnTheExampleCity) {
    // midori-kojin-juminzei: 提供を行っている（4）件 with three 提供先.
    auto found = of_rule(midori("midori-kojin-juminzei.txt"), "PPC-C01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "（4）件")) << found[0].message.ja;
}

TEST(Rules, C01_QuietWhenTheCountsAgree) {
    EXPECT_TRUE(of_rule(sound(), "PPC-C01").empty());
    Assessment a = sound();
    a.files[0].provisions.push_back(Flow{});  // an empty template block is not an entry
    EXPECT_TRUE(of_rule(a, "PPC-C01").empty());
}

// ---- PPC-C02 提供・移転の有無 against the entries

// 行っていない selected, 委託しない selected, while the entries stay listed (C02 and C03).
Assessment flags_say_none() {
    Assessment a = sound();
    a.files[0].no_flows = true;
    a.files[0].provides = false;
    a.files[0].transfers_flag = false;
    a.files[0].entrust = false;
    return a;
}

TEST(Rules, C02_FiresWhenNoneIsSelectedButEntriesAreListed) {
    EXPECT_EQ(of_rule(flags_say_none(), "PPC-C02").size(), 1u);
}

TEST(Rules, C02_FiresWhenProvisionIsSelectedButNothingIsListed) {
    Assessment a = sound();
    a.files[0].provisions.clear();
    a.files[0].declared_counts.provisions.reset();
    auto found = of_rule(a, "PPC-C02");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "提供先の記載がありません")) << found[0].message.ja;
}

TEST(Rules, C02_QuietWhenTheFlagsMatchTheEntries) { EXPECT_TRUE(of_rule(sound(), "PPC-C02").empty()); }

TEST(Rules, C02_QuietWhenOnlyACountIsGiven) {
    Assessment a = sound();
    a.files[0].provisions.clear();  // (2)件 declared, the list elsewhere: PPC-C01's call
    EXPECT_TRUE(of_rule(a, "PPC-C02").empty());
}

// ---- PPC-C03 委託の有無 against the 委託事項

TEST(Rules, C03_FiresWhenNotEntrustingButEntriesAreListed) {
    EXPECT_EQ(of_rule(flags_say_none(), "PPC-C03").size(), 1u);
}

TEST(Rules, C03_FiresWhenEntrustingButNothingIsListed) {
    Assessment a = sound();
    a.files[0].entrustments.clear();
    a.files[0].declared_counts.entrustments.reset();
    auto found = of_rule(a, "PPC-C03");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "委託事項の記載がありません")) << found[0].message.ja;
}

TEST(Rules, C03_QuietWhenTheFlagMatchesTheEntries) { EXPECT_TRUE(of_rule(sound(), "PPC-C03").empty()); }

TEST(Rules, C03_QuietWhenOnlyACountIsGiven) {
    Assessment a = sound();
    a.files[0].entrustments.clear();  // (1)件 declared, the list elsewhere: PPC-C01's call
    EXPECT_TRUE(of_rule(a, "PPC-C03").empty());
}

// ---- PPC-C04 接続しない against a network method

TEST(Rules, C04_FiresWhenNotConnectedButProvidingThroughTheNetwork) {
    Assessment a = sound();
    a.files[0].risk_flags["接続しない（提供）"] = true;
    EXPECT_EQ(of_rule(a, "PPC-C04").size(), 1u);
}

TEST(Rules, C04_FiresWhenNotConnectedButAcquiringThroughTheNetwork) {
    Assessment a = sound();
    a.files[0].risk_flags["接続しない（入手）"] = true;
    a.files[0].methods.push_back("情報提供ネットワークシステム");
    auto found = of_rule(a, "PPC-C04");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "入手方法")) << found[0].message.ja;
}

TEST(Rules, C04_FiresOnTheExampleCity) {
    auto found = of_rule(midori("midori-kojin-juminzei.txt"), "PPC-C04");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "接続しない（提供）")) << found[0].message.ja;
}

TEST(Rules, C04_QuietWhenTheFlagMatchesTheMethods) {
    EXPECT_TRUE(of_rule(sound(), "PPC-C04").empty());
    Assessment a = sound();
    a.files[0].risk_flags["接続しない（入手）"] = true;  // right: nothing is acquired through the network
    EXPECT_TRUE(of_rule(a, "PPC-C04").empty());
}

// ---- PPC-C05 再委託

TEST(Rules, C05_FiresWhenResubcontractingWithoutThePermissionMethod) {
    Assessment a = sound();
    a.files[0].entrustments[0].permission_method = "";
    EXPECT_EQ(of_rule(a, "PPC-C05").size(), 1u);
}

TEST(Rules, C05_FiresWhenNotResubcontractingButTheDetailsAreFilled) {
    Assessment b = sound();
    b.files[0].entrustments[0].resubcontract = false;
    EXPECT_EQ(of_rule(b, "PPC-C05").size(), 1u);  // 再委託しない with ⑧⑨ filled
}

TEST(Rules, C05_FiresOnTheExampleCity) {
    auto found = of_rule(midori("midori-juki.txt"), "PPC-C05");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "⑧再委託の許諾方法")) << found[0].message.ja;
}

// 再委託しない with ⑧⑨ empty, in a document whose text holds `line` (its 4th line).
Assessment no_resubcontract_in(const std::string& line) {
    const auto file = test::temp_dir() / "assessment.txt";
    test::write_text(file,
                     "特定個人情報保護評価書（全項目評価書）\n委託事項1 システム保守\n再委託しない\n" + line + "\n");
    Assessment a = sound();
    a.source_file = file.string();
    auto& e = a.files[0].entrustments[0];
    e.resubcontract = false;
    e.permission_method.clear();
    e.resubcontract_items.clear();
    return a;
}

TEST(Rules, C05_FiresWhenTheTextReportsAResubcontract) {
    auto found = of_rule(no_resubcontract_in("委託先が許諾を得ずに再委託を行っていたことが判明した。"), "PPC-C05");
    ASSERT_EQ(found.size(), 1u);
    ASSERT_EQ(found[0].locations.size(), 2u);
    EXPECT_EQ(found[0].locations[1].line, 4);
}

TEST(Rules, C05_QuietWhenTheTextOnlyRestatesTheChoice) {
    EXPECT_TRUE(of_rule(no_resubcontract_in("委託先による再委託は行わない。"), "PPC-C05").empty());
}

TEST(Rules, C05_QuietWhenTheDetailsMatchTheChoice) {
    EXPECT_TRUE(of_rule(sound(), "PPC-C05").empty());
    Assessment a = sound();
    auto& e = a.files[0].entrustments[0];
    e.resubcontract = false;
    e.permission_method = "－";  // a dash is an empty field
    e.resubcontract_items = "－";
    EXPECT_TRUE(of_rule(a, "PPC-C05").empty());
}

// ---- PPC-C09 no provision/transfer method

TEST(Rules, C09_FiresOnATransferWithoutMethod) {
    Assessment a = sound();
    a.files[0].transfers[0].methods.clear();
    EXPECT_EQ(of_rule(a, "PPC-C09").size(), 1u);
}

TEST(Rules, C09_FiresOnTheExampleCity) {
    auto found = of_rule(midori("midori-kojin-juminzei.txt"), "PPC-C09");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "健康福祉部介護保険課")) << found[0].message.ja;
}

TEST(Rules, C09_QuietWhenEveryFlowHasAMethod) {
    EXPECT_TRUE(of_rule(sound(), "PPC-C09").empty());
    Assessment a = sound();
    a.files[0].transfers[0].methods = {"その他（庁内LAN）"};  // only その他, with its text
    a.files[0].transfers.push_back(Flow{});                   // and an empty template block
    EXPECT_TRUE(of_rule(a, "PPC-C09").empty());
}

// ---- PPC-C10 choice group without a selection

TEST(Rules, C10_FiresOnUnmarkedChoicesWithFilledDetails) {
    Assessment a = sound();
    a.systems[0].other = {"収納システム"};
    a.systems[0].other_checked = false;
    a.files[0].marks["provision_transfer"] = "none";
    a.files[0].entrustments[0].resubcontract.reset();
    EXPECT_EQ(of_rule(a, "PPC-C10").size(), 3u);
}

// A 保管期間 none of whose periods is marked although its その妥当性 explains one (corpus 001: 7年間).
TEST(Rules, C10_FiresOnARetentionPeriodExplainedButNotMarked) {
    Assessment a = sound();
    a.files[0].retention = "";
    a.files[0].retention_reason = "地方税法第17条の5の規定により、課税年度から7年間経過まで保管が必要";
    const auto found = of_rule(a, "PPC-C10");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.ja.find("②保管期間"), std::string::npos);
    a.files[0].retention = "6年以上10年未満";
    EXPECT_TRUE(of_rule(a, "PPC-C10").empty());
}

TEST(Rules, C10_QuietWhenTheChoicesAreMarked) {
    EXPECT_TRUE(of_rule(sound(), "PPC-C10").empty());
    Assessment a = sound();
    a.systems[0].other = {"収納システム"};
    a.systems[0].other_checked = true;  // その他 marked beside its name
    EXPECT_TRUE(of_rule(a, "PPC-C10").empty());
}

TEST(Rules, C10_QuietOnAGroupWhoseLabelWasNotRead) {
    Assessment a = sound();
    a.files[0].marks["provision_transfer"] = "none";
    a.coverage["files[0].provision_transfer"] = CoverageItem{false, Loc{}, ""};  // PPC-X01 names it instead
    EXPECT_TRUE(of_rule(a, "PPC-C10").empty());
}

// ---- PPC-X01 items that could not be read

TEST(Rules, X01_FiresOnTheItemsOfADocumentThatWereNotRead) {
    // The example city's 個人住民税 document with the I-5 法令上の根拠 row and 提供先2's ⑥ row removed.
    const auto path = test::source_dir() / "tests" / "fixtures" / "coverage" / "kojin-juminzei-unread.txt";
    auto found = of_rule(extract_file(path.string()).assessments, "PPC-X01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::info);
    EXPECT_TRUE(mentions(found, "個人番号の利用の法令上の根拠")) << found[0].message.ja;
}

TEST(Rules, X01_FiresOnAModelWithAnItemNotRead) {
    Assessment a = sound();
    a.coverage["individual_number_basis"] = CoverageItem{true, Loc::at(15), ""};
    a.coverage["linkage.basis"] = CoverageItem{false, Loc{}, "page 3 unreadable"};
    auto found = of_rule(a, "PPC-X01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].message.ja, "読み取れなかった項目が1件あります: 情報連携の法令上の根拠");
}

TEST(Rules, X01_QuietWhenEveryItemWasRead) {
    EXPECT_TRUE(of_rule(sound(), "PPC-X01").empty());  // no coverage: a hand-made model
    Assessment a = sound();
    a.coverage["individual_number_basis"] = CoverageItem{true, Loc::at(15), ""};
    a.coverage["linkage.basis"] = CoverageItem{true, Loc::at(20), ""};
    EXPECT_TRUE(of_rule(a, "PPC-X01").empty());
}

TEST(Rules, X01_QuietOnTheExampleCity) {
    for (const char* name : {"midori-juki.txt", "midori-kiso.txt", "midori-kojin-juminzei.txt", "midori-kokuho.txt"}) {
        ASSERT_FALSE(midori(name).empty()) << name;
        EXPECT_TRUE(of_rule(midori(name), "PPC-X01").empty()) << name;
    }
}

}  // namespace
}  // namespace piagraph
