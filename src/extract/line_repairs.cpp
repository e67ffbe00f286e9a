#include "line_repairs.hpp"

#include <string.h>

#include <algorithm>
#include <array>
#include <utility>

#include "common.hpp"
#include "form_labels.hpp"
#include "page_furniture.hpp"
#include "piagraph/dictionary.hpp"
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
        std::string_view inner = text::trim_view(cell);
        // after a markdown list item's marker too (- **①システムの名称**：…)
        if (const size_t marker = list_marker_bytes(inner); marker > 0 && inner.substr(marker).starts_with(kEmphasis))
            inner.remove_prefix(marker);
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
    const size_t from = line.size() - without_row_markup(line).size();
    // Only a label's cell can end at the separator: the search stops past the longest.
    const size_t end = line.substr(0, from + kMaxLabelCellBytes + 1).find_first_of("\t|", from);
    if (end == std::string_view::npos || end == from) return std::nullopt;
    const std::string_view cell = line.substr(from, end - from);
    const std::string_view label = text::trim_view(cell);
    const size_t colon = label.ends_with(kWideColon) ? kWideColon.size() : label.ends_with(':') ? 1 : 0;
    if (colon == 0 || colon == label.size()) return std::nullopt;
    const auto at = static_cast<size_t>(label.data() - line.data()) + label.size() - colon;
    std::string out(line);
    out.erase(at, colon);
    return out;
}

// A definition of a markdown definition list (pandoc: the term on its line, then ": value" or
// "~ value"), as a converter writes a label and its value: the value without its marker, an empty
// definition no text.
std::optional<std::string> without_definition_marker(std::string_view line) {
    const size_t at = line.find_first_not_of(" \t");
    if (at == std::string_view::npos || (line[at] != ':' && line[at] != '~')) return std::nullopt;
    const std::string_view rest = line.substr(at + 1);
    if (!rest.empty() && rest[0] != ' ' && rest[0] != '\t') return std::nullopt;  // :00, ~5: no marker
    return std::string(text::trim_view(rest));
}

// Where a field's number as NFKC writes it (① is 1) stands glued to a row's label at `from`
// (1システムの名称, 7再委託の有無): the number's digits' end, and the number; {from, 0} if none.
std::pair<size_t, int> nfkc_field_number(std::string_view line, size_t from) {
    const auto [number, bytes] = digits_of_circled(line.substr(from));
    const size_t digits = from + bytes;
    if (number == 0 || digits >= line.size() || static_cast<unsigned char>(line[digits]) < 0x80) return {from, 0};
    // The label is the cell (a label with a space inside: 対象となる 本人の数), or its first word.
    const size_t cell_end = std::min(line.find_first_of("\t|<", digits), line.size());
    const size_t word_end = std::min(next_space(line, digits), cell_end);
    const FormLabels& labels = FormLabels::get();
    if (!labels.is_row_label(label_key(line.substr(digits, cell_end - digits))) &&
        !labels.is_row_label(label_key(line.substr(digits, word_end - digits))))
        return {from, 0};
    return {digits, number};
}

// A text normalised by NFKC before it was given (a pipeline or a converter that normalises) writes
// a field's ① as 1: the number circled again where it is glued to a row's label at the start of
// the line or of a cell (①システムの名称, 再委託 | ⑦再委託の有無), as the readers know the labels.
std::optional<std::string> with_field_numbers_circled(std::string_view line) {
    std::string out;
    size_t copied = 0;
    // Each cell's start, or a tag's text's (<p>3消去方法</p>): one pass over the bytes, a digit there
    // looked at.
    const size_t first = line.size() - without_row_markup(line).size();
    for (size_t i = first; i < line.size(); ++i) {
        if (i != first && line[i - 1] != '\t' && line[i - 1] != '|' && line[i - 1] != '>') continue;
        const size_t at = after_space(line, i);
        if (at >= line.size() || line[at] < '1' || line[at] > '9') continue;
        if (const auto [digits, number] = nfkc_field_number(line, at); number > 0) {
            out.append(line.substr(copied, at - copied));
            out += circled(number);
            copied = digits;
            i = digits - 1;
        }
    }
    if (copied == 0) return std::nullopt;
    out.append(line.substr(copied));
    return out;
}

// The size of the entry's word (システム, 委託事項, 提供先, 移転先 as the form spells them) that
// line `s` holds at `at`; 0 when none.
size_t entry_word_size(std::string_view s, size_t at) {
    for (const char* key : kEntryKeys)
        for (const auto& word : FormLabels::get().spellings(key))
            if (s.compare(at, word.size(), word) == 0) return word.size();
    return 0;
}

// Where an entry's number stands apart from its word at the line's start (システム 1, 提供先　2～5),
// the byte offsets of the white space between; nullopt for none.
std::optional<std::pair<size_t, size_t>> entry_number_gap(std::string_view line) {
    const size_t from = line.size() - without_row_markup(line).size();
    const size_t gap = from + entry_word_size(line, from);
    if (gap == from) return std::nullopt;
    const size_t digit = after_space(line, gap);
    const auto b = digit < line.size() ? static_cast<unsigned char>(line[digit]) : 0;
    const bool number = (b >= '0' && b <= '9') || line.substr(digit, 2) == "\xEF\xBC";  // 0-9, full-width
    if (digit > gap && number) return std::pair{gap, digit};
    return std::nullopt;
}

