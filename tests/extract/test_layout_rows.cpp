// rows_from_layout on pdftotext output of a printed form, authored for these tests
// (tests/fixtures/layout, fictional): -layout rows, label lines over their values, scrambled pages.
#include <gtest/gtest.h>

#include "../../src/extract/layout_rows.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/ingest.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

using extract_detail::rows_from_layout;

Document fixture(const std::string& name) {
    return load_document((test::source_dir() / "tests" / "fixtures" / "layout" / name).string());
}

// The line of number n (1-based) of a rebuilt document.
const std::string& line(const Document& d, int n) { return d.lines.at(static_cast<size_t>(n - d.first_line)); }

class LayoutRows : public ::testing::Test {
protected:
    void SetUp() override {
        source = fixture("sakura-layout.txt");
        auto rebuilt = rows_from_layout(source);
        ASSERT_TRUE(rebuilt.has_value());
        rows = std::move(*rebuilt);
    }
    Document source, rows;
};

TEST_F(LayoutRows, KeepsEveryLineNumber) {
    EXPECT_EQ(rows.format, TextFormat::markdown);
    EXPECT_EQ(rows.path, source.path);
    EXPECT_EQ(rows.encoding, source.encoding);
    EXPECT_EQ(rows.first_line, source.first_line);
    EXPECT_EQ(rows.lines.size(), source.lines.size());
}

TEST_F(LayoutRows, LabelAndValueOnOneLine) {
    EXPECT_EQ(line(rows, 4), "評価実施機関名\tさくら町長");
    EXPECT_EQ(line(rows, 8), "①事務の名称\t国民年金に関する事務");
    EXPECT_EQ(line(rows, 52), "委託事項1\t国民年金システムの保守");
}

TEST_F(LayoutRows, HeaderRowAndItsDataRow) {
    EXPECT_EQ(line(rows, 2), "評価書番号\t評価書名");
    EXPECT_EQ(line(rows, 3), "7\t国民年金に関する事務 全項目評価書");
}

TEST_F(LayoutRows, IndentedContinuationsJoinAndLeaveEmptyLines) {
    EXPECT_EQ(line(rows, 9),
              "②事務の内容 ※\t国民年金法に基づき、被保険者の資格取得及び喪失の届出を受け付け、年金事務所へ報告する。"
              " 1. 資格取得届の受付 2. 免除申請の受付");
    for (int n : {10, 11, 12}) EXPECT_EQ(line(rows, n), "") << n;
    EXPECT_EQ(line(rows, 50), "委託の有無 ※\t[委託する] <選択肢> 1) 委託する 2) 委託しない (1) 件");
}

TEST_F(LayoutRows, WrappedOptionLabelsJoinWithoutSpace) {
    EXPECT_EQ(line(rows, 20),
              "③他のシステムとの接続\t[ ] 情報提供ネットワークシステム [ ○ ] 庁内連携システム [ ○ ] "
              "住民基本台帳ネットワークシステム [ ] 既存住民基本台帳システム [ ] 宛名システム等 [ ] 税務システム "
              "[ ○ ] その他 (年金記録照会システム)");
    // Two columns: the wrapped end of the first column's option goes back to it, not to the last one.
    EXPECT_EQ(line(rows, 34),
              "③他のシステムとの接続\t[ ] 情報提供ネットワークシステム [ ○ ] 庁内連携システム [ ] 宛名システム等 [ ] "
              "税務システム");
}

TEST_F(LayoutRows, PageFooterAndFormFeedDoNotBreakARow) {
    EXPECT_EQ(line(rows, 29), "②システムの機能\t宛名番号を付番し、個人番号と紐付けて管理する。宛名の照会機能を持つ。");
    for (int n : {30, 31, 32, 33}) EXPECT_EQ(line(rows, n), "") << n;
}

TEST_F(LayoutRows, SecondLinesOfTheLabelCellAreCellsOfTheirOwn) {
    EXPECT_EQ(line(rows, 41),
              "①ファイルの種類 ※\t[システム用ファイル]\t<選択肢> 1) システム用ファイル 2) "
              "その他の電子ファイル(表計算ファイル等)");
    EXPECT_EQ(line(rows, 55), "再委託\t⑦再委託の有無 ※\t[再委託しない] <選択肢> 1) 再委託する 2) 再委託しない");
    EXPECT_EQ(line(rows, 56), "");
    EXPECT_EQ(line(rows, 57), "⑧再委託の許諾方法");  // a row without a value stays as it was
    EXPECT_EQ(line(rows, 59),
              "②保管期間\t期間\t[5年] <選択肢> 1) 1年未満 2) 1年 3) 2年 4) 3年 5) 4年 6) 5年 7) 6年以上10年未満");
}

TEST_F(LayoutRows, LabelLineOverItsValueLines) {
    EXPECT_EQ(line(rows, 44),
              "①入手元 ※\t[ ○ ] 本人又は本人の代理人 [ ] 評価実施機関内の他部署 （） [ ○ ] "
              "地方公共団体・地方独立行政法人 （ 他市町村 ）");
    EXPECT_EQ(line(rows, 47), "②入手方法\t[ ○ ] 紙 [ ] 専用線");
}

