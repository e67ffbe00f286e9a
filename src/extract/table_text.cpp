#include "table_text.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "common.hpp"
#include "form_labels.hpp"
#include "page_furniture.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

namespace {

// ---- spreadsheets saved as text ----------------------------------------------------------

// A quoted cell may hold line breaks; one whose quote never closes is read as written, not run on
// to the end of the text.
constexpr size_t kMaxRecordLines = 200;
constexpr size_t kMinCsvLabels = 4;  // as a text without its cover is told by its labels

// Whether the text is CSV: distinct field labels of the form, each the first cell of its line and
// followed by a comma, and fewer tab rows than such lines.
bool is_csv(const std::vector<std::string>& lines) {
    std::set<std::string, std::less<>> labels;
    size_t tab_rows = 0, label_lines = 0;
    for (const auto& line : lines) {
        // The first cell that holds text: a sheet laid out on a grid of narrow columns leaves the
        // cells before its labels empty (,,①事務の名称,,,架空税に関する事務). Only the line's opening
        // is looked at: a label is short, and a tab before its comma makes the line a tab row.
        const std::string_view opening = std::string_view(line).substr(0, 2 * kMaxLabelCellBytes);
        const size_t tab = opening.find('\t');
        if (tab != std::string_view::npos) ++tab_rows;
        const size_t from = opening.find_first_not_of(", ");
        const size_t comma = from == std::string::npos ? std::string::npos : opening.find(',', from);
        if (comma == std::string::npos || comma - from > kMaxLabelCellBytes || tab < comma) continue;
        std::string_view first = text::trim_view(std::string_view(line).substr(from, comma - from));
        if (first.size() >= 2 && first.front() == '"' && first.back() == '"') first = first.substr(1, first.size() - 2);
        std::string key = label_key(first);
        if (!FormLabels::get().is_field_label(key)) continue;
        ++label_lines;
        labels.insert(std::move(key));
    }
    return labels.size() >= kMinCsvLabels && tab_rows < label_lines;
}

// One record from lines[first] on, cells split at `separator`: its cells and the index of its
// last line; nullopt when a quote opened on the record's first line does not close within
// kMaxRecordLines, or before `budget` bytes more are read (the caller then reads the line as
// written). The budget keeps a text of quotes that never close (a damaged one) linear.
std::optional<std::pair<std::vector<std::string>, size_t>> read_record(const std::vector<std::string>& lines,
                                                                       size_t first, char separator, size_t& budget) {
    std::vector<std::string> cells(1);
    bool quoted = false, cell_start = true;
    for (size_t k = first; k < lines.size() && k - first < kMaxRecordLines; ++k) {
        const std::string& line = lines[k];
        if (k > first && line.size() > budget) return std::nullopt;
        budget -= k > first ? line.size() : 0;
        for (size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quoted) {
                if (c != '"')
                    cells.back() += c == '\t' ? ' ' : c;
                else if (i + 1 < line.size() && line[i + 1] == '"')
                    cells.back() += line[++i];
                else
                    quoted = false;
            } else if (c == separator) {
                cells.emplace_back();
                cell_start = true;
                continue;
            } else if (c == '"' && cell_start) {
                quoted = true;
            } else if (c != '\r') {
                cells.back() += c == '\t' ? ' ' : c;  // a CSV cell's tab would part a tab row
            }
            cell_start = false;
        }
        if (!quoted) return std::pair{std::move(cells), k};
        cells.back() += ' ';  // a line break inside a quoted cell
    }
    return std::nullopt;
}

// A CSV line's cells where its quote never closes: parted at every comma, the quote as written.
std::vector<std::string> plain_cells(const std::string& line) {
    std::vector<std::string> cells(1);
    for (const char c : line)
        if (c == ',')
            cells.emplace_back();
        else if (c != '\r')
            cells.back() += c == '\t' ? ' ' : c;
    return cells;
}

}  // namespace

std::optional<std::vector<std::string>> spreadsheet_records(const std::vector<std::string>& input) {
    const bool csv = is_csv(input);
    // A tab-separated text needs reading only where a cell opens with a quote.
    const auto quotes_a_cell = [](const std::string& l) {
        for (size_t quote = l.find('"'); quote != std::string::npos; quote = l.find('"', quote + 1))
            if (quote == 0 || l[quote - 1] == '\t') return true;
        return false;
    };
    if (!csv && std::none_of(input.begin(), input.end(), quotes_a_cell)) return std::nullopt;
    std::vector<std::string> lines = input;
    size_t budget = 0;  // bytes a record may read beyond its first line: about the text's size
    for (const auto& line : lines) budget += line.size() + 1;
    bool changed = false;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (!csv && !quotes_a_cell(lines[i])) continue;
        auto record = read_record(lines, i, csv ? ',' : '\t', budget);
        if (!record && !csv) continue;  // a tab row as written
        if (!record) record = std::pair{plain_cells(lines[i]), i};
        auto& [cells, last] = *record;
        std::string row;
        for (size_t c = 0; c < cells.size(); ++c) row += (c == 0 ? "" : "\t") + cells[c];
        changed = changed || row != lines[i] || last > i;
        lines[i] = std::move(row);
        for (size_t k = i + 1; k <= last; ++k) lines[k].clear();
        i = last;
    }
    if (!changed) return std::nullopt;
    return lines;
}

