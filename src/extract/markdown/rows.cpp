// A line of the markdown-like conversion as cells: tab-separated rows, markdown pipe tables and
// HTML table rows all read alike.
#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <tuple>

#include "../form_labels.hpp"
#include "piagraph/text.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::markdown {

namespace {

// Markdown pipe tables (| a | b |) are rows like tab-separated ones; their |---| rules are not.
bool is_pipe_row(const std::string& raw) { return text::starts_with(text::trim(raw), "|"); }

// Where an HTML table cell opens (<td …> or <th …>, not <thead>) at or after `from`; npos if none.
size_t cell_open(const std::string& raw, size_t from) {
    for (size_t at = raw.find("<t", from); at != std::string::npos; at = raw.find("<t", at + 2)) {
        if (at + 3 >= raw.size() || (raw[at + 2] != 'd' && raw[at + 2] != 'h')) continue;
        if (raw[at + 3] == '>' || raw[at + 3] == ' ') return at;
    }
    return std::string::npos;
}

// An HTML table row (<tr><td>label</td><td>value</td></tr>) as tab-separated cells, so that
// every table spelling reads as one row.
std::string html_row_as_tabs(const std::string& raw) {
    std::string out;
    for (size_t at = cell_open(raw, 0); at != std::string::npos;) {
        const size_t body = raw.find('>', at);
        if (body == std::string::npos) break;
        const size_t next = cell_open(raw, body);
        size_t end = std::min(raw.find("</t", body), next);
        if (end == std::string::npos) end = raw.size();
        if (!out.empty()) out += '\t';
        std::string cell = raw.substr(body + 1, end - body - 1);
        std::replace(cell.begin(), cell.end(), '\t', ' ');
        out += cell;
        at = next;
    }
    return out;
}

// A field number that a converter without ① … wrote as (1), （１） or "1 " before a label of the form
// (OCR, fonts without the circled digits): the number and the label; nullopt for any other cell.
std::optional<std::pair<int, std::string>> written_field_number(const std::string& cell) {
    constexpr size_t kMaxDigits = 2;
    const auto b = static_cast<unsigned char>(cell.empty() ? 0 : cell[0]);
    if (b != '(' && !std::isdigit(b) && b != 0xEF) return std::nullopt;  // ( 1 （ １: before normalising
    const std::string n = text::nfkc(cell);
    int number = leading_field_number(n);  // (1)
    size_t label_from = number > 0 ? n.find(')') + 1 : 0;
    if (number == 0) {  // "1 ": the number and a space
        size_t i = 0;
        while (i < n.size() && i < kMaxDigits && std::isdigit(static_cast<unsigned char>(n[i]))) ++i;
        if (i == 0 || i >= n.size() || n[i] != ' ') return std::nullopt;
        number = text::parse_number(n.substr(0, i));
        label_from = i + 1;
    }
    const std::string label = text::trim(n.substr(label_from));
    if (label.empty() || !FormLabels::get().is_field_label(label_key(label))) return std::nullopt;
    return std::pair{number, label};
}

// Whether a cell is a row label of the form: a field label (①事務の名称, 法令上の根拠), one of the
// cover's (評価書番号, 公表日) or an entry's header (提供先1).
bool is_row_label(std::string_view cell) {
    const std::string key = label_key(cell);
    if (key.empty()) return false;
    if (FormLabels::get().is_field_label(key) || FormLabels::get().is("cover", key)) return true;
    if (written_field_number(std::string(cell))) return true;
    Row header;
    header.first_key = compact_key(cell);
    return std::any_of(std::begin(kEntryKeys), std::end(kEntryKeys),
                       [&](const char* entry) { return entry_number(entry, header) > 0; });
}

// A row whose tab was lost (the label and its value written with spaces between, as pdftotext and
// hand-edited texts do: ①事務の名称　国民健康保険に関する事務) split at the white space that ends a
// label of the form; a group word before a numbered label (再委託　④再委託の有無 ※　[再委託しない])
// is a cell of its own, as the tab rows write it. The line as it is when no label opens it.
std::string label_and_value_as_tabs(const std::string& raw) {
    constexpr size_t kMaxLabelEnd = 120;  // bytes: a label is 40 characters at most
    constexpr int kMaxTries = 4;          // white-space runs looked at (a label may hold one: 評価実施機関 名)
    const std::string_view line = text::trim_view(raw);
    const std::string_view head = line.substr(0, kMaxLabelEnd + 1);  // where a label's end can be
    size_t at = next_space(head);
    size_t second_word = std::string_view::npos;  // where the word after the first space starts
    for (int tries = 0; at != std::string_view::npos && tries < kMaxTries; ++tries) {
        const size_t value = after_space(line, at);
        std::string_view rest = line.substr(value);
        size_t label_from = 0;
        bool found = !rest.empty() && is_row_label(line.substr(0, at));
        if (!found && !rest.empty() && second_word < at &&
            leading_field_number(line.substr(second_word, at - second_word)) > 0 &&
            is_row_label(line.substr(second_word, at - second_word))) {
            label_from = second_word;
            found = true;
        }
        if (found) {
            // A ※ after the label is the label's (①入手元 ※ [ ○ ] …).
            std::string label(line.substr(label_from, at - label_from));
            if (text::starts_with(rest, "※")) {
                label += " ※";
                rest = text::trim_view(rest.substr(std::string_view("※").size()));
            }
            const std::string group =
                label_from > 0 ? std::string(text::trim_view(line.substr(0, label_from))) + '\t' : "";
            return rest.empty() ? group + label : group + label + '\t' + std::string(rest);
        }
        if (second_word == std::string_view::npos) second_word = value;
        at = next_space(head, value);
    }
    return raw;
}

}  // namespace

