#include "layout_rows.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <tuple>
#include <unordered_map>

#include "column_flow.hpp"
#include "common.hpp"
#include "form_labels.hpp"
#include "page_furniture.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

namespace {

// Fewer recognised label lines than this and the text is not a form read row by row.
constexpr size_t kMinLabelRows = 10;
// Share of label lines that must have a value of their own: in the scrambled reading order most
// labels are followed by the next label, their values come later in a block.
constexpr double kMinValuedShare = 0.6;
// A label cell's line is short; longer text at column 0 is prose or a value.
constexpr size_t kMaxLabelChars = 40;
// A row label the vocabulary does not know (再委託, the risk tables) is a short plain text.
constexpr size_t kMaxUnknownLabelChars = 24;
// A label written on two lines may be listed by its first line only (dictionary field_labels):
// such a first line needs this many characters, and the rest of the label no more than
// kMaxLabelTail.
constexpr size_t kMinPrefixChars = 4;
constexpr size_t kMaxLabelTail = 12;
// A text with fewer lines set in or spaced apart than this share keeps no columns.
constexpr double kMaxLaidOutShareOfFlat = 0.05;
// A label cut by the line end is known by its first line from this many characters on.
constexpr size_t kMinWrappedLabelChars = 8;
// A text wraps its values at the margin (printed as written) when at least this many rows' full
// lines go on at the margin, and rows whose next line is set in are fewer than this share of them.
constexpr size_t kMinMarginWraps = 3;
constexpr double kMaxSetInShareOfMarginWraps = 0.25;
// A printed line is full, cut by the page's width, from this share of the widest lines' width (the
// kFullLineQuantile of them all) on: -layout sets a row's label-to-value gap a few columns off.
constexpr double kFullPrintedLineShare = 0.7;
// A line of a heading that wrapped in the label column is this short at most.
constexpr size_t kMaxWrappedHeadingChars = 20;
// How far (in characters) a table cell's text may stand from its header's column.
constexpr size_t kGridDrift = 3;

// The form_labels keys whose spellings a numbered heading's title holds (1. 特定個人情報ファイル名 …).
constexpr const char* kHeadingTitleKeys[] = {
    "section_other",  "section_basic",    "section_files",  "section_risk",    "sub_systems",    "sub_affair",
    "sub_file_names", "sub_reason",       "sub_comment",    "sub_review",      "sub_number_use", "sub_linkage",
    "sub_department", "sub_other_bodies", "sub_basic_info", "sub_acquisition", "sub_entrust",    "sub_flows",
    "sub_storage",    "sub_remarks",      "risk_items"};

// The form_labels keys of group labels whose sub-fields have labels of their own (④使用の主体 |
// 使用部署, 使用者数).
constexpr const char* kGroupLabelKeys[] = {"use_subject"};

bool is_group(const std::string& key) {
    return std::find(std::begin(kGroupLabelKeys), std::end(kGroupLabelKeys), key) != std::end(kGroupLabelKeys);
}

// The vocabulary of the form as the rows need it, gathered once from the dictionary.
class Vocabulary {
public:
    static const Vocabulary& get() {
        static const Vocabulary v;
        return v;
    }

    // The form_labels key of a row label ("" for a label only field_labels lists); nullopt when
    // the cell is no row label.
    std::optional<std::string> label(std::string_view cell) const {
        if (text::longer_than(cell, kMaxLabelChars * 2)) return std::nullopt;
        const std::string k = label_key(cell);
        if (k.empty()) return std::nullopt;
        if (const auto it = exact_hashed_.find(k); it != exact_hashed_.end()) return it->second;
        const size_t chars = text::length(k);
        for (const auto& p : prefixes_) {
            // Most cells share not even a first byte with a prefix: that is tested before memcmp.
            if (p[0] != k[0] || !text::starts_with(k, p)) continue;
            const size_t tail = chars - text::length(p);
            if (tail <= kMaxLabelTail) return std::string();
        }
        if (const auto key = wrapped_start(k)) return key;
        return std::nullopt;
    }

    // A row label spelt out whole (not only its first line); as label(), no long cell is one.
    bool exact(std::string_view cell) const {
        return !text::longer_than(cell, kMaxLabelChars * 2) && exact_hashed_.count(label_key(cell)) > 0;
    }

    // Whether some row label starts with the cell (評価実施機 of 評価実施機関名), however short.
    bool starts_label(std::string_view cell) const {
        const std::string k = label_key(cell);
        const auto it = exact_.lower_bound(k);
        return !k.empty() && it != exact_.end() && text::starts_with(it->first, k);
    }

    // A whole label, or the first line of one the layout wrapped (nothing more on the line).
    bool whole_or_first_line(std::string_view cell) const {
        const std::string k = label_key(cell);
        return !k.empty() && (exact_hashed_.count(k) > 0 || wrapped_start(k));
    }

    // Whether `head` (an option label cut at a line end) and `tail` (the next line's start) join into
    // an option label of the dictionary while `head` alone is none.
    bool completes_option(std::string_view head, std::string_view tail) const {
        const std::string h = compact_key(head), t = compact_key(tail);
        if (h.empty() || t.empty()) return false;
        const std::string joined = h + t;
        for (const auto& o : options_) {
            if (o == h || !text::starts_with(o, h)) continue;
            if (text::starts_with(joined, o) || text::starts_with(o, joined)) return true;
        }
        return false;
    }

    // Whether a cell opens with an option label of the dictionary (紙, 専用線 …).
    bool starts_option(std::string_view cell) const {
        const std::string k = compact_key(cell);
        return std::any_of(options_.begin(), options_.end(),
                           [&](const std::string& o) { return text::starts_with(k, o); });
    }

    // A title of the form's (or words of one: 提供・移転) that cites no article: a numbered line of a
    // value that quotes one (３．番号法第9条第2項及び…個人番号の利用及び…) is no heading.
    bool heading_title(std::string_view title) const {
        const FormLabels& f = FormLabels::get();
        if (f.is("other_items", label_key(title))) return true;
        return std::any_of(std::begin(kHeadingTitleKeys), std::end(kHeadingTitleKeys),
                           [&](const char* key) { return f.in(key, title); }) &&
               !cites_article(title);
    }

    // The first line of a heading's title that its narrow cell wrapped (７．他の評価実施機 | 関).
    bool heading_title_start(std::string_view title) const {
        const std::string k = compact_key(title);
        return text::length(k) >= kMinPrefixChars &&
               std::any_of(heading_titles_.begin(), heading_titles_.end(),
                           [&](const std::string& h) { return h != k && text::starts_with(h, k); });
    }

private:
    Vocabulary() {
        const FormLabels& f = FormLabels::get();
        for (const char* key : kOtherRowLabelKeys)
            for (const auto& s : f.spellings(key)) exact_.emplace(s, key);
        for (const auto& key : FormLabels::field_label_keys())
            for (const auto& s : f.spellings(key)) exact_.emplace(s, key);
        const auto& raw = Dictionary::get().raw();
        for (const auto& [group, list] : raw.at("field_labels").items()) {
            if (!list.is_array()) continue;  // "_comment"
            for (const auto& s : list) {
                const std::string k = label_key(s.get<std::string>());
                exact_.emplace(k, "");
                if (text::length(k) >= kMinPrefixChars) prefixes_.push_back(k);
            }
        }
        for (const auto& [group, list] : raw.at("options").items())
            if (list.is_array())
                for (const auto& o : list)
                    if (o.is_string()) options_.push_back(compact_key(o.get<std::string>()));
        exact_hashed_.insert(exact_.begin(), exact_.end());
        for (const char* key : kHeadingTitleKeys)
            for (const auto& h : f.spellings(key)) heading_titles_.push_back(h);
    }

    // The first line of a long label the layout wrapped (過去1年以内に、…特定個人情報に関する |
    // 重大事故が発生したか), wherever the column width cut it: the label's key.
    std::optional<std::string> wrapped_start(const std::string& k) const {
        if (text::length(k) < kMinWrappedLabelChars) return std::nullopt;
        const auto it = exact_.lower_bound(k);
        if (it == exact_.end() || !text::starts_with(it->first, k)) return std::nullopt;
        return it->second;
    }

    std::map<std::string, std::string, std::less<>> exact_;  // ordered, for a wrapped label's first line
    std::unordered_map<std::string, std::string, KeyHash, std::equal_to<>> exact_hashed_;  // the same, hashed
    std::vector<std::string> prefixes_;
    std::vector<std::string> options_;
    std::vector<std::string> heading_titles_;  // the spellings of kHeadingTitleKeys (compact)
};

// `share` of the `quantile` of `widths` (0 for none): where a line counts as full, from the widest
// lines' width.
size_t share_of_quantile(std::vector<size_t> widths, double quantile, double share) {
    if (widths.empty()) return 0;
    const auto at = widths.begin() + static_cast<std::ptrdiff_t>(quantile * static_cast<double>(widths.size() - 1));
    std::nth_element(widths.begin(), at, widths.end());
    return static_cast<size_t>(share * static_cast<double>(*at));
}

// ---- lines ---------------------------------------------------------------------------------

// A run of text between runs of two or more spaces; col counts code points from the line start.
struct Frag {
    size_t col = 0;
    std::string text;
};

enum class Kind {
    blank,
    footer,   // a page number: - 12 -, 12, 12/40
    heading,  // title, 項目一覧, I 基本情報, 1. …, (別添1) …, (備考)
    entry,    // システム1, 委託事項2 … (a row of its own when a value follows)
    range,    // システム2～5: a header that never takes a value
    label,    // the first cell is a row label of the form
    plain,    // the first cell starts with a letter (an unknown label, prose, a value)
    other,    // starts with a digit, a bracket, a mark …
};

struct Line {
    Kind kind = Kind::blank;
    bool page_break = false;  // the line started with a form feed
    size_t indent = 0;
    std::vector<Frag> frags;
    std::optional<std::string> form_key;  // of a label line
    int circled = 0;
    bool list_item = false;  // read without a markdown marker (- ①システムの名称：…, #### システム1)
};

// Where each character stands inside a box that closes on the line: a box a page sets wide, empty
// ([   ], ［     ］) or around its value (［   実施する      ］), is one piece of its option or
// selection, not cells.
std::vector<bool> inside_boxes(const std::u32string& s) {
    std::vector<bool> inside(s.size(), false);
    size_t open = std::u32string::npos;
    for (size_t i = 0; i < s.size(); ++i) {
        if (is_box_open(s[i])) {
            open = i;
        } else if (is_box_close(s[i]) && open != std::u32string::npos) {
            std::fill(inside.begin() + static_cast<std::ptrdiff_t>(open) + 1,
                      inside.begin() + static_cast<std::ptrdiff_t>(i), true);
            open = std::u32string::npos;
        }
    }
    return inside;
}

std::vector<Frag> split_frags(const std::u32string& s, size_t from) {
    std::vector<Frag> out;
    std::vector<bool> inside;  // worked out once a line sets two spaces in a row
    size_t i = from;
    while (i < s.size()) {
        size_t end = i;
        // A fragment ends at a tab or at two spaces in a row (not those inside a box).
        const auto cell_gap = [&](size_t k) {
            if (s[k] != U' ' || k + 1 >= s.size() || s[k + 1] != U' ') return false;
            if (inside.empty()) inside = inside_boxes(s);
            return !inside[k];
        };
        while (end < s.size() && s[end] != U'\t' && !cell_gap(end)) ++end;
        std::string t = text::trim(text::to_utf8(s.substr(i, end - i)));
        if (!t.empty()) out.push_back({i, std::move(t)});
        i = end;
        while (i < s.size() && (s[i] == U' ' || s[i] == U'\t')) ++i;
    }
    return out;
}

// A label that fills its column is printed one space before its value: 過去1年以内に、…に関する
// [発生なし] <選択肢> …, ①システムの名称 国民年金システム. When the text before that space is a
// label (or a wrapped label's first line), the value is a fragment of its own.
void split_label_from_selection(std::vector<Frag>& frags, size_t k = 0);
// A page number (- 12 -, 12, 12/40); `n` is the line in NFKC.
bool is_footer(const std::string& n) {
    static const std::regex page(R"(^[-\s]*[0-9]+\s*(/\s*[0-9]+)?[-\s]*$)");
    if (n.size() > 16) return false;
    // Only digits, dashes, slashes and spaces: the match is not tried on other lines.
    const bool page_chars = std::all_of(n.begin(), n.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '/' || std::isspace(static_cast<unsigned char>(c));
    });
    return page_chars && std::regex_match(n, page);
}

// The entry an entry header opens (システム3 -> {"entry_system", 1}; システム2～5 -> {…, -1}), or
// {"", 0} for any other cell.
std::pair<std::string, int> entry_of(const std::string& cell) {
    static const std::regex single(R"(^[0-9]+$)");
    // The dashes of a range: ~ - and the full-width tilde, wave dash, hyphen-minus, bar, long vowel mark.
    static const std::regex range("^[0-9]+\\s*(\uff5e|~|\u301c|-|\uff0d|\u2015|\u30fc)\\s*[0-9]+$");
    if (text::longer_than(cell, kMaxLabelChars)) return {"", 0};
    static const auto prefixes = [] {
        std::vector<std::pair<const char*, const std::vector<std::string>*>> out;
        for (const char* key : kEntryKeys) out.emplace_back(key, &FormLabels::get().spellings(key));
        return out;
    }();
    const std::string k = compact_key(cell);
    for (const auto& [key, spellings] : prefixes)
        for (const auto& prefix : *spellings) {
            if (!text::starts_with(k, prefix)) continue;
            const std::string rest = k.substr(prefix.size());
            if (std::regex_match(rest, single)) return {key, 1};
            if (std::regex_match(rest, range)) return {key, -1};
        }
    return {"", 0};
}

// The form_labels key of an item whose numbered title labels its own value (3. 特定個人情報ファイル
// 名 | 住民票ファイル: value_kinds/titled); "" for any other line.
std::string titled_value_key(const std::string& line) {
    static const std::vector<std::string> keys = Dictionary::get().list("/value_kinds/titled");
    const auto item = numbered_title(compact_key(line));
    if (!item) return "";
    for (const auto& key : keys)
        if (FormLabels::get().is(key, label_key(item->second))) return key;
    return "";
}

// Headings end every row: the cover title, 項目一覧, I 基本情報, a numbered item heading whose
// title the form knows, (別添1) …, (備考).
// `n` is the line in NFKC, trimmed.
bool is_heading(const std::string& n) {
    if (text::longer_than(n, kMaxLabelChars * 2)) return false;
    const FormLabels& f = FormLabels::get();
    static const auto& titles = f.spellings("title");
    static const auto& annexes = f.spellings("annex");
    const std::string k = compact_key(n);
    for (const auto& title : titles)
        if (text::starts_with(k, title) && text::length(k) < text::length(title) + 20) return true;
    if (f.is("contents", k) || f.is("remarks", k)) return true;
    for (const auto& annex : annexes)
        if (k.size() > 1 && k[0] == '(' && text::starts_with(k.substr(1), annex)) return true;
    static const std::regex roman(R"(^(VIII|VII|VI|IV|IX|V|III|II|I)\s*[.,]?\s*(.+)$)");
    static const std::regex numbered(R"(^[0-9]{1,2}\s*\.\s*(.+)$)");
    std::smatch m;
    if (!n.empty() && (n[0] == 'I' || n[0] == 'V') && std::regex_match(n, m, roman))
        return Vocabulary::get().heading_title(m[2].str());
    if (!n.empty() && n[0] >= '0' && n[0] <= '9' && std::regex_match(n, m, numbered))
        return Vocabulary::get().heading_title(m[1].str());
    return false;
}

// The last space in `cell` before which, joined to `head` (the label's lines above, or nothing),
// stands a whole label of the form: the label ends there and its value begins one space on
// (①システムの名称 既存住民基本台帳システム). A ※ after the label is part of it. npos if none.
size_t space_after_label(const std::string& head, const std::string& cell) {
    // A label is short: spaces further on part words of a value (a line of prose has dozens).
    constexpr size_t kMaxLabelBytes = kMaxLabelChars * 3;
    size_t at = std::string::npos;
    for (size_t space = cell.find(' '); space != std::string::npos && space <= kMaxLabelBytes;
         space = cell.find(' ', space + 1))
        if (space > 0 && cell.compare(space + 1, std::string("※").size(), "※") != 0 &&
            Vocabulary::get().exact(head + cell.substr(0, space)))
            at = space;
    return at;
}

