// The L rules (legal basis): each fires on a model built to break it or on the example city, and
// stays quiet on a close case that is fine.
#include <gtest/gtest.h>

#include "rule_fixtures.hpp"

namespace piagraph {
namespace {

using namespace rule_test;

// ---- PPC-L01 legal basis for using My Numbers

TEST(Rules, L01_FiresOnAnEmptyUseBasis) {
    Assessment a = sound();
    a.individual_number_basis = "";
    auto found = of_rule(a, "PPC-L01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
}

TEST(Rules, L01_FiresAsAWarningOnABasisCitingOnlyArticle19) {
    Assessment a = sound();
    a.individual_number_basis = "番号法第19条第8号";  // a provision clause, not a use
    auto found = of_rule(a, "PPC-L01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::warning);
}

TEST(Rules, L01_QuietOnArticle9AndAnAppendixItem) { EXPECT_TRUE(of_rule(sound(), "PPC-L01").empty()); }

TEST(Rules, L01_QuietOnTheResidentRegistryBasis) {
    Assessment a = sound();
    a.individual_number_basis = "番号法第7条、住民基本台帳法第7条";  // 住基 affairs rest on 第7条, not 第9条
    EXPECT_TRUE(of_rule(a, "PPC-L01").empty());
}

// ---- PPC-L03 linkage basis

TEST(Rules, L03_FiresWhenLinkedWithoutArticle19Item8) {
    Assessment a = sound();
    a.linkage.basis = "番号法第9条第1項";
    auto found = of_rule(a, "PPC-L03");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
}

TEST(Rules, L03_FiresOnAnEmptyBasisAsAMissingBasis) {
    Assessment a = sound();
    a.linkage.basis = "";
    auto found = of_rule(a, "PPC-L03");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].kind, "missing-legal-basis");
}

TEST(Rules, L03_FiresAsAWarningWhenNotLinkedButCitingItem8) {
    Assessment a = sound();
    a.linkage.basis = "番号法第十九条第八号";
    a.linkage.status = "実施しない";
    auto found = of_rule(a, "PPC-L03");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::warning);
}

TEST(Rules, L03_QuietOnItem8InKanjiNumerals) {
    Assessment a = sound();
    a.linkage.basis = "番号法第十九条第八号";  // kanji numerals
    EXPECT_TRUE(of_rule(a, "PPC-L03").empty());
}

TEST(Rules, L03_QuietOnItem7BeforeTheRenumbering) {
    Assessment a = sound();
    a.published = "平成30年4月1日";
    a.linkage.basis = "番号法第19条第7号 別表第二";  // right in 2018
    EXPECT_TRUE(of_rule(a, "PPC-L03").empty());
}

// ---- PPC-L04 provision or transfer without legal basis

TEST(Rules, L04_FiresOnFlowsWithoutBasis) {
    Assessment a = sound();
    a.files[0].provisions[1].basis = "";
    a.files[0].transfers[0].basis = "";
    EXPECT_EQ(of_rule(a, "PPC-L04").size(), 2u);
}

TEST(Rules, L04_FiresOnTheExampleCity) {
    auto found = of_rule(midori("midori-kojin-juminzei.txt"), "PPC-L04");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "他市区町村長")) << found[0].message.ja;
}

TEST(Rules, L04_QuietOnAnEmptyTemplateBlock) {
    Assessment empty_block = sound();
    empty_block.files[0].provisions.push_back(Flow{});  // empty template block: not an entry
    EXPECT_TRUE(of_rule(empty_block, "PPC-L04").empty());
}

// ---- PPC-L05 provision justified by 第9条 only

TEST(Rules, L05_FiresOnAProvisionCitingOnlyArticle9) {
    Assessment a = sound();
    a.files[0].provisions[1].basis = "番号法第９条第１項";
    EXPECT_EQ(of_rule(a, "PPC-L05").size(), 1u);
}

TEST(Rules, L05_QuietWhenTheLocalTaxActIsCitedToo) {
    Assessment a = sound();
    a.files[0].provisions[1].basis = "番号法第9条第1項、地方税法第317条";
    EXPECT_TRUE(of_rule(a, "PPC-L05").empty());
}

// ---- PPC-L06 transfer citing a 第19条 号

TEST(Rules, L06_FiresAsAnErrorOnItem11) {
    Assessment a = sound();
    a.files[0].transfers[0].basis = "番号法第19条第11号";
    auto found = of_rule(a, "PPC-L06");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
}

TEST(Rules, L06_FiresAsAWarningOnAnotherItem) {
    Assessment a = sound();
    a.files[0].transfers[0].basis = "番号法第19条第8号";
    auto found = of_rule(a, "PPC-L06");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::warning);
}

TEST(Rules, L06_QuietOnArticle9) {
    EXPECT_TRUE(of_rule(sound(), "PPC-L06").empty());
    Assessment a = sound();
    a.files[0].transfers[0].basis = "番号法第9条第2項、テスト市個人番号の利用及び特定個人情報の提供に関する条例第4条";
    EXPECT_TRUE(of_rule(a, "PPC-L06").empty());
}

// ---- PPC-L07 provision method and linkage basis

