#include "column_flow.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <regex>
#include <set>

#include "common.hpp"
#include "form_labels.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

namespace {

// A text line narrower than the widest line of its run by more than this (in half-width columns)
// ends its paragraph: the printed cell broke it there, not the cell's width.
constexpr size_t kShortLineSlack = 4;
constexpr size_t kFullLinePercentile = 80;
// Lines no wider than this continue a selection's or checkboxes' wrapped option text (満], テム).
constexpr size_t kOptionTailWidth = 14;

// Costs of the alignment (lower is likelier). An empty value is possible but less likely than a
// value; a value of the wrong kind (text under a selection) is much less likely still.
constexpr double kEmptyCost = 1.0;
constexpr double kOptionalEmptyCost = 0.1;
constexpr double kExtraParagraphCost = 0.3;
constexpr double kLeadParagraphCost = 0.1;  // a list's first item after its lead sentence
constexpr double kSplitListCost = 1.0;      // a list's next item given to another label
constexpr double kUnlikeStartCost = 0.5;    // a value starting without the words its label's values hold
constexpr double kCarryCost = 0.5;          // a page's first values continuing the page before
constexpr double kSplitLineCost = 0.6;      // a value ending at a line that filled the cell
constexpr double kSplitHeadCost = 1.0;  // a value ending at a bracketed head ((情報提供)): its text is the next's
constexpr double kWrongKindCost = 4.0;
constexpr double kImpossibleCost = 1e6;

enum class Kind { text, selection, checkboxes };
// carry: no label, the rest of the value of the page before (a cell the page end cut).
enum class Expects { text, name, selection, checkboxes, optional, entry, carry };

// What a label's value is: its kind, the words its first paragraph holds one of (none: any), and
// the options of a selection (none: any).
struct Want {
    Expects kind = Expects::text;
    const std::vector<std::string>* first_words = nullptr;
    const std::vector<std::string>* options = nullptr;
    bool every_paragraph = false;  // each paragraph, not only the first, holds one of first_words
};

// How a paragraph of text goes on the paragraph before it: the next item of its list (2. after 1.,
// (情報提供) after (情報照会), ・ after ・) surely continues the same value; a list's first item
// (1.) may continue the sentence that leads into it.
enum class Follows { no, maybe, surely };

// starts_like's answers for a paragraph opening at a unit, by the label's first words and the unit
// the paragraph ends before. Held apart from the unit, whose loops the pairing walks, and left
// behind when a unit is copied: its indices are those of the list it was asked in.
class StartsCache {
public:
    StartsCache() = default;
    StartsCache(const StartsCache&) {}
    StartsCache(StartsCache&&) = default;
    StartsCache& operator=(const StartsCache&) {
        answers_.reset();
        return *this;
    }
    StartsCache& operator=(StartsCache&&) = default;
    ~StartsCache() = default;

