// The shared helpers of the extract stage on small inputs: every checkbox spelling, option groups,
// counts, names and definitions.
#include <gtest/gtest.h>

#include <map>

#include "../../src/extract/common.hpp"
#include "../../src/extract/line_repairs.hpp"
#include "../../src/extract/markdown/reader.hpp"
#include "../../src/extract/table_text.hpp"

namespace piagraph::extract_detail {
namespace {

// What a conversion adds to a line: emphasis opening a cell (tab, pipe and HTML rows, a row that
// lost its tab), an entry's number apart from its word. Emphasis amid a value is the text's own.
TEST(RepairedLine, EmphasisAndEntryNumbers) {
    EXPECT_EQ(repaired_line("**①システムの名称**\t既存住民基本台帳システム"),
              std::optional<std::string>("①システムの名称\t既存住民基本台帳システム"));
    EXPECT_EQ(repaired_line("| **システム1** | |"), std::optional<std::string>("| システム1 | |"));
    EXPECT_EQ(repaired_line("<tr><td>**③他のシステムとの接続**</td><td>[○] 税務システム</td></tr>"),
              std::optional<std::string>("<tr><td>③他のシステムとの接続</td><td>[○] 税務システム</td></tr>"));
    EXPECT_EQ(repaired_line("**①事務の名称**　架空税に関する事務"),
              std::optional<std::string>("①事務の名称　架空税に関する事務"));
    EXPECT_EQ(repaired_line(" 提供先　2～5"), std::optional<std::string>(" 提供先2～5"));
    EXPECT_EQ(repaired_line("**システム 3**\t"), std::optional<std::string>("システム3\t"));
    EXPECT_FALSE(repaired_line("②システムの機能\t住民の**異動**を記録する").has_value());
    EXPECT_FALSE(repaired_line("システム 上の制約により").has_value());
    EXPECT_FALSE(repaired_line("**").has_value());
    EXPECT_EQ(repaired_line("③他のシステムとの接続\t\\[○\\] 庁内連携システム \\[ \\] 税務システム"),
              std::optional<std::string>("③他のシステムとの接続\t[○] 庁内連携システム [ ] 税務システム"));
    EXPECT_EQ(repaired_line("1\\. 基本情報 \\\\ a\\|b"), std::optional<std::string>("1. 基本情報 \\ a\\|b"));
    EXPECT_FALSE(repaired_line("C:\\work\\a.txt").has_value());
    EXPECT_EQ(repaired_line("①システムの名称：\t既存住民基本台帳システム"),
              std::optional<std::string>("①システムの名称\t既存住民基本台帳システム"));
    EXPECT_EQ(repaired_line("| 評価書番号: | 3 |"), std::optional<std::string>("| 評価書番号 | 3 |"));
    EXPECT_FALSE(repaired_line("②システムの機能\t時刻 12:00 に連携する：").has_value());
    // Numeric character references, but for those of markup and those that name no character.
    EXPECT_EQ(repaired_line("③他のシステムとの接続\t[&#9675;] 庁内連携システム [&#x25a1;]"),
              std::optional<std::string>("③他のシステムとの接続\t[○] 庁内連携システム [□]"));
    EXPECT_FALSE(repaired_line("&#60;選択肢&#62; &#x3C;p&#x3e; &#9675").has_value());
    // A definition list's marker (pandoc: the term, then ": value"), and an empty definition.
    EXPECT_EQ(repaired_line(": 既存住民基本台帳システム"), std::optional<std::string>("既存住民基本台帳システム"));
    EXPECT_EQ(repaired_line("~ 3"), std::optional<std::string>("3"));
    EXPECT_EQ(repaired_line(": "), std::optional<std::string>(""));
    EXPECT_FALSE(repaired_line("12:00 に連携する").has_value());
    EXPECT_FALSE(repaired_line(":00").has_value());
    // Boxes written against their options (pdftotext -raw drops a line's spaces), apart again;
    // a selection in brackets is no box and stays as written.
    EXPECT_EQ(
        repaired_line("③他のシステムとの接続 []情報提供ネットワークシステム[○]庁内連携システム[]"),
        std::optional<std::string>("③他のシステムとの接続 [] 情報提供ネットワークシステム [○] 庁内連携システム []"));
    EXPECT_EQ(repaired_line("①入手元\t［○］本人　[ ]紙"), std::optional<std::string>("①入手元\t［○］ 本人　[ ] 紙"));
    EXPECT_FALSE(repaired_line("②対象となる本人の数\t[10万人以上100万人未満]<選択肢>").has_value());
    EXPECT_FALSE(repaired_line("[ ○ ] 紙 [ ] 電子記録媒体").has_value());
    EXPECT_FALSE(repaired_line("&#xD800; &#99999999; &#; &#x; &#12a;").has_value());
    // A table's dashed rule is no text; a dash in a value stays.
    EXPECT_EQ(repaired_line("  ----------------------------------------  ----------"), std::optional<std::string>(""));
    EXPECT_EQ(repaired_line("---"), std::optional<std::string>(""));
    EXPECT_FALSE(repaired_line("- 12 -").has_value());
    EXPECT_FALSE(repaired_line("①事務の名称\t---").has_value());
}

// The tail of the value above, which a raw conversion set after the next entry's header, is cut
// off at the closing bracket that closes nothing; a text whose brackets all pair stays whole.
TEST(DanglingTail, CutAtTheCloserWithoutItsOpener) {
    EXPECT_EQ(without_dangling_tail("で） 個人情報保護委員会"), "個人情報保護委員会");
    EXPECT_EQ(without_dangling_tail("で）"), "");
    EXPECT_EQ(without_dangling_tail("伴うものを除く。)"), "");
    EXPECT_EQ(without_dangling_tail("市町村長（介護保険法（平成9年法律第123号）による事務）"),
              "市町村長（介護保険法（平成9年法律第123号）による事務）");
    EXPECT_EQ(without_dangling_tail("日本年金機構"), "日本年金機構");
}

// Tags become spaces and the references of markup their characters, named or numbered alike: they
// are text once the tags are gone (＜選択肢＞ written &#60;選択肢&#62; is the option list's marker).
// The dashes a form writes for "nothing here", in any width; a name holding a dash is a name.
TEST(DashOnly, DashesAndSpacesOnly) {
    for (const char* dash : {"—", " ― ", "－", "-", "ー", "— —", "\u2212"}) EXPECT_TRUE(is_dash_only(dash)) << dash;
    for (const char* text : {"", "  ", "架空県知事", "A-1", "—なし"}) EXPECT_FALSE(is_dash_only(text)) << text;
}

TEST(StripHtml, TagsAndTheReferencesOfMarkup) {
    EXPECT_EQ(strip_html("<div>[ ○ ] 紙</div><div>&lt;選択肢&gt;</div>"), "[ ○ ] 紙 <選択肢>");
    EXPECT_EQ(strip_html("&#60;選択肢&#62; 1) 実施する &#x3C;p&#x3E; A&#38;B &amp;nbsp;"),
              "<選択肢> 1) 実施する <p> A&B &nbsp;");
}

// Boxes printed as glyphs, as word-processor forms print them, in the brackets the form prints; a
// glyph amid a word is the word's.
TEST(BoxGlyphs, AreWrittenAsBracketedBoxes) {
    EXPECT_EQ(box_glyphs_as_brackets("■紙 □ 電子メール ☑ 専用線 ☐フラッシュメモリ ☒ その他"),
              "[○] 紙 [ ] 電子メール [○] 専用線 [ ] フラッシュメモリ [○] その他");
    EXPECT_EQ(box_glyphs_as_brackets("記号■は選択を表す"), "記号■は選択を表す");
    EXPECT_EQ(box_glyphs_as_brackets("[ ○ ] 紙"), "[ ○ ] 紙");
    EXPECT_EQ(box_glyphs_as_brackets(""), "");
}

// A table a converter wrote on one line gives a line per row; a table nested in a cell stays in
// its row; a line of one row is left to make_row.
TEST(TableRows, OfATableOnOneLine) {
    EXPECT_EQ(table_rows_of("<table><tr><td>①事務の名称</td><td>架空税に関する事務</td></tr>"
                            "<TR><td>②事務の内容</td><td>賦課</td></TR></table>"),
              (std::vector<std::string>{"<tr><td>①事務の名称</td><td>架空税に関する事務</td></tr>",
                                        "<TR><td>②事務の内容</td><td>賦課</td></TR>"}));
    EXPECT_EQ(table_rows_of("表1<table><tr><td>a</td><td><table><tr><td>x</td></tr><tr><td>y</td></tr></table>"
                            "</td></tr><tr><td>b</td></tr></table>注"),
              (std::vector<std::string>{
                  "表1<table>", "<tr><td>a</td><td><table><tr><td>x</td></tr><tr><td>y</td></tr></table></td></tr>",
                  "<tr><td>b</td></tr>", "</table>注"}));
    EXPECT_TRUE(table_rows_of("<tr><td>①事務の名称</td><td>架空税に関する事務</td></tr>").empty());
    EXPECT_TRUE(table_rows_of("<track> <trx>").empty());
}

// An item's title merged into the label cell of the row under it: the title, then the row from the
// label on. A value that opens with a number, or a title with nothing after it, is left alone.
TEST(TableRows, TitleMergedWithTheFirstLabel) {
    EXPECT_EQ(titled_label_rows("| 4. 個人番号の利用 ※ 法令上の根拠 | 番号法第9条第1項 別表第24項 |"),
              (std::vector<std::string>{"4. 個人番号の利用 ※", "| 法令上の根拠 | 番号法第9条第1項 別表第24項 |"}));
    EXPECT_EQ(titled_label_rows("6. 評価実施機関における担当部署 ①部署\t総務部税務課"),
              (std::vector<std::string>{"6. 評価実施機関における担当部署", "①部署\t総務部税務課"}));
    EXPECT_TRUE(titled_label_rows("| 3. 特定個人情報ファイル名 | 介護保険ファイル |").empty());
    EXPECT_TRUE(titled_label_rows("①法令上の根拠\t番号法第19条第8号").empty());
    EXPECT_TRUE(titled_label_rows("\t1. 統合宛名管理機能 ①システムの名称").empty());
}

// An item's title printed in a column of its own beside its labels, wrapped over that column's
// lines: the whole title on a line of its own, its pieces blanked out where they stood (a line left
// empty is dropped); a title wrapped onto a line of its tail (pdftotext's raw order) is joined.
// Pieces that join into no title of the form, and a title alone on its line, are left alone.
TEST(TableRows, TitleInAColumnOfItsOwn) {
    const std::vector<std::string> laid_out{"1．特定個人情報ファイル ①事務の名称   架空税に関する事務",
                                            "を取り扱う事務      ②事務の内容   課税の事務",
                                            "             ③対象人数    ［ 1万人未満 ］",
                                            "\f2．特定個人情報ファイル システム1",
                                            "を取り扱う事務において使 ①システムの名称   税務システム",
                                            "用するシステム",
                                            "4．個人番号の利用 ※   法令上の根拠     番号法第9条"};
    const auto rows = title_column_rows(laid_out);
    ASSERT_EQ(rows.size(), 6U);
    EXPECT_EQ(rows.at(0), (std::vector<std::string>{"1．特定個人情報ファイルを取り扱う事務",
                                                    "             ①事務の名称   架空税に関する事務"}));
    EXPECT_EQ(rows.at(1), (std::vector<std::string>{"             ②事務の内容   課税の事務"}));
    EXPECT_EQ(rows.at(3), (std::vector<std::string>{"\f2．特定個人情報ファイルを取り扱う事務において使用するシステム",
                                                    "             システム1"}));
    EXPECT_EQ(rows.at(4)[0].find("①システムの名称"), 13U);
    EXPECT_TRUE(rows.at(5).empty());  // the title's tail alone: dropped
    EXPECT_EQ(rows.at(6),
              (std::vector<std::string>{"4．個人番号の利用 ※", "              法令上の根拠     番号法第9条"}));

    EXPECT_EQ(title_column_rows({"1．特定個人情報ファイル", "を取り扱う事務", "①事務の名称"}),
              (std::map<size_t, std::vector<std::string>>{{0, {"1．特定個人情報ファイルを取り扱う事務"}}, {1, {}}}));
    // pdftotext's raw order sets every cell at the margin: what is left of a line stays there.
    EXPECT_EQ(title_column_rows({"2．特定個人情報ファイル システム1", "を取り扱う事務において使 ①システムの名称",
                                 "用するシステム", "②システムの機能"}),
              (std::map<size_t, std::vector<std::string>>{
                  {0, {"2．特定個人情報ファイルを取り扱う事務において使用するシステム", "システム1"}},
                  {1, {"①システムの名称"}},
                  {2, {}}}));
    // A cell of the labels' column set between a title's lines in that order.
    EXPECT_EQ(title_column_rows(
                  {"5．情報提供ネットワーク ①実施の有無", "［ 実施する ］", "システムによる情報連携 ※", "＜選択肢＞"}),
              (std::map<size_t, std::vector<std::string>>{
                  {0, {"5．情報提供ネットワークシステムによる情報連携 ※", "①実施の有無"}}, {2, {}}}));
    EXPECT_TRUE(title_column_rows({"1．特定個人情報ファイルを取り扱う事務", "①事務の名称 架空税に関する事務"}).empty());
    EXPECT_TRUE(title_column_rows({"1．資格関係事務 届出を受理する", "を取り扱う事務"}).empty());
    EXPECT_TRUE(title_column_rows({"2．特定個人情報ファイル ①ファイルの種類", "の取扱い"}).empty());
    EXPECT_TRUE(title_column_rows({"             1．特定個人情報ファイル", "を取り扱う事務 ①事務の名称"}).empty());
}

// An item's number that a sheet prints in a column of its own, apart from its title: the number
// with its full stop. A table's numbered row is no item title.
// The typographic spaces pdfminer writes between a PDF's words (U+2003 before a mark) are spaces.
TEST(RepairedLine, TypographicSpaces) {
    EXPECT_EQ(repaired_line("☐ 情報提供ネットワークシステム\u2003☒ 庁内連携システム"),
              std::optional<std::string>("☐ 情報提供ネットワークシステム ☒ 庁内連携システム"));
    EXPECT_EQ(repaired_line("a\u2002b\u2009c\u200Ad"), std::optional<std::string>("a b c d"));
    EXPECT_FALSE(repaired_line("見出し\u2015線\u2010").has_value());  // dashes, no spaces
}

TEST(RepairedLine, ItemNumberApartFromItsTitle) {
    EXPECT_EQ(repaired_line("１   特定個人情報ファイル名"), std::optional<std::string>("１．特定個人情報ファイル名"));
    EXPECT_EQ(repaired_line("4     特定個人情報ファイルの取扱いの委託"),
              std::optional<std::string>("4.特定個人情報ファイルの取扱いの委託"));
    EXPECT_FALSE(repaired_line("1      個人番号").has_value());
    EXPECT_FALSE(repaired_line("123 特定個人情報ファイル名").has_value());
    EXPECT_FALSE(repaired_line("１．特定個人情報ファイル名").has_value());
}

// Numbers printed in a column of their own, which pdftotext's raw order writes a line before their
// labels: each opens its label's line again; its own line and the blank ones after it give way (a
// page's form feed goes with the number). A column of numbers (１ | ２ | 基本情報) says nothing of which
// title is whose, and a number before a line that is no label of the form stays.
TEST(NumbersJoined, ANumberAloneOnItsLineOpensItsLabel) {
    const std::vector<std::string> lines{
        "①",  "",         "事務の名称", "児童手当に関する事務", "\f3", "特定個人情報ファイル名", "１", "",
        "２", "基本情報", "4",          "児童手当システム"};
    EXPECT_EQ(numbers_joined(lines),
              (std::map<size_t, std::vector<std::string>>{
                  {0, {}}, {1, {}}, {2, {"①事務の名称"}}, {4, {}}, {5, {"\f3.特定個人情報ファイル名"}}}));
    EXPECT_TRUE(numbers_joined({"1", "児童手当システム", "- 2 -", "①システムの名称"}).empty());
    // An entry's number in column A, on a line before its word: the entry's header (委託事項2).
    EXPECT_EQ(numbers_joined({"2", "", "委託事項", "資格確認書等の作成及び発送業務"}),
              (std::map<size_t, std::vector<std::string>>{{0, {}}, {1, {}}, {2, {"委託事項2"}}}));
}

// A label that its narrow cell wrapped, which pdftotext's raw order writes around the row's value:
// the label whole before its value, the next line without the label's rest. A first line that is a
// label already, a rest that makes no label, and a physical layout's columns stay.
TEST(CutLabelsJoined, ALabelsRestAfterItsValueJoinsIt) {
    EXPECT_EQ(cut_labels_joined({"⑤提供する情報の対象とな 介護保険の被保険者であった者", "る本人の範囲", "⑥提供方法"}),
              (std::map<size_t, std::string>{{0, "⑤提供する情報の対象となる本人の範囲 介護保険の被保険者であった者"},
                                             {1, ""}}));
    EXPECT_EQ(cut_labels_joined({"④提供する情報の対象とな", "る本人の数 ※"}),
              (std::map<size_t, std::string>{{0, "④提供する情報の対象となる本人の数"}, {1, "※"}}));
    EXPECT_TRUE(cut_labels_joined({"①事務の名称 介護保険に関する事務", "る本人の範囲"}).empty());
    EXPECT_TRUE(cut_labels_joined({"⑤提供する情報の対象とな 被保険者", "住民基本台帳"}).empty());
    EXPECT_TRUE(cut_labels_joined({"⑤提供する情報の対象とな     被保険者", "る本人の範囲"}).empty());
    EXPECT_TRUE(cut_labels_joined({"⑤提供する情報の対象とな 被保険者", "   る本人の範囲"}).empty());
    EXPECT_TRUE(cut_labels_joined({"③他のシステムとの [ ] 税務システム", "接続        [ ○ ] 宛名システム等"}).empty());
    EXPECT_TRUE(cut_labels_joined({"④移転する情報の対 ＜選択肢＞", "象となる本人の数 1) 1万人未満"}).empty());
}

// Boxes whose brackets a PDF drew as lines, in pdftotext's raw order: a mark alone on its line, then
// (past blank lines and the choice's label) an option alone on its line, is that option's box marked;
// the options near it are its unmarked boxes. A mark before prose, an option with a further box on
// its line, and options far from any mark stay.
TEST(MarksJoined, AMarkAloneBeforeItsOptionBoxesIt) {
    const std::vector<std::string> lines{"○",
                                         "",
                                         "①入手元 ※",
                                         "",
                                         "本人又は本人の代理人",
                                         "評価実施機関内の他部署",
                                         "○",
                                         "その他 （ 架空県国民健康保険団体連合会 ）",
                                         "③入手の時期・頻度",
                                         "○",
                                         "届出の都度"};
    EXPECT_EQ(marks_joined(lines),
              (std::map<size_t, std::string>{{0, ""},
                                             {4, "[ ○ ] 本人又は本人の代理人"},
                                             {5, "[ ] 評価実施機関内の他部署"},
                                             {6, ""},
                                             {7, "[ ○ ] その他 （ 架空県国民健康保険団体連合会 ）"}}));
    EXPECT_TRUE(marks_joined({"○", "地方公共団体・地方独立行政法人（他市区町村） ☐ 民間事業者（ ）"}).empty());
    EXPECT_TRUE(marks_joined({"紙", "電子メール", "専用線"}).empty());
    // A page's form feed stays on the mark's line.
    EXPECT_EQ(marks_joined({"\f○", "紙"}), (std::map<size_t, std::string>{{0, "\f"}, {1, "[ ○ ] 紙"}}));
    // And on the options' lines, marked or not.
    EXPECT_EQ(marks_joined({"○", "\f紙", "\f専用線"}),
              (std::map<size_t, std::string>{{0, ""}, {1, "\f[ ○ ] 紙"}, {2, "\f[ ] 専用線"}}));
}

// An entry's header in a cell merged over its rows, which pdftotext's raw order writes amid them:
// the header goes up to its name, the line above the entry's ①; the header's line is emptied. A
// header with its name below it, or with ① below it, is at the top of its entry and stays.
TEST(CentredEntryHeadersMoved, AHeaderAmidItsRowsGoesToItsName) {
    const std::vector<std::string> lines{"他市町村長",
                                         "①法令上の根拠",
                                         "番号法第19条第8号",
                                         "④提供する情報の対象とな ［ 1万人以上10万人未満 ］",
                                         "\f提供先1",
                                         "",
                                         "＜選択肢＞",
                                         "1) 1万人未満",
                                         "⑤提供する情報の対象とな 転出した者",
                                         "⑦時期・頻度"};
    EXPECT_EQ(centred_entry_headers_moved(lines),
              (std::map<size_t, std::string>{{0, "提供先1 他市町村長"}, {4, "\f"}}));
    // Its name right below it: the header opens its entry (pdfminer's order puts the entry before's
    // last row after it).
    EXPECT_TRUE(centred_entry_headers_moved({"市町村長", "①法令上の根拠", "番号法", "[ ] 紙", "移転先1", "健康福祉課",
                                             "⑦時期・頻度", "都度", "①法令上の根拠"})
                    .empty());
    // ① below it.
    EXPECT_TRUE(
        centred_entry_headers_moved({"市町村長", "①法令上の根拠", "番号法", "提供先2", "①法令上の根拠"}).empty());
    // A header with its name on its line, and a system's header (its name is ①'s value).
    EXPECT_TRUE(centred_entry_headers_moved({"市町村長", "①法令上の根拠", "提供先1 県知事", "⑤範囲"}).empty());
    EXPECT_TRUE(centred_entry_headers_moved({"宛名", "①システムの名称", "システム1", "③他のシステムとの接続"}).empty());
}

// A count of entries that pdftotext's raw order wrote a piece a line, blank lines between: one count
// on the first piece's line (its form feed kept), the others empty. A bracket alone that opens a
// detail, and pieces too far apart, stay.
TEST(CountPiecesJoined, ACountAPieceALineIsOneCount) {
    EXPECT_EQ(count_pieces_joined({"移転を行っている", "\f（", "", "3", "", "）", "", "件", "提供先1"}),
              (std::map<size_t, std::string>{{1, "\f（ 3 ） 件"}, {3, ""}, {5, ""}, {7, ""}}));
    EXPECT_EQ(count_pieces_joined({"（ 2 ）", "件"}), (std::map<size_t, std::string>{{0, "（ 2 ） 件"}, {1, ""}}));
    EXPECT_TRUE(count_pieces_joined({"（", "", "国保情報集約システム", "）"}).empty());
    EXPECT_TRUE(count_pieces_joined({"（", "", "", "", "3", "）", "件"}).empty());
    EXPECT_TRUE(count_pieces_joined({"（ 2 ）件"}).empty());
}

// A box's option that the narrow cell cut, its rest on the next line with text: the option whole on
// its box's line (with the （detail） that closes after the rest), the next line without it. A word
// that opens no option, a rest that does not complete it, an option already whole, and a rest set at
// a physical layout's column (its rows rebuilt from the columns join it) stay.
TEST(CutOptionsJoined, AnOptionCutByTheLineEndIsWholeOnItsBoxsLine) {
    EXPECT_EQ(cut_options_joined({"☐紙", "☑その", "", "他（庁内連携システム）", "⑦ 時期・頻度"}),
              (std::map<size_t, std::string>{{1, "☑その他（庁内連携システム）"}, {3, ""}}));
    EXPECT_EQ(
        cut_options_joined({"■ 地方公共団体・地方独", "立行政法人 （ 他市区町村 ） □ 民間事業者"}),
        (std::map<size_t, std::string>{{0, "■ 地方公共団体・地方独立行政法人 （ 他市区町村 ）"}, {1, "□ 民間事業者"}}));
    EXPECT_EQ(cut_options_joined({"⑥移転方法 ■ 庁内連携システ", "\fム"}),
              (std::map<size_t, std::string>{{0, "⑥移転方法 ■ 庁内連携システム"}, {1, "\f"}}));
    EXPECT_EQ(cut_options_joined({"【○】その", "他（電子申請システム）"}),
              (std::map<size_t, std::string>{{0, "【○】その他（電子申請システム）"}, {1, ""}}));
    EXPECT_TRUE(cut_options_joined({"    ■ 庁内連携システ", "    ム"}).empty());
    EXPECT_TRUE(cut_options_joined({"☑その", "ほかの事務"}).empty());
    EXPECT_TRUE(cut_options_joined({"☑紙", "他（庁内連携システム）"}).empty());
    EXPECT_TRUE(cut_options_joined({"住民の", "他"}).empty());
    EXPECT_TRUE(cut_options_joined({"☑その", "", "", "", "他"}).empty());
}

// ①実施の有無's boxes read into ②法令上の根拠's value: the boxes with their options, and the basis
// after them (glued to the last option, as pdftotext joined the lines). A value that opens with text,
// or with a box of no option of the group, is no choice.
TEST(LeadingBoxedChoice, TheBoxesOfAChoiceBeforeTheText) {
    const auto choice =
        leading_boxed_choice("【○】実施する 【】実施しない 【】未定番号法第19条第7号", "linkage_status");
    ASSERT_TRUE(choice.has_value());
    EXPECT_EQ(choice->first, "【○】実施する 【】実施しない 【】未定");
    EXPECT_EQ(choice->second, "番号法第19条第7号");
    EXPECT_EQ(selected_option(choice->first, "linkage_status"), std::optional<std::string>("実施する"));
    const auto squares = leading_boxed_choice("[ ] 実施する [ ○ ] 実施しない －", "linkage_status");
    ASSERT_TRUE(squares.has_value());
    EXPECT_EQ(squares->second, "－");
    EXPECT_FALSE(leading_boxed_choice("番号法第19条第8号 [○] 実施する", "linkage_status").has_value());
    EXPECT_FALSE(leading_boxed_choice("[○] 紙 番号法", "linkage_status").has_value());
}

// An entry's number before its word on the same line (1    委託事項    item): the word with its number,
// the spaces after both so the item keeps its column. A number before other words stays.
TEST(RepairedLine, EntryNumberBeforeItsWord) {
    EXPECT_EQ(repaired_line("1    委託事項             広域連合電算処理システムの運用保守業務"),
              std::optional<std::string>("委託事項1" + std::string(4, ' ') + std::string(13, ' ') +
                                         "広域連合電算処理システムの運用保守業務"));
    EXPECT_EQ(repaired_line("12   提供先   市町村長"),
              std::optional<std::string>("提供先12   " + std::string(3, ' ') + "市町村長"));
    EXPECT_FALSE(repaired_line("1    委託事項の概要").has_value());
}

// An assessment-writing tool's output: entry headers in brackets (the name after one, set apart as a
// sheet's title cell writes it) and headings and entry headers after a mark (■システム１, as a
// clerk sets apart each entry's table). A checked box before an option stays, as do brackets around
// other text.
TEST(RepairedLine, AToolsBracketedEntriesAndMarkedHeadingsAndEntries) {
    EXPECT_EQ(repaired_line("〔システム１〕"), std::optional<std::string>("システム１"));
    EXPECT_EQ(repaired_line("〔委託事項１〕介護保険システムの運用保守業務"),
              std::optional<std::string>("委託事項１\u3000介護保険システムの運用保守業務"));
    EXPECT_EQ(repaired_line("■Ⅰ　基本情報"), std::optional<std::string>("Ⅰ　基本情報"));
    EXPECT_EQ(repaired_line("◆１．特定個人情報ファイルを取り扱う事務"),
              std::optional<std::string>("１．特定個人情報ファイルを取り扱う事務"));
    EXPECT_FALSE(repaired_line("    ■ 庁内連携システム").has_value());
    EXPECT_EQ(repaired_line("■システム１"), std::optional<std::string>("システム１"));
    EXPECT_EQ(repaired_line("■提供先１     市町村長"), std::optional<std::string>("提供先１     市町村長"));
    EXPECT_FALSE(repaired_line("□ 宛名システム等").has_value());
    EXPECT_FALSE(repaired_line("〔変更箇所１〕").has_value());
    EXPECT_FALSE(repaired_line("【情報照会】番号法第19条第8号").has_value());
}

// An entry's header after a list number that repeats its own, as a clerk types a form that lost
// its table: the header without it. A list number that differs, or a numbered line that opens no
// entry, stays.
TEST(RepairedLine, EntryHeaderAfterItsListNumber) {
    EXPECT_EQ(repaired_line("    (1) システム 1"), std::optional<std::string>("    システム1"));
    EXPECT_EQ(repaired_line("（２）委託事項２"), std::optional<std::string>("委託事項２"));
    EXPECT_EQ(repaired_line("3. 提供先 3"), std::optional<std::string>("提供先3"));
    EXPECT_FALSE(repaired_line("(1) システム 3").has_value());
    EXPECT_FALSE(repaired_line("(1) システムの概要").has_value());
    EXPECT_FALSE(repaired_line("(6) 情報提供ネットワークシステムによる情報連携").has_value());
}

// A field's number in a column of its own beside its label (①   事務の名称   value, a sheet's column
// A): the number opens the label again, and the spaces go after the label so the value keeps its
// column. Text that is no label of the form stays apart.
TEST(RepairedLine, FieldNumberApartFromItsLabel) {
    EXPECT_EQ(repaired_line("①   事務の名称           介護保険に関する事務"),
              std::optional<std::string>("①事務の名称              介護保険に関する事務"));
    EXPECT_EQ(repaired_line("  ②   部署"), std::optional<std::string>("  ②部署   "));
    EXPECT_FALSE(repaired_line("①   介護保険システム").has_value());
}

// 基礎's ③システムの名称 lists a system a line; where its lines were joined, the names run together
// and are cut after each name's end that a further name follows. One name with brackets, a name
// ending in 等 or going on after ・ stays whole.
TEST(ExtractCommon, SystemsListedALineAndRunTogether) {
    const auto names = [](const std::string& value) {
        std::vector<std::string> out;
        for (const System& s : listed_systems(value, 1)) out.push_back(s.name);
        return out;
    };
    EXPECT_EQ(names("後期高齢者医療広域連合電算処理システム（窓口端末）住民情報システム団体内統合宛名システム"),
              (std::vector<std::string>{"後期高齢者医療広域連合電算処理システム（窓口端末）", "住民情報システム",
                                        "団体内統合宛名システム"}));
    EXPECT_EQ(names("既存住民基本台帳システム（以下「既存住基システム」という。）"),
              (std::vector<std::string>{"既存住民基本台帳システム（以下「既存住基システム」という。）"}));
    EXPECT_EQ(names("宛名システム等、中間サーバー・プラットフォーム"),
              (std::vector<std::string>{"宛名システム等", "中間サーバー・プラットフォーム"}));
    // The last name ends otherwise: three names at least make a list; サーバ | ー is サーバー.
    EXPECT_EQ(names("障害者福祉システム団体内統合宛名システム中間サーバー庁内連携システム（基盤）電子申請機能"),
              (std::vector<std::string>{"障害者福祉システム", "団体内統合宛名システム", "中間サーバー",
                                        "庁内連携システム（基盤）", "電子申請機能"}));
    EXPECT_EQ(names("住民基本台帳システム連携サーバ機能"),
              (std::vector<std::string>{"住民基本台帳システム連携サーバ機能"}));
    EXPECT_EQ(names("既存住民基本台帳システムから連携サーバを経由して宛名システムに送る。").size(), 1u);
    // A name a line, each after a bullet (its lines joined); a middle dot inside a name stays.
    EXPECT_EQ(names("・健康管理システム ・中間サーバー・プラットフォーム ・庁内連携システム"),
              (std::vector<std::string>{"健康管理システム", "中間サーバー・プラットフォーム", "庁内連携システム"}));
}

// An entry whose header came again (a sheet's merged 委託事項1 cell printed anew after a page
// break, a table converted twice) is one entry: the later part fills what the first lacks.
TEST(ExtractCommon, EntriesNumberedAlikeOneAfterAnotherAreOne) {
    const auto entrustment = [](const char* no, const char* item, const char* contractor) {
        Entrustment e;
        e.no = no;
        e.item = item;
        e.contractor = contractor;
        return e;
    };
    const auto provision = [](const char* no, const char* recipient, const char* basis) {
        Flow p;
        p.no = no;
        p.recipient = recipient;
        p.basis = basis;
        return p;
    };
    FileBlock f;
    f.entrustments = {entrustment("1", "システムの運用保守", ""), entrustment("1", "その妥当性", "株式会社かえで情報"),
                      entrustment("2", "印刷", "かえで印刷株式会社"), entrustment("2", "印刷", "かえで印刷株式会社")};
    f.provisions = {provision("1", "他の市区町村長", ""), provision("1", "", "番号法第19条第8号"),
                    provision("2", "架空県知事", "")};
    merge_repeated_entries(f);
    ASSERT_EQ(f.entrustments.size(), 2u);
    EXPECT_EQ(f.entrustments[0].item, "システムの運用保守");
    EXPECT_EQ(f.entrustments[0].contractor, "株式会社かえで情報");
    EXPECT_EQ(f.entrustments[1].contractor, "かえで印刷株式会社");
    ASSERT_EQ(f.provisions.size(), 2u);
    EXPECT_EQ(f.provisions[0].recipient, "他の市区町村長");
    EXPECT_EQ(f.provisions[0].basis, "番号法第19条第8号");
    EXPECT_EQ(f.provisions[1].recipient, "架空県知事");
}

// A name that names no one: a time (the entry before's ⑦), 提供・移転の有無's option with its box lost
// or cut, a count's option, no word. A body's or a department's name names one.
TEST(ExtractCommon, NamesThatNameNoOne) {
    for (const char* nothing : {"", " - 19 - ", "住民票の記載を行った都度", "随時", "行っていない", "］ 行っていない",
                                "☐ 行っていない", "1万人以上10万人未満"})
        EXPECT_TRUE(names_nothing(nothing)) << nothing;
    for (const char* name : {"架空県知事", "健康福祉部国保年金課", "地方公共団体情報システム機構"})
        EXPECT_FALSE(names_nothing(name)) << name;
}

// A party is named by a company's marker or a body's name, or by an organisation's or a department's
// ending; a sentence, a method's description, a label or a box names none.
TEST(ExtractCommon, NamesOfParties) {
    for (const char* party : {"わかばシステムズ株式会社", "株式会社架空システム", "架空県国民健康保険団体連合会",
                              "健康福祉部国保年金課", "日本年金機構", "架空県知事"})
        EXPECT_TRUE(names_a_party(party)) << party;
    for (const char* none : {"", "（", "委託契約書及び町ホームページの入札・契約結果により確認",
                             "一般競争入札の結果として公表している。東日本ビジネスフォーム株式会社",
                             "再委託 ⑦再委託の有無 ※", "[ 再委託する ]", "照会があった都度"})
        EXPECT_FALSE(names_a_party(none)) << none;
}

// A header a conversion wrote twice (pdfminer), the first beside the entry before's time: the
// later header's name is the entry's, and its fields fill the first's.
TEST(ExtractCommon, ARepeatedHeadersNameReplacesOneThatNamesNoOne) {
    FileBlock f;
    Flow first, again;
    first.no = again.no = "2";
    first.recipient = "住民票の記載、消除、記載の修正を行った都度";
    again.recipient = "地方公共団体情報システム機構";
    again.basis = "住基法第14条";
    f.provisions = {first, again};
    merge_repeated_entries(f);
    ASSERT_EQ(f.provisions.size(), 1u);
    EXPECT_EQ(f.provisions[0].recipient, "地方公共団体情報システム機構");
    EXPECT_EQ(f.provisions[0].basis, "住基法第14条");
}

// A "1. 特定個人情報ファイル名" printed again after a block's first fields took the value after the run
// of labels for the names: a block named by a sentence or a count's options is the block before,
// read on. Blocks named as files stay apart.
TEST(ExtractCommon, ABlockNamedBySentencesIsTheBlockBefore) {
    const auto block = [](std::string name, const char* storage) {
        FileBlock f;
        f.names = {std::move(name)};
        f.storage = storage;
        return f;
    };
    std::vector<FileBlock> files{
        block("国民健康保険ファイル", ""),
        block("国民健康保険法に基づき、被保険者の資格管理を行うためには、被保険者の情報を保有する必要がある。",
              "施錠可能な書庫に保管する。"),
        block("万人以上1,000万人未満 5) 1,000万人以上", "電算室に保管する。"), block("本人確認情報ファイル", "")};
    merge_repeated_files(files);
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].names, std::vector<std::string>{"国民健康保険ファイル"});
    EXPECT_EQ(files[0].storage, "施錠可能な書庫に保管する。");
    EXPECT_EQ(files[1].names, std::vector<std::string>{"本人確認情報ファイル"});
    // The first block keeps its names, whatever they are: there is no block before it.
    std::vector<FileBlock> alone{block("保有する必要がある。", "")};
    merge_repeated_files(alone);
    EXPECT_EQ(alone.size(), 1u);
}

