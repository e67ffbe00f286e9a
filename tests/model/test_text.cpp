// text:: helpers. nfkc has a fast path for text that NFKC leaves alone; it must agree with
// utf8proc's own NFKC on every code point, alone and in the contexts where composition bites.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace {

using namespace piagraph;

std::string reference_nfkc(const std::string& s) {
    utf8proc_uint8_t* out = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                          &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
    if (n < 0 || out == nullptr) return s;
    std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
    std::free(out);
    return r;
}

TEST(TextNfkc, AgreesWithUtf8procOnEveryBmpCodePointInContext) {
    // Contexts: alone; after a kana (composes with a following voiced mark); before a voiced
    // mark; after a Hangul leading jamo (composes with a following vowel); after "e" (composes
    // with a following combining acute).
    const std::string before[] = {"", "か", "", "\xE1\x84\x80", "e"};
    const std::string after[] = {"", "", "\xE3\x82\x99", "", ""};
    int mismatches = 0;
    for (char32_t c = 1; c < 0x10000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are not characters
        const std::string ch = text::to_utf8(c);
        for (size_t k = 0; k < std::size(before); ++k) {
            const std::string s = before[k] + ch + after[k];
            if (text::nfkc(s) != reference_nfkc(s) && ++mismatches <= 5)
                ADD_FAILURE() << "U+" << std::hex << static_cast<unsigned>(c) << " in context " << k;
        }
    }
    EXPECT_EQ(mismatches, 0);
}

TEST(TextNfkc, FoldsWidthAndKeepsJapanese) {
    EXPECT_EQ(text::nfkc("ＣＳ（１）"), "CS(1)");
    EXPECT_EQ(text::nfkc("住民基本台帳ネットワークシステム"), "住民基本台帳ネットワークシステム");
    EXPECT_EQ(text::nfkc("ｻｰﾊﾞｰ"), "サーバー");
    EXPECT_EQ(text::nfkc("か\xE3\x82\x99"), "が");  // か + combining voiced mark
    EXPECT_EQ(text::nfkc("①"), "1");
    EXPECT_EQ(text::nfkc(""), "");
    // Invalid UTF-8 is left as it is, never dropped.
    EXPECT_EQ(text::nfkc("a\xFF"
                         "b"),
              "a\xFF"
              "b");
}

}  // namespace