// Where a whole label of the form ends before a colon (full-width or not) at the cell's start, and
// the colon's bytes; {npos, 0} if none.
std::pair<size_t, size_t> colon_after_label(const std::string& cell) {
    constexpr size_t kMaxLabelBytes = kMaxLabelChars * 3;
    const std::string_view head = std::string_view(cell).substr(0, kMaxLabelBytes);
    const size_t wide = head.find(kWideColon), ascii = head.find(':');
    const size_t colon = std::min(wide, ascii);
    if (colon == std::string::npos || colon == 0) return {std::string::npos, 0};
    // An entry's header (システム1：) or a heading (2. …使用するシステム：) takes one as well.
    const std::string head_text = text::trim(cell.substr(0, colon));
    if (!Vocabulary::get().exact(head_text) && entry_of(head_text).second == 0 && !is_group_label(head_text) &&
        !is_heading(text::trim(text::nfkc(head_text))))
        return {std::string::npos, 0};
    return {colon, colon == wide ? kWideColon.size() : 1};
}

// Where a field label printed with no space before its value ends (⑥移転方法[ ○ ] 庁内連携システム,
// ①法令上の根拠番号法第19条: a label cell that pdftotext set against its value cell): the longest
// start of the cell that is a whole label of the form; npos if none. Only a cell that opens with a
// field number and is no label as a whole (⑦再委託の有無 ※ is not cut at 再委託), nor opens with the
// first line of a label the column wrapped (⑤提供する情報の対 | 象となる本人の範囲), is looked at.
size_t glued_label_end(const std::string& cell) {
    if (leading_field_number(cell) == 0 || Vocabulary::get().label(cell) ||
        Vocabulary::get().whole_or_first_line(std::string_view(cell).substr(0, cell.find(' '))))
        return std::string::npos;
    size_t at = std::string::npos;
    size_t i = 0;
    for (size_t chars = 0; i < cell.size() && chars < kMaxLabelChars; ++chars) {
        i += text::char_bytes(cell, i);
        if (i < cell.size() && cell[i] != ' ' && Vocabulary::get().exact(std::string_view(cell).substr(0, i))) at = i;
    }
    return at;
}

void split_label_from_selection(std::vector<Frag>& frags, size_t k) {
    const std::string& first = frags[k].text;
    // A label written with a space inside (④移転する情報の対象となる 本人の数) is no label and value.
    if (Vocabulary::get().exact(first)) return;
    size_t at = space_after_label("", first);
    size_t gap = 1;  // the space between label and value, in bytes (one character)
    if (at == std::string::npos) {
        // Or a whole label and a colon (①システムの名称：既存住民基本台帳システム, 評価書番号: 3), as a
        // text of "label: value" lines writes a row.
        std::tie(at, gap) = colon_after_label(first);
        if (at == std::string::npos) gap = 1;
    }
    if (at == std::string::npos) {
        // Or a group label one space before its field's numbered label (再委託 ④再委託の有無 ※
        // [再委託する], as pdftotext -raw writes the row).
        at = first.find(' ');
        if (at != std::string::npos &&
            (!is_group_label(first.substr(0, at)) || leading_field_number(text::trim(first.substr(at + 1))) == 0))
            at = std::string::npos;
    }
    if (at == std::string::npos) {
        // Else a label, or a wrapped label's first line, before a selection.
        at = first.find(" [");
        if (at == 0 || (at != std::string::npos && !Vocabulary::get().label(first.substr(0, at))))
            at = std::string::npos;
    }
    if (at == std::string::npos && leading_field_number(first) > 0) {
        // Or a numbered label's first line before any value (⑤提供する情報の対 「2. ③…」と同様, its
        // label's tail on the next line).
        at = first.find(' ');
        if (at != std::string::npos && !Vocabulary::get().whole_or_first_line(first.substr(0, at)))
            at = std::string::npos;
    }
    if (at == std::string::npos) {
        // Or an entry's header one space before the entry's name (委託事項1 課税データ入力業務, as
        // pdftotext -raw writes the row; 提供先１　市区町村長, a sheet's title cell with a full-width space).
        static const std::string wide_space = "\u3000";
        const size_t wide = first.find(wide_space);
        at = std::min(first.find(' '), wide);
        if (at != std::string::npos && entry_of(first.substr(0, at)).second <= 0) at = std::string::npos;
        if (at != std::string::npos && at == wide) gap = wide_space.size();
    }
    if (at == std::string::npos) {
        at = glued_label_end(first);
        gap = 0;
    }
    if (at == std::string::npos) return;
    Frag value{frags[k].col + text::length(first.substr(0, at)) + (gap > 0 ? 1 : 0),
               text::trim(first.substr(at + gap))};
    frags[k].text = first.substr(0, at);
    if (value.text.empty()) return;  // "label:" alone: the label
    frags.insert(frags.begin() + static_cast<std::ptrdiff_t>(k) + 1, std::move(value));
    // A group label (再委託：④再委託の有無 ※ [再委託する]): its field's label and value follow.
    if (k == 0 && is_group_label(frags[0].text)) split_label_from_selection(frags, 1);
}

Kind first_cell_kind(const std::string& cell, Line& line) {
    if (auto [key, e] = entry_of(cell); e != 0) {
        line.form_key = std::move(key);
        return e > 0 ? Kind::entry : Kind::range;
    }
    if (auto key = Vocabulary::get().label(cell)) {
        line.form_key = std::move(key);
        line.circled = leading_field_number(cell);
        return Kind::label;
    }
    const std::u32string u = text::to_u32(cell);
    return !u.empty() && is_letter(u[0]) ? Kind::plain : Kind::other;
}

// An entry's header whose number a printer set apart (システム   4: the digit in another font, or
// after a tab) is one cell, the header.
void join_split_entry_number(std::vector<Frag>& frags) {
    if (frags.size() != 2) return;
    // Only a cell that opens with a digit (４ as well) may be an entry's number.
    const std::string& second = frags[1].text;
    const std::string first_char = text::nfkc(std::string_view(second).substr(0, text::char_bytes(second, 0)));
    if (first_char.empty() || first_char[0] < '0' || first_char[0] > '9') return;
    if (entry_of(frags[0].text).second != 0) return;
    std::string joined = frags[0].text + frags[1].text;
    if (entry_of(joined).second == 0) return;
    frags[0].text = std::move(joined);
    frags.pop_back();
}

// A line's fragments and kind, `s` without its form feeds.
Line read_cells(const std::u32string& s, bool page_break) {
    Line line;
    line.page_break = page_break;
    while (line.indent < s.size() && (s[line.indent] == U' ' || s[line.indent] == 0x3000)) ++line.indent;
    line.frags = split_frags(s, line.indent);
    if (line.frags.empty()) return line;
    join_split_entry_number(line.frags);
    split_label_from_selection(line.frags);
    // Footers and headings are short: a long line is neither, and is not normalised whole (NFKC
    // halves a line's code points at most, where each follows its combining mark).
    if (s.size() - line.indent <= 4 * kMaxLabelChars + 2) {
        // A heading written as a label (4. 特定個人情報ファイルの取扱いの委託：) is the heading.
        std::string normal = text::trim(text::nfkc(text::trim(text::to_utf8(s))));
        if (normal.size() > 1 && normal.back() == ':') normal = text::trim(normal.substr(0, normal.size() - 1));
        if (is_footer(normal)) {
            line.kind = Kind::footer;
            return line;
        }
        if (is_heading(normal)) {
            line.kind = Kind::heading;
            return line;
        }
    }
    line.kind = first_cell_kind(line.frags[0].text, line);
    return line;
}

// Where the text of a markdown block starts (a list item - ①システムの名称：…, * システム1; a heading
// #### ①システムの名称): after its marker and one space; npos for a line that opens with no such
// marker.
size_t markdown_block_text(const std::u32string& s) {
    size_t i = 0;
    while (i < s.size() && (s[i] == U' ' || s[i] == 0x3000)) ++i;
    if (const size_t marker = list_marker_bytes(text::to_utf8(s.substr(i, 2)))) return i + marker;
    size_t end = i;
    while (end < s.size() && s[end] == U'#') ++end;
    return end > i && end < s.size() && s[end] == U' ' ? end + 1 : std::u32string::npos;
}

Line read_line_uncached(std::string_view raw) {
    std::u32string s = text::to_u32(raw);
    while (!s.empty() && (s.back() == U'\r' || s.back() == U' ')) s.pop_back();
    size_t feeds = 0;
    while (feeds < s.size() && s[feeds] == U'\f') ++feeds;
    s.erase(0, feeds);
    Line line = read_cells(s, feeds > 0);
    // A markdown text that writes the form's rows as list items or headings: the line without its
    // marker, where it then opens with a label of the form, a group label, an entry's header or a
    // heading.
    if (const size_t item = markdown_block_text(s); item != std::u32string::npos && line.kind != Kind::heading) {
        Line bare = read_cells(s.substr(item), feeds > 0);
        if (bare.kind == Kind::label || bare.kind == Kind::entry || bare.kind == Kind::range ||
            bare.kind == Kind::heading || (!bare.frags.empty() && is_group_label(bare.frags[0].text))) {
            bare.list_item = true;  // its label at the margin, as the list sets it
            return bare;
        }
    }
    // A range's header with text beside it (提供先２～４ | ① 他の市区町村長 …) heads a block for those
    // entries: it takes its value as an entry's header does.
    if (line.kind == Kind::range && line.frags.size() > 1) line.kind = Kind::entry;
    return line;
}

// A page repeats its blank lines, boxes and options (003: 7,682 lines, 2,339 distinct), and the
// rebuild reads a line again after each rewrite.
Line read_line(std::string_view raw) { return text::remembered<read_line_uncached>(raw); }

// ---- values --------------------------------------------------------------------------------

// Where a checkbox mark starts in s at or after `from` (npos if none): [ ] [○] 【 】 □ ■ …
size_t next_mark(const std::u32string& s, size_t from, size_t* mark_end = nullptr) {
    for (size_t i = from; i < s.size(); ++i) {
        size_t end = i + 1;
        if (is_mark_open(s[i])) {
            while (end < s.size() && end - i < 10 && !is_mark_close(s[end])) ++end;
            if (end >= s.size() || end - i >= 10) continue;
            ++end;
        } else if (s[i] < 0x2000 || is_letter(s[i]) || (i > 0 && s[i - 1] != U' ')) {
            continue;  // a one-character mark (□ ■ ☑) stands alone
        }
        if (!mark_state(text::to_utf8(s.substr(i, end - i)))) continue;
        if (mark_end) *mark_end = end;
        return i;
    }
    return std::u32string::npos;
}

// Whether a line of a value opens like an item of a list (1. 2) (3) ・ 【 ＜ ※): it is written
// after a space, so that "1. A 2. B" still splits.
bool opens_item(const std::u32string& b) {
    if (b.empty()) return false;
    const std::string first = compact_key(text::to_utf8(b[0]));
    const auto& starters = FormLabels::get().spellings("row_item_starters");
    if (std::find(starters.begin(), starters.end(), first) != starters.end()) return true;
    size_t i = b[0] == U'(' || b[0] == 0xFF08 ? 1 : 0;
    const size_t digits = i;
    while (i < b.size() && ((b[i] >= U'0' && b[i] <= U'9') || (b[i] >= 0xFF10 && b[i] <= 0xFF19))) ++i;
    if (i == digits || i >= b.size()) return false;
    return b[i] == U'.' || b[i] == U')' || b[i] == 0xFF0E || b[i] == 0xFF09;
}

// Joins a line's text to the value before it. The form breaks words anywhere (the printed cells
// break CJK text and numbers mid-word), so lines join without a space, except before a mark or a
// list item and after a mark, where the markdown conversions write one.
void join_text(std::string& into, const std::string& next) {
    if (next.empty()) return;
    if (into.empty()) {
        into = next;
        return;
    }
    // Only the last character of `into` matters: a value may be thousands of lines long.
    const std::u32string a = text::to_u32(std::string_view(into).substr(text::last_char_start(into))),
                         b = text::to_u32(next);
    // A mark set in a column of its own (○ | 紙: a sheet's mark cell) is a mark alone.
    size_t mark_end = 0;
    const std::u32string whole = a.size() == 1 ? text::to_u32(into) : std::u32string();
    const bool mark_alone = !whole.empty() && next_mark(whole, 0, &mark_end) == 0 && mark_end == whole.size();
    const bool after_mark = is_mark_close(a.back()) || mark_alone;
    // Latin words (markup, names) wrap at the space between them.
    auto latin = [](char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); };
    const bool between_words = (latin(a.back()) || a.back() == U'"') && latin(b.front());
    const bool space = after_mark || between_words || next_mark(b, 0) == 0 || opens_item(b) || a.back() == U' ';
    if (space && into.back() != ' ') into += ' ';
    into += next;
}

// The value of a row being read: chunks, each the text of one checkbox option (the first one may
// be text before any mark); the options of the last line read keep their columns, so that the
// wrapped end of an option label can be put back after it.
class Value {
public:
    bool empty() const { return chunks_.empty(); }
    bool lists_options() const { return !last_line_.empty(); }  // it holds checkbox options
    bool starts_with_markup() const { return !chunks_.empty() && !chunks_[0].empty() && chunks_[0][0] == '<'; }

    std::string text() const {
        std::string out;
        for (const auto& c : chunks_) {
            if (!out.empty()) out += ' ';
            out += c;
        }
        return out;
    }

    // The fragments of one line of the value column.
    void add_line(const std::vector<Frag>& frags) {
        std::vector<Option> opened;
        // A line of several cells, one of them under an option that is not the first: the line goes
        // on the options column by column, its first cell too (［○］提供を行っている（ | 2 ）件).
        columns_line_ = frags.size() >= 2 && last_line_.size() >= 2 &&
                        std::any_of(frags.begin() + 1, frags.end(), [&](const Frag& f) { return in_columns(f.col); });
        for (const auto& f : frags) add_frag(f, opened);
        if (!opened.empty()) last_line_ = std::move(opened);
    }

private:
    struct Option {
        size_t col;    // where its mark stands
        size_t chunk;  // its index in chunks_
    };
    std::vector<std::string> chunks_;
    std::vector<Option> last_line_;
    bool columns_line_ = false;  // the line being added goes on the options column by column
    // A selection [10万人以上30万人未満] printed in a narrow cell of its own beside the option list
    // wraps inside its column: the chunk it is read into and that column, until its ] is met.
    std::optional<Option> open_bracket_;

    void add_frag(Frag f, std::vector<Option>& opened) {
        if (!take_bracket_part(f)) return;
        std::u32string s = text::to_u32(f.text);
        if (opens_bracket(s)) {
            open_bracket_ = Option{f.col, chunks_.size()};
            chunks_.emplace_back();
            if (!take_bracket_part(f)) return;
            s = text::to_u32(f.text);
        }
        if (open_bracket_ && open_bracket_->chunk + 1 == chunks_.size() && next_mark(s, 0) != 0) {
            chunks_.emplace_back();  // the text beside the selection is not part of it
        }
        size_t at = next_mark(s, 0);
        const std::string head = text::trim(text::to_utf8(s.substr(0, at)));
        if (!head.empty()) continue_option(head, f.col);
        while (at != std::u32string::npos) {
            size_t mark_end = at;
            next_mark(s, at, &mark_end);
            const size_t next = next_mark(s, mark_end);
            opened.push_back({f.col + at, chunks_.size()});
            chunks_.push_back(text::trim(text::to_utf8(s.substr(at, next == std::u32string::npos ? next : next - at))));
            at = next;
        }
    }

    static bool opens_bracket(const std::u32string& s) {
        return !s.empty() && is_box_open(s[0]) && next_mark(s, 0) == std::u32string::npos;
    }

    // The part of a fragment in the open selection's column, up to the first space (a single
    // space is the gap to the option list beside it), joins the selection; `f` keeps the rest.
    // Returns whether anything is left of `f`.
    bool take_bracket_part(Frag& f) {
        if (!open_bracket_ || f.col + 2 < open_bracket_->col || f.col > open_bracket_->col + 2) return true;
        const std::u32string s = text::to_u32(f.text);
        size_t from = 0;
        while (from < s.size() && (s[from] == U'[' || s[from] == U'［' || s[from] == U' ')) ++from;
        size_t end = s.find_first_of(U"]］", from);
        end = end == std::u32string::npos ? s.find(U' ', from) : end + 1;
        if (end == std::u32string::npos) end = s.size();
        const std::string part = text::to_utf8(s.substr(0, end));
        join_text(chunks_[open_bracket_->chunk], part);
        if (part.find(']') != std::string::npos || part.find("］") != std::string::npos) open_bracket_.reset();
        f.text = text::trim(text::to_utf8(s.substr(end)));
        f.col += end;
        return !f.text.empty();
    }