// A number of one or two digits (compact: NFKC, no spaces), as items and entries are numbered.
bool is_item_number(const std::string& compact) {
    return !compact.empty() && compact.size() <= 2 && compact != "0" &&
           std::all_of(compact.begin(), compact.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A number of one or two digits (full-width too) that opens the line, a space after it: where it
// starts and where the space after it does.
std::optional<std::pair<size_t, size_t>> number_opening(std::string_view line) {
    constexpr size_t kMaxNumberBytes = 6;  // two digits, full-width ones too
    const size_t at = line.find_first_not_of(" \t\f");
    if (at == std::string_view::npos) return std::nullopt;
    const auto b = static_cast<unsigned char>(line[at]);
    if (!(b >= '1' && b <= '9') && !line.substr(at).starts_with("\xEF\xBC")) return std::nullopt;
    const size_t gap = next_space(line, at);
    if (gap == std::string_view::npos || gap - at > kMaxNumberBytes) return std::nullopt;
    if (!is_item_number(compact_key(line.substr(at, gap - at)))) return std::nullopt;
    return std::pair{at, gap};
}

// An entry's number printed before its word, in a column of its own (1    委託事項    item, a sheet's
// column A): the word with its number after it (委託事項1), the spaces that set them apart after
// both, so that the entry's value keeps its column.
std::optional<std::string> with_entry_number_after_its_word(std::string_view line) {
    const auto number = number_opening(line);
    if (!number) return std::nullopt;
    const auto [at, gap] = *number;
    const size_t word_at = after_space(line, gap);
    const size_t after = word_at + entry_word_size(line, word_at);
    if (after == word_at || (after < line.size() && line[after] != ' ')) return std::nullopt;
    std::string out(line.substr(0, at));
    out += line.substr(word_at, after - word_at);
    out += line.substr(at, gap - at);
    out.append(word_at - gap, ' ');
    out += line.substr(after);
    return out;
}

// HTML's numeric character references (&#9675; &#x25CB;), as converters write symbols, as the
// characters they stand for. Those of markup (< > & " ') stay written: read, they would open tags.
std::optional<std::string> with_characters_referenced(std::string_view line) {
    size_t at = line.find("&#");
    if (at == std::string_view::npos) return std::nullopt;
    std::string out;
    size_t copied = 0;
    for (; at != std::string_view::npos; at = line.find("&#", at + 2)) {
        const auto ref = numeric_reference(line, at);
        if (!ref) continue;
        const char32_t code = ref->first;
        if (code == '<' || code == '>' || code == '&' || code == '"' || code == '\'') continue;  // markup's
        out.append(line.substr(copied, at - copied));
        out += text::to_utf8(code);
        copied = at + ref->second;
    }
    if (copied == 0) return std::nullopt;
    out.append(line.substr(copied));
    return out;
}

// A rule of dashes drawn around a table (pandoc's simple and multiline tables: ------  ------) or
// between parts (---): no text. It is not the short line above a file block that names it.
bool is_dash_rule(std::string_view line) {
    constexpr size_t kMinDashes = 3;
    const std::string_view t = text::trim_view(line);
    return t.size() >= kMinDashes && t.front() == '-' && t.find_first_not_of("- ") == std::string_view::npos;
}

// The next place of any of a few needles in a line, asked at positions that only grow: each
// needle's search goes on from its last hit, so the line is searched once per needle. memmem, not
// find: find looks for a needle's first byte, and E3 opens most kana and kanji.
class NextOf {
public:
    NextOf(std::string_view line, const std::array<std::string_view, 3>& needles) : line_(line), needles_(needles) {}

    // The first hit at or after `from`, and its needle's length; npos if none.
    std::pair<size_t, size_t> at_or_after(size_t from) {
        std::pair<size_t, size_t> best{std::string_view::npos, 0};
        for (size_t k = 0; k < needles_.size(); ++k) {
            if (hits_[k] == kUnsearched || (hits_[k] != std::string_view::npos && hits_[k] < from))
                hits_[k] = find(needles_[k], from);
            if (hits_[k] < best.first) best = {hits_[k], needles_[k].size()};
        }
        return best;
    }

private:
    static constexpr size_t kUnsearched = std::string_view::npos - 1;
    std::string_view line_;
    std::array<std::string_view, 3> needles_;
    std::array<size_t, 3> hits_{kUnsearched, kUnsearched, kUnsearched};

    size_t find(std::string_view needle, size_t from) const {
        if (from >= line_.size()) return std::string_view::npos;
        const void* hit = ::memmem(line_.data() + from, line_.size() - from, needle.data(), needle.size());
        return hit ? static_cast<size_t>(static_cast<const char*>(hit) - line_.data()) : std::string_view::npos;
    }
};

// An entry's header in brackets, as an assessment-writing tool prints it (〔システム１〕, 〔委託事項１〕
// 介護保険システムの運用保守業務): the header without them, and a full-width space before the name
// that follows on its line, as a sheet's title cell writes an entry (提供先１　市区町村長).
std::optional<std::string> without_entry_brackets(std::string_view line) {
    const size_t from = after_space(line, line.size() - without_form_feeds(line).size());
    static const std::vector<std::string>& pairs = written_list("entry_brackets");
    for (const std::string& pair : pairs) {
        const size_t open = text::char_bytes(pair, 0);
        const std::string_view opener = std::string_view(pair).substr(0, open),
                               closer = std::string_view(pair).substr(open);
        if (line.substr(from, opener.size()) != opener) continue;
        const size_t word = from + opener.size();
        const size_t close = line.find(closer, word);
        if (close == std::string_view::npos) return std::nullopt;
        const std::string_view header = text::trim_view(line.substr(word, close - word));
        const size_t word_size = entry_word_size(header, 0);
        const std::string number = compact_key(header.substr(word_size));
        if (word_size == 0 || number.empty() || number[0] < '0' || number[0] > '9') return std::nullopt;
        std::string out(line.substr(0, from));
        out += header;
        if (const std::string_view rest = text::trim_view(line.substr(close + closer.size())); !rest.empty())
            out.append("\u3000").append(rest);
        return out;
    }
    return std::nullopt;
}

// The number of one or two digits (ASCII or full-width) written at `pos`, which moves past them; -1
// for none.
int number_at(std::string_view line, size_t& pos) {
    int number = -1;
    for (int count = 0; count < 2; ++count) {
        if (pos < line.size() && line[pos] >= '0' && line[pos] <= '9') {
            number = std::max(number, 0) * 10 + (line[pos] - '0');
            ++pos;
        } else if (line.substr(pos, 2) == "\xEF\xBC" && pos + 2 < line.size() &&
                   static_cast<unsigned char>(line[pos + 2]) >= 0x90 &&
                   static_cast<unsigned char>(line[pos + 2]) <= 0x99) {  // ０ … ９ (U+FF10 ..)
            number = std::max(number, 0) * 10 + (static_cast<unsigned char>(line[pos + 2]) - 0x90);
            pos += 3;
        } else {
            break;
        }
    }
    return number;
}

// An entry's header after a list number that repeats its own, as a clerk types the entries of a
// form that lost its table ((2) システム 2, 3. 提供先 3): the header without it. A list number
// that differs from the entry's ((1) システム 3 …) is the text's own and stays.
std::optional<std::string> without_entry_list_number(std::string_view line) {
    const size_t from = after_space(line, line.size() - without_form_feeds(line).size());
    size_t at = from;
    const auto skip = [&](std::initializer_list<std::string_view> marks) {
        for (const std::string_view mark : marks)
            if (line.substr(at, mark.size()) == mark) return at += mark.size(), true;
        return false;
    };
    skip({"(", "（"});
    const int listed = number_at(line, at);
    if (listed < 0 || !skip({")", "）", ".", "．"})) return std::nullopt;
    const size_t word = after_space(line, at);
    const size_t word_size = entry_word_size(line, word);
    if (word_size == 0) return std::nullopt;
    size_t number = after_space(line, word + word_size);
    if (number_at(line, number) != listed) return std::nullopt;
    return std::string(line.substr(0, from)) + std::string(line.substr(word));
}

// A mark before a section's numeral, an item's number or an entry's header (■Ⅰ　基本情報, ◆１．特定
// 個人情報ファイルを取り扱う事務, ■システム１), as an assessment-writing tool or a clerk sets them
// apart: the heading without it. A mark before anything else (■ 庁内連携システム: a checked box) stays.
std::optional<std::string> without_heading_mark(std::string_view line) {
    const size_t from = after_space(line, line.size() - without_form_feeds(line).size());
    static const std::vector<std::string>& marks = written_list("heading_marks");
    for (const std::string& mark : marks) {
        if (line.substr(from, mark.size()) != mark) continue;
        const size_t heading = after_space(line, from + mark.size());
        const std::string_view rest = line.substr(heading, 3 * kCircledNumberBytes);
        const bool numeral = rest.starts_with("\xE2\x85");  // Ⅰ … Ⅻ (U+2160 ..)
        size_t number = after_space(line, heading + entry_word_size(line, heading));
        const bool entry = number > heading && number_at(line, number) > 0;  // ■システム１, ■提供先１　市町村長
        if (!numeral && !entry && !numbered_title(compact_key(rest))) return std::nullopt;
        return std::string(line.substr(0, from)) + std::string(line.substr(heading));
    }
    return std::nullopt;
}

// A checkbox written against its neighbours ([]情報提供ネットワークシステム[○]庁内連携システム,
// as pdftotext -raw drops the spaces of a line) set apart from them by a space on each side, as
// the readers find marks: between spaces.
std::optional<std::string> with_boxes_apart(std::string_view line) {
    constexpr size_t kMaxMarkBytes = 64;  // [<input type="checkbox" checked="checked"/>] fits
    NextOf opens(line, {"[", "\uFF3B", "\u3010"}), closes(line, {"]", "\uFF3D", "\u3011"});
    auto space_before = [&](size_t at) {  // a space of one, two (U+00A0) or three (U+3000) bytes ends there
        for (size_t n = 1; n <= 3 && n <= at; ++n)
            if (text::space_at(line, at - n) == n) return true;
        return false;
    };
    // A tag or a cell's border is as good as a space.
    const auto border = [](char c) { return c == '>' || c == '<' || c == '|'; };
    std::string out;
    size_t copied = 0;
    for (size_t at = opens.at_or_after(0).first; at != std::string_view::npos; at = opens.at_or_after(at + 1).first) {
        const auto [close, close_bytes] = closes.at_or_after(at + 1);
        if (close == std::string_view::npos || close - at >= kMaxMarkBytes) continue;
        const size_t end = close + close_bytes;
        const bool before = at > 0 && !space_before(at) && !border(line[at - 1]);
        const bool after = end < line.size() && text::space_at(line, end) == 0 && !border(line[end]);
        if ((!before && !after) || !mark_state(line.substr(at, end - at))) continue;
        out.append(line.substr(copied, at - copied));
        if (before) out += ' ';
        out.append(line.substr(at, end - at));
        if (after) out += ' ';
        copied = end;
        at = end - 1;
    }
    if (copied == 0) return std::nullopt;
    out.append(line.substr(copied));
    return out;
}

}  // namespace

TextRepairs repairs_needed(const std::vector<std::string>& lines) {
    // ① … ⑳ are E2 91 A0 … B3; an empty box without spaces is [] or ［］.
    const auto holds = [&](std::string_view needle) {
        return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
            return ::memmem(l.data(), l.size(), needle.data(), needle.size()) != nullptr;
        });
    };
    return {holds("[]") || holds("\uFF3B\uFF3D"), !holds("\xE2\x91")};
}

