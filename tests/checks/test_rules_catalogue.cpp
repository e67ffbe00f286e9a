// The catalogue rules of GitHub issue 15 (F02 F03 F04–F11 L02 L10–L13 C06–C08 C11 T04 T05 T08 T10 T13 T14
// R01 R02): each fires on a planted defect (the example city or a model built here) and stays quiet on a close
// case.
#include <gtest/gtest.h>

#include "rule_fixtures.hpp"

namespace piagraph::checks {
void set_check_date(const std::string& iso_date);  // src/checks/f08_reassess_age.cpp
}

namespace piagraph {
namespace {

using namespace rule_test;

TEST(Rules, F02_FiresOnAJutenAssessmentAt300000) {
    auto found = of_rule(midori("midori-kokuho.txt"), "PPC-F02");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
    EXPECT_TRUE(mentions(found, "30万人以上"));
    Assessment kiso = sound();
    kiso.form = "基礎項目評価書";
    kiso.population = "10万人以上30万人未満";
    EXPECT_EQ(of_rule(kiso, "PPC-F02").size(), 1u);
}

TEST(Rules, F02_QuietBelowTheThresholdOrWithAHigherForm) {
    Assessment juten = sound();
    juten.form = "重点項目評価書";
    juten.population = "10万人以上30万人未満";
    EXPECT_TRUE(of_rule(juten, "PPC-F02").empty());
    Assessment kiso = sound();
    kiso.form = "基礎項目評価書";
    kiso.population = "10万人以上30万人未満";
    EXPECT_TRUE(of_rule(std::vector<Assessment>{kiso, juten}, "PPC-F02").empty());  // the 重点 is filed
    EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-F02").empty());
}

TEST(Rules, F06_FiresOnAnImportantChangeFiledAfterwards) {
    auto found = of_rule(midori("midori-kojin-juminzei.txt"), "PPC-F06");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "提供先2"));
}

TEST(Rules, F06_QuietOnMinorChangesAfterwardsAndImportantOnesBefore) {
    // midori-juki: 事後 組織改正 (重要な変更に当たらない) and 事前 ガバメントクラウド移行 (重要な変更).
    EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-F06").empty());
}

TEST(Rules, F06_QuietWhenADenialHasATypoInIt) {
    // Written so in a real assessment: the words between 重要な変更 and its negation repeat.
    Assessment a = sound();
    ChangeRow row;
    row.date = "令和2年7月31日";
    row.item = "III 4";
    row.timing = "事後";
    row.explanation = "リスクを軽減するようなものの変更のため重要な変更に変更に該当しない";
    a.changes = {row};
    EXPECT_TRUE(of_rule(a, "PPC-F06").empty());
    a.changes[0].explanation = "重要な変更。該当しない事項は別途記載";  // the denial is another sentence's
    EXPECT_EQ(of_rule(a, "PPC-F06").size(), 1u);
}

TEST(Rules, F01_FiresWhenTheFormAndItsYoushikiNumberDisagree) {
    Assessment a = sound();
    a.form = "重点項目評価書";
    a.form_version = "令和６年10月 様式４";  // 様式4 is 全項目
    const auto found = of_rule(a, "PPC-F01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.ja.find("様式3"), std::string::npos) << found[0].message.ja;
}

TEST(Rules, F01_QuietWhenTheyAgreeOrOneWasNotRead) {
    Assessment a = sound();
    a.form = "全項目評価書";
    a.form_version = "令和６年10月 様式４";
    EXPECT_TRUE(of_rule(a, "PPC-F01").empty());
    a.form_version = "令和６年10月 様式４１";  // no form has 様式41: not judged
    EXPECT_TRUE(of_rule(a, "PPC-F01").empty());
    a.form_version.clear();  // the label was not read
    EXPECT_TRUE(of_rule(a, "PPC-F01").empty());
}

TEST(Rules, F08_FiresOnAnAssessmentOlderThanFiveYears) {
    checks::set_check_date("2030-03-29");
    auto found = of_rule(sound(), "PPC-F08");  // 公表日 令和7年1月10日
    checks::set_check_date("");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "2025-01-10"));
}