// pdfminer's name after the ① label, read as the basis: a flow with no name takes a basis that
// cites no article and reads as a name. A basis citing an article, a sentence, or a flow with its
// name keep theirs.
TEST(ExtractCommon, ABasisThatIsANameIsTheRecipient) {
    const auto flow = [](const char* recipient, const char* basis) {
        Flow f;
        f.recipient = recipient;
        f.basis = basis;
        f.basis_loc = Loc::at(12);
        return f;
    };
    Flow named = flow("", "架空県知事");
    name_from_basis(named);
    EXPECT_EQ(named.recipient, "架空県知事");
    EXPECT_EQ(named.basis, "");
    EXPECT_FALSE(named.basis_loc.known());
    Flow timed = flow("課税資料を受け付けた都度", "厚生労働大臣又は日本年金機構");
    name_from_basis(timed);
    EXPECT_EQ(timed.recipient, "厚生労働大臣又は日本年金機構");
    for (Flow kept : {flow("", "番号法第19条第8号"), flow("国税庁長官", "架空県知事"),
                      flow("", "主務省令で定める事務を行うため。")}) {
        const Flow before = kept;
        name_from_basis(kept);
        EXPECT_EQ(kept.recipient, before.recipient);
        EXPECT_EQ(kept.basis, before.basis);
    }
}

