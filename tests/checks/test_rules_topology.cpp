// The T rules (topology and flows): each fires on a model built to break it or on the example
// city, and stays quiet on a close case that is fine.
#include <gtest/gtest.h>

#include "rule_fixtures.hpp"

namespace piagraph {
namespace {

using namespace rule_test;

// ---- PPC-T01 one-sided connection within one assessment

TEST(Rules, T01_FiresWhenTheOtherEndOfAConnectionIsSilent) {
    Assessment a = sound();
    a.systems[2].connections = {"情報提供ネットワークシステム"};  // 中間サーバー forgets 統合宛名
    auto found = of_rule(a, "PPC-T01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].kind, "one-sided-connection");
    ASSERT_GE(found[0].locations.size(), 2u);
    EXPECT_EQ(found[0].locations[0].line, 20);  // 統合宛名 declares
    EXPECT_EQ(found[0].locations[1].line, 30);  // 中間サーバー is silent
}

TEST(Rules, T01_FiresOnTheExampleCity) {
    // midori-juki: 既存住基 lists 戸籍システム, whose ③ does not list it back.
    auto found = of_rule(midori("midori-juki.txt"), "PPC-T01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "戸籍システム")) << found[0].message.ja;
    ASSERT_GE(found[0].locations.size(), 2u);
    EXPECT_GT(found[0].locations[0].line, 0);
    EXPECT_GT(found[0].locations[1].line, 0);
}

TEST(Rules, T01_QuietWhenBothEndsDeclareTheConnection) { EXPECT_TRUE(of_rule(sound(), "PPC-T01").empty()); }

TEST(Rules, T01_QuietWhenANameIsSpelledTwoWays) {
    Assessment a = sound();
    a.systems[1].other = {"中間サーバ"};  // no long vowel: same system
    a.systems[2].name = "中間サーバー（団体内統合宛名システム内）";
    EXPECT_TRUE(of_rule(a, "PPC-T01").empty());
}

// ---- PPC-T02 one-sided connection across the assessments of one organisation

// Two assessments of one organisation: `a` (庁内連携 declares 既存住基) and one that describes
// 既存住基, declaring 庁内連携 back or not.
Assessment juki_assessment(const std::string& organization, bool declares_back) {
    Assessment b;
    b.organization = organization;
    b.affair = "住民基本台帳に関する事務";
    b.systems = {sys(1, "既存住基システム", {"庁内連携システム"})};
    if (!declares_back) b.systems[0].connections.clear();
    return b;
}

Assessment declaring_kizon_juki() {
    Assessment a = sound();
    a.systems[3].connections.push_back("既存住民基本台帳システム");  // 庁内連携 -> 既存住基
    return a;
}

TEST(Rules, T02_FiresAcrossAssessmentsOfOneOrganisation) {
    Assessment a = declaring_kizon_juki();
    Assessment c = juki_assessment(a.organization, false);
    EXPECT_EQ(of_rule(std::vector<Assessment>{a, c}, "PPC-T02").size(), 1u);
}

TEST(Rules, T02_FiresOnTheExampleCity) {
    // 個人住民税システム lists 既存住基, which midori-juki describes without it.
    auto found = of_rule(midori_all({"midori-juki.txt", "midori-kojin-juminzei.txt"}), "PPC-T02");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "個人住民税システム")) << found[0].message.ja;
}

TEST(Rules, T02_QuietWhenTheOtherAssessmentDeclaresItBack) {
    Assessment a = declaring_kizon_juki();
    Assessment b = juki_assessment(a.organization, true);
    EXPECT_TRUE(of_rule(std::vector<Assessment>{a, b}, "PPC-T02").empty());
}

TEST(Rules, T02_QuietAcrossOrganisations) {
    Assessment a = declaring_kizon_juki();
    Assessment c = juki_assessment("隣町長", false);  // another body's 既存住基
    EXPECT_TRUE(of_rule(std::vector<Assessment>{a, c}, "PPC-T02").empty());
}

TEST(Rules, T01_QuietWhenTheSilentEndIsInAnotherAssessment) {
    Assessment a = declaring_kizon_juki();
    Assessment c = juki_assessment(a.organization, false);
    EXPECT_TRUE(of_rule(std::vector<Assessment>{a, c}, "PPC-T01").empty());  // PPC-T02's case
}

// ---- PPC-T03 hub without connections

TEST(Rules, T03_FiresOnAHubWithoutConnections) {
    Assessment a = sound();
    a.systems[2].connections.clear();
    EXPECT_EQ(of_rule(a, "PPC-T03").size(), 1u);
}

TEST(Rules, T03_QuietWhenTheHubHasConnections) { EXPECT_TRUE(of_rule(sound(), "PPC-T03").empty()); }

TEST(Rules, T03_QuietWhenTheHubNamesItsConnectionUnderSonota) {
    Assessment a = sound();
    a.systems[2].connections.clear();
    a.systems[2].other = {"団体内統合宛名システム"};
    a.systems[2].other_checked = true;
    EXPECT_TRUE(of_rule(a, "PPC-T03").empty());
}

TEST(Rules, T03_QuietWhenTheMarksWereLostInConversion) {
    Assessment a = sound();
    a.systems[2].connections.clear();
    a.systems[2].marks = "none";  // unknown, not empty
    EXPECT_TRUE(of_rule(a, "PPC-T03").empty());
}

// ---- PPC-T06 linkage status against the network marks

TEST(Rules, T06_FiresAsAnErrorWhenNotLinkedButTheNetworkIsMarked) {
    Assessment a = sound();
    a.linkage.status = "実施しない";
    auto found = of_rule(a, "PPC-T06");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
}

TEST(Rules, T06_FiresOnTheExampleCity) {
    // midori-kojin-juminzei: 実施しない, yet a provision goes through 情報提供ネットワークシステム.
    auto found = of_rule(midori("midori-kojin-juminzei.txt"), "PPC-T06");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
    EXPECT_TRUE(mentions(found, "実施しない")) << found[0].message.ja;
}

// 実施する, and no ③, 入手方法 or 提供方法 marks 情報提供ネットワークシステム.
Assessment linked_without_marks() {
    Assessment b = sound();
    b.systems[2].connections = {"宛名システム等"};
    b.files[0].provisions[0].methods = {"専用線"};
    return b;
}

TEST(Rules, T06_FiresAsAWarningWhenLinkedButNoNetworkMarkAnywhere) {
    auto warn = of_rule(linked_without_marks(), "PPC-T06");
    ASSERT_EQ(warn.size(), 1u);
    EXPECT_EQ(warn[0].severity, Severity::warning);
}

TEST(Rules, T06_QuietWhenStatusAndMarksAgree) { EXPECT_TRUE(of_rule(sound(), "PPC-T06").empty()); }

TEST(Rules, T06_QuietWhenTheMissingMarkMayBeInAnItemNotRead) {
    Assessment b = linked_without_marks();
    for (const char* item : {"systems", "connections", "files[0].methods", "files[0].provisions[0].methods",
                             "files[0].provisions[1].methods"})
        b.coverage[item] = CoverageItem{true, Loc::at(10), ""};
    EXPECT_EQ(of_rule(b, "PPC-T06").size(), 1u);  // every mark was read: none is there
    b.coverage["files[0].provisions[0].methods"] = CoverageItem{false, Loc{}, ""};
    EXPECT_TRUE(of_rule(b, "PPC-T06").empty());  // the unread ⑥ may hold it (PPC-X01 names it)
}

// ---- PPC-T07 acquisition method without the source it implies

TEST(Rules, T07_FiresOnTheChonaiRenkeiMethodWithoutAnotherDepartment) {
    Assessment a = sound();
    a.files[0].sources.pop_back();  // 他部署 gone, 庁内連携システム still a method
    EXPECT_EQ(of_rule(a, "PPC-T07").size(), 1u);
}

TEST(Rules, T07_FiresOnTheNetworkMethodWithoutAnotherBody) {
    Assessment a = sound();
    a.files[0].methods.push_back("情報提供ネットワークシステム");  // sources: 本人 and 他部署 only
    auto found = of_rule(a, "PPC-T07");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "情報提供ネットワークシステム")) << found[0].message.ja;
}

