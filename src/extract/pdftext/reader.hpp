// The pdftotext-like reader's internal declarations. reader.cpp drives it (the layout of pages and
// regions, then each part of the form) and holds the helpers the parts share; the other files read
// one part each: cover.cpp the cover, systems.cpp and connections.cpp section I, files.cpp the II
// file blocks, flows.cpp their 入手/委託/提供・移転, procedure.cpp 基礎 II/III and VI, annex.cpp
// 別添1, changes.cpp 変更箇所. layout.cpp cuts the text into pages, regions and checkbox fragments;
// fields.cpp knows the labels, the texts after them, option groups and entry assignment.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../common.hpp"
#include "../form_labels.hpp"
#include "fields.hpp"
#include "layout.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/model.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail::pdftext {

// ---- reader.cpp: shared helpers ----------------------------------------------------------------

// Whether a text is one of the spellings of a form label (data/dictionary.json form_labels).
bool spelled(const std::string& text, const char* key);
const std::string& other_option();
// The line number of the first line with text in `region`, 0 when none.
int first_line_of(const Layout& layout, Region region);
// The next non-blank line of the page that is not a label, for label/value pairs printed on
// separate lines; -1 when none.
int next_value_line(const Layout& layout, int index);

// The selection nearest to the label at line index `at`, on the label's page and in its file
// block, whose value is one of the group's options: pdftotext prints a selection lines away from
// its label, above or below it, or cut before its ']'.
struct Selection {
    std::string value;  // the standard option
    int index = 0;      // line index
};
std::optional<Selection> nearest_selection(const Layout& layout, int at, const std::string& group);

// ---- cover.cpp, systems.cpp, connections.cpp, procedure.cpp, annex.cpp, changes.cpp ------------

void read_cover(const Layout& layout, Assessment& a);
// I: the affair, its population, the bases of number use and linkage, the department.
void read_basic(const Layout& layout, Assessment& a);
// The file names listed under section I's 特定個人情報ファイル名 (基礎 I-2, 全項目/重点 I-3), for an
// assessment whose II blocks named none (基礎 has no II).
void read_listed_file_names(const Layout& layout, Assessment& a);
void read_systems(const Layout& layout, Assessment& a);
// I-2 ③他のシステムとの接続: the seven boxes of several systems land on one page cut into
// fragments; this puts them back per system. heads: the システムN headers; conn_label: for each,
// the line index of its ③ label or -1. Fills connections / other / other_checked / marks /
// connections_loc of `systems`. label_column_pages: the pages printed label column first
// (fields.hpp) with their headers, where a row of boxes is the system's whose header it follows.
void read_connections(const Layout& layout, const std::vector<Head>& heads, const std::vector<int>& conn_label,
                      const LabelColumnPages& label_column_pages, std::vector<System>& systems);
void read_procedure(const Layout& layout, Assessment& a);
void read_steps(const Layout& layout, Assessment& a);
void read_changes(const Layout& layout, Assessment& a);

// ---- files.cpp -----------------------------------------------------------------------------------

// II block number `file`.
void read_file(const Layout& layout, int file, FileBlock& fb);

// ---- flows.cpp -----------------------------------------------------------------------------------

// What a label line announces among the 対象となる本人の数 of a II block: 'e' for 対象となる本人の数 (II-2 ②, or
// a 委託事項's), 'f' for a 提供先/移転先's ④本人の数, 0 for anything else. pdftotext cuts these labels
// over two lines (対象となる本人の / 数; ④提供する情報の対象となる / 本人の数, whose ⑤ twin ends 本人の範囲).
char population_label(const Layout& layout, int i);
// The selected band of the 対象となる本人の数 label at `at`: the nearest selection of the page (and
// file block) that no other such label of the page (`others`) is nearer to.
std::optional<Selection> own_band(const Layout& layout, int at, const std::vector<int>& others);

// The option group a file-block checkbox row belongs to, from the labels written on it.
enum class RowGroup { none, sources, methods, flags, other, unknown };

RowGroup row_group(const Line& l);
// A checked method as the model names it: その他 keeps its detail.
std::string method_value(const Choice& c);
// The methods rows of a II block by the part of II they belong to, and its source rows.
struct FileRows {
    std::vector<int> sources, acquisition, entrust, flows;
};
// 3. ①入手元 and ②入手方法 of a block.
void read_acquisition(const Layout& layout, const std::vector<int>& idx, const FileRows& rows, FileBlock& fb);
// The block's 提供/移転 boxes with their counts, its 委託の有無 and its 委託 count.
void read_flow_choices(const Layout& layout, const std::vector<int>& idx, FileBlock& fb);
// 4. 委託 and 5. 提供先/移転先 entries of the block (line indices idx), with their methods rows and
// the block's 本人の数 labels (each takes its own band).
void read_entrustments(const Layout& layout, const std::vector<int>& idx, const std::vector<int>& entrust_rows,
                       const std::vector<int>& population_labels, FileBlock& fb);
void read_flows(const Layout& layout, const std::vector<int>& idx, const std::vector<int>& flow_rows,
                const std::vector<int>& population_labels, FileBlock& fb);
// The text after an entry's label; its location counts as read only when there is one.
void read_entry_text(const Layout& layout, int at, std::string& out, std::map<std::string, Loc>& locs,
                     const char* field);

}  // namespace piagraph::extract_detail::pdftext
