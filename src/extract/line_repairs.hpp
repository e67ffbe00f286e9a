// What a conversion adds to the form's lines and no reader should see: HTML's numeric character
// references (&#9675; for ○), markdown's escapes (\[ ○ \]), emphasis around a cell (**①事務の名称**: markdown
// converters set labels in bold), typographic spaces (U+2003 between a PDF's words, as pdfminer writes them), a colon
// after a row's label (①システムの名称：), the space that a cell spread to its width leaves between an entry's word and
// its number (システム 1), a definition list's marker (: value); and what it takes away: the spaces around a box
// ([]情報提供ネットワークシステム), a field's ① (NFKC's 1), the full stop after an item's number that a sheet prints in
// a column of its own (１   特定個人情報ファイル名).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace piagraph::extract_detail {

// Which of the repairs that a whole text shows it needs are made (each looks at every cell of a
// line, so a text that shows no need is spared them).
struct TextRepairs {
    bool boxes_apart = true;     // the text writes a box without spaces ([]): set boxes apart
    bool circle_numbers = true;  // the text writes no ① … ⑳: circle fields' numbers again
};

// What a text shows it needs.
TextRepairs repairs_needed(const std::vector<std::string>& lines);

// Numbers printed in a column of their own, which pdftotext's raw order writes on a line of their
// own before their label (① | 事務の名称, 3 | 特定個人情報ファイル名): the lines that replace them,
// by line: the number and the blank lines after it none, its label's line the number and the label
// (3.特定個人情報ファイル名). Empty when the text has none.
std::map<size_t, std::vector<std::string>> numbers_joined(const std::vector<std::string>& lines);

// A label that its narrow cell wrapped, which pdftotext's raw order writes around the row's value
// (⑤提供する情報の対象とな つばさ町の… | る本人の範囲): the lines that replace them, by line: the label
// whole before its value, the next line without the label's rest. Empty when the text has none.
std::map<size_t, std::string> cut_labels_joined(const std::vector<std::string>& lines);

// Boxes whose brackets a PDF drew as lines, in pdftotext's raw order: a mark alone on its line
// (○), then, past blank lines and the choice's own label, an option alone on its line
// (本人又は本人の代理人, その他 （ … ）). The lines that replace them, by line: the mark's line
// empty, the option boxed and marked ([ ○ ] 本人又は本人の代理人), and the options printed near
// those boxed unmarked ([ ] 民間事業者). Empty when the text has none.
std::map<size_t, std::string> marks_joined(const std::vector<std::string>& lines);

// An entry's header in a cell merged over the entry's rows, which pdftotext's raw order writes amid
// them (the name | ①法令上の根拠 … ④… | 提供先1 | ⑤…): the lines that replace them, by line: the header
// with the name after it where the name stood, above the entry's ①, and the header's line empty.
// Only a header with no value on its line, below which a field after ① comes first. Empty when the
// text has none.
std::map<size_t, std::string> centred_entry_headers_moved(const std::vector<std::string>& lines);

// A count of entries that pdftotext's raw order wrote a piece a line (（ | 3 | ） | 件, blank lines
// between): the lines that replace them, by line: the count whole on its first line (（ 3 ） 件), the
// others empty. Empty when the text has none.
std::map<size_t, std::string> count_pieces_joined(const std::vector<std::string>& lines);

// A run of this many blank lines ends a page in a text without form feeds (pdftext/layout.cpp).
inline constexpr size_t kPageBreakBlankLines = 3;

// A box's option that the line end cut, its rest on the next line with text, as pdftotext writes a
// narrow cell (☑その | 他（庁内連携システム）, ■ 庁内連携システ | ム): the lines that replace them, by
// line: the option whole on its box's line, the next line without its rest. Only where the box's
// word opens an option of the dictionary, the two words together are one, and the rest is written
// flush (a physical layout's rows are rebuilt from its columns); with `rest_alone`, only where the
// next line holds nothing else (rows rebuilt from the line widths join a full line with the next
// themselves) and, emptied, stands in no run of blank lines that ends a page. Empty when the text
// has none.
std::map<size_t, std::string> cut_options_joined(const std::vector<std::string>& lines, bool rest_alone = false);

// The line without those; nullopt when it holds none (most lines).
std::optional<std::string> repaired_line(std::string_view line, const TextRepairs& repairs = {});

// A field's number set apart from its label (①   事務の名称      value): the number opens its label
// again (①事務の名称         value); nullopt for other lines. One of repaired_line's repairs, asked
// again of a line whose cell before the number was taken out (an item's title in a column of its own).
std::optional<std::string> with_field_number_joined(std::string_view line);

}  // namespace piagraph::extract_detail
