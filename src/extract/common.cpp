#include "common.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <regex>
#include <set>
#include <unordered_map>

#include "budget.hpp"
#include "form_labels.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

namespace {

// Marks become private-use code points so that the option scanner sees one character per mark.
constexpr char32_t kChecked = 0xE000;
constexpr char32_t kUnchecked = 0xE001;
constexpr char32_t kRadio = 0xE002;  // radio input without "checked": read as checked, flagged inferred

bool is_sentinel(char32_t c) { return c == kChecked || c == kUnchecked || c == kRadio; }

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Replaces HTML tags: an <input> becomes a mark sentinel (when keep_marks), any other tag a space.
// A radio input without "checked" is one converter's way of writing a filled circle (001 notes), unless
// the same value also has an explicitly checked radio: then the plain ones are the unselected ones.
bool has_explicit_checked_radio(std::string_view s) {
    for (size_t at = s.find("<input"); at != std::string_view::npos; at = s.find("<input", at + 1)) {
        const size_t close = s.find('>', at);
        const std::string tag = lower(std::string(s.substr(at, close == std::string_view::npos ? 0 : close - at)));
        if (text::contains(tag, "radio") && text::contains(tag, "checked")) return true;
    }
    return false;
}

}  // namespace

std::optional<std::pair<char32_t, size_t>> numeric_reference(std::string_view s, size_t at) {
    constexpr size_t kMaxDigits = 8;
    if (s.compare(at, 2, "&#") != 0) return std::nullopt;
    const bool hex = at + 2 < s.size() && (s[at + 2] == 'x' || s[at + 2] == 'X');
    const size_t digits = at + (hex ? 3 : 2);
    const size_t end = s.find(';', digits);
    if (end == std::string_view::npos || end == digits || end - digits > kMaxDigits) return std::nullopt;
    const std::string number(s.substr(digits, end - digits));
    if (number.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
        return std::nullopt;
    const auto code = static_cast<char32_t>(std::stoul(number, nullptr, hex ? 16 : 10));
    if (code < 0x20 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return std::nullopt;
    return std::pair{code, end + 1 - at};
}

bool is_box_glyph(char32_t c) { return c == U'■' || c == U'□' || c == U'☑' || c == U'☐' || c == U'☒'; }
bool is_unchecked_box_glyph(char32_t c) { return c == U'□' || c == U'☐'; }

namespace {

std::string replace_tags(std::string_view s, bool keep_marks) {
    std::string out;
    out.reserve(s.size());
    const char32_t plain_radio = keep_marks && has_explicit_checked_radio(s) ? kUnchecked : kRadio;
    // The next '<' and '&', each found by one memchr and looked for again only once passed
    // (string_view::find_first_of runs a memchr per byte).
    size_t next_lt = s.find('<'), next_amp = s.find('&');
    for (size_t i = 0; i < s.size(); ++i) {
        if (next_lt != std::string_view::npos && next_lt < i) next_lt = s.find('<', i);
        if (next_amp != std::string_view::npos && next_amp < i) next_amp = s.find('&', i);
        // Text between tags and entities is copied in one piece.
        const size_t special = std::min({next_lt, next_amp, s.size()});
        out.append(s.data() + i, special - i);
        if (special == s.size()) break;
        i = special;
        const char c = s[i];
        if (c == '<' && i + 1 < s.size() && (ascii_alpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
            const size_t close = s.find('>', i);
            if (close != std::string_view::npos) {
                const std::string tag = lower(std::string(s.substr(i, close - i + 1)));
                if (keep_marks && text::starts_with(tag, "<input")) {
                    const bool checked = text::contains(tag, "checked");
                    const bool radio = text::contains(tag, "radio");
                    out += text::to_utf8(checked ? kChecked : radio ? plain_radio : kUnchecked);
                } else {
                    out += ' ';
                }
                i = close;
                continue;
            }
        }
        if (c == '&') {
            // Numeric references, those of markup among them (the line repairs leave these: read
            // before the tags are, they would open one), then the named ones.
            if (const auto ref = numeric_reference(s, i)) {
                out += text::to_utf8(ref->first);
                i += ref->second - 1;
                continue;
            }
            static const std::pair<const char*, const char*> entities[] = {
                {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&nbsp;", " "}};
            bool done = false;
            for (const auto& [name, value] : entities) {
                if (s.substr(i, std::char_traits<char>::length(name)) == name) {
                    out += value;
                    i += std::char_traits<char>::length(name) - 1;
                    done = true;
                    break;
                }
            }
            if (done) continue;
        }
        out += c;
    }
    return out;
}

const std::u32string& bare_checked_chars() {
    static const std::u32string chars = U"○〇◯●◎■☑☒✓✔";
    return chars;
}

// The checked-mark spellings of the dictionary, NFKC, as code-point strings.
const std::vector<std::u32string>& checked_spellings() {
    static const std::vector<std::u32string> spellings = [] {
        std::vector<std::u32string> out;
        for (const auto& m : Dictionary::get().checked_marks()) out.push_back(text::to_u32(text::nfkc(m)));
        return out;
    }();
    return spellings;
}

// Where the box opened at t[open] closes: its closer within kMaxBoxChars written code points and
// kMaxBoxSpaces spaces; npos if there is none.
size_t box_closer(std::u32string_view t, size_t open, char32_t closer) {
    constexpr size_t kMaxBoxChars = 8, kMaxBoxSpaces = 64;
    size_t chars = 0, spaces = 0;
    for (size_t k = open + 1; k < t.size(); ++k) {
        if (t[k] == closer) return k;
        if (text::is_space(t[k]) ? ++spaces > kMaxBoxSpaces : ++chars >= kMaxBoxChars) break;
    }
    return std::u32string_view::npos;
}

// The value as code points: NFKC, tags removed, every mark spelling replaced by one sentinel.
std::u32string prepare(std::string_view value) {
    std::u32string t = text::to_u32(text::nfkc(replace_tags(value, true)));
    std::u32string out;
    out.reserve(t.size());
    for (size_t i = 0; i < t.size(); ++i) {
        const char32_t c = t[i];
        if (c == U'[' || c == U'【') {
            const char32_t closer = c == U'[' ? U']' : U'】';
            // A box is short: its closer is looked for within the next 8 written code points only.
            // Spaces do not count: a printer that justifies a line of options widens an empty box
            // (【                】住民基本台帳ネットワークシステム, as -layout sets it).
            const size_t close = box_closer(t, i, closer);
            if (close != std::u32string::npos) {
                std::u32string inner;
                for (size_t k = i + 1; k < close; ++k)
                    if (!text::is_space(t[k])) inner += t[k];
                char32_t mark = 0;
                if (inner.empty())
                    mark = kUnchecked;
                else if (inner.size() == 1 && is_sentinel(inner[0]))
                    mark = inner[0];
                else if (std::find(checked_spellings().begin(), checked_spellings().end(), inner) !=
                         checked_spellings().end())
                    mark = kChecked;
                if (mark) {
                    out += mark;
                    i = close;
                    continue;
                }
            }
        }
        const bool alone_before = i == 0 || text::is_space(t[i - 1]) || t[i - 1] == U'>' || is_sentinel(t[i - 1]);
        // Box glyphs may touch their label (■紙 □電子メール); a circle must stand alone (○○課 is a name).
        const bool alone_after = i + 1 >= t.size() || text::is_space(t[i + 1]) || is_box_glyph(c);
        if (alone_before && alone_after) {
            if (bare_checked_chars().find(c) != std::u32string::npos) {
                out += kChecked;
                continue;
            }
            if (is_unchecked_box_glyph(c)) {
                out += kUnchecked;
                continue;
            }
        }
        out += c;
    }
    return out;
}

// The prepared text without white space, with the index of each kept character in the original.
struct Compact {
    std::u32string full;
    std::u32string text;
    std::vector<size_t> pos;
};

Compact compact(std::string_view value) {
    Compact c;
    c.full = prepare(value);
    c.text.reserve(c.full.size());
    c.pos.reserve(c.full.size());
    for (size_t i = 0; i < c.full.size(); ++i) {
        if (text::is_space(c.full[i])) continue;
        c.text += c.full[i];
        c.pos.push_back(i);
    }
    return c;
}

struct Candidate {
    std::u32string key;
    std::string label;
    std::string written;
};

std::u32string key32(std::string_view s) {
    std::u32string out;
    for (char32_t c : text::to_u32(text::nfkc(s)))
        if (!text::is_space(c)) out += c;
    return out;
}

// The labels of a group and the aliases (dictionary "method_aliases") that map into it, longest
// first; and, for the scan of find_options, the candidates by their first code point (in the same
// order), so that a position is compared with the few candidates that can start there.
struct Candidates {
    std::vector<Candidate> all;
    std::unordered_map<char32_t, std::vector<const Candidate*>> by_first;
};

const Candidates& candidates(const std::string& group) {
    thread_local std::map<std::string, Candidates> cache;  // batch extracts in parallel
    auto it = cache.find(group);
    if (it != cache.end()) return it->second;
    const auto& dict = Dictionary::get();
    std::vector<Candidate> out;
    const auto& labels = dict.options(group);
    for (const auto& label : labels) out.push_back({key32(label), label, label});
    for (auto& [alias, target] : dict.raw().at("method_aliases").items()) {
        const std::string t = target.get<std::string>();
        if (std::find(labels.begin(), labels.end(), t) != labels.end()) out.push_back({key32(alias), t, alias});
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.key.size() > b.key.size(); });
    Candidates& made = cache[group];
    made.all = std::move(out);
    for (const auto& cand : made.all)
        if (!cand.key.empty()) made.by_first[cand.key[0]].push_back(&cand);
    return made;
}

// Where a printed option list starts in a compact text (＜選択肢＞, or （選択肢：… as a tool prints the
// list after the value on its line), and the marker's length; {npos, 0} for none.
std::pair<size_t, size_t> option_list_start(std::u32string_view compact) {
    static const std::vector<std::u32string> markers = [] {
        std::vector<std::u32string> out;
        for (const auto& spelling : FormLabels::get().spellings("option_list")) out.push_back(text::to_u32(spelling));
        return out;
    }();
    std::pair<size_t, size_t> first{std::u32string_view::npos, 0};
    for (const auto& marker : markers)
        if (const size_t at = compact.find(marker); at < first.first) first = {at, marker.size()};
    return first;
}

std::string trimmed_utf8(const std::u32string& s, size_t from, size_t to) {
    return text::squeeze(text::to_utf8(std::u32string_view(s).substr(from, to - from)));
}

std::u32string without_marks(std::u32string_view s) {
    std::u32string out;
    for (char32_t c : s)
        if (!is_sentinel(c) && c != U'[' && c != U']' && c != U'【' && c != U'】') out += c;
    return out;
}

}  // namespace

bool holds_change_column_titles(std::string_view compact) {
    const auto& words = FormLabels::get().spellings("change_header");
    return !compact.empty() &&
           std::all_of(words.begin(), words.end(), [&](const std::string& w) { return text::contains(compact, w); });
}

bool is_option_list_line(const std::string& t) {
    const std::string n = text::nfkc(t);
    // Every spelling of the marker opens with a bracket (<選択肢>, (選択肢:): other lines are not
    // normalised again.
    if (const size_t first = n.find_first_not_of(" \t");
        first != std::string::npos && (n[first] == '<' || n[first] == '(')) {
        constexpr size_t kMarkerBytes = 16;  // the longest spelling's bytes, at least
        if (option_list_start(text::to_u32(text::nfkc_compact_head(n, kMarkerBytes))).first == 0) return true;
    }
    size_t i = 0;
    while (i < n.size() && n[i] >= '0' && n[i] <= '9') ++i;
    return i > 0 && i < n.size() && n[i] == ')';
}

std::string without_dangling_tail(const std::string& s) {
    int depth = 0;
    for (size_t i = 0; i < s.size(); i += text::char_bytes(s, i)) {
        const std::string_view c = std::string_view(s).substr(i, text::char_bytes(s, i));
        if (c == "（" || c == "(") {
            ++depth;
        } else if (c == "）" || c == ")") {
            if (depth == 0) return text::trim(s.substr(i + c.size()));
            --depth;
        }
    }
    return s;
}

bool is_group_label(const std::string& t) {
    // A cell a few times longer than the longest group label (spaces, a note mark) is none: it is
    // not normalised (most cells asked about are a value's lines).
    constexpr size_t kMaxWrittenBytesPerKeyByte = 4;
    static const std::set<std::string, std::less<>> groups = [] {
        std::set<std::string, std::less<>> keys;
        for (const auto& g : Dictionary::get().list("/value_kinds/group_labels")) keys.insert(compact_key(g));
        return keys;
    }();
    static const size_t longest = [] {
        size_t most = 0;
        for (const auto& g : groups) most = std::max(most, g.size());
        return most;
    }();
    return t.size() <= kMaxWrittenBytesPerKeyByte * longest && groups.count(compact_key(t)) > 0;
}

bool has_box_bracket(std::string_view s) {
    // One pass over the bytes: 【 and 】 are E3 80 90 / E3 80 91, ［ and ］ EF BC BB / EF BC BD, and E3
    // opens most Japanese characters, so searching for them as strings would compare at nearly
    // every byte.
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '[' || c == ']') return true;
        if (c == '\xE3' && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\x90' || s[i + 2] == '\x91'))
            return true;
        if (c == '\xEF' && i + 2 < s.size() && s[i + 1] == '\xBC' && (s[i + 2] == '\xBB' || s[i + 2] == '\xBD'))
            return true;
    }
    return false;
}

bool may_hold_mark(std::string_view s) {
    if (has_box_bracket(s)) return true;
    // Else a tag, a character reference, or a glyph: ■ □ ○ ● ◎ ☐ ☑ ☒ are E2 96 … E2 98, ✓ ✔ E2 9C,
    // 〇 E3 80 87 (the ranges hold more than these, which only lets a few more rows be read).
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '<' || c == '&') return true;
        if (i + 1 >= s.size()) break;
        const auto next = static_cast<unsigned char>(s[i + 1]);
        if (c == '\xE2' && ((next >= 0x96 && next <= 0x98) || next == 0x9C)) return true;
        if (c == '\xE3' && next == 0x80 && i + 2 < s.size() && s[i + 2] == '\x87') return true;
    }
    return false;
}

std::optional<bool> mark_state(std::string_view token) {
    // Without tags or entities a mark is at most "[" + seven code points + "]" between spaces,
    // and without brackets too a single character; other tokens (most lines of a document) are
    // refused before they are normalised.
    if (std::none_of(token.begin(), token.end(), [](char c) { return c == '<' || c == '&'; })) {
        size_t visible = 0;
        for (size_t i = 0; i < token.size() && visible <= 9;) {
            if (const size_t space = text::space_at(token, i)) {
                i += space;
                continue;
            }
            if ((static_cast<unsigned char>(token[i]) & 0xC0) != 0x80) ++visible;
            ++i;
        }
        if (visible > 9 || (visible > 1 && !has_box_bracket(token))) return std::nullopt;
    }
    const std::u32string p = prepare(text::trim(token));
    std::u32string kept;
    for (char32_t c : p)
        if (!text::is_space(c)) kept += c;
    if (kept.size() != 1 || !is_sentinel(kept[0])) return std::nullopt;
    return kept[0] != kUnchecked;
}

std::string box_glyphs_as_brackets(std::string_view s) {
    // ■ □ are E2 96 A0 / A1 and ☐ ☑ ☒ E2 98 90 … 92: most lines hold no E2 96 or E2 98 at all.
    bool any = false;
    for (size_t i = 0; i + 1 < s.size() && !any; ++i)
        any = s[i] == '\xE2' && (s[i + 1] == '\x96' || s[i + 1] == '\x98');
    if (!any) return std::string(s);
    const std::u32string u = text::to_u32(s);
    std::u32string out;
    out.reserve(u.size() + 8);
    for (size_t i = 0; i < u.size(); ++i) {
        const bool opens_token = i == 0 || text::is_space(u[i - 1]);
        if (!is_box_glyph(u[i]) || !opens_token) {
            out += u[i];
            continue;
        }
        out += is_unchecked_box_glyph(u[i]) ? U"[ ]" : U"[○]";
        if (i + 1 < u.size() && !text::is_space(u[i + 1])) out += U' ';
    }
    return text::to_utf8(out);
}

std::string strip_html(std::string_view s) {
    budget_tick();  // every reader strips its cells: a point where the time is checked
    // Most cells hold no tag and no entity: then there is nothing to replace.
    if (s.find('<') == std::string_view::npos && s.find('&') == std::string_view::npos) return text::squeeze(s);
    return text::squeeze(replace_tags(s, false));
}

std::string html_as_text(std::string_view s) {
    if (s.find('<') == std::string_view::npos && s.find('&') == std::string_view::npos) return text::squeeze(s);
    const std::u32string marked = text::to_u32(replace_tags(s, true));
    std::u32string out;
    out.reserve(marked.size());
    for (const char32_t c : marked) {
        if (c == kChecked || c == kRadio)
            out += U" [○] ";
        else if (c == kUnchecked)
            out += U" [ ] ";
        else
            out += c;
    }
    std::string squeezed = text::squeeze(text::to_utf8(out));
    // An input a converter wrote inside the form's own brackets ([<input checked>]) is one box.
    for (const auto& [nested, box] : {std::pair{"[ [○] ]", "[○]"}, std::pair{"[ [ ] ]", "[ ]"}})
        for (size_t at = squeezed.find(nested); at != std::string::npos; at = squeezed.find(nested, at))
            squeezed.replace(at, std::string_view(nested).size(), box);
    return squeezed;
}

std::vector<OptionHit> find_options(std::string_view value, const std::string& group) {
    budget_tick();
    std::vector<OptionHit> hits;
    const Compact c = compact(value);
    const auto& by_first = candidates(group).by_first;
    const size_t list_start = option_list_start(c.text).first;
    size_t i = 0;
    while (i < c.text.size()) {
        const Candidate* match = nullptr;
        if (const auto starting = by_first.find(c.text[i]); starting != by_first.end())
            for (const Candidate* cand : starting->second)
                if (c.text.compare(i, cand->key.size(), cand->key) == 0) {
                    match = cand;
                    break;
                }
        if (!match) {
            ++i;
            continue;
        }
        OptionHit hit;
        hit.label = match->label;
        hit.written = match->written;
        // The mark right before the label, or before its option number (■ 1) 実施する: a selection
        // printed as its marked list).
        size_t at = i;
        if (at > 1 && c.text[at - 1] == U')') {
            size_t digits = at - 1;
            while (digits > 0 && at - 1 - digits < 2 && c.text[digits - 1] >= U'0' && c.text[digits - 1] <= U'9')
                --digits;
            if (digits < at - 1 && digits > 0 && is_sentinel(c.text[digits - 1])) at = digits;
        }
        if (at > 0 && is_sentinel(c.text[at - 1])) {
            hit.mark = c.text[at - 1] != kUnchecked;
            hit.radio_inferred = c.text[at - 1] == kRadio;
        }
        size_t j = i + match->key.size();
        // A selection is printed in a box, [ 実施する ] or 【 実施する 】.
        // After ＜選択肢＞ the form prints the options of a choice, unmarked (1) 実施する 2) …); an option
        // in a box there is one of a checkbox group that the marker heads (＜選択肢＞ 【○】庁内連携システム).
        hit.in_option_list = list_start != std::u32string::npos && i > list_start && !hit.mark;
        hit.bracketed =
            i > 0 && j < c.text.size() &&
            ((c.text[i - 1] == U'[' && c.text[j] == U']') || (c.text[i - 1] == U'【' && c.text[j] == U'】'));
        if (j < c.text.size() && c.text[j] == U'(') {
            // The matching ")" (names may hold brackets of their own). A column-major layout can put
            // other options between "その他（" and its "）": then there is no detail here.
            size_t close = std::u32string::npos;
            int depth = 0;
            bool ends_open = true;  // the value ends inside the bracket, no other box after it
            for (size_t k = j; k < c.text.size(); ++k) {
                if (is_sentinel(c.text[k])) {
                    ends_open = false;
                    break;
                }
                if (c.text[k] == U'(') ++depth;
                if (c.text[k] == U')' && --depth == 0) {
                    close = k;
                    break;
                }
            }
            // A detail open at the value's end: its ")" lost, or set elsewhere by rows rebuilt from
            // two columns (□ 税務システム） ■ その他（ 中間サーバー、国民健康保険システム). Not a list
            // cut after its separator (（団体内統合宛名システム、): its rest is on a line below.
            if (close == std::u32string::npos && ends_open && depth == 1 && j + 1 < c.text.size() &&
                c.text.back() != U'、' && c.text.back() != U',') {
                hit.detail = trimmed_utf8(c.full, c.pos[j] + 1, c.full.size());
                j = c.text.size();
            }
            if (close != std::u32string::npos) {
                hit.detail = close > j + 1 ? trimmed_utf8(c.full, c.pos[j] + 1, c.pos[close]) : "";
                j = close + 1;
                if (j < c.text.size() && c.text[j] == U'件') {
                    const int n = text::parse_number(hit.detail);
                    if (n >= 0) hit.count = n;
                    hit.detail.clear();
                    ++j;
                }
            }
        }
        hits.push_back(std::move(hit));
        i = j;
    }
    return hits;
}

// その他 checked without its （detail）, which a later option unchecked holds (［○］その他 ［ ］税務システム
// （ 生活保護支援システム ）: the detail printed after the cell's last option): the detail is その他's.
// In a group where only その他 holds a detail (value_kinds.detailed_options lists the others), a
// later option checked gives it too: rows rebuilt from two columns of boxes set the detail after
// the right column's last box (［○］その他 … ［○］税務システム（中間サーバー）).
void give_detail_to_other(std::vector<OptionHit>& hits, const std::string& group) {
    static const std::vector<std::string> detailed = Dictionary::get().list("/value_kinds/detailed_options");
    const bool only_other_details = std::find(detailed.begin(), detailed.end(), group) == detailed.end();
    const std::string& other = Dictionary::get().form_label("other_option");
    const auto open = std::find_if(hits.begin(), hits.end(), [&](const OptionHit& h) {
        return h.label == other && h.mark.value_or(false) && h.detail.empty();
    });
    if (open == hits.end()) return;
    for (auto h = open + 1; h != hits.end(); ++h)
        if ((h->mark == std::optional<bool>(false) || (only_other_details && h->label != other)) &&
            !h->detail.empty()) {
            open->detail = std::move(h->detail);
            h->detail.clear();
            return;
        }
}

Choices read_choices(std::string_view value, const std::string& group) {
    Choices out;
    bool filled = false;
    std::vector<OptionHit> hits = find_options(value, group);
    give_detail_to_other(hits, group);
    for (auto& hit : hits) {
        if (hit.in_option_list) continue;
        if (hit.mark) out.any_mark = true;
        if (!hit.detail.empty() || hit.count) filled = true;
        if (hit.mark.value_or(false)) out.checked.push_back(hit);
        out.hits.push_back(std::move(hit));
    }
    out.lost_marks = out.checked.empty() && filled;
    return out;
}

bool holds_no_option(const Choices& choices, std::string_view value) {
    if (!choices.hits.empty()) return false;
    const std::string written = text::trim(strip_html(value));
    return !written.empty() && !is_dash_only(written);
}

std::optional<std::string> selected_option(std::string_view value, const std::string& group) {
    const auto hits = find_options(value, group);
    std::optional<std::string> checked;
    bool ambiguous = false;
    for (const auto& h : hits) {
        if (h.in_option_list || !h.mark.value_or(false)) continue;
        if (checked && *checked != h.label) ambiguous = true;
        checked = h.label;
    }
    if (checked) return ambiguous ? std::nullopt : checked;
    for (const auto& h : hits)
        if (h.bracketed && !h.in_option_list) return h.label;
    // The printed list numbers its options (1) 実施する): a bracketed one after ＜選択肢＞ is the value,
    // which a laid-out page set below the list's first line (＜選択肢＞ | ［実施する］ | 1) 実施する …).
    for (const auto& h : hits)
        if (h.bracketed) return h.label;
    const Compact c = compact(value);
    const auto& cands = candidates(group).all;
    auto exact = [&](const std::u32string& s) -> std::optional<std::string> {
        for (const auto& cand : cands)
            if (cand.key == s) return cand.label;
        return std::nullopt;
    };
    // A bare value before the printed list: 再委託しない ＜選択肢＞ 1) 再委託する 2) 再委託しない
    const auto [list_start, marker_size] = option_list_start(c.text);
    if (list_start != std::u32string::npos && list_start > 0)
        if (auto v = exact(without_marks(std::u32string_view(c.text).substr(0, list_start)))) return v;
    // A bare value between ＜選択肢＞ and the list's first number: ＜選択肢＞ 実施する 1) 実施する … (a
    // sheet's value cell printed after the cell of the list's marker).
    if (list_start != std::u32string::npos) {
        const size_t from = list_start + marker_size;
        size_t number = from;
        while (number + 1 < c.text.size() &&
               !(c.text[number] >= U'0' && c.text[number] <= U'9' && c.text[number + 1] == U')'))
            ++number;
        if (number + 1 < c.text.size() && number > from)
            if (auto v = exact(without_marks(std::u32string_view(c.text).substr(from, number - from)))) return v;
    }
    // A lone option in the first block, the list (maybe incomplete) in the next ones.
    const size_t first_div = value.find("</div>");
    if (first_div != std::string_view::npos && hits.size() >= 2) {
        const Compact head = compact(value.substr(0, first_div));
        if (auto v = exact(without_marks(head.text))) return v;
    }
    return std::nullopt;
}

const std::string& written(const std::string& key) {
    static const auto words = [] {
        std::map<std::string, std::string, std::less<>> out;
        for (const auto& [name, word] : Dictionary::get().raw().at("written").items())
            if (word.is_string()) out.emplace(name, word.get<std::string>());
        return out;
    }();
    return words.at(key);
}

const std::vector<std::string>& written_list(const std::string& key) {
    static const auto lists = [] {
        std::map<std::string, std::vector<std::string>, std::less<>> out;
        for (const auto& [name, list] : Dictionary::get().raw().at("written").items())
            if (list.is_array()) out.emplace(name, list.get<std::vector<std::string>>());
        return out;
    }();
    return lists.at(key);
}

std::string regex_alternatives(const std::vector<std::string>& words) {
    static const std::string special = R"(\^$.|?*+()[]{}-)";
    std::string out = "(?:";
    for (size_t i = 0; i < words.size(); ++i) {
        if (i) out += '|';
        for (char c : words[i]) {
            if (special.find(c) != std::string::npos) out += '\\';
            out += c;
        }
    }
    return out + ")";
}

std::optional<int> parse_count(std::string_view value) {
    static const std::regex count_re(R"(\(\s*([0-9]+)\s*\)\s*)" + written("count_unit"));
    const std::string n = text::nfkc(strip_html(value));
    std::smatch m;
    if (!std::regex_search(n, m, count_re)) return std::nullopt;
    const int count = text::parse_number(m[1].str());  // -1 for a number too long to be a count
    return count < 0 ? std::nullopt : std::optional<int>(count);
}

std::vector<std::string> parse_name_list(const std::string& value) {
    const std::u32string v = text::to_u32(strip_html(value));
    auto digit = [](char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); };
    // (where the number starts, where the name starts) for every "N." or "(N)" that opens a word
    std::vector<std::pair<size_t, size_t>> marks;
    for (size_t i = 0; i < v.size(); ++i) {
        if (i > 0 && v[i - 1] != U' ') continue;
        const bool bracketed = v[i] == U'(' || v[i] == U'（';
        if (!digit(v[i]) && !(bracketed && i + 1 < v.size() && digit(v[i + 1]))) continue;
        size_t j = bracketed ? i + 1 : i;
        while (j < v.size() && digit(v[j])) ++j;
        if (j < v.size() && (bracketed ? v[j] == U')' || v[j] == U'）' : v[j] == U'.' || v[j] == U'．')) {
            size_t k = j + 1;
            while (k < v.size() && v[k] == U' ') ++k;
            marks.emplace_back(i, k);
            i = k;
        }
    }
    std::vector<std::string> out;
    if (marks.empty()) {
        if (!v.empty()) out.push_back(text::to_utf8(v));
        return out;
    }
    // Text before the first number: the end of a name the line above began (イル 2. 本人確認情報).
    if (const std::string head = text::trim(text::to_utf8(v.substr(0, marks[0].first))); !head.empty())
        out.push_back(head);
    for (size_t i = 0; i < marks.size(); ++i) {
        const size_t stop = i + 1 < marks.size() ? marks[i + 1].first : v.size();
        std::string name = text::trim(text::to_utf8(v.substr(marks[i].second, stop - marks[i].second)));
        if (!name.empty()) out.push_back(name);
    }
    return out;
}