TEST(Rules, F08_QuietWithinFiveYearsOrARecentChange) {
    checks::set_check_date("2030-01-10");
    EXPECT_TRUE(of_rule(sound(), "PPC-F08").empty());  // exactly five years
    Assessment a = sound();
    a.published = "令和2年1月10日";
    ChangeRow row;
    row.date = "令和7年4月1日";
    a.changes = {row};
    EXPECT_TRUE(of_rule(a, "PPC-F08").empty());  // the latest 変更日 counts
    checks::set_check_date("");
}

TEST(Rules, L10_FiresOnArticle19_11ToAnOutsideBody) {
    Assessment a = sound();
    a.files[0].provisions[1].basis = "番号法第19条第11号";  // 国税庁長官
    auto found = of_rule(a, "PPC-L10");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "国税庁長官"));
}

TEST(Rules, L10_QuietForTheBoardOfEducationAndOldEras) {
    Assessment a = sound();
    a.files[0].provisions.push_back(
        flow("みどり市教育委員会", "番号法第19条第11号、テスト市個人番号条例", {"紙"}, 130));
    a.files[0].declared_counts.provisions = 3;
    EXPECT_TRUE(of_rule(a, "PPC-L10").empty());
    Assessment old = sound();
    old.published = "平成30年1月10日";  // 第10号 then meant 条例 only with the 条例 named
    old.files[0].provisions[1].basis = "番号法第19条第10号、同法施行令第22条";
    EXPECT_TRUE(of_rule(old, "PPC-L10").empty());
}

TEST(Rules, L11_FiresOnATaxRecipientWithoutTaxBasis) {
    Assessment a = sound();
    a.files[0].provisions[1].basis = "番号法第19条第11号";
    auto found = of_rule(a, "PPC-L11");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "国税庁長官"));
}

TEST(Rules, L11_QuietWithArticle10OrTheLocalTaxLawOrAnEmptyBasis) {
    EXPECT_TRUE(of_rule(sound(), "PPC-L11").empty());  // 第19条第10号、同法施行令第22条
    Assessment a = sound();
    a.files[0].provisions[1].basis = "地方税法第294条第3項";
    EXPECT_TRUE(of_rule(a, "PPC-L11").empty());
    EXPECT_TRUE(of_rule(midori("midori-kojin-juminzei.txt"), "PPC-L11").empty());  // empty: PPC-L04's
}

TEST(Rules, L12_FiresOnTheOld6thItemFor本人確認情報) {
    Assessment a = sound();
    Flow p = flow("架空県知事", "番号法第19条第6号", {"専用線"}, 130);
    p.info = "本人確認情報";
    a.files[0].provisions.push_back(p);
    a.files[0].declared_counts.provisions = 3;
    auto found = of_rule(a, "PPC-L12");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "架空県知事"));
}

TEST(Rules, L12_QuietWith住基法OrTheEraValidItem) {
    EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-L12").empty());  // 住基法第30条の6
    Assessment a = sound();
    a.published = "令和2年1月10日";
    Flow p = flow("架空県知事", "番号法第19条第6号", {"専用線"}, 130);
    p.info = "本人確認情報";
    a.files[0].provisions.push_back(p);
    a.files[0].declared_counts.provisions = 3;
    EXPECT_TRUE(of_rule(a, "PPC-L12").empty());  // 第6号 was the 住基 item before 2021-09-01
}

TEST(Rules, L13_FiresOnNwsAcquisitionWithTheProvisionSideOnly) {
    Assessment a = sound();
    a.files[0].methods.push_back("情報提供ネットワークシステム");
    a.linkage.basis = "(情報提供) 番号法第19条第8号に基づく利用特定個人情報の提供に関する命令第2条の表";
    auto found = of_rule(a, "PPC-L13");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "情報照会"));
}

TEST(Rules, L13_QuietWithAnInquiryBasis) {
    EXPECT_TRUE(of_rule(midori("midori-kokuho.txt"), "PPC-L13").empty());  // (情報照会) … (情報提供) …
    Assessment a = sound();
    a.files[0].methods.push_back("情報提供ネットワークシステム");
    EXPECT_TRUE(of_rule(a, "PPC-L13").empty());  // the whole 第2条の表: both sides
}