// The typographic spaces (U+2000 .. U+200A: en, em, thin …) that pdfminer writes between a PDF's
// words where the page set them apart: an ASCII space each, as NFKC writes them, so that a mark or
// a cell after one stands apart as after any space.
std::optional<std::string> with_plain_spaces(std::string_view line) {
    constexpr std::string_view kLead = "\xE2\x80";  // U+2000 .. U+203F
    size_t at = line.find(kLead);
    const auto typographic = [&](size_t i) {
        return i + 2 < line.size() && static_cast<unsigned char>(line[i + 2]) >= 0x80 &&
               static_cast<unsigned char>(line[i + 2]) <= 0x8A;
    };
    while (at != std::string_view::npos && !typographic(at)) at = line.find(kLead, at + 1);
    if (at == std::string_view::npos) return std::nullopt;
    std::string out(line.substr(0, at));
    for (size_t i = at; i < line.size();) {
        if (line.compare(i, kLead.size(), kLead) == 0 && typographic(i)) {
            out += ' ';
            i += 3;
        } else {
            out += line[i++];
        }
    }
    return out;
}

// An entry's word alone (委託事項, 提供先 …), as the form spells it.
bool is_entry_word(std::string_view text) { return !text.empty() && entry_word_size(text, 0) == text.size(); }