// A grid table's rows, their cells wrapped over several lines, each joined on its first line as a
// pipe row; the rules and the rows' other lines left empty, so that every line keeps its number.
TEST(GridTables, RowsJoinedOnTheirFirstLine) {
    const std::vector<std::string> lines = {"+------------+----------------+", "| ①システム  | 既存住民基本台 |",
                                            "| の名称     | 帳システム     |", "+============+================+",
                                            "| ②システム  | version 2      |", "|            | release        |",
                                            "+------------+----------------+", "本文"};
    const auto rows = grid_table_rows(lines);
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(*rows, (std::vector<std::string>{"", "| ①システムの名称 | 既存住民基本台帳システム |", "", "",
                                               "| ②システム | version 2 release |", "", "", "本文"}));
    const std::vector<std::string> prose = {"+5 と -3 の和", "| 表ではない |"};
    EXPECT_FALSE(grid_table_rows(prose).has_value());
}

// HTML rows written a cell a line are joined on the line of their <tr>; a row left open joins nothing.
TEST(HtmlRows, WrittenACellALine) {
    const std::vector<std::string> lines = {
        "<table>", "  <tr>", "    <td>①事務の名称</td>", "    <td>架空税に", "関する事務</td>",
        "  </tr>", "  <tr>", "    <td>開いたまま</td>",  "</table>"};
    const auto joined = joined_html_rows(lines);
    ASSERT_TRUE(joined.has_value());
    EXPECT_EQ(*joined, (std::vector<std::string>{"<table>", "<tr><td>①事務の名称</td><td>架空税に 関する事務</td></tr>",
                                                 "", "", "", "", "  <tr>", "    <td>開いたまま</td>", "</table>"}));
    EXPECT_FALSE(joined_html_rows({"<tr><td>a</td></tr>", "<tr><td>b</td></tr>"}).has_value());
    const auto upper = joined_html_rows({"<TR>", "<TD>①事務の名称</TD>", "</TR>", "<TR><TD>b</TD></TR>"});
    ASSERT_TRUE(upper.has_value());
    EXPECT_EQ(*upper, (std::vector<std::string>{"<TR><TD>①事務の名称</TD></TR>", "", "", "<TR><TD>b</TD></TR>"}));
}

