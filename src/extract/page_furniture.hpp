// Running page headers and footers of a printed form (the sheet's name, 「Page 12」, the city's
// name on every page): lines that are not the form's, which a conversion puts amid its cells.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace piagraph::extract_detail {

// The lines (0-based) that stand at the top or the foot of most pages, the same but for their
// digits. Pages start at lines that begin with a form feed, as pdftotext and the PDF reader mark
// them; a text without pages has none. A line that names a form (a title repeated as a page
// header) is kept: it is where a cover is found; so is a line that opens with a cover's label
// (評価書番号 at the top of every page of a file that holds one assessment a page).
std::vector<size_t> page_furniture(const std::vector<std::string>& lines);

// The pages in the order of the numbers printed on them (- 3 -, 3/40, Page 3 at a page's foot or
// top) where the text gives them in another (a PDF put together out of order): each line of the
// text in that order, as its index in `lines`. A page without a number stays after the page before
// it. Nothing when the pages are in order already, when too few carry a number, or when a number
// repeats (a set of assessments, each numbered from 1).
std::optional<std::vector<size_t>> printed_page_order(const std::vector<std::string>& lines);

// Where the pages of a text that lost its form feeds start (a text copied from a viewer,
// pdftotext -nopgbrk), found by the page numbers printed on them (- 3 -, Page 3), ascending one
// by one through the text: the line after each number at a page's foot, or each number at a
// page's top. Nothing for a text with form feeds, or without such numbers.
std::optional<std::vector<size_t>> page_starts_by_number(const std::vector<std::string>& lines);

// The number a page number line prints (- 12 -, 12, 12/40, Page 12, p. 12 of 40); nullopt for any
// other line.
std::optional<int> page_number(const std::string& line);

// A line without the form feeds that open a page (pdftotext puts one before a page's first line).
std::string_view without_form_feeds(std::string_view line);

}  // namespace piagraph::extract_detail
