// page_furniture: the running header and footer of a printed form's pages, found by what repeats on
// the pages' edges (tests/fixtures/layout/sakura-foot.txt, authored, and texts written here).
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "../../src/extract/page_furniture.hpp"
#include "piagraph/ingest.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

using extract_detail::page_furniture;
using extract_detail::printed_page_order;

std::vector<std::string> lines_of(const std::string& text) { return decode_document(text, "pages.txt").lines; }

// A page's own rows: no two pages alike.
const char* const kRows[] = {"①事務の名称 国民年金に関する事務\n", "②事務の内容 届出を受け付ける。\n",
                             "③対象人数 [1万人以上10万人未満]\n", "①システムの名称 国民年金システム\n",
                             "②システムの機能 資格記録を管理する。\n"};

// A page's own rows, deeper than any edge: its letter keeps them apart from page to page.
std::string page_rows(int page) {
    std::string out;
    for (const char* row : kRows) out += std::string(row).insert(0, 1, static_cast<char>('A' + page));
    return out;
}

// Three pages printed from a sheet: its name on top of each page and the page's number at the foot
// are found, nothing else (the cover's title, the labels, a value that ends a page).
TEST(PageFurniture, TheSheetsNameAndThePageNumber) {
    const Document doc =
        load_document((test::source_dir() / "tests" / "fixtures" / "layout" / "sakura-foot.txt").string());
    EXPECT_EQ(page_furniture(doc.lines), (std::vector<size_t>{0, 33, 34, 58, 59, 70}));
}

// A browser's header and footer (the print's date, the page's title cut short, its address, N/M):
// the title and the address are longer than a running line of the form, yet at the very edge of
// every page they are furniture. A long line at the edge of half the pages only stays.
TEST(PageFurniture, ABrowsersLongHeaderAndFooter) {
    const std::string title =
        "特定個人情報保護評価書（全項目評価書）｜評価書番号5 個人住民税の賦課・収納に関する事務 - "
        "すだち市 特定個人情報…\n";
    const std::string address = "http://pia.city.example.lg.local/hyoka/print/zenkomoku?id=PIA-2025-0005&mode=print\n";
    const std::string half =
        "この頁の記載事項は、令和6年10月1日現在の事務の実施状況に基づき、担当課が記載したものである。\n";
    std::string text;
    std::vector<size_t> expected;
    const auto line_no = [&] { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); };
    for (int page = 1; page <= 4; ++page) {
        if (page > 1) text += "\f";
        expected.push_back(line_no());
        text += "12/6/26, 9:04 PM\n";
        expected.push_back(line_no());
        text += title + page_rows(page);
        if (page % 2 == 0) text += half;
        expected.push_back(line_no());
        text += address + std::to_string(page) + "/4\n";
    }
    EXPECT_EQ(page_furniture(lines_of(text)), expected);
}