TEST_F(LayoutRows, HeadingsAndEntryHeadersStay) {
    EXPECT_EQ(line(rows, 6), "I 基本情報");
    EXPECT_EQ(line(rows, 17), "システム1");
    EXPECT_EQ(line(rows, 26), "システム2～5");
    EXPECT_EQ(line(rows, 39), "(1) 国民年金ファイル");
    EXPECT_EQ(line(rows, 61), "(別添1) 事務の内容");
}

TEST_F(LayoutRows, TheMarkdownParserReadsTheRows) {
    const Model m = extract_document(rows);
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(a.number, "7");
    EXPECT_EQ(a.organization, "さくら町長");
    ASSERT_EQ(a.systems.size(), 2u);
    EXPECT_EQ(a.systems[0].connections,
              (std::vector<std::string>{"庁内連携システム", "住民基本台帳ネットワークシステム"}));
    ASSERT_EQ(a.files.size(), 1u);
    EXPECT_EQ(a.files[0].methods, (std::vector<std::string>{"紙"}));
    ASSERT_EQ(a.files[0].entrustments.size(), 1u);
    EXPECT_EQ(a.files[0].entrustments[0].contractor, "株式会社さくら電算");
    EXPECT_EQ(a.files[0].entrustments[0].resubcontract, std::optional<bool>(false));
}

TEST(LayoutRowsPlain, LabelLinesTakeTheLinesBelow) {
    const auto rows = rows_from_layout(fixture("sakura-plain.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 3), "評価書番号\t7");
    EXPECT_EQ(line(d, 4), "評価書名\t国民年金に関する事務 全項目評価書");
    EXPECT_EQ(line(d, 5), "");
    EXPECT_EQ(line(d, 8), "評価実施機関名\tさくら町長");  // a blank line between label and value
    EXPECT_EQ(line(d, 20),
              "②事務の内容 ※\t国民年金法に基づき、被保険者の資格取得及び喪失の届出を受け付け、年金事務所へ報告する。"
              " 1. 資格取得届の受付");
    EXPECT_EQ(line(d, 32),
              "③他のシステムとの接続\t[ ] 情報提供ネットワークシステム [ ○ ] 庁内連携システム [ ○ ] "
              "住民基本台帳ネットワークシステム [ ] 既存住民基本台帳システム");
    EXPECT_EQ(line(d, 36), "3. 特定個人情報の入手・使用");
    EXPECT_EQ(line(d, 41), "⑤保有開始日\t平成27年10月5日");  // a short value is no part of the label
    EXPECT_EQ(line(d, 43), "⑥委託先への特定個人情報ファイルの提供方法\t[ ○ ] 専用線");  // a wrapped label
    EXPECT_EQ(line(d, 44), "");
}

TEST(LayoutRowsPlain, FirstLineIsKept) {
    Document doc = fixture("sakura-plain.txt");
    doc.first_line = 100;
    const auto rows = rows_from_layout(doc);
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(rows->first_line, 100);
    EXPECT_EQ(line(*rows, 117), "①事務の名称\t国民年金に関する事務");
}

// Plain pdftotext of pages whose label and value cells did not line up: a run of labels, then the
// run of their values. Each value goes back under its label by what it looks like (a selection,
// boxes, text) in the form's order; boxes of two groups are told apart by the groups' options.
TEST(LayoutRowsColumnFlow, ValuesPrintedAfterARunOfLabelsGoBackUnderThem) {
    const auto rows = rows_from_layout(fixture("sakura-scrambled.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 2), "評価書番号\t7");  // a number alone on its line, not a page number
    EXPECT_EQ(line(d, 7), "①事務の名称\t国民年金に関する事務");
    EXPECT_EQ(line(d, 8), "②事務の内容 ※\t国民年金法に基づき、届出を受け付ける。");
    EXPECT_EQ(line(d, 10), "③対象人数\t[1万人以上10万人未満]");
    EXPECT_EQ(line(d, 17), "③他のシステムとの接続\t[ ○ ] 庁内連携システム");
    EXPECT_EQ(line(d, 22), "①入手元 ※\t[ ○ ] 本人又は本人の代理人");
    EXPECT_EQ(line(d, 23), "②入手方法\t[ ○ ] 紙");
    EXPECT_EQ(line(d, 24), "③入手の時期・頻度\t届出の都度");
    EXPECT_EQ(line(d, 32), "②保管期間\t[5年]");
    EXPECT_EQ(line(d, 33), "③消去方法\t溶解処理する。");
    EXPECT_EQ(line(d, 27), "");  // a value line taken under its label
}

TEST(LayoutRowsRefused, TooFewLabels) {
    const Document doc =
        decode_document("①事務の名称          国民年金に関する事務\n公表日   令和6年4月1日\n", "short.txt");
    EXPECT_FALSE(rows_from_layout(doc).has_value());
}

TEST(LayoutRowsRefused, RowsThatAreTabSeparatedAlready) {
    std::string text;
    for (int i = 0; i < 4; ++i)
        text += "①事務の名称\t国民年金に関する事務\n②事務の内容 ※\t届出を受け付ける。\n③対象人数\t[1万人未満]\n";
    EXPECT_FALSE(rows_from_layout(decode_document(text, "tabs.txt")).has_value());
}

}  // namespace
}  // namespace piagraph