    // Text that does not start with a mark continues an option of the line above: the one it
    // completes into an option label of the dictionary, else the one standing in its column when
    // the line above is laid out in columns, else the last one (text flowing on).
    void continue_option(const std::string& head, size_t col) {
        // An option printed without a box (a sheet that marks options in a column of its own and
        // leaves the unmarked ones bare) is an option of its own, not the text of the one above.
        if (chunks_.empty() || (!last_line_.empty() && Vocabulary::get().starts_option(head))) {
            chunks_.push_back(head);
            return;
        }
        size_t target = chunks_.size() - 1;
        if (last_line_.size() >= 2) {
            const auto completes = std::find_if(last_line_.begin(), last_line_.end(), [&](const Option& o) {
                return Vocabulary::get().completes_option(option_label(chunks_[o.chunk]), head);
            });
            if (completes != last_line_.end())
                target = completes->chunk;
            else if (in_columns(col, columns_line_))
                target = column_of(col);
        }
        join_text(chunks_[target], head);
    }

    static std::string option_label(const std::string& chunk) {
        const std::u32string s = text::to_u32(chunk);
        size_t end = 0;
        next_mark(s, 0, &end);
        return text::to_utf8(s.substr(end));
    }

    // The options of the last line stand in columns when text starts at the column of one that is
    // not the first (two-column checkbox lists wrap each column on its own).
    // With `first_too`, the first option's column counts as well (a line of cells in those columns).
    bool in_columns(size_t col, bool first_too = false) const {
        return std::any_of(last_line_.begin() + (first_too ? 0 : 1), last_line_.end(),
                           [&](const Option& o) { return o.col <= col + 1 && col <= o.col + 3; });
    }

    size_t column_of(size_t col) const {
        size_t best = last_line_.front().chunk;
        for (const auto& o : last_line_)
            if (o.col <= col + 1) best = o.chunk;
        return best;
    }
};

// ---- checkbox lists in columns ---------------------------------------------------------------
//
// A value cell that lists its checkboxes in two columns (庁内連携システム, 電子メール … | 専用線, 紙 …)
// wraps each column on its own; -layout text sets the columns side by side, one space apart where
// a column's line is full ([ ○ ] 庁内連携システム [ ] 電子メ [ ] 専用線 [ ] 電子記録媒体(フ). Where
// another line of the cell starts a fragment at a column, and every line of the cell has a word
// break there and a box stands there, the lines are cut at that column, so that each option's
// wrapped text is read back in its own column.

// A cell of checkboxes is a few lines long; longer cells (text, tables) are not looked at, which
// keeps the work linear in the text's lines.
constexpr size_t kMaxOptionCellLines = 40;

// Where a line's value fragments start (a label at column 0 left out); frags.size() when none.
size_t first_value_frag(const Line& l) { return std::min<size_t>(l.indent == 0 ? 1 : 0, l.frags.size()); }

// The value fragment that runs across `col` (starting before it, ending after it): its index, its
// text and where `col` falls in it; nullopt when none does.
struct FragAcross {
    size_t index;
    std::u32string text;
    size_t at;
};
std::optional<FragAcross> frag_across(const Line& l, size_t col) {
    for (size_t k = first_value_frag(l); k < l.frags.size(); ++k) {
        if (col <= l.frags[k].col) continue;
        std::u32string u = text::to_u32(l.frags[k].text);
        if (col < l.frags[k].col + u.size()) return FragAcross{k, std::move(u), col - l.frags[k].col};
    }
    return std::nullopt;
}

// Whether `col` cuts the line's value between two words: a fragment starts there, or a space
// stands right before it inside one; `mark` is set when a box opens there.
bool breaks_at(const Line& l, size_t col, bool& mark) {
    if (const auto across = frag_across(l, col)) {
        const std::u32string& u = across->text;
        if (u[across->at - 1] != U' ' || u[across->at] == U' ') return false;
        mark = mark || next_mark(u, across->at) == across->at;
        return true;
    }
    for (size_t k = first_value_frag(l); k < l.frags.size(); ++k)
        if (l.frags[k].col == col) mark = mark || next_mark(text::to_u32(l.frags[k].text), 0) == 0;
    return true;
}

void cut_at(Line& l, size_t col) {
    const auto across = frag_across(l, col);
    if (!across) return;
    l.frags[across->index].text = text::trim(text::to_utf8(across->text.substr(0, across->at)));
    l.frags.insert(l.frags.begin() + static_cast<std::ptrdiff_t>(across->index) + 1,
                   Frag{col, text::to_utf8(across->text.substr(across->at))});
}

// A box cut by its column's wrap ("… [ ○" | "]紙"): the open half goes down to its closing half.
void join_cut_box(Line& above, Line& below, size_t col) {
    auto at = [col](Line& l) {
        return std::find_if(l.frags.begin() + static_cast<std::ptrdiff_t>(first_value_frag(l)), l.frags.end(),
                            [col](const Frag& f) { return f.col == col; });
    };
    auto up = at(above), down = at(below);
    if (up == above.frags.end() || down == below.frags.end() || !text::starts_with(down->text, "]")) return;
    const size_t open = up->text.rfind('[');
    if (open == std::string::npos || up->text.find(']', open) != std::string::npos) return;
    down->text = up->text.substr(open) + down->text;
    up->text = text::trim(up->text.substr(0, open));
}

// Cuts the lines [from, to) of one value cell at the columns of its checkbox lists.
void cut_option_columns(std::vector<Line>& lines, size_t from, size_t to) {
    std::set<size_t> cols;
    for (size_t i = from; i < to; ++i)
        for (size_t k = first_value_frag(lines[i]) + 1; k < lines[i].frags.size(); ++k)
            cols.insert(lines[i].frags[k].col);
    for (const size_t col : cols) {
        bool mark = false, all = true;
        for (size_t i = from; i < to && all; ++i) all = breaks_at(lines[i], col, mark);
        if (!all || !mark) continue;
        for (size_t i = from; i < to; ++i) cut_at(lines[i], col);
        for (size_t i = from; i + 1 < to; ++i) join_cut_box(lines[i], lines[i + 1], col);
    }
}

// Every value cell of the text: a line and the value lines under it (indented, no label).
void cut_option_columns(std::vector<Line>& lines) {
    auto in_cell = [](const Line& l) {
        return l.kind != Kind::blank && l.kind != Kind::footer && l.kind != Kind::heading && l.indent > 0;
    };
    for (size_t i = 0; i < lines.size();) {
        size_t end = i + 1;
        while (end < lines.size() && in_cell(lines[end])) ++end;
        if (end - i >= 2 && end - i <= kMaxOptionCellLines) cut_option_columns(lines, i, end);
        i = end;
    }
}

bool opens_with_bracket(const std::string& cell) {
    const std::u32string u = text::to_u32(cell);
    return !u.empty() && is_mark_open(u[0]);
}

// ---- labels centred on their rows, or at their foot ----------------------------------------------
//
// An office suite prints a label in the middle of its row's height (of a value of five lines, two
// stand above the label's line), or, where the cell keeps a spreadsheet's default, at its foot.
// The rows are read once each label is moved up to its row's first line, as a form printed with
// labels at the top reads. Where two rows part is found from where the labels stand: centred, each
// row's first and last line lie about as far above and below its label; at the foot, a row ends
// on its label's last line.

// A label cell set in by a column of items' titles left of it stands no further in than this (a
// title column of about ten characters and its padding).
constexpr size_t kMaxSetInLabelIndent = 3 * kMinValueIndent;
// A line of a value fills the value column when it is this wide, as a share of the widest lines
// (the kFullLineQuantile of them all): a paragraph goes on after such a line.
constexpr double kFullLineShare = 0.9;
constexpr double kFullLineQuantile = 0.9;
// The cost of parting two rows inside a paragraph (after a full line, before a line that opens no
// item): less than a line of centring, so it breaks ties between rows of an even number of lines,
// whose label stands half a line off their middle. Labels at the top part rows only there, so the
// same cost, summed at their lines, weighs that reading against the centred one.
constexpr double kMidParagraphCost = 0.4;
// The cost of a label half a line off its row's middle (a row of an even number of lines has
// no middle line): below a paragraph's cut, so that among rows all as well centred the ones
// centred exactly win.
constexpr double kHalfLineOffCost = 0.1;
// Rows are looked for among this many lines at most: a row taller than a page is printed in
// parts, and the search's work stays linear in the text's lines.
constexpr size_t kMaxRowLines = 200;
// The cost, for labels at the top, of a run whose first label has a value's lines above it.
constexpr double kLinesAboveFirstLabelCost = 1.0;
// How much one run's rows may weigh for the labels centred (or at the foot) against at the top.
constexpr double kRunEvidenceCap = 3.0;
// The cost of a line of checkboxes or of a selection in the row of a label whose value is of another
// kind (入手方法's [ ○ ] 庁内連携システム in 使用目的's row): more than a row's centring breaks ties.
constexpr double kWrongKindLineCost = 1.0;
// The cost of a blank gap inside a row: a table sets its rows apart with its cells' padding, a cell
// seldom sets its own lines apart. Less than a line of centring, more than a half line off.
constexpr double kGapInRowCost = 0.5;
// The cost of a row that holds no value where its label's value is seldom empty: a label alone on
// its line at the foot of a run (②所属長の役職名) has its value on the lines above it. Breaks ties
// of centring only.
constexpr double kEmptyRowCost = 0.3;

class AlignedLabels {
public:
    // With `past_titles`, the rows go on past an item's title amid value lines (rows_run_past), a
    // reading kept only where the labels then read centred (Rebuilder::run). Construction reads
    // the rows and changes no line but the indent of labels set in (label_set_in).
    AlignedLabels(std::vector<Line>& lines, std::vector<std::string>& out, bool past_titles)
        : lines_(lines), out_(out), past_titles_(past_titles) {
        std::vector<size_t> set_in;  // all found before any moves to the margin
        for (size_t i = 0; i < lines_.size(); ++i)
            if (label_set_in(i)) set_in.push_back(i);
        for (const size_t i : set_in) lines_[i].indent = 0;
        find_runs();
        full_width_ = full_width();
        // The text's alignment is the one its runs fit best in all; a run that fits the other one
        // better reads so (a sheet's cells centred, some at their foot).
        std::vector<Rows> middle, foot;
        double middle_cost = 0, foot_cost = 0;
        for (const Run& run : runs_) {
            middle.push_back(aligned_rows(run, Align::middle));
            foot.push_back(aligned_rows(run, Align::foot));
            middle_cost += middle.back().cost;
            foot_cost += foot.back().cost;
        }
        align_ = foot_cost < middle_cost ? Align::foot : Align::middle;
        for (size_t r = 0; r < runs_.size(); ++r) {
            const bool foot_fits =
                align_ == Align::foot ? foot[r].cost <= middle[r].cost : foot[r].cost < middle[r].cost;
            rows_.push_back(std::move(foot_fits ? foot[r] : middle[r]));
        }
        for (const Run& run : runs_) top_costs_.push_back(top_cost(run));
        for (const size_t i : titled_) {  // headings again, for the rows' reading
            lines_[i].kind = Kind::heading;
            lines_[i].form_key.reset();
        }
    }

    // Whether the rows read better with their labels centred, or at the foot, than at the top. Each
    // run weighs in by how much better it reads one way, up to kRunEvidenceCap: a run of one label
    // whose row would be all the lines up to the next heading (a long text after it) is no
    // evidence against a document of centred labels.
    bool found() const {
        double better = 0;  // < 0: centred (or at the foot) reads better
        for (size_t r = 0; r < runs_.size(); ++r)
            better += std::clamp(rows_[r].cost - top_costs_[r], -kRunEvidenceCap, kRunEvidenceCap);
        return !rows_.empty() && better < 0;
    }

    // Whether the labels found stand at the foot of their rows.
    bool at_foot() const { return align_ == Align::foot; }

    // Whether an item's title stood amid value lines, where the rows may go on past it.
    bool titles_amid_values() const { return titles_amid_values_; }

    // Moves each label up to its row's first line, in the runs that read better so: a run whose
    // labels stand at the top of their rows (a word processor's cells amid a sheet's) stays as it is.
    void lift() {
        for (size_t r = 0; r < runs_.size(); ++r)
            if (rows_[r].cost <= top_costs_[r]) lift_run(runs_[r], rows_[r].starts);
    }

private:
    enum class Align { middle, foot };
    struct Block {  // the lines of one label cell, as indices into Run::lines
        size_t first, last;
    };
    struct Run {  // rows of labels with their values beside them, between lines no row spans
        std::vector<size_t> lines;
        std::vector<Block> blocks;
        std::vector<size_t> pages;  // per line, the page breaks before it since the text's start
        // Per line, the blank gaps within a page before it since the run's start.
        std::vector<size_t> gaps;
        // It starts after a heading that stood amid value lines (an item's title in a column of its
        // own, beside the middle of its rows): its first lines may be the value of the row above it.
        bool after_heading = false;
        bool gap_before = false;  // a blank line stands right above its first line
        // Lines of a selection, of checkboxes and of one box alone among lines [0, i), for i in
        // 0..lines.size().
        std::vector<size_t> selections, checkboxes, single_boxes;
        std::vector<size_t> valued;  // lines holding a value cell among lines [0, i)
        std::vector<bool> header;    // per block, whether it is a header row (is_header_row)
        // Items' titles that stood amid the run's value lines (heading_amid_values), in no row.
        std::vector<size_t> titles;
    };
    struct Rows {
        std::vector<size_t> starts;  // per block, its row's first line
        double cost = 0;             // how badly they fit, ties aside
    };
    std::vector<Line>& lines_;
    std::vector<std::string>& out_;
    std::vector<Run> runs_;
    std::vector<Rows> rows_;  // per run, its rows as the labels stand (the alignment that fits it best)
    Align align_ = Align::middle;
    size_t full_width_ = 0;
    const bool past_titles_;
    bool titles_amid_values_ = false;
    std::vector<double> top_costs_;  // per run, top_cost
    // Titles amid value lines that label their own value (2. 特定個人情報ファイル名), read as labels
    // while the rows are found.
    std::vector<size_t> titled_;

    // Headings, ranges of entries (提供先2～5) and full-width text rows: no row spans them. An entry's
    // header (提供先1 | its recipient) is a row as others are.
    static bool ends_run(const Line& l) {
        return l.kind == Kind::heading || l.kind == Kind::range || (l.indent > 0 && l.indent < kMinValueIndent);
    }

    // A field's label or an entry's header set in from the margin by a column of items' titles left
    // of it (a sheet's narrow title column): the value lines beside it stand a value's indent further in.
    bool label_set_in(size_t i) const {
        const Line& l = lines_[i];
        if ((l.kind != Kind::label && l.kind != Kind::entry) || l.indent == 0 || l.indent >= kMaxSetInLabelIndent)
            return false;
        const auto value_beside = [&](size_t k) {
            const Line& v = lines_[k];
            return v.kind != Kind::blank && v.kind != Kind::footer && v.kind != Kind::heading && !v.page_break &&
                   v.indent >= l.indent + kMinValueIndent;
        };
        const bool beside_value = (l.frags.size() > 1 && l.frags[1].col >= l.indent + kMinValueIndent) ||
                                  (i > 0 && !l.page_break && value_beside(i - 1)) ||
                                  (i + 1 < lines_.size() && value_beside(i + 1));
        return beside_value && !margin_cell_near(i);
    }

    // Whether a cell stands at the margin within a few lines of line i, within its item and page: a
    // group label (再委託, ④使用の主体) whose fields' labels are set in beside it. A title column holds
    // headings only.
    bool margin_cell_near(size_t i) const {
        constexpr size_t kNear = 6;
        const auto margin_cell = [&](size_t k) {
            const Line& m = lines_[k];
            return m.indent == 0 && m.kind != Kind::blank && m.kind != Kind::heading && m.kind != Kind::footer;
        };
        const auto item_ends = [&](size_t k) { return lines_[k].page_break || lines_[k].kind == Kind::heading; };
        for (size_t k = i; k-- > 0 && i - k <= kNear && !item_ends(k + 1) && !item_ends(k);)
            if (margin_cell(k)) return true;
        for (size_t k = i + 1; k < lines_.size() && k - i <= kNear && !item_ends(k); ++k)
            if (margin_cell(k)) return true;
        return false;
    }

    // An item's numbered title that stands amid a run's value lines (printed in a column of its
    // own, beside the middle of its item's rows): no blank line parts it from the run's last line.
    bool heading_amid_values(size_t i, const Run& run, bool gap) const {
        const Line& l = lines_[i];
        if (l.kind != Kind::heading || l.page_break || l.frags.empty() || run.lines.empty() || gap ||
            i + 1 >= lines_.size() || !numbered_title(compact_key(l.frags[0].text)))
            return false;
        // Below it, a line of a value, or a field's label (its value may stand above it).
        const Line& next = lines_[i + 1];
        return !next.page_break && next.kind != Kind::blank && next.kind != Kind::footer &&
               next.kind != Kind::heading && (next.indent >= kMinValueIndent || next.kind == Kind::label);
    }

