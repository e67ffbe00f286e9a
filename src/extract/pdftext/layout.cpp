#include "layout.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <string_view>
#include <utility>

#include "../common.hpp"
#include "../form_labels.hpp"
#include "../line_repairs.hpp"
#include "fields.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail::pdftext {

namespace {

// Region headers (Ⅱ 特定個人情報ファイルの概要) and the 項目一覧 title are short lines.
constexpr size_t kMaxHeaderChars = 70;

// NFKC without white space and ※ (the "required" mark that follows many labels).
std::string compact_nfkc(std::string_view s) { return without_note_marks(text::nfkc_compact(s)); }

// Whether a label's head (before its bracket) is that of an option printed with brackets of its
// own: 電子記録媒体（フラッシュメモリを除く。）, 4情報（氏名、…）, 接続しない（入手）. Their bracket is
// part of the label; any other label's bracket holds a detail (その他（…）).
bool is_parenthesised_option(const std::string& head_key) {
    static const std::set<std::string> heads = [] {
        std::set<std::string> out;
        for (const auto& [group, list] : Dictionary::get().raw().at("options").items())
            for (const auto& option : list) {
                const std::string n = text::nfkc(option.get<std::string>());
                const size_t open = n.find('(');
                if (open != std::string::npos && open > 0) out.insert(text::match_key(n.substr(0, open)));
            }
        return out;
    }();
    return heads.count(head_key) > 0;
}

// Form regions announced by a header line: Ⅰ 基本情報, Ⅱ 特定個人情報ファイルの概要, (別添1) 事務の内容 …
std::optional<Region> region_header(const Line& line) {
    if (line.compact.empty()) return std::nullopt;  // longer than any header
    const std::string& n = line.compact;
    const FormLabels& labels = FormLabels::get();
    if (!n.empty() && n[0] == '(' && labels.in("annex", n.substr(0, 12))) {
        const size_t close = n.find(')');
        if (close == std::string::npos || close > 12) return std::nullopt;
        const std::string title = n.substr(close + 1);
        auto opens = [&](const char* key) {
            const auto& s = labels.spellings(key);
            return std::any_of(s.begin(), s.end(), [&](const std::string& w) { return text::starts_with(title, w); });
        };
        if (opens("annex_affair")) return Region::annex_flow;
        if (labels.in("annex_records", title) && title.size() < 60) return Region::records;
        if (opens("annex_changes")) return Region::changes;
        return std::nullopt;
    }
    size_t i = 0;
    while (i < n.size() && (n[i] == 'I' || n[i] == 'V' || n[i] == 'X')) ++i;
    if (i == 0 || i > 3 || i >= n.size()) return std::nullopt;
    const std::string rest = n.substr(i);
    if (static_cast<unsigned char>(rest[0]) < 0x80) return std::nullopt;  // Ⅰ-1, Ⅱ.2: references
    auto starts_any = [&](const std::vector<std::string>& words) {
        return std::any_of(words.begin(), words.end(),
                           [&](const std::string& w) { return text::starts_with(rest, w); });
    };
    if (starts_any(written_list("reference_separators"))) return std::nullopt;
    if (starts_any(labels.spellings("section_basic"))) return Region::basic;
    if (starts_any(labels.spellings("section_files"))) return Region::file;
    if (text::length(rest) >= 4) return Region::other;
    return std::nullopt;
}

// A region announced by a numbered item of the form (１．特定個人情報ファイルを取り扱う事務 is
// section I, １．特定個人情報ファイル名 opens a II block, ２．特定個人情報の入手（…を除く。） is
// section III): where the section headers were lost, the items still say where a page belongs.
struct ItemHeader {
    Region region;
    bool opens_file = false;
};
// The region an item's title (compact: NFKC without white space) announces.
std::optional<ItemHeader> item_of_title(int number, const std::string& title) {
    const auto& labels = FormLabels::get();
    // The title is compact already: its spellings are looked for as they are (FormLabels::in would
    // normalise it again for every key).
    auto names = [&](const char* key) {
        const auto& spellings = labels.spellings(key);
        return std::any_of(spellings.begin(), spellings.end(),
                           [&](const std::string& s) { return text::contains(title, s); });
    };
    if (names("sub_file_names")) return number == 1 ? ItemHeader{Region::file, true} : ItemHeader{Region::basic, false};
    if (names("risk_items") || labels.is("other_items", without_note_marks(title)))
        return ItemHeader{Region::other, false};
    for (const char* key : {"sub_systems", "sub_affair", "sub_number_use", "sub_linkage", "sub_department"})
        if (names(key)) return ItemHeader{Region::basic, false};
    return std::nullopt;
}

// The item line `at` heads, if any; a title the conversion wrapped onto the next line (２．特定個人情報の
// 入手（情報提供ネットワークシステムを通 | じた入手を除く。）) is read with that line.
std::optional<ItemHeader> item_header(const Layout& layout, int at) {
    const auto numbered = numbered_title(layout.lines[at].compact);
    if (!numbered) return std::nullopt;
    const auto& [number, title] = *numbered;
    if (auto item = item_of_title(number, title)) return item;
    const size_t next = static_cast<size_t>(at) + 1;
    if (next >= layout.lines.size() || !could_continue_title(layout.lines[next].compact)) return std::nullopt;
    return item_of_title(number, title + layout.lines[next].compact);
}

// Whether the "１．特定個人情報ファイル名" at line `at` is section III's (its headers lost): the next item
// of the form after its list of names is one of III (２．特定個人情報の入手（…を除く。）), not a label
// of II (①ファイルの種類) or another item.
bool repeats_file_names(const Layout& layout, int at) {
    constexpr int kSpan = 8;  // non-blank lines: the list of names, then the next item
    const int count = static_cast<int>(layout.lines.size());
    for (int i = at + 1, texts = 0; i < count && texts < kSpan; ++i) {
        const Line& l = layout.lines[i];
        if (l.text.empty()) continue;
        ++texts;
        if (auto item = item_header(layout, i)) return item->region == Region::other;
        if (field_of(l) != Field::none) return false;
    }
    return false;
}

// Whether a II heading at line `at` is followed by the name of the file its block is about ((2) 介護
// 保険負担限度額ファイル) or by the block's "１．特定個人情報ファイル名" within a few lines.
bool names_next_file(const Layout& layout, int at) {
    constexpr int kSpan = 4;  // lines with text
    for (int i = at + 1, texts = 0; i < static_cast<int>(layout.lines.size()) && texts < kSpan; ++i) {
        const Line& l = layout.lines[i];
        if (l.text.empty()) continue;
        ++texts;
        if (is_file_name_line(l)) return true;
        if (const auto item = item_header(layout, i); item && item->opens_file) return true;
    }
    return false;
}

// Whether the 変更箇所 table follows line `at` closely: its header row (変更日, 変更前の記載 …),
// or a row's date among the next few lines.
bool change_table_follows(const Layout& layout, int at) {
    constexpr int kSpan = 60, kDateSpan = 6;
    const auto& labels = FormLabels::get();
    const int last = std::min(static_cast<int>(layout.lines.size()) - 1, at + kSpan);
    for (int i = at + 1, texts = 0; i <= last; ++i) {
        const std::string& c = layout.lines[i].compact;
        if (c.empty()) continue;
        if (labels.is("change_date", c) || labels.in("change_header", c)) return true;
        if (++texts <= kDateSpan && looks_like_date(c)) return true;
    }
    return false;
}

// The line that names a II block (is_file_name_line), among the few lines above its first label
// (from `first` on), or `at` itself when there is none.
int file_name_line_before(const Layout& layout, int at, int first) {
    constexpr int kLookBack = 3;  // lines with text: the name, "２．基本情報", a ※ cut from a label
    for (int i = at - 1, seen = 0; i >= first && seen < kLookBack; --i) {
        const Line& l = layout.lines[i];
        if (l.text.empty() || text::starts_with(text::nfkc(l.text), "-")) continue;  // - 3 -: a page number
        ++seen;
        if (is_file_name_line(l)) return i;
    }
    return at;
}

// The header row of the 変更箇所 table: every column title of the before/after cells on one line.
bool is_change_table_header(const Line& line) { return holds_change_column_titles(line.compact); }

// On a page with no header at all, the labels on it tell section I from a II block, and the
// (備考) with its numbered steps (1-①. …) tells the notes of 別添1.
std::optional<Region> region_of_labels(const Layout& layout, const Page& page) {
    int basic = 0, file = 0, steps = 0;
    bool remarks = false;
    for (int i = page.first; i <= page.last; ++i) {
        const Line& l = layout.lines[i];
        if (l.text.empty()) continue;
        if (FormLabels::get().is("remarks", l.compact)) remarks = true;
        if (remarks && step_start(l.text)) ++steps;
        switch (field_of(layout.lines[i])) {
            case Field::affair:
            case Field::sys_name:
            case Field::sys_func:
            case Field::sys_conn:
            case Field::linkage_status:
            case Field::department:
                ++basic;
                break;
            case Field::acq_source:
            case Field::acq_method:
            case Field::entrust:
            case Field::entrust_item:
            case Field::entrust_contractor:
            case Field::flows:
            case Field::provide:
            case Field::transfer:
            case Field::storage:
                ++file;
                break;
            default:
                break;
        }
    }
    if (remarks && steps >= 2) return Region::annex_flow;
    if (basic >= 2 && basic > file) return Region::basic;
    if (file >= 2 && file > basic) return Region::file;
    return std::nullopt;
}

}  // namespace

