// parse_markdown and extract_document on small documents authored for these tests
// (tests/fixtures/extract): layout variants, traps of the form, several assessments, non-assessments.
#include <gtest/gtest.h>

#include <algorithm>

#include "../../src/extract/parsers.hpp"
#include "piagraph/error.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/ingest.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

std::string fixture(const std::string& name) {
    return (test::source_dir() / "tests" / "fixtures" / "extract" / name).string();
}

// The one assessment extract_document reads from a text (an empty one, and a failure, if not one).
Assessment only_assessment(const std::string& text, const std::string& name) {
    const Model m = extract_document(decode_document(text, name));
    EXPECT_EQ(m.assessments.size(), 1u);
    return m.assessments.size() == 1 ? m.assessments.front() : Assessment{};
}

// The cover and section I's first rows of a fictional assessment, which tests go on from.
constexpr const char* kKazeiHead =
    "特定個人情報保護評価書（全項目評価書）\n評価書番号\t5\n"
    "①事務の名称\t架空税に関する事務\n"
    "システム1\t\n①システムの名称\t架空税システム\n";

// kKazeiHead, then section II's opening for its one file.
const std::string kKazeiFileHead = std::string(kKazeiHead) +
                                   "Ⅱ 特定個人情報ファイルの概要\n1. 特定個人情報ファイル名\n架空税ファイル\n"
                                   "①ファイルの種類 ※\t[ システム用ファイル ]\n";

// An entry's header with its first field beside it (システム2 | ①システムの名称 | value, as a sheet sets
// the entry's cell in the row of its first field): the header opens the entry, the field is read.
TEST(MarkdownEntries, AHeaderWithItsFirstFieldBesideIt) {
    const Assessment a = only_assessment(std::string(kKazeiHead) +
                                             "②システムの機能\t課税の計算\n"
                                             "システム2\t①システムの名称\t団体内統合宛名システム\n"
                                             "②システムの機能\t宛名番号の管理\n",
                                         "entry-beside-field.txt");
    ASSERT_EQ(a.systems.size(), 2u);
    EXPECT_EQ(a.systems[1].no, 2);
    EXPECT_EQ(a.systems[1].name, "団体内統合宛名システム");
    EXPECT_EQ(a.systems[1].functions, "宛名番号の管理");
}

// 提供先3's header holding the tail of the value above (で）: pdftotext's raw order of a row that
// broke over the page) and its recipient on the next line: the recipient is that line.
TEST(MarkdownEntries, ARecipientAfterTheTailOfTheValueAbove) {
    const Assessment a = only_assessment(kKazeiFileHead +
                                             "提供先1\t架空県知事\n①法令上の根拠\t番号法第19条第10号\n"
                                             "⑦時期・頻度\t求めがあった都度（主に6月から8月ま\n"
                                             "提供先2\tで）\n個人情報保護委員会\n①法令上の根拠\t番号法第19条第13号\n",
                                         "recipient-after-tail.txt");
    ASSERT_EQ(a.files.size(), 1u);
    ASSERT_EQ(a.files[0].provisions.size(), 2u);
    EXPECT_EQ(a.files[0].provisions[1].recipient, "個人情報保護委員会");
    EXPECT_EQ(a.files[0].provisions[1].basis, "番号法第19条第13号");
}

// pdfminer sets the entry before's ⑦時期・頻度 beside the next header (提供先2 | …の都度): a time names
// no one, and the name on the row after the header is the entry's.
TEST(MarkdownEntries, ATimeBesideAHeaderNamesNoOne) {
    const Assessment a = only_assessment(kKazeiFileHead +
                                             "提供先1\t架空県知事\n①法令上の根拠\t番号法第19条第10号\n"
                                             "⑦時期・頻度\n"
                                             "提供先2\t課税資料を受け付けた都度\n国税庁長官\n"
                                             "①法令上の根拠\t番号法第19条第10号\n",
                                         "time-beside-header.txt");
    ASSERT_EQ(a.files.size(), 1u);
    ASSERT_EQ(a.files[0].provisions.size(), 2u);
    EXPECT_EQ(a.files[0].provisions[0].recipient, "架空県知事");
    EXPECT_EQ(a.files[0].provisions[1].recipient, "国税庁長官");
}

// ③'s options over the lines of a narrow cell, as pdfminer writes a nested table: an option cut
// in two (庁内連 | 携システム), a box at a line's end and its option on the next, and その他's
// （names） over two lines. Each line is taken into ③, whose marks are read whole.
TEST(MarkdownEntries, ConnectionsOverTheLinesOfANarrowCell) {
    const Assessment a =
        only_assessment(std::string(kKazeiHead) +
                            "③ 他のシステムとの接続\t[  ] 情報提供ネットワークシステム [  ] 庁内連\n"
                            "携システム\n[ ○ ] 住民基本台帳ネットワークシステム　　　[  ] \n"
                            "既存住民基本台帳システム\n[ ○ ] その他（ 中間サーバー・プラットフォーム、\n"
                            "自治体連携システム ）\nシステム2\n①システムの名称\t中間サーバー\n",
                        "connections-over-lines.txt");
    ASSERT_EQ(a.systems.size(), 2u);
    EXPECT_EQ(a.systems[0].connections, std::vector<std::string>{"住民基本台帳ネットワークシステム"});
    EXPECT_EQ(a.systems[0].other, (std::vector<std::string>{"中間サーバー・プラットフォーム", "自治体連携システム"}));
}

// 入手元's last option その他（…） read as the first of 入手方法's rows (labels centred on their rows
// split the two groups' lines between them): the form prints その他 last in each group, so it goes
// back to 入手元, which was read without one. 入手方法's own その他 stays.
TEST(MarkdownEntries, TheSourcesLastOptionReadUnderTheMethods) {
    const Assessment a = only_assessment(kKazeiFileHead +
                                             "①入手元 ※\t■ 本人又は本人の代理人 □ 民間事業者（ ）\n"
                                             "②入手方法\t■ その他（ 架空県国民健康保険団体連合会 ） ■紙 □ 電子メール ■ "
                                             "その他（ 国保情報集約システム ）\n",
                                         "sources-last-option.txt");
    ASSERT_EQ(a.files.size(), 1u);
    const FileBlock& f = a.files[0];
    ASSERT_EQ(f.sources.size(), 2u);
    EXPECT_EQ(f.sources[1].kind, "その他");
    EXPECT_EQ(f.sources[1].detail, "架空県国民健康保険団体連合会");
    EXPECT_EQ(f.methods, (std::vector<std::string>{"紙", "その他(国保情報集約システム)"}));
}

// A numbered line of a value (１．健康診査の対象者の抽出並びに…の事務: a list in ②事務の概要 whose
// lines a conversion set apart from their label) is no item of the form: 基礎's ③システムの名称
// after it is still read.
TEST(MarkdownItems, ANumberedLineOfAValueIsNoItem) {
    const Assessment a = only_assessment(
        "特定個人情報保護評価書（基礎項目評価書）\n評価書番号\t4\n評価書名\t健康診査に関する事務 基礎項目評価書\n"
        "評価実施機関名\t架空町長\nⅠ 関連情報\n１．特定個人情報ファイルを取り扱う事務\n"
        "①事務の名称\t健康診査に関する事務\n②事務の概要\t健康増進法に基づき、次の事務において\n"
        "特定個人情報を取り扱う。\n１．健康診査の対象者の抽出並びに受診券及び受診勧奨通知の作成・送付の事務\n"
        "を行う。\n③システムの名称\t健康管理システム、団体内統合宛名システム\n"
        "２．特定個人情報ファイル名\n健康診査ファイル\n",
        "numbered-value-line.txt");
    ASSERT_EQ(a.systems.size(), 2u);
    EXPECT_EQ(a.systems[1].name, "団体内統合宛名システム");
}