namespace {

// Whether `last` ends with the head of a suffix (ファイル) whose rest `next` opens with, or `next` is
// the suffix alone, cut from a name that lacks it.
bool splits_suffix(const std::u32string& last, const std::u32string& next) {
    for (const auto& spelling : FormLabels::get().spellings("file_name_suffix")) {
        const std::u32string suffix = text::to_u32(spelling);
        if (next == suffix && !last.ends_with(suffix)) return true;
        for (size_t cut = 1; cut < suffix.size(); ++cut)
            if (last.size() > cut && last.compare(last.size() - cut, cut, suffix, 0, cut) == 0 &&
                next.compare(0, suffix.size() - cut, suffix, cut) == 0)
                return true;
    }
    return false;
}

}  // namespace

bool append_name_line(std::vector<std::string>& names, const std::string& line) {
    std::vector<std::string> more = parse_name_list(line);
    const bool joins =
        !names.empty() && !more.empty() && splits_suffix(text::to_u32(names.back()), text::to_u32(more.front()));
    if (joins) {
        names.back() += more.front();
        more.erase(more.begin());
    }
    for (auto& name : more) names.push_back(std::move(name));
    return joins;
}

bool is_persons_option_list(std::string_view text) { return only_listed_options(text, "persons"); }

bool is_count_option_piece(std::string_view text) {
    static constexpr const char* kCountGroups[] = {"population", "persons", "users"};
    static const std::vector<std::string> options = [] {
        std::vector<std::string> out;
        for (const char* group : kCountGroups)
            for (const auto& option : Dictionary::get().options(group)) out.push_back(compact_key(option));
        return out;
    }();
    const std::string piece = compact_key(text);
    if (piece.empty()) return false;
    if (std::any_of(options.begin(), options.end(),
                    [&](const std::string& o) { return o.size() > piece.size() && o.ends_with(piece); }))
        return true;
    return std::any_of(std::begin(kCountGroups), std::end(kCountGroups),
                       [&](const char* group) { return only_listed_options(text, group); });
}