    // The answer for (words, end), computed by `answer` the first time it is asked.
    template <class Answer>
    bool get(const void* words, size_t end, Answer answer) {
        if (!answers_) answers_ = std::make_unique<std::map<std::pair<const void*, size_t>, bool>>();
        const auto [known, fresh] = answers_->try_emplace({words, end}, false);
        if (fresh) known->second = answer();
        return known->second;
    }

private:
    std::unique_ptr<std::map<std::pair<const void*, size_t>, bool>> answers_;
};

struct Unit {
    Kind kind = Kind::text;
    std::vector<size_t> lines;
    bool closed = false;
    Follows follows = Follows::no;
    std::string text;  // its lines in NFKC, joined with a space (set once cut)
    // A further line of the text unit before it: that line filled the cell, so whether a paragraph
    // (and a value) ended there does not show.
    bool wrapped = false;
    mutable StartsCache starts;  // starts_like's answers (the pairing asks them for every span it weighs)
};

// In half-width columns as a PDF's CJK font sets them: every character from U+1100 on is two
// (text::display_width counts East Asian ambiguous ones, ○ ① ・, as one: the pairing's paragraph
// ends were tuned on this count).
size_t display_width(const std::string& s) {
    size_t w = 0;
    for (const char32_t c : text::to_u32(s)) w += c >= 0x1100 ? 2 : 1;
    return w;
}

// ＜選択肢＞ (NFKC), which opens the option list printed after a selection.
const std::string& option_list_word() { return FormLabels::get().spellings("option_list").front(); }

// A box ([ ], [ ○ ] in any spelling mark_state knows, or a box glyph □ ■ ☑), or a box cut at the
// line's end ("… [ ○") or at its start ("○ ] 庁内連携システム").
bool has_checkbox(const std::string& line) {  // in NFKC
    const std::string n = box_glyphs_as_brackets(line);
    for (size_t open = n.find('['); open != std::string::npos; open = n.find('[', open + 1)) {
        const size_t close = n.find(']', open);
        const std::string box = close == std::string::npos ? n.substr(open) + "]" : n.substr(open, close - open + 1);
        if (mark_state(box)) return true;
        if (close == std::string::npos) break;
    }
    const size_t close = n.find(']');
    return close != std::string::npos && n.find('[') > close && mark_state("[" + n.substr(0, close + 1));
}

// A line whose last box has no label after it: the box stood alone in its cell's line ([○]), its
// label is the next line.
bool ends_with_box(const std::string& n) {  // n in NFKC
    const std::string t = text::trim(box_glyphs_as_brackets(n));
    const size_t open = t.rfind('[');
    return !t.empty() && t.back() == ']' && open != std::string::npos && mark_state(t.substr(open)).has_value();
}

bool opens_selection(const std::string& n) {
    return (!n.empty() && n[0] == '[' && !has_checkbox(n)) || text::contains(n, option_list_word());
}

// A selection's opening bracket alone on its line (n in NFKC): its choice is the next line.
bool is_bracket_alone(const std::string& n) {
    const std::string_view t = text::trim_view(n);
    return t == "[" || t == "【";
}

bool has_option_number(const std::string& n) {
    static const std::regex numbered(R"((^|\s)[0-9]{1,2}\))");
    return std::regex_search(n, numbered);
}

// An option list cut after an option's number ("… 2) 実施しない 3)"): its next line is that option.
bool ends_with_option_number(const std::string& n) {
    static const std::regex numbered(R"((^|\s)[0-9]{1,2}\)\s*$)");
    return std::regex_search(n, numbered);
}

// A count cut at the line end (… 2) 委託しない (2) | 件): the line before ends with its bracket,
// this line is the rest of it (both NFKC).
bool completes_count(const std::string& before, const std::string& n) {
    const size_t open = before.rfind('(');
    return open != std::string::npos && is_count_line(before.substr(open) + text::trim(n));
}

// The option labels of the dictionary's checkbox groups (compact), each with the groups holding it.
class OptionGroups {
public:
    static const OptionGroups& get() {
        static const OptionGroups g;
        return g;
    }
    // The groups any whole option label on the line belongs to (labels after "]" or a box glyph, without
    // their (detail)).
    std::set<std::string> groups_of(const std::string& n) const {
        std::set<std::string> out;
        for (const std::string& f : fragments(box_glyphs_as_brackets(n)))
            if (const auto it = groups_.find(f); it != groups_.end()) out.insert(it->second.begin(), it->second.end());
        return out;
    }
    // Whether a compact text is an option of any group.
    bool known(const std::string& option) const { return groups_.count(option) > 0; }
    // Whether `tail` (a short line) goes on an option label cut at the end of a piece of
    // `previous`: a box's label, a selection's value or one of its listed options.
    bool completes(const std::string& previous, const std::string& tail) const {
        const std::string t = compact_key(tail);
        for (const std::string& f : pieces(previous))
            for (const auto& [option, groups] : groups_)
                if (option != f && text::starts_with(option, f) &&
                    (text::starts_with(option, f + t) || text::starts_with(f + t, option)))
                    return true;
        return false;
    }

private:
    OptionGroups() {
        const auto& raw = Dictionary::get().raw();
        for (const auto& [group, list] : raw.at("options").items())
            if (list.is_array())
                for (const auto& o : list)
                    if (o.is_string()) groups_[compact_key(o.get<std::string>())].insert(group);
    }
    // The text after each "]" of the line, up to the next "[" or "(", compact.
    static std::vector<std::string> fragments(const std::string& n) {
        std::vector<std::string> out;
        for (size_t close = n.find(']'); close != std::string::npos; close = n.find(']', close + 1)) {
            const size_t end = n.find_first_of("[(", close + 1);
            std::string f = compact_key(n.substr(close + 1, end == std::string::npos ? end : end - close - 1));
            if (!f.empty()) out.push_back(std::move(f));
        }
        return out;
    }
    // The texts between the marks of a line ([ ] ( ), the numbers of an option list, spaces), compact.
    static std::vector<std::string> pieces(const std::string& n) {
        static const std::regex cut("\\[|\\]|\\(|\\)|" + option_list_word() + R"(|(^|\s)[0-9]{1,2}\)|\s)");
        std::vector<std::string> out;
        for (std::sregex_token_iterator it(n.begin(), n.end(), cut, -1), end; it != end; ++it)
            if (std::string f = compact_key(it->str()); !f.empty()) out.push_back(std::move(f));
        return out;
    }
    std::map<std::string, std::set<std::string>> groups_;
};

// Whether a line of boxes goes on the open checkbox unit: its options fit a group the unit's fit.
bool same_group(std::set<std::string>& unit_groups, const std::string& n) {
    const std::set<std::string> line = OptionGroups::get().groups_of(n);
    if (line.empty()) return true;
    if (unit_groups.empty()) {
        unit_groups = line;
        return true;
    }
    std::set<std::string> both;
    std::set_intersection(unit_groups.begin(), unit_groups.end(), line.begin(), line.end(),
                          std::inserter(both, both.begin()));
    if (both.empty()) return false;
    unit_groups = std::move(both);
    return true;
}

// Checkboxes whose last option is その他 without its (detail) yet (NFKC).
bool ends_with_other_option(const std::string& joined) {
    return text::ends_with(text::trim(joined), FormLabels::get().spellings("other_option").front());
}

// Checkboxes end with their その他 (…) once its brackets close, or at a line that is no part of them.
bool closes_checkboxes(const std::string& joined) {
    const size_t other = joined.rfind(FormLabels::get().spellings("other_option").front());
    if (other == std::string::npos) return false;
    const std::string tail = joined.substr(other);
    const auto open = std::count(tail.begin(), tail.end(), '('), close = std::count(tail.begin(), tail.end(), ')');
    return open > 0 && open == close;
}

// A unit's lines in NFKC, one after the other with a space (pieces of options cut at line ends
// stay apart; the cover's looks compare without white space).
std::string unit_text(const std::vector<FlowLine>& lines, const Unit& unit) {
    std::string out;
    for (size_t i : unit.lines) out += text::nfkc(lines[i].text) + " ";
    return out;
}

// The list item a line (NFKC) opens: numbered (1. 2) (3)) as {"1", n}, circled (①) as {"c", n}, a
// short bracketed head ((情報照会) …) as {"(", 0}, a starter of the dictionary (・ 【 ※) as {that
// starter, 0}; {"", 0} when none.
struct ItemMark {
    std::string type;
    int number = 0;
};
// Scanners, not std::regex: item_mark runs on every line of every text unit, and a regex search
// per line was a tenth of reading a pdftotext document.
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// ^\(?([0-9]{1,2})[.)]([^0-9]|$): the number.
std::optional<int> leading_number(const std::string& n) {
    const size_t at = !n.empty() && n[0] == '(' ? 1 : 0;
    size_t end = at;
    while (end < n.size() && is_digit(n[end])) ++end;
    if (end == at || end - at > 2 || end >= n.size() || (n[end] != '.' && n[end] != ')')) return std::nullopt;
    if (end + 1 < n.size() && is_digit(n[end + 1])) return std::nullopt;
    return std::stoi(n.substr(at, end - at));
}

// ^\([^()]{1,12}\)\s*: where the text after a short bracketed head starts (lengths in bytes, as the
// regex had); npos when the line opens with none.
size_t after_bracketed_head(const std::string& n) {
    if (n.empty() || n[0] != '(') return std::string::npos;
    const size_t close = n.find_first_of("()", 1);
    if (close == std::string::npos || n[close] != ')' || close - 1 < 1 || close - 1 > 12) return std::string::npos;
    size_t next = close + 1;
    while (next < n.size() && std::isspace(static_cast<unsigned char>(n[next]))) ++next;  // regex \s
    return next;
}

// A short bracketed head followed by text ((情報照会) 番号法…).
bool opens_with_bracketed_head(const std::string& n) {
    const size_t next = after_bracketed_head(n);
    return next != std::string::npos && next < n.size();
}

ItemMark item_mark(const std::string& n) {
    if (const auto number = leading_number(n)) return {"1", *number};
    if (const int c = circled_number(n); c > 0) return {"c", c};
    if (opens_with_bracketed_head(n)) return {"(", 0};
    const std::u32string u = text::to_u32(n);
    if (u.empty()) return {};
    const std::string first = compact_key(text::to_utf8(u.substr(0, 1)));
    const auto& starters = FormLabels::get().spellings("row_item_starters");
    if (std::find(starters.begin(), starters.end(), first) != starters.end()) return {first, 0};
    return {};
}

// Whether line n (NFKC) opens a list that text unit `open` holds no item of (条例 | ・予防接種法…): it
// may be the next value as well as the rest of this one, so it starts a unit of its own.
bool opens_list(const std::vector<FlowLine>& lines, const Unit& open, const std::string& n) {
    const ItemMark mark = item_mark(n);
    if (mark.type.empty()) return false;
    return std::none_of(open.lines.begin(), open.lines.end(),
                        [&](size_t i) { return item_mark(text::nfkc(lines[i].text)).type == mark.type; });
}

// The item a line opens as a list's next item: a bracketed head alone on its line ((情報照会), its
// text on the lines below) is one as well.
ItemMark list_item_mark(const std::string& n) {
    ItemMark mark = item_mark(n);
    if (mark.type.empty() && is_bracketed_head(n)) mark.type = "(";
    return mark;
}

// How text unit `at` goes on the text units before it (see Follows): the last item of its kind
// among them, back to the last unit that is no text.
Follows follows(const std::vector<FlowLine>& lines, const std::vector<Unit>& units, size_t at) {
    const ItemMark mark = list_item_mark(text::nfkc(lines[units[at].lines.front()].text));
    if (mark.type.empty()) return Follows::no;
    if (mark.number == 1) return Follows::maybe;
    // At a line's start, or numbered after a space ("… 2. 収納情報と … 3. 納付情報").
    static const std::regex inline_numbered(R"(\s\(?([0-9]{1,2})[.)][^0-9])");
    for (size_t u = at; u-- > 0 && units[u].kind == Kind::text;) {
        ItemMark last;
        for (const size_t i : units[u].lines) {
            const std::string n = text::nfkc(lines[i].text);
            if (const ItemMark m = list_item_mark(n); m.type == mark.type) last = m;
            if (mark.type != "1") continue;
            for (std::sregex_iterator it(n.begin(), n.end(), inline_numbered), end; it != end; ++it)
                last = {"1", std::stoi((*it)[1].str())};
        }
        if (last.type != mark.type) continue;
        return mark.number == 0 || mark.number == last.number + 1 ? Follows::surely : Follows::no;
    }
    return Follows::no;
}

// Each unit's text, and how each text unit follows the ones before it.
void finish_units(const std::vector<FlowLine>& lines, std::vector<Unit>& units) {
    for (size_t u = 0; u < units.size(); ++u) {
        units[u].text = unit_text(lines, units[u]);
        if (u > 0 && units[u].kind == Kind::text) units[u].follows = follows(lines, units, u);
    }
}

// The units with each text unit cut into its lines, the further ones wrapped: the alignment may end a
// value at any of them (条例 | 精神保健及び… : a value that filled its last line, then the next one).
std::vector<Unit> line_units(const std::vector<FlowLine>& lines, const std::vector<Unit>& units) {
    std::vector<Unit> out;
    for (const Unit& u : units) {
        if (u.kind != Kind::text || u.lines.size() < 2) {
            out.push_back(u);
            continue;
        }
        for (size_t k = 0; k < u.lines.size(); ++k) {
            Unit line = u;
            line.lines = {u.lines[k]};
            line.text = text::nfkc(lines[u.lines[k]].text) + " ";
            line.wrapped = k > 0;
            if (line.wrapped) line.follows = Follows::no;
            out.push_back(std::move(line));
        }
    }
    return out;
}

// After a selection's opening bracket alone on line i: its choice on the next value line and its
// option list (＜選択肢＞) after that, as a sheet prints the bracket, the choice and the list in cells
// of their own ([ | 実施する | ＜選択肢＞ 1) … | ]). An empty box's bracket alone is followed by its
// closer or by other boxes.
bool choice_and_options_follow(const std::vector<FlowLine>& lines, size_t i, size_t to) {
    std::vector<std::string> next;
    for (size_t k = i + 1; k < to && next.size() < 2; ++k) {
        if (lines[k].type == FlowLine::Type::blank) continue;
        if (lines[k].type != FlowLine::Type::value) return false;
        next.push_back(text::nfkc(lines[k].text));
    }
    return next.size() == 2 && !has_checkbox(next[0]) && next[0].find(']') == std::string::npos &&
           text::starts_with(next[1], option_list_word());
}

// The value lines [from, to) cut into units: selections with their option lists, checkbox groups,
// and paragraphs of text. A line of another kind ends a paragraph, unless `through_labels` and it
// is a label (a label at the foot of its row stands amid its value's lines).
std::vector<Unit> cut_units(const std::vector<FlowLine>& lines, size_t from, size_t to, bool through_labels = false) {
    // A selection unit that opens with its choice ([…]) and holds its option list: whole.
    const auto holds_choice_and_options = [&](const Unit& u) {
        const std::string first = text::nfkc(lines[u.lines.front()].text);
        return !first.empty() && first[0] == '[' && text::contains(unit_text(lines, u), option_list_word());
    };
    // The width of a full line of the run's cells: a high percentile of its line widths (a line of
    // ASCII may run a little wider than the estimate of display_width).
    std::vector<size_t> widths;
    for (size_t i = from; i < to; ++i)
        if (lines[i].type == FlowLine::Type::value) widths.push_back(display_width(lines[i].text));
    size_t widest = 0;
    if (!widths.empty()) {
        std::sort(widths.begin(), widths.end());
        widest = widths[widths.size() * kFullLinePercentile / 100];
    }
    std::vector<Unit> units;
    std::string joined;                     // the open checkbox unit's text
    std::set<std::string> checkbox_groups;  // the option groups its boxes fit
    std::string joined_box_line;            // its last line with boxes (wrapped labels continue one of them)
    for (size_t i = from; i < to; ++i) {
        if (lines[i].type != FlowLine::Type::value) {
            const bool label = lines[i].type == FlowLine::Type::label || lines[i].type == FlowLine::Type::entry;
            if (!units.empty() && units.back().kind == Kind::text && !(through_labels && label))
                units.back().closed = true;
            continue;
        }
        const std::string n = text::nfkc(lines[i].text);
        const size_t width = display_width(lines[i].text);
        Unit* open = units.empty() || units.back().closed ? nullptr : &units.back();
        const bool tail = width <= kOptionTailWidth;
        const bool split_selection = is_bracket_alone(n) && choice_and_options_follow(lines, i, to);
        if (has_checkbox(n) && !opens_selection(n) && !split_selection) {
            if (!open || open->kind != Kind::checkboxes || !same_group(checkbox_groups, n)) {
                units.push_back({Kind::checkboxes, {}, false, Follows::no, {}, false, {}});
                joined.clear();
                checkbox_groups = OptionGroups::get().groups_of(n);
            }
            units.back().lines.push_back(i);
            joined += n;
            joined_box_line = n;
            units.back().closed = closes_checkboxes(joined);
        } else if (open && open->kind == Kind::selection && text::starts_with(n, option_list_word()) &&
                   !text::contains(unit_text(lines, *open), option_list_word())) {
            open->lines.push_back(i);  // [委託する] | <選択肢> 1) 委託する … on a line of its own
        } else if ((opens_selection(n) || split_selection) &&
                   !(open && open->kind == Kind::selection && !text::contains(n, option_list_word()) &&
                     !holds_choice_and_options(*open))) {
            // a selection, unless it goes on one that lacks its choice or its option list
            units.push_back({Kind::selection, {i}, false, Follows::no, {}, false, {}});
        } else if (open && open->kind == Kind::selection &&
                   (is_count_line(n) || completes_count(text::nfkc(lines[open->lines.back()].text), n))) {
            open->lines.push_back(i);  // （2）件: the count that the 委託の有無 cell holds after its choice
        } else if (open && open->kind == Kind::selection &&
                   (has_option_number(n) || n.find(']') != std::string::npos ||
                    ends_with_option_number(text::nfkc(lines[open->lines.back()].text)) ||
                    OptionGroups::get().completes(unit_text(lines, *open), n))) {
            open->lines.push_back(i);  // an option list, or an option cut at the line end (however long its rest)
        } else if (open && open->kind == Kind::selection && open->lines.size() == 1 &&
                   is_bracket_alone(text::nfkc(lines[open->lines.front()].text))) {
            open->lines.push_back(i);  // [ | 実施する: a sheet prints the choice's cell after its bracket's
        } else if (open && open->kind == Kind::checkboxes &&
                   (ends_with_box(text::nfkc(lines[open->lines.back()].text)) ||
                    (tail && OptionGroups::get().completes(joined_box_line, n)) ||
                    std::count(joined.begin(), joined.end(), '(') > std::count(joined.begin(), joined.end(), ')') ||
                    (text::starts_with(n, "(") && ends_with_other_option(joined)))) {
            // the label of a box printed alone on the line before ([○] | 庁内連携システム), a wrapped
            // option label, the rest of an open (detail), however long, or the detail of a その他 that
            // ends the line before ([ ○ ] その他 | (eLTAX))
            open->lines.push_back(i);
            joined += n;
            open->closed = closes_checkboxes(joined);
        } else if (!units.empty() && units.back().kind == Kind::checkboxes && is_count_line(n)) {
            units.back().lines.push_back(i);  // the count after the boxes of 委託の有無 or 提供・移転の有無
        } else {
            if (!open || open->kind != Kind::text || opens_list(lines, *open, n))
                units.push_back({Kind::text, {}, false, Follows::no, {}, false, {}});
            units.back().lines.push_back(i);
            // a short line ends its paragraph, unless it is a head whose text follows ((情報提供) | 番号法…)
            units.back().closed = width + kShortLineSlack < widest && !is_bracketed_head(n);
        }
    }
    finish_units(lines, units);
    return units;
}

// What the value of a label of the form (its form_labels key) holds, by the dictionary's value_kinds.
Expects expects_of_key(const std::string& key) {
    static const auto kinds = [] {
        std::vector<std::pair<std::vector<std::string>, Expects>> out;
        const Dictionary& d = Dictionary::get();
        out.push_back({d.list("/value_kinds/selection"), Expects::selection});
        out.push_back({d.list("/value_kinds/checkboxes"), Expects::checkboxes});
        out.push_back({d.list("/value_kinds/optional"), Expects::optional});
        out.push_back({d.list("/value_kinds/names"), Expects::name});
        return out;
    }();
    for (const auto& [keys, kind] : kinds)
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) return kind;
    return Expects::text;
}