    // Whether the rows go on past a title amid value lines (heading_amid_values): the lines after
    // it are more than the next label's row, centred, takes from above that label, those before it
    // more than the last label's row takes below it, or those before it hold no label and are set
    // apart from the heading above them. Else the title is a row of its own, its item's rows below it
    // (a word processor's full-width title row).
    bool rows_run_past(size_t i, const Run& run) const {
        // A title's own value stands right under it.
        if (run.blocks.empty() && (run.gap_before || run.gaps.back() > 0)) return true;
        if (!run.blocks.empty()) {
            const Block& last = run.blocks.back();
            const size_t from = run.blocks.size() > 1 ? run.blocks[run.blocks.size() - 2].last + 1 : 0;
            size_t above = 0;  // the lines right above the label, no blank line between
            for (size_t k = last.first; k > from && run.gaps[k] == run.gaps[k - 1]; --k) ++above;
            if (run.lines.size() - 1 - last.last > above + 1) return true;
        }
        size_t next = i + 1, after = 0;
        for (; next < lines_.size() && (lines_[next].indent > 0 || lines_[next].kind == Kind::blank); ++next) {
            if (lines_[next].kind == Kind::heading || lines_[next].kind == Kind::range) return false;
            after += lines_[next].kind != Kind::footer && lines_[next].kind != Kind::blank;
        }
        if (next >= lines_.size() || lines_[next].kind == Kind::blank || ends_run(lines_[next])) return false;
        size_t below = 0;  // the lines right below that label, up to a blank line
        for (size_t k = next + 1; k < lines_.size() && lines_[k].indent > 0 && !ends_run(lines_[k]); ++k) ++below;
        return after > below + 1;
    }

    // A line at column 0 that goes on the label cell above it: the field label under a group label
    // (再委託 | ⑦再委託の有無), or the wrapped tail of a label that is not whole on its first line.
    static bool continues_label(const Line& above, const Line& l) {
        if (is_group_label(above.frags[0].text)) return true;
        return above.kind == Kind::label && l.kind == Kind::plain && !Vocabulary::get().label(l.frags[0].text) &&
               !Vocabulary::get().exact(above.frags[0].text) && text::length(l.frags[0].text) <= kMaxLabelTail;
    }

    bool has_value(const Run& run, const Block& b) const {
        for (size_t k = b.first; k <= b.last; ++k)
            if (lines_[run.lines[k]].frags.size() > 1) return true;
        return centred_between_value_lines(run, b);
    }

    // A label of the form, or an entry whose row holds a value (提供先1 | its recipient, not
    // システム1), centred on a value of two lines and more, between them: a line of the value above
    // it and one below (pdftotext sets a label half a line off both on a line of its own).
    bool centred_between_value_lines(const Run& run, const Block& b) const {
        const Line& l = lines_[run.lines[b.first]];
        if ((l.kind != Kind::entry && l.kind != Kind::label) || !l.form_key || is_valueless_entry(*l.form_key) ||
            is_group_label(l.frags[0].text))
            return false;
        auto is_value = [&](size_t k) { return k < run.lines.size() && lines_[run.lines[k]].indent > 0; };
        return b.first > 0 && is_value(b.first - 1) && is_value(b.last + 1);
    }

    // A field's label on the run's last line, right below a line of text (no choice nor option of
    // the row above): its row's foot.
    bool at_foot_of_value(const Run& run, const Block& b) const {
        const Line& l = lines_[run.lines[b.first]];
        if (l.kind != Kind::label || !l.form_key || is_group_label(l.frags[0].text) || b.first == 0 ||
            b.last + 1 != run.lines.size() || run.gaps[b.first] != run.gaps[b.first - 1] ||
            run.pages[b.first] != run.pages[b.first - 1])
            return false;
        const Line& above = lines_[run.lines[b.first - 1]];
        if (above.indent == 0 || above.frags.empty()) return false;
        const std::string& value = above.frags[first_value_frag(above)].text;
        return value_kind_of_line(value) == ValueKind::text && !is_option_list_line(value);
    }

    void find_runs() {
        Run run;
        size_t pages = 0;
        bool gap = false;  // a blank line since the run's last line, on its page
        bool after_value = false, after_heading = false;
        for (size_t i = 0; i < lines_.size(); ++i) {
            const Line& l = lines_[i];
            if (l.page_break || l.kind == Kind::footer) ++pages;
            if (l.kind == Kind::blank) gap = true;
            if (l.kind == Kind::blank || l.kind == Kind::footer) continue;
            // The change table is history, its cells at the top: it ends the form's rows.
            if (l.form_key == std::optional<std::string>("change_date")) break;
            const bool amid = ends_run(l) && heading_amid_values(i, run, gap);
            titles_amid_values_ = titles_amid_values_ || amid;
            if (amid && past_titles_) {
                // An item's title printed in a column of its own, beside the middle of its rows:
                // the rows go on past it. A title that labels its own value is its row's label.
                if (std::string key = titled_value_key(out_[i]); !key.empty()) {
                    titled_.push_back(i);
                    lines_[i].kind = Kind::label;
                    lines_[i].form_key = std::move(key);
                } else if (rows_run_past(i, run)) {
                    run.titles.push_back(i);
                    continue;
                }
            }
            if (ends_run(l)) {
                end_run(run);
                after_heading = l.kind == Kind::heading && after_value;
                after_value = false;
                gap = false;  // since the heading
                continue;
            }
            if (run.lines.empty()) {
                run.after_heading = after_heading && l.indent > 0;
                run.gap_before = gap;
            }
            after_value = l.indent > 0;
            if (l.indent == 0) {
                if (!run.blocks.empty() && run.blocks.back().last + 1 == run.lines.size() &&
                    continues_label(lines_[run.lines.back()], l)) {
                    run.blocks.back().last = run.lines.size();
                } else {
                    if (!run.blocks.empty() && !has_value(run, run.blocks.back())) {
                        // A title (a label cell with no value beside it, リスク1: …) ends the run; the
                        // lines after it are the first lines of the next label's row.
                        const auto after = static_cast<std::ptrdiff_t>(run.blocks.back().last + 1);
                        Run next;
                        next.lines.assign(run.lines.begin() + after, run.lines.end());
                        next.pages.assign(run.pages.begin() + after, run.pages.end());
                        next.gaps.assign(run.gaps.begin() + after, run.gaps.end());
                        end_run(run);
                        run = std::move(next);
                    }
                    run.blocks.push_back({run.lines.size(), run.lines.size()});
                }
            }
            const bool gap_within_page = gap && !run.lines.empty() && run.pages.back() == pages;
            run.gaps.push_back(run.gaps.empty() ? 0 : run.gaps.back() + (gap_within_page ? 1 : 0));
            gap = false;
            run.lines.push_back(i);
            run.pages.push_back(pages);
        }
        end_run(run);
    }

    void end_run(Run& run) {
        // A label cell without a value beside it titles the lines below it: they end the run.
        if (!run.blocks.empty() && !has_value(run, run.blocks.back()) && !at_foot_of_value(run, run.blocks.back())) {
            const size_t title = run.blocks.back().first;
            run.blocks.pop_back();
            run.lines.resize(title);
            run.pages.resize(title);
            run.gaps.resize(title);
        }
        if (!run.blocks.empty()) {
            classify(run);
            runs_.push_back(std::move(run));
        }
        run = Run{};
    }

    // The cost of a run's rows read with each label at the top of its row.
    double top_cost(const Run& run) const {
        double cost = run.blocks.front().first > 0 ? kLinesAboveFirstLabelCost : 0;
        for (size_t j = 0; j < run.blocks.size(); ++j) {
            const size_t first = run.blocks[j].first;
            if (first > 0) cost += part_cost(run, first - 1);
            const size_t last = j + 1 < run.blocks.size() ? run.blocks[j + 1].first - 1 : run.lines.size() - 1;
            cost += kind_cost(run, j, first, last) + gap_cost(run, first, last) + empty_cost(run, j, first, last);
        }
        return cost;
    }

    // What the run's lines hold and which of its blocks are header rows, read once for its rows'
    // costs.
    void classify(Run& run) const {
        for (const Block& b : run.blocks) run.header.push_back(is_header_row(lines_[run.lines[b.first]], b));
        run.selections.assign(1, 0);
        run.checkboxes.assign(1, 0);
        run.single_boxes.assign(1, 0);
        run.valued.assign(1, 0);
        for (const size_t i : run.lines) {
            const Line& l = lines_[i];
            const size_t value = first_value_frag(l);
            run.valued.push_back(run.valued.back() + (l.frags.size() > value ? 1 : 0));
            const ValueKind kind = l.frags.size() > value ? value_kind_of_line(l.frags[value].text) : ValueKind::text;
            // One box and its option (［ ○ ］ 実施する): a single choice marked so, or one line of a
            // group set an option a line; either kind's.
            const bool single = kind == ValueKind::checkboxes && boxes(l.frags[value].text) == 1;
            run.selections.push_back(run.selections.back() + (kind == ValueKind::selection ? 1 : 0));
            run.checkboxes.push_back(run.checkboxes.back() + (kind == ValueKind::checkboxes && !single ? 1 : 0));
            run.single_boxes.push_back(run.single_boxes.back() + (single ? 1 : 0));
        }
    }

    // A block of one line whose cells are all labels of the form: the header of the values below.
    static bool is_header_row(const Line& l, const Block& b) {
        return b.first == b.last && l.frags.size() > 1 &&
               std::all_of(l.frags.begin(), l.frags.end(),
                           [](const Frag& f) { return Vocabulary::get().exact(f.text); });
    }

    // Whether block j's label is one of a checkbox group.
    bool lists_checkboxes(const Run& run, size_t j) const {
        const Line& label = lines_[run.lines[run.blocks[j].first]];
        return label.form_key && value_kind_of_label(*label.form_key) == ValueKind::checkboxes;
    }

    // The cost of the lines [first, last] of block j's row whose value is of a kind its label's is not.
    // A label the form does not know may hold any kind.
    double kind_cost(const Run& run, size_t j, size_t first, size_t last) const {
        const Line& label = lines_[run.lines[run.blocks[j].first]];
        if (!label.form_key) return 0;
        const size_t selections = run.selections[last + 1] - run.selections[first];
        const size_t checkboxes = run.checkboxes[last + 1] - run.checkboxes[first];
        const size_t single_boxes = run.single_boxes[last + 1] - run.single_boxes[first];
        switch (value_kind_of_label(*label.form_key)) {
            case ValueKind::selection:
                return kWrongKindLineCost * static_cast<double>(checkboxes);
            case ValueKind::checkboxes:
                return kWrongKindLineCost * static_cast<double>(selections);
            case ValueKind::text:
                break;
        }
        return kWrongKindLineCost * static_cast<double>(selections + checkboxes + single_boxes);
    }

    // How many boxes a line holds ([ ], [ ○ ], □ …).
    static size_t boxes(const std::string& cell) {
        const std::string n = box_glyphs_as_brackets(text::nfkc(cell));
        size_t count = 0;
        for (size_t open = n.find('['); open != std::string::npos; open = n.find('[', open + 1)) {
            const size_t close = n.find(']', open);
            if (close == std::string::npos) break;
            if (mark_state(n.substr(open, close - open + 1))) ++count;
        }
        return count;
    }

    // The cost of block j's row over the lines [first, last] when none of them holds a value.
    double empty_cost(const Run& run, size_t j, size_t first, size_t last) const {
        const Line& label = lines_[run.lines[run.blocks[j].first]];
        if (run.valued[last + 1] > run.valued[first] || !label.form_key || run.header[j] ||
            is_valueless_entry(*label.form_key) || is_optional_label(*label.form_key))
            return 0;
        return kEmptyRowCost;
    }

    // The cost of leaving a run's first lines [0, first) to the row above its heading: those lines
    // are that row's foot, all of a piece, not also lines a blank line sets apart from them.
    static double left_above_cost(const Run& run, size_t first) {
        return kLinesAboveFirstLabelCost + gap_cost(run, 0, first - 1);
    }

    // The cost of the blank gaps between the lines [first, last] of a row.
    static double gap_cost(const Run& run, size_t first, size_t last) {
        return kGapInRowCost * static_cast<double>(run.gaps[last] - run.gaps[first]);
    }

    // The width of a line's value: its cells and the gaps between them, a label cell left out.
    size_t value_width(const Line& l) const {
        size_t width = 0;
        for (size_t k = first_value_frag(l); k < l.frags.size(); ++k) width += text::display_width(l.frags[k].text) + 2;
        return width;
    }

    size_t full_width() const {
        std::vector<size_t> widths;
        for (const Run& run : runs_)
            for (size_t line : run.lines) widths.push_back(value_width(lines_[line]));
        return share_of_quantile(std::move(widths), kFullLineQuantile, kFullLineShare);
    }

    // The cost of parting two rows after run line k: nothing where a paragraph ends or an item opens.
    // A label alone on its line between (centred on a value of two lines) does not end the paragraph.
    double part_cost(const Run& run, size_t k) const {
        auto holds_value = [&](size_t at) {
            return lines_[run.lines[at]].frags.size() > first_value_frag(lines_[run.lines[at]]);
        };
        // After a label alone on its line, the paragraph goes on from the value line above it.
        while (k > 0 && !holds_value(k)) --k;
        const Line& line = lines_[run.lines[k]];
        size_t after = k + 1;
        while (after < run.lines.size() && !holds_value(after)) ++after;
        if (after >= run.lines.size()) return 0;
        const Line& next = lines_[run.lines[after]];
        const size_t value = first_value_frag(next);  // its first value cell
        // A head alone on its line ((情報提供) | 番号法…) opens the paragraph below it; after a line of
        // checkboxes it is the detail of their その他 ((eLTAX)).
        const bool after_checkboxes = k > 0 && run.checkboxes[k] > run.checkboxes[k - 1];
        if (!after_checkboxes && holds_value(k) && is_bracketed_head(text::nfkc(line.frags.back().text)))
            return kMidParagraphCost;
        if (value_width(line) < full_width_) return 0;
        // A full line that ends a sentence may end its paragraph (…作成した架空の | 評価書である。).
        if (text::ends_with(line.frags.back().text, "。")) return 0;
        const std::string& first = next.frags[value].text;
        const std::u32string u = text::to_u32(first);
        const bool opens = next_mark(u, 0) == 0 || opens_item(u) || opens_with_bracket(first);
        return opens ? 0 : kMidParagraphCost;
    }