// A pipe table without its outer pipes: its header row, delimiter row and body rows up to a blank
// line are framed; a line with a pipe elsewhere, and markdown's rule (---), are not.
TEST(PipeTables, RowsWithoutTheirOuterPipes) {
    const std::vector<std::string> lines = {
        "評価書番号 | 評価書名", "---|:---:", "5 | 架空税に関する事務", "②法令上の根拠 | ", "", "a | b", "---", "本文"};
    const auto framed = framed_pipe_rows(lines);
    ASSERT_TRUE(framed.has_value());
    EXPECT_EQ(*framed,
              (std::vector<std::string>{"| 評価書番号 | 評価書名 |", "| ---|:---: |", "| 5 | 架空税に関する事務 |",
                                        "| ②法令上の根拠 |", "", "a | b", "---", "本文"}));
    EXPECT_FALSE(framed_pipe_rows({"| a | b |", "|---|---|", "| 1 | 2 |"}).has_value());
    EXPECT_FALSE(framed_pipe_rows({"a | b", "--|--"}).has_value());
}

// A spreadsheet saved as CSV: each record a tab row on its first line, a quoted cell's line breaks
// and doubled quotes undone, the record's other lines left empty; the same for Excel's
// tab-separated text, where only quoted cells change. A text that is neither is left alone.
TEST(SpreadsheetRecords, CsvAndQuotedCells) {
    const std::vector<std::string> csv = {"特定個人情報保護評価書（全項目評価書）,,",
                                          "①事務の名称,架空税に関する事務,",
                                          "②事務の内容 ※,\"賦課、徴収",
                                          "（\"\"架空税\"\"）\",",
                                          "③対象人数,\"[1,000人以上1万人未満]\",",
                                          "①システムの名称,架空税システム,",
                                          "②システムの機能,\"a,b\",",
                                          "③他のシステムとの接続,[○] 庁内連携システム,",
                                          "⑥事務担当部署,\"市民課,\t"};  // a quote that never closes
    const auto rows = spreadsheet_records(csv);
    ASSERT_TRUE(rows.has_value());
    EXPECT_EQ(*rows, (std::vector<std::string>{
                         "特定個人情報保護評価書（全項目評価書）\t\t", "①事務の名称\t架空税に関する事務\t",
                         "②事務の内容 ※\t賦課、徴収 （\"架空税\"）\t", "", "③対象人数\t[1,000人以上1万人未満]\t",
                         "①システムの名称\t架空税システム\t", "②システムの機能\ta,b\t",
                         "③他のシステムとの接続\t[○] 庁内連携システム\t", "⑥事務担当部署\t\"市民課\t "}));

    const std::vector<std::string> tsv = {"①事務の名称\t架空税に関する事務", "②事務の内容 ※\t\"賦課", "徴収\"",
                                          "③対象人数\t\"未閉じの引用"};
    const auto tab_rows = spreadsheet_records(tsv);
    ASSERT_TRUE(tab_rows.has_value());
    EXPECT_EQ(*tab_rows, (std::vector<std::string>{"①事務の名称\t架空税に関する事務", "②事務の内容 ※\t賦課 徴収", "",
                                                   "③対象人数\t\"未閉じの引用"}));

    EXPECT_FALSE(spreadsheet_records({"①事務の名称\t架空税に関する事務", "1,000人以上, 2,000人未満"}).has_value());
}

