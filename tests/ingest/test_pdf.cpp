// Stage 1 on PDF input (GitHub issue 11): a PDF is known by its signature, read page by page
// through poppler, and refused with one clear error when it cannot be read. The PDFs here are
// written by the test itself (Helvetica, ASCII text); tests/pdf checks printed assessments.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "piagraph/error.hpp"
#include "piagraph/ingest.hpp"

namespace piagraph {
namespace {

// A PDF of one page per content stream (Helvetica as /F1), each page `media_box` wide and high,
// with a correct xref table.
std::string pdf_of_contents(const std::vector<std::string>& contents, const std::string& media_box) {
    std::vector<std::string> objects;
    std::string kids;
    const size_t first_page = 4;  // 1 catalog, 2 page tree, 3 font, then page + content pairs
    for (size_t i = 0; i < contents.size(); ++i) kids += std::to_string(first_page + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    for (size_t i = 0; i < contents.size(); ++i) {
        const std::string& content = contents[i];
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [" + media_box +
                          "] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                          std::to_string(first_page + 2 * i + 1) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    }
    std::string pdf = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t off : offsets) {
        std::string n = std::to_string(off);
        pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

// A PDF of one letter-size page per text ("" makes a page without any text).
std::string minimal_pdf(const std::vector<std::string>& pages) {
    std::vector<std::string> contents;
    for (const auto& text : pages)
        contents.push_back(text.empty() ? "" : "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET");
    return pdf_of_contents(contents, "0 0 612 792");
}

// Words at (x, y) on a page, one text object each.
std::string words_at(const std::vector<std::tuple<int, int, std::string>>& words) {
    std::string content;
    for (const auto& [x, y, text] : words)
        content += "BT /F1 12 Tf " + std::to_string(x) + " " + std::to_string(y) + " Td (" + text + ") Tj ET\n";
    return content;
}

InputError pdf_error(const std::string& bytes, const IngestOptions& options = {}) {
    try {
        decode_document(bytes, "input.pdf", options);
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "input.pdf");
        return e;
    }
    ADD_FAILURE() << "no InputError";
    return InputError("", 0, {});
}

TEST(Pdf, KnownBySignatureNotByName) {
    EXPECT_TRUE(is_pdf("%PDF-1.7\n..."));
    EXPECT_TRUE(is_pdf("\x01\x02junk before the header %PDF-1.4\n"));
    EXPECT_FALSE(is_pdf("特定個人情報保護評価書" + std::string(2000, ' ') + "%PDF- too far in to be a header"));
    const Document doc = decode_document(minimal_pdf({"Hello"}), "named-like-a-text.txt");
    EXPECT_EQ(doc.encoding, "PDF");
}

// A landscape sheet printed with two pages side by side (2-up): each half is a page of its own,
// left then right, as two pages are parted. A landscape page whose words cross its middle is one
// page, its lines read across.
TEST(Pdf, TwoPagesASheetAreTwoPages) {
    const std::string two_up = words_at({{60, 500, "LEFT ONE"},
                                         {60, 480, "LEFT TWO"},
                                         {60, 460, "LEFT THREE"},
                                         {480, 500, "RIGHT ONE"},
                                         {480, 480, "RIGHT TWO"},
                                         {480, 460, "RIGHT THREE"}});
    const Document halves = decode_document(pdf_of_contents({two_up}, "0 0 842 595"), "input.pdf");
    ASSERT_EQ(halves.page_starts.size(), 1u);
    const size_t left = halves.text.find("LEFT THREE"), feed = halves.text.find('\f'),
                 right = halves.text.find("RIGHT ONE");
    ASSERT_NE(feed, std::string::npos);
    EXPECT_LT(left, feed);
    EXPECT_LT(feed, right);
    for (const auto& line : halves.lines)
        EXPECT_FALSE(line.find("LEFT") != std::string::npos && line.find("RIGHT") != std::string::npos) << line;

    const std::string across =
        two_up + words_at({{60, 440, "LEFT A LINE THAT RUNS ACROSS THE WHOLE SHEET FROM ONE SIDE TO THE RIGHT"}});
    const Document one = decode_document(pdf_of_contents({across}, "0 0 842 595"), "input.pdf");
    EXPECT_EQ(one.text.find('\f'), std::string::npos);
    EXPECT_TRUE(std::any_of(one.lines.begin(), one.lines.end(), [](const std::string& l) {
        return l.find("LEFT ONE") != std::string::npos && l.find("RIGHT ONE") != std::string::npos;
    }));
}

TEST(Pdf, PagesAreReadInOrderAndAnEmptyPageIsNamed) {
    const Document doc = decode_document(minimal_pdf({"First page text", "", "Third page text"}), "input.pdf");
    ASSERT_EQ(doc.page_starts.size(), 3u);
    EXPECT_EQ(doc.unread_pages, std::vector<int>{2});
    int first = 0, third = 0;
    for (size_t i = 0; i < doc.lines.size(); ++i) {
        if (doc.lines[i].find("First page text") != std::string::npos) first = static_cast<int>(i) + 1;
        if (doc.lines[i].find("Third page text") != std::string::npos) third = static_cast<int>(i) + 1;
    }
    ASSERT_GT(first, 0);
    ASSERT_GT(third, first);
    EXPECT_EQ(doc.page_of(first), 1);
    EXPECT_EQ(doc.page_of(third), 3);
    EXPECT_EQ(doc.page_of(0), 0);
    // A text document has no pages.
    EXPECT_EQ(decode_document("plain text\n", "input.txt").page_of(1), 0);
}

TEST(Pdf, WithoutAnyTextItIsAScan) {
    EXPECT_NE(pdf_error(minimal_pdf({"", ""})).message().ja.find("スキャン画像"), std::string::npos);
}

TEST(Pdf, TruncatedOrBrokenIsRefused) {
    const std::string pdf = minimal_pdf({"Hello"});
    EXPECT_NE(pdf_error(pdf.substr(0, pdf.size() / 2)).message().ja.find("壊れて"), std::string::npos);
    EXPECT_NE(pdf_error("%PDF-1.7\n" + std::string(300, '\x9c') + "\n%%EOF\n").message().ja.find("壊れて"),
              std::string::npos);
}

TEST(Pdf, TooManyPagesIsRefusedBeforeReadingThem) {
    IngestOptions options;
    options.max_pdf_pages = 2;
    const InputError e = pdf_error(minimal_pdf({"a", "b", "c"}), options);
    EXPECT_NE(e.message().ja.find("3 ページ、上限 2 ページ"), std::string::npos) << e.message().ja;
}

}  // namespace
}  // namespace piagraph