    // Each block's row, found by dynamic programming over where the rows part, each row as near to
    // its label's alignment as it can be.
    Rows aligned_rows(const Run& run, Align align) const {
        const size_t m = run.blocks.size(), n = run.lines.size();
        auto lo = [&](size_t j) { return run.blocks[j].last; };
        auto hi = [&](size_t j) { return j + 1 < m ? run.blocks[j + 1].first - 1 : n - 1; };
        // How far the label stands from where it belongs in half lines: a row's middle, or its foot.
        // A header row (評価書番号 | 評価書名) stands at the top of the values under it, however they
        // are aligned: it takes the line below it where it can.
        auto centring = [&](size_t j, size_t first, size_t last) -> double {
            if (first == run.blocks[j].first && run.header[j])
                return last > lo(j) || hi(j) == lo(j) ? 0.0 : kMidParagraphCost;
            double off = align == Align::middle
                             ? std::abs(static_cast<double>(first + last) -
                                        static_cast<double>(run.blocks[j].first + run.blocks[j].last))
                             : 2 * (static_cast<double>(last) - static_cast<double>(run.blocks[j].last));
            // A sheet sets a checkbox group a row a line, its label in the first of them (at that
            // row's foot, the group's top): at the foot of its rows or at their top alike.
            if (align == Align::foot && lists_checkboxes(run, j))
                off =
                    std::min(off, 2 * std::abs(static_cast<double>(first) - static_cast<double>(run.blocks[j].first)));
            // A row that runs over a page break is printed in two parts, its label in either:
            // how far off it stands only breaks ties.
            if (run.pages[last] != run.pages[first]) return off / 100;
            return std::max(kHalfLineOffCost * off, off - 1 + kHalfLineOffCost);
        };
        // How well row j fits lines [first, last]: as centred as it can be, holding values of its kind.
        auto fit = [&](size_t j, size_t first, size_t last) {
            return centring(j, first, last) + kind_cost(run, j, first, last) + gap_cost(run, first, last) +
                   empty_cost(run, j, first, last);
        };
        // least[j][e - lo(j)]: the least cost of rows 0..j with row j ending at run line e;
        // before[j][…]: where row j - 1 ended then.
        std::vector<std::vector<double>> least(m);
        std::vector<std::vector<size_t>> before(m);
        for (size_t j = 0; j < m; ++j) {
            least[j].assign(hi(j) - lo(j) + 1, 0);
            before[j].assign(hi(j) - lo(j) + 1, 0);
            for (size_t e = lo(j); e <= hi(j); ++e) {
                double best = j == 0 ? fit(j, 0, e) : -1;
                // After a heading amid values, the first row may leave the run's first lines to the
                // row above the heading, as labels at the top leave the lines above the first label.
                if (j == 0 && run.after_heading)
                    for (size_t s = e > kMaxRowLines ? e - kMaxRowLines : 1; s <= run.blocks[0].first; ++s)
                        if (const double c = fit(j, s, e) + left_above_cost(run, s); c < best)
                            best = c, before[j][e - lo(j)] = s;
                // The row before may end anywhere in its gap, but no further than kMaxRowLines up.
                const size_t nearest = j == 0 ? 0 : std::min(hi(j - 1), e > kMaxRowLines ? e - kMaxRowLines : 0);
                if (j > 0)
                    for (size_t p = std::max(lo(j - 1), nearest); p <= hi(j - 1); ++p) {
                        const double c = least[j - 1][p - lo(j - 1)] + fit(j, p + 1, e);
                        if (best < 0 || c < best) best = c, before[j][e - lo(j)] = p;
                    }
                least[j][e - lo(j)] = best + part_cost(run, e);
            }
        }
        Rows rows{std::vector<size_t>(m, 0), 0};
        size_t e = n - 1;
        for (size_t j = m; j-- > 0;) {
            const size_t last = e;
            if (j > 0) e = before[j][e - lo(j)];
            rows.starts[j] = j > 0 ? e + 1 : before[0][last - lo(0)];
            if (j == 0 && rows.starts[0] > 0) rows.cost += left_above_cost(run, rows.starts[0]);
            // The cost of the rows without what only breaks ties, to weigh against labels at the top.
            rows.cost += std::max(0.0, centring(j, rows.starts[j], last) - kHalfLineOffCost) + part_cost(run, last) +
                         kind_cost(run, j, rows.starts[j], last) + gap_cost(run, rows.starts[j], last) +
                         empty_cost(run, j, rows.starts[j], last);
        }
        return rows;
    }

    void lift_run(const Run& run, const std::vector<size_t>& starts) {
        for (size_t j = 0; j < run.blocks.size(); ++j) {
            const Block& b = run.blocks[j];
            if (starts[j] >= b.first) continue;
            if (std::find(titled_.begin(), titled_.end(), run.lines[b.first]) != titled_.end()) {
                // A title labelling its value: the heading goes up before its value's lines.
                rotate_lines(run.lines[starts[j]], run.lines[b.first], run.lines[b.first]);
                continue;
            }
            std::vector<Frag> labels;
            for (size_t k = b.first; k <= b.last; ++k) {
                Line& l = lines_[run.lines[k]];
                labels.push_back(l.frags.front());
                l.frags.erase(l.frags.begin());
            }
            for (size_t k = 0; k < labels.size(); ++k) {
                auto& frags = lines_[run.lines[starts[j] + k]].frags;
                frags.insert(frags.begin(), labels[k]);
            }
            for (size_t k = starts[j]; k <= b.last; ++k) reread(run.lines[k]);
        }
        // A title amid a row's value lines goes down after them: the row reads whole, the title
        // heads the rows after it.
        for (auto title = run.titles.rbegin(); title != run.titles.rend(); ++title) {
            const auto above = std::lower_bound(run.lines.begin(), run.lines.end(), *title);
            if (above == run.lines.begin()) continue;
            const auto k = static_cast<size_t>(above - run.lines.begin()) - 1;  // the run's line above it
            const auto row = std::upper_bound(starts.begin(), starts.end(), k);
            const size_t end = row == starts.end() ? run.lines.size() - 1 : *row - 1;
            if (row == starts.begin() || end <= k) continue;
            rotate_lines(*title, run.lines[end], *title);
        }
    }

    // Lines [first, last] turned so that line `moved` (first or last) stands at the other end.
    void rotate_lines(size_t first, size_t last, size_t moved) {
        const auto begin = static_cast<std::ptrdiff_t>(first), end = static_cast<std::ptrdiff_t>(last) + 1;
        const auto middle = moved == first ? begin + 1 : end - 1;
        std::rotate(lines_.begin() + begin, lines_.begin() + middle, lines_.begin() + end);
        std::rotate(out_.begin() + begin, out_.begin() + middle, out_.begin() + end);
    }

    // A line whose cells moved, written out and read again: its kind, key and indent follow its
    // new first cell.
    void reread(size_t i) {
        std::u32string written;
        for (const Frag& f : lines_[i].frags) {
            if (!written.empty()) written += U"  ";
            while (written.size() < f.col) written += U' ';
            written += text::to_u32(f.text);
        }
        const bool page_break = lines_[i].page_break;
        out_[i] = text::to_utf8(written);
        lines_[i] = read_line(out_[i]);
        lines_[i].page_break = page_break;
    }
};

// ---- rows ----------------------------------------------------------------------------------

constexpr size_t kNone = static_cast<size_t>(-1);

// Appends a cell to a row line, tab-separated.
void append_cell(std::string& line, const std::string& cell) {
    if (!line.empty()) line += '\t';
    line += cell;
}

// One row being rebuilt.
struct Row {
    size_t at = 0;                    // the line of its label
    std::vector<std::string> labels;  // the lines of its label cell
    Value value;
    std::optional<std::string> key;  // the form key of its label; nullopt for an unknown label
    int circled = 0;
    bool entry = false;          // opened by システムN, 提供先N … (not a group label)
    bool inline_value = false;   // (a): the value starts on the label's line
    bool label_open = true;      // the next line may still belong to the label cell
    std::vector<size_t> taken;   // lines taken in, emptied in the output
    std::vector<size_t> held;    // blank lines and footers since the last line taken in
    bool gap = false;            // a blank line since the last line taken in
    bool page_break = false;     // a form feed or a footer since the last line taken in
    bool unlabelled = false;     // the lines under a name that are none of it: a row with an empty label cell
    bool listing_names = false;  // 基礎's ③システムの名称 read one name a paragraph (listed_name_goes_on)
};

class Rebuilder {
public:
    explicit Rebuilder(const Document& doc) : doc_(doc) {
        size_t laid_out = 0, written = 0;
        for (const auto& l : doc.lines) {
            lines_.push_back(read_line(l));
            out_.emplace_back(without_form_feeds(l));
            if (lines_.back().kind == Kind::blank) continue;
            ++written;
            const std::string& t = out_.back();
            if (t.starts_with(' ') || t.find("  ") != std::string::npos || t.find('\t') != std::string::npos)
                ++laid_out;
        }
        flat_ = static_cast<double>(laid_out) < kMaxLaidOutShareOfFlat * static_cast<double>(written);
        drop_stacked_titles();
        align_page_margins();
        remove_table_margin();
        margin_wrap_width_ = margin_wrap_width();
        names_after_entry_headers();
    }

    std::optional<Document> run() {
        join_section_numerals();
        join_wrapped_labels();
        join_label_tails_beside_values();
        join_required_marks();
        join_wrapped_options();
        contents_ = contents_lines();
        flow_order_ = column_flow_order(flow_lines());
        const std::vector<size_t>& order = flow_order_;
        permute(order);
        join_wrapped_headings();
        lift_merged_entry_labels();
        join_centred_entry_names();
        // A text printed as written sets each label on its row's first line: none is lifted.
        if (margin_wrap_width_ == 0) {
            // Rows that go on past the titles amid them read centred; at their foot, a label's lines
            // all stand above it, and a title between ends them. Without such titles both readings
            // are one.
            std::optional<AlignedLabels> aligned;
            aligned.emplace(lines_, out_, true);
            if (aligned->titles_amid_values() && (!aligned->found() || aligned->at_foot()))
                aligned.emplace(lines_, out_, false);
            if (aligned->found()) {
                aligned->lift();
                cells_at_foot_ = aligned->at_foot();
            }
        }
        cut_option_columns(lines_);
        for (size_t i = 0; i < lines_.size(); ++i) step(i);
        close();
        end_grid();
        end_cell_row();
        // Each rebuilt line goes back to the place its line had in the text.
        std::vector<std::string> placed(out_.size());
        for (size_t j = 0; j < order.size(); ++j) placed[order[j]] = std::move(out_[j]);
        out_ = std::move(placed);
        if (label_rows_ < kMinLabelRows) return std::nullopt;
        if (static_cast<double>(valued_rows_) < kMinValuedShare * static_cast<double>(label_rows_)) return std::nullopt;
        Document out;
        out.path = doc_.path;
        out.encoding = doc_.encoding;
        out.format = TextFormat::markdown;
        out.first_line = doc_.first_line;
        for (const auto& l : out_) out.text += l + "\n";
        out.lines = std::move(out_);
        return out;
    }

private:
    const Document& doc_;
    std::vector<Line> lines_;
    std::vector<std::string> out_;
    std::vector<size_t> flow_order_;  // each line's place in the text (column_flow_order)
    std::vector<bool> contents_;      // by the line's place in the text: a line of the 項目一覧
    std::optional<Row> row_;
    size_t label_rows_ = 0;                // rows opened by a label of the form
    size_t valued_rows_ = 0;               // of them, the rows that found a value
    size_t data_row_ = kNone;              // the line after a header row (評価書番号 | 評価書名): its data row
    std::vector<size_t> grid_cols_;        // the 変更箇所 table's column starts; empty: none open
    size_t grid_row_ = kNone;              // the line of the table row being read
    std::vector<std::string> grid_cells_;  // its cells so far
    bool cells_at_foot_ = false;           // the form's cells stand at the foot of their rows
    // No column is kept (pdftotext -raw): a label, one space, its value, and the value's wrapped
    // lines at the margin, where a laid-out text indents them.
    bool flat_ = false;
    size_t values_col_ = kNone;  // where the last row at the margin set its value
    // A text printed as it was written (a browser printing the .txt): each row's label and value
    // on one line, a gap between, and a long value wrapped at the page's width, its further lines at
    // the margin where a laid-out form sets them in under the value. The width from which a line
    // is full; 0 when the text does not wrap its values at the margin.
    size_t margin_wrap_width_ = 0;
    std::vector<size_t> grid_held_;        // then: the lines of a table row before its date
    bool cell_table_ = false;              // the table written one cell per line is open
    size_t cell_row_ = kNone;              // the line of its row being read (its date)
    std::vector<std::string> cell_texts_;  // that row's lines so far

    // A table set in from the text's margin (pandoc indents its tables two spaces; the headings
    // between them stand at the margin): where the form's numbered labels stand at one indent,
    // every line set in at least as far is read from that indent on.
    // pdftotext sets each page's text from where that page's leftmost text stands, so a sheet's
    // page whose first column holds a title sets its labels further in than a page whose first
    // column is empty (a merged cell printed on its first page only). Each page whose numbered
    // labels stand further in than those of the page that sets them least far is read as far out
    // as that one (its lines left of that stay where they are).
    void align_page_margins() {
        std::vector<std::pair<size_t, size_t>> pages;  // lines [from, to)
        for (size_t i = 0; i < lines_.size(); ++i)
            if (i == 0 || lines_[i].page_break)
                pages.emplace_back(i, i + 1);
            else
                pages.back().second = i + 1;
        std::vector<size_t> label_indent(pages.size(), kNone);
        for (size_t p = 0; p < pages.size(); ++p)
            for (size_t i = pages[p].first; i < pages[p].second; ++i)
                if (lines_[i].kind == Kind::label && lines_[i].circled > 0)
                    label_indent[p] = std::min(label_indent[p], lines_[i].indent);
        const size_t least = *std::min_element(label_indent.begin(), label_indent.end());
        if (least == kNone) return;
        for (size_t p = 0; p < pages.size(); ++p) {
            if (label_indent[p] == kNone || label_indent[p] == least) continue;
            const size_t shift = label_indent[p] - least;
            for (size_t i = pages[p].first; i < pages[p].second; ++i) {
                Line& l = lines_[i];
                if (l.frags.empty() || l.indent < shift) continue;
                l.indent -= shift;
                for (Frag& f : l.frags) f.col -= shift;
            }
        }
    }

    void remove_table_margin() {
        constexpr double kMinShare = 0.8, kMaxShareLeft = 1.0 / 3;
        constexpr size_t kMinLabels = 4;  // a 基礎項目評価書 numbers few
        std::map<size_t, size_t> label_indents;
        size_t labels = 0;
        for (const Line& l : lines_)
            if (l.kind == Kind::label && l.circled > 0) {
                ++label_indents[l.indent];
                ++labels;
            }
        if (labels < kMinLabels || label_indents.begin()->first == 0) return;
        const auto [margin, count] = *label_indents.begin();  // no numbered label stands left of it
        if (static_cast<double>(count) < kMinShare * static_cast<double>(labels)) return;
        // A table set in holds most lines; where most stand left of the labels (pdftotext sets a
        // label cell one space in, its value lines at the margin) the text has no such margin.
        size_t written = 0, left = 0;
        for (const Line& l : lines_)
            if (!l.frags.empty()) {
                ++written;
                left += l.indent < margin;
            }
        if (static_cast<double>(left) > kMaxShareLeft * static_cast<double>(written)) return;
        for (Line& l : lines_) {
            if (l.frags.empty() || l.indent < margin) continue;
            l.indent -= margin;
            for (Frag& f : l.frags) f.col -= margin;
        }
    }

    // An entry's header alone on its line (提供先8) has its name on the next line with text, even where
    // that name starts a label of the form the layout may wrap (個人情報保護委員会, the first line of
    // 個人情報保護委員会承認日【行政機関等のみ】): it is the name, no label. A whole label there is one
    // (the entry's name left empty).
    void names_after_entry_headers() {
        for (size_t i = 0; i + 1 < lines_.size(); ++i) {
            const Line& header = lines_[i];
            if (header.kind != Kind::entry || header.frags.size() != 1 || !header.form_key ||
                is_valueless_entry(*header.form_key))
                continue;
            size_t next = i + 1;
            while (next < lines_.size() && lines_[next].kind == Kind::blank) ++next;
            if (next == lines_.size()) break;
            Line& name = lines_[next];
            if (name.kind != Kind::label || name.frags.size() != 1 || name.circled > 0 ||
                Vocabulary::get().exact(name.frags[0].text))
                continue;
            name.kind = Kind::plain;
            name.form_key.reset();
        }
    }

    // The width of a full line, where rows' full lines go on at the margin and hardly any row's next
    // line is set in; 0 otherwise.
    size_t margin_wrap_width() const {
        std::vector<size_t> widths;
        for (size_t i = 0; i < lines_.size(); ++i)
            if (!lines_[i].frags.empty()) widths.push_back(text::display_width(out_[i]));
        const size_t full = share_of_quantile(std::move(widths), kFullLineQuantile, kFullPrintedLineShare);
        if (full == 0) return 0;
        size_t at_margin = 0, set_in = 0;
        for (size_t i = 0; i + 1 < lines_.size(); ++i) {
            const Line &row = lines_[i], &next = lines_[i + 1];
            if (row.indent != 0 || row.kind != Kind::label || row.frags.size() < 2) continue;
            if (next.kind != Kind::plain && next.kind != Kind::other) continue;
            if (next.indent > 0)
                ++set_in;
            else if (text::display_width(out_[i]) >= full)
                ++at_margin;
        }
        if (at_margin < kMinMarginWraps ||
            static_cast<double>(set_in) >= kMaxSetInShareOfMarginWraps * static_cast<double>(at_margin))
            return 0;
        return full;
    }

    // Whether the open row's last line is full in a text that wraps its values at the margin: a
    // line at the margin after it goes on its value.
    bool wraps_at_margin(const Row& r) const {
        if (margin_wrap_width_ == 0 || !r.inline_value) return false;
        const size_t last = r.taken.empty() ? r.at : r.taken.back();
        return text::display_width(out_[last]) >= margin_wrap_width_;
    }

    // The 変更箇所 table's header written on one line whatever its first cell (提出時期に係る説明変更日
    // 項目 変更前の記載 変更後の記載 提出時期: pdftotext's raw order of a header row).
    static bool is_change_header_line(const Line& l, const std::string& text) {
        constexpr size_t kMaxHeaderChars = 60;
        return !l.frags.empty() && !text::longer_than(text, kMaxHeaderChars) &&
               holds_change_column_titles(compact_key(text));
    }