// A cell without markdown/HTML decoration: "## 1. …", "**①事務の名称**", "<p>7. 備考</p>", a list
// item's "- " or "+ ".
std::string plain(const std::string& cell) {
    std::string s = text::trim(strip_html(cell));
    while (!s.empty() && (s[0] == '#' || s[0] == '*' || s[0] == '>' || list_marker_bytes(s) > 0))
        s = text::trim(s.substr(1));
    while (!s.empty() && s.back() == '*') s = text::trim(s.substr(0, s.size() - 1));
    return s;
}

bool is_pipe_rule(const std::string& raw) {
    const std::string t = text::trim(raw);
    return is_pipe_row(t) && t.find_first_not_of("|-: \t") == std::string::npos;
}

Row make_row(const std::string& raw_line, int line) {
    Row r;
    r.line = line;
    std::string raw = cell_open(raw_line, 0) == std::string::npos ? raw_line : html_row_as_tabs(raw_line);
    char separator = '\t';
    if (raw.find('\t') == std::string::npos && !is_pipe_row(raw)) raw = label_and_value_as_tabs(raw);
    if (is_pipe_row(raw)) {
        raw = text::trim(raw).substr(1);
        if (!raw.empty() && raw.back() == '|') raw.pop_back();
        separator = '|';
    }
    size_t start = 0;
    while (true) {
        const size_t tab = raw.find(separator, start);
        r.all_cells.push_back(
            text::trim(raw.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    for (const auto& c : r.all_cells)
        if (!c.empty()) r.cells.push_back(c);
    if (r.cells.empty()) return r;
    // A cell that spans the row, which converters of merged cells write once per column
    // (| 2. 特定個人情報ファイルを… | 2. 特定個人情報ファイルを… |): one cell.
    if (r.cells.size() >= 2 &&
        std::all_of(r.cells.begin(), r.cells.end(), [&](const std::string& c) { return c == r.cells[0]; }))
        r.all_cells = r.cells = {r.cells[0]};
    // The openings of the first two cells without decoration, each stripped once. No label is
    // long; long cells (record item lists, prose) are not normalised whole.
    const std::string first = plain(r.cells[0].substr(0, kMaxLabelBytes));
    const std::string second = r.cells.size() >= 2 ? plain(r.cells[1].substr(0, kMaxLabelBytes)) : std::string();
    r.first_circled = circled_number(first);
    std::string first_label = first;
    if (r.first_circled == 0)
        if (auto written = written_field_number(first)) std::tie(r.first_circled, first_label) = *written;
    size_t label_at = 0;
    // "再委託 <tab> ⑦再委託の有無 <tab> value": the group word comes first, the field label second.
    if (r.cells.size() >= 2 && r.first_circled == 0 && (circled_number(second) > 0 || written_field_number(second)))
        label_at = 1;
    r.label = r.cells[label_at];
    if (r.label.size() <= kMaxLabelBytes) r.key = label_key(label_at == 0 ? first_label : second);
    if (r.cells[0].size() <= kMaxLabelBytes) {
        r.head = text::trim(text::nfkc(first));
        r.first_key = compact_key(r.cells[0]);  // once: every item and entry test reads it
    }
    for (size_t i = label_at + 1; i < r.cells.size(); ++i) r.value += (r.value.empty() ? "" : " ") + r.cells[i];
    return r;
}

int entry_number(const std::string& key, const Row& r, int* range_from) {
    const std::string& k = r.first_key;
    for (const auto& prefix : FormLabels::get().spellings(key)) {
        if (!text::starts_with(k, prefix)) continue;
        const std::string rest = k.substr(prefix.size());
        static const std::regex single(R"(^([0-9]+)$)");
        static const std::regex range("^([0-9]+)" + regex_alternatives(written_list("range_separators")) + "[0-9]+$");
        std::smatch m;
        if (std::regex_match(rest, m, single)) return std::max(0, text::parse_number(m[1].str()));  // 0: no number
        if (std::regex_match(rest, m, range)) {
            if (range_from) *range_from = text::parse_number(m[1].str());
            return -1;
        }
    }
    return 0;
}

Row row_at(const Document& doc, int line) {
    const auto at = static_cast<size_t>(line - doc.first_line);
    if (line < doc.first_line || at >= doc.lines.size()) return Row{};  // before the first line, after the last
    return make_row(doc.lines[at], line);
}

bool looks_like_heading(const Row& r) {
    static const std::regex heading(R"(^([0-9]+\s*\.|\(\s*)" +
                                    regex_alternatives(FormLabels::get().spellings("annex")) +
                                    R"(|(VIII|VII|VI|IV|IX|V|III|II|I)\s))");
    if (r.head.empty()) return false;
    // Only a digit, a bracket or a roman numeral opens one: the search is not tried on other rows.
    const char first = r.head[0];
    if ((first < '0' || first > '9') && first != '(' && first != 'I' && first != 'V') return false;
    return std::regex_search(r.head, heading);
}

bool is_field_label(const std::string& key) { return FormLabels::get().is_field_label(key); }

bool could_be_value(const Row& r) {
    if (r.cells.size() != 1 || is_field_label(r.key) || r.first_circled > 0) return false;
    for (const char* entry : kEntryKeys)
        if (entry_number(entry, r) != 0) return false;
    return !FormLabels::get().in("illegible", r.cells[0]) && !looks_like_heading(r);
}

}  // namespace piagraph::extract_detail::markdown
