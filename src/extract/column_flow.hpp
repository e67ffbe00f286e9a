// Plain pdftotext (no -layout) of a printed form reads the page column by column where the label
// and value cells do not line up: a run of label cells, then the run of their values. This puts
// each value back under its label, by the form's order and what each label's value looks like (a
// selection with its option list, checkboxes, or text), so that the row rebuilder reads label and
// value one under the other.
#pragma once

#include <string>
#include <vector>

namespace piagraph::extract_detail {

// One line of the text, as the row rebuilder classified it.
struct FlowLine {
    enum class Type {
        blank,
        fixed,  // a heading, a range header (システム2～5), a page number: takes no value
        label,  // a row label alone on its line
        entry,  // システム1, 提供先2 …: its value (a name) may follow or not
        row,    // a label with its value on its line: a row already
        value,  // anything else
    };
    Type type = Type::blank;
    std::string key;          // label: its form_labels key ("" when only field_labels lists it)
    std::string text;         // trimmed
    bool page_break = false;  // the line opens a page (a form feed)
    bool value_kept = false;  // label: its value stands under it amid the labels, and stays there
    bool indented = false;    // the line starts right of the label column (a physical layout)
    // fixed: an item's title that labels its own value (3. 特定個人情報ファイル名, value_kinds/titled),
    // `key` its form_labels key; column_flow_order reads it as a label where it stands in a run of
    // labels.
    bool titled = false;
};

// What a value holds, as far as a line of it shows: a selection ([…] with its option list),
// checkboxes ([ ○ ] 紙 [ ] 電子メール …), or text.
enum class ValueKind { text, selection, checkboxes };
// What the value of a label of the form (its form_labels key) holds, by the dictionary's value_kinds.
ValueKind value_kind_of_label(const std::string& key);
// What a line of a value opens or holds.
ValueKind value_kind_of_line(const std::string& line);

// A short bracketed head alone on its line, its text on the next ((情報提供) | 番号法…); n in NFKC.
bool is_bracketed_head(const std::string& n);

// Whether the value of a label of the form (its form_labels key) is a name of one paragraph (①事務の
// 名称, ①システムの名称): a paragraph after it is the next field's.
bool is_name_label(const std::string& key);
// Whether the value of a label of the form is often left empty (a group label, 他の評価実施機関).
bool is_optional_label(const std::string& key);
// Whether a line opens a list item (1. (2) ① ・ 【…】 (情報照会) …).
bool opens_list_item(const std::string& line);

// An order of the lines (a permutation of 0..n-1) in which every run of two or more labels that is
// followed by two or more values is rewritten as label, its value lines, next label …; blank lines
// of such a stretch go to its end. A page's cells are printed on that page, so a run of values ends
// at a page break. Labels printed at the foot of their rows are read beside their values' last
// lines, and a page whose label and value columns came in blocks out of step (values before their
// labels) is read as two streams, labels and values each in their order. Every other line keeps its
// place, so text that reads label by label already comes back unchanged.
std::vector<size_t> column_flow_order(std::vector<FlowLine> lines);

}  // namespace piagraph::extract_detail