TEST(Rules, C06_FiresOnAnEntrustmentWithoutMethodOrContractor) {
    auto found = of_rule(midori("midori-kojin-juminzei.txt"), "PPC-C06");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "課税資料のデータ入力業務"));
    Assessment a = sound();
    a.files[0].entrustments[0].contractor = "未定";
    found = of_rule(a, "PPC-C06");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::info);
}

TEST(Rules, C06_QuietOnCompleteEntrustments) {
    EXPECT_TRUE(of_rule(sound(), "PPC-C06").empty());
    EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-C06").empty());
}

TEST(Rules, T04_FiresOnABusinessSystemMarkingNws) {
    Assessment a = sound();
    a.systems[0].connections.push_back("情報提供ネットワークシステム");
    auto found = of_rule(a, "PPC-T04");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "介護保険システム"));
}

TEST(Rules, T04_QuietWhenOnlyTheIntermediateServerMarksIt) {
    EXPECT_TRUE(of_rule(sound(), "PPC-T04").empty());
    EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-T04").empty());
}

TEST(Rules, T05_FiresOnASystemOtherThanKizonJukiOnJukiNet) {
    Assessment a = sound();
    a.systems[0].connections.push_back("住民基本台帳ネットワークシステム");
    auto found = of_rule(a, "PPC-T05");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::info);
}

TEST(Rules, T05_QuietWhenOnlyKizonJukiMarksIt) { EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-T05").empty()); }

TEST(Rules, T13_FiresOnStorageThatContradictsTheSystems) {
    Assessment a = sound();  // declares a 中間サーバー
    a.files[0].storage = "サーバーは市庁舎のサーバー室に設置する。";
    auto found = of_rule(a, "PPC-T13");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "中間サーバー・プラットフォーム"));
    a.files[0].storage = "中間サーバー・プラットフォームに保管する。データはガバメントクラウドに保管する。";
    a.files[0].entrustments[0].item = "封入封緘";
    found = of_rule(a, "PPC-T13");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "ガバメントクラウド"));
}

TEST(Rules, T13_QuietWhenStorageAndSystemsAgree) {
    Assessment a = sound();
    a.files[0].storage = "中間サーバー・プラットフォームに保管する。システムはガバメントクラウド上に構築する。";
    EXPECT_TRUE(of_rule(a, "PPC-T13").empty());  // 委託: システム保守
    EXPECT_TRUE(of_rule(midori("midori-kokuho.txt"), "PPC-T13").empty());
}

TEST(Rules, T14_FiresOnAnUndefined機構) {
    auto found = of_rule(midori("midori-juki.txt"), "PPC-T14");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "「機構」"));
}

TEST(Rules, T14_QuietOnFullNamesAndDefinedShortNames) {
    Assessment a = sound();
    a.files[0].provisions[0].recipient = "日本年金機構";
    a.files[0].sources[0].detail = "地方公共団体情報システム機構";
    EXPECT_TRUE(of_rule(a, "PPC-T14").empty());
    a.files[0].provisions[0].purpose = "地方公共団体情報システム機構（以下「機構」という。）及び機構の事務";
    EXPECT_TRUE(of_rule(a, "PPC-T14").empty());
}

TEST(Rules, R01_FiresOnAResubcontractWithoutItsSubcontractor) {
    auto found = of_rule(midori("midori-juki.txt"), "PPC-R01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "住民異動届のデータ入力業務"));
}

TEST(Rules, R01_QuietWhenTheSubcontractorIsNamed) {
    EXPECT_TRUE(of_rule(midori("midori-kojin-juminzei.txt"), "PPC-R01").empty());  // （再委託先：…）
    EXPECT_TRUE(of_rule(midori("midori-kokuho.txt"), "PPC-R01").empty());
}

TEST(Rules, F04_FiresOnARequiredItemReadButEmpty) {
    Assessment a = sound();
    a.department = "";
    a.files[0].storage = "";
    a.coverage["department"] = {true, Loc::at(30), ""};
    a.coverage["files[0].storage"] = {true, Loc::at(125), ""};
    auto found = of_rule(a, "PPC-F04");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_TRUE(mentions(found, "I-7 ①部署が空欄"));
    EXPECT_TRUE(mentions(found, "保管場所が空欄"));
    a.department = "＜選択肢＞";
    EXPECT_EQ(of_rule(a, "PPC-F04").size(), 2u);  // a template placeholder counts as empty
}

TEST(Rules, F04_QuietOnFilledOrUnreadItems) {
    Assessment a = sound();
    a.department = "";
    a.coverage["department"] = {false, Loc{}, ""};  // the label was not read: PPC-X01's
    EXPECT_TRUE(of_rule(a, "PPC-F04").empty());
    EXPECT_TRUE(of_rule(sound(), "PPC-F04").empty());  // no coverage proves no read
    for (const char* doc : {"midori-juki.txt", "midori-kojin-juminzei.txt", "midori-kokuho.txt", "midori-kiso.txt"})
        EXPECT_TRUE(of_rule(midori(doc), "PPC-F04").empty()) << doc;
}

TEST(Rules, F05_FiresOnAFileListedInI3Only) {
    Assessment a = sound();
    a.file_names = {"介護保険ファイル", "介護保険受給者ファイル"};
    auto found = of_rule(a, "PPC-F05");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "I-3 にだけある: 介護保険受給者ファイル"));
}

