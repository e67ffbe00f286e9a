// Stage 1 on bad and unusual input: every encoding we promise to read decodes to the same text,
// everything else is refused with an InputError naming the file (and line where one applies).
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "piagraph/error.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/io.hpp"
#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;
using test::read_text;
using test::source_dir;

// Bytes of a literal, embedded NULs included.
template <size_t N>
std::string raw(const char (&s)[N]) {
    return std::string(s, N - 1);
}

fs::path fixture(const std::string& name) { return source_dir() / "tests" / "fixtures" / "ingest" / name; }

// Decodes and expects an InputError; returns it for further checks.
InputError decode_error(const std::string& bytes, const std::string& path = "input.txt") {
    try {
        decode_document(bytes, path);
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), path);
        EXPECT_FALSE(e.message().ja.empty());
        EXPECT_FALSE(e.message().en.empty());
        return e;
    }
    ADD_FAILURE() << "decode_document accepted bad input";
    return InputError(path, -1, {"", ""});
}

TEST(Decode, Utf8FixtureIsReadAsIs) {
    std::string utf8 = read_text(fixture("excerpt-utf8.txt"));
    ASSERT_FALSE(utf8.empty());
    Document doc = decode_document(utf8, "excerpt.txt");
    EXPECT_EQ(doc.encoding, "UTF-8");
    EXPECT_EQ(doc.text, utf8);
    EXPECT_EQ(doc.lines[3], "1\t住民基本台帳に関する事務　全項目評価書");
}

TEST(Decode, Utf8BomIsDropped) {
    std::string utf8 = read_text(fixture("excerpt-utf8.txt"));
    Document doc = decode_document("\xEF\xBB\xBF" + utf8, "bom.txt");
    EXPECT_EQ(doc.encoding, "UTF-8");
    EXPECT_EQ(doc.text, utf8);
}

TEST(Decode, CrlfLinesMatchLfLines) {
    std::string utf8 = read_text(fixture("excerpt-utf8.txt"));
    std::string crlf;
    for (char c : utf8) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    EXPECT_EQ(decode_document(crlf, "crlf.txt").lines, decode_document(utf8, "lf.txt").lines);
}

// A text whose PDF font gave radicals for some ideographs (住⺠, 市⻑) is read as the ideographs, on
// the same lines.
TEST(Decode, RadicalsAreReadAsTheirIdeographs) {
    const Document doc = decode_document("評価実施機関名\t架空市\u2ED1\n住\u2EA0基本台帳\n", "radicals.txt");
    ASSERT_EQ(doc.lines.size(), 2u);
    EXPECT_EQ(doc.lines[0], "評価実施機関名\t架空市長");
    EXPECT_EQ(doc.lines[1], "住民基本台帳");
}

// Shift_JIS/CP932 must be decoded (not rejected), including the CP932-only characters.
TEST(Decode, Cp932IsDecodedToTheSameText) {
    std::string utf8 = read_text(fixture("excerpt-utf8.txt"));
    std::string sjis = read_text(fixture("excerpt-cp932.txt"));
    ASSERT_NE(sjis, utf8);
    Document doc = decode_document(sjis, "sjis.txt");
    EXPECT_EQ(doc.encoding, "CP932");
    EXPECT_EQ(doc.text, utf8);
    EXPECT_TRUE(text::contains(doc.text, "髙橋・﨑山㈱保守"));
    EXPECT_TRUE(text::contains(doc.text, "№2"));
}

struct Utf16Case {
    const char* file;
    const char* encoding;
};

class DecodeUtf16 : public ::testing::TestWithParam<Utf16Case> {};

TEST_P(DecodeUtf16, DecodesToTheSameText) {
    std::string utf8 = read_text(fixture("excerpt-utf8.txt"));
    std::string bytes = read_text(fixture(GetParam().file));
    Document doc = decode_document(bytes, GetParam().file);
    EXPECT_EQ(doc.encoding, GetParam().encoding);
    EXPECT_EQ(doc.text, utf8);
    EXPECT_EQ(doc.lines.size(), decode_document(utf8, "utf8.txt").lines.size());
}

INSTANTIATE_TEST_SUITE_P(Encodings, DecodeUtf16,
                         ::testing::Values(Utf16Case{"excerpt-utf16le-bom.txt", "UTF-16LE"},
                                           Utf16Case{"excerpt-utf16le.txt", "UTF-16LE"},
                                           Utf16Case{"excerpt-utf16be-bom.txt", "UTF-16BE"},
                                           Utf16Case{"excerpt-utf16be.txt", "UTF-16BE"}));

TEST(Decode, TruncatedUtf16IsRefused) {
    std::string bytes = read_text(fixture("excerpt-utf16le-bom.txt"));
    bytes.pop_back();  // half a code unit
    InputError e = decode_error(bytes, "cut16.txt");
    EXPECT_TRUE(text::contains(e.message().en, "UTF-16")) << e.message().en;
}

TEST(Decode, EmptyFileIsRefused) {
    EXPECT_TRUE(text::contains(decode_error("").message().en, "empty"));
    // White space only (ASCII and the ideographic space) is empty too.
    EXPECT_TRUE(text::contains(decode_error(" \n\t\r\n\xE3\x80\x80\n").message().en, "empty"));
}