bool names_nothing(const std::string& name) {
    static const std::vector<std::string> timing_words = Dictionary::get().list("/value_kinds/timing_words");
    const std::u32string r = text::to_u32(text::trim(name));
    const auto word = std::find_if(r.begin(), r.end(), is_letter);
    if (word == r.end()) return true;
    // 提供・移転の有無's option (行っていない), its box lost or cut (］ 行っていない), set after the header.
    if (Dictionary::get().standard_option("provision_transfer", text::to_utf8(std::u32string(word, r.end()))))
        return true;
    return is_count_option_piece(name) ||
           std::any_of(timing_words.begin(), timing_words.end(),
                       [&](const std::string& w) { return name.find(w) != std::string::npos; });
}

std::optional<std::pair<std::string, std::string>> leading_boxed_choice(std::string_view value,
                                                                        const std::string& group) {
    static const std::vector<std::pair<char32_t, char32_t>> brackets{{U'[', U']'}, {U'［', U'］'}, {U'【', U'】'}};
    std::vector<std::u32string> options;
    for (const std::string& o : Dictionary::get().options(group)) options.push_back(text::to_u32(o));
    const std::u32string t = text::to_u32(value);
    size_t at = 0, options_read = 0;
    const auto skip_spaces = [&] {
        while (at < t.size() && text::is_space(t[at])) ++at;
    };
    for (;; ++options_read) {
        skip_spaces();
        if (at >= t.size()) break;
        // A box as prepare() reads one: its brackets (box_closer), or a glyph.
        const auto bracket =
            std::find_if(brackets.begin(), brackets.end(), [&](const auto& b) { return b.first == t[at]; });
        if (bracket != brackets.end()) {
            const size_t close = box_closer(t, at, bracket->second);
            if (close == std::u32string::npos) return std::nullopt;
            at = close + 1;
        } else if (is_box_glyph(t[at])) {
            ++at;
        } else {
            break;
        }
        skip_spaces();
        size_t longest = 0;  // the longest option the text goes on with (one may open another)
        for (const std::u32string& o : options)
            if (t.compare(at, o.size(), o) == 0) longest = std::max(longest, o.size());
        if (longest == 0) return std::nullopt;
        at += longest;
    }
    if (options_read == 0) return std::nullopt;
    return std::pair{text::to_utf8(t.substr(0, at)), text::trim(text::to_utf8(t.substr(at)))};
}