Expects expects(const FlowLine& l) {
    if (l.type == FlowLine::Type::entry) return Expects::entry;
    if (const Expects kind = expects_of_key(l.key); kind != Expects::text) return kind;
    static const auto selection_labels = Dictionary::get().list("/value_kinds/selection_labels");
    const std::string label = label_key(l.text);
    for (const auto& s : selection_labels)
        if (label == compact_key(s)) return Expects::selection;
    return Expects::text;
}

Want want(const FlowLine& l) {
    static const auto first_words = [] {
        std::map<std::string, std::vector<std::string>> out;
        const Dictionary& d = Dictionary::get();
        for (const auto& [key, words] : d.raw().at("value_kinds").at("first_words").items())
            for (const auto& w :
                 words.is_string() ? d.list(words.get<std::string>()) : words.get<std::vector<std::string>>())
                out[key].push_back(compact_key(w));
        return out;
    }();
    static const auto options = [] {
        std::map<std::string, std::vector<std::string>> out;
        const auto& raw = Dictionary::get().raw();
        for (const auto& [key, group] : raw.at("value_kinds").at("selection_options").items())
            for (const auto& o : raw.at("options").at(group.get<std::string>()))
                out[key].push_back(compact_key(o.get<std::string>()));
        return out;
    }();
    static const auto every_paragraph = Dictionary::get().list("/value_kinds/every_paragraph");
    const auto words = l.key.empty() ? first_words.end() : first_words.find(l.key);
    const auto group = l.key.empty() ? options.end() : options.find(l.key);
    return {expects(l), words == first_words.end() ? nullptr : &words->second,
            group == options.end() ? nullptr : &group->second,
            std::find(every_paragraph.begin(), every_paragraph.end(), l.key) != every_paragraph.end()};
}

// Whether a selection unit's value ([…]) can be the label's: one of its options, or no option of
// any group (a value the dictionary does not know, or cut).
bool selection_fits(const Want& w, const Unit& u) {
    if (!w.options) return true;
    const size_t open = u.text.find('['), close = u.text.find(']', open);
    if (open == std::string::npos || close == std::string::npos) return true;
    const std::string v = compact_key(u.text.substr(open + 1, close - open - 1));
    if (v.empty() || std::find(w.options->begin(), w.options->end(), v) != w.options->end()) return true;
    return !OptionGroups::get().known(v);
}

