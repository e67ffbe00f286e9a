// rows_from_layout on pdftotext output of a printed form, authored for these tests
// (tests/fixtures/layout, fictional): -layout rows, label lines over their values, scrambled pages.
#include <gtest/gtest.h>

#include <algorithm>

#include "../../src/extract/column_flow.hpp"
#include "../../src/extract/layout_rows.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

using extract_detail::rows_from_layout;

Document fixture(const std::string& name) {
    return load_document((test::source_dir() / "tests" / "fixtures" / "layout" / name).string());
}

// The line of number n (1-based) of a rebuilt document.
const std::string& line(const Document& d, int n) { return d.lines.at(static_cast<size_t>(n - d.first_line)); }

// A probe's text (tests/fixtures/probes/NAME/NAME-VARIANT.txt).
std::string probe_text(const std::string& name, const std::string& variant) {
    return (test::source_dir() / "tests" / "fixtures" / "probes" / name / (name + "-" + variant + ".txt")).string();
}

// The names of an assessment's systems, in order.
std::vector<std::string> system_names(const Assessment& a) {
    std::vector<std::string> names;
    for (const System& s : a.systems) names.push_back(s.name);
    return names;
}

// The one assessment a fixture reads as (an empty one, after a failed expectation, when it is not one).
Assessment read_one(const std::string& name) {
    const Model m = extract_document(fixture(name));
    EXPECT_EQ(m.assessments.size(), 1u);
    return m.assessments.size() == 1 ? m.assessments[0] : Assessment{};
}

// The one assessment a text authored in a test reads as (an empty one, after a failed expectation,
// when it is not one).
Assessment read_text_one(const std::string& text, const std::string& name) {
    const Model m = extract_document(decode_document(text, name));
    EXPECT_EQ(m.assessments.size(), 1u);
    return m.assessments.size() == 1 ? m.assessments[0] : Assessment{};
}

