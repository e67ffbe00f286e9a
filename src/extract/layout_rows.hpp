// Label/value rows rebuilt from pdftotext output of the printed form (a 2-column table: label cell
// | value cell), so that the markdown parser can read it.
//
// Two shapes are read, also mixed within one text:
//  (a) `pdftotext -layout`: the label and the first line of its value on one line, separated by a
//      run of spaces; the value's further lines indented to the value column; a second line of the
//      label cell (a wrapped label, a group's field label, a bracketed choice) back at column 0;
//  (b) plain `pdftotext` of simple pages: the label cell alone on a line, its value on the lines
//      below.
#pragma once

#include <optional>

#include "piagraph/ingest.hpp"

namespace piagraph::extract_detail {

// The document with its rows rebuilt, in the markdown-like spelling: format markdown, the same path,
// encoding and first_line, the same number of lines. Each row is written on the line where its
// label stood as `label<TAB>value` (`group<TAB>label<TAB>value` when the label cell held two
// lines, as the markdown conversions write such rows); the lines the row absorbed (value
// continuations, the value lines of (b), wrapped label parts, page footers inside a value) become
// empty, so every other line keeps its number. Headings, entry headers without a value and lines
// that belong to no row are kept as they are; form feeds are dropped.
//
// nullopt when the text does not read as label/value rows: fewer than kMinLabelRows recognised
// label lines, or most labels not followed by their values (the scrambled reading order of
// pdftotext without -layout on multi-row pages), or rows already tab-separated. The caller then
// keeps the pdftext parser.
std::optional<Document> rows_from_layout(const Document& doc);

}  // namespace piagraph::extract_detail