// A title of the form's numbered items (特定個人情報ファイル名, 基本情報 …, III's by what they hold).
bool is_item_title(std::string_view text) {
    const std::string title = label_key(text);
    const FormLabels& labels = FormLabels::get();
    return labels.is("item_titles", title) || labels.is("file_items", title) || labels.is("other_items", title) ||
           labels.is("items_after_risk", title) || labels.in("risk_items", title);
}

// The number a line holds and nothing else: an item's (1 … 20, full-width too) or a field's (① … ⑳);
// "" when it holds more or other.
std::string lone_number(std::string_view line) {
    constexpr size_t kMostBytes = 12;  // two full-width digits, spaces and form feeds
    if (line.size() > kMostBytes) return "";
    const std::string t = text::trim(without_form_feeds(line));
    if (t.size() == kCircledNumberBytes && circled_number(t) > 0) return t;
    return is_item_number(compact_key(t)) ? t : "";
}

// An item's number set apart from its title, in a column of its own (１   特定個人情報ファイル名, as
// a sheet prints its column A): the number with the full stop the form writes after it
// (１．特定個人情報ファイル名). Only a title of the form's items counts, so a table's numbered rows stay.
std::optional<std::string> with_item_number_stopped(std::string_view line) {
    const auto number = number_opening(line);
    if (!number) return std::nullopt;
    const auto [at, gap] = *number;
    const size_t title_at = after_space(line, gap);
    if (!is_item_title(line.substr(title_at))) return std::nullopt;
    std::string out(line.substr(0, gap));
    out += static_cast<unsigned char>(line[at]) < 0x80 ? "." : "．";
    out += line.substr(title_at);
    return out;
}

