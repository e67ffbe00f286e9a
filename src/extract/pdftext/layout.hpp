// Layout machinery of the pdftotext-like parser: pages, regions of the form, label lines and
// checkbox fragments. pdftotext cuts checkbox rows at arbitrary places ('[ ○' on one line,
// '] 庁内連携システム' on another) and reorders cells inside a page, so everything here works on
// a page's lines as a bag of fragments, never on line adjacency alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "piagraph/ingest.hpp"

namespace piagraph::extract_detail::pdftext {

// Where a line sits in the form. Pages take the region of the header printed on them.
enum class Region { cover, toc, basic, annex_flow, file, records, other, changes };

// One piece of a checkbox row.
struct Fragment {
    enum class Kind {
        box,        // '[ ○ ] label': a whole box
        opener,     // '[ ○' or '[' at the end of a line: its label is on another line
        closer,     // '] label' or '○ ] label': its opening bracket is on another line
        orphan,     // a mark standing alone on its line
        selection,  // '[ 実施する ]' or '[ 30万人以上': a selected value, not a box
    };
    Kind kind = Kind::box;
    std::optional<bool> mark;  // box/opener/closer: checked or not; nullopt when not written
    std::string label;         // box/closer: the option label without its （detail）
    std::string detail;        // the text inside （） after the label, trimmed
    bool detail_open = false;  // '（' written without its '）' on this line
    std::string value;         // selection: the selected value
    std::string before;        // opener: the label of the box written just before it on the line
    int line = 0;              // 1-based
};

// Entry headers: システム3, 委託事項2, 提供先1, 移転先12 and their ranges (提供先2～5).
struct EntryHeader {
    std::string kind;  // システム | 委託事項 | 提供先 | 移転先
    int number = 0;
    bool range = false;
    std::string value;  // text after the header on the same line
};

struct Line {
    int no = 0;        // 1-based
    std::string text;  // trimmed
    int page = 0;
    Region region = Region::cover;
    int file = -1;            // index of the II block (file) it belongs to
    bool label_cell = false;  // printed as a label cell (leading ASCII space in pdftotext layout)
    std::vector<Fragment> fragments;
    bool grid = false;  // a checkbox row (has fragments)
    // Worked out once per line, because the parser asks for them many times:
    std::string label;                  // label_of(text)
    std::string compact;                // text in NFKC without white space and ※ (short lines only)
    std::optional<EntryHeader> header;  // entry_header(text)
};

struct Page {
    int first = 0;  // index into lines
    int last = 0;   // inclusive
};

struct Layout {
    std::vector<Line> lines;  // every line of the document, blank ones included
    std::vector<Page> pages;
    int file_count = 0;
};

// A box's label text into its label and its (detail), which the line end may cut; a label that
// carries its own parentheses (電子記録媒体（フラッシュメモリを除く。）) stays whole.
void label_and_detail(Fragment& f, const std::string& label_text);

// Splits into pages (form feeds or runs of three blank lines) and assigns regions and files.
Layout build_layout(const Document& doc);

// The first line from `from` on, up to `last`, that holds text; last + 1 when none does.
int next_line_with_text(const Layout& layout, int from, int last);
// The last line from `from` back that holds text; -1 when none does.
int previous_line_with_text(const Layout& layout, int from);

// A header that announces a region of the form (Ⅱ 特定個人情報ファイルの概要, (別添1) 事務の内容):
// no value goes on into it.
bool is_region_header(const Line& line);
// A numbered item of the form (５．情報提供ネットワークシステムによる情報連携): no value goes on into it.
bool is_item_heading(const Line& line);
// A line that opens like a numbered item (3. 第三者点検, １．…), whether the form knows its title or not.
bool is_numbered_title(const Line& line);
// A numbered item of a II block (2. 基本情報, 3. 特定個人情報の入手・使用 …, 7. 備考): it ends the file's names.
bool is_file_item_heading(const Line& line);

// Fragments of one line; empty when the line is no checkbox row.
std::vector<Fragment> parse_fragments(const std::string& text, int line_no);

// The label of a label line with its leading number (①, ５．, （１）) removed and matching
// normalisation applied; "" when the line does not start like a label.
std::string label_of(const std::string& text);
// The value written after the label on the same line ("①部署 市民課" -> "市民課").
std::string value_after_label(const std::string& text);

// Headers of entries as above.
std::optional<EntryHeader> entry_header(const std::string& text);
// Whether a compact text (NFKC, no spaces) opens with an entry word: システム, 委託事項, 提供先, 移転先.
bool starts_with_entry_word(const std::string& compact);

}  // namespace piagraph::extract_detail::pdftext