namespace {

// Where each numbered item of an option list (NFKC) starts: at the start, or after a space; "N)"
// then the option.
std::vector<size_t> numbered_item_starts(const std::string& n) {
    std::vector<size_t> starts;
    for (size_t i = 0; i < n.size(); ++i) {
        if ((i > 0 && n[i - 1] != ' ') || !std::isdigit(static_cast<unsigned char>(n[i]))) continue;
        size_t j = i;
        while (j < n.size() && std::isdigit(static_cast<unsigned char>(n[j]))) ++j;
        if (j < n.size() && n[j] == ')') starts.push_back(i);
    }
    return starts;
}

// The text from its first numbered option on (5) 1,000万人以上 of 万人以上1,000万人未満 5) 1,000万人以上);
// empty where no option is numbered.
std::string from_numbered_option(std::string_view s) {
    const std::string n = text::nfkc(s);
    const std::vector<size_t> starts = numbered_item_starts(n);
    return starts.empty() ? std::string() : n.substr(starts.front());
}

}  // namespace

bool only_listed_options(std::string_view value, const std::string& group) {
    const std::string n = text::trim(text::nfkc(value));
    const std::vector<size_t> starts = numbered_item_starts(n);
    if (starts.empty()) return Dictionary::get().standard_option(group, n).has_value();  // its number cut off
    // The first option's number cut off too (1万人未満 2) 1万人以上10万人未満 …)
    if (starts.front() != 0 && !Dictionary::get().standard_option(group, text::trim(n.substr(0, starts.front()))))
        return false;
    for (size_t k = 0; k < starts.size(); ++k) {
        const size_t end = k + 1 < starts.size() ? starts[k + 1] : n.size();
        const std::string item = n.substr(starts[k], end - starts[k]);
        const std::string option = text::trim(item.substr(item.find(')') + 1));
        if (!Dictionary::get().standard_option(group, option)) return false;
    }
    return true;
}