// A field's number set apart from its label, in a column of its own (①   事務の名称      value, as a
// sheet prints its column A beside column B): the number opens its label again, the spaces that set
// it apart after the label, so that the value keeps its column (①事務の名称         value).
std::optional<std::string> with_field_number_joined(std::string_view line) {
    const size_t at = line.find_first_not_of(" \t\f");
    if (at == std::string_view::npos || line.size() <= at + kCircledNumberBytes ||
        circled_number(line.substr(at, kCircledNumberBytes)) == 0 || line[at + kCircledNumberBytes] != ' ')
        return std::nullopt;
    const size_t label_at = after_space(line, at + kCircledNumberBytes);
    if (label_at >= line.size()) return std::nullopt;
    const size_t label_end = std::min(line.find("  ", label_at), line.size());
    const std::string_view label = line.substr(label_at, label_end - label_at);
    if (!FormLabels::get().is_row_label(label_key(label))) return std::nullopt;
    std::string out(line.substr(0, at + kCircledNumberBytes));
    out += label;
    out.append(label_at - (at + kCircledNumberBytes), ' ');
    out += line.substr(label_end);
    return out;
}

std::map<size_t, std::vector<std::string>> numbers_joined(const std::vector<std::string>& lines) {
    constexpr size_t kMostBlankLines = 2;
    std::map<size_t, std::vector<std::string>> out;
    size_t last_number = std::string::npos;  // the last line that holds a number alone
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string number = lone_number(lines[i]);
        if (number.empty()) continue;
        // A column of numbers written one after the other (１ | ２ | 基本情報 …) says nothing of which
        // title is whose.
        const bool in_column = last_number != std::string::npos && i <= last_number + kMostBlankLines + 1;
        last_number = i;
        if (in_column) continue;
        size_t label = i + 1;
        while (label < lines.size() && label <= i + kMostBlankLines && text::trim(lines[label]).empty()) ++label;
        if (label >= lines.size() || text::trim(lines[label]).empty() || lines[label].find('\f') != std::string::npos)
            continue;
        const bool circled = static_cast<unsigned char>(number[0]) == 0xE2;
        const std::string_view text = text::trim_view(lines[label]);
        const bool entry = !circled && is_entry_word(text);  // 2 | 委託事項: 委託事項2
        if (!entry && (circled ? !FormLabels::get().is_row_label(label_key(text)) : !is_item_title(text))) continue;
        const bool full_width = static_cast<unsigned char>(number[0]) >= 0x80;
        const std::string_view form_feeds =
            std::string_view(lines[i]).substr(0, lines[i].size() - without_form_feeds(lines[i]).size());
        for (size_t k = i; k < label; ++k) out[k] = {};
        out[label] = {std::string(form_feeds) + (entry ? std::string(text) + number
                                                       : number +
                                                             (circled      ? ""
                                                              : full_width ? "．"
                                                                           : ".") +
                                                             std::string(text))};
        i = label;
    }
    return out;
}

std::map<size_t, std::string> cut_labels_joined(const std::vector<std::string>& lines) {
    constexpr size_t kMinHeadChars = 4;   // a label's first line: a few characters at least
    constexpr size_t kMaxTailChars = 16;  // its rest: the narrow label cell's next line
    const FormLabels& labels = FormLabels::get();
    std::map<size_t, std::string> out;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::string_view line = text::trim_view(lines[i]);
        if (circled_number(line) == 0) continue;
        const size_t head_end = next_space(line);
        const std::string_view head = line.substr(0, head_end);
        if (text::length(head) < kMinHeadChars + 1 || labels.is_row_label(label_key(head))) continue;
        // Raw order only: the value one space after the label's first line, the rest alone on the
        // next line (a physical layout sets its cells in columns, where the rows are rebuilt).
        if (head_end != std::string_view::npos && after_space(line, head_end) != head_end + 1) continue;
        if (lines[i + 1].empty() || text::space_at(lines[i + 1], 0) > 0) continue;
        const std::string_view next = text::trim_view(lines[i + 1]);
        const std::string_view tail = next.substr(0, next_space(next));
        const std::string_view rest = text::trim_view(next.substr(tail.size()));
        if (tail.empty() || text::longer_than(tail, kMaxTailChars) || circled_number(tail) > 0 ||
            !(rest.empty() || rest == "※"))
            continue;
        const std::string label = std::string(head) + std::string(tail);
        if (!labels.is_row_label(label_key(label))) continue;
        const std::string_view value = head_end == std::string_view::npos ? "" : text::trim_view(line.substr(head_end));
        out[i] = value.empty() ? label : label + " " + std::string(value);
        out[i + 1] = std::string(rest);
        ++i;
    }
    return out;
}