bool is_region_header(const Line& line) { return region_header(line).has_value(); }

int next_line_with_text(const Layout& layout, int from, int last) {
    while (from <= last && layout.lines[static_cast<size_t>(from)].text.empty()) ++from;
    return from;
}

int previous_line_with_text(const Layout& layout, int from) {
    while (from >= 0 && layout.lines[static_cast<size_t>(from)].text.empty()) --from;
    return from;
}

bool is_item_heading(const Line& line) {
    const auto numbered = numbered_title(line.compact);
    return numbered && item_of_title(numbered->first, numbered->second).has_value();
}

bool is_numbered_title(const Line& line) { return numbered_title(line.compact).has_value(); }

bool is_file_item_heading(const Line& line) {
    constexpr size_t kMaxTitleTail = 30;  // (委託や情報提供ネットワークシステムを通じた提供を除く。)
    const auto numbered = numbered_title(line.compact);
    if (!numbered) return false;
    const std::string title = without_note_marks(numbered->second);
    for (const auto& item : FormLabels::get().spellings("file_items"))
        if (text::starts_with(title, item) && text::length(title) <= text::length(item) + kMaxTitleTail) return true;
    return false;
}

namespace {

// A label's compact text without the item number ("5." or "(1)") before it.
std::string without_item_number(const std::string& n) {
    if (const auto [number, bytes] = bracketed_number(n); number > 0) return n.substr(bytes);
    if (const auto numbered = numbered_title(n)) return numbered->second;
    return n;
}

}  // namespace