// 特定個人情報ファイル名's numbered title, then the title again as the label of the names' row, as a
// ministry's two-column Word table prints both items: the names are read, in section I and in II.
TEST(MarkdownItems, TheFileNamesBesideTheirTitleAgain) {
    const Assessment a = only_assessment(std::string(kKazeiHead) +
                                             "３．特定個人情報ファイル名\n"
                                             "特定個人情報ファイル名\t（１）架空税ファイル （２）架空税滞納ファイル\n"
                                             "Ⅱ 特定個人情報ファイルの概要\n（1）架空税ファイル\n"
                                             "１．特定個人情報ファイル名\n特定個人情報ファイル名\t架空税ファイル\n"
                                             "２．基本情報\n①ファイルの種類 ※\t[ システム用ファイル ]\n",
                                         "names-beside-title.txt");
    EXPECT_EQ(a.file_names, (std::vector<std::string>{"架空税ファイル", "架空税滞納ファイル"}));
    ASSERT_EQ(a.files.size(), 1u);
    EXPECT_EQ(a.files[0].names, std::vector<std::string>{"架空税ファイル"});
}

// A system's ②システムの機能 listed by number, a line a row (mutool's order of a nested table):
// its numbered lines (２．本人確認情報照会機能) are no items of section I, and ③ after them is read.
TEST(MarkdownItems, ASystemsFunctionsListedByNumber) {
    const Assessment a =
        only_assessment(std::string(kKazeiHead) +
                            "②システムの機能\t１．申請管理機能\n：申請データを登録する。\n"
                            "５．支給管理機能\n：支給額を算定する。\n"
                            "③他のシステムとの接続\t[ ○ ] 住民基本台帳ネットワークシステム [  ] 税務システム\n"
                            "システム2\n①システムの名称\t中間サーバー\n",
                        "functions-by-number.txt");
    ASSERT_EQ(a.systems.size(), 2u);
    EXPECT_EQ(a.systems[0].connections, std::vector<std::string>{"住民基本台帳ネットワークシステム"});
    EXPECT_EQ(a.systems[1].name, "中間サーバー");
}