TEST(Rules, T07_QuietWhenTheSourceIsMarked) { EXPECT_TRUE(of_rule(sound(), "PPC-T07").empty()); }

TEST(Rules, T07_QuietWhenTheSourcesAreUnknown) {
    Assessment lost = sound();
    lost.files[0].sources.clear();  // unknown sources: not this rule's call
    EXPECT_TRUE(of_rule(lost, "PPC-T07").empty());
}

// ---- PPC-T09 提供 and 移転 confused

TEST(Rules, T09_FiresOnATransferToAnotherBodyAndAProvisionToASection) {
    Assessment a = sound();
    a.files[0].transfers[0].recipient = "日本年金機構";
    a.files[0].provisions[1].recipient = "市民部市民税課";
    auto found = of_rule(a, "PPC-T09");
    ASSERT_EQ(found.size(), 2u);
    int errors = 0, warnings = 0;
    for (const auto& f : found) (f.severity == Severity::error ? errors : warnings) += 1;
    EXPECT_EQ(errors, 1);    // the 移転 to another body
    EXPECT_EQ(warnings, 1);  // the 提供 to a section
}

TEST(Rules, T09_QuietOnASectionWhoseNameMentionsAMinistry) {
    Assessment quiet = sound();
    quiet.files[0].transfers[0].recipient = "総務局法務課";  // a section, though it says 法務
    EXPECT_TRUE(of_rule(quiet, "PPC-T09").empty());
}