// A title repeated as each page's header is kept on the page that opens the assessment (its cover's
// title, where a cover is found) and is the running header on the others. Bare page numbers, which
// the readers know, stay, and so does a line that repeats on too few pages.
TEST(PageFurniture, TheTitleStaysOnTheCoverAndPageNumbersAndLinesOfFewPagesStay) {
    std::string text;
    std::vector<size_t> headers;
    for (int page = 1; page <= 4; ++page) {
        if (page > 1) text += "\f";
        if (page > 1) headers.push_back(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
        text += std::string("特定個人情報保護評価書（全項目評価書）\n") + kRows[page - 1];
        text += page <= 1 ? "みどり市 個人情報保護課\n" : "";
        text += "- " + std::to_string(page) + " -\n";
    }
    EXPECT_EQ(page_furniture(lines_of(text)), headers);
}

// A browser prints the page's address and the time at each page's foot and top, and the document's
// title; pdftotext's raw order puts them amid the page's cells as often as at its edges. Lines of
// ASCII alone, and a line that names the form, that repeat word for word once a page on most pages
// are found wherever they stand; the cover keeps its own title.
TEST(PageFurniture, ABrowsersAddressAndTitleAmidThePage) {
    std::string text = "評価書番号\n評価書名\n7\n国民年金に関する事務 全項目評価書\n" + page_rows(0);
    std::vector<size_t> furniture;
    const auto add = [&](const std::string& line) {
        furniture.push_back(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
        text += line + "\n";
    };
    add("file:///C:/Users/pia/nenkin.html");
    for (int page = 2; page <= 5; ++page) {
        text += "\f" + page_rows(page);
        add("file:///C:/Users/pia/nenkin.html");
        text += page_rows(page + 10);
        add("国民年金に関する事務 全項目評価書");
        text += page_rows(page + 20);
    }
    EXPECT_EQ(page_furniture(lines_of(text)), furniture);
}

// A page's footer that pdftotext's raw order put amid the page, between its label column and its
// values (a browser's margin box: さくら町（3／6）), is found by its number running on with the pages;
// a line of the form's own that repeats with a number that does not (第1号被保険者) is no footer.
TEST(PageFurniture, AFooterAmidThePageWhoseNumberRunsWithThePages) {
    std::string text;
    std::vector<size_t> footers;
    for (int page = 1; page <= 5; ++page) {
        if (page > 1) text += "\f";
        text += page_rows(page) + "町内の第1号被保険者\n";
        footers.push_back(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
        text += "さくら町（" + std::to_string(page + 1) + "／6）\n" + page_rows(page);
    }
    EXPECT_EQ(page_furniture(lines_of(text)), footers);
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
// A running header atop every page but the cover: the form's title, the cover's 評価書番号3, the
// organisation and the affair, a line each as pdftotext reads them, or on one line as -layout sets
// them. All of it is furniture but the title alone (the cover's own title); the cover page keeps
// its own lines (みどり市長 under 公表日), though the header repeats one of them.
TEST(PageFurniture, ARunningHeaderWithTheCoversNumber) {
    for (const bool one_line : {false, true}) {
        std::string text =
            "特定個人情報保護評価書（全項目評価書）\n公表日\nみどり市長\n評価書番号\n3\n評価書名\n"
            "国民年金に関する事務 全項目評価書\n";
        for (int page = 2; page <= 5; ++page) {
            text +=
                one_line
                    ? "\f特定個人情報保護評価書（全項目評価書）   評価書番号3     みどり市長   国民年金に関する事務\n"
                    : "\f特定個人情報保護評価書（全項目評価書）\n評価書番号3\nみどり市長\n国民年金に関する事務\n";
            text += std::string(kRows[(page - 1) % 5]) + kRows[page % 5];
        }
        const std::vector<std::string> lines = lines_of(text);
        std::vector<size_t> expected;
        // The title alone on its line is the header's too, but on page 5, which opens with ①事務の名称
        // (its last line) as an assessment would.
        const size_t page_five = lines.size() - 6;
        for (size_t i = 7; i < lines.size(); ++i)  // the cover page's 7 lines stay
            if (lines[i].find("評価書番号3") != std::string::npos || lines[i] == "みどり市長" ||
                lines[i] == "国民年金に関する事務" ||
                (lines[i] == "\f特定個人情報保護評価書（全項目評価書）" && i < page_five))
                expected.push_back(i);
        EXPECT_EQ(expected.size(), one_line ? 4u : 15u);
        EXPECT_EQ(page_furniture(lines), expected) << (one_line ? "one line" : "a line each");
    }
}

// A running header of the cover's rows with their values (評価書番号 7 | 評価書名 …), a line each as
// pdftotext's raw order sets them atop every page, the cover page's too: two cover rows on every
// page open no assessment, as they repeat word for word. They are furniture on every page; the
// cover's own rows (評価書番号 | 7 on lines of their own) stay.
TEST(PageFurniture, ARunningHeaderOfTheCoversRowsALineEach) {
    std::string text;
    std::vector<size_t> headers;
    for (int page = 1; page <= 5; ++page) {
        if (page > 1) text += "\f";
        const auto line = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
        headers.insert(headers.end(), {line, line + 1});
        text += "評価書番号 7\n評価書名 国民年金に関する事務 全項目評価書\n";
        if (page == 1)
            text += "評価書番号\n7\n評価書名\n国民年金に関する事務 全項目評価書\n評価実施機関名\nみどり市長\n";
        text += std::string(kRows[page - 1]) + kRows[page % 5];
    }
    EXPECT_EQ(page_furniture(lines_of(text)), headers);
}

// A set of assessments printed from one workbook, each sheet's name the header of its own pages:
// each header stands on fewer than half of the file's pages, but on every page of its run.
TEST(PageFurniture, EachSheetsHeaderOverItsOwnPages) {
    std::string text;
    for (int page = 0; page < 10; ++page) {
        if (page > 0) text += "\f";
        text +=
            page < 4 ? "予防接種に関する事務         基礎項目評価書\n" : "住民基本台帳に関する事務   全項目評価書\n";
        text += std::string(kRows[1 + page % 4]) + kRows[1 + (page + 1) % 4];  // no ①事務の名称: no page opens one
        text += "Page " + std::to_string(page + 1) + "\n";
    }
    const std::vector<std::string> lines = lines_of(text);
    std::vector<size_t> expected;
    for (size_t i = 0; i < lines.size(); ++i)
        if (lines[i].find("評価書") != std::string::npos || lines[i].find("Page") != std::string::npos)
            expected.push_back(i);
    EXPECT_EQ(expected.size(), 20u);
    EXPECT_EQ(page_furniture(lines), expected);
}

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

// Five pages written in the order `order`, page k printing its number as `number(k)` at its foot
// (or at its top); page `unnumbered` prints none.
std::vector<std::string> pages_in(const std::vector<int>& order, const std::function<std::string(int)>& number,
                                  bool at_top = false, int unnumbered = -1) {
    std::string text;
    for (size_t i = 0; i < order.size(); ++i) {
        const int page = order[i];
        if (i > 0) text += "\f";
        const std::string printed = page == unnumbered ? "" : number(page) + "\n";
        text += (at_top ? printed : "") + kRows[page - 1] + (at_top ? "" : printed);
    }
    return lines_of(text);
}

// The line each page's row stands on in the order found, as the number of that page's row.
std::vector<int> rows_in(const std::vector<std::string>& lines, const std::vector<size_t>& order) {
    std::vector<int> rows;
    for (size_t i : order)
        for (int r = 0; r < 5; ++r)
            if (lines[i].find(std::string(kRows[r]).substr(0, 12)) != std::string::npos) rows.push_back(r + 1);
    return rows;
}

// Pages put together out of order are read in the order of the numbers they print, in any of the
// usual spellings, at the foot or at the top; a page without a number stays after the one before it.
TEST(PrintedPageOrder, PagesInTheOrderOfTheirNumbers) {
    const auto dashes = [](int p) { return "- " + std::to_string(p) + " -"; };
    const auto lines = pages_in({1, 4, 2, 5, 3}, dashes);
    const auto order = printed_page_order(lines);
    ASSERT_TRUE(order.has_value());
    EXPECT_EQ(order->size(), lines.size());
    EXPECT_EQ(rows_in(lines, *order), (std::vector<int>{1, 2, 3, 4, 5}));
    for (const auto& number : std::vector<std::function<std::string(int)>>{
             [](int p) { return std::to_string(p) + "/5"; }, [](int p) { return "Page " + std::to_string(p); },
             [](int p) { return "\u2015 " + std::to_string(p) + " \u2015"; }}) {
        const auto top = pages_in({3, 1, 2, 5, 4}, number, true);
        const auto at_top = printed_page_order(top);
        ASSERT_TRUE(at_top.has_value());
        EXPECT_EQ(rows_in(top, *at_top), (std::vector<int>{1, 2, 3, 4, 5}));
    }
    const auto gap = pages_in({1, 4, 5, 2, 3}, dashes, false, 5);
    const auto with_gap = printed_page_order(gap);
    ASSERT_TRUE(with_gap.has_value());
    EXPECT_EQ(rows_in(gap, *with_gap), (std::vector<int>{1, 2, 3, 4, 5}));
}

// Nothing moves where the pages are in order, where a number repeats (a set of assessments, each
// numbered from 1), where too few pages print one, or where the text has no pages.
TEST(PrintedPageOrder, LeavesPagesInOrderAndSetsAlone) {
    const auto dashes = [](int p) { return "- " + std::to_string(p) + " -"; };
    EXPECT_FALSE(printed_page_order(pages_in({1, 2, 3, 4, 5}, dashes)).has_value());
    EXPECT_FALSE(printed_page_order(pages_in({1, 2, 3, 4, 5}, [](int p) {
                     return "- " + std::to_string(p % 3) + " -";
                 })).has_value());
    EXPECT_FALSE(printed_page_order(pages_in({5, 4, 3, 2, 1}, [](int p) {
                     return p <= 2 ? "- " + std::to_string(p) + " -" : std::string("みどり市");
                 })).has_value());
    EXPECT_FALSE(printed_page_order(lines_of(std::string(kRows[1]) + kRows[0])).has_value());
}

// A text that lost its form feeds (pdftotext -nopgbrk, a copy from a viewer) but prints its page
// numbers: its pages start after each number at a page's foot, or at each number at a page's top;
// a lone number that does not go on one by one (the cover's 評価書番号 3) starts none.
TEST(PageStartsByNumber, PagesFoundAgainByTheirNumbers) {
    using extract_detail::page_starts_by_number;
    std::vector<std::string> foot, top;
    for (int page = 1; page <= 4; ++page) {
        top.push_back("Page " + std::to_string(page));
        for (int row = 0; row < 12; ++row) {
            foot.push_back(std::string(kRows[row % 5]).substr(0, std::string(kRows[row % 5]).size() - 1));
            top.push_back(foot.back());
        }
        foot.push_back("- " + std::to_string(page) + " -");
    }
    foot.insert(foot.begin() + 3, "3");
    EXPECT_EQ(page_starts_by_number(foot), (std::vector<size_t>{14, 27, 40}));
    EXPECT_EQ(page_starts_by_number(top), (std::vector<size_t>{13, 26, 39}));
    foot[14].insert(0, "\f");  // a text with form feeds keeps its pages
    EXPECT_FALSE(page_starts_by_number(foot).has_value());
    EXPECT_FALSE(page_starts_by_number(lines_of(std::string(kRows[0]) + "3\n" + kRows[1])).has_value());
}

// A table's header row, its column titles on one line (項目   記載内容), atop each entry's table and
// each page a table crosses: furniture as a title alone is. A line that holds a title and other
// words stays.
TEST(PageFurniture, ATablesHeaderRowOnEveryPage) {
    std::string text;
    std::vector<size_t> headers;
    for (int page = 0; page < 4; ++page) {
        if (page > 0) text += "\f";
        headers.push_back(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
        text += "            項目                                 記載内容\n" + page_rows(page);
        text += "項目" + std::string(1, static_cast<char>('A' + page)) + "の記載内容\n";  // the page's own
    }
    EXPECT_EQ(page_furniture(lines_of(text)), headers);
}

// A table's column titles (項目 | 内容) that the printer repeats atop each page the table crosses,
// twice on a page of two tables; pdftotext's raw order sets 内容 after the page's label column. A
// title on too few pages stays.
TEST(PageFurniture, ATablesColumnTitlesOnEveryPage) {
    std::string text;
    std::vector<size_t> titles;
    const auto add = [&](const std::string& line) {
        titles.push_back(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
        text += line + "\n";
    };
    for (int page = 0; page < 4; ++page) {
        if (page > 0) text += "\f";
        add("項目");
        text += page_rows(page);
        add("内容");
        if (page == 2) add("項目");  // the page's second table
    }
    EXPECT_EQ(page_furniture(lines_of(text)), titles);
    // On one page of four: the page's own.
    EXPECT_TRUE(page_furniture(
                    lines_of("項目\n" + page_rows(0) + "\f" + page_rows(1) + "\f" + page_rows(2) + "\f" + page_rows(3)))
                    .empty());
}

// A running header's cell that a converter reads after the page's first rows (pdfminer's order of a
// header with its parts left and right) is found deeper on those pages too, once a page.
TEST(PageFurniture, ARunningHeaderSetDeeperOnSomePages) {
    std::string text = "評価書番号 5\n評価書名 国民年金に関する事務 全項目評価書\n評価実施機関名\n架空県はぎ町長\n";
    std::vector<size_t> headers;
    const auto add = [&](const std::string& line) {
        headers.push_back(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
        text += line + "\n";
    };
    for (int page = 1; page <= 4; ++page) {
        text += "\f";
        if (page != 3) add("架空県はぎ町");
        text += page_rows(page);
        if (page == 3) add("架空県はぎ町");  // after the page's rows
    }
    EXPECT_EQ(page_furniture(lines_of(text)), headers);
}

}  // namespace
}  // namespace piagraph