namespace {

std::string label_key_of(std::string_view t) {
    if (t.size() > kMaxLabelCellBytes) return {};                     // prose, not a label: not worth normalising
    if (circled_number(t) > 0) t.remove_prefix(kCircledNumberBytes);  // the field's number ①…
    return without_item_number(compact_nfkc(t));                      // (which drops white space too)
}

// Where the label of a line ends: after its first word, or after the first few words when
// together they spell a label of the form (pdftotext spreads a justified cell: 事務の 名称).
struct LabelSplit {
    std::string label;
    size_t end = std::string::npos;  // byte offset after the label in the trimmed line
};
LabelSplit split_label(std::string_view trimmed) {
    constexpr int kMaxWords = 4;
    LabelSplit first{label_key_of(trimmed.substr(0, next_space(trimmed, 0))), next_space(trimmed, 0)};
    if (first.label.empty() && first.end != std::string_view::npos) {
        // A field number set apart from its label (② 実施日・期間): the label's words follow it.
        first.end = next_space(trimmed, after_space(trimmed, first.end));
        first.label = label_key_of(trimmed.substr(0, first.end));
    }
    if (first.end == std::string_view::npos || field_of_label(first.label) != Field::none) return first;
    size_t end = first.end;
    for (int words = 2; words <= kMaxWords && end != std::string_view::npos && end <= kMaxLabelCellBytes; ++words) {
        const size_t next = next_space(trimmed, after_space(trimmed, end));
        std::string label = label_key_of(trimmed.substr(0, next));
        if (field_of_label(label) != Field::none) return {std::move(label), next};
        end = next;
    }
    return first;
}

}  // namespace