bool is_letter(char32_t c) {
    if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return true;
    // Kana and the CJK ideographs; not the CJK symbols and brackets (U+3000 – U+303F).
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

namespace {

// Names of systems run together (a cell that lists one a line, its lines joined): cut after a name's
// end (システム, サーバー, a closing bracket) where another name starts
// (… （窓口端末）住民情報システム団体内統合宛名システム).
std::vector<std::string> run_together_names(const std::string& name) {
    constexpr size_t kMinNameChars = 3;
    static const std::vector<std::u32string> ends = [] {
        std::vector<std::u32string> out;
        for (const auto& s : FormLabels::get().spellings("system_name_suffix")) out.push_back(text::to_u32(s));
        out.push_back(U"）");
        out.push_back(U")");
        return out;
    }();
    const auto ends_at = [&](const std::u32string& s, size_t at) {  // a name's end finishes at `at`
        return std::any_of(ends.begin(), ends.end(), [&](const std::u32string& e) {
            return at >= e.size() && s.compare(at - e.size(), e.size(), e) == 0;
        });
    };
    const std::u32string whole = text::to_u32(name);
    std::vector<size_t> cuts;
    for (size_t at = 1, from = 0; at + kMinNameChars <= whole.size(); ++at)
        if (at >= from + kMinNameChars && ends_at(whole, at) && is_letter(whole[at]) && whole[at] != U'ー')
            cuts.push_back(from = at);  // (no name starts with ー: サーバ | ー is サーバー)
    // Where the last name ends otherwise (サービス検索・電子申請機能), three names at least say it is a
    // list; one name ending so inside another (住民基本台帳システム連携サーバ) is none, nor a sentence.
    constexpr size_t kMinCutsOtherwise = 2;
    const bool sentence = whole.find(U'。') != std::u32string::npos;
    if (!ends_at(whole, whole.size()) && (cuts.size() < kMinCutsOtherwise || sentence)) return {name};
    std::vector<std::string> out;
    size_t from = 0;
    for (const size_t at : cuts) {
        out.push_back(text::to_utf8(whole.substr(from, at - from)));
        from = at;
    }
    out.push_back(text::to_utf8(whole.substr(from)));
    return out;
}

// A list written an item a line with a bullet (・健康管理システム ・中間サーバー, its lines joined):
// each item without its bullet; the value itself when it does not open with one. A middle dot
// inside a name (中間サーバー・プラットフォーム) has no space before it and stays.
std::vector<std::string> bulleted_items(const std::string& value) {
    static const std::string& bullet = written("name_bullet");
    const std::string t = text::trim(value);
    if (!t.starts_with(bullet)) return {value};
    std::vector<std::string> out;
    size_t from = bullet.size();
    for (size_t at = t.find(" " + bullet, from);; at = t.find(" " + bullet, from)) {
        const std::string item = text::trim(t.substr(from, at == std::string::npos ? std::string::npos : at - from));
        if (!item.empty()) out.push_back(item);
        if (at == std::string::npos) break;
        from = at + 1 + bullet.size();
    }
    return out;
}

}  // namespace

std::vector<System> listed_systems(const std::string& value, int line) {
    std::vector<System> out;
    std::vector<std::string> listed_names;
    for (const auto& item : bulleted_items(value))
        for (auto& listed : parse_name_list(item)) listed_names.push_back(std::move(listed));
    for (const auto& listed : listed_names)
        for (const auto& name : split_names(listed))
            for (const auto& part : run_together_names(name)) {
                System s;
                s.no = static_cast<int>(out.size()) + 1;
                s.name = part;
                s.loc = Loc::at(line);
                out.push_back(std::move(s));
            }
    return out;
}

std::vector<std::string> split_names(std::string_view s) {
    std::vector<std::string> out;
    std::u32string current;
    auto flush = [&] {
        std::string name = text::trim(text::to_utf8(current));
        if (!name.empty()) out.push_back(name);
        current.clear();
    };
    for (char32_t c : text::to_u32(s)) {
        if (c == U'、' || c == U',' || c == U'，' || c == U';' || c == U'；')
            flush();
        else
            current += c;
    }
    flush();
    return out;
}

bool is_statement(std::string_view s) {
    static const std::vector<std::string> markers = Dictionary::get().list("/statement_markers");
    const std::string n = text::nfkc(s);
    return std::any_of(markers.begin(), markers.end(), [&](const std::string& m) { return text::contains(n, m); });
}

bool is_dash(char32_t c) {
    return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFF0D || c == 0x30FC;
}

bool is_dash_only(std::string_view s) {
    const std::u32string u = text::to_u32(text::trim(s));
    return !u.empty() && std::all_of(u.begin(), u.end(), [](char32_t c) { return is_dash(c) || text::is_space(c); });
}

bool is_empty_flow(const Flow& flow) {
    return (flow.recipient.empty() || is_dash_only(flow.recipient)) && flow.basis.empty() && flow.methods.empty();
}

bool reads_as_recipient(std::string_view text) {
    const std::string s(text);
    return !names_nothing(s) && !cites_article(text) && looks_like_affair_name(text);
}

bool names_a_party(std::string_view text) {
    const Dictionary& dict = Dictionary::get();
    static const std::vector<std::string> inside = [&] {
        std::vector<std::string> words = dict.list("/parties/company_markers");
        for (const std::string& w : dict.list("/parties/outside_bodies")) words.push_back(w);
        return words;
    }();
    static const std::vector<std::string> endings = [&] {
        std::vector<std::string> words = dict.list("/parties/organization_suffixes");
        for (const std::string& w : dict.list("/parties/department_suffixes")) words.push_back(w);
        return words;
    }();
    const std::string s = text::trim(text);
    if (names_nothing(s) || !looks_like_affair_name(s) || has_box_bracket(s)) return false;
    return std::any_of(inside.begin(), inside.end(), [&](const std::string& w) { return text::contains(s, w); }) ||
           std::any_of(endings.begin(), endings.end(), [&](const std::string& w) { return s.ends_with(w); });
}

void name_from_basis(Flow& flow) {
    if (!names_nothing(flow.recipient) || !reads_as_recipient(flow.basis)) return;
    flow.recipient = std::move(flow.basis);
    flow.basis.clear();
    flow.basis_loc = Loc{};
}

std::string normalize_name(std::string_view name) { return Dictionary::get().normalize_system_name(name); }

std::map<std::string, std::string> find_definitions(const std::vector<std::string>& lines) {
    std::map<std::string, std::string> out;
    static const std::u32string stops = U" \t、。()「」『』:：,;";
    // X（以下「Y」という。）: the markers are the graph's (data/dictionary.json graph/definition).
    static const std::string open_word = Dictionary::get().word("/graph/definition/open");
    static const std::u32string open_marker = U"(" + text::to_u32(text::nfkc(open_word));
    static const std::u32string close_marker = text::to_u32(Dictionary::get().word("/graph/definition/close"));
    for (const auto& line : lines) {
        if (!text::contains(line, open_word)) continue;
        const std::u32string s = text::to_u32(text::nfkc(replace_tags(line, false)));
        for (size_t at = s.find(open_marker); at != std::u32string::npos; at = s.find(open_marker, at + 1)) {
            const size_t open = at + open_marker.size();
            const size_t close = s.find(close_marker, open);
            if (close == std::u32string::npos) break;
            size_t begin = at;
            while (begin > 0 && at - begin < 40 && stops.find(s[begin - 1]) == std::u32string::npos) --begin;
            if (begin == at || close == open) continue;
            out[text::to_utf8(s.substr(open, close - open))] = text::to_utf8(s.substr(begin, at - begin));
        }
    }
    return out;
}

std::vector<Flow> flows_of_each_recipient(const Flow& flow) {
    std::vector<size_t> starts;  // where each numbered recipient starts
    const std::string& r = flow.recipient;
    for (size_t i = 0; i + kCircledNumberBytes <= r.size(); i += text::char_bytes(r, i))
        if (circled_number(std::string_view(r).substr(i, kCircledNumberBytes)) > 0) starts.push_back(i);
    if (starts.size() < 2 || !text::trim_view(std::string_view(r).substr(0, starts[0])).empty()) return {flow};
    std::vector<Flow> out;
    for (size_t k = 0; k < starts.size(); ++k) {
        const size_t from = starts[k] + kCircledNumberBytes, to = k + 1 < starts.size() ? starts[k + 1] : r.size();
        Flow one = flow;
        one.recipient = text::trim(std::string_view(r).substr(from, to - from));
        one.no = std::to_string(std::max(0, text::parse_number(flow.no)) + static_cast<int>(k));
        if (!one.recipient.empty()) out.push_back(std::move(one));
    }
    return out;
}

int circled_number(std::string_view label) {
    // Read from the bytes (it is asked for every line): ① … ⑳ are E2 91 A0 – E2 91 B3 (U+2460 …),
    // ㉑ … ㉟ are E3 89 91 – E3 89 9F (U+3251 …).
    const std::string_view t = text::trim_view(label);
    if (t.size() < 3) return 0;
    const auto b0 = static_cast<unsigned char>(t[0]), b1 = static_cast<unsigned char>(t[1]),
               b2 = static_cast<unsigned char>(t[2]);
    if (b0 == 0xE2 && b1 == 0x91 && b2 >= 0xA0 && b2 <= 0xB3) return b2 - 0xA0 + 1;
    if (b0 == 0xE3 && b1 == 0x89 && b2 >= 0x91 && b2 <= 0x9F) return b2 - 0x91 + 21;
    // What a font without ① gives for it: ⑴ … ⒇ (U+2474 …: E2 91 B4 – E2 92 87), ❶ … ❿ (U+2776 …: E2 9D
    // B6 – BF), ➀ … ➉ and ➊ … ➓ (U+2780 …: E2 9E 80 – 93).
    if (b0 == 0xE2 && b1 == 0x91 && b2 >= 0xB4) return b2 - 0xB4 + 1;
    if (b0 == 0xE2 && b1 == 0x92 && b2 <= 0x87) return b2 - 0x80 + 13;
    if (b0 == 0xE2 && b1 == 0x9D && b2 >= 0xB6) return b2 - 0xB6 + 1;
    if (b0 == 0xE2 && b1 == 0x9E && b2 <= 0x93) return (b2 - 0x80) % 10 + 1;
    return 0;
}

std::pair<int, size_t> bracketed_number(std::string_view t) {
    constexpr std::string_view kOpen = "\uFF08", kClose = "\uFF09";  // （ ）
    constexpr size_t kMaxDigits = 2;
    size_t i = 0;
    if (text::starts_with(t, "("))
        i = 1;
    else if (text::starts_with(t, kOpen))
        i = kOpen.size();
    else
        return {0, 0};
    int number = 0;
    for (size_t digits = 0; digits <= kMaxDigits; ++digits) {
        const auto b = static_cast<unsigned char>(i < t.size() ? t[i] : 0);
        // ASCII 0-9, or full-width ０-９ (EF BC 90 - EF BC 99)
        if (std::isdigit(b)) {
            number = number * 10 + (b - '0');
            ++i;
        } else if (b == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBC &&
                   static_cast<unsigned char>(t[i + 2]) >= 0x90 && static_cast<unsigned char>(t[i + 2]) <= 0x99) {
            number = number * 10 + (static_cast<unsigned char>(t[i + 2]) - 0x90);
            i += 3;
        } else {
            if (digits == 0) return {0, 0};
            if (text::starts_with(t.substr(i), ")")) return {number, i + 1};
            if (text::starts_with(t.substr(i), kClose)) return {number, i + kClose.size()};
            return {0, 0};
        }
    }
    return {0, 0};
}

int leading_field_number(std::string_view label) {
    if (const int circled = circled_number(label)) return circled;
    return bracketed_number(text::trim_view(label)).first;
}

std::string circled(int n) { return text::to_utf8(static_cast<char32_t>(0x2460 + n - 1)); }

std::pair<int, size_t> digits_of_circled(std::string_view s) {
    constexpr int kMaxCircled = 20;
    size_t end = 0;
    while (end < s.size() && end < 2 && s[end] >= '0' && s[end] <= '9') ++end;
    const int n = end > 0 ? std::stoi(std::string(s.substr(0, end))) : 0;
    return n >= 1 && n <= kMaxCircled ? std::pair{n, end} : std::pair{0, size_t{0}};
}

size_t list_marker_bytes(std::string_view s) {
    return s.size() > 1 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ' ? 2 : 0;
}

std::optional<StepStart> numbered_step_start(std::string_view text, size_t expected) {
    constexpr size_t kMinSentenceChars = 20;  // a group's title is shorter, and ends in no 。
    const std::string head = text::nfkc(text.substr(0, std::min<size_t>(text.size(), 12)));
    size_t digits = 0;
    while (digits < head.size() && head[digits] >= '0' && head[digits] <= '9') ++digits;
    if (digits == 0 || digits > 2 || digits >= head.size() || (head[digits] != '.' && head[digits] != ')') ||
        std::stoul(head.substr(0, digits)) != expected)
        return std::nullopt;
    // The bytes of the number and its stop as written (１． is six).
    size_t end = 0;
    for (size_t chars = 0; chars <= digits && end < text.size(); ++chars) end += text::char_bytes(text, end);
    const std::string_view rest = text::trim_view(text.substr(end));
    // A number alone on its line opens a step whose text a raw conversion sets on the lines below.
    if (!rest.empty() && !text::contains(rest, "。") && text::length(rest) < kMinSentenceChars) return std::nullopt;
    return StepStart{std::string(text.substr(0, end)), head.substr(0, digits), end};
}

namespace {

bool numbered_label(const Step& s) {
    return !s.label.empty() && s.label.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

size_t numbered_steps(const std::vector<Step>& steps, size_t first) {
    return static_cast<size_t>(std::count_if(steps.begin() + static_cast<std::ptrdiff_t>(std::min(first, steps.size())),
                                             steps.end(), numbered_label));
}

void drop_numbered_group_titles(std::vector<Step>& steps) {
    if (std::all_of(steps.begin(), steps.end(), [](const Step& s) { return numbered_label(s) || s.label.empty(); }))
        return;
    steps.erase(std::remove_if(steps.begin(), steps.end(), numbered_label), steps.end());
}

std::optional<StepStart> step_start(std::string_view text) {
    const std::u32string s = text::to_u32(text);
    size_t i = 0;
    std::string digits;
    for (; i < s.size() && ((s[i] >= U'0' && s[i] <= U'9') || (s[i] >= U'０' && s[i] <= U'９')); ++i)
        digits += static_cast<char>(s[i] >= U'０' ? s[i] - U'０' + U'0' : s[i]);
    if (i > 0) {
        if (i >= s.size() || (s[i] != U'-' && s[i] != U'－' && s[i] != U'‐' && s[i] != U'ー')) return std::nullopt;
        ++i;
    }
    StepStart out;
    const std::string group = text::to_utf8(s.substr(0, i));  // the digits and dash, as written
    // (2) or 1-(2): the circled number written in brackets (OCR, fonts without ①).
    constexpr int kMaxCircled = 20;
    if (const auto [n, bytes] = bracketed_number(text.substr(group.size())); n >= 1 && n <= kMaxCircled) {
        out.written = std::string(text.substr(0, group.size() + bytes));
        out.label = (digits.empty() ? "" : digits + "-") + circled(n);
        out.end = out.written.size();
        return out;
    }
    const std::string_view rest = text.substr(group.size());
    // 1-1 (1-1.): the circled number as NFKC writes it (a normalised text), after a step's group only.
    if (const auto [n, end] = digits_of_circled(rest);
        !digits.empty() && n > 0 && end < rest.size() && (text::space_at(rest, end) > 0 || rest[end] == '.')) {
        out.written = std::string(text.substr(0, group.size() + end));
        out.label = digits + "-" + circled(n);
        out.end = out.written.size();
        return out;
    }
    // ① … ⑳, or what a font without them gives (⑴, ❶: circled_number), labelled ① … ⑳.
    const int n = rest.empty() || text::space_at(rest, 0) > 0 ? 0 : circled_number(rest);
    if (n < 1 || n > kMaxCircled) return std::nullopt;
    out.written = std::string(text.substr(0, group.size() + kCircledNumberBytes));
    out.label = (digits.empty() ? "" : digits + "-") + circled(n);
    out.end = out.written.size();
    return out;
}

std::vector<std::string> listed_file_names(const std::string& line) {
    constexpr size_t kMaxNameChars = 40;
    auto names = parse_name_list(line);
    const std::string& suffix = FormLabels::get().spellings("file_name_suffix").front();
    const bool files_only = std::all_of(names.begin(), names.end(), [&](const std::string& n) {
        return text::ends_with(n, suffix) && !text::longer_than(n, kMaxNameChars);
    });
    return files_only ? names : std::vector<std::string>{};
}

void files_from_names(Assessment& as) {
    if (!as.files.empty() || as.file_names.empty()) return;
    FileBlock f;
    f.names = as.file_names;
    f.loc = as.locs["file_names"];
    f.locs["names"] = f.loc;
    for (const auto& name : as.file_names) {
        FileBlock one = f;
        one.names = {name};
        as.files.push_back(std::move(one));
    }
}

namespace {

std::string label_key_of(std::string_view label) {
    std::string_view t = text::trim_view(label);
    if (circled_number(t) > 0)
        t.remove_prefix(kCircledNumberBytes);
    else if (const auto [number, bytes] = bracketed_number(t); number > 0)
        t.remove_prefix(bytes);  // (1)ファイルの種類: the circled number of a converter without ①
    return without_note_marks(text::nfkc_compact(t));
}

}  // namespace

std::string label_key(std::string_view label) {
    budget_tick();  // every reader keys its labels: a point where the time is checked
    return text::remembered<label_key_of>(label);
}

bool opens_with_field_label(std::string_view line, const char* key, int circled) {
    constexpr size_t kMaxLineBytes = 600;  // a row's label and a short value; prose is longer
    if (line.size() > kMaxLineBytes || !text::contains(line, FormLabels::get().spellings(key).front())) return false;
    const std::string_view cell = without_row_markup(line);
    size_t end = std::min(cell.size(), next_space(cell));
    // A number a converter set apart from its label (① 事務の名称, pdftotext's raw order of a printed
    // form) is part of it.
    if (end < cell.size() && circled_number(cell.substr(0, end)) > 0 && text::length(cell.substr(0, end)) == 1)
        end = std::min(cell.size(), next_space(cell, after_space(cell, end)));
    const std::string_view label = cell.substr(0, end);
    return circled_number(label) == circled && FormLabels::get().is(key, label_key(label));
}

size_t next_space(std::string_view s, size_t from) {
    for (size_t i = from; i < s.size(); ++i) {
        // Only these bytes start white space (U+3000 is E3 80 80, U+00A0 C2 A0): the rest of a
        // Japanese line is passed over without a call.
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xE3 || b == 0xC2) && text::space_at(s, i) > 0)
            return i;
    }
    return std::string_view::npos;
}

size_t after_space(std::string_view s, size_t at) {
    while (at < s.size() && text::space_at(s, at) > 0) at += text::space_at(s, at);
    return at;
}

std::string_view without_row_markup(std::string_view line) {
    const size_t from = line.find_first_not_of("|#*> \t\f");
    return from == std::string_view::npos ? std::string_view() : line.substr(from);
}

bool could_continue_title(std::string_view line) {
    constexpr size_t kMaxTailBytes = 90;  // the rest of a title: about 30 characters
    return !line.empty() && line.size() <= kMaxTailBytes && line.find('\t') == std::string_view::npos &&
           !std::isdigit(static_cast<unsigned char>(line[0])) && circled_number(line) == 0;
}

std::string without_note_marks(std::string s) {
    for (size_t at = s.find("※"); at != std::string::npos; at = s.find("※", at)) s.erase(at, 3);
    return s;
}

namespace {

template <class T>
void fill(T& into, T& from) {
    if (into.empty()) into = std::move(from);
}
template <class T>
void fill(std::optional<T>& into, std::optional<T>& from) {
    if (!into) into = from;
}

// What `from` read that `into` lacks; `into` keeps whatever it has.
void fill_missing(FileBlock& into, FileBlock& from) {
    fill(into.sources, from.sources);
    fill(into.methods, from.methods);
    fill(into.entrustments, from.entrustments);
    fill(into.provisions, from.provisions);
    fill(into.transfers, from.transfers);
    fill(into.declared_counts.provisions, from.declared_counts.provisions);
    fill(into.declared_counts.transfers, from.declared_counts.transfers);
    fill(into.declared_counts.entrustments, from.declared_counts.entrustments);
    for (auto field : {&FileBlock::storage, &FileBlock::retention, &FileBlock::retention_reason, &FileBlock::erasure,
                       &FileBlock::population, &FileBlock::population_scope, &FileBlock::user_departments,
                       &FileBlock::user_count, &FileBlock::department})
        fill(into.*field, from.*field);
    fill(into.record_categories, from.record_categories);
    for (auto flag : {&FileBlock::entrust, &FileBlock::provides, &FileBlock::transfers_flag, &FileBlock::no_flows})
        fill(into.*flag, from.*flag);
    into.marks.insert(from.marks.begin(), from.marks.end());
    into.risk_flags.insert(from.risk_flags.begin(), from.risk_flags.end());
    into.locs.insert(from.locs.begin(), from.locs.end());
}

// What a later part of the same entry read that the first part lacks.
void fill_missing(Entrustment& into, Entrustment& from) {
    for (auto field : {&Entrustment::item, &Entrustment::contractor, &Entrustment::resubcontractor,
                       &Entrustment::permission_method, &Entrustment::resubcontract_items, &Entrustment::population})
        fill(into.*field, from.*field);
    fill(into.resubcontract, from.resubcontract);
    fill(into.methods, from.methods);
    into.locs.insert(from.locs.begin(), from.locs.end());
}
void fill_missing(Flow& into, Flow& from) {
    // A name that names nothing (the entry before's 時期・頻度 set beside a header that a conversion
    // wrote twice) is no name: the later header's name is the entry's.
    if (names_nothing(into.recipient) && !names_nothing(from.recipient)) into.recipient.clear();
    if (into.basis.empty() && !from.basis.empty()) into.basis_loc = from.basis_loc;
    for (auto field :
         {&Flow::recipient, &Flow::basis, &Flow::purpose, &Flow::info, &Flow::timing, &Flow::population, &Flow::marks})
        fill(into.*field, from.*field);
    fill(into.methods, from.methods);
    into.locs.insert(from.locs.begin(), from.locs.end());
}

template <class Entry>
void merge_numbered_alike(std::vector<Entry>& entries) {
    std::vector<Entry> out;
    for (auto& e : entries)
        if (!out.empty() && !e.no.empty() && out.back().no == e.no)
            fill_missing(out.back(), e);
        else
            out.push_back(std::move(e));
    entries = std::move(out);
}

}  // namespace

namespace {

void visit(std::map<std::string, Loc>& locs, const std::function<void(Loc&)>& fn) {
    for (auto& [key, l] : locs) fn(l);
}
void visit(Flow& f, const std::function<void(Loc&)>& fn) {
    fn(f.loc);
    fn(f.basis_loc);
    visit(f.locs, fn);
}

}  // namespace

void for_each_loc(Assessment& a, const std::function<void(Loc&)>& fn) {
    fn(a.loc);
    visit(a.locs, fn);
    fn(a.linkage.loc);
    for (auto& s : a.systems) {
        fn(s.loc);
        fn(s.connections_loc);
    }
    for (auto& f : a.files) {
        fn(f.loc);
        visit(f.locs, fn);
        for (auto& s : f.sources) fn(s.loc);
        for (auto& e : f.entrustments) {
            fn(e.loc);
            visit(e.locs, fn);
        }
        for (auto& p : f.provisions) visit(p, fn);
        for (auto& t : f.transfers) visit(t, fn);
    }
    for (auto& s : a.attachment1_steps) fn(s.loc);
    for (auto& c : a.changes) fn(c.loc);
    for (auto& [item, c] : a.coverage) fn(c.loc);
}

void shift_lines(Assessment& a, int delta) {
    if (delta == 0) return;
    for_each_loc(a, [delta](Loc& l) {
        if (!l.known()) return;
        l.line += delta;
        l.end_line += delta;
    });
}

bool looks_like_date(std::string_view s) {
    const std::string n = text::nfkc(s);
    return text::contains(n, written("year")) &&
           std::any_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_day_date(const std::string& compact) {
    static const std::regex date_re("^" + regex_alternatives(written_list("eras")) + R"((\d{1,2}|)" +
                                    written("first_year") + ")" + written("year") + R"(\d{1,2})" + written("month") +
                                    R"(\d{1,2})" + written("day") + "$");
    return text::contains(compact, written("year")) && text::contains(compact, written("day")) &&
           std::regex_match(compact, date_re);
}

bool is_count_line(std::string_view line) {
    constexpr size_t kCountChars = 16;
    const std::string n = text::trim(text::nfkc(line));
    if (n.empty() || n[0] != '(' || !text::ends_with(n, written("count_unit")) || text::length(n) >= kCountChars)
        return false;
    const size_t close = n.find(')');
    return close != std::string::npos &&
           n.find_first_not_of("0123456789 ", 1) == close;  // (2) 件, or ( ) 件 where nothing is counted
}

std::optional<int> count_line(std::string_view line) {
    if (!is_count_line(line)) return std::nullopt;
    return parse_count(text::nfkc(line));
}

bool looks_like_assessment_number(std::string_view s) {
    static const std::regex number("^(" + written("number_prefix") + R"(\s*)?[0-9][0-9\s-]{0,9}()" +
                                   written("number_suffix") + ")?$");
    return std::regex_match(text::trim(text::nfkc(s)), number);
}

std::string date_to_its_day(const std::string& v) {
    const size_t month = v.find(written("month"));
    const size_t day = month == std::string::npos ? month : v.find(written("day"), month);
    return day == std::string::npos ? v : text::trim(v.substr(0, day + written("day").size()));
}

bool looks_like_publication_date(std::string_view s) {
    constexpr size_t kDateChars = 20;
    // A date the cover prints has its month (令和6年10月1日); a period such as the retention option
    // 1年未満 has a year and a digit only, and the form's version is bracketed ([令和6年10月 様式4]).
    if (!looks_like_date(s) || text::longer_than(s, kDateChars)) return false;
    const std::string n = text::nfkc(s);
    return text::contains(n, written("month")) && !text::starts_with(n, "[");
}

bool looks_like_organization(std::string_view s) {
    constexpr size_t kNameChars = 30;
    static const auto suffixes = Dictionary::get().list("/parties/organization_suffixes");
    const std::string t = text::trim(s);
    return !t.empty() && !text::longer_than(t, kNameChars) &&
           std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& x) { return text::ends_with(t, x); });
}