namespace {

// Whether a line is a checkbox's option and nothing else, but for the detail its （ opens.
bool is_bare_option(std::string_view line) {
    static const std::vector<std::string> groups = Dictionary::get().list("/value_kinds/checkbox_options");
    const size_t paren = std::min(line.find("（"), line.find('('));
    const std::string_view option = text::trim_view(line.substr(0, paren));
    if (option.empty()) return false;
    // The detail is the line's rest: no further box on it (… （他市区町村） ☐ 民間事業者).
    if (paren != std::string_view::npos) {
        const std::u32string detail = text::to_u32(line.substr(paren));
        if (std::any_of(detail.begin(), detail.end(), [](char32_t c) { return is_box_glyph(c) || c == U'['; }))
            return false;
    }
    return std::any_of(groups.begin(), groups.end(), [&](const std::string& group) {
        return Dictionary::get().standard_option(group, option).has_value();
    });
}

// The form feeds that open a line (a page's first line): a line rewritten keeps them.
std::string_view form_feeds_of(std::string_view line) {
    return line.substr(0, line.size() - without_form_feeds(line).size());
}

// Line i's text without its form feeds and the white space around it.
std::string_view text_of(const std::vector<std::string>& lines, size_t i) {
    return text::trim_view(without_form_feeds(lines[i]));
}

bool is_lone_mark(std::string_view line) {
    const auto& marks = Dictionary::get().checked_marks();
    return std::find(marks.begin(), marks.end(), line) != marks.end();
}

}  // namespace

std::map<size_t, std::string> marks_joined(const std::vector<std::string>& lines) {
    constexpr size_t kMaxGap = 4;     // lines from a mark to its option: blank ones and the choice's label
    constexpr size_t kNearLines = 3;  // lines with text from a boxed option to an unmarked one of its boxes
    const FormLabels& labels = FormLabels::get();
    std::map<size_t, std::string> out;
    std::vector<size_t> boxed;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (!is_lone_mark(text_of(lines, i))) continue;
        for (size_t k = i + 1; k < lines.size() && k <= i + kMaxGap; ++k) {
            const std::string_view next = text_of(lines, k);
            if (next.empty() || labels.is_row_label(label_key(next))) continue;
            if (!is_bare_option(next) || out.count(k)) break;
            out[i] = std::string(form_feeds_of(lines[i]));
            out[k] = std::string(form_feeds_of(lines[k])) + "[ " + std::string(text_of(lines, i)) + " ] " +
                     std::string(next);
            boxed.push_back(k);
            break;
        }
    }
    // The unmarked options among them, each within a few lines with text of one boxed (its detail's
    // lines count; runs of boxes chain).
    const auto box_unmarked = [&](size_t k) {
        if (out.count(k) || !is_bare_option(text_of(lines, k))) return;
        out[k] = std::string(form_feeds_of(lines[k])) + "[ ] " + std::string(text_of(lines, k));
        boxed.push_back(k);
    };
    for (size_t b = 0; b < boxed.size(); ++b)
        for (const long step : {1L, -1L})
            for (long k = static_cast<long>(boxed[b]) + step, seen = 0;
                 k >= 0 && k < static_cast<long>(lines.size()) && seen < static_cast<long>(kNearLines); k += step)
                if (!text_of(lines, static_cast<size_t>(k)).empty()) {
                    ++seen;
                    box_unmarked(static_cast<size_t>(k));
                }
    return out;
}

namespace {

// Whether a line is an entry's header with no value on it (提供先1, 委託事項 2 as repaired_line left
// it: 委託事項2), of an entry named by that value (not システムN: its name is ①'s value).
bool is_valueless_named_entry(std::string_view line) {
    const size_t word = entry_word_size(line, 0);
    if (word == 0) return false;
    for (const auto& system : FormLabels::get().spellings("entry_system"))
        if (line.starts_with(system)) return false;
    size_t pos = word;
    return number_at(line, pos) > 0 && pos == line.size();
}

}  // namespace

