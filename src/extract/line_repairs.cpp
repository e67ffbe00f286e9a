#include "line_repairs.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "common.hpp"
#include "form_labels.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

namespace {

constexpr std::string_view kEmphasis = "**";

// Markdown's escapes of the punctuation it would read as markup (\[ ○ \], 1\.), as converters
// write them, without the backslash. An escaped pipe stays: it is a cell's text, not a border.
std::optional<std::string> without_escapes(std::string_view line) {
    constexpr std::string_view kEscaped = "\\`*_{}[]()#+-.!<>~";
    size_t at = line.find('\\');
    if (at == std::string_view::npos) return std::nullopt;
    std::string out;
    size_t copied = 0;
    for (; at != std::string_view::npos && at + 1 < line.size(); at = line.find('\\', at + 2)) {
        if (kEscaped.find(line[at + 1]) == std::string_view::npos) continue;
        out.append(line.substr(copied, at - copied));
        copied = at + 1;
    }
    if (copied == 0) return std::nullopt;
    out.append(line.substr(copied));
    return out;
}

// The cells of a row (between tabs, pipes or HTML tags) that open with emphasis, without it:
// "**システム1**\t" -> "システム1\t", "| **①事務の名称** | …" -> "| ①事務の名称 | …", and a row that
// lost its tab, "**①事務の名称**　架空税に関する事務" -> "①事務の名称　架空税に関する事務".
std::optional<std::string> without_emphasis(std::string_view line) {
    if (line.find(kEmphasis) == std::string_view::npos) return std::nullopt;
    std::string out;
    bool changed = false;
    size_t start = 0;
    while (start <= line.size()) {
        size_t end = line.find_first_of("\t|<>", start);
        if (end == std::string_view::npos) end = line.size();
        const std::string_view cell = line.substr(start, end - start);
        const std::string_view inner = text::trim_view(cell);
        const auto from = static_cast<size_t>(inner.data() - cell.data());
        const size_t closes =
            inner.starts_with(kEmphasis) ? inner.find(kEmphasis, kEmphasis.size() + 1) : std::string_view::npos;
        if (closes != std::string_view::npos) {
            out.append(cell.substr(0, from));
            out.append(inner.substr(kEmphasis.size(), closes - kEmphasis.size()));
            out.append(cell.substr(from + closes + kEmphasis.size()));
            changed = true;
        } else {
            out.append(cell);
        }
        if (end == line.size()) break;
        out += line[end];
        start = end + 1;
    }
    return changed ? std::optional<std::string>(std::move(out)) : std::nullopt;
}

// A row's first cell that ends in a colon, as "label: value" writes it (①システムの名称：<tab>…): the
// line without the colon. Only a cell as short as a label is looked at.
std::optional<std::string> without_label_colon(std::string_view line) {
    constexpr size_t kMaxLabelBytes = 120;
    constexpr std::string_view kWideColon = "\xEF\xBC\x9A";  // ：
    const size_t from = line.size() - without_row_markup(line).size();
    const size_t end = line.find_first_of("\t|", from);
    if (end == std::string_view::npos || end == from || end - from > kMaxLabelBytes) return std::nullopt;
    const std::string_view cell = line.substr(from, end - from);
    const std::string_view label = text::trim_view(cell);
    const size_t colon = label.ends_with(kWideColon) ? kWideColon.size() : label.ends_with(':') ? 1 : 0;
    if (colon == 0 || colon == label.size()) return std::nullopt;
    const auto at = static_cast<size_t>(label.data() - line.data()) + label.size() - colon;
    std::string out(line);
    out.erase(at, colon);
    return out;
}

// Where an entry's number stands apart from its word at the line's start (システム 1, 提供先　2～5),
// the byte offsets of the white space between; nullopt for none.
std::optional<std::pair<size_t, size_t>> entry_number_gap(std::string_view line) {
    const size_t from = line.size() - without_row_markup(line).size();
    for (const char* key : kEntryKeys)
        for (const auto& word : FormLabels::get().spellings(key)) {
            if (line.compare(from, word.size(), word) != 0) continue;
            const size_t gap = from + word.size();
            const size_t digit = after_space(line, gap);
            const auto b = digit < line.size() ? static_cast<unsigned char>(line[digit]) : 0;
            const bool number = (b >= '0' && b <= '9') || line.substr(digit, 2) == "\xEF\xBC";  // 0-9, full-width
            if (digit > gap && number) return std::pair{gap, digit};
        }
    return std::nullopt;
}

// Whether `tag` (lower case, with its "<") opens at `at`, in either case: <tr>, <TR class="…">,
// not <track>.
bool tag_at(std::string_view line, size_t at, std::string_view tag) {
    if (at + tag.size() >= line.size()) return false;
    for (size_t k = 0; k < tag.size(); ++k)
        if (std::tolower(static_cast<unsigned char>(line[at + k])) != tag[k]) return false;
    const char after = line[at + tag.size()];
    return after == '>' || after == ' ' || after == '\t' || after == '/';
}

// The line's text outside tags, for telling a table's opening (<table><tbody>) from a caption.
bool holds_text(std::string_view part) { return !text::trim(strip_html(part)).empty(); }

// A grid table's rule: +---+---+, +===+ under its header, +:--+ with alignment; the number of its
// columns (0 for any other line).
size_t grid_rule_columns(std::string_view line) {
    const std::string_view t = text::trim_view(line);
    if (t.size() < 3 || t.front() != '+' || t.back() != '+' || t.find_first_not_of("+-=: ") != std::string_view::npos)
        return 0;
    return static_cast<size_t>(std::count(t.begin(), t.end(), '+')) - 1;
}

// The cells of a grid table's line (| a | b |), trimmed; empty when it has not `columns` of them.
std::vector<std::string> grid_cells(std::string_view line, size_t columns) {
    const std::string_view t = text::trim_view(line);
    if (t.size() < 2 || t.front() != '|' || t.back() != '|') return {};
    std::vector<std::string> cells;
    for (size_t start = 1; start < t.size();) {
        const size_t bar = t.find('|', start);
        cells.push_back(text::trim(t.substr(start, bar - start)));
        start = bar + 1;
    }
    if (cells.size() != columns) return {};
    return cells;
}

// Text a cell wrapped onto its next line, joined: Japanese runs on without a space, words of
// Latin letters or digits take one.
void join_wrapped(std::string& cell, const std::string& more) {
    if (more.empty()) return;
    const bool ascii_seam = !cell.empty() && static_cast<unsigned char>(cell.back()) < 0x80 &&
                            static_cast<unsigned char>(more.front()) < 0x80;
    if (ascii_seam) cell += ' ';
    cell += more;
}

// One row of a grid table, from lines [first, end) between two rules, written as a pipe row on its
// first line with the others emptied; false (nothing changed) when a line does not split into
// the table's columns.
bool join_grid_row(std::vector<std::string>& lines, size_t first, size_t end, size_t columns) {
    std::vector<std::string> row(columns);
    for (size_t i = first; i < end; ++i) {
        const std::vector<std::string> cells = grid_cells(lines[i], columns);
        if (cells.empty()) return false;
        for (size_t c = 0; c < columns; ++c) join_wrapped(row[c], cells[c]);
    }
    std::string joined = "|";
    for (const auto& cell : row) joined += " " + cell + " |";
    lines[first] = std::move(joined);
    for (size_t i = first + 1; i < end; ++i) lines[i].clear();
    return true;
}

}  // namespace