bool looks_like_assessment_title(std::string_view s) {
    constexpr size_t kTitleChars = 60;
    if (text::longer_than(s, kTitleChars)) return false;
    const std::string k = text::match_key(s);
    const auto& forms = Dictionary::get().form_names();
    return std::any_of(forms.begin(), forms.end(),
                       [&](const std::string& f) { return text::ends_with(k, text::match_key(f)); });
}

bool cites_article(std::string_view s) { return text::contains(text::nfkc(s), written("article")); }

bool looks_like_affair_name(std::string_view s) {
    constexpr size_t kNameChars = 60;
    return !text::longer_than(s, kNameChars) && !text::contains(s, "。");
}

bool is_form_name(std::string_view s) {
    const auto& forms = Dictionary::get().form_names();
    const std::string key = compact_key(s);
    return std::any_of(forms.begin(), forms.end(), [&](const std::string& f) { return key == compact_key(f); });
}

bool looks_like_form_version(std::string_view s) {
    static const std::regex version(R"(^(?:\[|【)?\s*()" + regex_alternatives(written_list("eras")) + R"(\S*)" +
                                    written("year") + R"(\S*)" + written("month") + R"(\s*)" + written("form_style") +
                                    R"(\S+?)\s*(?:\]|】)?$)");
    return std::regex_match(text::trim(text::nfkc(s)), version);
}