    // The lines of the 項目一覧: from its title over headings, blank lines, page numbers and short
    // lines (a section's title set apart from its numeral: Ⅲ | リスク対策) to the first label.
    std::vector<bool> contents_lines() const {
        std::vector<bool> out(lines_.size());
        bool in_contents = false;
        constexpr size_t kMaxTitleChars = 12;  // 【項目一覧】
        for (size_t i = 0; i < lines_.size(); ++i) {
            const Line& l = lines_[i];
            const bool one_short_cell = l.frags.size() == 1 && !text::longer_than(l.frags[0].text, kMaxLabelChars);
            const bool listed = l.kind == Kind::heading || l.kind == Kind::blank || l.kind == Kind::footer ||
                                ((l.kind == Kind::plain || l.kind == Kind::other) && one_short_cell);
            in_contents =
                (in_contents && listed) || (one_short_cell && !text::longer_than(l.frags[0].text, kMaxTitleChars) &&
                                            FormLabels::get().is("contents", compact_key(l.frags[0].text)));
            out[i] = in_contents;
        }
        return out;
    }

    // The lines as column_flow_order sees them.
    std::vector<FlowLine> flow_lines() const {
        std::vector<FlowLine> out(lines_.size());
        bool in_changes = false;
        for (size_t i = 0; i < lines_.size(); ++i) {
            const Line& l = lines_[i];
            FlowLine& f = out[i];
            f.text = l.frags.empty() ? std::string() : text::trim(out_[i]);
            f.page_break = l.page_break;
            f.indented = l.indent > 0;
            // From the 変更箇所 table's header on, the text is the table's cells, never a form's
            // label and value columns: it keeps its order.
            in_changes = in_changes || l.form_key == std::optional<std::string>("change_date") ||
                         is_change_header_line(l, out_[i]);
            if (in_changes && l.kind != Kind::blank) {
                f.type = FlowLine::Type::fixed;
                continue;
            }
            switch (l.kind) {
                case Kind::blank:
                    f.type = FlowLine::Type::blank;
                    break;
                case Kind::heading:
                    f.type = FlowLine::Type::fixed;
                    // column_flow_order settles whether it is a label; not in the 項目一覧, which
                    // lists the titles and no value (its １．特定個人情報ファイル名 | ２．基本情報)
                    f.key = contents_[i] ? std::string() : titled_value_key(f.text);
                    f.titled = !f.key.empty();
                    break;
                case Kind::footer:
                case Kind::range:
                    f.type = FlowLine::Type::fixed;
                    break;
                case Kind::label:
                case Kind::entry:
                    f.type = l.frags.size() > 1 || l.indent > 0 ? FlowLine::Type::row
                             : l.kind == Kind::label            ? FlowLine::Type::label
                                                                : FlowLine::Type::entry;
                    f.key = l.form_key.value_or("");
                    break;
                default:
                    f.type = is_group_label(f.text) ? FlowLine::Type::fixed : FlowLine::Type::value;
            }
        }
        return out;
    }

    static bool is_change_header_cell(const Line& l) {
        return l.frags.size() == 1 && (l.form_key == std::optional<std::string>("change_date") ||
                                       FormLabels::get().is("change_columns", compact_key(l.frags[0].text)));
    }

    // Reads the lines in `order` (lines_ and out_ both).
    void permute(const std::vector<size_t>& order) {
        std::vector<Line> lines(order.size());
        std::vector<std::string> out(order.size());
        for (size_t j = 0; j < order.size(); ++j) {
            lines[j] = std::move(lines_[order[j]]);
            out[j] = std::move(out_[order[j]]);
        }
        lines_ = std::move(lines);
        out_ = std::move(out);
    }

    void step(size_t i) {
        const Line& l = lines_[i];
        if (cell_table_) return cell_line(i);
        // A heading or a range of entries written as a label (システム2～5：) or a markdown block (- 2.
        // 基本情報, #### システム2～5) is written without its colon and its marker.
        if (l.kind == Kind::heading || l.kind == Kind::range) {
            drop_trailing_colon(out_[i]);
            const std::u32string written = text::to_u32(out_[i]);
            if (const size_t at = markdown_block_text(written); l.list_item && at != std::u32string::npos)
                out_[i] = text::to_utf8(written.substr(at));
        }
        if (!grid_cols_.empty()) {
            if (grid_line(i)) return;
            end_grid();
        }
        if (l.kind == Kind::heading) {  // headings end every row
            close();
            join_wrapped_choices(i);
            join_moved_title_value(i);
            return;
        }
        // 評価書番号 | 7: a number alone on its line is the value, not a page number.
        if (l.kind == Kind::footer && row_ && row_->key == std::optional<std::string>("number") &&
            row_->value.empty() && !row_->inline_value) {
            absorb(i, l.frags);
            return;
        }
        if (l.kind == Kind::blank || l.kind == Kind::footer) {
            if (!row_) return;
            row_->held.push_back(i);
            (l.kind == Kind::blank ? row_->gap : row_->page_break) = true;
            return;
        }
        if (row_ && l.page_break) row_->page_break = true;
        if (row_ && take(i)) return;
        const bool after_name = row_ && ends_name(*row_, l);
        close();
        if (after_name) return open_unlabelled(i);
        open(i);
    }

    // The lines under a name that are none of it, in a row of their own with an empty label cell, as
    // the markdown conversions write a cell split from its row: read as no field's value.
    void open_unlabelled(size_t i) {
        row_.emplace();
        Row& r = *row_;
        r.at = i;
        r.unlabelled = true;
        r.label_open = false;
        r.inline_value = true;
        r.value.add_line(lines_[i].frags);
    }

    static void drop_trailing_colon(std::string& line) {
        const std::string_view t = text::trim_view(line);
        const size_t end = static_cast<size_t>(t.data() - line.data()) + t.size();
        if (t.ends_with(kWideColon))
            line.erase(end - kWideColon.size(), kWideColon.size());
        else if (t.ends_with(':'))
            line.erase(end - 1, 1);
    }

    // A numbered heading printed in the narrow label column wraps over lines of their own
    // (5. 評価実施機関にお | ける担当部署): the lines that make it a heading of the form are one
    // heading line.
    // A 提供先N, 移転先N or 委託事項N cell merged down its entry's rows prints its label amid them (beside
    // ④'s options), while the entry's first row, its recipient or its item, stands unlabelled above
    // the entry's ①. The label goes back to the blank line above that row.
    void lift_merged_entry_labels() {
        for (size_t e = 0; e < lines_.size(); ++e) {
            const Line& entry = lines_[e];
            if (entry.kind != Kind::entry || entry.indent >= kMinValueIndent || !entry.form_key ||
                is_valueless_entry(*entry.form_key))
                continue;
            // Its own line names no one: nothing beside the label but the options of a list it stands in.
            std::string beside;
            for (size_t f = 1; f < entry.frags.size(); ++f) beside += entry.frags[f].text + " ";
            if (!text::trim(beside).empty() && !is_persons_option_list(beside)) continue;
            // Back to the entry's ①, over its fields' labels only (two at least: it stands amid them),
            // each numbered below the one after it.
            size_t first = kNone, fields = 0;
            for (size_t k = e, after = kNone; k-- > 0 && first == kNone;) {
                const Line& l = lines_[k];
                if (l.kind == Kind::entry || l.kind == Kind::heading || l.kind == Kind::range) break;
                if (l.kind != Kind::label || l.circled == 0) continue;
                if (after != kNone && l.circled >= lines_[after].circled) break;
                after = k;
                ++fields;
                if (l.circled == 1) first = k;
            }
            if (first == kNone || first == 0 || fields < 2) continue;
            size_t row = first - 1;  // the unlabelled row above ①, with a blank line above it
            while (row > 0 && lines_[row].kind == Kind::blank) --row;
            const Line& value = lines_[row];
            if (row == 0 || lines_[row - 1].kind != Kind::blank || value.frags.size() != 1 ||
                value.indent < kMinValueIndent || value.kind == Kind::label || value.kind == Kind::entry ||
                value.kind == Kind::heading)
                continue;
            // The label alone on the blank line; what stood beside it stays, at its column (columns
            // count code points).
            const std::string label = entry.frags[0].text;
            std::string rest = out_[e];
            const size_t at = rest.find(label);
            if (at != std::string::npos) rest.replace(at, label.size(), std::string(text::length(label), ' '));
            out_[row - 1] = label;
            lines_[row - 1] = read_line(label);
            out_[e] = entry.frags.size() > 1 ? rest : std::string();
            lines_[e] = read_line(out_[e]);
        }
    }

    // An entry's name of two lines centred on its cell, its header alone on the line between them
    // (番号法…に掲げる情報照会者 | 提供先1 | （都道府県知事等）): the name goes on the header's line.
    // Only where nothing parts the three lines, the name's lines stand in one value column and read
    // as a name (no sentence, no box).
    void join_centred_entry_names() {
        constexpr size_t kMaxNameChars = 80;
        const auto name_line = [&](size_t k) {
            const Line& l = lines_[k];
            return l.frags.size() == 1 && l.indent >= kMinValueIndent && !l.page_break &&
                   (l.kind == Kind::plain || l.kind == Kind::other) && !text::contains(l.frags[0].text, "。") &&
                   next_mark(text::to_u32(l.frags[0].text), 0) == std::u32string::npos;
        };
        for (size_t e = 1; e + 1 < lines_.size(); ++e) {
            const Line& entry = lines_[e];
            if (entry.kind != Kind::entry || entry.frags.size() != 1 || entry.indent >= kMinValueIndent ||
                entry.page_break || !entry.form_key || is_valueless_entry(*entry.form_key) || !name_line(e - 1) ||
                !name_line(e + 1))
                continue;
            const Line &above = lines_[e - 1], &below = lines_[e + 1];
            const size_t col = std::min(above.frags[0].col, below.frags[0].col);
            if (std::max(above.frags[0].col, below.frags[0].col) - col > 1) continue;
            const std::string name = above.frags[0].text + below.frags[0].text;
            if (text::longer_than(name, kMaxNameChars)) continue;
            // The row stands on its name's first line, as a row whose label is centred on its value.
            const std::string label = text::trim(out_[e]);
            const size_t label_end = entry.indent + text::length(label);
            join_lines(e - 1,
                       std::string(entry.indent, ' ') + label +
                           std::string(std::max(col, label_end + 2) - label_end, ' ') + name,
                       e);
            clear_line(e + 1);
            ++e;
        }
    }

    void join_wrapped_headings() {
        constexpr size_t kMaxHeadingLines = 4;
        auto piece = [&](size_t k) {
            const Line& l = lines_[k];
            return l.indent == 0 && l.frags.size() == 1 && (l.kind == Kind::plain || l.kind == Kind::other) &&
                   text::length(l.frags[0].text) <= kMaxWrappedHeadingChars;
        };
        for (size_t i = 0; i + 1 < lines_.size(); ++i) {
            if (!piece(i)) continue;
            const auto numbered = numbered_title(compact_key(lines_[i].frags[0].text));
            if (!numbered) continue;
            std::string joined = lines_[i].frags[0].text;
            bool whole = false;
            for (size_t k = i + 1; k < lines_.size() && k < i + kMaxHeadingLines && piece(k) &&
                                   !opens_item(text::to_u32(lines_[k].frags[0].text));
                 ++k) {
                joined += lines_[k].frags[0].text;
                if (!is_heading(text::trim(text::nfkc(joined)))) continue;
                out_[i] = joined;
                lines_[i].kind = Kind::heading;
                for (size_t j = i + 1; j <= k; ++j) clear_line(j);
                i = k;
                whole = true;
                break;
            }
            // Its tail set elsewhere (pdftotext's raw order of a narrow item column): the start is
            // the heading still, no value's line.
            if (!whole && Vocabulary::get().heading_title_start(numbered->second)) lines_[i].kind = Kind::heading;
        }
    }

    // Line i written as `joined` (what it held and line `joined_from`'s text) and read again, its page
    // break kept; line `joined_from` left blank.
    void join_lines(size_t i, std::string joined, size_t joined_from) {
        rewrite_line(i, std::move(joined));
        clear_line(joined_from);
    }

    // Line i left blank, in the text and in its reading.
    void clear_line(size_t i) {
        out_[i].clear();
        lines_[i] = Line{};
    }

    // A label that its column wrapped, alone on its line, and the tail that completes it alone on
    // the next (③他のシステムとの接 | 続: a converter that writes each cell's lines before the next
    // cell's) are one label: the tail is no value for the runs of values to take. pdftotext's raw
    // order may set the value of a label of two lines between them (個人情報保護委員会 承認日【行政機 |
    // 令和7年2月19日 | 関等のみ】: the value centred on the label's cell), with blank lines around:
    // the tail is looked for up to two lines on, the value staying after the joined label.
    void join_wrapped_labels() {
        const Vocabulary& vocabulary = Vocabulary::get();
        for (size_t i = 0; i + 1 < lines_.size(); ++i) {
            const Line& l = lines_[i];
            if (l.frags.size() != 1 || (l.kind != Kind::label && !vocabulary.starts_label(l.frags[0].text)) ||
                vocabulary.exact(l.frags[0].text))
                continue;
            const size_t value = next_written(i + 1);
            for (const size_t tail : {i + 1, value < lines_.size() ? next_written(value + 1) : i + 1}) {
                if (tail >= lines_.size()) break;
                const Line& next = lines_[tail];
                if (next.frags.empty() || next.page_break || next.indent != l.indent || next.kind == Kind::label ||
                    next.kind == Kind::entry)
                    continue;
                const std::string taken = completing_tail(l.frags[0].text, next.frags[0].text);
                if (taken.empty()) continue;
                rewrite_line(i, std::string(l.indent, ' ') + text::trim(out_[i]) + taken);
                take_from_start(tail, text::length(taken));
                break;
            }
        }
    }

    // The start of `cell` that completes `head` into a row label: the whole cell, or its first word
    // where the value goes on after it on its line (テムとの接続 [○] 庁内連携…); "" when neither does.
    static std::string completing_tail(const std::string& head, const std::string& cell) {
        const Vocabulary& vocabulary = Vocabulary::get();
        if (vocabulary.exact(head + cell)) return cell;
        const size_t space = cell.find(' ');
        if (space != std::string::npos && vocabulary.exact(head + cell.substr(0, space))) return cell.substr(0, space);
        return "";
    }

    static size_t first_written_column(const std::u32string& s) {
        const size_t at = s.find_first_not_of(U' ');
        return at == std::u32string::npos ? s.size() : at;
    }

    // Line k without its first `chars` characters (a label's tail gone up to its head): what is
    // left stays in its columns, read again; a line left empty is blank.
    void take_from_start(size_t k, size_t chars) {
        std::u32string t = text::to_u32(out_[k]);
        const size_t col = first_written_column(t);
        std::fill_n(t.begin() + static_cast<std::ptrdiff_t>(col), std::min(chars, t.size() - col), U' ');
        if (t.find_first_not_of(U' ') == std::u32string::npos)
            clear_line(k);
        else
            rewrite_line(k, text::to_utf8(t));
    }

    // A label its narrow column wrapped beside its value (① システム | 介護保険システム, then の名称
    // under ① システム; ③ 他のシス | [ ] 情報提供… then テムとの接続 [○] 庁内連携…): each tail, written
    // at the head's column on the lines below, goes up to the head, and what follows it on its line
    // stays there, the value's next line. The head starts a label, and may be one whose longer
    // spelling the tails complete (⑤ 委託先名 | の確認方法).
    void join_label_tails_beside_values() {
        constexpr size_t kMaxLabelLines = 6;
        const Vocabulary& vocabulary = Vocabulary::get();
        for (size_t i = 0; i + 1 < lines_.size(); ++i) {
            const Line& l = lines_[i];
            if (l.frags.empty() || l.list_item || l.kind == Kind::entry || l.kind == Kind::range ||
                l.kind == Kind::heading || !vocabulary.starts_label(l.frags[0].text))
                continue;
            std::string label = l.frags[0].text;
            std::vector<std::pair<size_t, size_t>> tails;  // line, code points taken from its start
            for (size_t k = next_written(i + 1); k < lines_.size() && tails.size() + 1 < kMaxLabelLines;
                 k = next_written(k + 1)) {
                const Line& next = lines_[k];
                // A tail may be a label of its own (部署 of ⑥事務担当 | 部署): only the whole decides.
                if (next.page_break || next.frags.empty() || next.frags[0].col != l.frags[0].col ||
                    next.kind == Kind::entry || next.kind == Kind::range || next.kind == Kind::heading)
                    break;
                const std::string& cell = next.frags[0].text;
                // A tail that does not complete the label is taken whole, the label going on below.
                const std::string completing = completing_tail(label, cell);
                const std::string tail = completing.empty() ? cell : completing;
                label += tail;
                tails.emplace_back(k, text::length(tail));
                if (vocabulary.exact(label) || next.kind == Kind::label) break;
            }
            if (tails.empty() || !vocabulary.exact(label)) continue;
            // Columns in the text as written (a page's margin may have been set aside in the frags').
            std::u32string head = text::to_u32(out_[i]);
            const size_t col = first_written_column(head), head_end = col + text::length(l.frags[0].text);
            if (head_end > head.size()) continue;  // the line is written otherwise than its cells read
            const std::u32string joined = text::to_u32(label);
            size_t rest = head_end;
            while (rest < head.size() && head[rest] == U' ') ++rest;
            // The value keeps its column where the joined label leaves room before it.
            const size_t gap = rest >= head.size()
                                   ? 0
                                   : std::max<size_t>(2, rest > col + joined.size() ? rest - col - joined.size() : 0);
            head = head.substr(0, col) + joined + std::u32string(gap, U' ') + head.substr(rest);
            rewrite_line(i, text::to_utf8(head));
            for (const auto& [k, taken] : tails) take_from_start(k, taken);
            i = tails.back().first;
        }
    }