// A 項目一覧 as a laid-out page sets it, its entries a blank line apart, II and III each listing
// １．特定個人情報ファイル名, and （別添２） 変更箇所 last: all of it is the list. The body after it is
// the same assessment's, not one after a 変更箇所 table.
TEST(MarkdownItems, AListOfItemsWithBlankLinesAndItemsListedTwice) {
    std::string text =
        "特定個人情報保護評価書（重点項目評価書）\n評価書番号\t12\n評価書名\t架空給付に関する事務 重点項目評価書\n"
        "評価実施機関名\t架空市長\n\n項目一覧\n\n";
    for (const char* entry : {"Ⅰ 基本情報", "１．特定個人情報ファイルを取り扱う事務", "Ⅱ 特定個人情報ファイルの概要",
                              "１．特定個人情報ファイル名", "２．基本情報", "Ⅲ リスク対策",
                              "１．特定個人情報ファイル名", "２．特定個人情報の入手", "（別添２） 変更箇所"})
        text += std::string("  ") + entry + "\n\n";
    text +=
        "Ⅰ 基本情報\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称\t架空給付に関する事務\n"
        "２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム1\n①システムの名称\t架空給付システム\n"
        "Ⅱ 特定個人情報ファイルの概要\n１．特定個人情報ファイル名\n架空給付ファイル\n";
    const Model m = extract_document(decode_document(text, "contents-blank-lines.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    EXPECT_EQ(m.assessments[0].number, "12");
    ASSERT_EQ(m.assessments[0].systems.size(), 1u);
    EXPECT_EQ(m.assessments[0].systems[0].name, "架空給付システム");
    ASSERT_EQ(m.assessments[0].files.size(), 1u);
}

// A review board's 資料 quoting a 重点 without its cover: the heading above its section I names the
// form (（案） aside), and ② 法令上の根拠 printed as a dash beside 実施しない is an empty basis whose
// label was read.
TEST(MarkdownItems, AQuotedAssessmentsFormFromItsHeadingAndADashedBasis) {
    const Assessment a = only_assessment(
        "資料2\n住民基本台帳に関する事務　重点項目評価書（案）\nⅠ 基本情報\n"
        "１．特定個人情報ファイルを取り扱う事務\n①事務の名称\t住民基本台帳に関する事務\n"
        "２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム1\n①システムの名称\t住民記録システム\n"
        "５．情報提供ネットワークシステムによる情報連携\n①実施の有無\t[ 実施しない ]\n②法令上の根拠\t－\n",
        "quoted-without-cover.txt");
    EXPECT_EQ(a.form, "重点項目評価書");
    EXPECT_EQ(a.linkage.status, "実施しない");
    EXPECT_EQ(a.linkage.basis, "");
    ASSERT_TRUE(a.coverage.count("linkage.basis"));
    EXPECT_TRUE(a.coverage.at("linkage.basis").found);
}

class JyutenMarks : public ::testing::Test {
protected:
    void SetUp() override {
        model = extract_file(fixture("jyuten_marks.txt"));
        ASSERT_EQ(model.assessments.size(), 1u);
    }
    const Assessment& a() const { return model.assessments[0]; }
    Model model;
};

TEST_F(JyutenMarks, HeaderFromCoverWithValuesOnLaterLines) {
    EXPECT_EQ(model.source.format, "markdown");
    EXPECT_EQ(a().form, "重点項目評価書");
    EXPECT_EQ(a().form_version, "令和６年10月 様式３");
    EXPECT_EQ(a().number, "３");
    EXPECT_EQ(a().title, "架空税の賦課に関する事務 重点項目評価書");
    EXPECT_EQ(a().organization, "架空市長");
    EXPECT_EQ(a().published, "令和５年４月１日");
    EXPECT_EQ(a().affair, "架空税の賦課に関する事務");
    EXPECT_EQ(a().locs.at("organization").line, 10);
}

TEST_F(JyutenMarks, EveryCheckboxSpellingInConnections) {
    ASSERT_GE(a().systems.size(), 1u);
    const System& s = a().systems[0];
    EXPECT_EQ(s.connections, (std::vector<std::string>{"情報提供ネットワークシステム", "庁内連携システム",
                                                       "既存住民基本台帳システム", "宛名システム等"}));
    EXPECT_EQ(s.other, (std::vector<std::string>{"帳票システム", "共通基盤(架空版)"}));
    EXPECT_FALSE(s.other_checked);
}

TEST_F(JyutenMarks, RangeHeadersAndEmptyTemplatesAreNotEntries) {
    ASSERT_EQ(a().systems.size(), 2u);  // システム3 is an empty template, システム2～5 / 6～10 are headers
    EXPECT_EQ(a().systems[1].no, 2);
    const FileBlock& f = a().files.at(0);
    EXPECT_EQ(f.entrustments.size(), 1u);
    EXPECT_EQ(f.provisions.size(), 1u);
    EXPECT_EQ(f.transfers.size(), 1u);
}

TEST_F(JyutenMarks, SuffixesAreDroppedForMatching) {
    EXPECT_EQ(a().systems[0].normalized_name, "架空税システム");
    EXPECT_EQ(a().systems[1].normalized_name, "住民基本台帳ネットワークシステム");
    EXPECT_EQ(a().systems[1].canonical_id, "juki_net");
}

TEST_F(JyutenMarks, LostMarksAreUnknownNotUnchecked) {
    const FileBlock& f = a().files.at(0);
    // 提供・移転の有無 has no mark but its counts are filled.
    EXPECT_EQ(f.marks.at("provision_transfer"), "none");
    EXPECT_FALSE(f.provides.has_value());
    EXPECT_EQ(f.declared_counts.provisions, std::optional<int>(2));
    EXPECT_EQ(f.declared_counts.transfers, std::optional<int>(1));
    // システム2's その他 names a system though no box is marked.
    EXPECT_EQ(a().systems[1].marks, "none");
    EXPECT_EQ(a().systems[1].other, (std::vector<std::string>{"架空税システム"}));
    // 提供先1 has no 提供方法 marked.
    EXPECT_EQ(f.provisions[0].marks, "none");
    EXPECT_TRUE(f.provisions[0].methods.empty());
}

TEST_F(JyutenMarks, SourcesMethodsAndFlows) {
    const FileBlock& f = a().files.at(0);
    ASSERT_EQ(f.sources.size(), 2u);
    EXPECT_EQ(f.sources[0].kind, "本人又は本人の代理人");
    EXPECT_EQ(f.sources[1].kind, "行政機関・独立行政法人等");
    EXPECT_EQ(f.sources[1].detail, "税務署");
    EXPECT_EQ(f.methods, (std::vector<std::string>{"紙", "その他(eLTAX)"}));
    EXPECT_EQ(f.transfers[0].recipient, "福祉部架空給付課");
    EXPECT_EQ(f.transfers[0].methods, (std::vector<std::string>{"庁内連携システム", "紙"}));
    EXPECT_EQ(f.transfers[0].timing, "随時");
    EXPECT_EQ(f.provisions[0].basis, "番号法第19条第10号");
    EXPECT_EQ(f.provisions[0].basis_loc.line, 68);
}

TEST_F(JyutenMarks, EntrustmentWithBareResubcontractValue) {
    const FileBlock& f = a().files.at(0);
    EXPECT_EQ(f.entrust, std::optional<bool>(true));
    EXPECT_EQ(f.declared_counts.entrustments, std::optional<int>(1));
    const Entrustment& e = f.entrustments.at(0);
    EXPECT_EQ(e.item, "架空税の通知書印刷");
    EXPECT_EQ(e.contractor, "架空印刷株式会社");
    EXPECT_EQ(e.resubcontract, std::optional<bool>(false));
}

TEST_F(JyutenMarks, ChangeHistoryNeverOverwritesCurrentValues) {
    EXPECT_EQ(a().department, "財務部架空税課");
    EXPECT_EQ(a().linkage.status, "実施する");
    EXPECT_EQ(a().files.at(0).entrustments.at(0).contractor, "架空印刷株式会社");
    ASSERT_EQ(a().changes.size(), 3u);
    EXPECT_EQ(a().changes[0].before, "総務部旧架空税課");
    EXPECT_EQ(a().changes[1].before, "旧印刷有限会社");
    EXPECT_EQ(a().changes[2].timing, "事前");
}

TEST_F(JyutenMarks, RiskFlagsOfSectionThree) {
    const auto& flags = a().files.at(0).risk_flags;
    EXPECT_EQ(flags.at("委託しない"), false);
    EXPECT_EQ(flags.at("接続しない（入手）"), false);
    EXPECT_EQ(flags.size(), 4u);
}

TEST(ExtractDocument, TwoAssessmentsInMinutes) {
    const Model m = extract_file(fixture("two_assessments.txt"));
    ASSERT_EQ(m.assessments.size(), 2u);
    const Assessment& kiso = m.assessments[0];
    EXPECT_EQ(kiso.form, "基礎項目評価書");
    EXPECT_EQ(kiso.number, "21");
    EXPECT_EQ(kiso.linkage.status, "実施しない");
    EXPECT_EQ(kiso.department, "こども部架空手当課");
    ASSERT_EQ(kiso.systems.size(), 2u);
    EXPECT_EQ(kiso.systems[1].canonical_id, "togo_atena");
    ASSERT_EQ(kiso.files.size(), 1u);
    EXPECT_EQ(kiso.files[0].risk_flags.at("提供・移転しない"), true);
    // The second one is written as a markdown pipe table, one value on the line after its label.
    const Assessment& jyuten = m.assessments[1];
    EXPECT_EQ(jyuten.form, "重点項目評価書");
    EXPECT_EQ(jyuten.number, "22");
    EXPECT_EQ(jyuten.affair, "架空保険に関する事務");
    EXPECT_EQ(jyuten.department, "健康部架空保険課");
    ASSERT_EQ(jyuten.systems.size(), 1u);
    EXPECT_EQ(jyuten.systems[0].connections, (std::vector<std::string>{"庁内連携システム"}));
    EXPECT_TRUE(jyuten.systems[0].other.empty());  // a statement, not names
    EXPECT_GT(jyuten.loc.line, kiso.loc.end_line);
}

TEST(ExtractDocument, NonAssessmentIsAnInputError) {
    try {
        extract_file(fixture("not_an_assessment.txt"));
        FAIL() << "no InputError";
    } catch (const InputError& e) {
        EXPECT_NE(e.message().ja.find("特定個人情報保護評価書として認識できません"), std::string::npos);
        EXPECT_NE(e.format(Lang::en).find("not_an_assessment.txt"), std::string::npos);
    }
}

// A text whose cover page was lost (converted from page 2 on) is still read from its section I
// labels; the cover's fields are said to be unread, not empty.
TEST(ExtractDocument, ATextWithoutItsCoverIsReadFromItsLabels) {
    const std::string text =
        "Ⅰ 基本情報\n１．特定個人情報ファイルを取り扱う事務\n"
        "①事務の名称\t架空税に関する事務\n"
        "２．特定個人情報ファイルを取り扱う事務において使用するシステム\n"
        "システム1\t\n① システムの名称\t架空税システム\n②システムの機能\t賦課の計算\n"
        "３．特定個人情報ファイル名\n架空税ファイル\n"
        "４．個人番号の利用\n法令上の根拠\t番号法第9条第1項 別表第16の項\n";
    const Assessment a = only_assessment(text, "cover-lost.txt");
    EXPECT_EQ(a.affair, "架空税に関する事務");
    ASSERT_EQ(a.systems.size(), 1u);
    EXPECT_EQ(a.systems[0].name, "架空税システム");
    EXPECT_TRUE(a.organization.empty());
    ASSERT_TRUE(a.coverage.count("organization"));
    EXPECT_FALSE(a.coverage.at("organization").found);
}

// A choice whose boxes a conversion set apart from its label (a column of labels, then one of
// values) pairs its label with another row's text: the item is not read, so no report or check says
// that nothing is marked. A row whose options were read, none marked, is read, and so is one whose
// value is empty (nothing is written).
TEST(ExtractDocument, AChoiceRowWithoutItsOptionsIsNotRead) {
    const auto read_with = [](const std::string& connections, const std::string& acquisition) {
        return only_assessment(
            "特定個人情報保護評価書（全項目評価書）\n評価書番号\t5\n"
            "①事務の名称\t架空税に関する事務\n"
            "システム1\t\n①システムの名称\t架空税システム\n"
            "③他のシステムとの接続\t" +
                connections +
                "\n"
                "３．特定個人情報ファイル名\n架空税ファイル\n"
                "Ⅱ 特定個人情報ファイルの概要\n１．特定個人情報ファイル名\n架空税ファイル\n"
                "３．特定個人情報の入手・使用\n" +
                acquisition + "③入手の時期・頻度\t申告の都度\n",
            "choices.txt");
    };
    const Assessment apart =
        read_with("賦課の計算を行う。", "①入手元 ※\t地方税法第317条の2に基づき提出される。\n②入手方法\t申告の都度\n");
    ASSERT_EQ(apart.files.size(), 1u);
    EXPECT_FALSE(apart.coverage.at("files[0].sources").found);
    EXPECT_FALSE(apart.coverage.at("files[0].methods").found);
    EXPECT_FALSE(apart.coverage.at("connections").found);
    const Assessment unmarked = read_with("[ ] 庁内連携システム [ ] 税務システム",
                                          "①入手元 ※\t[ ] 本人又は本人の代理人 [ ] 民間事業者\n"
                                          "②入手方法\t[ ] 紙 [ ] 専用線\n");
    ASSERT_EQ(unmarked.files.size(), 1u);
    EXPECT_TRUE(unmarked.coverage.at("files[0].sources").found);
    EXPECT_TRUE(unmarked.coverage.at("files[0].methods").found);
    EXPECT_TRUE(unmarked.coverage.at("connections").found);
    const Assessment empty = read_with("", "①入手元 ※\t\n②入手方法\t－\n");
    ASSERT_EQ(empty.files.size(), 1u);
    EXPECT_TRUE(empty.coverage.at("files[0].sources").found);
    EXPECT_TRUE(empty.coverage.at("files[0].methods").found);
}

// Label cells spread to their width, as pdftotext writes a justified cell: characters one space
// apart, an entry's number apart from its word. Each entry and field is still read.
TEST(ExtractDocument, LabelCellsSpreadToTheirWidth) {
    const std::string text =
        "特定個人情報保護評価書（全項目評価書）\n評 価 書 番 号\t5\n"
        "① 事 務 の 名 称\t架空税に関する事務\n"
        "シ ス テ ム 1\t\n① シ ス テ ム の 名 称\t架空税システム\n"
        "システム 2\t\n①システムの名称\t団体内統合宛名システム\n";
    const Assessment a = only_assessment(text, "spread.txt");
    EXPECT_EQ(a.number, "5");
    EXPECT_EQ(a.affair, "架空税に関する事務");
    ASSERT_EQ(a.systems.size(), 2u);
    EXPECT_EQ(a.systems[0].name, "架空税システム");
    EXPECT_EQ(a.systems[1].name, "団体内統合宛名システム");
}

// A converter that writes each table as HTML on one line: every row is read, and each value's
// line is the line of the text that holds it.
TEST(ExtractDocument, ATableOnOneLineIsReadRowByRow) {
    const std::string text =
        "特定個人情報保護評価書（全項目評価書）\n"
        "<table><tr><td>評価書番号</td><td>5</td></tr><tr><td>評価書名</td><td>架空税に関する事務 "
        "全項目評価書</td></tr></table>\n"
        "Ⅰ 基本情報\n"
        "<table><tr><td>①事務の名称</td><td>架空税に関する事務</td></tr><tr><td>システム1</td><td></td></tr>"
        "<tr><td>①システムの名称</td><td>架空税システム</td></tr>"
        "<tr><td>③他のシステムとの接続</td><td>[ ] 情報提供ネットワークシステム [○] "
        "庁内連携システム</td></tr></table>\n"
        "<table><tr><td>システム2</td><td></td></tr><tr><td>①システムの名称</td><td>団体内統合宛名システム</td></tr></"
        "table>\n";
    const Assessment a = only_assessment(text, "one-line-tables.txt");
    EXPECT_EQ(a.number, "5");
    EXPECT_EQ(a.affair, "架空税に関する事務");
    ASSERT_EQ(a.systems.size(), 2u);
    EXPECT_EQ(a.systems[0].name, "架空税システム");
    EXPECT_EQ(a.systems[0].loc.line, 4);
    EXPECT_EQ(a.systems[0].connections, (std::vector<std::string>{"庁内連携システム"}));
    EXPECT_EQ(a.systems[1].name, "団体内統合宛名システム");
    EXPECT_EQ(a.systems[1].loc.line, 5);
}

// A pandoc grid table whose cells wrap over several lines reads as its rows.
TEST(ExtractDocument, AGridTableReadsAsItsRows) {
    const std::string text =
        "特定個人情報保護評価書（全項目評価書）\n評価書番号\t5\nⅠ 基本情報\n"
        "+----------------+----------------+\n"
        "| ①事務の名称    | 架空税に関する |\n"
        "|                | 事務           |\n"
        "+----------------+----------------+\n"
        "| システム1      |                |\n"
        "+----------------+----------------+\n"
        "| ①システムの名  | 架空税システム |\n"
        "| 称             |                |\n"
        "+----------------+----------------+\n";
    const Assessment a = only_assessment(text, "grid.txt");
    EXPECT_EQ(a.affair, "架空税に関する事務");
    ASSERT_EQ(a.systems.size(), 1u);
    EXPECT_EQ(a.systems[0].name, "架空税システム");
    EXPECT_EQ(a.systems[0].loc.line, 8);
}

// The form's sheet saved as CSV: read as its rows, a quoted cell over several lines read whole,
// each value's line the line where its record starts.
TEST(ExtractDocument, ASheetSavedAsCsvReadsAsItsRows) {
    const std::string text =
        "特定個人情報保護評価書（全項目評価書）,\n評価書番号,5\nⅠ 基本情報,\n①事務の名称,架空税に関する事務\n"
        "②事務の内容 ※,\"賦課\n徴収\"\nシステム1,\n①システムの名称,架空税システム\n②システムの機能,賦課\n"
        "③他のシステムとの接続,\"[ ] 情報提供ネットワークシステム\n[○] 庁内連携システム\"\n";
    const Assessment a = only_assessment(text, "sheet.csv");
    EXPECT_EQ(a.number, "5");
    EXPECT_EQ(a.affair, "架空税に関する事務");
    ASSERT_EQ(a.systems.size(), 1u);
    EXPECT_EQ(a.systems[0].name, "架空税システム");
    EXPECT_EQ(a.systems[0].loc.line, 7);  // its header, システム1
    EXPECT_EQ(a.systems[0].connections, (std::vector<std::string>{"庁内連携システム"}));
    EXPECT_EQ(a.systems[0].connections_loc.line, 10);
}

// The example's 国民健康保険 assessment as other converters write it (made with the conversion
// simulator): the same systems with the same boxes, the same files, flows and entrustments.
TEST(ExtractDocument, TheExampleAsOtherConvertersWriteItReadsTheSame) {
    const Model original = extract_file((test::source_dir() / "examples" / "midori" / "midori-kokuho.txt").string());
    ASSERT_EQ(original.assessments.size(), 1u);
    const Assessment& want = original.assessments[0];
    for (const char* name :
         {"midori-kokuho-sheet.csv.txt", "midori-kokuho-grid-tables.txt", "midori-kokuho-table-lines.txt"}) {
        SCOPED_TRACE(name);
        const Model m = extract_file(fixture(name));
        ASSERT_EQ(m.assessments.size(), 1u);
        const Assessment& got = m.assessments[0];
        EXPECT_EQ(got.affair, want.affair);
        ASSERT_EQ(got.systems.size(), want.systems.size());
        for (size_t i = 0; i < want.systems.size(); ++i) {
            EXPECT_EQ(got.systems[i].name, want.systems[i].name);
            EXPECT_EQ(got.systems[i].connections, want.systems[i].connections);
        }
        ASSERT_EQ(got.files.size(), want.files.size());
        for (size_t i = 0; i < want.files.size(); ++i) {
            EXPECT_EQ(got.files[i].provisions.size(), want.files[i].provisions.size());
            EXPECT_EQ(got.files[i].transfers.size(), want.files[i].transfers.size());
            EXPECT_EQ(got.files[i].entrustments.size(), want.files[i].entrustments.size());
        }
        EXPECT_EQ(got.unread_items(), want.unread_items());
    }
}

// A converter that marks headings (## Ⅱ …, ### 1. …) may mark the list of file names too: the
// names are read without the marks.
TEST(ExtractDocument, FileNamesMarkedAsAHeading) {
    const std::string text =
        "特定個人情報保護評価書（重点項目評価書）\n評価書番号\t5\n評価書名\t架空税に関する事務 重点項目評価書\n"
        "## Ⅰ 基本情報\n①事務の名称\t架空税に関する事務\n②事務の内容\t賦課\n③対象人数\t[1万人以上10万人未満]\n"
        "## Ⅱ 特定個人情報ファイルの概要\n"
        "### 1. 特定個人情報ファイル名\n### 1. 架空税ファイル 2. 滞納ファイル\n### 2. 基本情報\n"
        "①ファイルの種類 ※\t[システム用ファイル]\n⑤事務担当部署\t税務課\n";
    const Assessment a = only_assessment(text, "headings.md");
    ASSERT_FALSE(a.files.empty());
    EXPECT_EQ(a.files[0].names, (std::vector<std::string>{"架空税ファイル", "滞納ファイル"}));
}

// Prose that names two of the form's labels is not a form: the text is refused as before.
TEST(ExtractDocument, ProseNamingAFewLabelsIsNoAssessment) {
    const std::string text =
        "議事録\n①事務の名称 について委員から質問があった。\n"
        "①システムの名称 は次回までに確認する。\n①事務の名称 は変更しない。\n";
    EXPECT_THROW(extract_document(decode_document(text, "minutes.txt")), InputError);
}

// A header whose number is too long to be an entry's (a damaged or fuzzed text) opens no entry, and
// the text is still read (it used to stop at std::stoi's exception): the next entry is.
TEST(ExtractDocument, EntryNumberTooLongIsNoEntry) {
    const std::string text =
        "特定個人情報保護評価書（全項目評価書）\n評価書番号\t1\n"
        "Ⅰ 基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\n"
        "システム99999999999\t\n①システムの名称\t既存住民基本台帳システム\n"
        "システム2\t\n①システムの名称\t団体内統合宛名システム\n";
    const Model m = extract_document(decode_document(text, "entry.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    ASSERT_EQ(m.assessments[0].systems.size(), 1u);
    EXPECT_EQ(m.assessments[0].systems[0].no, 2);
    EXPECT_EQ(m.assessments[0].systems[0].name, "団体内統合宛名システム");
}

// A cover whose blocks came out of order: the organisation's name stands before its label, and
// 公表日 and 評価実施機関名 follow each other with their values elsewhere on the cover. Each label
// takes the line that looks like its value, not the next label's (an empty value) nor the
// declaration beside it; a label whose value is printed nowhere takes none.
TEST(ExtractDocument, CoverLabelsTakeTheirValuesWhereverTheCoverPutThem) {
    const std::string text =
        "特定個人情報保護評価書（重点項目評価書）\n\n評価書番号\t評価書名\n"
        "5\t架空税に関する事務 重点項目評価書\n\nさくら町長\n\n個人のプライバシー等の権利利益の保護の宣言\n\n"
        "特記事項\n\nさくら町は、架空税に関する事務における特定個人情報ファイルの取扱いにあたり、"
        "適切な措置を講じることを宣言する。\n\n令和6年4月1日\n\n公表日\n\n評価実施機関名\n\n項目一覧\n\n"
        "Ⅰ 基本情報\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称\t架空税に関する事務\n";
    const Assessment a = only_assessment(text, "cover.txt");
    EXPECT_EQ(a.organization, "さくら町長");
    EXPECT_EQ(a.locs.at("organization").line, 6);
    EXPECT_EQ(a.published, "令和6年4月1日");
    EXPECT_EQ(a.locs.at("published").line, 14);

    // The values after their labels, in the other order (評価実施機関名 | 公表日 | 令和… | さくら町長).
    const std::string after =
        "特定個人情報保護評価書（重点項目評価書）\n\n評価書番号\t評価書名\n"
        "5\t架空税に関する事務 重点項目評価書\n\n評価実施機関名\n\n公表日\n\n令和6年4月1日\n\nさくら町長\n\n"
        "特記事項\n\n項目一覧\n\nⅠ 基本情報\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称\t架空税に関する事務\n";
    const Assessment b = only_assessment(after, "cover-after.txt");
    EXPECT_EQ(b.organization, "さくら町長");
    EXPECT_EQ(b.published, "令和6年4月1日");

    // Printed nowhere: 公表日 takes no other field's value.
    const std::string draft =
        "特定個人情報保護評価書（重点項目評価書）\n\n評価書番号\t評価書名\n"
        "5\t架空税に関する事務 重点項目評価書\n\n評価実施機関名\n\nさくら町長\n\n公表日\n\n特記事項\n\n項目一覧\n\n"
        "Ⅰ 基本情報\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称\t架空税に関する事務\n";
    const Assessment c = only_assessment(draft, "cover-draft.txt");
    EXPECT_EQ(c.organization, "さくら町長");
    EXPECT_TRUE(c.published.empty());
}

// A 基礎 printed from a sheet: I-2's names a line each, numbered (１．… | ２．…ファイル), are the list,
// not items of the form; the 変更箇所 table's header whose cells ran together (変更日 | 項目変更前の
// 記載…) still opens the table, so the old department in its rows (①部署 | 組織改正…) is no value.
TEST(ExtractDocument, NamesALineEachAndAChangeTableWhoseHeaderRanTogether) {
    const std::string text =
        "特定個人情報保護評価書（基礎項目評価書）\n評価書番号\t1\n評価書名\t介護保険に関する事務 基礎項目評価書\n"
        "評価実施機関名\tくも地域広域連合長\nⅠ 関連情報\n1.特定個人情報ファイルを取り扱う事務\n"
        "①事務の名称\t介護保険に関する事務\n③システムの名称\t１．介護保険システム ２．団体内統合宛名システム\n"
        "2.特定個人情報ファイル名\n          １．介護保険被保険者情報ファイル\n          "
        "２．介護保険受給者情報ファイル\n"
        "3.個人番号の利用\n法令上の根拠\t番号法第9条第1項 別表第一 第68項\n5.評価実施機関における担当部署\n"
        "①部署\t事務局介護保険課\n（別添）変更箇所\n"
        "変更日\t項目変更前の記載変更後の記載提出時期平成29年4月1日 事務局介護保険室 事務局介護保険課 事後\n"
        "①部署\t組織改正に伴う部署名の変更であり、重要な変更に当たらない。\n";
    const Assessment a = only_assessment(text, "kiso-sheet.txt");
    EXPECT_EQ(a.file_names, (std::vector<std::string>{"介護保険被保険者情報ファイル", "介護保険受給者情報ファイル"}));
    EXPECT_EQ(a.department, "事務局介護保険課");
}

// 公表日's cell joined to the next (the form's version printed beside it): the date ends at its day.
TEST(ExtractDocument, APublicationDateEndsAtItsDay) {
    const std::string text =
        "特定個人情報保護評価書（全項目評価書）\n評価書番号\t5\n公表日\t令和7年3月14日 ［令和６年10月 様式４］\n"
        "①事務の名称\t架空税に関する事務\nシステム1\t\n①システムの名称\t架空税システム\n";
    const Assessment a = only_assessment(text, "published.txt");
    EXPECT_EQ(a.published, "令和7年3月14日");
}

// The number and title under a header row (評価書番号 | 評価書名) that a reordered cover set apart from
// it: before the header, after a sentence, or after another label. A sentence is never read as
// them.
TEST(ExtractDocument, NumberAndTitleApartFromTheirHeaderRow) {
    const std::string head = "特定個人情報保護評価書（重点項目評価書）\n\n";
    const std::string header = "評価書番号\t評価書名\n\n";
    const std::string values = "5\t架空税に関する事務 重点項目評価書\n\n";
    const std::string declaration =
        "さくら町は、架空税に関する事務における特定個人情報ファイルの取扱いにあたり、"
        "適切な措置を講じることを宣言する。\n\n";
    const std::string rest =
        "評価実施機関名\tさくら町長\n公表日\t令和6年4月1日\n項目一覧\n\n"
        "Ⅰ 基本情報\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称\t架空税に関する事務\n";
    const std::string other_label = "個人のプライバシー等の権利利益の保護の宣言\n\n";
    for (const std::string& text :
         {head + values + header + other_label + declaration + rest, head + header + declaration + values + rest,
          head + header + other_label + declaration + values + rest}) {
        SCOPED_TRACE(text.substr(0, 300));
        const Assessment a = only_assessment(text, "number-title.txt");
        EXPECT_EQ(a.number, "5");
        EXPECT_EQ(a.title, "架空税に関する事務 重点項目評価書");
    }
}

// A text normalised by NFKC writes the (備考)'s ① ② as 1 2, glued to the step's text: a line is a
// step where its number is the next one of the remarks; a count that opens a line (4情報) is not.
TEST(ExtractDocument, StepsWhoseCircledNumbersANormalisedTextWroteAsDigits) {
    const std::string text =
        "特定個人情報保護評価書(全項目評価書)\n評価書番号\t5\n評価書名\t架空税に関する事務 全項目評価書\n"
        "評価実施機関名\tさくら町長\n公表日\t令和6年4月1日\nⅠ 基本情報\n1事務の名称\t架空税に関する事務\n"
        "2事務の内容\t架空税を賦課する。\n(別添1) 事務の内容\n(備考)\n1申請書を受け付ける。\n"
        "受付後、架空税システムに入力する。\n"
        "2税額を計算する。\n4情報を照会する。\n3通知書を送付する。\n"
        "Ⅱ 特定個人情報ファイルの概要\n";
    const Assessment a = only_assessment(text, "nfkc-steps.txt");
    ASSERT_EQ(a.attachment1_steps.size(), 3u);
    EXPECT_EQ(a.attachment1_steps[0].label, "①");
    EXPECT_EQ(a.attachment1_steps[0].text, "申請書を受け付ける。受付後、架空税システムに入力する。");
    EXPECT_EQ(a.attachment1_steps[1].label, "②");
    EXPECT_EQ(a.attachment1_steps[1].text, "税額を計算する。4情報を照会する。");
    EXPECT_EQ(a.attachment1_steps[2].label, "③");
}

// Section III with its heading lost: its "１．特定個人情報ファイル名" repeats II's file (whose risk item
// after the names was wrapped onto two lines), and the 実施の有無 of its ８．監査 is no linkage status.
TEST(ExtractDocument, SectionThreeWithoutItsHeadingAddsNoFileAndNoLinkage) {
    const std::string text =
        "特定個人情報保護評価書（重点項目評価書）\n評価書番号\t5\n"
        "１．特定個人情報ファイルを取り扱う事務\n①事務の名称\t架空税の滞納整理に関する事務\n"
        "５．情報提供ネットワークシステムによる情報連携 ※\n①実施の有無\t[実施しない]\n"
        "１．特定個人情報ファイル名\n架空滞納ファイル\n２．基本情報\n①ファイルの種類 ※\t[システム用ファイル]\n"
        "１．特定個人情報ファイル名\n架空滞納ファイル\n"
        "２．特定個人情報の入手（情報提供ネットワークシステムを通\nじた入手を除く。）\n"
        "リスク１： 目的外の入手が行われるリスク\n"
        "リスクに対する措置の内容\t・必要な情報のみを記載する様式としている。\n"
        "８．監査\n実施の有無\t[○] 自己点検 [ ] 内部監査\n";
    const Assessment a = only_assessment(text, "risk-without-heading.txt");
    ASSERT_EQ(a.files.size(), 1u);
    EXPECT_EQ(a.files[0].names, std::vector<std::string>{"架空滞納ファイル"});
    EXPECT_EQ(a.linkage.status, "実施しない");
}

// An entry the form marks as having nothing (移転先1 | —, as the printed form is read back) is no
// flow; a recipient of dashes with a basis is one still.
TEST(ExtractDocument, AnEntryWhoseNameIsADashIsNoFlow) {
    const std::string text = std::string(kKazeiHead) +
                             "１．特定個人情報ファイル名\n架空税ファイル\n"
                             "５．特定個人情報の提供・移転（委託に伴うものを除く。）\n"
                             "提供・移転の有無\t[○] 提供を行っている (1) 件 [] 移転を行っている ( ) 件\n"
                             "提供先1\t架空県知事\n①法令上の根拠\t番号法第19条第8号\n"
                             "移転先1\t―\n移転先2\t－\n①法令上の根拠\t架空市個人番号条例\n";
    const Assessment a = only_assessment(text, "dash-entry.txt");
    ASSERT_EQ(a.files.size(), 1u);
    ASSERT_EQ(a.files[0].provisions.size(), 1u);
    EXPECT_EQ(a.files[0].provisions[0].recipient, "架空県知事");
    ASSERT_EQ(a.files[0].transfers.size(), 1u);
    EXPECT_EQ(a.files[0].transfers[0].no, "2");
}

// The example city's 住基 assessment printed, converted by pdftotext and its pages' blocks shuffled
// (tests/fixtures/pdftext/juki_printed_shuffled.txt, its first three pages, made by the conversion
// simulator): the rebuilt rows win but miss the cover's 評価書名 and 評価実施機関名, which the
// pdftotext reader read from their labels; the model keeps those.
TEST(ExtractDocument, CoverFieldsTheKeptReadingMissedComeFromTheOther) {
    const Model m =
        extract_file((test::source_dir() / "tests" / "fixtures" / "pdftext" / "juki_printed_shuffled.txt").string());
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(a.systems.size(), 7u);  // the rows' reading
    EXPECT_EQ(a.title, "住民基本台帳に関する事務 全項目評価書");
    EXPECT_EQ(a.organization, "みどり市長");
    EXPECT_GT(a.locs.at("organization").line, 0);
}

// An organisation's set concatenated from two conversions (a pdftotext text, then tab rows): each
// assessment is read in its own conversion, not in the one most of the file has.
TEST(ExtractDocument, ConcatenatedAssessmentsEachInItsOwnConversion) {
    const std::string text =
        test::read_text(test::source_dir() / "tests" / "fixtures" / "pdftext" / "kiso_threshold.txt") + "\f\n" +
        test::read_text(fixture("jyuten_marks.txt"));
    const Model m = extract_document(decode_document(text, "two-conversions.txt"));
    ASSERT_EQ(m.assessments.size(), 2u);
    EXPECT_EQ(m.assessments[0].form, "基礎項目評価書");
    EXPECT_EQ(m.assessments[0].handlers, "500人以上");
    EXPECT_EQ(m.assessments[1].form, "重点項目評価書");
    EXPECT_EQ(m.assessments[1].number, "３");
    EXPECT_EQ(m.assessments[1].affair, "架空税の賦課に関する事務");
    EXPECT_EQ(m.assessments[1].organization, "架空市長");
}

// Minutes that quote a second assessment without its cover, right after the first one's 変更箇所
// table: its section I heading ends the table and starts the next assessment (the table's rows
// hold old values and are otherwise read up to the next cover).
TEST(ExtractDocument, SectionOneAfterTheChangeTableStartsTheNextAssessment) {
    const std::string text = test::read_text(fixture("jyuten_marks.txt")) +
                             "\n### 資料２\n\nⅠ 基本情報\n１．特定個人情報ファイルを取り扱う事務\n"
                             "①事務の名称\t架空保険に関する事務\n"
                             "２．特定個人情報ファイルを取り扱う事務において使用するシステム\n"
                             "システム1\t\n①システムの名称\t架空保険システム\n";
    const Model m = extract_document(decode_document(text, "minutes-without-cover.txt"));
    ASSERT_EQ(m.assessments.size(), 2u);
    EXPECT_EQ(m.assessments[0].affair, "架空税の賦課に関する事務");
    ASSERT_EQ(m.assessments[0].changes.size(), 3u);
    EXPECT_EQ(m.assessments[0].changes[2].explanation, "");  // not the minutes' heading after the table
    EXPECT_EQ(m.assessments[1].affair, "架空保険に関する事務");
    ASSERT_EQ(m.assessments[1].systems.size(), 1u);
    EXPECT_EQ(m.assessments[1].systems[0].name, "架空保険システム");
}

// The 変更箇所 heading met after section II was read is the annex, even where its table's rows stand
// pages away from it (pdftotext's raw order puts other cells between): they are read as changes.
TEST(ExtractDocument, TheChangeAnnexAfterSectionTwoOpensTheTableWhereverItsRowsStand) {
    const std::string fixture_text = test::read_text(fixture("jyuten_marks.txt"));
    size_t at = 0;
    for (int line = 0; line < 82; ++line) at = fixture_text.find('\n', at) + 1;  // up to its own annex
    std::string text = fixture_text.substr(0, at) + "（別添２） 変更箇所\n";
    for (int i = 0; i < 65; ++i) text += "問合せ受付時に受付票を作成し、対応について記録を残す。\n";
    text += "令和4年4月1日\tⅠ ６ ①部署\t総務部旧架空税課\t財務部架空税課\t事後\t組織改正\n";
    const Model m = extract_document(decode_document(text, "annex-far-from-its-rows.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    ASSERT_EQ(m.assessments[0].changes.size(), 1u);
    EXPECT_EQ(m.assessments[0].changes[0].after, "財務部架空税課");
    EXPECT_EQ(m.assessments[0].department, "財務部架空税課");
}

// A change row's item cut onto lines of its own (Ⅰ 基本情報 2 | システム3 …, as pdftotext's raw order
// leaves the 変更箇所 grid) names section I: it is no heading, and no next assessment starts there.
TEST(ExtractDocument, AChangeRowNamingSectionOneStartsNoAssessment) {
    const std::string text = test::read_text(fixture("jyuten_marks.txt")) + "\nⅠ 基本情報 2\nシステム3\t架空\t事前\n";
    const Model m = extract_document(decode_document(text, "changes-naming-section-one.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    EXPECT_EQ(m.assessments[0].affair, "架空税の賦課に関する事務");
}

// In a pdftotext text, section I starting over after the systems of the one before (①事務の名称 again)
// starts the next assessment quoted without its cover; the same rows converted twice, with nothing
// between them, do not.
TEST(ExtractDocument, SectionOneStartingOverSplitsOnlyAfterSystems) {
    const std::string section_one =
        "Ⅰ 基本情報\n\n１．特定個人情報ファイルを取り扱う事務\n\n ①事務の名称 架空保険に関する事務\n\n";
    const std::string systems =
        "２．特定個人情報ファイルを取り扱う事務において使用するシステム\n\n システム1\n\n"
        " ①システムの名称 架空保険システム\n\n";
    const std::string cover = "特定個人情報保護評価書（重点項目評価書）\n\n評価書番号 7\n\n\f";
    const Model twice = extract_document(decode_document(cover + section_one + section_one + systems, "twice.txt"));
    EXPECT_EQ(twice.assessments.size(), 1u);
    const std::string other =
        "Ⅰ 基本情報\n\n１．特定個人情報ファイルを取り扱う事務\n\n ①事務の名称 架空年金に関する事務\n\n";
    const Model two =
        extract_document(decode_document(cover + section_one + systems + "\f" + other + systems, "two.txt"));
    ASSERT_EQ(two.assessments.size(), 2u);
    EXPECT_EQ(two.assessments[1].affair, "架空年金に関する事務");
    EXPECT_EQ(two.assessments[1].loc.line, static_cast<int>(std::count(cover.begin(), cover.end(), '\n') +
                                                            std::count(section_one.begin(), section_one.end(), '\n') +
                                                            std::count(systems.begin(), systems.end(), '\n')) +
                                               1);
}

// The cover's 評価書番号 | 評価書名 pair whose value row lost its tab: the number and the title are
// told apart by the number's look.
TEST(ExtractDocument, CoverPairWhoseValuesLostTheirTab) {
    std::string text = test::read_text(fixture("jyuten_marks.txt"));
    const std::string pair = "３\t架空税の賦課に関する事務 重点項目評価書";
    const size_t at = text.find(pair);
    ASSERT_NE(at, std::string::npos);
    text.replace(at + std::string("３").size(), 1, "\u3000");
    const Assessment a = only_assessment(text, "cover-pair.txt");
    EXPECT_EQ(a.number, "３");
    EXPECT_EQ(a.title, "架空税の賦課に関する事務 重点項目評価書");
}

// A block converted twice, once as an HTML table and again as rows: its system counts once, the
// next one is read as usual.
TEST(ExtractDocument, SystemBlockConvertedTwiceCountsOnce) {
    const std::string rows = "システム1\t\n①システムの名称\t架空保険システム\n";
    const std::string text =
        "特定個人情報保護評価書（重点項目評価書）\n評価書番号\t5\n"
        "２．特定個人情報ファイルを取り扱う事務において使用するシステム\n"
        "<table>\n<tr><td>システム1</td><td></td></tr>\n"
        "<tr><td>①システムの名称</td><td>架空保険システム</td></tr>\n</table>\n" +
        rows + "システム2\t\n①システムの名称\t団体内統合宛名システム\n";
    const Assessment a = only_assessment(text, "converted-twice.txt");
    ASSERT_EQ(a.systems.size(), 2u);
    EXPECT_EQ(a.systems[0].name, "架空保険システム");
    EXPECT_EQ(a.systems[1].name, "団体内統合宛名システム");
}

TEST(ExtractDocument, EmptyTextIsAnInputError) {
    Document doc;
    doc.path = "empty.txt";
    doc.lines = {"", "会議録", ""};
    EXPECT_THROW(extract_document(doc), InputError);
}

// The cover's title names the affair and the form: where ①事務の名称's row was not read, the title
// gives the affair, with the title's line. A title that is only the number came from the number's
// cell and is no title.
TEST(ExtractDocument, AffairFromTheTitleWhereItsRowWasNotRead) {
    const std::string text =
        "特定個人情報保護評価書（重点項目評価書）\n評価書番号\t7\n評価書名\t架空税に関する事務 重点項目評価書\n"
        "評価実施機関名\tさくら町長\nシステム1\t\n①システムの名称\t架空税システム\n";
    const Assessment a = only_assessment(text, "no-affair-row.txt");
    EXPECT_EQ(a.affair, "架空税に関する事務");
    ASSERT_TRUE(a.locs.count("affair"));
    EXPECT_EQ(a.locs.at("affair").line, 3);

    const Assessment numbered = only_assessment(
        "特定個人情報保護評価書（重点項目評価書）\n評価書番号\t7\n評価書名\t7\n評価実施機関名\tさくら町長\n"
        "①事務の名称\t架空税に関する事務\nシステム1\t\n①システムの名称\t架空税システム\n",
        "title-is-the-number.txt");
    EXPECT_EQ(numbered.number, "7");
    EXPECT_EQ(numbered.title, "");
    EXPECT_EQ(numbered.affair, "架空税に関する事務");
}

}  // namespace
}  // namespace piagraph

namespace piagraph {
namespace {

TEST(ExtractDocument, OptionsSplitOverLinesBoxGlyphsAndSteps) {
    const Model m =
        extract_file((test::source_dir() / "tests" / "fixtures" / "extract" / "split_options.txt").string());
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(a.form, "全項目評価書");
    ASSERT_EQ(a.systems.size(), 1u);
    // ③ goes on over two continuation lines; ■ touches its label.
    EXPECT_EQ(a.systems[0].connections,
              (std::vector<std::string>{"情報提供ネットワークシステム", "既存住民基本台帳システム"}));
    EXPECT_EQ(a.systems[0].other, (std::vector<std::string>{"架空連携サーバ"}));
    EXPECT_TRUE(a.systems[0].other_checked);
    EXPECT_EQ(a.file_names, (std::vector<std::string>{"年金ファイル", "口座ファイル"}));
    // 別添1 (備考): labelled steps, a wrapped line joins its step, the 【…】 heading is no step.
    ASSERT_EQ(a.attachment1_steps.size(), 2u);
    EXPECT_EQ(a.attachment1_steps[0].label, "1-①");
    EXPECT_EQ(a.attachment1_steps[0].text, "申請書を受け付ける。受付後、架空年金システムに入力する。");
    EXPECT_EQ(a.attachment1_steps[1].label, "1-②");
    // Two II blocks. With an explicitly checked radio in the group, plain radios are unselected;
    // without one, a plain radio is the converter's filled circle (marked inferred).
    ASSERT_EQ(a.files.size(), 2u);
    EXPECT_EQ(a.files[0].methods, (std::vector<std::string>{"紙"}));
    EXPECT_EQ(a.files[1].names, (std::vector<std::string>{"口座ファイル"}));
    EXPECT_EQ(a.files[1].methods, (std::vector<std::string>{"紙"}));
    EXPECT_EQ(a.files[1].marks.at("methods"), "inferred");
}

// Sections IV–VI with their headings and item titles lost (a conversion that dropped every heading
// line): VI's items are read from their own labels, 実施日・期間 being 意見の聴取's alone and the
// first ①実施日 after it 第三者点検's; III ends at them.
TEST(ExtractDocument, ProcedureRowsWithoutTheirHeadings) {
    const std::string text =
        "特定個人情報保護評価書（全項目評価書）\n評価書番号\t5\n"
        "①事務の名称\t架空税に関する事務\n"
        "リスク１： 目的外の入手が行われるリスク\n"
        "リスクに対する措置の内容\t・必要な情報のみを記載する様式としている。\n"
        "①実施日\t令和6年11月1日\n"
        "②しきい値判断結果\t[基礎項目評価及び全項目評価の実施が義務付けられる]\n"
        "①方法\t市ホームページ及び窓口で意見を募集\n"
        "②実施日・期間\t令和6年12月2日から令和7年1月6日まで\n"
        "①実施日\t令和7年2月14日\n"
        "②方法\t架空市個人情報保護審査会による点検\n"
        "③結果\t適合していると認められた\n";
    const Assessment a = only_assessment(text, "procedure-without-headings.txt");
    EXPECT_EQ(a.procedure.comment_period, "令和6年12月2日から令和7年1月6日まで");
    EXPECT_EQ(a.procedure.review_date, "令和7年2月14日");
    EXPECT_EQ(a.procedure.review_result, "適合していると認められた");
    EXPECT_TRUE(a.coverage.at("procedure.review").found);
}

// 基礎項目評価書's しきい値判断 rows right after section I, with the II and III headings and their
// item titles lost: each is read from its own question.
TEST(ExtractDocument, KisoThresholdRowsWithoutTheirItemTitles) {
    const std::string text =
        "特定個人情報保護評価書（基礎項目評価書）\n評価書番号\t9\n"
        "①事務の名称\t架空手当に関する事務\n"
        "①部署\t福祉部福祉課\n"
        "評価対象の事務の対象人数は何人か\t[1万人以上10万人未満] <選択肢> 1) 1,000人未満（任意実施） 2) "
        "1,000人以上1万人未満 3) 1万人以上10万人未満 4) 10万人以上30万人未満 5) 30万人以上\n"
        "特定個人情報ファイル取扱者数は500人以上か\t[500人未満] <選択肢> 1) 500人以上 2) 500人未満\n"
        "過去1年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか\t[発生なし] <選択肢> 1) "
        "発生あり 2) 発生なし\n";
    const Assessment a = only_assessment(text, "kiso-without-titles.txt");
    EXPECT_EQ(a.population, "1万人以上10万人未満");
    EXPECT_EQ(a.handlers, "500人未満");
    EXPECT_EQ(a.serious_incident, "発生なし");
}

// One cell a line (pdftotext-like rows in a markdown-like text): an entry header that names its entry
// (提供先1, 委託事項1, 移転先1) takes the next line as its name, as a label takes its value.
TEST(ExtractDocument, EntryHeaderWithItsNameOnTheNextLine) {
    const std::string text =
        "特定個人情報保護評価書（重点項目評価書）\n評価書番号\t5\n"
        "１．特定個人情報ファイルを取り扱う事務\n①事務の名称\t架空税に関する事務\n"
        "１．特定個人情報ファイル名\n架空税ファイル\n"
        "５．特定個人情報の提供・移転（委託に伴うものを除く。）\n"
        "提供・移転の有無\t[○] 提供を行っている (1) 件 [ ] 移転を行っている ( ) 件\n"
        "提供先1\n国税庁長官\n①法令上の根拠\n番号法第19条第10号\n"
        "②提供先における用途\n所得税の課税を適正に行うため\n";
    // The markdown reader itself (extract_document also rebuilds rows from such a text).
    const auto read = extract_detail::parse_markdown(decode_document(text, "entry-name-next-line.txt"));
    ASSERT_EQ(read.size(), 1u);
    const Assessment& a = read.front();
    ASSERT_EQ(a.files.size(), 1u);
    ASSERT_EQ(a.files[0].provisions.size(), 1u);
    EXPECT_EQ(a.files[0].provisions[0].recipient, "国税庁長官");
    EXPECT_EQ(a.files[0].provisions[0].basis, "番号法第19条第10号");
}

// VI written one cell a line: each label of a text value takes the next line (before, 実施日・期間 was
// read with an empty value, and F09 said it was not written).
TEST(ExtractDocument, ProcedureValuesOnTheLineUnderTheirLabels) {
    const std::string text =
        "特定個人情報保護評価書（全項目評価書）\n評価書番号\t5\n"
        "①事務の名称\t架空税に関する事務\n"
        "VI 評価実施手続\n2. 国民・住民等からの意見の聴取\n①方法\n市ホームページで意見を募集した。\n"
        "②実施日・期間\n令和6年12月2日から令和7年1月6日まで\n"
        "3. 第三者点検\n①実施日\n令和7年2月14日\n②方法\n審議会による点検\n③結果\n問題ないとの答申を得た。\n";
    const auto read = extract_detail::parse_markdown(decode_document(text, "procedure-one-cell-a-line.txt"));
    ASSERT_EQ(read.size(), 1u);
    const Assessment& a = read.front();
    EXPECT_EQ(a.procedure.comment_period, "令和6年12月2日から令和7年1月6日まで");
    EXPECT_EQ(a.procedure.review_date, "令和7年2月14日");
    EXPECT_EQ(a.procedure.review_method, "審議会による点検");
    EXPECT_EQ(a.procedure.review_result, "問題ないとの答申を得た。");
}

// Section I with its item titles lost: the line after the systems that lists only names of files is
// I-3's 特定個人情報ファイル名, not an unknown item; a line of prose there is not.
TEST(ExtractDocument, FileNamesAfterTheSystemsWithoutTheirItemTitle) {
    const std::string text = std::string(kKazeiHead) +
                             "システム2～5\t\n"
                             "1. 架空税ファイル 2. 架空宛名ファイル\t\n"
                             "法令上の根拠\t番号法第9条第1項 別表第24項\n";
    const Assessment a = only_assessment(text, "names-without-title.txt");
    EXPECT_EQ(a.file_names, (std::vector<std::string>{"架空税ファイル", "架空宛名ファイル"}));
    EXPECT_TRUE(a.was_read("file_names"));
    const Assessment prose = only_assessment(
        "特定個人情報保護評価書（全項目評価書）\n評価書番号\t5\n①事務の名称\t架空税に関する事務\n"
        "システム1\t\n①システムの名称\t架空税システム\n課税資料を取り込み、通知書ファイルを作成する。\n",
        "prose-after-systems.txt");
    EXPECT_TRUE(prose.file_names.empty());
}

// Headings lost between I and II: the names of a file block on two lines above its ①ファイルの種類,
// one a numbered item before the other and a name cut inside ファイル, are the block's names; and IV's
// 監査 row 実施の有無 (自己点検 …), its heading lost too, does not undo I-6's status.
TEST(ExtractDocument, FileNamesOverLinesAndTheAuditsStatusWithoutHeadings) {
    const std::string text =
        std::string(kKazeiHead) +
        "①実施の有無\t[実施する]\t<選択肢> 1) 実施する 2) 実施しない 3) 未定\n"
        "①部署\t税務課\n②所属長の役職名\t税務課長\n"
        "なし\n"
        "1. 架空税ファイル\n2. 架空宛名ファイ\nル\n"
        "①ファイルの種類 ※\t[システム用ファイル]\t<選択肢> 1) システム用ファイル 2) その他の電子ファイル\n"
        "①入手元 ※\t[ ○ ] 本人又は本人の代理人\n"
        "実施の有無\t[ ○ ] 自己点検 [ ] 内部監査 [ ] 外部監査\n";
    const Assessment a = only_assessment(text, "names-over-lines.txt");
    ASSERT_EQ(a.files.size(), 1u);
    EXPECT_EQ(a.files[0].names, (std::vector<std::string>{"架空税ファイル", "架空宛名ファイル"}));
    EXPECT_EQ(a.linkage.status, "実施する");
}

// A cover printed from a spreadsheet, in pdftotext's raw order (cover-number-below-title.txt,
// authored): the title's first line stands above the number at the foot of its cell, so the number
// is read from the title's line and the title opens with the number. Each goes back to its field.
TEST(ExtractDocument, CoverNumberReadFromTheTitlesLine) {
    const Model m = extract_file(fixture("cover-number-below-title.txt"));
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_EQ(a.number, "21");
    EXPECT_EQ(a.title, "架空税及び架空保険料の滞納整理に関する事務 重点項目評価書");
    EXPECT_EQ(a.organization, "かえで市長");
}

// ①実施の有無's option list cut at a line end, its last option set beside ②法令上の根拠 (a printed row):
// that option is no basis. The basis is not read (so no check calls it wrong or missing), the status is.
TEST(ExtractDocument, TheStatusListsLastOptionIsNoBasis) {
    const std::string text = std::string(kKazeiHead) +
                             "①実施の有無\t[実施する] <選択肢> 1) 実施する 2) 実施しない 3)\n"
                             "②法令上の根拠\t未定\n"
                             "①部署\t税務課\n";
    const Assessment a = only_assessment(text, "status-list-beside-basis.txt");
    EXPECT_EQ(a.linkage.status, "実施する");
    EXPECT_EQ(a.linkage.basis, "");
    EXPECT_FALSE(a.was_read("linkage.basis"));
}

// A set of assessments printed into one file, each starting a page: pdftotext puts the page's form
// feed before the next cover's title. Each assessment keeps its cover.
TEST(ExtractDocument, EachCoverOfASetStartingAPage) {
    std::string text;
    for (const char* number : {"5", "6", "7"}) {
        if (!text.empty()) text += "\f";
        text += std::string("特定個人情報保護評価書（全項目評価書）\n評価書番号\t評価書名\n") + number +
                "\t架空税に関する事務 全項目評価書\n評価実施機関名\tかえで市長\n"
                "①事務の名称\t架空税に関する事務\nシステム1\t\n①システムの名称\t架空税システム\n";
    }
    const Model m = extract_document(decode_document(text, "set.txt"));
    ASSERT_EQ(m.assessments.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(m.assessments[i].number, std::to_string(5 + i));
        EXPECT_EQ(m.assessments[i].form, "全項目評価書");
        EXPECT_EQ(m.assessments[i].organization, "かえで市長");
    }
}

}  // namespace
}  // namespace piagraph