// A field number in what a font without ① gives for it: parenthesized, negative circled, sans-serif.
TEST(CircledNumber, TheGlyphsFontsGiveForIt) {
    EXPECT_EQ(circled_number("①事務の名称"), 1);
    EXPECT_EQ(circled_number("⑳"), 20);
    EXPECT_EQ(circled_number("㉑"), 21);
    EXPECT_EQ(circled_number("⑴事務の名称"), 1);
    EXPECT_EQ(circled_number("⒇"), 20);
    EXPECT_EQ(circled_number("❸"), 3);
    EXPECT_EQ(circled_number("➉"), 10);
    EXPECT_EQ(circled_number("➊"), 1);
    EXPECT_EQ(circled_number("※"), 0);
    EXPECT_EQ(circled_number("(1)"), 0);  // bracketed_number's
    const auto step = step_start("1-⑵異動届の内容を入力する");
    ASSERT_TRUE(step.has_value());
    EXPECT_EQ(step->label, "1-②");
}

TEST(MarkState, EveryCheckedSpelling) {
    for (const char* token : {"[○]", "[ ○ ]", "[〇]", "[ O ]", "【○】", "<input checked=\"\" type=\"checkbox\"/>",
                              "[<input checked=\"checked\" type=\"checkbox\"/>]",
                              "<input checked=\"\" type=\"radio\"/>", "<input type=\"radio\"/>", "■", "☑"})
        EXPECT_EQ(mark_state(token), std::optional<bool>(true)) << token;
}

TEST(MarkState, EveryUncheckedSpelling) {
    for (const char* token : {"[]", "[ ]", "【 】", "□", "<input type=\"checkbox\"/>", "[<input type=\"checkbox\"/>]"})
        EXPECT_EQ(mark_state(token), std::optional<bool>(false)) << token;
}

TEST(MarkState, WordsAreNotMarks) {
    for (const char* token : {"[実施する]", "紙", "", "○○課"}) EXPECT_FALSE(mark_state(token).has_value()) << token;
}

// Every text that holds a mark mark_state knows may hold one; prose holds none.
TEST(MayHoldMark, EveryMarkSpellingAndNoProse) {
    for (const char* text :
         {"[○] 紙", "十分である 【○】", "［　］ 紙", "○ 特に力を入れている", "〇 紙", "◎", "● 紙", "■紙", "□ 紙",
          "☑ 紙", "☐", "☒", "✓ 紙", "✔", "<input type=\"checkbox\"/> 紙", "&#9675; 紙"})
        EXPECT_TRUE(may_hold_mark(text)) << text;
    for (const char* text :
         {"", "特定個人情報の漏えいを防止するため、職員に研修を行っている。", "保管期間 5年", "○○課が管理する"})
        EXPECT_EQ(may_hold_mark(text), std::string_view(text).starts_with("○")) << text;
}

TEST(ReadChoices, MixedSpellingsInOneGroup) {
    const Choices c = read_choices(
        "[ ○ ] 紙 [] 電子記録媒体（フラッシュメモリを除く。） 【○】 フラッシュメモリ "
        "<input type=\"checkbox\"/> 電子メール [<input checked=\"\" type=\"checkbox\"/>] 専用線 [ ] その他 （ ）",
        "acquisition_methods");
    std::vector<std::string> labels;
    for (const auto& h : c.checked) labels.push_back(h.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"紙", "フラッシュメモリ", "専用線"}));
    EXPECT_FALSE(c.lost_marks);
}