    // A section's title set vertically in a sheet's narrow first column (Ⅱ | 特 | 定 | 個 | 人 …, a
    // character a line beside each page's rows, as a merged cell prints it): its characters are no
    // part of the rows they stand beside. The lines that open with one character alone at the
    // margin, other lines between them set in, lose it where those characters spell a section's
    // title.
    void drop_stacked_titles() {
        constexpr size_t kMinStackedChars = 4;
        static const std::vector<std::string> sections = [] {
            std::vector<std::string> all;
            for (const char* key : {"section_basic", "section_files", "section_risk", "section_other"})
                for (const auto& s : FormLabels::get().spellings(key)) all.push_back(s);
            return all;
        }();
        const auto stacked = [&](const Line& l) {
            return l.indent == 0 && !l.frags.empty() && text::length(l.frags[0].text) == 1 &&
                   (l.frags.size() == 1 || l.frags[1].col > l.frags[0].col + 2);
        };
        for (size_t i = 0; i < lines_.size();) {
            std::vector<size_t> run;
            std::string spelled;
            size_t k = i;
            for (; k < lines_.size(); ++k) {
                const Line& l = lines_[k];
                if (l.kind == Kind::blank || l.indent > 0) continue;
                if (!stacked(l)) break;
                run.push_back(k);
                spelled += l.frags[0].text;
            }
            const std::string key = run.size() >= kMinStackedChars ? compact_key(spelled) : std::string();
            if (std::any_of(sections.begin(), sections.end(),
                            [&](const std::string& t) { return text::contains(key, t); }))
                for (const size_t at : run) {
                    const std::string& stack = lines_[at].frags[0].text;
                    const std::string rest = out_[at].substr(out_[at].find(stack) + stack.size());
                    rewrite_line(at, std::string(text::length(stack), ' ') + rest);  // columns count characters
                }
            i = std::max(k, i + 1);
        }
    }

    // Line i written as `text` and read again, its page break kept.
    void rewrite_line(size_t i, std::string text) {
        const bool page_break = lines_[i].page_break;
        out_[i] = std::move(text);
        lines_[i] = read_line(out_[i]);
        lines_[i].page_break = page_break;
    }

    // The line at or after `from` that is not blank, on the same page (or the page's first line).
    size_t next_written(size_t from) const {
        while (from < lines_.size() && lines_[from].kind == Kind::blank && !lines_[from].page_break) ++from;
        return from;
    }

    // An option's label that a line of boxes cut at its end, its rest on the next written line
    // (☐行って | いない, a blank line between as mutool writes a cell's lines), is one option: the
    // rest is no value for the runs of values to take.
    void join_wrapped_options() {
        const Vocabulary& vocabulary = Vocabulary::get();
        for (size_t i = 0; i < lines_.size(); ++i) {
            if (lines_[i].frags.empty()) continue;
            // (on the very next line, the boxes' grid takes the rest as it takes any wrapped option)
            const size_t tail = next_written(i + 1);
            if (tail == i + 1 || tail >= lines_.size() || lines_[tail].page_break || lines_[tail].frags.size() != 1 ||
                lines_[tail].kind == Kind::label || lines_[tail].kind == Kind::entry)
                continue;
            const std::u32string last = text::to_u32(lines_[i].frags.back().text);
            size_t option = std::u32string::npos, end = 0;
            for (size_t at = next_mark(last, 0, &end); at != std::u32string::npos; at = next_mark(last, end, &end))
                option = end;
            if (option == std::u32string::npos ||
                !vocabulary.completes_option(text::to_utf8(last.substr(option)), lines_[tail].frags[0].text))
                continue;
            join_lines(i, out_[i] + lines_[tail].frags[0].text, tail);
        }
    }

    // The mark of a required item that pdftotext's raw order set on a line of its own after its
    // label (法令上の根拠 | ※ | １．…) is the label's, not the first word of a value of text (a
    // selection's or boxes' lines read past it as they are).
    void join_required_marks() {
        for (size_t i = 0; i < lines_.size(); ++i) {
            const Line& l = lines_[i];
            if (l.kind != Kind::label || l.frags.size() != 1 || !l.form_key ||
                value_kind_of_label(*l.form_key) != ValueKind::text)
                continue;
            const size_t mark = next_written(i + 1);
            if (mark >= lines_.size() || lines_[mark].page_break || lines_[mark].frags.size() != 1 ||
                lines_[mark].frags[0].text != "※")
                continue;
            join_lines(i, std::string(l.indent, ' ') + text::trim(out_[i]) + " ※", mark);
        }
    }

    // A section's numeral set apart from its title (Ⅰ | 関連情報: pdftotext's raw order of a numeral in
    // a cell of its own) is the heading with its title; alone it would end the value above it.
    void join_section_numerals() {
        constexpr size_t kMaxNumeralChars = 4;  // VIII
        for (size_t i = 0; i < lines_.size(); ++i) {
            const Line& l = lines_[i];
            if (l.frags.size() != 1 || l.kind == Kind::heading) continue;
            // Roman numerals are Ⅰ … Ⅻ (U+2160 .., E2 85 ..) or Latin I, V, X: other lines are passed over.
            const std::string& first = l.frags[0].text;
            if (first.size() > 3 * kMaxNumeralChars ||
                (!first.starts_with("\xE2\x85") && first[0] != 'I' && first[0] != 'V' && first[0] != 'X'))
                continue;
            const std::string numeral = compact_key(first);
            if (numeral.empty() || numeral.size() > kMaxNumeralChars ||
                numeral.find_first_not_of("IVX") != std::string::npos)
                continue;
            size_t title = i + 1;
            while (title < lines_.size() && lines_[title].kind == Kind::blank) ++title;
            if (title >= lines_.size() || lines_[title].frags.size() != 1 || lines_[title].page_break) continue;
            const std::string joined = text::trim(out_[i]) + " " + lines_[title].frags[0].text;
            if (!is_heading(text::trim(text::nfkc(joined)))) continue;
            join_lines(i, joined, title);
            i = title;
        }
    }

    // The value the column flow put under an item's title that labels it (3. 特定個人情報ファイル名
    // | 住民基本台帳ファイル, printed after the page's labels): its lines join the title's line as its
    // value cell, since every line not joined goes back to its place in the text. A value printed
    // under its title stays there, a line of its own.
    void join_moved_title_value(size_t i) {
        if (contents_[flow_order_[i]] || titled_value_key(out_[i]).empty()) return;
        const auto is_value = [&](size_t k) { return lines_[k].kind == Kind::plain || lines_[k].kind == Kind::other; };
        size_t first = i + 1;
        while (first < lines_.size() && lines_[first].kind == Kind::blank) ++first;
        if (first >= lines_.size() || !is_value(first)) return;
        const size_t placed_after = flow_order_[i] + (first - i);  // where it stands if nothing moved it
        if (flow_order_[first] >= flow_order_[i] && flow_order_[first] <= placed_after) return;
        std::string value;
        for (size_t k = first; k < lines_.size() && is_value(k); ++k) {
            join_text(value, text::trim(out_[k]));
            clear_line(k);
        }
        out_[i] += "\t" + value;
    }

    // A heading that carries its own choices (6. 情報提供ネットワークシステムとの接続 [○] 接続しない
    // (入手) …) wraps them onto the next line at column 0: that line is part of the heading.
    void join_wrapped_choices(size_t i) {
        if (i + 1 >= lines_.size()) return;
        const Line& next = lines_[i + 1];
        if (next.indent != 0 || (next.kind != Kind::plain && next.kind != Kind::other)) return;
        auto has_mark = [](const std::string& line) {
            return next_mark(text::to_u32(line), 0) != std::u32string::npos;
        };
        if (!has_mark(out_[i]) || !has_mark(out_[i + 1])) return;
        join_text(out_[i], text::trim(out_[i + 1]));
        out_[i + 1].clear();
        lines_[i + 1].kind = Kind::blank;
    }

    // Whether line i goes on the open row; takes it in if so.
    bool take(size_t i) {
        const Line& l = lines_[i];
        Row& r = *row_;
        if (l.kind == Kind::heading || l.kind == Kind::range || ends_name(r, l)) return false;
        const bool interrupted = r.gap || r.page_break;
        // After a blank line a value of (b) has ended, unless a page break came with it, or it is
        // a checkbox list that goes on: converters that write each text block a paragraph (mutool,
        // pdfminer) set blank lines between the lines of one list, even inside an option's label.
        const bool list_goes_on =
            r.value.lists_options() && std::any_of(l.frags.begin(), l.frags.end(), [](const Frag& f) {
                return next_mark(text::to_u32(f.text), 0) != std::u32string::npos;
            });
        const bool ended = !r.inline_value && !r.value.empty() && r.gap && !r.page_break && !list_goes_on;
        if (r.gap && !r.value.empty() && listed_name_goes_on(r, l)) {  // the next name, parted as a list parts them
            std::vector<Frag> name = l.frags;
            name[0].text = "、" + name[0].text;
            r.label_open = false;
            r.listing_names = true;
            return absorb(i, name);
        }
        // A line set in as far as the row's label (pdftotext may set a label a column further in
        // than the labels above it) stands in the label column as a line at the margin does.
        if (l.indent > 0 && l.indent != lines_[r.at].indent) {
            // An entry's value is its name: a numbered label under it opens the entry's first row,
            // however far in its nested table sets it (提供先 1 | 市町村長 … | ① 法令上の根拠 …).
            if (ended || opens_sub_field(l) || set_in_field(l) || (r.entry && l.kind == Kind::label && l.circled > 0))
                return false;
            // A label of the form that opens a page is the next row, wherever that page sets its
            // labels (a sheet's pages set them in as far as their first column holds text).
            if (r.page_break && (l.kind == Kind::label || l.kind == Kind::entry)) return false;
            // A label cut short by its column stays open: centred on a taller value, its last line
            // may stand below value lines (③他のシステムとの | value lines | 接続).
            if (!r.key || r.key->empty() || r.entry || Vocabulary::get().exact(r.labels.back())) r.label_open = false;
            return absorb(i, l.frags);
        }
        if (interrupted && (r.inline_value || ended)) return false;
        return take_column0(i);
    }

    // 基礎's ③システムの名称 lists the systems one a line, which a converter that writes each text
    // block a paragraph sets apart by blank lines: a short line without a sentence's stop goes on the
    // list (全項目's ①システムの名称 holds one name, its description follows).
    static bool listed_name_goes_on(const Row& r, const Line& l) {
        constexpr int kListedNamesField = 3;
        // (A list written in a sentence, names parted by 、, wraps within its paragraph.)
        auto one_name = [](const std::string& t) {
            return !text::longer_than(t, kMaxLabelChars) && !text::contains(t, "。") && !text::contains(t, "、");
        };
        return r.key == std::optional<std::string>("system_name") && r.circled == kListedNamesField &&
               l.kind != Kind::label && l.kind != Kind::entry && l.frags.size() == 1 && one_name(l.frags[0].text) &&
               (r.listing_names || !text::contains(r.value.text(), "、"));
    }

    // A line at column 0: more of the label cell, a value line of (b), or the next row.
    bool take_column0(size_t i) {
        const Line& l = lines_[i];
        Row& r = *row_;
        const std::vector<Frag> rest(l.frags.begin() + 1, l.frags.end());
        const bool fresh = !r.gap && !r.page_break;
        if (r.label_open && fresh && r.inline_value && l.frags.size() == 1) {
            // The label's tail, one space before more of the value (④提供する情報の対 [10万人以上… |
            // 象となる本人の数 100万人以上…): the tail joins the label, the rest is value.
            const std::string& first = l.frags[0].text;
            if (const size_t space = space_after_label(r.labels.back(), first);
                l.kind != Kind::label && space != std::string::npos) {
                join_text(r.labels.back(), first.substr(0, space));
                return absorb(i, {Frag{l.frags[0].col + text::length(first.substr(0, space)) + 1,
                                       text::trim(first.substr(space + 1))}});
            }
        }
        if (r.label_open && fresh && joins_label(l)) {
            join_text(r.labels.back(), l.frags[0].text);
            return absorb(i, rest);
        }
        if (r.label_open && fresh && second_label(l)) {
            r.labels.push_back(l.frags[0].text);
            return absorb(i, rest);
        }
        // Without columns a value's wrapped lines stand at the margin too; a group label (再委託) is
        // none of them.
        const bool wraps_on = (flat_ || wraps_at_margin(r)) && !is_group_label(l.frags[0].text);
        if (l.kind == Kind::label || l.kind == Kind::entry || unknown_label_row(l) || (r.inline_value && !wraps_on))
            return false;
        // A block of HTML (<p>…, <ul>…) after a value without markup is a cell of its own, not the
        // value's wrapped end: no line break puts a tag at a line's start (a split table cell of a
        // markdown-like text written one cell a line).
        if (!r.value.empty() && !r.value.starts_with_markup() && opens_with_tag(l.frags[0].text)) return false;
        // A group label alone on its line after a value is the cell above the labels it groups.
        if (!r.value.empty() && l.frags.size() == 1 && is_group_label(l.frags[0].text)) return false;
        if (r.value.empty() && no_value_of_cover_label(r, i)) return false;
        r.label_open = false;
        return absorb(i, l.frags);
    }

    // A cover label takes no line that looks like another cover field's value (公表日 | [平成29年5月
    // 様式2], 特記事項 | みどり市長: a cover whose blocks came out of order); the line stays for the
    // label it belongs to.
    bool no_value_of_cover_label(const Row& r, size_t i) const {
        const std::string key = r.key.value_or("");
        const bool field = std::any_of(std::begin(kCoverValueFields), std::end(kCoverValueFields),
                                       [&](const char* f) { return key == f; });
        if (!field && (r.labels.empty() || !FormLabels::get().is("cover", label_key(r.labels.back())))) return false;
        return looks_like_other_cover_value(field ? key : "", text::trim(out_[i]));
    }

    // A name is one paragraph: a list after it (①システムの名称 | 中間サーバー | 1. 符号管理機能 …) is
    // the description a converter or a split cell set under it, not more of the name. Names that are
    // a list themselves (基礎's ③システムの名称 | 1．健康管理システム | 2．…) go on with it.
    static bool ends_name(const Row& r, const Line& l) {
        return r.key && !r.value.empty() && !l.frags.empty() && is_name_label(*r.key) &&
               opens_list_item(l.frags[0].text) && !opens_list_item(r.value.text());
    }

    // A label of the form set in from the margin but left of the values (a table of three columns:
    // 再委託 | ④再委託の有無 | value, then | ⑤再委託の許諾方法 | value; ②保管期間 | 期間 | value, then
    // | その妥当性 | value): a row of its own, a field of the group above. Columns count code points, so
    // in a table laid out by display width (two columns a kanji) a row's value column moves with its
    // label's length; a wrapped value's lines stand at or right of it.
    bool opens_sub_field(const Line& l) const {
        constexpr size_t kColumnSlack = 2;
        return values_col_ != kNone && l.kind == Kind::label && !l.frags.empty() &&
               l.frags[0].col + kColumnSlack < values_col_;
    }

    // A numbered label of the form set in from the margin as far as values stand, with its value
    // beside it, no row at the margin having set where values stand (a sheet's third column:
    // システム1 | ①システムの名称 | value, the group's cell at the margin): a row of its own.
    bool set_in_field(const Line& l) const {
        return values_col_ == kNone && l.indent >= kMinValueIndent && l.kind == Kind::label && l.circled > 0 &&
               l.frags.size() >= 2;
    }