std::string label_of(const std::string& line) { return split_label(text::trim_view(line)).label; }

std::string value_after_label(const std::string& line) {
    const std::string t = text::trim(line);
    const size_t end = split_label(t).end;
    if (end == std::string::npos) return std::string();
    std::string value = text::trim(t.substr(end));
    // The ※ that marks a required label (③対象となる本人の範囲　※) is the label's, not its value.
    if (value == "※" || text::starts_with(value, "※ ") || text::starts_with(value, "※\u3000"))
        value = text::trim(value.substr(std::string_view("※").size()));
    return value;
}

bool starts_with_entry_word(const std::string& compact) {
    static const std::vector<std::string> words = [] {  // asked for every line: gathered once
        std::vector<std::string> out;
        for (const char* entry : kEntryKeys)
            for (const auto& word : FormLabels::get().spellings(entry)) out.push_back(word);
        return out;
    }();
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return text::starts_with(compact, w); });
}

std::optional<EntryHeader> entry_header(const std::string& line) {
    const std::string t = text::trim(line);
    const size_t sp = next_space(t, 0);
    const std::string head = text::nfkc(sp == std::string::npos ? t : t.substr(0, sp));
    static const std::regex re = [] {
        std::vector<std::string> words;
        for (const char* entry : kEntryKeys)
            for (const auto& word : FormLabels::get().spellings(entry)) words.push_back(word);
        return std::regex("^(" + regex_alternatives(words) + R"()(\d{1,4})(?:)" +
                          regex_alternatives(written_list("range_separators")) + R"((\d{1,4}))?$)");
    }();
    if (!starts_with_entry_word(head)) return std::nullopt;  // most lines, before the regex
    std::smatch m;
    if (!std::regex_match(head, m, re)) return std::nullopt;
    EntryHeader h;
    h.kind = m[1].str();
    h.number = std::stoi(m[2].str());
    h.range = m[3].matched;
    if (sp != std::string::npos) h.value = text::trim(t.substr(after_space(t, sp)));
    return h;
}

namespace {

// Pieces of a line between brackets, with the bracket that ended each.
struct Piece {
    std::string text;
    char32_t end = 0;  // '[' ']' or 0 at end of line
};
std::vector<Piece> pieces_of(std::string_view trimmed) {
    const std::u32string s = text::to_u32(trimmed);
    std::vector<Piece> pieces;
    std::u32string cur;
    for (char32_t c : s) {
        // [ ] as printed, 【 】, and the full-width ［ ］ of a font without the ASCII brackets.
        const bool opens = c == U'[' || c == U'【' || c == U'［', closes = c == U']' || c == U'】' || c == U'］';
        if (opens || closes) {
            pieces.push_back({text::trim(text::to_utf8(cur)), opens ? U'[' : U']'});
            cur.clear();
        } else {
            cur += c;
        }
    }
    pieces.push_back({text::trim(text::to_utf8(cur)), 0});
    return pieces;
}

}  // namespace