TEST(Rules, F05_QuietWhenTheListsAgreeBesidesBlockNumbers) {
    Assessment a = sound();
    a.file_names = {"介護保険ファイル"};
    a.files[0].names = {"（１）介護保険ファイル"};
    EXPECT_TRUE(of_rule(a, "PPC-F05").empty());
    EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-F05").empty());  // (1) 住民基本台帳ファイル …
    EXPECT_TRUE(of_rule(midori("midori-kiso.txt"), "PPC-F05").empty());  // 基礎: no II blocks
}

TEST(Rules, F07_FiresWhenTheNewestChangeIsNotInTheBody) {
    Assessment a = sound();
    a.department = "福祉部介護保険課";
    ChangeRow row;
    row.date = "令和7年4月1日";
    row.item = "I 7 ①部署";
    row.before = "福祉部介護保険課";
    row.after = "福祉部高齢介護課";
    row.loc = Loc::at(300);
    a.changes = {row};
    auto found = of_rule(a, "PPC-F07");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "福祉部高齢介護課"));
}

TEST(Rules, F07_QuietWhenTheBodyHoldsTheNewestAfterText) {
    Assessment a = sound();
    a.department = "福祉部介護保険課";
    ChangeRow old_row;
    old_row.date = "令和6年4月1日";
    old_row.item = "I 7 ①部署";
    old_row.after = "福祉部高齢介護課";
    ChangeRow new_row = old_row;
    new_row.date = "令和7年4月1日";
    new_row.after = "福祉部介護保険課";
    ChangeRow other = old_row;
    other.date = "令和8年4月1日";
    other.item = "II 2 ⑥事務担当部署";  // another field
    a.changes = {old_row, new_row, other};
    EXPECT_TRUE(of_rule(a, "PPC-F07").empty());
    new_row.item = "I 7 担当部署";  // one row for ①部署 and ②所属長 (corpus 001)
    new_row.after = "①部署 福祉部介護保険課 ②所属長 介護保険課長";
    a.changes = {old_row, new_row};
    EXPECT_TRUE(of_rule(a, "PPC-F07").empty());
    EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-F07").empty());  // 市民部市民課 → 市民生活部市民課
    EXPECT_TRUE(of_rule(midori("midori-kiso.txt"), "PPC-F07").empty());
}

TEST(Rules, T08_FiresOnMethodsWithoutASystemPath) {
    Assessment a = sound();
    a.systems = {sys(1, "介護保険システム", {}), sys(3, "中間サーバー", {"情報提供ネットワークシステム"})};
    auto found = of_rule(a, "PPC-T08");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "庁内連携システムへの経路"));
    EXPECT_TRUE(mentions(found, "移転先「福祉部障害福祉課」"));
    a.systems = {sys(1, "介護保険システム", {"庁内連携システム"})};
    found = of_rule(a, "PPC-T08");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "中間サーバーへの経路"));
}

TEST(Rules, T08_QuietWithAPathOrWhenT06SpeaksForIt) {
    EXPECT_TRUE(of_rule(sound(), "PPC-T08").empty());
    EXPECT_TRUE(of_rule(midori("midori-kokuho.txt"), "PPC-T08").empty());  // 統合宛名 ③その他（中間サーバー）
    EXPECT_TRUE(of_rule(midori("midori-kojin-juminzei.txt"), "PPC-T08").empty());  // 実施しない: PPC-T06
}