TEST(ReadChoices, ColumnMajorDivsKeepEachMarkWithItsLabel) {
    // The mark sits in its own <div> before the label; その他（ and ） are split across columns.
    const Choices c = read_choices(
        "<div> <div><input type=\"checkbox\"/></div> <div>庁内連携システム</div> <div><input type=\"checkbox\"/></div> "
        "<div>その他（</div> </div> <div> <div><input checked=\"\" type=\"checkbox\"/></div> <div>紙</div> "
        "<div>)</div> </div>",
        "transfer_methods");
    ASSERT_EQ(c.checked.size(), 1u);
    EXPECT_EQ(c.checked[0].label, "紙");
}

TEST(ReadChoices, AliasMapsToStandardLabel) {
    const Choices c = read_choices(
        "<input checked=\"\" type=\"checkbox\"/> 市内連携システム <input type=\"checkbox\"/> 紙", "transfer_methods");
    ASSERT_EQ(c.checked.size(), 1u);
    EXPECT_EQ(c.checked[0].label, "庁内連携システム");
    EXPECT_EQ(c.checked[0].written, "市内連携システム");
}

TEST(ReadChoices, DetailsAndCountsWithoutMarksAreLostMarks) {
    const Choices c = read_choices("[] 提供を行っている （ 64 ） 件 [] 移転を行っている (17) 件 [] 行っていない",
                                   "provision_transfer");
    EXPECT_TRUE(c.checked.empty());
    EXPECT_TRUE(c.lost_marks);
    ASSERT_EQ(c.hits.size(), 3u);
    EXPECT_EQ(c.hits[0].count, std::optional<int>(64));
    EXPECT_EQ(c.hits[1].count, std::optional<int>(17));
    EXPECT_FALSE(c.hits[2].count.has_value());
}

TEST(ReadChoices, EmptyGroupIsNotLost) {
    const Choices c =
        read_choices("[] 提供を行っている () 件 [] 移転を行っている () 件 [] 行っていない", "provision_transfer");
    EXPECT_FALSE(c.lost_marks);
}

TEST(ReadChoices, NestedBracketsInADetail) {
    const Choices c = read_choices("[○] その他 （帳票システム、共通基盤(架空版)）", "connections");
    ASSERT_EQ(c.checked.size(), 1u);
    EXPECT_EQ(c.checked[0].detail, "帳票システム、共通基盤(架空版)");
}

// その他 checked without its （detail）, printed after the cell's last option, unchecked: the detail is
// その他's. An unchecked option's empty brackets, or a detail where その他 has its own, stay.
TEST(ReadChoices, TheDetailAfterTheLastOptionIsOthers) {
    const Choices c = read_choices(
        "［ ○ ］その他 ［ ］既存住民基本台帳システム ［ ］税務システム（ 支援システム、財務会計システム（県） ）",
        "connections");
    ASSERT_EQ(c.checked.size(), 1u);
    EXPECT_EQ(c.checked[0].detail, "支援システム、財務会計システム(県)");  // NFKC, as find_options reads
    const Choices own = read_choices("［ ○ ］その他（帳票システム） ［ ］税務システム", "connections");
    ASSERT_EQ(own.checked.size(), 1u);
    EXPECT_EQ(own.checked[0].detail, "帳票システム");
}

// Rows rebuilt from two columns of boxes set その他's detail after the right column's last box, checked
// or not, or leave its ")" elsewhere (the value ends inside the bracket). In ③ only その他 holds a
// detail; in 入手元 every option may, and a checked option's detail stays its own.
TEST(ReadChoices, OthersDetailAfterACheckedBoxOrOpenAtTheValuesEnd) {
    const Choices after_checked = read_choices(
        "［○］ その他 ［ ］ 庁内連携システム ［○］ 税務システム（中間サーバー、介護保険システム）", "connections");
    ASSERT_EQ(after_checked.checked.size(), 2u);
    EXPECT_EQ(after_checked.checked[0].detail, "中間サーバー、介護保険システム");
    EXPECT_EQ(after_checked.checked[1].detail, "");
    const Choices open_at_end = read_choices(
        "■ 庁内連携システム □ 税務システム） ■ その他（ 中間サーバー、国民健康保険システム", "connections");
    ASSERT_EQ(open_at_end.checked.size(), 2u);
    EXPECT_EQ(open_at_end.checked[1].detail, "中間サーバー、国民健康保険システム");
    const Choices sources = read_choices("［○］ その他 ［○］ 行政機関・独立行政法人等（日本年金機構）", "source_kinds");
    ASSERT_EQ(sources.checked.size(), 2u);
    EXPECT_EQ(sources.checked[0].detail, "");
    EXPECT_EQ(sources.checked[1].detail, "日本年金機構");
    // A bracket that other boxes follow, or a list cut after its separator (its rest on a line
    // below), is no detail left open.
    const Choices open_between = read_choices("［○］ その他（ ［ ］ 税務システム", "connections");
    ASSERT_EQ(open_between.checked.size(), 1u);
    EXPECT_EQ(open_between.checked[0].detail, "");
    const Choices cut_list = read_choices("［ ］ 税務システム ［○］ その他（団体内統合宛名システム、", "connections");
    ASSERT_EQ(cut_list.checked.size(), 1u);
    EXPECT_EQ(cut_list.checked[0].detail, "");
}

// A checkbox group headed by ＜選択肢＞, as a village's Word template prints it, its empty boxes
// widened where the printer justified the line: the boxed options are the group's, not the printed
// list of a choice, and a wide box is a box.
TEST(ReadChoices, BoxedOptionsAfterTheListsMarker) {
    const Choices c = read_choices(
        "＜選択肢＞ 【    】情報提供ネットワークシステム 【○】庁内連携システム "
        "【                      】住民 基本台帳ネットワークシステム 【○】宛名システム等",
        "connections");
    ASSERT_EQ(c.checked.size(), 2u);
    EXPECT_EQ(c.checked[0].label, "庁内連携システム");
    EXPECT_EQ(c.checked[1].label, "宛名システム等");
    EXPECT_EQ(c.hits.size(), 4u);  // the two empty boxes are read as unchecked
    // The printed list of a choice, unmarked, after the marker is still no value.
    EXPECT_EQ(selected_option("［実施しない］ ＜選択肢＞ 1) 実施する 2) 実施しない", "linkage_status"), "実施しない");
}

TEST(SelectedOption, BracketedValueNextToTheList) {
    EXPECT_EQ(selected_option("[実施しない] ＜選択肢＞ 1) 実施する 2) 実施しない 3) 未定", "linkage_status"),
              std::optional<std::string>("実施しない"));
}

// A laid-out page may set the value below the list's first line: after ＜選択肢＞ in the row.
TEST(SelectedOption, BracketedValueAfterTheListsMarker) {
    EXPECT_EQ(selected_option("＜選択肢＞ ［実施する］ 1) 実施する 2) 実施しない 3) 未定", "linkage_status"),
              std::optional<std::string>("実施する"));
}

// A sheet printed the marker's cell before the value's: the bare value between ＜選択肢＞ and the
// list's first number is the value; with none there, the list alone selects nothing.
TEST(SelectedOption, BareValueBetweenTheMarkerAndTheListsNumbers) {
    EXPECT_EQ(selected_option("＜選択肢＞実施する 1) 実施する 2) 実施しない 3) 未定", "linkage_status"),
              std::optional<std::string>("実施する"));
    EXPECT_FALSE(selected_option("＜選択肢＞ 1) 実施する 2) 実施しない 3) 未定", "linkage_status").has_value());
}

// A tool's single choice: the value, then its list in brackets on the same line.
TEST(SelectedOption, BareValueBeforeTheListInBrackets) {
    EXPECT_EQ(selected_option("実施する　（選択肢：1) 実施する　2) 実施しない　3) 未定）", "linkage_status"),
              std::optional<std::string>("実施する"));
}

TEST(SelectedOption, BareValueBeforeTheList) {
    EXPECT_EQ(
        selected_option("<div> <div>再委託しない</div> <div>＜選択肢＞ 1) 再委託する 2) 再委託しない</div> </div>",
                        "resubcontract_choice"),
        std::optional<std::string>("再委託しない"));
}

TEST(SelectedOption, LoneValueInFirstBlock) {
    EXPECT_EQ(selected_option("<div> <div> <input type=\"checkbox\"/> 再委託する </div> <div> <input "
                              "type=\"checkbox\"/> 再委託しない </div> </div>",
                              "resubcontract_choice"),
              std::optional<std::string>("再委託する"));
}

// A selection printed as its list with a mark before each option's number (■ 1) 実施する □ 2) …, as a
// sheet prints a single choice): the marked option.
TEST(SelectedOption, MarkedBeforeTheOptionsNumber) {
    EXPECT_EQ(selected_option("■ 1) 実施する □ 2) 実施しない □ 3) 未定", "linkage_status"),
              std::optional<std::string>("実施する"));
    EXPECT_EQ(selected_option("□ 1) 1,000人未満 ■ 2) 1,000人以上1万人未満", "population"),
              std::optional<std::string>("1,000人以上1万人未満"));
    EXPECT_FALSE(selected_option("□ 1) 実施する □ 2) 実施しない □ 3) 未定", "linkage_status").has_value());
}

TEST(SelectedOption, NothingSelectedIsNullopt) {
    EXPECT_FALSE(selected_option("[] 再委託する [] 再委託しない ＜選択肢＞ 1) 再委託する 2) 再委託しない",
                                 "resubcontract_choice")
                     .has_value());
    EXPECT_FALSE(selected_option("<div>＜選択肢＞</div> <div>1) 再委託する</div> <div>2) 再委託しない</div>",
                                 "resubcontract_choice")
                     .has_value());
}

TEST(SelectedOption, CheckedBoxWins) {
    EXPECT_EQ(selected_option("[] 委託する [○] 委託しない", "entrust_choice"),
              std::optional<std::string>("委託しない"));
}