    static bool opens_with_tag(const std::string& s) {
        return s.size() > 1 && s[0] == '<' && std::isalpha(static_cast<unsigned char>(s[1]));
    }

    bool absorb(size_t i, const std::vector<Frag>& frags) {
        Row& r = *row_;
        r.value.add_line(frags);
        for (size_t h : r.held) out_[h].clear();  // footers inside the value
        r.held.clear();
        r.gap = r.page_break = false;
        r.taken.push_back(i);
        return true;
    }

    // The label's own line wrapped: the label and this line's first cell make one label.
    bool joins_label(const Line& l) const {
        const Row& r = *row_;
        const std::string& first = l.frags[0].text;
        // A group label (再委託) is a cell of its own, above the field labels it groups.
        if (l.kind == Kind::label || l.kind == Kind::entry || opens_with_bracket(first) || is_group_label(first))
            return false;
        const std::string joined = r.labels.back() + first;
        // (b) reads a label-only line's next line: only a whole label of the form may join there,
        // else a short value (平成27年10月5日) would.
        if (Vocabulary::get().exact(joined)) return true;
        if (!r.inline_value || l.frags.size() > 1) return false;  // 再委託 under ⑥委託先名 is a row of its own
        // A whole label takes no more words (②所属長の役職名 | なし: the next item's value, its title lost).
        if (Vocabulary::get().label(joined) && !Vocabulary::get().exact(r.labels.back())) return true;
        // An unknown label's short tail joins it; an entry's header (提供先1) is whole, and the
        // line after its name's first line is more of the name.
        return !r.key && !r.entry && l.kind == Kind::plain && text::length(first) <= kMaxLabelTail;
    }

    // A second line of the label cell that the markdown conversions keep as a cell of its own:
    // the field label under a group label (再委託 | ⑦再委託の有無), the same field named again
    // (②保管期間 | 期間), a choice printed in the label column ([システム用ファイル]).
    bool second_label(const Line& l) const {
        const Row& r = *row_;
        if (!r.inline_value || r.taken.size() + 1 != r.labels.size()) return false;
        if (l.kind == Kind::label && r.key && !r.key->empty() && l.form_key == r.key) return true;
        // One field label under a group label (再委託 | ⑦再委託の有無 ※): the group's cell may
        // print the field's value on its own line, the field's line the rest (＜選択肢＞ …).
        if (l.kind == Kind::label && !r.key && !r.entry && r.circled == 0 && l.circled > 0) return r.labels.size() == 1;
        // A sub-field's label with no value of its own under a group whose value stands on the
        // first line (④使用の主体 健康福祉部保険年金課 | 使用部署).
        if (l.kind == Kind::label && r.labels.size() == 1 && r.key && is_group(*r.key) && l.frags.size() == 1 &&
            no_value_follows(l))
            return true;
        return l.kind == Kind::other && opens_with_bracket(l.frags[0].text);
    }

    // Whether the line after `l` starts another row (so a label-only `l` has no value below it).
    bool no_value_follows(const Line& l) const {
        const size_t at = static_cast<size_t>(&l - lines_.data());
        const size_t next = next_content(at);
        if (next == kNone) return true;
        const Kind k = lines_[next].kind;
        return lines_[next].indent == 0 && (k == Kind::label || k == Kind::heading || k == Kind::entry);
    }

    // A row whose label the form's vocabulary does not hold: a short plain cell with a value beside it.
    static bool unknown_label_row(const Line& l) {
        return l.kind == Kind::plain && l.indent == 0 && l.frags.size() > 1 &&
               text::length(l.frags[0].text) <= kMaxUnknownLabelChars;
    }

    void open(size_t i) {
        const Line& l = lines_[i];
        if (i == data_row_) {
            data_row_ = kNone;
            if (l.indent == 0 && l.frags.size() > 1) return write_cells(i, l.frags);
        }
        const bool sub_field = l.indent > 0 && (opens_sub_field(l) || set_in_field(l));
        if (l.indent == 0) values_col_ = kNone;
        const bool labelled = (l.indent == 0 && (l.kind == Kind::label || l.kind == Kind::entry)) || sub_field;
        if (!labelled && !unknown_label_row(l)) return;
        if (l.kind == Kind::label) ++label_rows_;
        if (grid_header(i) || header_row(i) || header_pair(i) || change_header_column(i)) return;
        row_.emplace();
        Row& r = *row_;
        r.at = i;
        r.labels = {l.frags[0].text};
        r.key = l.kind == Kind::label ? l.form_key : std::nullopt;  // an entry's key is no label's
        r.circled = l.circled;
        r.entry = l.kind == Kind::entry;
        size_t value_from = 1;
        if (l.frags.size() > 1 && label_frag(l.frags[1])) {
            // A label with a field's label beside it (再委託 | ④再委託の有無 ※, ②保管期間 | 期間), or an
            // entry's header with its first field's (システム１ | ①システムの名称): both are the row's
            // labels, as the markdown conversions write such rows.
            r.labels.push_back(l.frags[1].text);
            value_from = 2;
        }
        r.inline_value = l.frags.size() > value_from;
        if (l.indent == 0 && r.inline_value) values_col_ = l.frags[value_from].col;
        r.value.add_line({l.frags.begin() + static_cast<long>(value_from), l.frags.end()});
    }

    // A label of the form, alone in its fragment (④再委託の有無 ※, 期間).
    static bool label_frag(const Frag& f) { return Vocabulary::get().label(f.text).has_value(); }

    // ---- the 変更箇所 table: columns under a header row (変更日  項目  変更前の記載 …) whose
    // cells wrap inside their columns, a row starting at a date in the first column.

    bool grid_header(size_t i) {
        const Line& l = lines_[i];
        if (l.indent != 0 || l.frags.size() < 3 || l.form_key != std::optional<std::string>("change_date"))
            return false;
        grid_cols_.clear();
        for (const auto& f : l.frags) grid_cols_.push_back(f.col);
        write_cells(i, l.frags);
        ++label_rows_;
        ++valued_rows_;
        return true;
    }

    // The same header in plain pdftotext: 変更日 alone on its line, the other column headers on lines
    // of their own nearby (a first row's date may come between them). They make one header row, so
    // that the table is read as the change table, not as rows of the form.
    bool change_header_column(size_t i) {
        constexpr size_t kSpan = 12;
        const Line& l = lines_[i];
        if (l.frags.size() != 1 || l.form_key != std::optional<std::string>("change_date")) return false;
        const FormLabels& f = FormLabels::get();
        std::vector<size_t> cells;
        for (size_t k = i + 1; k < lines_.size() && k <= i + kSpan; ++k)
            if (lines_[k].form_key != std::optional<std::string>("change_date") && is_change_header_cell(lines_[k]))
                cells.push_back(k);
        if (cells.empty()) return false;
        std::string row = l.frags[0].text;
        for (const size_t k : cells) {
            append_cell(row, lines_[k].frags[0].text);
            out_[k].clear();
            lines_[k].kind = Kind::blank;
        }
        out_[i] = row;
        ++label_rows_;
        ++valued_rows_;
        // Every column's header on the lines right after 変更日: the table was written one cell per
        // line. (A printed table cut by pdftotext wraps its cells and is read by the pdftotext reader.)
        cell_table_ = cells.size() == f.spellings("change_columns").size() && cells.back() == i + cells.size();
        return true;
    }

    // ---- the same table written one cell per line (a conversion that lost its columns): a row
    // opens at a date alone on its line and takes every line up to the next date. The table is
    // history and runs to the end of its part, so nothing else ends it.

    void cell_line(size_t i) {
        const Line& l = lines_[i];
        if (l.kind == Kind::blank || l.kind == Kind::footer) return;
        const std::string text = text::trim(out_[i]);
        // The table's heading and header, repeated on each of its pages.
        if (is_change_header_cell(l) || (l.kind == Kind::heading && FormLabels::get().in("annex_changes", text)))
            return out_[i].clear();
        // A date opens the next row once this one is complete (a version cell may be a date too).
        if (l.frags.size() == 1 && is_day_date(compact_key(text)) &&
            (cell_row_ == kNone || timing_cell(cell_texts_) != cell_texts_.end() || cell_texts_.size() >= 4)) {
            end_cell_row();
            cell_row_ = i;
        }
        if (cell_row_ == kNone) return;  // no row opened yet: the line stays as it was
        cell_texts_.push_back(text);
        out_[i].clear();
    }

    // The row's 提出時期 cell (事前/事後), or end().
    static std::vector<std::string>::const_iterator timing_cell(const std::vector<std::string>& cells) {
        const auto& words = FormLabels::get().spellings("change_timing");
        return std::find_if(cells.begin() + (cells.empty() ? 0 : 1), cells.end(), [&](const std::string& c) {
            return std::find(words.begin(), words.end(), c) != words.end();
        });
    }

    // The row's cells in the table's columns. Only its filled cells were written, so the columns
    // are found from the 提出時期 word (事前/事後): before it the item and the two versions, after it
    // the explanation; without it, the cells in column order.
    void end_cell_row() {
        if (cell_row_ == kNone) return;
        const auto timing = timing_cell(cell_texts_);
        std::vector<std::string> cells = cell_texts_;
        if (timing != cell_texts_.end()) {
            const auto at = static_cast<size_t>(timing - cell_texts_.cbegin());
            std::vector<std::string> head(cell_texts_.cbegin(), timing);  // date, item, versions
            // One version alone is the text after the change: an empty 変更前 is an addition.
            if (head.size() == 3) head.insert(head.begin() + 2, std::string());
            head.resize(std::max<size_t>(head.size(), 4));
            if (at > 4) {  // more than two version lines: the versions' own lines, kept whole
                for (size_t k = 4; k < at; ++k) join_text(head[3], cell_texts_[k]);
                head.resize(4);
            }
            cells = head;
            cells.push_back(*timing);
            std::string explanation;
            for (auto it = timing + 1; it != cell_texts_.end(); ++it) join_text(explanation, *it);
            cells.push_back(explanation);
        }
        std::string row;
        for (const auto& c : cells) append_cell(row, c);
        out_[cell_row_] = row;
        cell_row_ = kNone;
        cell_texts_.clear();
    }

    // A line while the table is open: a new row, more of the row's cells, or the table's end.
    bool grid_line(size_t i) {
        const Line& l = lines_[i];
        if (l.kind == Kind::blank || l.kind == Kind::footer) return true;
        const bool starts_row = l.indent == 0 && looks_like_date(l.frags[0].text);
        if (!starts_row && l.indent == 0 && (l.kind == Kind::heading || l.kind == Kind::label || l.kind == Kind::entry))
            return false;
        if (cells_at_foot_) {
            // A row's cells end on its last line, its date's: the lines before the date are the
            // row's, and so is a line after it that goes on in the date's column (平成29年9月29 | 日).
            if (grid_row_ != kNone && !starts_row && l.indent == 0) {
                join_grid_line(i);
                return true;
            }
            end_grid_row();
            grid_held_.push_back(i);
            if (!starts_row) return true;
            grid_row_ = i;
            grid_cells_.assign(grid_cols_.size(), std::string());
            for (size_t k : grid_held_) join_grid_line(k);
            grid_held_.clear();
            return true;
        }
        if (starts_row) {
            end_grid_row();
            grid_row_ = i;
            grid_cells_.assign(grid_cols_.size(), std::string());
        }
        if (grid_row_ != kNone)
            join_grid_line(i);
        else
            out_[i].clear();  // the header's wrapped tail
        return true;
    }

    // A line of the open table row, cut at the columns: written with the row.
    void join_grid_line(size_t i) {
        const auto pieces = grid_pieces(text::to_u32(out_[i]));
        for (size_t k = 0; k < pieces.size(); ++k) join_text(grid_cells_[k], pieces[k]);
        out_[i].clear();
    }

    // The line cut at the columns' starts. pdftotext's character grid lets CJK text drift a few
    // columns from its header, so a cut goes to the word start nearest the header's column
    // (within kGridDrift), else stays at the column.
    std::vector<std::string> grid_pieces(const std::u32string& s) const {
        std::vector<size_t> cuts{0};
        for (size_t k = 1; k < grid_cols_.size(); ++k) {
            const size_t col = grid_cols_[k], floor = cuts.back() + 1;
            size_t best = std::max(col, floor), distance = kGridDrift + 1;
            for (size_t p = floor; p < s.size() && p <= col + kGridDrift; ++p) {
                const bool word_start = s[p] != U' ' && s[p - 1] == U' ';
                const size_t d = p > col ? p - col : col - p;
                if (word_start && d < distance) best = p, distance = d;
            }
            cuts.push_back(std::min(best, s.size()));
        }
        std::vector<std::string> out;
        for (size_t k = 0; k < cuts.size(); ++k) {
            const size_t end = k + 1 < cuts.size() ? std::max(cuts[k + 1], cuts[k]) : s.size();
            out.push_back(text::trim(text::to_utf8(s.substr(cuts[k], end - cuts[k]))));
        }
        return out;
    }

    void end_grid_row() {
        if (grid_row_ == kNone) return;
        std::string line;
        for (const auto& c : grid_cells_) append_cell(line, c);
        out_[grid_row_] = line;
        grid_row_ = kNone;
    }

    void end_grid() {
        end_grid_row();
        grid_held_.clear();  // lines after the last row's date: as they were written
        grid_cols_.clear();
    }

    // A header row (評価書番号  評価書名): labels only; the line after it holds their values.
    bool header_row(size_t i) {
        const Line& l = lines_[i];
        if (l.frags.size() < 2) return false;
        for (size_t k = 1; k < l.frags.size(); ++k)
            if (!Vocabulary::get().label(l.frags[k].text)) return false;
        write_cells(i, l.frags);
        ++valued_rows_;
        data_row_ = next_content(i);
        return true;
    }

    // The same header in (b): two cover labels on two lines, their two values on the next two.
    bool header_pair(size_t i) {
        if (i + 3 >= lines_.size()) return false;
        const Line &a = lines_[i], &b = lines_[i + 1];
        const FormLabels& f = FormLabels::get();
        auto cover = [&](const Line& l) {
            return l.kind == Kind::label && l.frags.size() == 1 && l.indent == 0 &&
                   f.is("cover", label_key(l.frags[0].text));
        };
        auto value = [&](const Line& l) {
            return l.kind != Kind::blank && l.kind != Kind::label && l.kind != Kind::heading && l.frags.size() == 1;
        };
        if (!cover(a) || !cover(b) || !value(lines_[i + 2]) || !value(lines_[i + 3])) return false;
        out_[i] = a.frags[0].text + "\t" + lines_[i + 2].frags[0].text;
        out_[i + 1] = b.frags[0].text + "\t" + lines_[i + 3].frags[0].text;
        out_[i + 2].clear();
        out_[i + 3].clear();
        ++label_rows_;
        valued_rows_ += 2;
        lines_[i + 1].kind = lines_[i + 2].kind = lines_[i + 3].kind = Kind::blank;
        return true;
    }

    size_t next_content(size_t i) const {
        for (size_t k = i + 1; k < lines_.size(); ++k)
            if (lines_[k].kind != Kind::blank && lines_[k].kind != Kind::footer) return k;
        return kNone;
    }

    void write_cells(size_t i, const std::vector<Frag>& frags) {
        std::string line;
        for (const auto& f : frags) append_cell(line, f.text);
        out_[i] = line;
    }

    void close() {
        if (!row_) return;
        const Row& r = *row_;
        if (r.key && !r.value.empty()) ++valued_rows_;
        std::string line;
        for (const auto& l : r.labels) append_cell(line, l);
        if (r.unlabelled)
            line = "\t" + r.value.text();
        else if (!r.value.empty())
            append_cell(line, r.value.text());
        out_[r.at] = line;
        for (size_t t : r.taken) out_[t].clear();
        row_.reset();
    }
};

// Rows that are tab-separated already are the markdown parser's own input. Asked before the
// rebuilder reads every line: on such a text (most conversions) that reading is all thrown away.
// A text whose rows are tab-separated already: a few different labels of the form open a tab row
// (a table that repeats its header on each page, 変更日 | 項目 | …, counts once).
constexpr size_t kMinTabbedLabels = 3;
bool already_rows(const Document& doc) {
    std::set<std::string> keys;
    for (const auto& l : doc.lines) {
        if (l.find('\t') == std::string::npos) continue;
        const Line line = read_line(l);
        if (line.kind == Kind::label && line.form_key) keys.insert(*line.form_key);
        if (keys.size() >= kMinTabbedLabels) return true;
    }
    return false;
}

}  // namespace

std::optional<Document> rows_from_layout(const Document& doc) {
    if (already_rows(doc)) return std::nullopt;
    return Rebuilder(doc).run();
}

}  // namespace piagraph::extract_detail