bool looks_like_cover_value(const std::string& field, std::string_view value) {
    if (field == "number") return looks_like_assessment_number(value);
    if (field == "title_field") return looks_like_assessment_title(value);
    if (field == "organization") return looks_like_organization(value);
    if (field == "published") return looks_like_publication_date(value);
    return false;
}

bool looks_like_other_cover_value(const std::string& field, std::string_view value) {
    if (looks_like_cover_value(field, value)) return false;
    if (looks_like_form_version(value)) return true;
    return std::any_of(std::begin(kCoverValueFields), std::end(kCoverValueFields),
                       [&](const char* other) { return other != field && looks_like_cover_value(other, value); });
}

void merge_repeated_files(std::vector<FileBlock>& files) {
    // Names that name no file: a sentence or a count's options of the block's values (万人以上1,000万人
    // 未満 5) 1,000万人以上: the list cut inside its first option), which a "1. 特定個人情報ファイル名"
    // printed again after the block's first fields took (a label column printed first, its values
    // after the run of labels). That block is the one before, read on.
    const auto names_no_file = [](const std::vector<std::string>& names) {
        return !names.empty() && std::all_of(names.begin(), names.end(), [](const std::string& n) {
            return !looks_like_affair_name(n) || names_nothing(n) || is_count_option_piece(from_numbered_option(n));
        });
    };
    std::vector<FileBlock> out;
    for (auto& f : files) {
        if (!out.empty() && names_no_file(f.names)) {
            fill_missing(out.back(), f);
            continue;
        }
        auto same = std::find_if(out.begin(), out.end(), [&](const FileBlock& o) { return o.names == f.names; });
        if (same == out.end())
            out.push_back(std::move(f));
        else
            fill_missing(*same, f);
    }
    files = std::move(out);
}