TEST(ParseCount, Variants) {
    EXPECT_EQ(parse_count("<div>(7) 件</div>"), std::optional<int>(7));
    EXPECT_EQ(parse_count("（ １２ ） 件"), std::optional<int>(12));
    EXPECT_FALSE(parse_count("() 件").has_value());
    EXPECT_FALSE(parse_count("委託する").has_value());
    // A number too long to be a count (a damaged or fuzzed text) is none, not an exception.
    EXPECT_FALSE(parse_count("(99999999999) 件").has_value());
}

TEST(Names, SplitAndStatements) {
    EXPECT_EQ(split_names("保険システム、福祉システム,保健福祉システム"),
              (std::vector<std::string>{"保険システム", "福祉システム", "保健福祉システム"}));
    EXPECT_TRUE(is_statement("媒体等での連携のため、他システムとの接続はしていない。"));
    EXPECT_FALSE(is_statement("J-LIS証明書交付システム、住基ネットGWシステム"));
}

TEST(NormalizeName, SuffixesDefinitionsAndWidth) {
    EXPECT_EQ(normalize_name("個人住民税システム(税務システム内)"), "個人住民税システム");
    EXPECT_EQ(normalize_name("宛名システム（税務システム内）"), "宛名システム");
    EXPECT_EQ(normalize_name("住民基本台帳ネットワークシステム（以下「住基ネット」という。）"),
              "住民基本台帳ネットワークシステム");
    EXPECT_EQ(normalize_name("ＣＳ端末"), "CS端末");
}

TEST(Definitions, PerDocumentAliases) {
    const auto d = find_definitions({"地方共同法人地方税共同機構(以下「機構」という。)を経由して取り込む。",
                                     "住民基本台帳ネットワークシステム（以下「住基ネット」という。）"});
    EXPECT_EQ(d.at("機構"), "地方共同法人地方税共同機構");
    EXPECT_EQ(d.at("住基ネット"), "住民基本台帳ネットワークシステム");
}

TEST(Labels, KeyAndCircledNumber) {
    EXPECT_EQ(label_key("⑦再委託の有無 ※"), "再委託の有無");
    EXPECT_EQ(circled_number("⑦再委託の有無"), 7);
    EXPECT_EQ(circled_number("再委託"), 0);
}

// A list of files' names over the lines of a narrow cell: each line adds its names, and a line that
// finishes the last name's closing word (ファ | イル) or brings it whole (本人確認情報 | ファイル) joins it.
TEST(ExtractCommon, NamesOfFilesOverTheLinesOfANarrowCell) {
    EXPECT_EQ(parse_name_list("1. 滞納処分ファイル 2. 交渉記録ファイル"),
              (std::vector<std::string>{"滞納処分ファイル", "交渉記録ファイル"}));
    EXPECT_EQ(parse_name_list("イル 2. 本人確認情報"), (std::vector<std::string>{"イル", "本人確認情報"}));
    // Numbered in brackets, full-width or not; a bracketed number inside a name is none.
    EXPECT_EQ(parse_name_list("（1）予防接種台帳ファイル （2）任意予防接種費用助成ファイル"),
              (std::vector<std::string>{"予防接種台帳ファイル", "任意予防接種費用助成ファイル"}));
    EXPECT_EQ(parse_name_list("(1) 住民票ファイル (2) 附票ファイル"),
              (std::vector<std::string>{"住民票ファイル", "附票ファイル"}));
    EXPECT_EQ(parse_name_list("住民票ファイル(2)"), (std::vector<std::string>{"住民票ファイル(2)"}));
    std::vector<std::string> names;
    for (const char* line : {"1. 住民基本台帳ファ", "イル 2. 本人確認情報", "ファイル", "3. 附票ファイル"})
        append_name_line(names, line);
    EXPECT_EQ(names, (std::vector<std::string>{"住民基本台帳ファイル", "本人確認情報ファイル", "附票ファイル"}));
    // A whole name is not joined by the next one.
    names = {"住民基本台帳ファイル"};
    append_name_line(names, "ファイル管理台帳");
    EXPECT_EQ(names, (std::vector<std::string>{"住民基本台帳ファイル", "ファイル管理台帳"}));
}

// Rows asked for before the first line or after the last (a reader looking at the next line of the
// last one) have no cells; found by fuzz_extract (tests/fixtures/fuzz/fuzz_extract/).
TEST(MarkdownRows, NoRowOutsideTheDocument) {
    Document doc;
    doc.first_line = 3;
    doc.lines = {"①事務の名称\t架空税に関する事務", "架空税ファイ"};
    EXPECT_EQ(markdown::row_at(doc, 3).cells.size(), 2u);
    EXPECT_EQ(markdown::row_at(doc, 4).cells.size(), 1u);
    EXPECT_TRUE(markdown::row_at(doc, 5).cells.empty());
    EXPECT_TRUE(markdown::row_at(doc, 2).cells.empty());
}

// The end of a selection's option list, numbered or its number cut off, is told from a value.
TEST(ExtractCommon, OnlyListedOptions) {
    EXPECT_TRUE(only_listed_options("3) 未定", "linkage_status"));
    EXPECT_TRUE(only_listed_options("2) 実施しない 3) 未定", "linkage_status"));
    EXPECT_TRUE(only_listed_options("未定", "linkage_status"));
    EXPECT_FALSE(only_listed_options("番号法第19条第8号", "linkage_status"));
    EXPECT_FALSE(only_listed_options("1) 番号法第19条第8号", "linkage_status"));
    EXPECT_FALSE(only_listed_options("", "linkage_status"));
    // the first option's number cut off with the line above (1) | 1万人未満 2) …)
    EXPECT_TRUE(only_listed_options("1万人未満 2) 1万人以上10万人未満 3) 10万人以上100万人未満", "persons"));
    EXPECT_FALSE(only_listed_options("市町村長 2) 1万人以上10万人未満", "persons"));
}

// Pieces of a count's option list, which a raw order sets where a name is looked for: its options,
// and the tail of one its cell wrapped (1,000人以上1万人 | 未満); never a name.
TEST(ExtractCommon, CountOptionPieces) {
    EXPECT_TRUE(is_count_option_piece("未満"));
    EXPECT_TRUE(is_count_option_piece("人未満"));
    EXPECT_TRUE(is_count_option_piece("2) 1万人以上10万人未満"));
    EXPECT_FALSE(is_count_option_piece("市町村長"));
    EXPECT_FALSE(is_count_option_piece("介護保険システム"));
    EXPECT_FALSE(is_count_option_piece(""));
}

// A block for a range of entries (提供先２～４) names its recipients each after its number: one flow
// each, with the block's fields and numbers that run on. A block of one recipient is itself, and so
// is one whose recipient only holds a number amid its words.
TEST(FlowsOfEachRecipient, OneFlowEachWithTheBlocksFields) {
    Flow block;
    block.recipient = "① 他の市区町村長 ② 都道府県知事　③厚生労働大臣";
    block.basis = "番号法第19条第8号";
    block.methods = {"情報提供ネットワークシステム"};
    block.no = "2";
    const auto each = flows_of_each_recipient(block);
    ASSERT_EQ(each.size(), 3u);
    EXPECT_EQ(each[0].recipient, "他の市区町村長");
    EXPECT_EQ(each[1].recipient, "都道府県知事");
    EXPECT_EQ(each[2].recipient, "厚生労働大臣");
    EXPECT_EQ(each[2].no, "4");
    EXPECT_EQ(each[1].basis, block.basis);
    EXPECT_EQ(each[1].methods, block.methods);
    Flow one;
    one.recipient = "日本年金機構";
    EXPECT_EQ(flows_of_each_recipient(one).size(), 1u);
    one.recipient = "市長（①の事務に限る。②を除く。）";
    ASSERT_EQ(flows_of_each_recipient(one).size(), 1u);
    EXPECT_EQ(flows_of_each_recipient(one)[0].recipient, one.recipient);
}

}  // namespace
}  // namespace piagraph::extract_detail

// A cell that spans its row, which a converter of merged cells writes once per column, is one cell;
// a label and a value that differ stay two.
TEST(MarkdownRows, ACellSpanningTheRowIsOneCell) {
    namespace md = piagraph::extract_detail::markdown;
    const md::Row heading =
        md::make_row("| 1. 滞納処分ファイル 2. 交渉記録ファイル | 1. 滞納処分ファイル 2. 交渉記録ファイル |", 1);
    EXPECT_EQ(heading.cells, (std::vector<std::string>{"1. 滞納処分ファイル 2. 交渉記録ファイル"}));
    EXPECT_TRUE(heading.value.empty());
    const md::Row entry = md::make_row("システム1\tシステム1\tシステム1", 2);
    EXPECT_EQ(entry.cells.size(), 1u);
    EXPECT_EQ(md::make_row("| ①システムの名称 | 滞納整理システム |", 3).cells.size(), 2u);
}