// Whether a paragraph holds one of the words the label's values open with (any, where it names none).
bool holds_first_word(const Want& w, const std::string& paragraph) {
    if (!w.first_words) return true;
    const std::string k = compact_key(paragraph);
    return std::any_of(w.first_words->begin(), w.first_words->end(),
                       [&](const std::string& word) { return text::contains(k, word); });
}

// Whether the text units [from, to) open like the value the label wants: their first paragraph
// (the first unit and the lines wrapped on it). A value that opens on a line the line before filled
// shows its start on that line alone: that the paragraph went on there is the likelier reading.
bool starts_like(const Want& w, const std::vector<Unit>& units, size_t from, size_t to) {
    if (!w.first_words) return true;
    size_t end = from + 1;
    if (!units[from].wrapped)
        while (end < to && units[end].wrapped) ++end;
    return units[from].starts.get(w.first_words, end, [&] {
        std::string paragraph = units[from].text;
        for (size_t u = from + 1; u < end; ++u) paragraph += units[u].text;
        return holds_first_word(w, paragraph);
    });
}

// The cost of a further unit of a text value: nothing for a wrapped line, else by how its paragraph
// follows.
double extra_paragraph_cost(const Unit& u) {
    if (u.wrapped) return 0;
    return u.follows == Follows::surely ? 0 : u.follows == Follows::maybe ? kLeadParagraphCost : kExtraParagraphCost;
}

// The cost of giving units [from, to) to a label that wants `w`.
double cost(const Want& w, const std::vector<Unit>& units, size_t from, size_t to) {
    const size_t n = to - from;
    const Expects e = w.kind;
    if (n == 0) {
        if (e == Expects::carry) return 0;
        return e == Expects::optional ? kOptionalEmptyCost : kEmptyCost;  // an entry names its recipient
    }
    if (e == Expects::carry) {  // the rest of one value: text after its first piece, whatever that is
        double c = kCarryCost;
        for (size_t u = from + 1; u < to; ++u)
            c += units[u].kind == Kind::text ? extra_paragraph_cost(units[u]) : kWrongKindCost;
        return c;
    }
    const bool after_head = from > 0 && units[from].wrapped && is_bracketed_head(units[from - 1].text);
    const double split = !units[from].wrapped ? 0 : after_head ? kSplitHeadCost : kSplitLineCost;
    double c = split + (units[from].follows == Follows::surely ? kSplitListCost : 0);
    if (!starts_like(w, units, from, to)) c += kUnlikeStartCost;
    switch (e) {
        case Expects::entry: {  // a name of one or two lines, or nothing; never the count of entries
            size_t name_lines = 0;
            for (size_t u = from; u < to; ++u)
                if (units[u].kind == Kind::text && (u == from || units[u].wrapped) && !is_count_line(units[u].text))
                    name_lines += units[u].lines.size();
                else
                    return kImpossibleCost;
            return name_lines <= 2 ? split : kImpossibleCost;
        }
        case Expects::selection:
            return n == 1 && units[from].kind == Kind::selection && selection_fits(w, units[from])
                       ? 0
                       : kWrongKindCost * static_cast<double>(n);
        case Expects::checkboxes:
            for (size_t u = from; u < to; ++u)
                c += units[u].kind == Kind::checkboxes ? (u > from ? kExtraParagraphCost : 0) : kWrongKindCost;
            return c;
        case Expects::name:  // one paragraph: a second one belongs to the next label
            // A name opens its cell: a line that goes on a paragraph that filled its line is rather
            // no name at all than a name.
            if (units[from].wrapped) c += kEmptyCost;
            for (size_t u = from; u < to; ++u)
                c += units[u].kind != Kind::text     ? kWrongKindCost
                     : u == from || units[u].wrapped ? 0
                                                     : kWrongKindCost / 2;
            return c;
        case Expects::carry:  // handled above
        case Expects::text:
        case Expects::optional:
            for (size_t u = from; u < to; ++u) {
                c += units[u].kind != Kind::text ? kWrongKindCost : u == from ? 0 : extra_paragraph_cost(units[u]);
                if (u > from && w.every_paragraph && !units[u].wrapped && !starts_like(w, units, u, to))
                    c += kUnlikeStartCost;
            }
            return c;
    }
    return c;
}

// Which units each label takes: labels[j] gets [bounds[j], bounds[j + 1]). Ties go to the later
// label (a name, then its description: the description is the longer).
std::vector<size_t> align(const std::vector<Want>& labels, const std::vector<Unit>& units) {
    const size_t k = labels.size(), m = units.size();
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> best(k + 1, std::vector<double>(m + 1, inf));
    std::vector<std::vector<size_t>> from(k + 1, std::vector<size_t>(m + 1, 0));
    best[0][0] = 0;
    for (size_t j = 0; j < k; ++j)
        for (size_t s = 0; s <= m; ++s) {
            if (best[j][s] == inf) continue;
            for (size_t e = s; e <= m; ++e) {
                const double c = best[j][s] + cost(labels[j], units, s, e);
                if (c < best[j + 1][e]) {
                    best[j + 1][e] = c;
                    from[j + 1][e] = s;
                }
            }
        }
    std::vector<size_t> bounds(k + 1, m);
    for (size_t j = k; j > 0; --j) bounds[j - 1] = from[j][bounds[j]];
    return bounds;
}

bool takes_value(const FlowLine& l) {
    if (l.value_kept) return false;
    if (l.type == FlowLine::Type::entry) return !is_valueless_entry(l.key);
    return l.type == FlowLine::Type::label;
}

// Whether a line of a value opens like the value a label wants: text, holding one of the words its
// first paragraph holds where the label's values hold any (a file's name ends in ファイル).
bool opens_like(const FlowLine& label, const FlowLine& value) {
    return value_kind_of_line(value.text) == ValueKind::text && holds_first_word(want(label), value.text);
}

// The cover prints 評価書番号 | 評価書名 side by side, so its values come in no order of their labels:
// each is taken by its look (a one-line unit), wherever it stands in the value run.
using Look = bool (*)(std::string_view);
Look cover_look(const std::string& key) {
    static const std::pair<const char*, Look> looks[] = {{"number", looks_like_assessment_number},
                                                         {"published", looks_like_publication_date},
                                                         {"approval_date", looks_like_publication_date},
                                                         {"organization", looks_like_organization},
                                                         {"title_field", looks_like_assessment_title}};
    for (const auto& [k, look] : looks)
        if (key == k) return look;
    return nullptr;
}

// A cover value is one line, or two where a long 評価書名 wrapped.
constexpr size_t kCoverValueLines = 2;

// Takes out of `units` the one each cover label's look finds; their positions in `picked` (per
// label; npos for none and for other labels).
std::vector<size_t> pick_cover_values(const std::vector<FlowLine>& lines, const std::vector<size_t>& label_lines,
                                      const std::vector<Unit>& units) {
    std::vector<size_t> picked(label_lines.size(), std::string::npos);
    std::vector<bool> taken(units.size(), false);
    for (size_t j = 0; j < label_lines.size(); ++j) {
        const Look look = cover_look(lines[label_lines[j]].key);
        if (!look) continue;
        for (size_t u = 0; u < units.size(); ++u)
            if (!taken[u] && units[u].lines.size() <= kCoverValueLines && look(unit_text(lines, units[u]))) {
                picked[j] = u;
                taken[u] = true;
                break;
            }
    }
    return picked;
}

// A stretch of the text: labels from `run`, their values from `values` to `end`. `open_after`: the
// last line of a checkbox value before it that its その他 has not closed yet (npos when none) -
// the rest of that group may come first among this stretch's values.
struct Stretch {
    size_t run = 0, values = 0, end = 0;
    size_t open_after = std::string::npos;
    bool page_start = false;  // a page starts before its first value: its first values may continue the page before
};

// An item's title that labels its own value, alone in a stretch before the next item's title
// (1. 特定個人情報ファイル名 | 2. 基本情報 | 生活保護ファイル): its value goes right under it.
void put_title_value(const Stretch& st, size_t title, const Unit& value, std::vector<size_t>& order) {
    std::vector<size_t> out;
    for (size_t i = st.run; i < st.end; ++i) {
        if (std::find(value.lines.begin(), value.lines.end(), i) != value.lines.end()) continue;
        out.push_back(i);
        if (i == title) out.insert(out.end(), value.lines.begin(), value.lines.end());
    }
    std::copy(out.begin(), out.end(), order.begin() + static_cast<long>(st.run));
}

