// page_furniture: the running header and footer of a printed form's pages, found by what repeats on
// the pages' edges (tests/fixtures/layout/sakura-foot.txt, authored, and texts written here).
#include <gtest/gtest.h>

#include "../../src/extract/page_furniture.hpp"
#include "piagraph/ingest.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

using extract_detail::page_furniture;

std::vector<std::string> lines_of(const std::string& text) { return decode_document(text, "pages.txt").lines; }

// A page's own rows: no two pages alike.
const char* const kRows[] = {"①事務の名称 国民年金に関する事務\n", "②事務の内容 届出を受け付ける。\n",
                             "③対象人数 [1万人以上10万人未満]\n", "①システムの名称 国民年金システム\n",
                             "②システムの機能 資格記録を管理する。\n"};

// Three pages printed from a sheet: its name on top of each page and the page's number at the foot
// are found, nothing else (the cover's title, the labels, a value that ends a page).
TEST(PageFurniture, TheSheetsNameAndThePageNumber) {
    const Document doc =
        load_document((test::source_dir() / "tests" / "fixtures" / "layout" / "sakura-foot.txt").string());
    EXPECT_EQ(page_furniture(doc.lines), (std::vector<size_t>{0, 33, 34, 58, 59, 70}));
}

// A title repeated as each page's header is where a cover is found: it is kept. So are bare page
// numbers, which the readers know, and a line that repeats on too few pages.
TEST(PageFurniture, KeepsTitlesPageNumbersAndLinesOfFewPages) {
    std::string text;
    for (int page = 1; page <= 4; ++page) {
        if (page > 1) text += "\f";
        text += std::string("特定個人情報保護評価書（全項目評価書）\n") + kRows[page - 1];
        text += page <= 1 ? "みどり市 個人情報保護課\n" : "";
        text += "- " + std::to_string(page) + " -\n";
    }
    EXPECT_TRUE(page_furniture(lines_of(text)).empty());
}

// A file of covers, one a page (a set of assessments printed into one file): the cover's labels at
// the top of each page are the form's own lines, not a running header.
TEST(PageFurniture, KeepsTheCoversLabelsOnEveryPage) {
    std::string text;
    for (int page = 1; page <= 4; ++page) {
        if (page > 1) text += "\f";
        text += "評価書番号 評価書名\n" + std::to_string(page) + " 事務" + std::to_string(page) + " 全項目評価書\n";
        text += "評価実施機関名\nみどり市長\n";
        text += std::string(kRows[page - 1]) + kRows[page];
    }
    EXPECT_TRUE(page_furniture(lines_of(text)).empty());
}

// pdftotext's raw order may put a page's first cells before its header (①… | ②… | Sheet1): a line
// that repeats a few lines into most pages is a header too, unless it is a label of the form, which
// the pages of a long list repeat near their tops.
TEST(PageFurniture, AHeaderAFewLinesIntoThePage) {
    std::string text;
    for (int page = 1; page <= 4; ++page) {
        if (page > 1) text += "\f";
        text += std::string("①法令上の根拠\n②提供先における用途\n") + kRows[page - 1] + "Sheet1\n" + kRows[page];
        text += "Page " + std::to_string(page) + "\n";
    }
    const std::vector<std::string> lines = lines_of(text);
    std::vector<size_t> expected;
    for (size_t i = 0; i < lines.size(); ++i)
        if (lines[i].find("Sheet1") != std::string::npos || lines[i].find("Page") != std::string::npos)
            expected.push_back(i);
    EXPECT_EQ(expected.size(), 8u);
    EXPECT_EQ(page_furniture(lines), expected);
}

// A header that repeats on most pages is found on those pages, whatever its digits: a document's
// date or number changes from page to page.
TEST(PageFurniture, RepeatsOnMostPagesWhateverTheDigits) {
    std::string text;
    for (int page = 1; page <= 5; ++page) {
        if (page > 1) text += "\f";
        text += page == 3 ? "" : "みどり市 " + std::to_string(page) + "ページ\n";
        text += kRows[page - 1];
    }
    const auto lines = lines_of(text);
    EXPECT_EQ(page_furniture(lines), (std::vector<size_t>{0, 2, 5, 7}));
}

// Without form feeds a text has no pages to compare: nothing is found.
TEST(PageFurniture, NoneInATextWithoutPages) {
    std::string text;
    for (const char* row : kRows) text += std::string("Sheet1\n") + row;
    EXPECT_TRUE(page_furniture(lines_of(text)).empty());
}

}  // namespace
}  // namespace piagraph
