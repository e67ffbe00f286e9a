// What a conversion adds to the form's lines and no reader should see: markdown's escapes
// (\[ ○ \]), emphasis around a cell (**①事務の名称**: markdown converters set labels in bold), a colon
// after a row's label (①システムの名称：) and the space that a cell spread to its width leaves between
// an entry's word and its number (システム 1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace piagraph::extract_detail {

// The line without those; nullopt when it holds none (most lines).
std::optional<std::string> repaired_line(std::string_view line);

// The rows of an HTML table that a converter wrote on one line (<table><tr><td>①事務の名称</td>…</tr>
// <tr>…</tr></table>), each as its own line: what stands before the first row and after the last,
// when it holds more than tags, is a line of its own too. A table nested in a cell stays in its
// row. Empty when the line holds fewer than two rows (most lines).
std::vector<std::string> table_rows_of(std::string_view line);

// Grid tables (pandoc's: +----+----+ rules between rows, a cell's text wrapped over several | … |
// lines) as pipe rows: each row's cells joined on the row's first line, its other lines and the
// rules left empty, so every line keeps its number. Whether any line changed.
bool join_grid_table_rows(std::vector<std::string>& lines);

}  // namespace piagraph::extract_detail