void label_and_detail(Fragment& f, const std::string& label_text) {
    std::string t = label_text;
    // Label (detail) with either bracket width; the detail may be cut by the line end.
    size_t open = t.find("（");
    size_t open_len = 3;
    const size_t ascii_open = t.find('(');
    if (ascii_open != std::string::npos && (open == std::string::npos || ascii_open < open)) {
        open = ascii_open;
        open_len = 1;
    }
    // Labels that carry their own parentheses: 電子記録媒体（フラッシュメモリを除く。）,
    // 4情報（氏名、…）, 接続しない（入手）. Keep a bracket that closes on a label we know.
    const std::string whole_key = text::match_key(t);
    if (open != std::string::npos) {
        const std::string head = text::trim(t.substr(0, open));
        const std::string inner_rest = t.substr(open + open_len);
        size_t close = inner_rest.rfind("）");
        size_t close_len = 3;
        const size_t ascii_close = inner_rest.rfind(')');
        if (ascii_close != std::string::npos && (close == std::string::npos || ascii_close > close)) {
            close = ascii_close;
            close_len = 1;
        }
        const std::string head_key = text::match_key(head);
        const bool parenthesised_label = is_parenthesised_option(head_key);
        if (!parenthesised_label) {
            f.label = head;
            if (close == std::string::npos) {
                f.detail = text::trim(inner_rest);
                f.detail_open = true;
            } else {
                f.detail = text::trim(inner_rest.substr(0, close));
                (void)close_len;
            }
            return;
        }
    }
    f.label = text::trim(t);
}

std::vector<Fragment> parse_fragments(const std::string& line_text, int line_no) {
    const std::string_view trimmed = text::trim_view(line_text);
    std::vector<Fragment> out;
    // Most lines have no bracket: looked for in the bytes before anything is decoded or copied.
    if (!has_box_bracket(trimmed)) {
        // A mark alone on its line, its box's brackets on other lines: a glyph that is a mark even
        // alone (○), or any other mark of the dictionary that is no Latin letter (レ, ×), which
        // stands alone on a line only as a mark.
        const bool one_wide_char = trimmed.size() > 1 && trimmed.size() <= 4 && text::length(trimmed) == 1;
        const std::string as_box = one_wide_char ? "[" + std::string(trimmed) + "]" : std::string(trimmed);
        if (!trimmed.empty() && mark_state(as_box).value_or(false)) {
            Fragment f;
            f.kind = Fragment::Kind::orphan;
            f.mark = true;
            f.line = line_no;
            out.push_back(f);
        }
        return out;
    }
    const std::vector<Piece> pieces = pieces_of(trimmed);
    // What stands inside a box's brackets, its closing or opening bracket on another line ([ レ | ]):
    // read as the box it is, so every mark the dictionary knows counts, not only the glyphs that
    // are marks even alone.
    auto mark_of = [](const std::string& inner) -> std::optional<bool> {
        if (inner.empty()) return false;
        return mark_state("[" + inner + "]");
    };
    // Text before the first bracket: a mark (closer's mark) or nothing.
    size_t i = 0;
    if (pieces[0].end == U']') {
        // "○ ] label" or "] label": a closer
        Fragment f;
        f.kind = Fragment::Kind::closer;
        f.mark = mark_of(pieces[0].text);
        f.line = line_no;
        label_and_detail(f, pieces.size() > 1 ? pieces[1].text : std::string());
        out.push_back(f);
        i = 1;
    }
    std::string last_label = out.empty() ? std::string() : out.back().label;
    // Now pieces[i].end == '[' opens a box whose inner is pieces[i+1].text.
    while (i < pieces.size() && pieces[i].end == U'[') {
        if (i + 1 >= pieces.size()) break;
        const Piece& inner = pieces[i + 1];
        if (inner.end == U']') {
            const std::optional<bool> m = mark_of(inner.text);
            const std::string after = i + 2 < pieces.size() ? pieces[i + 2].text : std::string();
            if (m.has_value()) {
                Fragment f;
                f.kind = Fragment::Kind::box;
                f.mark = m;
                f.line = line_no;
                label_and_detail(f, after);
                last_label = f.label;
                out.push_back(f);
            } else {
                Fragment f;
                f.kind = Fragment::Kind::selection;
                f.value = inner.text;
                f.line = line_no;
                out.push_back(f);
            }
            i += 2;
            continue;
        }
        // '[' not closed on this line: an opener (bare, with a mark, or with a selected value)
        const std::optional<bool> m = mark_of(inner.text);
        Fragment f;
        f.line = line_no;
        if (m.has_value()) {
            f.kind = Fragment::Kind::opener;
            f.mark = m;
            f.before = last_label;
        } else {
            f.kind = Fragment::Kind::selection;
            f.value = inner.text;
        }
        out.push_back(f);
        i += 1;
        if (inner.end == U'[') continue;
        break;
    }
    return out;
}