// Rewrites the stretch into `order`, when two or more labels meet two or more values there, or an
// item's title meets its value.
// Returns the last line of a checkbox value the stretch leaves open (npos when none).
size_t rewrite_stretch(const std::vector<FlowLine>& lines, const Stretch& st, std::vector<size_t>& order) {
    std::vector<size_t> label_lines;
    std::vector<Want> labels;
    for (size_t i = st.run; i < st.values; ++i)
        if (takes_value(lines[i])) {
            label_lines.push_back(i);
            labels.push_back(want(lines[i]));
        }
    std::vector<Unit> all = cut_units(lines, st.values, st.end);
    if (labels.empty() || all.empty()) return std::string::npos;
    if (labels.size() == 1 && all.size() == 1 && lines[label_lines[0]].titled &&
        opens_like(lines[label_lines[0]], lines[all[0].lines.front()])) {
        put_title_value(st, label_lines[0], all[0], order);
        return std::string::npos;
    }
    if (labels.size() < 2 || all.size() < 2) {
        const bool open = labels.back().kind == Expects::checkboxes && all.back().kind == Kind::checkboxes &&
                          !all.back().closed && all.size() == 1;
        return open ? all.back().lines.back() : std::string::npos;
    }
    // The rest of a checkbox group left open before: back after its first part, with each further
    // unit of boxes of the same group (the cell's other column of options, 既存住民基本台帳システム |
    // 税務システム after 宛名システム等 | その他).
    std::vector<size_t> out;
    size_t from = st.run;
    if (st.open_after != std::string::npos && all.front().kind == Kind::checkboxes &&
        labels.front().kind != Expects::checkboxes) {
        std::set<std::string> groups;
        same_group(groups, lines[st.open_after].text);
        do {
            out.insert(out.end(), all.front().lines.begin(), all.front().lines.end());
            all.erase(all.begin());
        } while (!all.empty() && all.front().kind == Kind::checkboxes && same_group(groups, all.front().text));
        // Right after that line, where the stretch before put it (its blank lines follow it).
        const auto run_end = order.begin() + static_cast<long>(st.run);
        if (const auto open_line = std::find(order.begin(), run_end, st.open_after); open_line != run_end)
            from = static_cast<size_t>(open_line - order.begin()) + 1;
        for (size_t i = from; i < st.run; ++i) out.push_back(order[i]);
    }
    // The cover's values by their look; the others in the form's order.
    const std::vector<size_t> picked = pick_cover_values(lines, label_lines, all);
    std::vector<Unit> units;
    std::vector<Want> rest;
    for (size_t u = 0; u < all.size(); ++u)
        if (std::find(picked.begin(), picked.end(), u) == picked.end()) units.push_back(all[u]);
    const bool carry = st.page_start && from == st.run;
    if (carry) rest.push_back({Expects::carry});
    for (size_t j = 0; j < labels.size(); ++j)
        if (!cover_look(lines[label_lines[j]].key)) rest.push_back(labels[j]);
    units = line_units(lines, units);
    const std::vector<size_t> bounds = align(rest, units);
    std::vector<size_t> blanks;
    size_t label = 0, other = carry ? 1 : 0, left_open = std::string::npos;
    for (size_t u = 0; carry && u < bounds[1]; ++u) out.insert(out.end(), units[u].lines.begin(), units[u].lines.end());
    for (size_t i = st.run; i < st.values; ++i) {
        if (lines[i].type == FlowLine::Type::blank) {
            blanks.push_back(i);
            continue;
        }
        out.push_back(i);
        if (!takes_value(lines[i])) continue;
        if (cover_look(lines[i].key)) {
            if (picked[label] != std::string::npos)
                out.insert(out.end(), all[picked[label]].lines.begin(), all[picked[label]].lines.end());
        } else {
            left_open = std::string::npos;
            for (size_t u = bounds[other]; u < bounds[other + 1]; ++u) {
                out.insert(out.end(), units[u].lines.begin(), units[u].lines.end());
                left_open =
                    units[u].kind == Kind::checkboxes && !units[u].closed ? units[u].lines.back() : std::string::npos;
            }
            ++other;
        }
        ++label;
    }
    // Values no label took (a stretch whose labels are all the cover's, each taking one by its look)
    // keep their order after the labels.
    std::vector<bool> placed(st.end, false);
    for (const size_t i : out) placed[i] = true;
    for (size_t i = st.values; i < st.end; ++i)
        if (lines[i].type != FlowLine::Type::blank && !placed[i]) out.push_back(i);
    for (size_t i = st.values; i < st.end; ++i)
        if (lines[i].type == FlowLine::Type::blank) blanks.push_back(i);
    out.insert(out.end(), blanks.begin(), blanks.end());
    // Carried lines go on the value before: ahead of the blank lines that end its stretch.
    size_t carried = 0, start = from;
    for (size_t u = 0; carry && u < bounds[1]; ++u) carried += units[u].lines.size();
    while (carried > 0 && start > 0 && lines[order[start - 1]].type == FlowLine::Type::blank) --start;
    out.insert(out.begin() + static_cast<long>(carried), order.begin() + static_cast<long>(start),
               order.begin() + static_cast<long>(from));
    std::copy(out.begin(), out.end(), order.begin() + static_cast<long>(start));
    return left_open;
}

// The nearest line before (step -1) or after (step 1) line i that is not blank; nullptr when none.
FlowLine* neighbour(std::vector<FlowLine>& lines, size_t i, int step) {
    for (long k = static_cast<long>(i) + step; k >= 0 && k < static_cast<long>(lines.size()); k += step)
        if (lines[static_cast<size_t>(k)].type != FlowLine::Type::blank) return &lines[static_cast<size_t>(k)];
    return nullptr;
}

// A line of a value under a heading and before the next label (3. 特定個人情報ファイル名 | 住民票
// ファイル | 4. …): a row the width of the page, printed in the label column's flow. It stays where
// it is, as a heading does. Not the value of an item's title standing as a label just before that
// heading (1. 特定個人情報ファイル名 | 2. 基本情報 | 生活保護ファイル): it goes under its title.
void keep_heading_values(std::vector<FlowLine>& lines) {
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].type != FlowLine::Type::value) continue;
        const FlowLine* before = neighbour(lines, i, -1);
        const FlowLine* after = neighbour(lines, i, 1);
        if (!before || before->type != FlowLine::Type::fixed || !after || after->type == FlowLine::Type::value ||
            after->type == FlowLine::Type::row)
            continue;
        const FlowLine* title = neighbour(lines, static_cast<size_t>(before - lines.data()), -1);
        if (title && title->titled && title->type == FlowLine::Type::label && opens_like(*title, lines[i])) continue;
        lines[i].type = FlowLine::Type::fixed;
    }
}

// A selection printed alone in the label column's flow, between a label and the next label
// (④提供する情報の対象となる本人の数 | [1万人未満] | ⑤…; its option list comes with the values):
// it stays where it is, so that the run of labels goes on past it.
void keep_label_column_selections(std::vector<FlowLine>& lines) {
    auto is_label = [](const FlowLine* l) {
        return l && (l->type == FlowLine::Type::label || l->type == FlowLine::Type::entry);
    };
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].type != FlowLine::Type::value) continue;
        const std::string n = text::trim(text::nfkc(lines[i].text));
        if (n.size() < 3 || n.front() != '[' || n.back() != ']' || n.find(']') + 1 != n.size() || has_checkbox(n))
            continue;
        if (is_label(neighbour(lines, i, -1)) && is_label(neighbour(lines, i, 1)))
            lines[i].type = FlowLine::Type::fixed;
    }
}

// A text of one line printed under its label amid a run of labels (使用部署 ※ | 市民生活部市民課 |
// 使用者数: a short cell that pdftotext put in the label column's flow): it stays under its label,
// which takes no value from the run of values, so that the run of labels goes on past it. Boxes
// and selections are left to the run they end (an empty template's 提供先1 | ⑥提供方法 | [ ] …).
void keep_label_column_values(std::vector<FlowLine>& lines) {
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].type != FlowLine::Type::value) continue;
        const std::string n = text::nfkc(lines[i].text);
        if (has_checkbox(n) || opens_selection(n)) continue;
        FlowLine* before = neighbour(lines, i, -1);
        const FlowLine* after = neighbour(lines, i, 1);
        if (!before || before->type != FlowLine::Type::label || !after ||
            (after->type != FlowLine::Type::label && after->type != FlowLine::Type::entry))
            continue;
        lines[i].type = FlowLine::Type::fixed;
        before->value_kept = true;
    }
}

// A form printed with each label at the foot of its row (a spreadsheet's default alignment) reads,
// in pdftotext's order, with every label after the first lines of its value: beside the value's
// last line, which comes just before or just after it. Such a text is read region by region (the
// lines between two headings, rows or page breaks): its labels in their order and its values in
// theirs, each label's value ending at it or one unit after it. Whether the labels stand at the
// top or at the foot is chosen once for the text, by which reading fits its values better. A label
// centred on its row stands amid its value's lines (middle): the foot's reading, for a text read
// at the foot, is whichever of the two fits a region better.
// A part of a page whose label column and value column came one after the other in blocks, in no
// order of their rows (pdftotext's reading order of a sheet: values, then their labels, then more
// values), is read as two streams: its labels in their order take its values in theirs, wherever
// each stands (stream).
enum class LabelAt { top, foot, middle, stream };