TEST(Decode, PngIsRefusedAsBinary) {
    std::string png = raw("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0");
    InputError e = decode_error(png, "image.png");
    EXPECT_TRUE(text::contains(e.message().en, "binary")) << e.message().en;
    EXPECT_TRUE(text::contains(e.message().ja, "バイナリ")) << e.message().ja;
}

TEST(Decode, ElfIsRefusedAsBinary) {
    std::string elf =
        raw("\x7f"
            "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0");
    elf += std::string(200, '\0');
    InputError e = decode_error(elf, "a.out");
    EXPECT_TRUE(text::contains(e.message().en, "binary")) << e.message().en;
}

// A PDF is read as a PDF (tests/ingest/test_pdf.cpp); one cut off after its first object is
// refused as broken, not as binary text.
TEST(Decode, TruncatedPdfIsRefusedAsBrokenPdf) {
    std::string pdf =
        raw("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length 5 /Filter /FlateDecode >>\nstream\n\x78\x9c\x03\0\0\x01");
    InputError e = decode_error(pdf, "doc.pdf");
    EXPECT_TRUE(text::contains(e.message().en, "broken or truncated")) << e.message().en;
}

// A file cut in the middle of a character: refused, and the line of the cut is named.
TEST(Decode, TruncatedUtf8NamesTheLine) {
    std::string full = "評価書番号\t評価書名\n1\t住民基本台帳に関する事務\n公表日\n令和7年";
    std::string cut = full + std::string("\xE5\xB9", 2);  // 年 is E5 B9 B4: drop the last byte
    InputError e = decode_error(cut, "cut.txt");
    EXPECT_EQ(e.line(), 4);
    EXPECT_TRUE(text::contains(e.message().en, "truncated")) << e.message().en;
    EXPECT_EQ(e.format(Lang::en).rfind("cut.txt:4: ", 0), 0u) << e.format(Lang::en);
}

// UTF-8 with one corrupt byte in the middle is not Shift_JIS: say where the bad byte is instead
// of decoding the whole file as mojibake.
TEST(Decode, CorruptByteInUtf8IsRefusedWithItsLine) {
    std::string utf8 = read_text(fixture("excerpt-utf8.txt"));
    size_t line4 = 0;
    for (int i = 0; i < 3; ++i) line4 = utf8.find('\n', line4) + 1;
    ASSERT_EQ(utf8.compare(line4, 2, "1\t"), 0);
    utf8.insert(line4 + 2, 1, '\xFF');
    InputError e = decode_error(utf8, "corrupt.txt");
    EXPECT_EQ(e.line(), 4);
    EXPECT_TRUE(text::contains(e.message().en, "UTF-8")) << e.message().en;
}

TEST(Decode, TooLargeIsRefusedBeforeDecoding) {
    IngestOptions small;
    small.max_bytes = 1024;
    try {
        decode_document(std::string(2048, 'a'), "big.txt", small);
        FAIL() << "accepted a file over the limit";
    } catch (const InputError& e) {
        EXPECT_TRUE(text::contains(e.message().en, "too large")) << e.message().en;
    }
}

TEST(Load, MissingFileAndDirectoryAreRefused) {
    fs::path dir = test::temp_dir();
    try {
        load_document((dir / "nope.txt").string());
        FAIL();
    } catch (const InputError& e) {
        EXPECT_TRUE(text::contains(e.message().en, "not found")) << e.message().en;
        EXPECT_EQ(e.file(), (dir / "nope.txt").string());
    }
    try {
        load_document(dir.string());
        FAIL();
    } catch (const InputError& e) {
        EXPECT_TRUE(text::contains(e.message().en, "directory")) << e.message().en;
    }
}

// A file far over the limit is refused from its size, without reading it.
TEST(Load, HugeFileIsRefusedBySize) {
    fs::path big = test::temp_dir() / "huge.txt";
    {
        std::ofstream out(big, std::ios::binary);
        out.seekp(200 * 1024 * 1024 - 1);  // sparse: 200 MB on paper, nothing on disk
        out.put('\n');
    }
    try {
        load_document(big.string());
        FAIL();
    } catch (const InputError& e) {
        EXPECT_TRUE(text::contains(e.message().en, "too large")) << e.message().en;
    }
}

TEST(DetectFormat, ExamplesAreMarkdown) {
    for (const char* name : {"midori-juki.txt", "midori-kojin-juminzei.txt"}) {
        Document doc = load_document((source_dir() / "examples" / "midori" / name).string());
        EXPECT_EQ(doc.format, TextFormat::markdown) << name;
    }
}

TEST(DetectFormat, CorpusConversionsAreToldApart) {
    PIAGRAPH_REQUIRE_SHARED();
    EXPECT_EQ(load_document(test::corpus("001_f3ae5f06107008c9.txt").string()).format, TextFormat::markdown);
    EXPECT_EQ(load_document(test::corpus("002_ce1e4f6d08f5269a.txt").string()).format, TextFormat::markdown);
    EXPECT_EQ(load_document(test::corpus("003_f26928cd63338999.txt").string()).format, TextFormat::pdftext);
}

}  // namespace
}  // namespace piagraph