void merge_repeated_entries(FileBlock& file) {
    merge_numbered_alike(file.entrustments);
    merge_numbered_alike(file.provisions);
    merge_numbered_alike(file.transfers);
}

const std::vector<AssessmentChoice>& assessment_choices() {
    static const std::vector<AssessmentChoice> choices{
        {"kiso_population", "population", &Assessment::population, "population"},
        {"handlers", "handlers", &Assessment::handlers, "handlers"},
        {"serious_incident", "serious_incident", &Assessment::serious_incident, "serious_incident"},
        {"threshold_result", "threshold_result", &Assessment::threshold_result, "threshold_result"}};
    return choices;
}

const std::vector<ProcedureText>& procedure_texts() {
    static const std::vector<ProcedureText> texts{
        {"comment_period", 'c', true, &Procedure::comment_period, "procedure.comment_period"},
        {"shortening_reason", 'c', true, &Procedure::shortening_reason, "procedure.shortening_reason"},
        {"review_date", 'r', false, &Procedure::review_date, "procedure.review"},
        {"review_method", 'r', false, &Procedure::review_method, "procedure.review"},
        {"review_result", 'r', false, &Procedure::review_result, "procedure.review"}};
    return texts;
}

std::optional<std::pair<int, std::string>> numbered_title(const std::string& compact) {
    size_t digits = 0;
    while (digits < compact.size() && compact[digits] >= '0' && compact[digits] <= '9') ++digits;
    if (digits == 0 || digits > 2 || digits + 1 >= compact.size() || compact[digits] != '.') return std::nullopt;
    return std::pair{std::stoi(compact.substr(0, digits)), compact.substr(digits + 1)};
}

}  // namespace piagraph::extract_detail
