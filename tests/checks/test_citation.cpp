// The citation parser and the dates the legal rules depend on.
#include <gtest/gtest.h>

#include "piagraph/checks.hpp"

namespace piagraph {
namespace {

TEST(Citation, FullWidthAndKanjiNumeralsNormalise) {
    for (const char* written :
         {"番号法第19条第8号", "番号法第１９条第８号", "番号法第十九条第八号", "番号利用法第19条8号"}) {
        auto cs = parse_citations(written);
        EXPECT_TRUE(cites(cs, "番号法", 19, 8)) << written;
    }
}

// A number too long to be an article or a year (a damaged text) is no citation and no date; it
// used to end `check` with std::stoi's exception.
TEST(Citation, NumbersTooLongAreNoCitationAndNoDate) {
    for (const Citation& c : parse_citations("番号法第99999999999条")) EXPECT_LT(c.article, 1000000) << c.raw;
    EXPECT_EQ(parse_japanese_date("令和99999999999年4月1日"), "");
    EXPECT_TRUE(cites(parse_citations("番号法第99999999999条及び番号法第19条第8号"), "番号法", 19, 8));
}

TEST(Citation, LongLawNameAndTheOrdinanceNamedAfterIt) {
    auto cs = parse_citations(
        "行政手続における特定の個人を識別するための番号の利用等に関する法律第十九条第八号に基づく利用特定個人情報の提供"
        "に関する命令第2条の表");
    EXPECT_TRUE(cites(cs, "番号法", 19, 8));
    EXPECT_TRUE(mentions_law(cs, "提供命令"));
    EXPECT_FALSE(cites(cs, "番号法", 2));  // 第2条 is the 命令's
}

TEST(Citation, AppendixTablesAndItems) {
    auto old_table = parse_citations("番号法第19条第8号 別表第2の第3欄");
    ASSERT_FALSE(old_table.empty());
    EXPECT_TRUE(
        std::any_of(old_table.begin(), old_table.end(), [](const Citation& c) { return c.table == "別表第二"; }));
    auto item24 = parse_citations("番号法別表第24項");
    ASSERT_EQ(item24.size(), 1u);
    EXPECT_EQ(item24[0].table, "別表");
    EXPECT_EQ(item24[0].table_item, 24);
    auto go = parse_citations("番号法第9条第1項 別表第一 第16号");
    bool found = false;
    for (const auto& c : go)
        if (c.table == "別表第一" && c.table_item == 16 && c.table_item_written_as_go) found = true;
    EXPECT_TRUE(found);
    auto ordinance = parse_citations("郡山市個人番号の利用及び特定個人情報の提供に関する条例第４条第１項別表第１");
    for (const auto& c : ordinance) EXPECT_NE(c.table, "別表第一") << c.raw;  // the 条例's own table
}

TEST(Citation, OtherLawsAndSameLaw) {
    auto cs = parse_citations("番号法第19条第10号、同法施行令第22条、地方税法第294条第3項");
    EXPECT_TRUE(cites(cs, "番号法", 19, 10));
    EXPECT_TRUE(cites(cs, "施行令", 22));
    EXPECT_TRUE(cites(cs, "地方税法", 294));
    auto juki = parse_citations("住基法第３０条の６（市町村長から都道府県知事への本人確認情報の通知等）");
    ASSERT_FALSE(juki.empty());
    EXPECT_EQ(juki[0].law, "住基法");
    EXPECT_EQ(juki[0].article_sub, 6);
}

TEST(Dates, EraAndWesternDates) {
    EXPECT_EQ(parse_japanese_date("令和6年5月27日"), "2024-05-27");
    EXPECT_EQ(parse_japanese_date("令和６年１０月"), "2024-10-01");
    EXPECT_EQ(parse_japanese_date("平成30年4月1日"), "2018-04-01");
    EXPECT_EQ(parse_japanese_date("令和元年5月1日"), "2019-05-01");
    EXPECT_EQ(parse_japanese_date("2021-09-01"), "2021-09-01");
    EXPECT_EQ(parse_japanese_date("未定"), "");
    Assessment a;
    a.published = "令和5年1月1日";
    ChangeRow row;
    row.date = "令和6年7月31日";
    a.changes = {row};
    EXPECT_EQ(assessment_date(a), "2024-07-31");
}

}  // namespace
}  // namespace piagraph