// The sakura -layout fixture with one of its passages written otherwise (`from` must be in it).
std::string sakura_with(const std::string& from, const std::string& to) {
    std::string text = test::read_text(test::source_dir() / "tests" / "fixtures" / "layout" / "sakura-layout.txt");
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// The one assessment read from a sakura fixture, after checking what each of them states alike: the
// organisation, and its first system (国民年金システム, connected to 庁内連携システム and 住基ネット).
Assessment read_sakura(const std::string& name) {
    const Assessment a = read_one(name);
    EXPECT_EQ(a.organization, "さくら町長");
    EXPECT_FALSE(a.systems.empty());
    if (a.systems.empty()) return a;
    EXPECT_EQ(a.systems[0].name, "国民年金システム");
    EXPECT_EQ(a.systems[0].connections,
              (std::vector<std::string>{"庁内連携システム", "住民基本台帳ネットワークシステム"}));
    return a;
}

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

// The すずらん probe (a sheet, tests/fixtures/probes/suzuran) in pdftotext's raw order: the labels
// 法令上の根拠 | ①実施の有無 | ②法令上の根拠 | ①部署 | ②所属長の役職名, then their values, the
// linkage basis in several paragraphs ((情報提供の根拠) … (情報照会の根拠) なし…) right before the
// department and its head without a gap. Every paragraph of a department names a unit (…課): the
// basis's paragraphs are no department's.
TEST(LayoutRowsColumnFlow, ADepartmentsParagraphsEachNameAUnit) {
    const auto path = test::source_dir() / "tests" / "fixtures" / "probes" / "suzuran" / "suzuran-pdftotext.txt";
    const Model m = extract_file(path.string());
    ASSERT_EQ(m.assessments.size(), 1u);
    EXPECT_EQ(m.assessments[0].department, "市民生活部市民窓口課");
    EXPECT_TRUE(m.assessments[0].linkage.basis.starts_with("（情報提供の根拠）")) << m.assessments[0].linkage.basis;
    EXPECT_TRUE(m.assessments[0].linkage.basis.ends_with("情報照会は行わない。）")) << m.assessments[0].linkage.basis;
}

// The same reading on a 基礎項目評価書 (tests/fixtures/layout/kaede-kiso-columns.txt): a value of
// several paragraphs stays under its label when its paragraphs read as one list (a lead sentence,
// then items 1. 2. 3.; (情報照会) then (情報提供)); a legal basis starts at the paragraph citing an
// article; a run of values ends at its page; 基礎's しきい値判断 labels are labels; the change
// table's column headers printed on lines of their own make its header row.
TEST(LayoutRowsColumnFlow, ListsStayUnderOneLabelAndPagesEndARun) {
    const auto rows = rows_from_layout(fixture("kaede-kiso-columns.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 9),
              "②事務の概要\t介護保険法に基づき、次の事務を行う。 1. 要介護認定の申請を受け付け、認定調査を行い、"
              "審査会の判定に基づいて要介護状態区分を認定する 2. 保険料の賦課及び徴収 3. 保険給付の支給");
    EXPECT_EQ(line(d, 11), "③システムの名称\t介護保険システム、団体内統合宛名システム、中間サーバー、庁内連携システム");
    EXPECT_EQ(line(d, 15), "法令上の根拠\t番号法第9条第1項 別表第100項（介護保険法による保険給付の支給に関する事務）");
    EXPECT_EQ(line(d, 18),
              "②法令上の根拠\t(情報照会) 番号法第19条第8号に基づく利用特定個人情報の提供に関する命令第2条の表の項"
              "(情報提供) 同命令第2条の表のうち、情報提供者が「市町村長」である項");
    EXPECT_EQ(line(d, 21), "①部署\t福祉部介護保険課");
    EXPECT_EQ(line(d, 22), "②所属長の役職名\t介護保険課長");
    EXPECT_EQ(line(d, 43).substr(0, line(d, 43).find('\t')), "評価対象の事務の対象人数は何人か");
    EXPECT_EQ(line(d, 48), "変更日\t項目\t変更前の記載\t変更後の記載\t提出時期");
    for (int n : {50, 54, 56, 58}) EXPECT_EQ(line(d, n), "") << n;
    // The change table's 法令上の根拠 is an old value, not the basis.
    const Model m = extract_document(fixture("kaede-kiso-columns.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    EXPECT_EQ(m.assessments[0].individual_number_basis,
              "番号法第9条第1項 別表第100項（介護保険法による保険給付の支給に関する事務）");
}

// Across pages (tests/fixtures/layout/kaede-pages.txt): the first values of a page that continue
// the last value of the page before (システム1's functions) go back to it, not to the page's first
// label; a box's （detail） wrapped onto a long line stays with its boxes; a heading the form knows
// (4. 特定個人情報ファイルを取り扱う理由) is no value.
TEST(LayoutRowsColumnFlow, AValueCutByThePageEndContinuesOnTheNextPage) {
    const auto rows = rows_from_layout(fixture("kaede-pages.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 11), "①システムの名称\t介護保険システム");
    EXPECT_EQ(line(d, 12),
              "②システムの機能\t要介護認定の申請、認定調査及び審査会の判定の結果を管理し、保険料の賦課、徴収及び保険"
              "給付の支給に必要な情報を作成する。また、給付の実績を月ごとに集計し、国民健康保険団体連合会へ送るファイル"
              "を作成する。");
    EXPECT_EQ(line(d, 17),
              "③他のシステムとの接続\t[ ○ ] 庁内連携システム [ ] 税務システム [ ○ ] その他 "
              "（媒体による連携のため、他システムとの接続はしない。）");
    EXPECT_EQ(line(d, 19), "①システムの名称\t団体内統合宛名システム");
    EXPECT_EQ(line(d, 21), "③他のシステムとの接続\t[ ○ ] 庁内連携システム [ ] 税務システム [ ] その他");
    EXPECT_EQ(line(d, 30), "4. 特定個人情報ファイルを取り扱う理由");
    EXPECT_EQ(line(d, 34), "法令上の根拠\t番号法第9条第1項 別表第100項");
}

// A form printed from a web page, in pdftotext's raw order (tests/fixtures/layout/
// sakura-margin-boxes-raw.txt): each page's label column, its footer from the page's margin box,
// then the page's values. The footer is no value (事務の名称); an item's title that labels its own
// value (3. and II's 1. 特定個人情報ファイル名) stands in the run of labels and takes its value from
// the run of values; a selection in lenticular brackets (【 システム用ファイル 】) is a selection, and
// the next selection after its option list a value of its own; boxes printed as glyphs (■ 紙) are
// told apart by their option groups.
TEST(LayoutRowsColumnFlow, AnItemsTitleInTheRunOfLabelsTakesItsValue) {
    const Assessment a = read_one("sakura-margin-boxes-raw.txt");
    EXPECT_EQ(a.affair, "国民年金に関する事務");
    ASSERT_EQ(a.systems.size(), 1u);
    EXPECT_EQ(a.systems[0].name, "国民年金システム");
    EXPECT_EQ(a.systems[0].connections,
              (std::vector<std::string>{"庁内連携システム", "住民基本台帳ネットワークシステム"}));
    ASSERT_EQ(a.files.size(), 1u);
    const FileBlock& f = a.files[0];
    EXPECT_EQ(f.names, (std::vector<std::string>{"国民年金ファイル"}));
    EXPECT_EQ(f.population, "1万人以上10万人未満");
    EXPECT_EQ(f.population_scope, "町内に住所を有する国民年金の第1号被保険者");
    ASSERT_EQ(f.sources.size(), 1u);
    EXPECT_EQ(f.sources[0].kind, "本人又は本人の代理人");
    EXPECT_EQ(f.methods, (std::vector<std::string>{"紙", "庁内連携システム"}));
}

// A page printed by a browser in pdftotext's raw order (tests/fixtures/layout/momiji-label-run-raw.txt):
// I-6 to I-8's label column (①実施の有無 … ②所属長, ８．他の評価実施機関), then their values. The legal
// basis is a list whose last line fills the cell, so the department after it looks like more of it:
// the line that holds the department's words (…課) takes it; (情報提供) keeps the text under it; the
// head's title (②所属長, the 平成26年 form's label) takes 生活福祉課長, and 他の評価実施機関, which most
// leave empty, nothing. II's １．特定個人情報ファイル名 stands alone before ２．基本情報: the name after
// both is its value.
TEST(LayoutRowsColumnFlow, ARunOfLabelsOverHeadingsTakesValuesPastALineThatFilledItsCell) {
    const Assessment a = read_one("momiji-label-run-raw.txt");
    EXPECT_EQ(a.organization, "架空県もみじ市長");
    EXPECT_EQ(a.linkage.status, "実施する");
    EXPECT_TRUE(text::starts_with(a.linkage.basis, "（情報照会）番号法第19条第8号")) << a.linkage.basis;
    EXPECT_TRUE(text::contains(a.linkage.basis, "（情報提供）12、15、")) << a.linkage.basis;
    EXPECT_TRUE(text::ends_with(a.linkage.basis, "144、147の項")) << a.linkage.basis;
    EXPECT_EQ(a.department, "健康福祉部生活福祉課");
    ASSERT_EQ(a.files.size(), 1u);
    EXPECT_EQ(a.files[0].names, (std::vector<std::string>{"生活保護ファイル"}));
    EXPECT_EQ(a.files[0].population, "1万人以上10万人未満");
}

// An entry's value is its name: the numbered labels of its nested table open rows of their own,
// however far in the table sets them (かわべ町's blind probe, file 2's 提供先 1, whose recipient stands
// further right than the labels under it).
TEST(LayoutRowsEntries, NestedLabelsSetFurtherInAreRowsOfTheirOwn) {
    const auto rows = rows_from_layout(load_document(
        (test::source_dir() / "tests" / "fixtures" / "probes" / "kawabe" / "kawabe-layout.txt").string()));
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 874), "提供先 1\t市町村長（後期高齢者医療の保険料の徴収に関する事務を行う者）");
    EXPECT_NE(line(*rows, 875).find("① 法令上の根拠"), std::string::npos);
}

// A form printed from a spreadsheet, each label at the foot of its row, in pdftotext's raw order
// (tests/fixtures/layout/kaede-kiso-foot.txt): each label comes after the first lines of its value,
// beside its last line (just before or just after it). Each value goes back under its label: a
// selection before its label, a value whose last line follows its label, a text running on across
// its label, a one-line value after its label, the cover's values by their looks. (The texts with
// labels at the top, kaede-kiso-columns.txt and the others, keep their readings above.)
TEST(LayoutRowsColumnFlow, LabelsAtTheFootOfTheirRowsTakeTheLinesAboveThem) {
    const auto rows = rows_from_layout(fixture("kaede-kiso-foot.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 3), "評価書番号\t9");
    EXPECT_EQ(line(d, 5), "評価書名\t介護保険に関する事務 基礎項目評価書");
    EXPECT_EQ(line(d, 14), "評価実施機関名\tかえで町長");
    EXPECT_EQ(line(d, 20), "①事務の名称\t介護保険に関する事務");
    EXPECT_EQ(line(d, 26),
              "②事務の概要\t介護保険法に基づき、次の事務を行う。 1. 要介護認定の申請を受け付け、認定調査を行い、"
              "審査会の判定に基づいて要介護状態区分を認定する 2. 保険料の賦課及び徴収 3. 保険給付の支給");
    EXPECT_EQ(line(d, 29), "③システムの名称\t介護保険システム、団体内統合宛名システム、中間サーバー、庁内連携システム");
    EXPECT_EQ(line(d, 35), "法令上の根拠\t番号法第9条第1項 別表第100項（介護保険法による保険給付の支給に関する事務）");
    EXPECT_EQ(line(d, 40), "①実施の有無\t[実施する] <選択肢> 1) 実施する 2) 実施しない 3)未定");
    // (情報提供) alone on its line: its text follows it in the same paragraph
    EXPECT_EQ(line(d, 45),
              "②法令上の根拠\t(情報照会) 番号法第19条第8号に基づく利用特定個人情報の提供に関する命令第2条の表の項"
              "(情報提供)同命令第2条の表のうち、情報提供者が「市町村長」である項");
    EXPECT_EQ(line(d, 48), "①部署\t福祉部介護保険課");
    EXPECT_EQ(line(d, 50), "②所属長の役職名\t介護保険課長");
    const Model m = extract_document(fixture("kaede-kiso-foot.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    EXPECT_EQ(m.assessments[0].organization, "かえで町長");
    EXPECT_EQ(m.assessments[0].linkage.status, "実施する");
}

// A sheet with its labels centred on their rows, with pdftotext -layout
// (tests/fixtures/layout/kaede-kiso-centred.txt): a label half a line off a value of two lines
// stands on a line of its own between them, and is no title of the lines below it.
TEST(LayoutRowsCentred, ALabelBetweenTheTwoLinesOfItsValue) {
    const auto rows = rows_from_layout(fixture("kaede-kiso-centred.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 19), "法令上の根拠\t番号法第9条第1項 別表第100項（介護保険法による保険給付の支給に関する事務）");
    EXPECT_EQ(line(d, 23), "①実施の有無\t[実施する] <選択肢> 1) 実施する 2) 実施しない 3)未定");
    EXPECT_EQ(line(d, 31), "①部署\t福祉部介護保険課");
    // An entry centred on its recipient's two lines, after a selection centred the same way.
    EXPECT_EQ(line(d, 52),
              "提供・移転の有無\t[ ○ ] 提供を行っている (1) 件 [ ] 移転を行っている (0) 件 [ ] 行っていない");
    EXPECT_EQ(line(d, 55), "提供先1\t番号法第19条第8号に基づく主務省令第2条の表に掲げる情報照会者");
    EXPECT_EQ(line(d, 58),
              "①法令上の根拠\t番号法第19条第8号、行政手続における特定の個人を識別するための番号の利用等に関する法律"
              "第十九条第八号に基づく命令第2条の表の項");
    const Model m = extract_document(fixture("kaede-kiso-centred.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    EXPECT_EQ(m.assessments[0].linkage.status, "実施する");
    EXPECT_EQ(m.assessments[0].individual_number_basis,
              "番号法第9条第1項 別表第100項（介護保険法による保険給付の支給に関する事務）");
}

// Rows of an even number of lines tie where their labels are centred (the label half a line off the
// row's middle); what the lines hold breaks the tie (tests/fixtures/layout/kaede-juten-centred-ties.txt):
// a header row (評価書番号 | 評価書名) stands at the top of its values; a full line that ends a sentence
// may end its paragraph (特記事項's second line is no organisation); checkboxes belong to the label that
// takes checkboxes (入手方法, not 使用目的); a label alone between two lines of its value does not cut
// the paragraph (移転先1's recipient is one line, its basis two). The last row, a label at the top of a
// long text, weighs no more than a few centred rows against reading the document's labels centred.
TEST(LayoutRowsCentred, WhatTheLinesHoldBreaksATieBetweenRows) {
    const auto rows = rows_from_layout(fixture("kaede-juten-centred-ties.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 4), "評価書番号\t評価書名");
    EXPECT_TRUE(text::starts_with(line(d, 6), "個人のプライバシー等の権利利益の保護の宣言\tかえで町は、"));
    EXPECT_EQ(line(d, 11),
              "特記事項\tこの評価書は piagraph の試験のために作成した架空の評価書である。架空県かえで町は実在しない。");
    EXPECT_EQ(line(d, 13), "評価実施機関名\tかえで町長");
    EXPECT_EQ(line(d, 40), "③使用目的 ※\t介護保険の資格管理及び保険給付の支給を適正に行うため。");
    EXPECT_EQ(line(d, 45), "移転先1\t健康福祉部障がい者支援課こころの健康センター");
    EXPECT_EQ(line(d, 46), "①法令上の根拠\tかえで町個人番号の利用及び特定個人情報の提供に関する条例");
    EXPECT_TRUE(text::starts_with(line(d, 54), "その他の措置の内容\t・介護保険システムの操作ログは毎月、"));
    const Model m = extract_document(fixture("kaede-juten-centred-ties.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(a.organization, "かえで町長");
    EXPECT_EQ(a.number, "12");
    ASSERT_EQ(a.files.size(), 1u);
    EXPECT_EQ(a.files[0].methods,
              (std::vector<std::string>{"紙", "専用線", "庁内連携システム", "情報提供ネットワークシステム"}));
    ASSERT_EQ(a.files[0].transfers.size(), 1u);
    EXPECT_EQ(a.files[0].transfers[0].recipient, "健康福祉部障がい者支援課こころの健康センター");
    EXPECT_EQ(a.files[0].transfers[0].basis, "かえで町個人番号の利用及び特定個人情報の提供に関する条例");
}

// Checkboxes listed in two columns of one cell, each column wrapped on its own and set side by side
// one space apart (tests/fixtures/layout/kaede-option-columns.txt): each option's wrapped text is read
// back in its column (電子メ | ール, 電子記録媒体(フ | ラッシュメモリを除く。)), and a box its column's
// wrap cut ("[ ○" | "]紙") is whole again.
TEST(LayoutRowsColumns, CheckboxesInTwoColumnsOfOneCell) {
    const auto rows = rows_from_layout(fixture("kaede-option-columns.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 18),
              "②入手方法\t[ ○ ] 紙 [ ] 電子メール [ ] フラッシュメモリ [ ○ ] 庁内連携システム [ ] その他 () [] 専用線");
    EXPECT_EQ(line(d, 27),
              "⑥移転方法\t[ ○ ] 庁内連携システム [ ] 電子メール [ ] 専用線 [ ] 電子記録媒体(フラッシュメモリを除く。) "
              "[ ] フラッシュメモリ [ ] その他 () [ ○]紙");
    const Model m = extract_document(fixture("kaede-option-columns.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    ASSERT_EQ(m.assessments[0].files.size(), 1u);
    const FileBlock& file = m.assessments[0].files[0];
    EXPECT_EQ(file.methods, (std::vector<std::string>{"紙", "庁内連携システム"}));
    ASSERT_EQ(file.transfers.size(), 1u);
    EXPECT_EQ(file.transfers[0].methods, (std::vector<std::string>{"庁内連携システム", "紙"}));
}

// A cell of checkboxes in two columns that pdfminer (pdf2txt) writes in pieces: the first row of
// options with the values of the labels above, the rest of each column as two blocks at the head of
// the next run of values (tests/fixtures/layout/kaede-pdfminer-connections.txt). Both blocks go back
// to ③他のシステムとの接続, and the basis of the number's use keeps its own text only.
TEST(LayoutRowsColumnFlow, TheRestOfACheckboxCellInTwoBlocksGoesBackToItsLabel) {
    const auto rows = rows_from_layout(fixture("kaede-pdfminer-connections.txt"));
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 36),
              "③他のシステムとの接続\t[ ] 情報提供ネットワークシステム [ ○ ] 庁内連携システム [ ] "
              "住民基本台帳ネットワークシステム [ ○ ] 宛名システム等 [ ] その他 () [ ○ ] 既存住民基本台帳システム [ ] "
              "税務システム");
    EXPECT_EQ(line(*rows, 60), "法令上の根拠\t番号法第9条第1項 別表第24号");
    const Model m = extract_document(fixture("kaede-pdfminer-connections.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    ASSERT_EQ(a.systems.size(), 1u);
    EXPECT_EQ(a.systems[0].connections,
              (std::vector<std::string>{"庁内連携システム", "宛名システム等", "既存住民基本台帳システム"}));
    EXPECT_EQ(a.individual_number_basis, "番号法第9条第1項 別表第24号");
}

// The linkage's basis in pdfminer's blocks (tests/fixtures/layout/kaede-pdfminer-linkage.txt): its
// (情報提供) and (情報照会) heads alone on their lines, each part cut into paragraphs by its short
// lines, then the department's two values and the annex's first step. The values pair with their
// labels by order only: (情報照会) goes on the list (情報提供) opened, a department names its unit
// (課) and its head's title ends in 長, so ①部署 and ②所属長の役職名 keep their own values.
TEST(LayoutRowsColumnFlow, ALinkageBasisInPartsLeavesTheDepartmentItsOwn) {
    const auto rows = rows_from_layout(fixture("kaede-pdfminer-linkage.txt"));
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 39), "①部署\t総務部税務課");
    EXPECT_TRUE(text::starts_with(line(*rows, 41), "②所属長の役職名\t税務課長"));
    const Assessment a = read_one("kaede-pdfminer-linkage.txt");
    EXPECT_EQ(a.department, "総務部税務課");
    EXPECT_EQ(a.linkage.status, "実施する");
    EXPECT_TRUE(text::starts_with(a.linkage.basis, "(情報提供)"));
    EXPECT_TRUE(text::contains(a.linkage.basis, "(情報照会)"));
    EXPECT_TRUE(text::ends_with(a.linkage.basis, "命令第50条"));
}

// A form printed by a word processor (tests/fixtures/layout/aoba-wide-boxes-layout.txt, our fictional
// あおば市 through LibreOffice and pdftotext -layout): its empty boxes set wide (［   ］) in a grid of
// two columns, ③'s label centred on them, and a function's first line left above its label. Each
// option keeps its own box, and a function's line that opens with 1. is no item of the form.
TEST(LayoutRowsForm, EmptyBoxesSetWideKeepTheirOptions) {
    const Assessment a = read_one("aoba-wide-boxes-layout.txt");
    ASSERT_EQ(a.systems.size(), 3u);
    EXPECT_EQ(a.systems[0].connections, (std::vector<std::string>{"庁内連携システム", "宛名システム等"}));
    EXPECT_EQ(a.systems[0].other, (std::vector<std::string>{"財務会計システム"}));
    EXPECT_EQ(a.systems[1].connections, (std::vector<std::string>{"庁内連携システム"}));
    EXPECT_EQ(a.systems[1].other, (std::vector<std::string>{"児童手当システム", "中間サーバー"}));
    EXPECT_EQ(a.systems[2].connections, (std::vector<std::string>{"情報提供ネットワークシステム", "宛名システム等"}));
}

// A sheet of three columns (tests/fixtures/layout/tsubasa-set-in-labels-layout.txt, our fictional
// つばさ町 through LibreOffice Calc and pdftotext -layout): システムN at the margin, its ①②③ labels
// set in beside their values, and a running header on every page. Each set-in label is a row.
TEST(LayoutRowsForm, LabelsSetInBesideTheirValues) {
    const Assessment a = read_one("tsubasa-set-in-labels-layout.txt");
    EXPECT_EQ(a.number, "3");
    EXPECT_EQ(a.organization, "架空県つばさ町長");
    ASSERT_EQ(a.systems.size(), 5u);
    EXPECT_EQ(a.systems[0].name, "介護保険システム");
    EXPECT_EQ(a.systems[0].connections,
              (std::vector<std::string>{"既存住民基本台帳システム", "税務システム", "宛名システム等"}));
    EXPECT_EQ(a.systems[0].other, (std::vector<std::string>{"国保連伝送通信ソフト"}));
    EXPECT_EQ(a.systems[2].other, (std::vector<std::string>{"中間サーバー", "介護保険システム"}));
    EXPECT_EQ(a.systems[4].name, "住民基本台帳ネットワークシステム");
    EXPECT_EQ(a.systems[4].other, (std::vector<std::string>{"都道府県サーバー", "全国サーバー"}));
}

// 基礎's ③システムの名称 as a numbered list, a name a line (tests/fixtures/layout/yuki-kiso-listed-systems-
// layout.txt, our fictional ゆき町 through LibreOffice Calc and pdftotext -layout): the list goes on
// after its first name, which opens with 1．.
TEST(LayoutRowsForm, SystemsListedAsANumberedList) {
    const Assessment a = read_one("yuki-kiso-listed-systems-layout.txt");
    EXPECT_EQ(a.form, "基礎項目評価書");
    EXPECT_EQ(system_names(a),
              (std::vector<std::string>{"健康管理システム（予防接種管理サブシステム）", "団体内統合宛名システム",
                                        "庁内連携システム", "中間サーバー", "予診票データ化支援システム"}));
}

// A cover printed from a spreadsheet, its cells at their foot (tests/fixtures/layout/kaede-cover-foot.txt):
// the header row 評価書番号 | 評価書名 keeps the values under it (a title of two lines, the number at the
// foot of its cell beside the title's last line), and the declaration's row starts below them.
TEST(LayoutRowsColumnFlow, ACoverAtTheFootKeepsTheTitleUnderItsHeader) {
    const auto rows = rows_from_layout(fixture("kaede-cover-foot.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 4), "評価書番号\t評価書名");
    EXPECT_TRUE(text::starts_with(line(d, 7), "個人のプライバシー等の権利利益の保護の宣言\tかえで町は、"));
    const Model m = extract_document(fixture("kaede-cover-foot.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    EXPECT_EQ(m.assessments[0].number, "12");
    EXPECT_EQ(m.assessments[0].title, "介護保険料の賦課徴収及び滞納対策に関する事務 重点項目評価書");
    EXPECT_EQ(m.assessments[0].organization, "かえで町長");
}

// A checkbox value whose その他 ends its last line, its detail on the next line (tests/fixtures/layout/
// kaede-other-detail.txt, labels then values as plain pdftotext reads a page): the detail is the
// checkbox value's, not the head of the next label's text.
TEST(LayoutRowsColumnFlow, TheDetailOfAnOtherOptionOnTheNextLine) {
    const auto rows = rows_from_layout(fixture("kaede-other-detail.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 17),
              "⑥提供方法\t[ ] 情報提供ネットワークシステム [ ] 専用線 [ ] 電子メール [ ] 紙 [ ○ ] その他(eLTAX)");
    EXPECT_EQ(line(d, 18), "⑦時期・頻度\t扶養是正情報を作成した都度");
}

// A sheet with its labels centred on their rows, in pdftotext's raw order (tests/fixtures/layout/
// kaede-centred-raw.txt): each label stands amid its value's lines (移転先1's recipient after it, ①'s
// basis one line before and one after, ②事務の内容 between its two lines), and each value is read
// whole under its label.
TEST(LayoutRowsColumnFlow, LabelsAmidTheirValuesInRawOrder) {
    const auto rows = rows_from_layout(fixture("kaede-centred-raw.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 15), "②事務の内容 ※\t介護保険法に基づき、要介護認定、保険料の賦課徴収及び保険給付の支給を行う。");
    EXPECT_EQ(line(d, 21), "①実施の有無\t[実施する] <選択肢> 1) 実施する 2) 実施しない 3)未定");
    EXPECT_EQ(line(d, 40), "移転先1\t健康福祉部高齢福祉課");
    EXPECT_EQ(line(d, 43), "①法令上の根拠\tかえで町個人番号の利用及び特定個人情報の提供に関する条例");
    EXPECT_EQ(line(d, 46), "②移転先における用途\t老人福祉法による福祉の措置に関する事務であって主務省令で定めるもの");
    const Model m = extract_document(fixture("kaede-centred-raw.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    ASSERT_EQ(m.assessments[0].files.size(), 1u);
    const auto& transfers = m.assessments[0].files[0].transfers;
    ASSERT_EQ(transfers.size(), 2u);
    EXPECT_EQ(transfers[1].recipient, "健康福祉部障がい福祉課");
    EXPECT_EQ(transfers[1].basis, "かえで町個人番号の利用及び特定個人情報の提供に関する条例");
}

// An empty value among selections (tests/fixtures/layout/kaede-selections.txt): ②法令上の根拠 of a
// linkage not carried out is empty; the selection [システム用ファイル] goes to ①ファイルの種類, whose
// options it is one of, with its option list wrapped in the middle of an option (その | 他の電子ファイル);
// a selection printed between two labels does not end their run.
TEST(LayoutRowsColumnFlow, ASelectionGoesToTheLabelWhoseOptionItIs) {
    const auto rows = rows_from_layout(fixture("kaede-selections.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 11), "②法令上の根拠");
    EXPECT_EQ(line(d, 13), "①部署\t福祉部介護保険課");
    EXPECT_EQ(line(d, 14), "②所属長の役職名\t介護保険課長");
    EXPECT_EQ(line(d, 17),
              "①ファイルの種類 ※\t[システム用ファイル] <選択肢> 1) システム用ファイル 2) "
              "その他の電子ファイル(表計算ファイル等)");
    // A selection printed in the label column's flow keeps its label; the option list comes later.
    EXPECT_EQ(line(d, 18),
              "②対象となる本人の数\t<選択肢> 1) 1万人未満 2) 1万人以上10万人未満 3) 10万人以上100万人未満 "
              "[1万人以上10万人未満]");
    EXPECT_EQ(line(d, 20), "③対象となる本人の範囲 ※\t介護保険の第1号被保険者及び第2号被保険者");
}

// A run of 移転先 values (text written for this test): a box printed alone on its line ([○]) takes
// the label on the next line, so the boxes stay one value; each entry keeps its name although a
// value ends on a line that fills the cell (the 条例 line), with no paragraph break before the next.
TEST(LayoutRowsColumnFlow, BoxesAloneOnTheirLinesAndValuesThatFillTheirLastLine) {
    const std::string text =
        "特定個人情報保護評価書(全項目評価書)\n評価書番号\n9\n評価実施機関名\nかえで町長\n"
        "II 特定個人情報ファイルの概要\n5. 特定個人情報の提供・移転(委託に伴うものを除く。)\n"
        "移転先1\n①法令上の根拠\n②移転先における用途\n③移転する情報\n⑥移転方法\n⑦時期・頻度\n"
        "移転先2\n①法令上の根拠\n②移転先における用途\n③移転する情報\n\n"
        "福祉部介護保険課\n"
        "かえで町個人番号の利用及び特定個人情報の提供に関する条例\n"
        "介護保険法による保険給付の支給又は保険料の徴収に関する事務\n"
        "地方税関係情報\n[○]\n庁内連携システム\n[]\n紙\n[]\nその他（\n)\n照会の都度\n"
        "福祉部国保年金課\n"
        "かえで町個人番号の利用及び特定個人情報の提供に関する条例\n"
        "国民健康保険法による保険給付の支給又は保険料の徴収に関する\n事務\n"
        "地方税関係情報\n";
    const auto rows = rows_from_layout(decode_document(text, "flow.txt"));
    ASSERT_TRUE(rows.has_value());
    const Document& d = *rows;
    EXPECT_EQ(line(d, 8), "移転先1\t福祉部介護保険課");
    EXPECT_EQ(line(d, 9), "①法令上の根拠\tかえで町個人番号の利用及び特定個人情報の提供に関する条例");
    EXPECT_EQ(line(d, 10), "②移転先における用途\t介護保険法による保険給付の支給又は保険料の徴収に関する事務");
    EXPECT_EQ(line(d, 12), "⑥移転方法\t[○] 庁内連携システム [] 紙 [] その他（)");
    EXPECT_EQ(line(d, 13), "⑦時期・頻度\t照会の都度");
    EXPECT_EQ(line(d, 14), "移転先2\t福祉部国保年金課");
    EXPECT_EQ(line(d, 15), "①法令上の根拠\tかえで町個人番号の利用及び特定個人情報の提供に関する条例");
    EXPECT_EQ(line(d, 17), "③移転する情報\t地方税関係情報");
}

// A run of the cover's labels only: each takes the value its look finds, and a value neither takes
// stays in the text (found by fuzz_extract: the line was lost and another came twice).
TEST(LayoutRowsColumnFlow, AValueNoCoverLabelTakesIsKept) {
    using T = extract_detail::FlowLine::Type;
    std::vector<extract_detail::FlowLine> lines = {{T::label, "number", "評価書番号", false},
                                                   {T::label, "title_field", "評価書名", false},
                                                   {T::value, "", "国民年金に名", false},
                                                   {T::blank, "", "", false},
                                                   {T::value, "", "国民年金に関する事務 全項目評価書", false},
                                                   {T::blank, "", "", false},
                                                   {T::value, "", "7", false}};
    const std::vector<size_t> order = extract_detail::column_flow_order(lines);
    std::vector<size_t> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (std::vector<size_t>{0, 1, 2, 3, 4, 5, 6}));  // each line once
    // each label with its value, the value neither takes after them, then the blank lines
    EXPECT_EQ(order, (std::vector<size_t>{0, 6, 1, 4, 2, 3, 5}));
}

// A run of labels in pdftotext's raw order that holds a value of one line under its label (使用部署 ※ |
// 市民生活部市民課, a short cell the conversion put in the label column's flow) and a label written with
// a space inside (権利利益に影響を 与え得る決定 ※): the run goes on past both, the short value stays under
// its label, and the other labels take the values printed after the run.
TEST(LayoutRowsColumnFlow, AValueUnderItsLabelAmidTheRunOfLabelsStays) {
    const std::string text =
        "①事務の名称\n住民基本台帳に関する事務\n②事務の内容 ※\n住民の届出を受け付ける。\n"
        "3. 特定個人情報の入手・使用\n①入手元 ※\n②入手方法\n③入手の時期・頻度\n⑦使用の主体\n使用部署 ※\n"
        "市民生活部市民課\n使用者数\n⑧使用方法 ※\n権利利益に影響を 与え得る決定 ※\n⑨使用開始日\n\n"
        "[ ○ ] 本人又は本人の代理人 [ ] その他 （ ）\n[ ○ ] 紙 [ ] 電子メール\n届出の都度\n[10人以上50人未満]\n"
        "<選択肢> 1) 10人未満 2) 10人以上50人未満\n届出の内容を住民票に記録する。\n該当なし\n平成27年10月5日\n";
    const auto rows = rows_from_layout(decode_document(text, "label-column-value.txt"));
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 6), "①入手元 ※\t[ ○ ] 本人又は本人の代理人 [ ] その他 （ ）");
    EXPECT_EQ(line(*rows, 7), "②入手方法\t[ ○ ] 紙 [ ] 電子メール");
    EXPECT_EQ(line(*rows, 10), "使用部署 ※\t市民生活部市民課");
    EXPECT_EQ(line(*rows, 12), "使用者数\t[10人以上50人未満] <選択肢> 1) 10人未満 2) 10人以上50人未満");
    EXPECT_EQ(line(*rows, 14), "権利利益に影響を 与え得る決定 ※\t該当なし");
    EXPECT_EQ(line(*rows, 15), "⑨使用開始日\t平成27年10月5日");
}

// The form as pandoc's multiline tables (its plain text of an office document): set two spaces in
// from the margin, the headings between the tables at it, cells wrapped in columns laid out by
// display width, and a group's fields in a column of their own (再委託 | ④再委託の有無 | value, then
// | ⑤再委託の許諾方法 | value). Each field is a row of its own, under its group.
TEST(LayoutRowsForm, MultilineTablesSetInFromTheMargin) {
    const Document source = fixture("midori-kokuho-multiline.txt");
    const auto rows = rows_from_layout(source);
    ASSERT_TRUE(rows.has_value());
    EXPECT_TRUE(text::starts_with(line(*rows, 314), "再委託\t④再委託の有無 ※\t[再委託する]"));
    EXPECT_TRUE(text::starts_with(line(*rows, 317), "⑤再委託の許諾方法\t再委託申請書を提出させ、"));
    EXPECT_TRUE(text::starts_with(line(*rows, 321), "⑥再委託事項\t封入封緘作業の一部"));

    const Model m = extract_document(source);
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    ASSERT_EQ(a.systems.size(), 3u);
    EXPECT_EQ(a.systems[0].connections, (std::vector<std::string>{"庁内連携システム", "宛名システム等"}));
    ASSERT_EQ(a.files.size(), 1u);
    ASSERT_EQ(a.files[0].entrustments.size(), 2u);
    EXPECT_EQ(a.files[0].entrustments[1].resubcontract, std::optional<bool>(true));
    EXPECT_TRUE(text::starts_with(a.files[0].entrustments[1].permission_method, "再委託申請書を提出させ"));
}

// The example city's 重点項目評価書 printed and converted back by other tools than pdftotext -layout
// (fixtures made with the conversion simulator): what each of them reads alike.
void expect_kokuho_facts(const std::string& fixture_name) {
    SCOPED_TRACE(fixture_name);
    const Model m = extract_document(fixture(fixture_name));
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    ASSERT_EQ(a.systems.size(), 3u);
    EXPECT_EQ(a.systems[0].connections, (std::vector<std::string>{"庁内連携システム", "宛名システム等"}));
    EXPECT_EQ(a.systems[2].connections, (std::vector<std::string>{"既存住民基本台帳システム", "税務システム"}));
    ASSERT_EQ(a.files.size(), 1u);
    std::vector<std::string> sources;
    for (const auto& s : a.files[0].sources) sources.push_back(s.kind);
    EXPECT_EQ(sources,
              (std::vector<std::string>{"本人又は本人の代理人", "評価実施機関内の他部署", "行政機関・独立行政法人等",
                                        "地方公共団体・地方独立行政法人", "その他"}));
    ASSERT_EQ(a.files[0].entrustments.size(), 2u);
    EXPECT_EQ(a.files[0].entrustments[0].item, "国民健康保険システムの運用保守");
    EXPECT_EQ(a.files[0].entrustments[0].contractor, "株式会社みどり情報サービス");
    EXPECT_EQ(a.files[0].entrustments[0].resubcontract, std::optional<bool>(false));
    EXPECT_EQ(a.files[0].entrustments[1].contractor, "みどり印刷株式会社");
    EXPECT_EQ(a.files[0].entrustments[1].resubcontract, std::optional<bool>(true));
    ASSERT_EQ(a.files[0].provisions.size(), 1u);
    EXPECT_EQ(a.files[0].provisions[0].recipient, "番号法第19条第8号に基づく主務省令第2条の表に掲げる情報照会者");
    ASSERT_EQ(a.files[0].transfers.size(), 1u);
    EXPECT_EQ(a.files[0].transfers[0].recipient, "健康福祉部介護保険課");
}

// MuPDF (mutool draw -F txt) writes each text block a paragraph: a checkbox list has blank lines
// between its options, even inside an option's wrapped label, and goes on past them; its fonts
// give ・ as U+2027 (行政機関‧独立行政法人等).
TEST(LayoutRowsForm, TextBlocksAParagraphAsMutoolWritesThem) { expect_kokuho_facts("midori-kokuho-mutool.txt"); }

// The sheet with its labels centred on their rows (pdftotext -layout): an entry's header stands
// between the two lines of its recipient, and the line after the header is the name's rest, not the
// start of ①法令上の根拠's value, although that label stands half a line off its own value's middle.
TEST(LayoutRowsForm, CentredEntryBetweenTheLinesOfItsName) { expect_kokuho_facts("midori-kokuho-centred.txt"); }

// Labels justified to their cells' width (均等割り付け), as Japanese forms set them, read back by
// pdftotext -layout: each label's characters stand apart by uneven gaps, its last character at the
// cell's right edge ("①      事    務     の     名   称", "③ 他 の シ ス テ ム と の 接      続").
TEST(LayoutRowsForm, LabelsJustifiedToTheirCells) { expect_kokuho_facts("midori-kokuho-distributed.txt"); }

// A sheet printed to PDF and read back by pdftotext in its reading order: on a page, the value
// column's lines come in blocks before and after the label column's (委託事項1's values, then the
// labels of 委託事項1 and 2 and of 提供先1, then 委託事項2's values and 提供先1's). Each column keeps
// its order, so the page's labels take its values in theirs.
TEST(LayoutRowsForm, SheetReadAsTwoStreamsOfLabelsAndValues) { expect_kokuho_facts("midori-kokuho-sheet.txt"); }

// pdftotext -raw keeps no column: a label one space before its value, the value's wrapped lines
// at the margin, an entry's header one space before its name, boxes glued to their options.
TEST(LayoutRowsForm, RawOrderWithoutColumns) {
    const Document source = fixture("midori-kokuho-raw.txt");
    const auto rows = rows_from_layout(source);
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 174), "委託事項1\t国民健康保険システムの運用保守");
    expect_kokuho_facts("midori-kokuho-raw.txt");
}

// The text printed as it was written (a browser printing the .txt) and read back by pdftotext
// -layout: each row's label, a gap, its value, and a long value wrapped at the page's width with
// its further lines at the margin; words of markup wrap at their spaces. システム3's header has its
// number set apart (システム   3), as a digit in another font comes back.
TEST(LayoutRowsForm, ValuesWrappedAtTheMarginOfATextPrintedAsWritten) {
    const Document source = fixture("midori-kokuho-printed-as-text.txt");
    const auto rows = rows_from_layout(source);
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 57),
              "③他のシステムとの接続\t[] 情報提供ネットワークシステム [○] 庁内連携システム [] "
              "住民基本台帳ネットワークシステム [] 既存住民基本台帳システム [] 宛名システム等 [] 税務システム [○] "
              "その他 (中間サーバー、国民健康保険システム)");
    EXPECT_TRUE(line(*rows, 58).empty());
    EXPECT_NE(line(*rows, 46).find("</div> <div style=\"width: 50%;\"> [] 住民基本台帳ネットワークシステム"),
              std::string::npos);
    EXPECT_EQ(line(*rows, 60), "システム3");

    expect_kokuho_facts("midori-kokuho-printed-as-text.txt");
    const Model m = extract_document(source);
    ASSERT_EQ(m.assessments.size(), 1u);
    const auto& systems = m.assessments[0].systems;
    ASSERT_EQ(systems.size(), 3u);
    EXPECT_EQ(systems[0].other, (std::vector<std::string>{"国保情報集約システム"}));
    EXPECT_EQ(systems[1].other, (std::vector<std::string>{"中間サーバー", "国民健康保険システム"}));
    EXPECT_EQ(systems[2].other, (std::vector<std::string>{"団体内統合宛名システム", "国民健康保険システム"}));
}

// The same printed text in pdftotext's reading order: one space between label and value, and a
// group label one space before its field's label (再委託 ④再委託の有無 ※ [再委託する]), a row of its
// own rather than the wrapped end of the contractor's name above it.
TEST(LayoutRowsForm, GroupLabelOneSpaceBeforeItsFieldInReadingOrder) {
    const Document source = fixture("midori-kokuho-printed-as-text-raw.txt");
    const auto rows = rows_from_layout(source);
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 156), "③委託先名\t株式会社みどり情報サービス");
    EXPECT_TRUE(text::starts_with(line(*rows, 158), "再委託\t④再委託の有無 ※\t[再委託しない]"));
    expect_kokuho_facts("midori-kokuho-printed-as-text-raw.txt");
}

// A line of box glyphs (□ 提供を行っている ■ 行って) is a line of checkboxes, as one of brackets is: the
// rows are parted where the labels stand, so the wrapped end of an option stays with its row.
TEST(LayoutRowsColumnFlow, BoxGlyphsAreCheckboxes) {
    using extract_detail::value_kind_of_line;
    using extract_detail::ValueKind;
    EXPECT_EQ(value_kind_of_line("□ 提供を行っている () 件 □ 移転を行っている () 件 ■ 行って"), ValueKind::checkboxes);
    EXPECT_EQ(value_kind_of_line("☑ 紙 ☐ 電子メール"), ValueKind::checkboxes);
    EXPECT_EQ(value_kind_of_line("[ ] 紙 [ ○ ] 電子メール"), ValueKind::checkboxes);
    EXPECT_EQ(value_kind_of_line("架空課が管理する"), ValueKind::text);
}

// The facts of さくら町's 架空税 assessment that every flattening of its rows below keeps.
void expect_sakura_tax_facts(const Model& m) {
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(a.number, "7");
    EXPECT_EQ(a.affair, "架空税に関する事務");
    ASSERT_EQ(a.systems.size(), 1u);
    EXPECT_EQ(a.systems[0].connections, (std::vector<std::string>{"庁内連携システム"}));
    ASSERT_EQ(a.files.size(), 1u);
    ASSERT_EQ(a.files[0].entrustments.size(), 1u);
    EXPECT_EQ(a.files[0].entrustments[0].contractor, "さくら情報サービス株式会社");
    EXPECT_EQ(a.files[0].entrustments[0].resubcontract, std::optional<bool>(false));
}

// さくら町's 架空税 assessment after its cover, each row "label：value" on one line.
constexpr const char* kSakuraColonRows =
    "Ⅰ 基本情報\n1. 特定個人情報ファイルを取り扱う事務：\n①事務の名称：架空税に関する事務\n"
    "②事務の内容：架空税を賦課する。\n③対象人数：[1万人以上10万人未満]\n"
    "2. 特定個人情報ファイルを取り扱う事務において使用するシステム：\nシステム1：\n"
    "①システムの名称：架空税システム\n②システムの機能：税額を計算する。\n"
    "③他のシステムとの接続：[ ] 情報提供ネットワークシステム [○] 庁内連携システム\n"
    "システム2～5：\n"
    "Ⅱ 特定個人情報ファイルの概要\n1. 特定個人情報ファイル名：\n架空税ファイル\n"
    "2. 基本情報：\n①ファイルの種類 ※：[システム用ファイル]\n"
    "4. 特定個人情報ファイルの取扱いの委託：\n委託の有無 ※：[委託する] (1) 件\n"
    "委託事項1：架空税システムの運用保守\n①委託内容：システムを運用する。\n"
    "③委託先名：さくら情報サービス株式会社\n再委託：④再委託の有無 ※ [再委託しない]\n"
    "委託事項2～5：\n";

// A text that writes each row "label：value" on one line (a converter or a typist that flattens
// the form's table): the colon parts label and value, as a tab would; a heading, an entry's header
// and a range of entries written so are what they are; a group label is followed by its field's.
TEST(LayoutRowsForm, LabelColonValueLines) {
    const std::string text =
        "特定個人情報保護評価書（重点項目評価書）\n評価書番号：7\n評価書名：架空税に関する事務 重点項目評価書\n"
        "評価実施機関名：さくら町長\n公表日：令和6年4月1日\n" +
        std::string(kSakuraColonRows);
    const Document doc = decode_document(text, "colons.txt");
    const auto rows = rows_from_layout(doc);
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 8), "①事務の名称\t架空税に関する事務");
    EXPECT_EQ(line(*rows, 13), "①システムの名称\t架空税システム");
    EXPECT_EQ(line(*rows, 16), "システム2～5");
    EXPECT_EQ(line(*rows, 24), "委託事項1\t架空税システムの運用保守");

    const Model m = extract_document(doc);
    ASSERT_NO_FATAL_FAILURE(expect_sakura_tax_facts(m));
    EXPECT_EQ(m.assessments[0].organization, "さくら町長");
}

// The same rows with their cover in another order, its labels alone on their lines: a cover label
// takes no line that looks like another field's value or the form's version (公表日 | [令和6年10月
// 様式3], 特記事項 | さくら町長), which stay for the labels they belong to.
TEST(LayoutRowsForm, ACoverLabelTakesNoOtherFieldsValue) {
    const std::string text =
        "特定個人情報保護評価書（重点項目評価書）\n令和6年4月1日\n公表日\n[令和6年10月 様式3]\n評価実施機関名\n"
        "評価書番号：7\n評価書名：架空税に関する事務 重点項目評価書\n特記事項\nさくら町長\n" +
        std::string(kSakuraColonRows);
    const Document doc = decode_document(text, "cover-colons.txt");
    const auto rows = rows_from_layout(doc);
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 3), "公表日");
    EXPECT_EQ(line(*rows, 4), "[令和6年10月 様式3]");
    EXPECT_EQ(line(*rows, 9), "さくら町長");

    const Model m = extract_document(doc);
    ASSERT_NO_FATAL_FAILURE(expect_sakura_tax_facts(m));
    EXPECT_EQ(m.assessments[0].organization, "さくら町長");
    EXPECT_EQ(m.assessments[0].published, "令和6年4月1日");
}

// The same rows as a markdown list (- **①システムの名称**：…), as LLM-based converters write a
// form: the marker and the emphasis go, the rows are read as above; a list item that opens with
// no label of the form (a value's own list) keeps its marker.
TEST(LayoutRowsForm, LabelColonValueListItems) {
    const std::string text =
        "# 特定個人情報保護評価書（重点項目評価書）\n- **評価書番号**：7\n- **評価書名**：架空税に関する事務 "
        "重点項目評価書\n"
        "- **評価実施機関名**：さくら町長\n## Ⅰ 基本情報\n- **1. 特定個人情報ファイルを取り扱う事務**\n"
        "- **①事務の名称**：架空税に関する事務\n- **②事務の内容**：\n  - 架空税を賦課する。\n"
        "- **③対象人数**：[1万人以上10万人未満]\n- **システム1**\n- **①システムの名称**：架空税システム\n"
        "- **②システムの機能**：税額を計算する。\n"
        "- **③他のシステムとの接続**：[ ] 情報提供ネットワークシステム [○] 庁内連携システム\n"
        "- **システム2～5**\n## Ⅱ 特定個人情報ファイルの概要\n- **1. 特定個人情報ファイル名**\n- 架空税ファイル\n"
        "- **①ファイルの種類 ※**：[システム用ファイル]\n- **委託の有無 ※**：[委託する] (1) 件\n"
        "- **委託事項1**：架空税システムの運用保守\n- **③委託先名**：さくら情報サービス株式会社\n"
        "- **再委託**：④再委託の有無 ※ [再委託しない]\n";
    const Model m = extract_document(decode_document(text, "list.md"));
    ASSERT_NO_FATAL_FAILURE(expect_sakura_tax_facts(m));
    EXPECT_EQ(m.assessments[0].systems[0].name, "架空税システム");
    EXPECT_EQ(m.assessments[0].files[0].names, (std::vector<std::string>{"架空税ファイル"}));
}

// A name is one paragraph: a list set under it in the value column (a description that a split
// cell or a converter put there) is no part of it.
TEST(LayoutRowsForm, ANameEndsWhereAListUnderItStarts) {
    const std::string text =
        "特定個人情報保護評価書（重点項目評価書）\n"
        "評価書番号                7\n"
        "評価書名                  架空税に関する事務 重点項目評価書\n"
        "評価実施機関名            さくら町長\n"
        "Ⅰ 基本情報\n"
        "①事務の名称              架空税に関する事務\n"
        "②事務の内容 ※            架空税を賦課する。\n"
        "システム1\n"
        "①システムの名称          中間サーバー\n"
        "                          1. 符号管理機能：符号を管理する。\n"
        "                          2. 情報照会機能：情報を照会する。\n"
        "②システムの機能          3. 情報提供機能：情報を提供する。\n"
        "③他のシステムとの接続    [ ] 情報提供ネットワークシステム [ ○ ] 庁内連携システム\n"
        "Ⅱ 特定個人情報ファイルの概要\n"
        "1. 特定個人情報ファイル名\n"
        "(1) 架空税ファイル\n"
        "①ファイルの種類 ※        [システム用ファイル]\n"
        "②対象となる本人の数      [1万人以上10万人未満]\n"
        "⑤保有開始日              令和6年4月1日\n";
    const Document doc = decode_document(text, "name-and-list.txt");
    const auto rows = rows_from_layout(doc);
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 9), "①システムの名称\t中間サーバー");
    const Model m = extract_document(doc);
    ASSERT_EQ(m.assessments.size(), 1u);
    ASSERT_EQ(m.assessments[0].systems.size(), 1u);
    EXPECT_EQ(m.assessments[0].systems[0].name, "中間サーバー");
    EXPECT_EQ(m.assessments[0].systems[0].canonical_id, "chukan_server");
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

// The form as an office suite prints it: each label in the middle of its row's height, the lines
// of its value above and below it (sakura-centred.txt, authored). Each row is read whole under its
// label: a value's first lines are not the end of the row above, an even number of lines parts
// where a paragraph ends, and a row that runs over a page break keeps its lines on both pages.
TEST(LayoutRowsForm, LabelsCentredOnTheirRows) {
    const auto rows = rows_from_layout(fixture("sakura-centred.txt"));
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 3), "7\t国民年金に関する事務 全項目評価書");
    EXPECT_EQ(line(*rows, 4),
              "個人のプライバシー等の権利利益の保護の宣言\tさくら町は、国民年金に関する事務における特定個人情報"
              "ファイルの取扱いにあたり、特定個人情報ファイルの取扱いが個人のプライバシー等の権利利益に影響を及ぼしかね"
              "ないことを認識し、適切な措置を講じ、もって権利利益の保護に取り組んでいることを宣言する。");
    EXPECT_EQ(line(*rows, 14), "①事務の名称\t国民年金に関する事務");
    EXPECT_EQ(line(*rows, 15),
              "②事務の内容 ※\t国民年金法に基づき、被保険者の資格取得及び喪失の届出を受け付け、年金事務所へ報告する"
              "とともに、保険料の免除及び納付猶予の申請を受け付けて審査し、その結果を年金事務所へ送付する。 1. "
              "資格取得届の受付");
    EXPECT_EQ(line(*rows, 20), "③対象人数\t[1万人以上10万人未満] ＜選択肢＞ 1) 1,000人未満 2) 1,000人以上1万人未満");
    EXPECT_EQ(line(*rows, 37), "①システムの名称\t団体内統合宛名システム");
    EXPECT_EQ(line(*rows, 38),
              "②システムの機能\t宛名番号を付番し、個人番号と紐付けて管理する。宛名の照会機能を持ち、国民年金システム"
              "からの照会に応じて宛名情報を返す。");

    const Assessment a = read_sakura("sakura-centred.txt");
    EXPECT_EQ(a.affair, "国民年金に関する事務");
    ASSERT_EQ(a.systems.size(), 2u);
    EXPECT_EQ(a.systems[1].name, "団体内統合宛名システム");
    EXPECT_EQ(a.systems[0].other, (std::vector<std::string>{"年金記録照会システム"}));
    EXPECT_EQ(a.systems[0].functions,
              "資格記録の管理を行い、被保険者の資格の取得及び喪失の届出を受け付けて記録する。免除の申請を審査し、"
              "その結果を記録する。");
}

// The form printed with a narrow label column (sakura-wrapped.txt, authored): a label that fills
// its column stands one space before its value, a label wraps over two lines with its value
// beside both, and a numbered heading wraps over lines of its own. Each is one row, or one heading.
TEST(LayoutRowsForm, LabelsAndHeadingsWrappedInANarrowColumn) {
    const auto rows = rows_from_layout(fixture("sakura-wrapped.txt"));
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 4), "評価実施機関名\tさくら町長");
    EXPECT_EQ(line(*rows, 7), "1. 特定個人情報ファイルを取り扱う事務");
    EXPECT_EQ(line(*rows, 8), "");
    EXPECT_EQ(line(*rows, 11), "2. 特定個人情報ファイルを取り扱う事務");
    EXPECT_EQ(line(*rows, 16), "①システムの名称\t国民年金システム");
    EXPECT_EQ(line(*rows, 18),
              "③他のシステムとの接続\t[ ] 情報提供ネットワークシステム [ ○ ] 庁内連携システム [ ○ ] "
              "住民基本台帳ネットワークシステム [ ] 既存住民基本台帳システム");
    EXPECT_EQ(line(*rows, 20), "5. 評価実施機関における担当部署");
    EXPECT_EQ(line(*rows, 24),
              "④提供する情報の対象となる本人の数\t[10万人以上100万人未満] <選択肢> 1) 1万人未満 2) 1万人以上10万人"
              "未満 3) 10万人以上100万人未満 4) 100万人以上1,000万人未満");

    EXPECT_EQ(read_sakura("sakura-wrapped.txt").systems.size(), 1u);
}

// A label cut short by a narrow column and centred on a taller value (sakura-centred-wrapped.txt,
// authored): its last line (接続) stands below value lines; the label is made whole and the value
// keeps all its lines. A file name the column cut inside ファイル is one name again. A whole label
// takes no word of the line below (なし: the value of an item whose title was lost), and a numbered
// label's first line is no shorter label glued to a value (⑤提供する情報の対 | 象となる本人の範囲).
TEST(LayoutRowsForm, AWrappedLabelWhoseLastLineStandsBelowValueLines) {
    const auto rows = rows_from_layout(fixture("sakura-centred-wrapped.txt"));
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 18),
              "③他のシステムとの接続\t[ ] 情報提供ネットワークシステム [ ○ ] 庁内連携システム [ ○ ] "
              "住民基本台帳ネットワークシステム [ ] 既存住民基本台帳システム [ ] 宛名システム等 [ ] 税務システム "
              "[ ○ ] その他 (年金情報連携システム、国民健康保険システム)");
    EXPECT_EQ(line(*rows, 30), "②所属長の役職名\t住民課長");
    EXPECT_EQ(line(*rows, 31), "なし");
    EXPECT_EQ(line(*rows, 35), "⑤提供する情報の対象となる本人の範囲\t「2. ③対象となる本人の範囲」と同様");

    const Assessment a = read_sakura("sakura-centred-wrapped.txt");
    ASSERT_EQ(a.systems.size(), 1u);
    EXPECT_EQ(a.systems[0].other, (std::vector<std::string>{"年金情報連携システム", "国民健康保険システム"}));
    EXPECT_EQ(a.file_names, (std::vector<std::string>{"国民年金ファイル"}));
}

// The form as a spreadsheet prints it (sakura-foot.txt, authored): each label at the foot of its
// row, so a value's lines stand above its label, an entry's header (委託事項1, 提供先1) among them; a
// group label on a line of its own (再委託); a label that pdftotext set against its value with no
// space (⑥提供方法[ ○ ] …); the change table's cells at the foot too, a date cut in two (令和6年4月1 |
// 日); the sheet's name and the page's number on every page. Each row is read whole under its label.
TEST(LayoutRowsForm, LabelsAtTheFootOfTheirRows) {
    const auto rows = rows_from_layout(fixture("sakura-foot.txt"));
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 4), "7\t国民年金に関する事務 全項目評価書");
    EXPECT_EQ(line(*rows, 16),
              "②事務の内容 ※\t国民年金法に基づき、被保険者の資格取得及び喪失の届出を受け付け、年金事務所へ報告する"
              "とともに、保険料の免除及び納付猶予の申請を受け付けて審査し、その結果を年金事務所へ送付する。");
    EXPECT_EQ(line(*rows, 20), "③対象人数\t[1万人以上10万人未満] ＜選択肢＞ 1) 1,000人未満 2) 1,000人以上1万人未満");
    EXPECT_EQ(line(*rows, 24), "①システムの名称\t国民年金システム");
    EXPECT_EQ(line(*rows, 42), "委託事項1\t国民年金システムの運用保守及び届出書の入力業務");
    EXPECT_EQ(line(*rows, 45), "⑥委託先名\tさくら情報サービス株式会社");
    EXPECT_EQ(line(*rows, 46), "再委託");
    EXPECT_EQ(line(*rows, 53), "提供先1\t番号法第19条第8号に基づく主務省令第2条の表に掲げる情報照会者");
    EXPECT_EQ(line(*rows, 56), "⑥提供方法\t[ ○ ] 情報提供ネットワークシステム [ ] 専用線 [ ] 電子メール [ ] 紙");
    EXPECT_EQ(line(*rows, 66),
              "令和6年4月1日\tI 5 ①部署\t市民課\t市民生活部市民課\t事後\t"
              "組織改正に伴う名称の変更であり、重要な変更に当たらない");
    EXPECT_EQ(line(*rows, 69),
              "令和6年10月1日\tII 4 委託事項1⑥委託先名\tみどり情報株式会社\t"
              "さくら情報サービス株式会社\t事後\t入札による変更");

    const Assessment a = read_sakura("sakura-foot.txt");
    ASSERT_EQ(a.systems.size(), 1u);
    // The running lines (Sheet1, Page 1) are no part of the value they stand in.
    EXPECT_EQ(a.systems[0].other, (std::vector<std::string>{"年金記録照会システム"}));
    ASSERT_EQ(a.files.size(), 1u);
    ASSERT_EQ(a.files[0].entrustments.size(), 1u);
    EXPECT_EQ(a.files[0].entrustments[0].item, "国民年金システムの運用保守及び届出書の入力業務");
    EXPECT_EQ(a.files[0].entrustments[0].contractor, "さくら情報サービス株式会社");
    ASSERT_EQ(a.files[0].provisions.size(), 1u);
    EXPECT_EQ(a.files[0].provisions[0].recipient, "番号法第19条第8号に基づく主務省令第2条の表に掲げる情報照会者");
    EXPECT_EQ(a.files[0].provisions[0].methods, (std::vector<std::string>{"情報提供ネットワークシステム"}));
    EXPECT_EQ(a.files[0].provisions[0].timing, "情報照会の都度");
    ASSERT_EQ(a.changes.size(), 2u);
    EXPECT_EQ(a.changes[0].date, "令和6年4月1日");
    EXPECT_EQ(a.changes[0].timing, "事後");
    EXPECT_EQ(a.changes[1].before, "みどり情報株式会社");
    EXPECT_EQ(a.changes[1].after, "さくら情報サービス株式会社");
}

// One cell a line of a markdown-like text: a block of HTML under a value without markup is a cell of
// its own (a table cell the conversion split), not the wrapped end of the system's name.
TEST(LayoutRowsForm, HtmlBlockAfterAValueIsNoPartOfIt) {
    std::string text =
        "システム1\n①システムの名称\n個人住民税システム\n<p>【A. 課税準備事務向け機能】</p> <p>A-1. 作成機能</p>\n"
        "②システムの機能\n<p>【E. 調査事務向け機能】</p>\n";
    for (int i = 0; i < 6; ++i) text += "①事務の名称\n国民年金に関する事務\n公表日\n令和6年4月1日\n";
    const auto rows = rows_from_layout(decode_document(text, "split-cell.txt"));
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 2), "①システムの名称\t個人住民税システム");
    EXPECT_EQ(line(*rows, 5), "②システムの機能\t<p>【E. 調査事務向け機能】</p>");
}

// The change table of a conversion that lost its columns: each filled cell on a line of its own
// (the example city's 国保, its table extended by three rows of our own). A version cell that is a
// date does not open a row, a lone version is the text after the change, and a row without 提出時期
// ends at the next date.
TEST(LayoutRowsForm, ChangeTableWrittenOneCellPerLine) {
    const Model m = extract_document(fixture("midori-kokuho-cells.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    const auto& changes = m.assessments[0].changes;
    ASSERT_EQ(changes.size(), 4u);
    EXPECT_EQ(changes[0].date, "令和6年12月2日");
    EXPECT_EQ(changes[0].item, "II 4 委託事項2");
    EXPECT_EQ(changes[0].before, "被保険者証等の印刷・封入封緘業務");
    EXPECT_EQ(changes[0].after, "資格確認書等の印刷・封入封緘業務");
    EXPECT_EQ(changes[0].timing, "事後");
    EXPECT_EQ(changes[0].explanation, "被保険者証の廃止に伴う名称の変更であり、重要な変更に当たらない");
    EXPECT_EQ(changes[1].before, "令和5年3月31日");
    EXPECT_EQ(changes[1].after, "令和7年3月28日");
    EXPECT_EQ(changes[1].timing, "事前");
    EXPECT_EQ(changes[2].item, "II 6 ①保管場所");
    EXPECT_EQ(changes[2].before, "");
    EXPECT_EQ(changes[2].after, "ガバメントクラウド上のサーバに保管する。");
    EXPECT_EQ(changes[3].item, "I 2 システム3");
    EXPECT_EQ(changes[3].before, "中間サーバー");
    EXPECT_EQ(changes[3].after, "中間サーバー・プラットフォーム");
    EXPECT_EQ(changes[3].timing, "");
    // The form's own rows are read as before: the table's cells did not flow into them.
    EXPECT_EQ(m.assessments[0].systems.size(), 3u);
}

namespace piagraph {
namespace {

// midori-threshold-procedure.txt: the example city's 基礎 しきい値判断 rows and 全項目 VI 評価実施手続,
// printed as the form and converted with pdftotext -layout (an excerpt of examples/midori).
TEST(LayoutRowsForm, WrappedLabelBesideItsSelectionAndTheProcedureRows) {
    const Document source = fixture("midori-threshold-procedure.txt");
    const auto rows = rows_from_layout(source);
    ASSERT_TRUE(rows.has_value());
    auto row_with = [&](const std::string& start) -> std::string {
        for (const auto& l : rows->lines)
            if (l.rfind(start, 0) == 0) return l;
        return "";
    };
    // A label that fills its column, one space before its value, and wrapped onto a second line.
    EXPECT_NE(row_with("過去1年以内に").find("\t[発生なし]"), std::string::npos) << row_with("過去1年以内に");
    // VI's row labels are labels, and a numbered heading never joins the label before it.
    EXPECT_EQ(row_with("③主な意見の内容"), "③主な意見の内容\t意見なし");
    EXPECT_EQ(row_with("②実施日・期間").find("②実施日・期間\t令和6年12月2日"), 0u);
    EXPECT_EQ(text::trim(row_with("3. 第三者点検")), "3. 第三者点検");

    const Model m = extract_document(source);
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(a.serious_incident, "発生なし");
    EXPECT_EQ(a.handlers, "500人以上");
    EXPECT_EQ(a.procedure.review_method, "みどり市個人情報保護審議会による点検");
    EXPECT_TRUE(a.was_read("serious_incident"));
}

// The example's 重点 assessment printed and converted by pdftotext (tests/simulator,
// printed-pdftotext): its items read best as rebuilt rows, but its 変更箇所 table, one cell a line,
// only the pdftotext reader reads; the change rows come from that reading all the same.
TEST(LayoutRowsForm, ChangeRowsOfAPrintedFormComeFromTheReadingThatHoldsThem) {
    const Model m = extract_document(fixture("midori-kokuho-printed.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_FALSE(a.systems.empty());
    ASSERT_EQ(a.changes.size(), 1u);
    EXPECT_EQ(a.changes[0].date, "令和6年12月2日");
    EXPECT_EQ(a.changes[0].item, "II 4 委託事項2");
    EXPECT_EQ(a.changes[0].timing, "事後");
}

// A 重点 printed from a web page with each item's title in a column of its own, wrapped beside the
// labels (tests/fixtures/layout/kaede-nenkin-title-column-layout.txt, our fictional かえで町 through
// Chromium and pdftotext -layout; a page sets its labels a column further in). Each title is read
// whole, and every label beside it keeps its value.
TEST(LayoutRowsForm, ItemTitlesInAColumnOfTheirOwn) {
    const Assessment a = read_one("kaede-nenkin-title-column-layout.txt");
    EXPECT_EQ(a.affair, "国民年金に関する事務");
    EXPECT_TRUE(text::starts_with(a.individual_number_basis, "・番号法第9条第1項 別表第46項"));
    EXPECT_EQ(a.linkage.status, "実施する");
    EXPECT_EQ(a.department, "住民福祉部 保険年金課");
    ASSERT_EQ(a.systems.size(), 3u);
    EXPECT_EQ(a.systems[2].name, "中間サーバー");
    EXPECT_EQ(a.systems[2].connections, (std::vector<std::string>{"情報提供ネットワークシステム", "宛名システム等"}));
    ASSERT_EQ(a.files.size(), 1u);
    EXPECT_EQ(a.files[0].names, (std::vector<std::string>{"国民年金ファイル"}));
}

// A sheet printed by a spreadsheet (tests/fixtures/layout/asahi-sheet-pages-layout.txt, our fictional
// あさひ区 through LibreOffice Calc and pdftotext -layout): the items' numbers in a column of their own
// (１   特定個人情報ファイル名), the first page's labels set further in than the others' (its first
// column holds a title), and a 移転先 entry whose labels open the next page set in. Each page reads
// alike, and each entry keeps its recipient.
TEST(LayoutRowsForm, SheetPagesSetInAsFarAsTheirFirstColumn) {
    const Assessment a = read_one("asahi-sheet-pages-layout.txt");
    ASSERT_EQ(a.systems.size(), 5u);
    EXPECT_EQ(a.systems[1].connections,
              (std::vector<std::string>{"庁内連携システム", "住民基本台帳ネットワークシステム", "宛名システム等"}));
    EXPECT_EQ(a.systems[2].other,
              (std::vector<std::string>{"介護保険システム", "国民健康保険システム", "福祉総合システム"}));
    ASSERT_EQ(a.files.size(), 1u);
    EXPECT_EQ(a.files[0].names, (std::vector<std::string>{"介護保険被保険者情報ファイル"}));
    ASSERT_EQ(a.files[0].transfers.size(), 2u);
    EXPECT_EQ(a.files[0].transfers[0].recipient, "区民部保険年金課");
    EXPECT_TRUE(text::starts_with(a.files[0].transfers[0].basis, "番号法第9条第1項"));
    EXPECT_EQ(a.files[0].transfers[1].recipient, "福祉部生活福祉課");
}

// A 重点 laid out as the national Excel template (tests/fixtures/layout/hinode-template-grid-layout.txt,
// our fictional ひので市 through LibreOffice Calc and pdftotext -layout): narrow merged cells, each
// item's title in a block of its own left of its labels, each box in a cell of its own, and a
// selection's box set wide around its value (［   実施する      ］), and a 提供先's name of two lines
// centred on its cell, the entry's header alone between them.
TEST(LayoutRowsForm, TheNationalTemplatesGrid) {
    const Assessment a = read_one("hinode-template-grid-layout.txt");
    EXPECT_EQ(a.affair, "児童扶養手当に関する事務");
    EXPECT_EQ(a.linkage.status, "実施する");
    EXPECT_EQ(a.department, "こども家庭部こども支援課");
    ASSERT_EQ(a.systems.size(), 3u);
    EXPECT_EQ(a.systems[0].connections, (std::vector<std::string>{"庁内連携システム", "宛名システム等"}));
    EXPECT_EQ(a.systems[0].other, (std::vector<std::string>{"申請管理システム"}));
    ASSERT_EQ(a.files.size(), 1u);
    EXPECT_EQ(a.files[0].names, (std::vector<std::string>{"児童扶養手当情報ファイル"}));
    ASSERT_EQ(a.files[0].provisions.size(), 2u);
    EXPECT_EQ(a.files[0].provisions[0].recipient,
              "番号法第19条第8号に基づく主務省令第2条の表の第一欄に掲げる情報照会者（都道府県知事等）");
    EXPECT_EQ(a.files[0].provisions[1].recipient, "ひので市教育委員会");
    ASSERT_EQ(a.files[0].transfers.size(), 1u);
    EXPECT_EQ(a.files[0].transfers[0].recipient, "福祉部生活福祉課");
}

// Two of a village's 基礎 in pdftotext's raw order (tests/fixtures/layout/minato-kiso-raw.txt, our
// fictional みなと村): each cover's 評価書番号 above 評価書名, then their values in that order, and
// section I's numeral in a cell of its own (Ⅰ | 関連情報) on the page after the cover. The covers are
// two assessments, each with its number, and the numeral is the heading, not the end of the date.
TEST(LayoutRowsForm, StackedCoverLabelsAndASectionNumeralApart) {
    const Model m = extract_document(fixture("minato-kiso-raw.txt"));
    ASSERT_EQ(m.assessments.size(), 2u);
    EXPECT_EQ(m.assessments[0].number, "1");
    EXPECT_EQ(m.assessments[0].published, "令和 6 年 7 月 1 日");
    EXPECT_EQ(m.assessments[0].affair, "住民基本台帳に関する事務");
    EXPECT_EQ(m.assessments[1].number, "2");
    EXPECT_EQ(m.assessments[1].published, "令和 6 年 7 月 1 日");
}

// pdftotext's raw order of a national body's cover and section I (authored): a label of two lines
// with its value centred between them (個人情報保護委員会 承認日【行政機 | 令和 7 年 2 月 19 日 | 関等のみ】),
// a required item's ※ on a line of its own after its label, and a selection whose bracket, choice,
// option list and closer stand in cells of their own ([ | 実施する | ＜選択肢＞ … | ]) under two labels
// stacked. Each value is read from its own label.
TEST(LayoutRowsForm, ALabelAroundItsValueAMarkAloneAndASelectionInCellsOfItsOwn) {
    const std::string text =
        "特定個人情報保護評価書（全項目評価書）\n"
        "\n"
        "評価書番号\n"
        "\n"
        "7\n"
        "\n"
        "評価書名\n"
        "\n"
        "農業給付金の支給に関する事務 全項目評価書\n"
        "\n"
        "評価実施機関名\n"
        "\n"
        "わかば庁長官\n"
        "\n"
        "個人情報保護委員会 承認日【行政機\n"
        "\n"
        "令和 7 年 2 月 19 日\n"
        "\n"
        "関等のみ】\n"
        "公表日\n"
        "\n"
        "令和 7 年 3 月 10 日\n"
        "\n"
        "Ⅰ 基本情報\n"
        "１．特定個人情報ファイルを取り扱う事務\n"
        "①事務の名称\n"
        "農業給付金の支給に関する事務\n"
        "５．個人番号の利用\n"
        "法令上の根拠\n"
        "\n"
        "※\n"
        "番号法第 9 条第 1 項 別表第 152 項\n"
        "\n"
        "６．情報提供ネットワークシステムによる情報連携\n"
        "①実施の有無\n"
        "②法令上の根拠\n"
        "\n"
        "[\n"
        "\n"
        "実施する\n"
        "\n"
        "＜選択肢＞\n"
        "1) 実施する\n"
        "2) 実施しない\n"
        "3) 未定\n"
        "\n"
        "]\n"
        "\n"
        "番号法第 19 条第 8 号及び主務省令第 2 条の表第 148 の項\n"
        "\n"
        "７．評価実施機関における担当部署\n"
        "①部署\n"
        "わかば庁就農支援部給付管理課\n"
        "②所属長の役職名\n"
        "給付管理課長\n";
    const Assessment a = read_text_one(text, "wakaba-raw.txt");
    EXPECT_EQ(a.organization, "わかば庁長官");
    EXPECT_EQ(a.published, "令和 7 年 3 月 10 日");                              // not the approval's date
    EXPECT_EQ(a.individual_number_basis, "番号法第 9 条第 1 項 別表第 152 項");  // no ※
    EXPECT_EQ(a.linkage.status, "実施する");
    EXPECT_NE(a.linkage.basis.find("番号法第 19 条第 8 号"), std::string::npos);
    EXPECT_EQ(a.department, "わかば庁就農支援部給付管理課");
}

}  // namespace
}  // namespace piagraph

// A form printed with a narrow label column (tests/fixtures/layout/hagi-narrow-labels-layout.txt,
// authored): labels wrap onto a second line beside their values (評価実施機 | 関名, ① システム | の名称,
// ③ 他のシス | テムとの接続 [ ○ ] …, ⑥ 事務担当 | 部署 whose tail is a label of its own), a sheet's
// marks stand in a column of their own with the unmarked options bare, and the table's column titles
// 項目 | 内容 stand atop every page. Each value is read from its whole label.
TEST(LayoutRowsForm, LabelsWrappedBesideTheirValuesAndMarksInAColumnOfTheirOwn) {
    const Assessment a = read_one("hagi-narrow-labels-layout.txt");
    EXPECT_EQ(a.organization, "架空県はぎ市長");
    EXPECT_EQ(a.affair, "介護保険に関する事務");
    ASSERT_EQ(a.systems.size(), 2u);
    EXPECT_EQ(a.systems[0].name, "介護保険システム");
    EXPECT_EQ(a.systems[0].connections, (std::vector<std::string>{"庁内連携システム", "宛名システム等"}));
    EXPECT_EQ(a.systems[1].name, "中間サーバー");
    EXPECT_EQ(a.systems[1].connections, (std::vector<std::string>{"情報提供ネットワークシステム", "宛名システム等"}));
    ASSERT_EQ(a.files.size(), 1u);
    EXPECT_EQ(a.files[0].department, "健康福祉部介護保険課");
    ASSERT_EQ(a.files[0].sources.size(), 2u);
    EXPECT_EQ(a.files[0].sources[0].kind, "本人又は本人の代理人");
    EXPECT_EQ(a.files[0].sources[1].kind, "行政機関・独立行政法人等");
    EXPECT_EQ(a.files[0].sources[1].detail, "日本年金機構");
    ASSERT_EQ(a.files[0].provisions.size(), 1u);
    EXPECT_EQ(a.files[0].provisions[0].recipient, "日本年金機構");
}

// A sheet sets an entry's header in the row of its first field (システム1 | ①システムの名称 | 国民年金
// システム): the rebuilt row keeps both labels apart, and the system is read with its name.
TEST(LayoutRowsForm, AnEntrysHeaderBesideItsFirstField) {
    const std::string text = sakura_with("システム1\n①システムの名称                  国民年金システム",
                                         "システム1     ①システムの名称     国民年金システム");
    const Document source = decode_document(text, "entry-beside-field.txt");
    const auto rows = rows_from_layout(source);
    ASSERT_TRUE(rows.has_value());
    const auto row = std::find_if(rows->lines.begin(), rows->lines.end(),
                                  [](const std::string& l) { return l.starts_with("システム1\t"); });
    ASSERT_NE(row, rows->lines.end());
    EXPECT_EQ(*row, "システム1\t①システムの名称\t国民年金システム");
    const Model m = extract_document(source);
    ASSERT_EQ(m.assessments.size(), 1u);
    ASSERT_FALSE(m.assessments[0].systems.empty());
    EXPECT_EQ(m.assessments[0].systems[0].name, "国民年金システム");
}

// The なのはな probe in pdftotext's raw order (tests/fixtures/probes/nanohana): 提供・移転の有無's count
// printed a piece a line (（ | 3 | ） | 件) is one count again, and 提供先1 takes the name below it, not
// the count above it.
TEST(LayoutRowsColumnFlow, AnEntryTakesItsNameNotTheCountAboveIt) {
    const Model m = extract_file(probe_text("nanohana", "pdftotext"));
    ASSERT_EQ(m.assessments.size(), 1u);
    ASSERT_FALSE(m.assessments[0].files.empty());
    std::vector<std::string> recipients;
    for (const Flow& f : m.assessments[0].files[0].provisions) recipients.push_back(f.recipient);
    ASSERT_FALSE(recipients.empty());
    EXPECT_EQ(recipients[0], "番号法第19条第8号に基づく主務省令第2条の表の第一欄に掲げる者（別紙1を参照）");
    for (const std::string& r : recipients) EXPECT_EQ(r.find("件"), std::string::npos) << r;
}

// The つつじ probe (a Writer table of item | label | value, tests/fixtures/probes/tsutsuji) in
// pdftotext's raw order: the item ７．他の評価実施機 | 関, its tail set a block further, is a heading,
// not the department's value; 提供先３'s header holds the tail of the value above (で）) and its
// recipient stands on the next line.
TEST(LayoutRowsForm, AWrappedItemsStartAndARecipientAfterTheTailAbove) {
    const Model m = extract_file(probe_text("tsutsuji", "pdftotext"));
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(a.department, "健康福祉部こども未来課");
    ASSERT_FALSE(a.files.empty());
    std::vector<std::string> recipients;
    for (const Flow& f : a.files[0].provisions) recipients.push_back(f.recipient);
    EXPECT_NE(std::find(recipients.begin(), recipients.end(), "個人情報保護委員会"), recipients.end());
    EXPECT_EQ(std::find(recipients.begin(), recipients.end(), "で）"), recipients.end());
}

// The ゆず probe (the PPC's Word template for 基礎, printed by Writer, tests/fixtures/probes/yuzu) in
// pdftotext -layout: each label stands in the middle of its row, the rows set apart by blank lines.
// Where labels at the top would read as well (each row ending where a paragraph does), the blank
// lines tell the rows apart: ③システムの名称 takes the two names above it, 実施の有無 the marked box
// above it (one box and its option: a selection's, not a checkbox group's line), and the numbered
// line of the basis that quotes 個人番号の利用 is no heading of its own.
TEST(LayoutRowsForm, CentredLabelsAndRowsSetApartByBlankLines) {
    const Model m = extract_file(probe_text("yuzu", "layout"));
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(system_names(a),
              (std::vector<std::string>{"国民健康保険システム（標準準拠システム）", "団体内統合宛名システム",
                                        "中間サーバー", "国保情報集約システム", "医療保険者等向け中間サーバー等"}));
    EXPECT_EQ(a.linkage.status, "実施する");
    EXPECT_TRUE(a.individual_number_basis.starts_with("１．行政手続における")) << a.individual_number_basis;
    EXPECT_NE(a.individual_number_basis.find("ゆず村条例第 21 号"), std::string::npos) << a.individual_number_basis;
}

// The みかん probe (a 広域連合's sheet, tests/fixtures/probes/mikan) in pdftotext -layout: each page's
// section title stands vertically in the first column, a character a line (Ⅱ | 特 | 定 | 個 | 人 …),
// beside the labels. Those characters are no part of the rows: ②入手方法 keeps its boxes, and the
// transfer's recipient is read.
TEST(LayoutRowsForm, ASectionTitleStackedInTheFirstColumn) {
    const Model m = extract_file(probe_text("mikan", "layout"));
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    ASSERT_EQ(a.files.size(), 1u);
    const auto& methods = a.files[0].methods;
    for (const char* method : {"専用線", "情報提供ネットワークシステム"})
        EXPECT_NE(std::find(methods.begin(), methods.end(), method), methods.end()) << method;
    std::vector<std::string> recipients;
    for (const Flow& f : a.files[0].transfers) recipients.push_back(f.recipient);
    EXPECT_NE(std::find(recipients.begin(), recipients.end(), "事務局給付課（保健事業担当）"), recipients.end());
}

// The ぶどう probe (an old edition typed in Writer without tables, tests/fixtures/probes/budou) as
// mutool writes it: each system's header after a list number that repeats its own ((1) システム 1).
// Each system's ③他のシステムとの接続 is read.
TEST(LayoutRowsForm, SystemsAfterTheirListNumbers) {
    const Model m = extract_file(probe_text("budou", "mutool"));
    ASSERT_EQ(m.assessments.size(), 2u);
    const Assessment& a = m.assessments[0];
    ASSERT_EQ(a.systems.size(), 6u);
    EXPECT_EQ(a.systems[0].connections,
              (std::vector<std::string>{"庁内連携システム", "宛名システム等", "税務システム"}));
    EXPECT_EQ(a.systems[0].other, (std::vector<std::string>{"国保連介護伝送システム"}));
    EXPECT_EQ(a.systems[3].connections, (std::vector<std::string>{"庁内連携システム", "既存住民基本台帳システム"}));
    EXPECT_EQ(a.systems[3].other, (std::vector<std::string>{"中間サーバー", "介護保険システム"}));
}

// The りんご probe (a prefecture's 全項目, tests/fixtures/probes/ringo) in pdftotext -layout: 別添1
// groups its steps under numbered titles of the office's own, one of them ４．情報の提供・移転. It
// names no item of II under the form's title (特定個人情報の提供・移転): the steps after it are read.
TEST(LayoutRowsForm, AnnexStepsUnderATitleLikeAnItemOfII) {
    const Model m = extract_file(probe_text("ringo", "layout"));
    ASSERT_EQ(m.assessments.size(), 1u);
    std::vector<std::string> labels;
    for (const Step& s : m.assessments[0].attachment1_steps) labels.push_back(s.label);
    for (const char* label : {"4-①", "4-②", "4-③", "5-①"})
        EXPECT_NE(std::find(labels.begin(), labels.end(), label), labels.end()) << label;
}

// The なし probe (the PPC's Excel template for 基礎, tests/fixtures/probes/nashi) in pdftotext
// -layout: each item's title stands in a column of its own, beside the middle of the item's rows
// (１．特定個人情報ファイルを取り扱う事務 between two lines of ②事務の概要's value), and each label in
// the middle of its value. The rows after the title may leave their first lines to the row above
// it: ③システムの名称 takes the names set above it, and a numbered line of ②'s value set in under
// the title is no item of its own.
TEST(LayoutRowsForm, AnItemsTitleBesideTheMiddleOfItsRows) {
    const Model m = extract_file(probe_text("nashi", "layout"));
    ASSERT_EQ(m.assessments.size(), 3u);
    EXPECT_EQ(system_names(m.assessments[0]),
              (std::vector<std::string>{"健康管理システム", "団体内統合宛名システム", "中間サーバー",
                                        "ワクチン接種記録システム（VRS）"}));
}

// The なつめ probe (a wide sheet shrunk to the page, tests/fixtures/probes/natsume) in pdftotext
// -layout: the title of item 4 (委託), a cell merged down the item's rows, is printed once, in the
// middle of them, between 委託事項2's ② and ③ (the rest of ②'s option list after it). It opens
// nothing: 委託事項2 goes on, and its ③委託先名 is its contractor.
TEST(LayoutRowsForm, AnItemsTitleAmidAnEntrysRows) {
    const Model m = extract_file(probe_text("natsume", "layout"));
    ASSERT_EQ(m.assessments.size(), 1u);
    ASSERT_EQ(m.assessments[0].files.size(), 1u);
    const auto& entrustments = m.assessments[0].files[0].entrustments;
    ASSERT_EQ(entrustments.size(), 3u);
    EXPECT_EQ(entrustments[1].contractor, "株式会社なつめビジネスフォーム");
    EXPECT_EQ(entrustments[1].resubcontract, std::optional<bool>(false));
}

// The あんず probe (tests/fixtures/probes/anzu) in pdftotext -layout: 別添1 holds two diagrams, each
// followed by its (備考), set beside the title of its steps. The arrows of the second diagram are
// labelled ⑩ … ⑯ amid its boxes, after the first remarks' steps: they stand apart from the column
// of the steps' labels and are no steps. Each step is read once, from its remarks.
TEST(LayoutRowsForm, TwoDiagramsEachWithItsRemarks) {
    const Model m = extract_file(probe_text("anzu", "layout"));
    ASSERT_EQ(m.assessments.size(), 1u);
    std::vector<std::string> labels;
    for (const Step& s : m.assessments[0].attachment1_steps) labels.push_back(s.label);
    for (const char* label : {"①", "③", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮", "⑯"})
        EXPECT_EQ(std::count(labels.begin(), labels.end(), label), 1) << label;
}

// The つばき probe (the PPC's Excel template, tests/fixtures/probes/tsubaki) in pdfminer's order: its
// 項目一覧 lists １．特定個人情報ファイル名 under II and III, each before another item's title. In
// the list no title labels a value (one that did ended the list, and its （別添２） 変更箇所 then
// parted the cover from the body): the cover and the body are one assessment.
TEST(LayoutRowsForm, AListOfItemsPairsNoTitleWithAValue) {
    const Model m = extract_file(probe_text("tsubaki", "pdfminer"));
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(a.number, "12");
    EXPECT_EQ(a.organization, "架空県つばき市長");
    EXPECT_EQ(a.form, "重点項目評価書");
    EXPECT_EQ(a.systems.size(), 7u);
}

// The same probe in pdftotext's raw order, its 項目一覧's numerals apart from their titles (Ⅲ |
// 特定個人情報ファイル記録項目 | リスク対策): no line of the list takes the first value of section I,
// which stays ①事務の名称's.
TEST(LayoutRowsForm, AListOfItemsTakesNoValueOfTheBody) {
    const auto rows = rows_from_layout(load_document(probe_text("tsubaki", "pdftotext")));
    ASSERT_TRUE(rows.has_value());
    const auto affair = std::find_if(rows->lines.begin(), rows->lines.end(),
                                     [](const std::string& l) { return l.find("事務の名称\t") != std::string::npos; });
    ASSERT_NE(affair, rows->lines.end());
    EXPECT_TRUE(affair->ends_with("事務の名称\t障害者総合支援法による自立支援給付の支給に関する事務")) << *affair;
}

// The もも probe (a Word document typed without tables) in mutool's order, which parts a cell's lines
// by blank lines: 提供・移転の有無's ☐行って | | いない is one option, and いない no recipient of
// 提供先１, whose recipient stays its own.
TEST(LayoutRowsForm, AnOptionsRestAfterABlankLine) {
    const Model m = extract_file(probe_text("momo", "mutool"));
    ASSERT_EQ(m.assessments.size(), 1u);
    ASSERT_FALSE(m.assessments[0].files.empty());
    const auto& provisions = m.assessments[0].files[0].provisions;
    ASSERT_FALSE(provisions.empty());
    EXPECT_EQ(provisions[0].recipient, "主務省令第 2 条の表の第一欄に掲げる者（情報照会者）");
}

// 基礎's ③システムの名称 one name a paragraph, as mutool and pdfminer part every line of a cell by a
// blank line: the names are one list; a list written in a sentence (names parted by 、) ends at its
// paragraph, as any value does. Text authored for this test.
TEST(LayoutRowsForm, ListedSystemNamesOneAParagraph) {
    std::string text =
        "特定個人情報保護評価書（基礎項目評価書）\n\n評価書番号\n\n4\n\n評価書名\n\n健康診査に関する事務 "
        "基礎項目評価書\n\n"
        "評価実施機関名\n\n架空町長\n\n公表日\n\n令和7年4月1日\n\nⅠ "
        "関連情報\n\n１．特定個人情報ファイルを取り扱う事務\n\n"
        "①事務の名称\n健康診査に関する事務\n\n②事務の概要\n健康増進法に基づき、健康診査の事務を行う。\n\n"
        "③システムの名称\n健康管理システム\n\n団体内統合宛名システム\n\n中間サーバー\n\n"
        "２．特定個人情報ファイル名\n\n健康診査ファイル\n\n３．個人番号の利用 ※\n\n法令上の根拠\n"
        "番号法第9条第1項 別表第14項\n\n４．情報提供ネットワークシステムによる情報連携 ※\n\n①実施の有無\n"
        "[ 実施する ]\n\n②法令上の根拠\n番号法第19条第8号\n\n５．評価実施機関における担当部署\n\n①部署\n"
        "健康推進課\n\n②所属長の役職名\n健康推進課長\n";
    const std::vector<System> systems = read_text_one(text, "listed-names.txt").systems;
    ASSERT_EQ(systems.size(), 3u);
    EXPECT_EQ(systems[2].name, "中間サーバー");
}

// The すみれ probe (a sheet whose cells keep Calc's default alignment, tests/fixtures/probes/sumire)
// in pdftotext -layout: each label at the foot of its value, except a checkbox group's, which a
// sheet sets a row a line with its label in the first (the group's top). The rows read at the foot
// with the groups at their top: the affair is its name alone, each entry's recipient is its name.
TEST(LayoutRowsForm, LabelsAtTheFootAndCheckboxGroupsAtTheirTop) {
    const auto path = test::source_dir() / "tests" / "fixtures" / "probes" / "sumire" / "sumire-layout.txt";
    const Model m = extract_file(path.string());
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(a.affair, "児童扶養手当の支給に関する事務");
    EXPECT_EQ(a.linkage.status, "実施する");
    ASSERT_FALSE(a.files.empty());
    std::vector<std::string> recipients;
    for (const Flow& f : a.files[0].provisions) recipients.push_back(f.recipient);
    EXPECT_NE(std::find(recipients.begin(), recipients.end(), "管内町村長"), recipients.end());
    ASSERT_FALSE(a.systems.empty());
    EXPECT_FALSE(a.systems[0].connections.empty());
}

// An entry's header and its name in one cell with a full-width space between (委託事項1　国民年金
// システムの保守, a sheet's title row): the header, then the name as its value.
TEST(LayoutRowsForm, AnEntrysNameAfterAFullWidthSpace) {
    const std::string text =
        sakura_with("委託事項1                        国民年金システムの保守", "委託事項1　国民年金システムの保守");
    const auto rows = rows_from_layout(decode_document(text, "entry-wide-space.txt"));
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(line(*rows, 52), "委託事項1\t国民年金システムの保守");
}

// The たちばな probe in pdftotext's raw order (tests/fixtures/probes/tachibana): 提供先8 alone on its
// line, then its name 個人情報保護委員会, which also starts the cover's label 個人情報保護委員会承認日
// 【行政機関等のみ】. After an entry's header it is the name: the entry does not take the ⑦ value above.
TEST(LayoutRowsForm, AnEntrysNameThatStartsALabel) {
    const auto path = test::source_dir() / "tests" / "fixtures" / "probes" / "tachibana" / "tachibana-pdftotext.txt";
    const Model m = extract_file(path.string());
    ASSERT_EQ(m.assessments.size(), 1u);
    std::vector<std::string> recipients;
    for (const FileBlock& f : m.assessments[0].files)
        for (const Flow& p : f.provisions) recipients.push_back(p.recipient);
    EXPECT_NE(std::find(recipients.begin(), recipients.end(), "個人情報保護委員会"), recipients.end());
    EXPECT_EQ(std::find(recipients.begin(), recipients.end(), "必要が生じた都度"), recipients.end());
}

// pdftotext's raw order of a narrow label column: a label's head, its value, then the label's tail
// (① システム | 介護保険システム | の名称), and a tail with the value's next line after it (③ 他のシス
// | [ ] … | テムとの接続 [ ○ ] 庁内連携システム).
TEST(LayoutRowsForm, ALabelsTailAfterItsValueInTheRawOrder) {
    const std::string text =
        "特定個人情報保護評価書（全項目評価書）\n"
        "評価書番号\n"
        "12\n"
        "評価書名\n"
        "介護保険に関する事務 全項目評価書\n"
        "評価実施機関名\n"
        "架空県こがね市長\n"
        "公表日\n"
        "令和7年4月1日\n"
        "Ⅰ 基本情報\n"
        "１．特定個人情報ファイルを取り扱う事務\n"
        "①事務の名称\n"
        "介護保険に関する事務\n"
        "２．特定個人情報ファイルを取り扱う事務において使用するシステム\n"
        "システム 1\n"
        "① システム\n"
        "\n"
        "介護保険システム\n"
        "\n"
        "の名称\n"
        "② システム\n"
        "\n"
        "介護保険の資格管理を行う。\n"
        "\n"
        "の機能\n"
        "③ 他のシス\n"
        "\n"
        "[ ] 情報提供ネットワークシステム\n"
        "\n"
        "テムとの接続 [ ○ ] 庁内連携システム\n"
        "[ ] 住民基本台帳ネットワークシステム\n"
        "[ ○ ] 宛名システム等\n"
        "システム 2\n"
        "① システム\n"
        "\n"
        "中間サーバー\n"
        "\n"
        "の名称\n"
        "② システム\n"
        "\n"
        "情報照会及び情報提供を行う。\n"
        "\n"
        "の機能\n"
        "７．評価実施機関における担当部署\n"
        "①部署\n"
        "健康福祉部介護保険課\n"
        "②所属長の役職名\n"
        "介護保険課長\n";
    const Assessment a = read_text_one(text, "kogane-raw.txt");
    ASSERT_EQ(a.systems.size(), 2u);
    EXPECT_EQ(a.systems[0].name, "介護保険システム");
    EXPECT_EQ(a.systems[0].functions, "介護保険の資格管理を行う。");
    EXPECT_EQ(a.systems[1].name, "中間サーバー");
    EXPECT_EQ(a.systems[0].connections, (std::vector<std::string>{"庁内連携システム", "宛名システム等"}));
}

// The くこ probe (two 基礎 in one workbook, imitating the PPC's Excel template; tests/fixtures/probes/
// kuko) in pdftotext -layout: each item's title wrapped in a narrow first column beside the middle of
// its rows, the labels set in beside it and centred on their values. The rows go on past a title
// that stands amid a value (②事務の概要's lines on both sides of 1.'s title), 2. 特定個人情報ファイル名
// labels the names above and below it, and ②所属長の役職名 at its row's foot takes the line above it.
TEST(LayoutRowsForm, ItemTitlesInANarrowColumnBesideCentredLabels) {
    const Model m = extract_file(probe_text("kuko", "layout"));
    ASSERT_EQ(m.assessments.size(), 2u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(system_names(a), (std::vector<std::string>{"介護保険システム（標準準拠システム）", "住民記録システム",
                                                         "団体内統合宛名システム", "中間サーバー"}));
    EXPECT_EQ(a.file_names, (std::vector<std::string>{"介護保険被保険者台帳ファイル", "介護保険受給者台帳ファイル"}));
    EXPECT_EQ(a.linkage.status, "実施する");
    EXPECT_EQ(a.department, "保健福祉課");
    EXPECT_TRUE(a.individual_number_basis.starts_with("・行政手続における")) << a.individual_number_basis;
    const Assessment& b = m.assessments[1];
    EXPECT_EQ(b.systems.size(), 4u);
    EXPECT_EQ(b.file_names, (std::vector<std::string>{"後期高齢者医療関連情報ファイル"}));
    EXPECT_EQ(b.department, "住民生活課");
}

// The same workbook converted by pdftotext in its raw order: the second assessment prints its labels
// (②事務の概要 | ③システムの名称, ①部署 | ②所属長の役職名) before their values. Its systems are the four
// names after the summary, and each department is read from the first value after its labels.
TEST(LayoutRowsForm, ItemTitlesInANarrowColumnInRawOrder) {
    const Model m = extract_file(probe_text("kuko", "pdftotext"));
    ASSERT_EQ(m.assessments.size(), 2u);
    EXPECT_EQ(m.assessments[0].department, "保健福祉課");
    const Assessment& b = m.assessments[1];
    EXPECT_EQ(system_names(b), (std::vector<std::string>{"後期高齢者医療システム（標準準拠システム）",
                                                         "後期高齢者医療広域連合電算処理システム（市町村窓口端末）",
                                                         "団体内統合宛名システム", "中間サーバー"}));
    EXPECT_EQ(b.department, "住民生活課");
}

// A title printed as a row of its own over its item's rows, with no blank line around it (a word
// processor's full-width title row), still ends the rows above it: the name of the file under 3.
// 特定個人情報ファイル名 is no part of the basis of the next item (the いちご probe, -layout).
TEST(LayoutRowsForm, ATitleRowOfItsOwnEndsTheRowsAboveIt) {
    const Model m = extract_file(probe_text("ichigo", "layout"));
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(a.file_names, (std::vector<std::string>{"障害福祉サービス等受給者ファイル"}));
    EXPECT_TRUE(a.individual_number_basis.starts_with("・番号法第9条第1項")) << a.individual_number_basis;
}

}  // namespace
}  // namespace piagraph