// The cost of a label whose value stands a unit away from where its alignment wants it, per unit
// and at most.
constexpr double kPositionCost = 1.0;
constexpr size_t kMaxPositionUnits = 5;
// A value line no label takes (before a region's first value or after its last).
constexpr double kOrphanCost = 1.0;
// The longest value a label takes in a region, in units (lines), and the most units a region read
// at the foot holds (the form's regions hold tens; hundreds of lines without a heading or a row are
// no region of the form): they bound the alignment's cost.
constexpr size_t kMaxValueUnits = 80;
constexpr size_t kMaxRegionUnits = 150;
// A region votes for the reading that costs this much less than the other; the foot wins a text
// with this many votes at least, and this share of all.
constexpr double kRegionMargin = 1.0;
constexpr size_t kMinFootVotes = 2;
constexpr double kFootVoteShare = 0.8;
// In a text read at the foot, a region whose labels stand in a run is read at the foot too where
// that costs this much less than the top.
constexpr double kRunMargin = 0.5;
// The share of a region's labels that follow a value, at least, for the region to vote.
constexpr double kMinInterleavedShare = 0.5;
// A segment is read as two streams where that costs this much less than the reading with each label
// near its value, and where it fits nearly every label: at most the base cost and this much per
// label that takes a value.
constexpr double kStreamMargin = 2.0;
constexpr double kStreamBaseCost = 1.0, kStreamCostPerLabel = 0.1;
// The labels that take a value, at least, in a segment read as two streams: two streams of one or
// two are read as well near each other, and a label wrapped onto a line of the value stream reads
// as a value there.
constexpr long kMinStreamLabels = 3;

struct Region {
    size_t from = 0, to = 0;          // lines [from, to)
    std::vector<size_t> label_lines;  // its labels and entries, in order
    std::vector<Unit> units;          // its values, a unit per line of text (cut_region)
};

// A region's values as its labels take them: labels[j] takes units [bounds[j], bounds[j + 1]);
// units before bounds[0] and from bounds.back() on are taken by none.
struct RegionFit {
    double cost = 0;
    std::vector<size_t> bounds;
};

// The labels of a region that take a value.
long taking_labels(const std::vector<FlowLine>& lines, const Region& r) {
    return std::count_if(r.label_lines.begin(), r.label_lines.end(), [&](size_t i) { return takes_value(lines[i]); });
}

std::vector<Region> regions(const std::vector<FlowLine>& lines) {
    std::vector<Region> out;
    Region r;
    auto flush = [&](size_t to) {
        r.to = to;
        // (the labels of a segment read as two streams have their values already)
        if (taking_labels(lines, r) > 0) out.push_back(std::move(r));
        r = Region{};
        r.from = to;
    };
    for (size_t i = 0; i < lines.size(); ++i) {
        const FlowLine::Type t = lines[i].type;
        if (t == FlowLine::Type::fixed || t == FlowLine::Type::row) {
            flush(i);
            r.from = i + 1;
            continue;
        }
        if (lines[i].page_break && i > r.from) flush(i);
        if (t == FlowLine::Type::label || t == FlowLine::Type::entry) r.label_lines.push_back(i);
    }
    flush(lines.size());
    return out;
}

// Cuts a region's values into units (once it is read); none in a region too long to be read at the
// foot. Whether the region has any to read.
bool cut_region(const std::vector<FlowLine>& lines, Region& r) {
    const auto value_lines =
        std::count_if(lines.begin() + static_cast<long>(r.from), lines.begin() + static_cast<long>(r.to),
                      [](const FlowLine& l) { return l.type == FlowLine::Type::value; });
    if (value_lines == 0 || static_cast<size_t>(value_lines) > kMaxRegionUnits) return false;
    if (r.units.empty()) r.units = line_units(lines, cut_units(lines, r.from, r.to, true));
    return !r.units.empty();
}

// Whether the line before label line `at` (blank lines aside) is a value: where a label follows
// another, it stands in a run of labels, and where it stands says nothing of where its value is.
bool follows_value(const std::vector<FlowLine>& lines, const Region& r, size_t at) {
    size_t i = at;
    while (i > r.from && lines[i - 1].type == FlowLine::Type::blank) --i;
    return i > r.from && lines[i - 1].type == FlowLine::Type::value;
}

// The distance, in units, of a value [s, e) from where a label that stands before unit p wants it.
size_t position_distance(LabelAt at, size_t p, size_t s, size_t e) {
    const auto dist = [](size_t a, size_t b) { return a > b ? a - b : b - a; };
    if (at == LabelAt::stream || (at == LabelAt::middle && s <= p && p <= e)) return 0;
    const size_t d = at == LabelAt::top    ? dist(s, p)
                     : at == LabelAt::foot ? std::min(dist(e, p), dist(e, p + 1))
                                           : std::min(dist(s, p), dist(e, p));
    return std::min(d, kMaxPositionUnits);
}

double orphan_cost(const std::vector<Unit>& units, size_t from, size_t to) {
    double c = 0;
    for (size_t u = from; u < to; ++u) c += units[u].wrapped ? 0 : kOrphanCost;
    return c;
}

// The cost of giving units [s, e) to a label of a region: a cover label wants one value of its look.
double region_cost(const FlowLine& label, const Want& w, const std::vector<Unit>& units, size_t s, size_t e) {
    const Look look = cover_look(label.key);
    if (!look) return cost(w, units, s, e);
    if (s == e) return kEmptyCost;
    // One line; a title may have wrapped onto a second.
    const size_t most = label.key == "title_field" ? kCoverValueLines : 1;
    if (e - s > most || (e - s > 1 && !units[s + 1].wrapped)) return kWrongKindCost;
    std::string value;
    for (size_t u = s; u < e; ++u) value += units[u].text;
    return look(value) ? 0 : kWrongKindCost;
}

// The best reading of a region with its labels standing at `at`.
RegionFit fit_region(const std::vector<FlowLine>& lines, const Region& r, LabelAt at) {
    const size_t k = r.label_lines.size(), m = r.units.size();
    std::vector<size_t> before(k);  // per label, the units whose first line comes before it
    // per label, the first unit its value may start at: the labels under an entry (システムN, 提供先N
    // …) take nothing above the entry's own value, as the entry opens a row of its own
    std::vector<size_t> first(k, 0);
    std::vector<Want> wants(k);
    std::vector<bool> placed(k);  // per label, whether where it stands tells where its value is
    for (size_t j = 0; j < k; ++j) {
        placed[j] = follows_value(lines, r, r.label_lines[j]);
        for (const Unit& u : r.units) before[j] += u.lines.front() < r.label_lines[j] ? 1 : 0;
        wants[j] = want(lines[r.label_lines[j]]);
        const bool under_entry =
            at != LabelAt::stream && j > 0 && lines[r.label_lines[j - 1]].type == FlowLine::Type::entry;
        first[j] = under_entry ? std::max(first[j - 1], before[j - 1]) : j > 0 ? first[j - 1] : 0;
    }
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> best(k + 1, std::vector<double>(m + 1, inf));
    std::vector<std::vector<size_t>> from(k + 1, std::vector<size_t>(m + 1, 0));
    for (size_t s = 0; s <= m; ++s) best[0][s] = orphan_cost(r.units, 0, s);
    for (size_t j = 0; j < k; ++j) {
        const bool takes = takes_value(lines[r.label_lines[j]]);
        for (size_t s = first[j]; s <= m; ++s) {
            if (best[j][s] == inf) continue;
            const size_t last = takes ? std::min(m, s + kMaxValueUnits) : s;
            for (size_t e = s; e <= last; ++e) {
                const double position =
                    takes && placed[j] ? kPositionCost * static_cast<double>(position_distance(at, before[j], s, e))
                                       : 0;
                const double c =
                    best[j][s] + (takes ? region_cost(lines[r.label_lines[j]], wants[j], r.units, s, e) : 0) + position;
                if (c < best[j + 1][e]) {
                    best[j + 1][e] = c;
                    from[j + 1][e] = s;
                }
            }
        }
    }
    RegionFit fit;
    fit.cost = inf;
    size_t end = m;
    for (size_t e = 0; e <= m; ++e)
        if (const double c = best[k][e] + orphan_cost(r.units, e, m); c < fit.cost) fit.cost = c, end = e;
    fit.bounds.assign(k + 1, end);
    for (size_t j = k; j > 0; --j) fit.bounds[j - 1] = from[j][fit.bounds[j]];
    return fit;
}