TEST(Rules, T10_FiresOnASourceUnderTheWrongCategory) {
    Assessment a = sound();
    a.files[0].sources[1].detail = "市民課、税務署";
    a.files[0].sources.push_back({"行政機関・独立行政法人等", "他市区町村", false, Loc::at(61)});
    auto found = of_rule(a, "PPC-T10");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_TRUE(mentions(found, "（税務署）は他の機関"));
    EXPECT_TRUE(mentions(found, "（他市区町村）は地方公共団体"));
}

TEST(Rules, T10_QuietOnSectionsAndFittingCategories) {
    Assessment a = sound();
    a.files[0].sources[1].detail = "総務部税務課、教育委員会事務局学務課";
    a.files[0].sources.push_back({"行政機関・独立行政法人等", "国税庁、日本年金機構", false, Loc::at(61)});
    EXPECT_TRUE(of_rule(a, "PPC-T10").empty());
    EXPECT_TRUE(of_rule(midori("midori-kojin-juminzei.txt"), "PPC-T10").empty());
    EXPECT_TRUE(of_rule(midori("midori-kokuho.txt"), "PPC-T10").empty());
}

TEST(Rules, R02_FiresOnAnIntegratedAddressSystemWithoutItsPlace) {
    auto found = of_rule(midori("midori-juki.txt"), "PPC-R02");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "団体内統合宛名システム"));
    EXPECT_TRUE(mentions(found, "設置場所"));
    Assessment a = sound();
    a.files[0].storage = "中間サーバー・プラットフォームに保管する。";
    found = of_rule(a, "PPC-R02");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "団体内統合宛名システム"));
}

TEST(Rules, R02_QuietWhenOperatorAndPlaceAreStated) {
    Assessment a = sound();
    a.files[0].storage = "中間サーバー・プラットフォームに保管する。";
    a.systems[1].functions = "団体内統合宛名システムは市が運用し、市庁舎のサーバー室に設置する。";
    EXPECT_TRUE(of_rule(a, "PPC-R02").empty());
    EXPECT_TRUE(of_rule(sound(), "PPC-R02").empty());  // no 保管場所 read: not judged
    EXPECT_TRUE(of_rule(midori("midori-kiso.txt"), "PPC-R02").empty());
}

// ---- issue 15, second batch: F10 F11 L02 C11

TEST(Rules, F10_FiresOnAFileWhoseDepartmentsLackTheOneInCharge) {
    auto found = of_rule(midori("midori-juki.txt"), "PPC-F10");
    ASSERT_EQ(found.size(), 1u);  // 本人確認情報ファイル 使用部署: the name before the reorganisation
    EXPECT_TRUE(mentions(found, "「市民部市民課」"));
    EXPECT_EQ(found[0].locations.front().line, 254);
    Assessment a = sound();
    a.department = "福祉部介護保険課";
    a.files[0].user_departments = "福祉部障害福祉課、各支所";
    a.files[0].department = "福祉部障害福祉課";
    found = of_rule(a, "PPC-F10");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_TRUE(mentions(found, "II-2 ⑥事務担当部署"));
    EXPECT_TRUE(mentions(found, "II-3 使用部署"));
}

TEST(Rules, F10_QuietWhenTheSectionIsNamedWithOrWithoutItsUpperLevels) {
    Assessment a = sound();
    a.department = "財政局税務部市民税課、納税課";
    a.files[0].user_departments = "市民税課、納税課、各税務室、各区民課";
    a.files[0].department = "財政局税務部市民税課、納税課";
    EXPECT_TRUE(of_rule(a, "PPC-F10").empty());
    a.files[0].user_departments = "市民税課職員、各区民課";  // words after the section
    EXPECT_TRUE(of_rule(a, "PPC-F10").empty());
    a.files[0].user_departments = "同上";
    EXPECT_TRUE(of_rule(a, "PPC-F10").empty());
    a.files[0].department = "福祉部障害福祉課";
    a.coverage["department"] = {true, Loc::at(30), ""};
    a.coverage["files[0].department"] = {false, Loc{}, ""};  // ⑥ not read: not judged
    EXPECT_TRUE(of_rule(a, "PPC-F10").empty());
    for (const char* doc : {"midori-kojin-juminzei.txt", "midori-kokuho.txt", "midori-kiso.txt"})
        EXPECT_TRUE(of_rule(midori(doc), "PPC-F10").empty()) << doc;
}