TEST(Rules, L07_FiresWhenTheNetworkMethodHasAnotherBasis) {
    Assessment a = sound();
    a.files[0].provisions[0].basis = "住基法第30条の6";
    auto found = of_rule(a, "PPC-L07");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
}

TEST(Rules, L07_FiresAsAWarningOnItem8WithoutTheNetworkMethod) {
    Assessment b = sound();
    b.files[0].provisions[0].methods.clear();  // 第8号 without the network method
    auto warn = of_rule(b, "PPC-L07");
    ASSERT_EQ(warn.size(), 1u);
    EXPECT_EQ(warn[0].kind, "linkage-inconsistent");
    EXPECT_EQ(warn[0].severity, Severity::warning);
}

TEST(Rules, L07_QuietWhenMethodAndBasisAgree) {
    EXPECT_TRUE(of_rule(sound(), "PPC-L07").empty());
    Assessment a = sound();
    a.files[0].provisions[0].basis = "番号法第19条第9号";  // 条例事務 linkage: also the network
    EXPECT_TRUE(of_rule(a, "PPC-L07").empty());
}

// ---- PPC-L08 第19条 号 from before the renumbering

TEST(Rules, L08_FiresOnItem7InANetworkContext) {
    Assessment a = sound();
    a.files[0].provisions[0].basis = "番号法第19条第7号 別表第二";
    EXPECT_EQ(of_rule(a, "PPC-L08").size(), 1u);
}

TEST(Rules, L08_FiresOnItem9InATaxContext) {
    Assessment a = sound();
    a.files[0].provisions[1].basis = "番号法第19条第9号、同法施行令第22条";  // 国税庁長官: now 第10号
    auto found = of_rule(a, "PPC-L08");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "第10号")) << found[0].message.ja;
}

TEST(Rules, L08_QuietBeforeTheRenumbering) {
    Assessment a = sound();
    a.files[0].provisions[0].basis = "番号法第19条第7号 別表第二";
    a.published = "平成30年4月1日";  // before the renumbering: 7号 was right
    EXPECT_TRUE(of_rule(a, "PPC-L08").empty());
}

TEST(Rules, L08_QuietOnItem7InAResidentRegistryContext) {
    Assessment juki = sound();
    juki.files[0].provisions[0].basis = "住基法第30条の6、番号法第19条第7号";  // 住基 context: 7号 is right
    EXPECT_TRUE(of_rule(juki, "PPC-L08").empty());
}

// ---- PPC-L09 the repealed 別表第一/別表第二

TEST(Rules, L09_FiresOnAppendix2After2024) {
    Assessment a = sound();
    a.files[0].provisions[0].basis = "番号法第19条第8号 別表第2の27の項";
    EXPECT_EQ(of_rule(a, "PPC-L09").size(), 1u);
}

TEST(Rules, L09_QuietBefore2024) {
    Assessment a = sound();
    a.files[0].provisions[0].basis = "番号法第19条第8号 別表第2の27の項";
    a.published = "令和5年4月1日";
    EXPECT_TRUE(of_rule(a, "PPC-L09").empty());
}

TEST(Rules, L09_QuietOnItem24OfTheCurrentAppendix) {
    Assessment item24 = sound();
    item24.individual_number_basis = "番号法別表第24項";  // contains "別表第2" but is item 24 of the 別表
    EXPECT_TRUE(of_rule(item24, "PPC-L09").empty());
}

// ---- PPC-L14 old and new citations mixed

TEST(Rules, L14_FiresWhenOldAndNewCitationsMix) {
    Assessment a = sound();
    a.published.clear();  // no date needed: the document contradicts itself
    a.files[0].provisions[0].basis = "番号法第19条第8号 別表第二";
    auto found = of_rule(a, "PPC-L14");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].locations.size(), 2u);
}

TEST(Rules, L14_QuietWhenEveryFieldIsCurrent) { EXPECT_TRUE(of_rule(sound(), "PPC-L14").empty()); }

TEST(Rules, L14_QuietWhenEveryFieldIsOfOneEra) {
    Assessment a = sound();
    a.published = "令和3年10月1日";
    a.linkage.basis = "番号法第19条第8号 別表第二";  // old everywhere: consistent (L09 judges the date)
    a.files[0].provisions[0].basis = "番号法第19条第8号 別表第二";
    EXPECT_TRUE(of_rule(a, "PPC-L14").empty());
}

// ---- PPC-L15 別表 item written as 号

TEST(Rules, L15_FiresOnAnAppendixItemWrittenAsGo) {
    Assessment a = sound();
    a.individual_number_basis = "番号法第9条第1項 別表第一 第16号";
    EXPECT_EQ(of_rule(a, "PPC-L15").size(), 1u);
}

TEST(Rules, L15_QuietOnAnAppendixItemWrittenAsKou) {
    EXPECT_TRUE(of_rule(sound(), "PPC-L15").empty());
    Assessment a = sound();
    a.individual_number_basis = "番号法第9条第1項 別表第一 第16項";
    EXPECT_TRUE(of_rule(a, "PPC-L15").empty());
}

}  // namespace
}  // namespace piagraph