TEST(Rules, T09_QuietOnAProvisionToTheSectionOfACommittee) {
    Assessment a = sound();
    a.files[0].provisions[1].recipient = "教育委員会事務局学務課";  // another 機関: a 提供 is right
    EXPECT_TRUE(of_rule(a, "PPC-T09").empty());
}

// ---- PPC-T11 contractor listed as a recipient

TEST(Rules, T11_FiresOnACompanyAsRecipient) {
    Assessment a = sound();
    a.files[0].provisions[1].recipient = "株式会社テスト";
    EXPECT_EQ(of_rule(a, "PPC-T11").size(), 1u);
}

TEST(Rules, T11_FiresOnTheContractorAsRecipient) {
    Assessment a = sound();
    a.files[0].entrustments[0].contractor = "テスト情報サービス";  // no company marker
    a.files[0].transfers[0].recipient = "テスト情報サービス";
    auto found = of_rule(a, "PPC-T11");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "移転先")) << found[0].message.ja;
}

TEST(Rules, T11_QuietOnPublicBodies) {
    EXPECT_TRUE(of_rule(sound(), "PPC-T11").empty());
    Assessment a = sound();
    a.files[0].provisions[1].recipient = "地方公共団体情報システム機構";  // a public body, not a company
    EXPECT_TRUE(of_rule(a, "PPC-T11").empty());
}

// ---- PPC-T12 flow described in text but not declared

// 介護保険システム's functions send to a system that no ③ connects it with.
Assessment functions_name_an_unconnected_system() {
    Assessment a = sound();
    a.systems.push_back(sys(5, "収納システム(税務システム内)", {}));
    a.systems[0].functions = "賦課決定情報を収納システムへ連携する。";
    return a;
}

TEST(Rules, T12_FiresWhenFunctionsDescribeAnUndeclaredLink) {
    EXPECT_EQ(of_rule(functions_name_an_unconnected_system(), "PPC-T12").size(), 1u);
}

TEST(Rules, T12_QuietWhenTheLinkIsDeclaredUnderSonota) {
    Assessment a = functions_name_an_unconnected_system();
    a.systems[0].other = {"収納システム"};
    a.systems[0].other_checked = true;
    EXPECT_TRUE(of_rule(a, "PPC-T12").empty());
}

TEST(Rules, T12_FiresWhenAStepNamesASenderThatIsNoSource) {
    Assessment a = sound();
    a.attachment1_steps = {{"1-①", "届出等を受け付ける（※他市町村等からの通知等）", Loc::at(300)}};
    auto found = of_rule(a, "PPC-T12");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].locations[0].line, 300);
}

TEST(Rules, T12_QuietWhenAStepSendsToThatParty) {
    Assessment a = sound();
    a.attachment1_steps = {{"1-①", "他市町村へ通知を送付する", Loc::at(300)}};  // sending, not receiving
    EXPECT_TRUE(of_rule(a, "PPC-T12").empty());
}

}  // namespace
}  // namespace piagraph