namespace {

// match_key as first written (code points in, code points out): the reference for the UTF-8 one.
std::string reference_match_key(const std::string& s) {
    std::u32string in = text::to_u32(reference_nfkc(s)), out;
    auto space = [](char32_t c) {
        return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0x3000 || c == 0xA0;
    };
    for (char32_t c : in) {
        if (space(c)) continue;
        if (c == U'〇' || c == U'◯') c = U'○';
        if (c == U'ｰ' || c == U'−' || c == U'－') c = U'ー';
        if (c == U'ー' && !out.empty() && out.back() >= 0x30A0 && out.back() <= 0x30FF) continue;
        out.push_back(c);
    }
    return text::to_utf8(out);
}

// squeeze as first written, through code points.
std::string reference_squeeze(const std::string& s) {
    auto space = [](char32_t c) {
        return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0x3000 || c == 0xA0;
    };
    std::u32string out;
    bool pending = false;
    for (char32_t c : text::to_u32(s)) {
        if (space(c)) {
            pending = true;
            continue;
        }
        if (pending && !out.empty()) out.push_back(U' ');
        pending = false;
        out.push_back(c);
    }
    return text::to_utf8(out);
}

TEST(TextLength, LongerThanCountsCodePointsAsLengthDoes) {
    EXPECT_FALSE(text::longer_than("", 0));
    EXPECT_TRUE(text::longer_than("評価書", 2));
    EXPECT_FALSE(text::longer_than("評価書", 3));   // nine bytes, three code points
    EXPECT_TRUE(text::longer_than("\xFF\xFE", 1));  // an invalid byte is one, as length counts it
    EXPECT_FALSE(text::longer_than("\xFF\xFE", 2));
}

TEST(TextSqueeze, CollapsesEveryKindOfSpace) {
    EXPECT_EQ(text::squeeze("  住基\u3000\u3000ネット \t CS\u00A0 "), "住基 ネット CS");
    EXPECT_EQ(text::squeeze("a\xFF b"), "a\xEF\xBF\xBD b");
    EXPECT_EQ(text::squeeze(""), "");
}

TEST(TextMatchKey, FoldsNamesForMatching) {
    EXPECT_EQ(text::match_key("中間サーバー"), text::match_key("中間サーバ"));
    EXPECT_EQ(text::match_key("住基 ネット　（ＣＳ）"), "住基ネット(CS)");
    EXPECT_EQ(text::match_key("〇〇課"), "○○課");
    EXPECT_EQ(text::match_key("インターフェイス"), "インタフェイス");
    EXPECT_EQ(text::match_key("a\xFF"), "a\xEF\xBF\xBD");  // an invalid byte reads as U+FFFD
}

// Radicals that PDF fonts give for ideographs: the supplement's (⺠ U+2EA0, ⻑ U+2ED1), which NFKC
// leaves as they are, and the Kangxi ones (⼊ U+2F0A, ⼿ U+2F3F); other text is kept byte for byte.
TEST(TextFoldGlyphVariants, RadicalsBecomeTheirIdeographs) {
    EXPECT_EQ(text::nfkc("住\u2EA0"), "住\u2EA0");  // why NFKC is not enough
    EXPECT_EQ(text::fold_glyph_variants("既存住\u2EA0基本台帳システム"), "既存住民基本台帳システム");
    EXPECT_EQ(text::fold_glyph_variants("架空市\u2ED1"), "架空市長");
    EXPECT_EQ(text::fold_glyph_variants("\u2F0A\u2F3F方法 ①"), "入手方法 ①");
    EXPECT_EQ(text::fold_glyph_variants("\u2EA0"), "民");  // alone, at the very end of a text
    // ⼾ (DOOR) is the Japanese 戸 (U+6238) its glyph draws, not the traditional 戶 (U+6236) of NFKC
    EXPECT_EQ(text::nfkc("\u2F3E"), "\u6236");
    EXPECT_EQ(text::fold_glyph_variants("\u2F3E籍システム"), "戸籍システム");
    const std::string plain = "①事務の名称\t住民基本台帳に関する事務 … ※ \xFF";
    EXPECT_EQ(text::fold_glyph_variants(plain), plain);
    EXPECT_EQ(text::fold_glyph_variants(""), "");
}

TEST(TextFoldGlyphVariants, LookalikesBesideKanaOrKanjiAreTheMiddleDot) {
    // mutool writes the form's ・ as U+2027; other fonts map it to U+00B7, U+2219 or U+22C5
    EXPECT_EQ(text::fold_glyph_variants("行政機関\u2027独立行政法人等"), "行政機関・独立行政法人等");
    EXPECT_EQ(text::fold_glyph_variants("\u2027資格管理機能"), "・資格管理機能");
    EXPECT_EQ(text::fold_glyph_variants("地方公共団体\u00B7地方独立行政法人 取得\u2219喪失 住所\u22C5氏名"),
              "地方公共団体・地方独立行政法人 取得・喪失 住所・氏名");
    // between Latin letters or digits it is left as written
    EXPECT_EQ(text::fold_glyph_variants("a\u00B7b 1\u2027 2"), "a\u00B7b 1\u2027 2");
    const std::string plain = "①事務の名称\t住民基本台帳に関する事務・※";
    EXPECT_EQ(text::fold_glyph_variants(plain), plain);
    // a radical before a dot is the ideograph it stands for: the dot touches kanji
    EXPECT_EQ(text::fold_glyph_variants("\u2EA0\u2027\u2F0A"), "民・入");
}

// A layout text whose runs of spaces a tool wrote as tabs (unexpand -a) is laid out again, a tab
// to the next column of eight counted in code points; a text of tab-separated cells is not.
TEST(TextWithLayoutTabsExpanded, TabsForALayoutsSpaces) {
    std::string tabified, cells;
    for (int i = 0; i < 20; ++i) {
        tabified += "\t ①システムの名称\t\t  国民年金システム\n";
        cells += "①システムの名称\t国民年金システム\n";
    }
    const std::string expanded = text::with_layout_tabs_expanded(tabified);
    // the label at column 9 ("\t "), 8 code points long; two tabs to column 32, then two spaces
    EXPECT_EQ(expanded.substr(0, expanded.find('\n')),
              std::string(9, ' ') + "①システムの名称" + std::string(7 + 8 + 2, ' ') + "国民年金システム");
    EXPECT_EQ(text::with_layout_tabs_expanded(cells), cells);
    EXPECT_EQ(text::with_layout_tabs_expanded("a\t b\n"), "a\t b\n");  // too few lines to tell
}

TEST(TextWithPlainSpaces, NoBreakSpacesBecomeSpaces) {
    EXPECT_EQ(text::with_plain_spaces("[\u00A0○\u00A0]\u00A0紙"), "[ ○ ] 紙");
    EXPECT_EQ(text::with_plain_spaces("\u00A0"), " ");
    EXPECT_EQ(text::with_plain_spaces("住民\u3000基本台帳 ¢"), "住民\u3000基本台帳 ¢");  // other spaces, other C2 xx
}

// A cell spread to its width (one space between each character) is joined again; words set apart
// by spaces, numbers alone and boxes keep their spaces.
TEST(TextJoinSpacedCharacters, SpreadCellsAreJoinedWordsAreNot) {
    EXPECT_EQ(text::join_spaced_characters(" ③ 他 の シ ス テ ム と の 接 続"), " ③他のシステムとの接続          ");
    EXPECT_EQ(text::join_spaced_characters("提 供 先 1 都道府県"), "提供先1    都道府県");
    // A date whose numbers pdftotext set apart is no label spread over its cell.
    EXPECT_EQ(text::join_spaced_characters("令和 7 年 2 月 10 日"), "令和 7 年 2 月 10 日");
    EXPECT_EQ(text::join_spaced_characters("  委 託 事 項 6 ～ 1 0\n評\u3000価\u3000書\u3000名"),
              "  委託事項6～10       \n評価書名   ");
    // -layout: the characters of a justified cell two or more spaces apart; the value keeps its column
    EXPECT_EQ(text::join_spaced_characters("公    表    日          令和7年3月28日"),
              "公表日                  令和7年3月28日");
    // -layout of a cell justified to its width (均等割り付け): gaps that differ as the columns round
    EXPECT_EQ(text::join_spaced_characters("①      事    務     の     名   称 国民健康保険に関する事務"),
              "①事務の名称                        国民健康保険に関する事務");
    EXPECT_EQ(text::join_spaced_characters("シ        ス     テ      ム     1"), "システム1                        ");
    EXPECT_EQ(text::join_spaced_characters("①   シ ス         テ       ム       の       名   称 中間サーバー"),
              "①システムの名称" + std::string(38, ' ') + "中間サーバー");
    EXPECT_EQ(text::join_spaced_characters("\f①   入   手   元 [ ○ ] 紙"),
              "\f①入手元" + std::string(9, ' ') + " [ ○ ] 紙");
    // the field's number set against the first character, a ※ against the last (Calc's 均等割り付け)
    EXPECT_EQ(text::join_spaced_characters("①事   務   の   名   称"), "①事務の名称" + std::string(12, ' '));
    EXPECT_EQ(text::join_spaced_characters("①入      手     元※"), "①入手元※" + std::string(11, ' '));
    // the last character at the cell's right edge, further off
    EXPECT_EQ(text::join_spaced_characters("③ 他 の シ ス テ ム と の 接          続 [ ] 情報提供"),
              "③他のシステムとの接続" + std::string(20, ' ') + "[ ] 情報提供");
    EXPECT_EQ(text::join_spaced_characters("② 事 務 の 内 容          ※ 住民基本台帳法"),
              "②事務の内容※" + std::string(16, ' ') + "住民基本台帳法");
    EXPECT_EQ(text::join_spaced_characters("ス              テ            ム"), "ステム" + std::string(26, ' '));
    const std::string kept =
        "地方税 国保 住民税\n1 2 3 4\n[ ○ ] 紙 [ ] 電子記録媒体\n[ ] 有 [ ○ ] 無\n部 署\n部  署  課長\n"
        "提 供 先1";
    EXPECT_EQ(text::join_spaced_characters(kept), kept);
}

// Every line of the documents we ship and of the corpus: both fast paths agree with the references.
TEST(TextFastPaths, AgreeWithReferencesOnRealLines) {
    std::vector<std::filesystem::path> files;
    std::vector<std::filesystem::path> dirs = {test::source_dir() / "examples"};
    if (test::have_shared()) dirs.push_back(test::shared_dir() / "corpus");  // examples alone otherwise
    for (const auto& dir : dirs)
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
            if (entry.path().extension() == ".txt") files.push_back(entry.path());
    size_t lines = 0;
    for (const auto& path : files) {
        for (const auto& line : text::split_lines(test::read_text(path))) {
            ++lines;
            ASSERT_EQ(text::nfkc(line), reference_nfkc(line)) << path << ": " << line;
            ASSERT_EQ(text::match_key(line), reference_match_key(line)) << path << ": " << line;
            ASSERT_EQ(text::squeeze(line), reference_squeeze(line)) << path << ": " << line;
            ASSERT_EQ(text::length(line), text::to_u32(line).size()) << path << ": " << line;
            for (const size_t chars :
                 {size_t{0}, size_t{1}, text::length(line) / 2, text::length(line), text::length(line) + 1})
                ASSERT_EQ(text::longer_than(line, chars), text::length(line) > chars) << path << ": " << line;
            std::string compact;
            for (char32_t c : text::to_u32(reference_nfkc(line)))
                if (!(c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0x3000 || c == 0xA0))
                    compact += text::to_utf8(c);
            ASSERT_EQ(text::nfkc_compact(line), compact) << path << ": " << line;
        }
    }
    EXPECT_GT(lines, 100u);
}

}  // namespace