TEST(Rules, F11_FiresOnATransferNoStepMentions) {
    auto found = of_rule(midori("midori-juki.txt"), "PPC-F11");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "移転先「健康福祉部保険年金課」"));
    Assessment a = sound();
    a.form = "全項目評価書";
    a.coverage["attachment1"] = {true, Loc::at(40), ""};  // the heading was read, no step under it
    found = of_rule(a, "PPC-F11");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "手順がありません"));
}

TEST(Rules, F11_QuietWhenEveryFlowIsInAStep) {
    Assessment a = sound();
    a.form = "全項目評価書";
    a.attachment1_steps = {{"1-①", "本人から申請書を受け付け、市民課から住民票関係情報を入手する。", Loc::at(41)},
                           {"1-②", "中間サーバーから情報提供ネットワークシステムを通じて提供する。", Loc::at(42)},
                           {"1-③", "国税庁へ紙で提供し、障害福祉課へ移転する。運用保守は委託する。", Loc::at(43)}};
    EXPECT_TRUE(of_rule(a, "PPC-F11").empty());
    a.attachment1_steps.clear();
    EXPECT_TRUE(of_rule(a, "PPC-F11").empty());  // no 別添1 heading read: PPC-X01's
    for (const char* doc : {"midori-kojin-juminzei.txt", "midori-kokuho.txt", "midori-kiso.txt"})
        EXPECT_TRUE(of_rule(midori(doc), "PPC-F11").empty()) << doc;
}

TEST(Rules, L02_FiresOnAnOldItemUnderTheNewAppendix) {
    auto found = of_rule(midori("midori-kojin-juminzei.txt"), "PPC-L02");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::warning);
    EXPECT_TRUE(mentions(found, "別表第24項"));
    EXPECT_TRUE(mentions(found, "旧番号"));
    Assessment a = sound();  // 介護保険, 令和7年
    a.individual_number_basis = "番号法第9条第1項 別表第24項";
    found = of_rule(a, "PPC-L02");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::warning);  // the current item is verified
    a.published = "令和5年4月1日";
    a.individual_number_basis = "番号法第9条第1項 別表第一 第20項";
    found = of_rule(a, "PPC-L02");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::info);  // the old 介護保険 item is recalled ([R])
}

TEST(Rules, L02_QuietWhenTheItemMatchesTheAffair) {
    EXPECT_TRUE(of_rule(sound(), "PPC-L02").empty());
    Assessment a = sound();
    a.published = "令和5年4月1日";
    a.individual_number_basis = "番号法第9条第1項 別表第一 第68項";
    EXPECT_TRUE(of_rule(a, "PPC-L02").empty());
    a.individual_number_basis = "番号法第9条第1項 別表第68項";  // before 2024 a bare 別表 may mean 別表第一
    EXPECT_TRUE(of_rule(a, "PPC-L02").empty());
    a.affair = "住民基本台帳に関する事務";  // an affair the table does not know
    a.individual_number_basis = "番号法第9条第1項 別表第5項";
    EXPECT_TRUE(of_rule(a, "PPC-L02").empty());
    a.affair = "住民税非課税世帯等に対する臨時特別給付金の支給に関する事務";  // not a tax affair
    a.individual_number_basis = "番号法第9条第1項 別表第135項";
    EXPECT_TRUE(of_rule(a, "PPC-L02").empty());
    a.affair = "地方税、国民健康保険料(税)の滞納対策に関する事務";  // corpus 002: both items
    a.individual_number_basis = "番号法第9条第1項 別表第一 第16項、第30項";
    EXPECT_TRUE(of_rule(a, "PPC-L02").empty());
    for (const char* doc : {"midori-juki.txt", "midori-kokuho.txt", "midori-kiso.txt"})
        EXPECT_TRUE(of_rule(midori(doc), "PPC-L02").empty()) << doc;
}