// The better of a region's readings with its labels at the foot and amid their values.
RegionFit below_top_fit(const std::vector<FlowLine>& lines, const Region& r) {
    RegionFit foot = fit_region(lines, r, LabelAt::foot), middle = fit_region(lines, r, LabelAt::middle);
    return middle.cost < foot.cost ? middle : foot;
}

// Rewrites a region read at the foot into `order`: each label, then the lines of its value; lines
// no label takes where they stood against the labels (before the first, after the last); blank
// lines at the end.
void rewrite_region(const std::vector<FlowLine>& lines, const Region& r, const RegionFit& fit,
                    std::vector<size_t>& order) {
    std::vector<size_t> out;
    auto put_units = [&](size_t from, size_t to) {
        for (size_t u = from; u < to; ++u) out.insert(out.end(), r.units[u].lines.begin(), r.units[u].lines.end());
    };
    // Lines before the first value no label takes stay on their side of the first label (after it:
    // the rest of a label wrapped over two lines).
    size_t above = 0;
    while (above < fit.bounds.front() && r.units[above].lines.front() < r.label_lines.front()) ++above;
    put_units(0, above);
    for (size_t j = 0; j < r.label_lines.size(); ++j) {
        out.push_back(r.label_lines[j]);
        if (j == 0) put_units(above, fit.bounds.front());
        put_units(fit.bounds[j], fit.bounds[j + 1]);
    }
    put_units(fit.bounds.back(), r.units.size());
    for (size_t i = r.from; i < r.to; ++i)
        if (lines[i].type == FlowLine::Type::blank) out.push_back(i);
    if (out.size() != r.to - r.from) return;  // a line of no kind the region knows: left as it came
    std::copy(out.begin(), out.end(), order.begin() + static_cast<long>(r.from));
}

// Whether a region holds an HTML tag (<input …>, </div>): a conversion's markup, never a printed
// page's text, whose order says nothing of where its labels stood.
bool holds_markup(const std::vector<FlowLine>& lines, const Region& r) {
    for (size_t i = r.from; i < r.to; ++i) {
        const std::string& t = lines[i].text;
        for (size_t at = t.find('<'); at != std::string::npos && at + 1 < t.size(); at = t.find('<', at + 1))
            if ((std::isalpha(static_cast<unsigned char>(t[at + 1])) || t[at + 1] == '/') &&
                t.find('>', at) != std::string::npos)
                return true;
    }
    return false;
}

// Whether a region's labels stand amid its values, most of them right after a value: a run of
// labels, then the run of their values, reads as well (or as badly) at the foot as at the top, and
// is left to the column flow.
bool interleaved(const std::vector<FlowLine>& lines, const Region& r) {
    if (holds_markup(lines, r)) return false;
    size_t labels = 0, after_value = 0;
    for (const size_t at : r.label_lines) {
        if (lines[at].type != FlowLine::Type::label && lines[at].type != FlowLine::Type::entry) continue;
        ++labels;
        after_value += follows_value(lines, r, at) ? 1 : 0;
    }
    return static_cast<double>(after_value) >= kMinInterleavedShare * static_cast<double>(labels);
}

// A physical layout (values indented right of the labels) puts each label on the line where it
// stands in its row: the row rebuilder reads its alignment there (AlignedLabels).
bool physical_layout(const std::vector<FlowLine>& lines) {
    size_t values = 0, indented = 0;
    for (const FlowLine& l : lines)
        if (l.type == FlowLine::Type::value) ++values, indented += l.indented ? 1 : 0;
    return 2 * indented > values;
}

// The text's order when its labels stand at the foot of their rows; nullopt when they read better
// at the top.
std::optional<std::vector<size_t>> foot_order(const std::vector<FlowLine>& lines) {
    if (physical_layout(lines)) return std::nullopt;
    std::vector<Region> rs = regions(lines);
    // Each region votes for the reading that fits it clearly better. When the foot wins the text,
    // every region the top does not win is read at the foot.
    std::vector<std::optional<RegionFit>> foot_fits(rs.size());
    std::vector<bool> voted(rs.size(), false);  // read both ways already
    size_t foot_votes = 0, top_votes = 0;
    for (size_t n = 0; n < rs.size(); ++n) {
        if (!interleaved(lines, rs[n]) || !cut_region(lines, rs[n])) continue;
        voted[n] = true;
        const double top = fit_region(lines, rs[n], LabelAt::top).cost;
        RegionFit foot = below_top_fit(lines, rs[n]);
        if (!std::isfinite(foot.cost)) continue;  // no reading at the foot at all
        if (top + kRegionMargin < foot.cost) {
            ++top_votes;
            continue;
        }
        if (foot.cost + kRegionMargin < top) ++foot_votes;
        if (foot.cost <= top) foot_fits[n] = std::move(foot);
    }
    if (foot_votes < kMinFootVotes ||
        static_cast<double>(foot_votes) < kFootVoteShare * static_cast<double>(foot_votes + top_votes))
        return std::nullopt;
    // In such a text, a region of labels in a run that follows a value of theirs (②入手方法 after
    // the boxes of its value, then ③ ④ …) is read at the foot too where that fits it clearly
    // better.
    for (size_t n = 0; n < rs.size(); ++n) {
        if (voted[n] || holds_markup(lines, rs[n]) || !cut_region(lines, rs[n])) continue;
        RegionFit foot = below_top_fit(lines, rs[n]);
        if (std::isfinite(foot.cost) && foot.cost + kRunMargin < fit_region(lines, rs[n], LabelAt::top).cost)
            foot_fits[n] = std::move(foot);
    }
    std::vector<size_t> order(lines.size());
    std::iota(order.begin(), order.end(), size_t{0});
    for (size_t n = 0; n < rs.size(); ++n)
        if (foot_fits[n]) rewrite_region(lines, rs[n], *foot_fits[n], order);
    return order;
}

// A segment read as two streams: its labels, and every line of it that takes no value (headings,
// rows, values kept under their labels), in their order; its values are cut into units later.
Region segment_region(const std::vector<FlowLine>& lines, size_t from, size_t to) {
    Region r;
    r.from = from;
    r.to = to;
    for (size_t i = from; i < to; ++i)
        if (lines[i].type != FlowLine::Type::value && lines[i].type != FlowLine::Type::blank)
            r.label_lines.push_back(i);
    return r;
}

// Where a text may be read as two streams: a page, or the part of it up to a heading or a row that
// follows a value (its values end there: a heading in a stream stands amid labels). Per line, the
// number of its segment.
std::vector<size_t> stream_segments(const std::vector<FlowLine>& lines) {
    std::vector<size_t> segment_of(lines.size(), 0);
    const FlowLine* last = nullptr;  // the last line that is not blank
    for (size_t i = 0; i < lines.size(); ++i) {
        const bool closes = last && last->type == FlowLine::Type::value &&
                            (lines[i].type == FlowLine::Type::fixed || lines[i].type == FlowLine::Type::row);
        segment_of[i] = i == 0 ? 0 : segment_of[i - 1] + ((lines[i].page_break || closes) ? 1 : 0);
        if (lines[i].type != FlowLine::Type::blank) last = &lines[i];
    }
    return segment_of;
}

// What the reading in `order` costs on the segments marked in `wanted`: each label's cost for the
// value lines that follow it there (up to the next line of another kind), on the segment the label
// stands on.
std::vector<double> segment_costs(const std::vector<FlowLine>& lines, const std::vector<size_t>& order,
                                  const std::vector<size_t>& segment_of, const std::vector<bool>& wanted) {
    std::vector<double> costs(wanted.size(), 0.0);
    std::vector<FlowLine> value;
    for (size_t j = 0; j < order.size(); ++j) {
        const FlowLine& label = lines[order[j]];
        if (!wanted[segment_of[order[j]]] || !takes_value(label)) continue;
        value.clear();
        for (size_t k = j + 1; k < order.size() && (lines[order[k]].type == FlowLine::Type::value ||
                                                    lines[order[k]].type == FlowLine::Type::blank);
             ++k)
            value.push_back(lines[order[k]]);
        const std::vector<Unit> units = line_units(value, cut_units(value, 0, value.size()));
        costs[segment_of[order[j]]] += cost(want(label), units, 0, units.size());
    }
    return costs;
}

// A segment that may read as two streams: labels enough, most of them in runs (not each after a
// value of its own).
bool may_stream(const std::vector<FlowLine>& lines, const Region& r) {
    return taking_labels(lines, r) >= kMinStreamLabels && !interleaved(lines, r);
}

