// Tables as converters other than the corpus's write them, and a spreadsheet saved as text, turned
// into the rows the readers take (tab, pipe or HTML rows of one line each). Each keeps every line
// of the text where it was, but for table_rows_of, whose caller maps the lines back.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace piagraph::extract_detail {

// A spreadsheet saved as text (Excel's CSV, or its tab-separated text, whose cells holding a line
// break, a tab or a quote are quoted): each record as a tab row on the line where it starts, a
// quoted cell's line breaks as spaces and its doubled quotes as one, the record's other lines left
// empty. A CSV is told by its lines: several distinct field labels of the form, each followed by
// a comma. nullopt when nothing changes (most texts).
std::optional<std::vector<std::string>> spreadsheet_records(const std::vector<std::string>& lines);

// Grid tables (pandoc's: +----+----+ rules between rows, a cell's text wrapped over several | … |
// lines) as pipe rows: each row's cells joined on the row's first line, its other lines and the
// rules left empty. nullopt when nothing changes.
std::optional<std::vector<std::string>> grid_table_rows(const std::vector<std::string>& lines);

// The rows of a pipe table written without its outer pipes (GitHub's tables allow it: a header row
// `評価書番号 | 評価書名`, its delimiter row `---|---`, then body rows up to a blank line), each
// given them, so that every row reads as a pipe row. nullopt when nothing changes.
std::optional<std::vector<std::string>> framed_pipe_rows(const std::vector<std::string>& lines);

// HTML table rows written over several lines, a cell a line as HTML writers indent them
// (<tr> | <td>①事務の名称</td> | <td>…</td> | </tr>), each joined on the line of its <tr>, the
// row's other lines left empty. nullopt when nothing changes.
std::optional<std::vector<std::string>> joined_html_rows(const std::vector<std::string>& lines);

// The rows of an HTML table that a converter wrote on one line (<table><tr><td>①事務の名称</td>…</tr>
// <tr>…</tr></table>), each as its own line: what stands before the first row and after the last,
// when it holds more than tags, is a line of its own too. A table nested in a cell stays in its
// row. Empty when the line holds fewer than two rows (most lines).
std::vector<std::string> table_rows_of(std::string_view line);

// A row whose first cell holds an item's numbered title and then the label of its field, as a
// converter writes the form's heading cell merged with the label beside it
// (| 4. 個人番号の利用 ※ 法令上の根拠 | 番号法… |, 6. 評価実施機関における担当部署 ①部署 <tab> …): the
// title as a line of its own, then the row from the label on. Empty for other lines (most).
std::vector<std::string> titled_label_rows(std::string_view line);

// Lines of a form printed with each item's numbered title in a column of its own, left of its labels
// and wrapped over that column's lines (1．特定個人情報ファイル ①事務の名称 … | を取り扱う事務 ②事務の
// 内容 …), or a title wrapped onto a line of its own tail (pdftotext's raw order): the lines that
// replace each line the title's pieces stand on. The title goes whole on a line of its own before
// its first line; its pieces are blanked out of the lines they stood on (their columns kept), and a
// line left empty is dropped (no replacement line). Only pieces that join into a whole title of
// the form count. Empty for most texts.
std::map<size_t, std::vector<std::string>> title_column_rows(const std::vector<std::string>& lines);

}  // namespace piagraph::extract_detail