namespace {

// ---- tables ----------------------------------------------------------------------------------

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

std::optional<std::vector<std::string>> grid_table_rows(const std::vector<std::string>& input) {
    // Most texts hold no grid table: no line opens with its rule's "+".
    if (std::none_of(input.begin(), input.end(), [](const std::string& l) { return !l.empty() && l[0] == '+'; }))
        return std::nullopt;
    std::vector<std::string> lines = input;
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
    if (!changed) return std::nullopt;
    return lines;
}

namespace {

// A pipe table's delimiter row: cells of dashes (at least three, colons for alignment) parted by
// pipes, with or without the outer ones (---|:---:, |---|---|).
bool is_delimiter_row(std::string_view line) {
    const std::string_view t = text::trim_view(line);
    if (t.find('|') == std::string_view::npos || t.find_first_not_of("|-: ") != std::string_view::npos) return false;
    constexpr long kMinDashes = 3;
    size_t cells = 0;  // those written; the outer pipes leave empty ones
    for (size_t start = 0; start <= t.size();) {
        size_t bar = t.find('|', start);
        if (bar == std::string_view::npos) bar = t.size();
        const std::string_view cell = text::trim_view(t.substr(start, bar - start));
        if (!cell.empty() && std::count(cell.begin(), cell.end(), '-') < kMinDashes) return false;
        cells += cell.empty() ? 0 : 1;
        start = bar + 1;
    }
    return cells > 0;
}

// A row with its outer pipes ("a | b" -> "| a | b |").
std::string framed(const std::string& line) {
    std::string row(text::trim_view(line));
    if (row.empty() || row.front() != '|') row.insert(0, "| ");
    if (row.back() != '|') row += " |";
    return row;
}

}  // namespace

std::optional<std::vector<std::string>> framed_pipe_rows(const std::vector<std::string>& input) {
    std::optional<std::vector<std::string>> out;
    for (size_t i = 1; i < input.size(); ++i) {
        if (!is_delimiter_row(input[i]) || input[i - 1].find('|') == std::string::npos) continue;
        if (!out) out = input;
        std::vector<std::string>& lines = *out;
        lines[i - 1] = framed(lines[i - 1]);
        lines[i] = framed(lines[i]);
        size_t k = i + 1;
        for (; k < lines.size() && lines[k].find('|') != std::string::npos && !text::trim_view(lines[k]).empty(); ++k)
            lines[k] = framed(lines[k]);
        i = k;
    }
    if (out && *out == input) return std::nullopt;
    return out;
}

std::optional<std::vector<std::string>> joined_html_rows(const std::vector<std::string>& input) {
    // A row is short in lines: one left open (a damaged text) joins no further than this.
    constexpr size_t kMaxRowLines = 64;
    const auto opens_row = [](const std::string& l) {
        const std::string_view t = text::trim_view(l);
        // <tr> or <TR> without its cells' ends: the row goes on below
        return tag_at(t, 0, "<tr") && t.find("</t") == std::string_view::npos &&
               t.find("</T") == std::string_view::npos;
    };
    const auto closes_row = [](const std::string& l) {
        return l.find("</tr") != std::string::npos || l.find("</TR") != std::string::npos;
    };
    if (std::none_of(input.begin(), input.end(), opens_row)) return std::nullopt;
    std::vector<std::string> lines = input;
    bool changed = false;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (!opens_row(lines[i])) continue;
        size_t end = i + 1;
        while (end < lines.size() && end - i < kMaxRowLines && !closes_row(lines[end]) && !opens_row(lines[end])) ++end;
        if (end >= lines.size() || !closes_row(lines[end])) continue;
        std::string row = std::string(text::trim_view(lines[i]));
        for (size_t k = i + 1; k <= end; ++k) {
            const std::string_view piece = text::trim_view(lines[k]);
            // Between tags a line break is nothing; inside a cell's text it is white space.
            if (!piece.empty() && !row.empty() && row.back() != '>' && piece.front() != '<') row += ' ';
            row += piece;
            lines[k].clear();
        }
        lines[i] = std::move(row);
        changed = true;
        i = end;
    }
    if (!changed) return std::nullopt;
    return lines;
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

namespace {

// The items of sections I and II whose title a merged cell may hold before a field's label.
constexpr const char* kItemTitleKeys[] = {"sub_affair",     "sub_systems",      "sub_file_names",
                                          "sub_reason",     "sub_number_use",   "sub_linkage",
                                          "sub_department", "sub_other_bodies", "sub_basic_info"};

bool is_item_title(std::string_view cell) {
    const auto numbered = numbered_title(compact_key(cell));
    return numbered && std::any_of(std::begin(kItemTitleKeys), std::end(kItemTitleKeys),
                                   [&](const char* key) { return FormLabels::get().in(key, numbered->second); });
}

}  // namespace

std::vector<std::string> titled_label_rows(std::string_view line) {
    constexpr size_t kMaxCellBytes = 300;  // a title and a label; a value is longer
    const std::string_view row = text::trim_view(line);
    const bool pipe = !row.empty() && row.front() == '|';
    const size_t from = pipe ? 1 : 0;
    const size_t end = row.find(pipe ? '|' : '\t', from);
    if (end == std::string_view::npos || end - from > kMaxCellBytes) return {};
    const std::string_view cell = row.substr(from, end - from);
    const std::string_view opening = text::trim_view(cell);
    // Most rows open with no number (an item's title does: 4. 個人番号の利用, ４．…): looked at in the
    // bytes first.
    const bool digit =
        !opening.empty() && ((opening[0] >= '0' && opening[0] <= '9') || text::starts_with(opening, "\xEF\xBC"));
    if (!digit) return {};
    // The label is the cell's last words: tried from the shortest tail on (※ stays with the title).
    std::vector<size_t> spaces;
    for (size_t space = next_space(cell); space < cell.size(); space = next_space(cell, after_space(cell, space)))
        spaces.push_back(space);
    for (auto space = spaces.rbegin(); space != spaces.rend(); ++space) {
        const size_t tail_at = after_space(cell, *space);
        if (tail_at >= cell.size()) continue;
        const std::string_view head = text::trim_view(cell.substr(0, *space));
        const std::string_view tail = cell.substr(tail_at);
        if (!FormLabels::get().is_row_label(label_key(tail)) || !is_item_title(head)) continue;
        return {std::string(head), std::string(pipe ? "| " : "") + std::string(tail) + std::string(row.substr(end))};
    }
    return {};
}

namespace {

// ---- item titles in a column of their own --------------------------------------------------

// How far the pieces of a title read so far (NFKC, without white space, number and ※) go with the
// form's item titles: one of them whole, and whether one goes on past them.
struct TitleFit {
    bool whole = false;
    bool goes_on = false;
};

TitleFit title_fit(const std::string& joined) {
    TitleFit fit;
    for (const auto& title : FormLabels::get().spellings("item_titles")) {
        if (title == joined) fit.whole = true;
        if (title.size() > joined.size() && text::starts_with(title, joined)) fit.goes_on = true;
    }
    return fit;
}

// A piece of a title: bytes [begin, end) of a line.
struct TitlePiece {
    size_t line = 0, begin = 0, end = 0;
};

// The first word of `body` from `at` on, with the note mark after it (個人番号の利用 ※): its end;
// npos when `at` holds no word.
size_t word_end(std::string_view body, size_t at) {
    if (at >= body.size() || next_space(body, at) == at) return std::string_view::npos;
    size_t end = std::min(next_space(body, at), body.size());
    const size_t next = end < body.size() ? after_space(body, end) : end;
    if (next < body.size() && body.substr(next, std::string_view("※").size()) == "※") {
        const size_t mark_end = next + std::string_view("※").size();
        if (mark_end == body.size() || next_space(body, mark_end) == mark_end) end = mark_end;
    }
    return end;
}

// How many white-space bytes open `body` (a title stands at the margin; a label column is set in).
size_t margin_of(std::string_view body) {
    size_t at = 0;
    while (at < body.size() && next_space(body, at) == at) at = after_space(body, at);
    return at;
}

// The pieces of a title that opens line i, each line's first word at the margin; empty unless they
// join into a whole title of the form.
std::vector<TitlePiece> title_pieces(const std::vector<std::string>& lines, size_t i) {
    constexpr size_t kMaxMarginBytes = 2;  // a title stands at the margin
    // A narrow column wraps the longest title over four lines; raw order sets a cell or two between.
    constexpr size_t kMaxTitleLines = 7;
    const std::string_view first = without_form_feeds(lines[i]);
    const size_t margin = margin_of(first);
    if (margin > kMaxMarginBytes || margin >= first.size()) return {};
    // Most lines open with no number (a title does: 1．, ４．…): looked at in the bytes first.
    const bool digit = (first[margin] >= '0' && first[margin] <= '9') || first.substr(margin).starts_with("\xEF\xBC");
    if (!digit) return {};
    size_t end = word_end(first, margin);
    auto numbered = numbered_title(compact_key(first.substr(margin, end - margin)));
    if (!numbered && end < first.size()) {  // a number set apart from its title (1． 特定個人情報ファイル)
        end = word_end(first, after_space(first, end));
        if (end == std::string_view::npos) return {};
        numbered = numbered_title(compact_key(first.substr(margin, end - margin)));
    }
    if (!numbered) return {};
    std::string joined = without_note_marks(numbered->second);
    TitleFit fit = title_fit(joined);
    if (!fit.whole && !fit.goes_on) return {};
    std::vector<TitlePiece> pieces{{i, margin, end}};
    size_t whole_pieces = fit.whole ? 1 : 0;  // the pieces up to the last that made a whole title
    // pdftotext's raw order may set a cell of the labels' column between a title's lines (5．情報提供
    // ネットワーク ①実施の有無 | ［ 実施する ］ | システムによる情報連携 ※): lines that go on no
    // title are passed over, up to the next numbered line.
    for (size_t j = i + 1; fit.goes_on && j < lines.size() && j - i < kMaxTitleLines; ++j) {
        if (lines[j].starts_with('\f')) break;  // a title's column wraps within its page
        const std::string_view body = lines[j];
        const size_t at = margin_of(body);
        const size_t piece_end = word_end(body, at);
        if (at > margin + kMaxMarginBytes || piece_end == std::string_view::npos) continue;
        const std::string piece = compact_key(body.substr(at, piece_end - at));
        if (numbered_title(piece)) break;
        const std::string words = without_note_marks(piece);
        if (words.empty()) continue;  // a note mark of a label's (② 事務の内容 | ※)
        const std::string longer = joined + words;
        const TitleFit next = title_fit(longer);
        if (!next.whole && !next.goes_on) continue;
        joined = longer;
        fit = next;
        pieces.push_back({j, at, piece_end});
        if (fit.whole) whole_pieces = pieces.size();
    }
    if (whole_pieces == 0) return {};
    pieces.resize(whole_pieces);
    // A title alone on its line is a heading as it stands.
    if (pieces.size() == 1 && text::trim_view(first.substr(end)).empty()) return {};
    return pieces;
}

// Line `piece.line` without the piece: blanked out, a space for each of its characters, where the
// text is laid out (its columns kept), else cut out (pdftotext's raw order sets every cell at the
// margin).
std::string without_piece(std::string_view line, const TitlePiece& piece, size_t feeds, bool laid_out) {
    const std::string_view body = line.substr(feeds);
    if (text::trim_view(body.substr(piece.end)).empty()) return std::string();
    if (!laid_out) return std::string(text::trim_view(body.substr(piece.end)));
    std::string out(body.substr(0, piece.begin));
    out.append(text::length(body.substr(piece.begin, piece.end - piece.begin)), ' ');
    out.append(body.substr(piece.end));
    return out;
}

// Whether the text sets its rows' cells in from the margin: many of its lines open with white space
// (the layout rebuild asks a looser question: whether any line keeps columns at all).
bool sets_cells_in(const std::vector<std::string>& lines) {
    constexpr double kMinSetInShare = 0.1;
    size_t written = 0, set_in = 0;
    for (const auto& line : lines) {
        const std::string_view body = without_form_feeds(line);
        if (text::trim_view(body).empty()) continue;
        ++written;
        set_in += next_space(body) == 0;
    }
    return static_cast<double>(set_in) >= kMinSetInShare * static_cast<double>(written);
}

}  // namespace

std::map<size_t, std::vector<std::string>> title_column_rows(const std::vector<std::string>& lines) {
    std::map<size_t, std::vector<std::string>> out;
    std::optional<bool> columns;  // whether the text is laid out, once a title asks
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::vector<TitlePiece> pieces = title_pieces(lines, i);
        if (pieces.empty()) continue;
        const size_t feeds = lines[i].size() - without_form_feeds(lines[i]).size();
        std::string title = lines[i].substr(0, feeds);  // the page's form feed opens the title's line
        for (const TitlePiece& piece : pieces) {
            const std::string_view body = std::string_view(lines[piece.line]).substr(piece.line == i ? feeds : 0);
            title += body.substr(piece.begin, piece.end - piece.begin);
        }
        std::vector<std::string>& first = out[i];
        first.push_back(std::move(title));
        if (!columns) columns = sets_cells_in(lines);
        for (const TitlePiece& piece : pieces) {
            // A line that held nothing but its piece gets no line in its place.
            std::vector<std::string>& replacement = out[piece.line];
            std::string rest = without_piece(lines[piece.line], piece, piece.line == i ? feeds : 0, *columns);
            if (!rest.empty()) replacement.push_back(std::move(rest));
        }
        i = pieces.back().line;
    }
    return out;
}

}  // namespace piagraph::extract_detail