TEST(Rules, C11_FiresOnYearsOutsideTheSelectedBand) {
    auto found = of_rule(midori("midori-kojin-juminzei.txt"), "PPC-C11");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "7年"));
    EXPECT_EQ(found[0].locations.front().line, 224);
    Assessment a = sound();
    a.files[0].retention = "定められていない";
    a.files[0].retention_reason = "";
    found = of_rule(a, "PPC-C11");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "その妥当性が空欄"));
}

TEST(Rules, C11_QuietWhenTheYearsFitOrCannotBeRead) {
    Assessment a = sound();
    a.files[0].retention = "5年";
    a.files[0].retention_reason = "地方税法第17条の5により、法定納期限の翌日から5年間保管する。";
    EXPECT_TRUE(of_rule(a, "PPC-C11").empty());
    a.files[0].retention = "1年未満";
    a.files[0].retention_reason = "平成27年10月から送付先情報を保管し、令和2年度以降は送付後速やかに削除する。";
    EXPECT_TRUE(of_rule(a, "PPC-C11").empty());  // dates and 年度 are not lengths
    a.files[0].retention = "20年以上";
    a.files[0].retention_reason = "住基法施行令第34条により百五十年間保存する。";
    EXPECT_TRUE(of_rule(a, "PPC-C11").empty());
    a.files[0].retention = "5年";
    a.files[0].retention_reason = "7年間保管する。";
    a.coverage["files[0].retention"] = {true, Loc::at(125), ""};
    a.coverage["files[0].retention_reason"] = {false, Loc{}, ""};  // その妥当性 not read: not judged
    EXPECT_TRUE(of_rule(a, "PPC-C11").empty());
    EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-C11").empty());  // 20年以上 / 150年間; 定められていない
}

// Issue 15, third batch: F03 F09 C07 C08.

TEST(Rules, F03_FiresOnAThresholdResultTheItemsDoNotGive) {
    auto found = of_rule(midori("midori-kiso.txt"), "PPC-F03");  // 1万–10万, 500人以上: 基礎+重点
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
    EXPECT_TRUE(mentions(found, "基礎項目評価及び重点項目評価の実施が義務付けられる"));
    EXPECT_EQ(found[0].locations.front().line, 58);
    Assessment kiso = sound();
    kiso.form = "基礎項目評価書";
    kiso.population = "10万人以上30万人未満";
    kiso.threshold_result = "基礎項目評価の実施が義務付けられる";  // 取扱者数 unread: 重点 or 全項目, never 基礎 alone
    EXPECT_EQ(of_rule(kiso, "PPC-F03").size(), 1u);
}

TEST(Rules, F03_QuietWhenTheResultFollowsOrWasNotRead) {
    Assessment kiso = sound();
    kiso.form = "基礎項目評価書";
    kiso.population = "1万人以上10万人未満";
    kiso.handlers = "500人未満";
    kiso.serious_incident = "発生なし";
    kiso.threshold_result = "基礎項目評価の実施が義務付けられる";
    EXPECT_TRUE(of_rule(kiso, "PPC-F03").empty());
    kiso.serious_incident = "発生あり";
    kiso.threshold_result = "基礎項目評価及び重点項目評価の実施が義務付けられる";
    EXPECT_TRUE(of_rule(kiso, "PPC-F03").empty());
    kiso.handlers = kiso.serious_incident = "";  // unread: either result may be right
    kiso.threshold_result = "基礎項目評価の実施が義務付けられる";
    EXPECT_TRUE(of_rule(kiso, "PPC-F03").empty());
    kiso.threshold_result = "";  // III not read
    EXPECT_TRUE(of_rule(kiso, "PPC-F03").empty());
    for (const auto& a : midori("midori-juki.txt")) EXPECT_FALSE(a.threshold_result.empty());
    EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-F03").empty());  // 全項目: VI ② is not judged
}

Assessment zenkomoku(const std::string& period) {
    Assessment a = sound();
    a.form = "全項目評価書";
    a.procedure.comment_period = period;
    a.procedure.review_date = "令和7年2月14日";
    a.coverage["procedure.comment_period"] = {true, Loc::at(300), ""};
    a.coverage["procedure.review"] = {true, Loc::at(305), ""};
    return a;
}