// The text's order with the segments that read better as two streams (see LabelAt::stream) than
// in `near` read so: each label, then its value; their labels then keep the values they took.
// nullopt when none does.
std::optional<std::vector<size_t>> stream_order(std::vector<FlowLine>& lines, const std::vector<size_t>& near) {
    if (physical_layout(lines)) return std::nullopt;
    const std::vector<size_t> segment_of = stream_segments(lines);
    std::vector<Region> segments;
    std::vector<bool> wanted(lines.empty() ? 0 : segment_of.back() + 1, false);
    for (size_t from = 0; from < lines.size();) {
        size_t to = from + 1;
        while (to < lines.size() && segment_of[to] == segment_of[from]) ++to;
        if (Region r = segment_region(lines, from, to); may_stream(lines, r)) {
            wanted[segment_of[from]] = true;
            segments.push_back(std::move(r));
        }
        from = to;
    }
    if (segments.empty()) return std::nullopt;
    const std::vector<double> near_costs = segment_costs(lines, near, segment_of, wanted);
    // Values in the label column's flow stay with their labels, as in a reading at the top.
    std::vector<FlowLine> kept = lines;
    keep_heading_values(kept);
    keep_label_column_selections(kept);
    keep_label_column_values(kept);
    std::vector<size_t> order(lines.size());
    std::iota(order.begin(), order.end(), size_t{0});
    bool any = false;
    for (const Region& segment : segments) {
        Region r = segment_region(kept, segment.from, segment.to);
        if (!may_stream(kept, r) || !cut_region(kept, r)) continue;
        const RegionFit stream = fit_region(kept, r, LabelAt::stream);
        const double fits = kStreamBaseCost + kStreamCostPerLabel * static_cast<double>(taking_labels(kept, r));
        if (stream.cost > fits || stream.cost + kStreamMargin >= near_costs[segment_of[r.from]]) continue;
        rewrite_region(kept, r, stream, order);
        std::copy(kept.begin() + static_cast<long>(r.from), kept.begin() + static_cast<long>(r.to),
                  lines.begin() + static_cast<long>(r.from));
        for (const size_t i : r.label_lines) lines[i].value_kept = true;
        any = true;
    }
    if (!any) return std::nullopt;
    return order;
}

// Every line exactly once, or the text as it came: a reordering never loses a line.
void keep_every_line(std::vector<size_t>& order) {
    std::vector<bool> seen(order.size(), false);
    for (const size_t j : order) {
        if (j >= order.size() || seen[j]) {
            std::iota(order.begin(), order.end(), size_t{0});
            return;
        }
        seen[j] = true;
    }
}

// The lines put in `order` (every line kept once); the order, for the caller to map lines back.
std::optional<std::vector<size_t>> reordered(std::vector<FlowLine>& lines, std::optional<std::vector<size_t>> order) {
    if (!order) return order;
    keep_every_line(*order);
    std::vector<FlowLine> moved(lines.size());
    for (size_t j = 0; j < order->size(); ++j) moved[j] = std::move(lines[(*order)[j]]);
    lines = std::move(moved);
    return order;
}

}  // namespace

bool is_bracketed_head(const std::string& n) {
    const std::string t = text::trim(n);
    return after_bracketed_head(t) == t.size();
}

bool is_name_label(const std::string& key) { return expects_of_key(key) == Expects::name; }

bool is_optional_label(const std::string& key) { return expects_of_key(key) == Expects::optional; }

bool opens_list_item(const std::string& line) { return !item_mark(text::trim(text::nfkc(line))).type.empty(); }

ValueKind value_kind_of_label(const std::string& key) {
    switch (expects_of_key(key)) {
        case Expects::selection:
            return ValueKind::selection;
        case Expects::checkboxes:
            return ValueKind::checkboxes;
        default:
            return ValueKind::text;
    }
}

ValueKind value_kind_of_line(const std::string& line) {
    const std::string n = text::nfkc(line);
    if (opens_selection(n)) return ValueKind::selection;
    return has_checkbox(n) ? ValueKind::checkboxes : ValueKind::text;
}

namespace {

// A selection printed in lenticular brackets (【 実施する 】): a value line that is one bracketed
// text, an option of the form's or followed by its option list (＜選択肢＞), is written [ 実施する ]
// as a selection reads (【情報照会の根拠】 over its text stays a list item's head).
void square_bracket_selections(std::vector<FlowLine>& lines) {
    static const std::string open = "【", close = "】";
    for (size_t i = 0; i < lines.size(); ++i) {
        FlowLine& l = lines[i];
        if (l.type != FlowLine::Type::value || !text::starts_with(l.text, open) || !text::ends_with(l.text, close))
            continue;
        const std::string inner = l.text.substr(open.size(), l.text.size() - open.size() - close.size());
        if (inner.find(open) != std::string::npos || inner.find(close) != std::string::npos) continue;
        const FlowLine* next = neighbour(lines, i, 1);
        const bool options_follow = next && next->type == FlowLine::Type::value &&
                                    text::starts_with(text::nfkc(next->text), option_list_word());
        if (options_follow || OptionGroups::get().known(compact_key(inner))) l.text = "[" + inner + "]";
    }
}

// Each item's title that labels its own value (FlowLine::titled) is a label where it stands in a
// run of labels, after a label alone on its line or before the next item's title (③他のシステムとの
// 接続 | 3. 特定個人情報ファイル名 | [ ] … | (1) 住民基本台帳ファイル: the label column printed before
// the values). A value of its own under it (3. 特定個人情報ファイル名 | 住民票ファイル) is its row
// the width of the page: the title stays a heading over it.
void settle_titles(std::vector<FlowLine>& lines) {
    for (size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].titled) continue;
        const FlowLine* before = neighbour(lines, i, -1);
        const FlowLine* after = neighbour(lines, i, 1);
        const bool own_value_under = after && after->type == FlowLine::Type::value && opens_like(lines[i], *after);
        const bool after_label = before && before->type == FlowLine::Type::label;
        const bool before_title = after && after->type == FlowLine::Type::fixed && !after->titled;
        lines[i].type =
            !own_value_under && (after_label || before_title) ? FlowLine::Type::label : FlowLine::Type::fixed;
    }
}

// The lines with each item's title that labels its value (FlowLine::titled) a heading again: the
// readings of labels at the foot of their rows and of two streams look at the labels of the form's
// rows only (a title that took part would shift them by one where its value is far off).
std::vector<FlowLine> titles_as_headings(std::vector<FlowLine> lines) {
    for (FlowLine& l : lines)
        if (l.titled) l.type = FlowLine::Type::fixed;
    return lines;
}

// The order of a text read with each label near its value: labels at the foot first (where they
// stand so); then runs of labels and runs of values.
std::vector<size_t> near_order(std::vector<FlowLine> lines) {
    const std::optional<std::vector<size_t>> foot = reordered(lines, foot_order(titles_as_headings(lines)));
    keep_heading_values(lines);
    keep_label_column_selections(lines);
    keep_label_column_values(lines);
    std::vector<size_t> order(lines.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    size_t i = 0, open_after = std::string::npos;
    bool page_start = false;  // a page started since the last stretch's values
    while (i < lines.size()) {
        page_start = page_start || lines[i].page_break;
        if (lines[i].type != FlowLine::Type::label && lines[i].type != FlowLine::Type::entry) {
            ++i;
            continue;
        }
        Stretch st;
        st.run = i;
        for (; i < lines.size() && lines[i].type != FlowLine::Type::value && lines[i].type != FlowLine::Type::row; ++i)
            page_start = page_start || lines[i].page_break;
        st.values = i;
        st.page_start = page_start || (i < lines.size() && lines[i].page_break);
        page_start = false;
        while (i < lines.size() && (lines[i].type == FlowLine::Type::value || lines[i].type == FlowLine::Type::blank) &&
               !(i > st.values && lines[i].page_break))
            ++i;
        st.end = i;
        st.open_after = open_after;
        open_after = rewrite_stretch(lines, st, order);
    }
    keep_every_line(order);
    if (foot)
        for (size_t& j : order) j = (*foot)[j];
    return order;
}

}  // namespace

std::vector<size_t> column_flow_order(std::vector<FlowLine> lines) {
    square_bracket_selections(lines);
    settle_titles(lines);
    std::vector<size_t> order = near_order(lines);
    // Segments that read better as two streams are read so first, and the rest as before.
    // The readings of two streams look at the form's rows only (titles_as_headings).
    std::vector<FlowLine> headed = titles_as_headings(lines);
    const std::optional<std::vector<size_t>> stream = reordered(lines, stream_order(headed, order));
    if (!stream) return order;
    order = near_order(std::move(lines));
    for (size_t& j : order) j = (*stream)[j];
    return order;
}

}  // namespace piagraph::extract_detail