bool join_grid_table_rows(std::vector<std::string>& lines) {
    bool changed = false;
    size_t rule = std::string::npos, columns = 0;  // the last rule of the table being read
    for (size_t i = 0; i < lines.size(); ++i) {
        const size_t here =
            lines[i].empty() || text::trim_view(lines[i]).front() != '+' ? 0 : grid_rule_columns(lines[i]);
        if (here == 0) {
            if (rule != std::string::npos && grid_cells(lines[i], columns).empty())
                rule = std::string::npos;  // not a row
            continue;
        }
        if (rule != std::string::npos && here == columns && i > rule + 1 && join_grid_row(lines, rule + 1, i, columns))
            changed = true;
        lines[i].clear();
        changed = true;
        rule = i;
        columns = here;
    }
    return changed;
}

std::vector<std::string> table_rows_of(std::string_view line) {
    // Most lines hold no row: "<tr" is looked for once before anything else.
    if (line.find("<tr") == std::string_view::npos && line.find("<TR") == std::string_view::npos) return {};
    std::vector<std::pair<size_t, size_t>> rows;  // [start, end) of each top-level row
    int depth = 0;                                // tables open around the scan
    size_t row_start = std::string_view::npos;
    for (size_t at = line.find('<'); at != std::string_view::npos; at = line.find('<', at + 1)) {
        if (tag_at(line, at, "<table")) {
            ++depth;
        } else if (tag_at(line, at, "</table")) {
            depth = std::max(0, depth - 1);
        } else if (depth <= 1 && tag_at(line, at, "<tr")) {
            if (row_start != std::string_view::npos) rows.emplace_back(row_start, at);  // </tr> left out
            row_start = at;
        } else if (depth <= 1 && tag_at(line, at, "</tr") && row_start != std::string_view::npos) {
            const size_t close = line.find('>', at);
            const size_t end = close == std::string_view::npos ? line.size() : close + 1;
            rows.emplace_back(row_start, end);
            row_start = std::string_view::npos;
        }
    }
    if (row_start != std::string_view::npos) rows.emplace_back(row_start, line.size());
    if (rows.size() < 2) return {};
    std::vector<std::string> out;
    if (const std::string_view before = line.substr(0, rows.front().first); holds_text(before))
        out.emplace_back(before);
    for (const auto& [start, end] : rows) out.emplace_back(line.substr(start, end - start));
    if (const std::string_view after = line.substr(rows.back().second); holds_text(after)) out.emplace_back(after);
    return out;
}

std::optional<std::string> repaired_line(std::string_view line) {
    std::optional<std::string> out = without_escapes(line);
    if (auto plain = without_emphasis(out ? std::string_view(*out) : line)) out = std::move(plain);
    if (auto bare = without_label_colon(out ? std::string_view(*out) : line)) out = std::move(bare);
    const std::string_view now = out ? std::string_view(*out) : line;
    if (const auto gap = entry_number_gap(now)) {
        std::string joined(now);
        joined.erase(gap->first, gap->second - gap->first);
        out = std::move(joined);
    }
    return out;
}

}  // namespace piagraph::extract_detail