TEST(Rules, F09_FiresOnAShortCommentPeriodOrAnEmptyReview) {
    auto found = of_rule(midori("midori-kojin-juminzei.txt"), "PPC-F09");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "22日"));
    EXPECT_EQ(found[0].locations.front().line, 284);
    Assessment a = zenkomoku("令和7年4月1日から4月20日");  // 20 days, no reason
    EXPECT_EQ(of_rule(a, "PPC-F09").size(), 1u);
    a = zenkomoku("令和7年(2025年)12月1日～令和8年(2026年)1月5日");  // 36 days
    a.procedure.review_date = "";
    found = of_rule(a, "PPC-F09");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "第三者点検"));
}

TEST(Rules, F09_QuietOnThirtyDaysAReasonOrANationalBody) {
    EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-F09").empty());  // 36日間, 第三者点検 filled
    EXPECT_TRUE(of_rule(zenkomoku("令和7年4月1日から令和7年4月30日"), "PPC-F09").empty());  // 30 days
    Assessment a = zenkomoku("令和7年4月1日から4月20日");
    a.procedure.shortening_reason = "条例の定めによる";
    EXPECT_TRUE(of_rule(a, "PPC-F09").empty());
    a = zenkomoku("令和7年4月1日から令和7年5月7日");
    a.organization = "厚生労働大臣";  // not a local government: no 第三者点検 required
    a.procedure.review_date = "";
    EXPECT_TRUE(of_rule(a, "PPC-F09").empty());
    a = zenkomoku("令和7年4月1日から4月20日");
    a.coverage.clear();  // a model by hand: VI not read by extract, not judged
    EXPECT_TRUE(of_rule(a, "PPC-F09").empty());
}

TEST(Rules, C07_FiresOnMorePeoplePassedOnThanHeld) {
    auto found = of_rule(midori("midori-kojin-juminzei.txt"), "PPC-C07");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "委託事項2"));
    EXPECT_EQ(found[0].locations.front().line, 159);
    Assessment a = sound();
    a.files[0].population = "1万人以上10万人未満";
    a.files[0].transfers[0].population = "10万人以上100万人未満";
    found = of_rule(a, "PPC-C07");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "移転先"));
}

TEST(Rules, C07_QuietOnEqualOrSmallerBandsOrUnreadOnes) {
    EXPECT_TRUE(of_rule(midori("midori-juki.txt"), "PPC-C07").empty());
    Assessment a = sound();
    a.files[0].population = "10万人以上100万人未満";
    a.files[0].provisions[0].population = "10万人以上100万人未満";
    a.files[0].entrustments[0].population = "1万人未満";
    EXPECT_TRUE(of_rule(a, "PPC-C07").empty());
    a.files[0].population = "";  // the file's band not read
    a.files[0].provisions[0].population = "1,000万人以上";
    EXPECT_TRUE(of_rule(a, "PPC-C07").empty());
}

TEST(Rules, C08_FiresOnACategoryPassedOnButNotRecorded) {
    auto found = of_rule(midori("midori-juki.txt"), "PPC-C08");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::info);
    EXPECT_TRUE(mentions(found, "4情報"));
    EXPECT_EQ(found[0].locations.front().line, 241);
    Assessment a = sound();
    a.files[0].record_categories = {"個人番号", "4情報(氏名、性別、生年月日、住所)"};
    a.files[0].provisions[1].info = "個人番号、4情報、地方税関係情報（扶養是正情報）";
    a.files[0].transfers[0].info = "地方税関係情報";
    found = of_rule(a, "PPC-C08");
    ASSERT_EQ(found.size(), 1u);  // one finding per category, naming both flows
    EXPECT_TRUE(mentions(found, "地方税関係情報"));
    EXPECT_EQ(found[0].locations.size(), 3u);
}

TEST(Rules, C08_QuietWhenRecordedOrTheMarksWereLost) {
    EXPECT_TRUE(of_rule(midori("midori-kojin-juminzei.txt"), "PPC-C08").empty());
    Assessment a = sound();
    a.files[0].record_categories = {"個人番号", "地方税関係情報"};
    a.files[0].transfers[0].info = "地方税関係情報";
    EXPECT_TRUE(of_rule(a, "PPC-C08").empty());
    a.files[0].record_categories = {};
    a.files[0].marks["record_categories"] = "none";  // every mark lost: not judged
    EXPECT_TRUE(of_rule(a, "PPC-C08").empty());
}

}  // namespace
}  // namespace piagraph