std::map<size_t, std::string> centred_entry_headers_moved(const std::vector<std::string>& lines) {
    constexpr size_t kMostEntryLines = 80;  // lines from an entry's ① to its header centred beside it
    constexpr size_t kMostNameChars = 40;   // an entry's name: a body's, a department's, one line
    const FormLabels& labels = FormLabels::get();
    // Where an entry or an item opens: no entry's rows run past it.
    const auto opens_entry_or_item = [&](std::string_view t) {
        return entry_word_size(t, 0) > 0 || !lone_number(t).empty() || is_item_title(t);
    };
    const auto may_be_name = [&](std::string_view t) {
        return !t.empty() && !text::longer_than(t, kMostNameChars) && !opens_entry_or_item(t) &&
               circled_number(t) == 0 && !labels.is_row_label(label_key(t)) && !is_option_list_line(std::string(t)) &&
               t.find_first_of("[]") == std::string_view::npos;
    };
    const auto next_with_text = [&](size_t k) {
        while (k < lines.size() && text_of(lines, k).empty()) ++k;
        return k;
    };
    std::map<size_t, std::string> out;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (!is_valueless_named_entry(text_of(lines, i))) continue;
        // A name right below the header is its own (a header at the top of its entry).
        if (const size_t below = next_with_text(i + 1); below < lines.size() && may_be_name(text_of(lines, below)))
            continue;
        // Below the header, the entry's next field (a line opening with its number: a label wrapped
        // in its cell keeps only its first words there) is a later one than ①.
        int next_field = 0;
        for (size_t k = i + 1; k < lines.size() && k <= i + kMostEntryLines && next_field == 0; ++k)
            if (opens_entry_or_item(text_of(lines, k)))
                break;
            else
                next_field = circled_number(text_of(lines, k));
        if (next_field <= 1) continue;
        // Above it, the entry's ① and the fields after it, with no other entry's header between.
        size_t first = i;
        for (size_t k = i; k-- > 0 && k + kMostEntryLines >= i;) {
            const std::string_view t = text_of(lines, k);
            if (opens_entry_or_item(t)) break;
            if (circled_number(t) == 1) {
                first = k;
                break;
            }
        }
        if (first == i) continue;
        // The name: the line with text right above ①.
        size_t name = first;
        while (name > 0 && text_of(lines, name - 1).empty()) --name;
        if (name == 0 || !may_be_name(text_of(lines, name - 1)) || out.count(name - 1)) continue;
        --name;
        out[i] = std::string(form_feeds_of(lines[i]));
        out[name] = std::string(form_feeds_of(lines[name])) + std::string(text_of(lines, i)) + " " +
                    std::string(text_of(lines, name));
    }
    return out;
}

std::map<size_t, std::string> count_pieces_joined(const std::vector<std::string>& lines) {
    constexpr size_t kMostPieces = 4;      // （ | 3 | ） | 件
    constexpr size_t kMostPieceChars = 6;  // each a bracket, a number or the unit
    constexpr size_t kMostBlankLines = 2;  // between two pieces
    std::map<size_t, std::string> out;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string_view first = text_of(lines, i);
        if (first.empty() || text::longer_than(first, kMostPieceChars) || is_count_line(first) ||
            !(first.starts_with("（") || first.starts_with("(")))
            continue;
        std::string joined(first);
        std::vector<size_t> pieces{i};
        for (size_t k = i + 1, blanks = 0; k < lines.size() && pieces.size() < kMostPieces && blanks <= kMostBlankLines;
             ++k) {
            const std::string_view piece = text_of(lines, k);
            if (piece.empty()) {
                ++blanks;
                continue;
            }
            if (text::longer_than(piece, kMostPieceChars)) break;
            joined += " " + std::string(piece);
            pieces.push_back(k);
            blanks = 0;
            if (!is_count_line(joined)) continue;
            out[i] = std::string(form_feeds_of(lines[i])) + joined;
            for (size_t p = 1; p < pieces.size(); ++p) out[pieces[p]] = std::string(form_feeds_of(lines[pieces[p]]));
            i = k;
            break;
        }
    }
    return out;
}

namespace {

// The match keys of every option the dictionary lists, sorted: a box's label that the line end cut
// is a proper prefix of one.
const std::vector<std::string>& sorted_option_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const auto& [group, labels] : Dictionary::get().raw().at("options").items())
            for (const auto& label : labels) out.push_back(text::match_key(label.get<std::string>()));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }();
    return keys;
}

bool is_option_key(const std::string& key) {
    const auto& keys = sorted_option_keys();
    return std::binary_search(keys.begin(), keys.end(), key);
}

bool opens_option_key(const std::string& key) {
    const auto& keys = sorted_option_keys();
    const auto it = std::lower_bound(keys.begin(), keys.end(), key);
    return it != keys.end() && it->size() > key.size() && it->starts_with(key);
}

// An option, or an option with its （detail） after it.
bool is_option_written(std::u32string_view written) {
    const size_t bracket = written.find_first_of(U"（(");
    return is_option_key(text::match_key(text::to_utf8(written))) ||
           (bracket != std::u32string_view::npos && bracket > 0 &&
            is_option_key(text::match_key(text::to_utf8(written.substr(0, bracket)))));
}

// The word after a line's last box (☐ その, [ ○ ] 庁内連携システ, 【○】その) when it ends the line;
// empty otherwise.
std::u32string last_box_word(std::string_view line) {
    // Most lines hold no box: a glyph's UTF-8 opens with 0xE2, a bracket closes with ], ］ or 】.
    if (line.find('\xE2') == std::string_view::npos && line.find(']') == std::string_view::npos &&
        line.find("］") == std::string_view::npos && line.find("】") == std::string_view::npos)
        return {};
    const std::u32string u = text::to_u32(line);
    size_t box = std::u32string::npos;
    for (size_t k = u.size(); k-- > 0;)
        if (is_box_glyph(u[k]) ||
            (is_mark_close(u[k]) && std::any_of(u.begin(), u.begin() + static_cast<long>(k), is_mark_open))) {
            box = k;
            break;
        }
    if (box == std::u32string::npos) return {};
    size_t from = box + 1;
    while (from < u.size() && text::is_space(u[from])) ++from;
    const std::u32string word = u.substr(from);
    if (word.empty() || std::any_of(word.begin(), word.end(), [](char32_t c) { return text::is_space(c); })) return {};
    return word;
}