namespace {

// One line of the text with what the parser asks of it many times (page and region come later).
Line make_line(std::string_view raw, int no) {
    std::string cleaned;
    if (raw.find('\f') != std::string_view::npos) {
        for (char c : raw)
            if (c != '\f') cleaned += c;
        raw = cleaned;
    }
    Line l;
    l.no = no;
    l.text = text::trim(raw);
    if (l.text.empty()) return l;
    // HTML a markdown-like conversion left in a text read as pdftotext's (rows that lost their
    // tabs): its tags are no part of the values (<div>[○] 庁内連携システム</div>), its inputs are boxes.
    if (l.text.find('<') != std::string::npos) l.text = html_as_text(l.text);
    // Boxes printed as glyphs (■ 紙 □ 電子メール) are read as the form's bracketed boxes.
    l.text = box_glyphs_as_brackets(l.text);
    l.label_cell = raw[0] == ' ' && raw.size() > 1 && raw[1] != ' ';
    l.fragments = parse_fragments(l.text, l.no);
    l.grid = !l.fragments.empty();
    if (text::length(l.text) <= kMaxHeaderChars) l.compact = compact_nfkc(l.text);
    // A short line that is one token without a field number is its own label token: its
    // compact text, already made, need not be normalised again. (White space of any kind parts
    // tokens: 評価書番号　評価書名 is two labels.)
    const bool one_token = !l.compact.empty() && l.text.size() <= kMaxLabelCellBytes &&
                           next_space(l.text) == std::string::npos && circled_number(l.text) == 0;
    l.label = one_token ? without_item_number(l.compact) : label_of(l.text);
    // An entry header's first word is its label (システム3): most lines are ruled out by it.
    if (starts_with_entry_word(l.label)) l.header = entry_header(l.text);
    return l;
}

// The lines of the document, each with its page (a form feed, or three blank lines, ends a page
// that has text), and the pages as index ranges.
void cut_pages(const Document& doc, Layout& layout) {
    layout.lines.reserve(doc.lines.size());
    // Options a narrow cell cut over two lines, read whole, also where the next line holds more
    // (cleaning joined those whose rest stands alone: rows rebuilt from the line widths join a full
    // line with the next themselves, so the rest stays there for them).
    const std::map<size_t, std::string> joined = cut_options_joined(doc.lines);
    int page = 0;
    int blank_run = 0;
    bool any_text = false;
    for (size_t i = 0; i < doc.lines.size(); ++i) {
        const auto own = joined.find(i);
        const std::string& text = own == joined.end() ? doc.lines[i] : own->second;
        const bool form_feed = text.find('\f') != std::string::npos;
        // The layout counts from 1; parse_pdftext shifts to first_line.
        Line l = make_line(text, static_cast<int>(i) + 1);
        if (l.text.empty() && own != joined.end() && !form_feed) {
            // the rest of an option, joined to the line above: no blank line of the print
        } else if (l.text.empty()) {
            ++blank_run;
            if (form_feed && any_text) {
                ++page;
                any_text = false;
            }
        } else {
            if ((blank_run >= static_cast<int>(kPageBreakBlankLines) || form_feed) && any_text) {
                ++page;
                any_text = false;
            }
            blank_run = 0;
            any_text = true;
        }
        l.page = page;
        layout.lines.push_back(std::move(l));
    }
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const int p = layout.lines[i].page;
        if (static_cast<int>(layout.pages.size()) <= p)
            layout.pages.push_back({static_cast<int>(i), static_cast<int>(i)});
        layout.pages[p].last = static_cast<int>(i);
    }
}

// Where the pages read so far have left the form.
struct RegionState {
    Region current = Region::cover;
    int file = -1;
    bool file_header_open = false;  // a Ⅱ header whose "１．特定個人情報ファイル名" has not come yet
    bool block_has_type = false;    // the open II block has had its ①ファイルの種類
    bool previous_toc = false;
};