// A row whose tab was lost (label and value with spaces between) is split where a label of the form
// ends, its ※ kept with the label; a line that no label opens stays one cell.
TEST(MarkdownRows, LabelAndValueWithoutTheirTab) {
    namespace md = piagraph::extract_detail::markdown;
    const md::Row affair = md::make_row("①事務の名称　国民健康保険に関する事務", 1);
    ASSERT_EQ(affair.cells.size(), 2u);
    EXPECT_EQ(affair.key, "事務の名称");
    EXPECT_EQ(affair.value, "国民健康保険に関する事務");
    const md::Row sources = md::make_row("①入手元 ※ [ ○ ] 本人又は本人の代理人", 2);
    ASSERT_EQ(sources.cells.size(), 2u);
    EXPECT_EQ(sources.cells[0], "①入手元 ※");
    EXPECT_EQ(sources.value, "[ ○ ] 本人又は本人の代理人");
    const md::Row spaced = md::make_row("評価実施機関 名  みどり市長", 3);  // a space inside the label
    ASSERT_EQ(spaced.cells.size(), 2u);
    EXPECT_EQ(spaced.value, "みどり市長");
    const md::Row entry = md::make_row("提供先1　都道府県知事", 4);
    ASSERT_EQ(entry.cells.size(), 2u);
    EXPECT_EQ(entry.value, "都道府県知事");
    EXPECT_EQ(md::make_row("事務の内容は次のとおりである。 詳細は別添1による。", 5).cells.size(), 1u);
    EXPECT_EQ(md::make_row("１．特定個人情報ファイルを取り扱う事務", 6).cells.size(), 1u);
    // The labels of II-2 and II-4 that carry a value, not only those of sections I and II's flows.
    const md::Row department = md::make_row("⑥事務担当部署　健康福祉部保険年金課", 7);
    ASSERT_EQ(department.cells.size(), 2u);
    EXPECT_EQ(department.key, "事務担当部署");
    const md::Row categories = md::make_row("主な記録項目 ※　・識別情報 [○] 個人番号", 8);
    ASSERT_EQ(categories.cells.size(), 2u);
    EXPECT_EQ(categories.key, "主な記録項目");
    // A group word before a numbered label is a cell of its own, as in the tab rows.
    for (const char* written : {"再委託　④再委託の有無 ※　[再委託しない]", "再委託 (4)再委託の有無 ※ [再委託しない]"}) {
        const md::Row group = md::make_row(written, 9);
        ASSERT_EQ(group.cells.size(), 3u) << written;
        EXPECT_EQ(group.key, "再委託の有無") << written;
        EXPECT_EQ(group.value, "[再委託しない]") << written;
    }
    // A bracketed number inside the value opens no label.
    const md::Row basis = md::make_row("法令上の根拠 (1) 番号法第9条第1項", 10);
    ASSERT_EQ(basis.cells.size(), 2u);
    EXPECT_EQ(basis.key, "法令上の根拠");
}

// A field number a converter wrote as (2), （２） or "2 " where the form has ② is read as ②, when a label
// of the form follows (②法令上の根拠 is I-6's basis, 法令上の根拠 without a number I-5's); a list item
// "(1) …" of a value is no label.
TEST(MarkdownRows, FieldNumberWrittenWithoutItsCircle) {
    namespace md = piagraph::extract_detail::markdown;
    for (const char* written : {"(2)法令上の根拠\t番号法第19条第8号", "（２）法令上の根拠\t番号法第19条第8号",
                                "2 法令上の根拠\t番号法第19条第8号"}) {
        const md::Row r = md::make_row(written, 1);
        EXPECT_EQ(r.first_circled, 2) << written;
        EXPECT_EQ(r.key, "法令上の根拠") << written;
    }
    const md::Row list = md::make_row("(1) 住民異動届の受付", 2);
    EXPECT_EQ(list.first_circled, 0);
    // The group row of 再委託 with its field number in brackets: the label is the second cell.
    const md::Row group = md::make_row("再委託\t(4)再委託の有無 ※\t[再委託しない]", 3);
    EXPECT_EQ(group.key, "再委託の有無");
    EXPECT_EQ(group.value, "[再委託しない]");
}

// A (備考) written as a plain numbered list: each step labelled by its number, in the list's order;
// a group's short title (１．住民票の記載に関する事務) is no step, and where the list labels its steps
// 1-①, its numbered lines are its groups' titles.
TEST(StepStart, PlainNumberedSteps) {
    using piagraph::extract_detail::numbered_step_start;
    const auto first =
        numbered_step_start("1.   被保険者又はその代理人から、申請・届出を窓口又は郵送により受け付ける。", 1);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->label, "1");
    EXPECT_EQ(first->written, "1.");
    const auto wide =
        numbered_step_start("１２．保険料を収納し、収納情報を後期高齢者医療保険料収納管理ファイルに記録する", 12);
    ASSERT_TRUE(wide.has_value());
    EXPECT_EQ(wide->label, "12");
    EXPECT_EQ(wide->written, "１２．");
    EXPECT_FALSE(numbered_step_start("2. 受け付けた申請の内容を入力する。", 3).has_value());  // not the next
    EXPECT_FALSE(numbered_step_start("1．住民票の記載に関する事務", 1).has_value());
    EXPECT_FALSE(numbered_step_start("1-① 届出を受け付ける。", 1).has_value());

    std::vector<piagraph::Step> steps{{"1", "住民票の記載に関する事務…", {}}, {"1-①", "届出を受け付ける。", {}}};
    piagraph::extract_detail::drop_numbered_group_titles(steps);
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].label, "1-①");
    std::vector<piagraph::Step> numbered{{"1", "受け付ける。", {}}, {"2", "入力する。", {}}};
    piagraph::extract_detail::drop_numbered_group_titles(numbered);
    EXPECT_EQ(numbered.size(), 2u);
    EXPECT_EQ(piagraph::extract_detail::numbered_steps(numbered), 2u);
}

// A text normalised by NFKC writes ① as 1: a step's 1-① is 1-1 (1-1. in pdftotext's), and a field
// label's number glued to it (1システムの名称) is circled again; a number that is a quantity is not.
TEST(StepStart, CircledNumberAsNfkcWritesIt) {
    const auto step = piagraph::extract_detail::step_start("1-2 既存住民基本台帳システムに入力する。");
    ASSERT_TRUE(step.has_value());
    EXPECT_EQ(step->label, "1-②");
    EXPECT_EQ(step->written, "1-2");
    const auto dotted = piagraph::extract_detail::step_start("3-12.通知する。");
    ASSERT_TRUE(dotted.has_value());
    EXPECT_EQ(dotted->label, "3-⑫");
    EXPECT_FALSE(piagraph::extract_detail::step_start("1-21 入力する。").has_value());
    EXPECT_FALSE(piagraph::extract_detail::step_start("2020-12-1").has_value());
    EXPECT_EQ(piagraph::extract_detail::repaired_line("1システムの名称\t既存住民基本台帳システム"),
              std::optional<std::string>("①システムの名称\t既存住民基本台帳システム"));
    EXPECT_EQ(piagraph::extract_detail::repaired_line(" 3他のシステムとの接続 [ ] 税務システム"),
              std::optional<std::string>(" ③他のシステムとの接続 [ ] 税務システム"));
    EXPECT_FALSE(piagraph::extract_detail::repaired_line("10万人以上\t[○]").has_value());
    EXPECT_FALSE(piagraph::extract_detail::repaired_line("21システムの名称\tX").has_value());
    // Every row label of the forms, those only dictionary "field_labels" lists too (②事務の概要).
    EXPECT_EQ(piagraph::extract_detail::repaired_line("2事務の概要      児童手当法に基づき"),
              std::optional<std::string>("②事務の概要      児童手当法に基づき"));
}

// A 別添1 step whose circled number was written in brackets (1-(2), １－（２）, (2)) is step 1-② or ②.
TEST(StepStart, CircledNumberWrittenInBrackets) {
    const auto step = piagraph::extract_detail::step_start("1-(2) 既存住民基本台帳システムに入力する。");
    ASSERT_TRUE(step.has_value());
    EXPECT_EQ(step->label, "1-②");
    EXPECT_EQ(step->written, "1-(2)");
    const auto full_width = piagraph::extract_detail::step_start("１－（２）入力する。");
    ASSERT_TRUE(full_width.has_value());
    EXPECT_EQ(full_width->label, "1-②");
    // Without a group number: (2) is ② (a (備考) printed with (1) (2) … for ① ② …).
    const auto alone = piagraph::extract_detail::step_start("(2) 入力する。");
    ASSERT_TRUE(alone.has_value());
    EXPECT_EQ(alone->label, "②");
    EXPECT_EQ(alone->written, "(2)");
    EXPECT_FALSE(piagraph::extract_detail::step_start("(21) 入力する。").has_value());
    EXPECT_FALSE(piagraph::extract_detail::step_start("(x) 入力する。").has_value());
}

// The field number of a label line: circled, or in brackets where the converter had no ①.
TEST(ExtractCommon, LeadingFieldNumberCircledOrInBrackets) {
    using piagraph::extract_detail::leading_field_number;
    EXPECT_EQ(leading_field_number("②法令上の根拠"), 2);
    EXPECT_EQ(leading_field_number(" (2)法令上の根拠 番号法第19条第8号"), 2);
    EXPECT_EQ(leading_field_number("（１２）保管場所"), 12);
    EXPECT_EQ(leading_field_number("法令上の根拠"), 0);
    EXPECT_EQ(leading_field_number("(x)法令上の根拠"), 0);
    EXPECT_EQ(leading_field_number("(123)法令上の根拠"), 0);
}

// A label's key is the same whether its number is circled or written in brackets: the layout
// rebuild and both readers know (1)ファイルの種類 as ①ファイルの種類.
TEST(ExtractCommon, LabelKeyWithoutItsBracketedNumber) {
    using piagraph::extract_detail::label_key;
    EXPECT_EQ(label_key("(1)ファイルの種類 ※"), label_key("①ファイルの種類 ※"));
    EXPECT_EQ(label_key("（１２）保管場所"), label_key("⑫保管場所"));
    EXPECT_EQ(label_key("(備考)"), label_key("（備考）"));  // no number: kept
}