// Whether line `at`, emptied, would stand in a run of three blank lines, which ends a page.
bool ends_a_page_emptied(const std::vector<std::string>& lines, size_t at) {
    size_t run = 1;
    for (size_t k = at; k-- > 0 && text_of(lines, k).empty();) ++run;
    for (size_t k = at + 1; k < lines.size() && text_of(lines, k).empty(); ++k) ++run;
    return run >= kPageBreakBlankLines;
}

}  // namespace

std::map<size_t, std::string> cut_options_joined(const std::vector<std::string>& lines, bool rest_alone) {
    constexpr size_t kMostBlankLines = 2;  // between the cut option's two lines
    const FormLabels& labels = FormLabels::get();
    std::map<size_t, std::string> out;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::u32string head = last_box_word(text_of(lines, i));
        if (head.empty()) continue;
        const std::string head_key = text::match_key(text::to_utf8(head));
        if (is_option_key(head_key) || !opens_option_key(head_key)) continue;
        size_t next = i + 1;
        while (next < lines.size() && next <= i + kMostBlankLines && text_of(lines, next).empty()) ++next;
        if (next >= lines.size() || text_of(lines, next).empty()) continue;
        const std::string_view rest_line = text_of(lines, next);
        if (labels.is_row_label(label_key(rest_line))) continue;
        // A physical layout (pdftotext -layout) sets a cell's lines at its column: its rows, rebuilt
        // from the columns, join the option again. Only lines written flush are joined here.
        if (text::space_at(without_form_feeds(lines[next]), 0) > 0) continue;
        // The option's rest: the next line's first word, up to a space or its next box, and the
        // （detail） right after it when it closes on that line.
        const std::u32string rest = text::to_u32(rest_line);
        size_t end = 0;
        while (end < rest.size() && !text::is_space(rest[end]) && !is_box_glyph(rest[end]) && !is_mark_open(rest[end]))
            ++end;
        if (end == 0 || !is_option_written(head + rest.substr(0, end))) continue;
        size_t moved = end;
        size_t detail = end;
        while (detail < rest.size() && text::is_space(rest[detail])) ++detail;
        if (detail < rest.size() && (rest[detail] == U'（' || rest[detail] == U'(')) {
            const size_t close = rest.find_first_of(U"）)", detail);
            if (close != std::u32string::npos) moved = close + 1;
        }
        const std::string after = text::trim(text::to_utf8(rest.substr(moved)));
        if (rest_alone && (!after.empty() || ends_a_page_emptied(lines, next))) continue;
        const std::string_view line = lines[i];
        out[i] = std::string(line.substr(0, line.find_last_not_of(" \t\r") + 1)) + text::to_utf8(rest.substr(0, end)) +
                 (moved > end ? " " : "") + text::trim(text::to_utf8(rest.substr(end, moved - end)));
        out[next] = std::string(form_feeds_of(lines[next])) + after;
        i = next;
    }
    return out;
}

std::optional<std::string> repaired_line(std::string_view line, const TextRepairs& repairs) {
    if (is_dash_rule(line)) return std::string();
    std::optional<std::string> out = with_characters_referenced(line);
    if (auto plain = with_plain_spaces(out ? std::string_view(*out) : line)) out = std::move(plain);
    if (auto value = without_definition_marker(out ? std::string_view(*out) : line)) out = std::move(value);
    if (auto unescaped = without_escapes(out ? std::string_view(*out) : line)) out = std::move(unescaped);
    if (auto plain = without_emphasis(out ? std::string_view(*out) : line)) out = std::move(plain);
    if (auto bare = without_heading_mark(out ? std::string_view(*out) : line)) out = std::move(bare);
    if (auto bare = without_entry_brackets(out ? std::string_view(*out) : line)) out = std::move(bare);
    if (auto bare = without_entry_list_number(out ? std::string_view(*out) : line)) out = std::move(bare);
    if (auto bare = without_label_colon(out ? std::string_view(*out) : line)) out = std::move(bare);
    if (auto stopped = with_item_number_stopped(out ? std::string_view(*out) : line)) out = std::move(stopped);
    if (auto entry = with_entry_number_after_its_word(out ? std::string_view(*out) : line)) out = std::move(entry);
    if (auto joined = with_field_number_joined(out ? std::string_view(*out) : line)) out = std::move(joined);
    if (repairs.boxes_apart)
        if (auto apart = with_boxes_apart(out ? std::string_view(*out) : line)) out = std::move(apart);
    if (repairs.circle_numbers)
        if (auto circled = with_field_numbers_circled(out ? std::string_view(*out) : line)) out = std::move(circled);
    const std::string_view now = out ? std::string_view(*out) : line;
    if (const auto gap = entry_number_gap(now)) {
        std::string joined(now);
        joined.erase(gap->first, gap->second - gap->first);
        out = std::move(joined);
    }
    return out;
}

}  // namespace piagraph::extract_detail