// A section's numeral alone (compact: NFKC writes Ⅲ as III).
bool is_roman_numeral(const std::string& compact) {
    constexpr size_t kMaxLetters = 3;  // up to VII
    return !compact.empty() && compact.size() <= kMaxLetters && compact.find_first_not_of("IVX") == std::string::npos;
}

// The last line of a 項目一覧 that starts at `from`: its run of header lines (blank lines between),
// up to the first other line or the first header it already listed (the content's own I 基本情報).
// Without pages (a text with no form feeds) the form goes on after it on the same "page". A sheet
// sets a header's numeral in a cell of its own (Ⅲ | リスク対策): the numeral alone on its line and the
// title on the next line with text are one header.
int toc_end(const Layout& layout, int from, int last) {
    std::set<std::string> listed;
    int end = from;
    for (int i = from + 1; i <= last; ++i) {
        const Line& l = layout.lines[i];
        if (l.text.empty()) continue;
        int header_end = i;
        std::string header = l.compact;
        if (!region_header(l) && is_roman_numeral(l.compact)) {
            const int next = next_line_with_text(layout, i + 1, last);
            if (next > last) break;
            Line joined;
            joined.compact = l.compact + layout.lines[next].compact;
            if (!region_header(joined)) break;
            header = joined.compact;
            header_end = next;
        } else if (!region_header(l)) {
            break;
        }
        if (!listed.insert(header).second) break;
        end = i = header_end;
    }
    return end;
}

// Whether the page is (the rest of) the 項目一覧; its lines from the 項目一覧 on are marked toc,
// up to `end` (the line after which the page reads on as the form).
bool mark_toc(Layout& layout, const Page& pg, RegionState& st, int& end) {
    const auto& labels = FormLabels::get();
    bool toc = false, only_headers = true;
    int toc_from = pg.first;  // the cover printed above the 項目一覧 on its page stays cover
    for (int i = pg.first; i <= pg.last; ++i) {
        const Line& l = layout.lines[i];
        if (labels.is("contents", l.compact) && !toc) {
            toc = true;
            toc_from = i;
        }
        if (!l.text.empty() && !region_header(l)) only_headers = false;
    }
    // The 項目一覧 goes on over a page break with nothing but its header lines.
    if (st.previous_toc && only_headers) toc = true;
    st.previous_toc = toc && st.current == Region::cover;
    if (!st.previous_toc) return false;
    end = only_headers ? pg.last : toc_end(layout, toc_from, pg.last);
    // Content after the list on its page: the 項目一覧 is over.
    const bool content_follows = std::any_of(layout.lines.begin() + end + 1, layout.lines.begin() + pg.last + 1,
                                             [](const Line& l) { return !l.text.empty(); });
    if (!content_follows) end = pg.last;
    st.previous_toc = !content_follows;
    for (int i = toc_from; i <= end; ++i) layout.lines[i].region = Region::toc;
    return true;
}

// The headers of a page: where each starts, the region it opens and the II block it is in.
struct PageHeaders {
    std::vector<std::pair<int, Region>> headers;
    std::vector<int> header_file;
    bool first_is_label = false;  // the page's first header is a ①ファイルの種類
    int file = -1;                // the II block open after the page
};

// A ①ファイルの種類 comes once in each II block: where the block's headers were lost, a second one
// opens the next block, from the line that names it.
void file_type_header(const Layout& layout, const Page& pg, int i, RegionState& st, PageHeaders& ph) {
    const Region at = ph.headers.empty() ? st.current : ph.headers.back().second;
    if (at == Region::other) return;
    int from = i;
    if (st.block_has_type || ph.file < 0) {
        ++ph.file;
        from = file_name_line_before(layout, i, ph.headers.empty() ? pg.first : ph.headers.back().first + 1);
    }
    st.block_has_type = true;
    st.file_header_open = false;
    if (ph.headers.empty()) ph.first_is_label = true;
    ph.headers.push_back({from, Region::file});
    ph.header_file.push_back(ph.file);
}

PageHeaders page_headers(const Layout& layout, const Page& pg, RegionState& st) {
    PageHeaders ph;
    ph.file = st.file;
    if (st.current == Region::changes) return ph;
    for (int i = pg.first; i <= pg.last; ++i) {
        const Line& l = layout.lines[i];
        if (l.compact.empty()) continue;
        if (auto r = region_header(l)) {
            // The 変更箇所 table repeats old values and is read to the end of the text: only
            // a header that its table follows opens it (not a mention in a list or a note).
            if (*r == Region::changes && !change_table_follows(layout, i)) continue;
            // II's heading printed again over a block that has its rows already (a running title
            // amid the page's cells) opens no block: only one that names the next file does.
            if (*r == Region::file && st.block_has_type && !names_next_file(layout, i)) continue;
            ph.headers.push_back({i, *r});
            if (*r == Region::file) ++ph.file;
            ph.header_file.push_back(ph.file);
            st.file_header_open = *r == Region::file;
            if (*r == Region::file) st.block_has_type = false;
        } else if (auto item = item_header(layout, i)) {
            // III repeats "１．特定個人情報ファイル名": it opens no II block there.
            const Region at = ph.headers.empty() ? st.current : ph.headers.back().second;
            if (item->opens_file && at == Region::other) continue;
            if (item->opens_file && repeats_file_names(layout, i)) item = ItemHeader{Region::other, false};
            if (item->opens_file && !st.file_header_open) ++ph.file;
            if (item->opens_file) st.block_has_type = false;
            st.file_header_open = false;
            ph.headers.push_back({i, item->region});
            ph.header_file.push_back(ph.file);
        } else if (is_change_table_header(l)) {
            // The 変更箇所 table's own header row, where the (別添) heading was lost.
            ph.headers.push_back({i, Region::changes});
            ph.header_file.push_back(ph.file);
        } else if (field_of(l) == Field::file_type) {
            file_type_header(layout, pg, i, st, ph);
        }
    }
    return ph;
}

// Lines under no header of their own: the region still open, or the one their labels tell.
void by_labels(Layout& layout, const Page& part, RegionState& st) {
    if (st.current == Region::cover || st.current == Region::basic || st.current == Region::file ||
        st.current == Region::annex_flow)
        if (auto region = region_of_labels(layout, part)) {
            st.current = *region;
            if (st.current == Region::file && st.file < 0) st.file = 0;
        }
    for (int i = part.first; i <= part.last; ++i) {
        layout.lines[i].region = st.current;
        layout.lines[i].file = st.file;
    }
}

// Regions: a page belongs to the headers printed on it (content before the first header of a
// page is the start of that header's block: pdftotext often emits a page bottom-up).
void assign_regions(Layout& layout) {
    RegionState st;
    for (Page pg : layout.pages) {
        int toc_last = pg.last;
        if (mark_toc(layout, pg, st, toc_last)) {
            if (toc_last == pg.last) continue;
            pg.first = toc_last + 1;  // the form goes on after the 項目一覧 on this page
        }
        const PageHeaders ph = page_headers(layout, pg, st);
        if (ph.headers.empty()) {
            by_labels(layout, pg, st);
            continue;
        }
        // A II block opened by its first label alone says nothing about the lines above it.
        int first_under_header = pg.first;
        if (ph.first_is_label && ph.headers.front().first > pg.first) {
            by_labels(layout, {pg.first, ph.headers.front().first - 1}, st);
            first_under_header = ph.headers.front().first;
        }
        size_t k = 0;
        for (int i = first_under_header; i <= pg.last; ++i) {
            while (k + 1 < ph.headers.size() && ph.headers[k + 1].first <= i) ++k;
            layout.lines[i].region = ph.headers[k].second;
            layout.lines[i].file = ph.header_file[k];
        }
        st.file = ph.file;
        st.current = ph.headers.back().second;
        for (const auto& header : ph.headers)
            if (header.second == Region::changes) st.current = Region::changes;
    }
    layout.file_count = st.file + 1;
}

}  // namespace

Layout build_layout(const Document& doc) {
    Layout layout;
    cut_pages(doc, layout);
    assign_regions(layout);
    return layout;
}

}  // namespace piagraph::extract_detail::pdftext
