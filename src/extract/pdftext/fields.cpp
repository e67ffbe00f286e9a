#include "fields.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <tuple>

#include "../column_flow.hpp"
#include "../common.hpp"
#include "../form_labels.hpp"
#include "../page_furniture.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail::pdftext {

namespace {

// A field's number alone on its line: its label's, set apart (① | 委託事項3, ① | 法令上の根拠).
bool is_field_number_alone(const std::string& text) {
    return circled_number(text) > 0 && text::length(text::trim(text)) == 1;
}

// Structural labels of the forms come from dictionary "field_labels" (field name -> spellings),
// keyed here by label_of(): the label cell without its number, NFKC, no spaces.
const std::map<std::string, Field>& label_table() {
    static const std::map<std::string, Field> table = [] {
        static const std::map<std::string, Field> by_name = {
            {"published", Field::published},
            {"number", Field::number},
            {"title", Field::title},
            {"organization", Field::organization},
            {"affair", Field::affair},
            {"sys_name", Field::sys_name},
            {"sys_func", Field::sys_func},
            {"sys_conn", Field::sys_conn},
            {"basis", Field::basis},
            {"linkage_status", Field::linkage_status},
            {"department", Field::department},
            {"acq_source", Field::acq_source},
            {"acq_method", Field::acq_method},
            {"acq", Field::acq},
            {"entrust", Field::entrust},
            {"entrust_item", Field::entrust_item},
            {"entrust_methods", Field::entrust_methods},
            {"entrust_contractor", Field::entrust_contractor},
            {"entrust_resub", Field::entrust_resub},
            {"entrust_permission", Field::entrust_permission},
            {"entrust_resub_items", Field::entrust_resub_items},
            {"flows", Field::flows},
            {"flow_generic", Field::flow_generic},
            {"provide", Field::provide},
            {"provide_methods", Field::provide_methods},
            {"transfer", Field::transfer},
            {"transfer_methods", Field::transfer_methods},
            {"storage", Field::storage},
            {"file_type", Field::file_type},
            {"other", Field::other},
        };
        std::map<std::string, Field> out;
        for (auto& [name, spellings] : Dictionary::get().raw().at("field_labels").items()) {
            const auto field = by_name.find(name);
            if (field == by_name.end()) continue;  // "_comment"
            for (const auto& label : spellings) out.emplace(label.get<std::string>(), field->second);
        }
        return out;
    }();
    return table;
}

}  // namespace

Field field_of_label(const std::string& label) {
    const auto& table = label_table();
    const auto it = table.find(label);
    return it == table.end() ? Field::none : it->second;
}

bool is_file_name_line(const Line& line) {
    constexpr size_t kNameChars = 40;
    if (line.text.empty() || line.grid || is_option_list_line(line.text)) return false;
    const std::string n = text::nfkc(line.text);
    if (n.size() > 2 && n[0] == '(' && n[1] >= '0' && n[1] <= '9') return true;  // （２）住民票ファイル
    if (is_label_line(line) || text::longer_than(n, kNameChars) || n[0] == '-') return false;  // - 3 -: a page number
    // ＜…における措置＞, ＜選択肢＞: a sub-heading of the form's text, not a name.
    if (n.front() == '<' && n.back() == '>') return false;
    return !text::ends_with(n, "。");
}

Field field_of(const Line& line) { return line.text.empty() ? Field::none : field_of_label(line.label); }

bool is_label_line(const Line& line) {
    if (line.text.empty()) return false;
    if (line.label_cell || field_of(line) != Field::none) return true;
    return line.header.has_value();
}

namespace {

// Lines an entry's name may stand after (entry_name_after).
bool precedes_entry_name(const Line& line) {
    static const std::vector<std::string> titles = [] {
        std::vector<std::string> out;
        for (const auto& t : Dictionary::get().list("/column_titles")) out.push_back(compact_key(t));
        for (const auto& t : FormLabels::get().spellings("sub_remarks")) out.push_back(t);
        return out;
    }();
    return line.grid || is_count_line(line.text) || names_nothing(line.text) ||
           std::find(titles.begin(), titles.end(), line.compact) != titles.end();
}

// A line no value runs into: a label, a checkbox row, a printed option list, a region's or an
// item's heading.
bool ends_value(const Line& l) {
    return is_label_line(l) || l.grid || is_option_list_line(l.text) || is_region_header(l) || is_item_heading(l);
}

// What text_after reads: a value, a name (one paragraph: a list set under it ends it), or an entry's
// name (past what precedes_entry_name passes over).
enum class Read { value, name, entry_name };

Text text_after(const Layout& layout, int index, bool allow_gaps, Read read) {
    const Line& start = layout.lines[index];
    Text out;
    out.value = value_after_label(start.text);
    out.end = index;
    // A value read with its gaps runs on over the page's end, as a long cell does, up to the next
    // label: the pages after are read on while nothing has stopped it.
    const int last = allow_gaps ? static_cast<int>(layout.lines.size()) - 1 : layout.pages[start.page].last;
    bool gap = false;
    for (int i = index + 1; i <= last; ++i) {
        const Line& l = layout.lines[i];
        if (l.text.empty() || page_number(l.text).has_value()) {  // a page number amid it: its page's end
            gap = true;
            continue;
        }
        const bool field_number = is_field_number_alone(l.text);
        // The printed list of the choice above, set between a label and its value in pdftotext's raw
        // order (③委託先名 | 2) 10人以上50人未満 … | 森北印刷株式会社), is passed over; after the value
        // it ends it.
        if (out.value.empty() && !field_number && is_option_list_line(l.text) && !is_label_line(l)) {
            gap = true;
            continue;
        }
        if (read == Read::entry_name && out.value.empty() && precedes_entry_name(l)) continue;
        if (ends_value(l) || field_number) break;
        // A ※ cut from its label ("使用部署" / "※") belongs to the label, not to the value.
        // (A short line whose compact form - no white space, no ※ - is empty.)
        // So does a group label printed between a label and its value (③委託先名 | 再委託 | 株式会社…:
        // the group's merged cell beside ④-⑥, set after ③ in pdftotext's raw order).
        if (out.value.empty() && ((l.text.size() <= 12 && l.compact.empty()) || is_group_label(l.text))) {
            out.end = i;
            continue;
        }
        if (gap && !out.value.empty() && !allow_gaps) break;
        if (l.region != start.region || (read == Read::name && !out.value.empty() && opens_list_item(l.text))) break;
        gap = false;
        out.value += out.value.empty() ? l.text : " " + l.text;
        out.end = i;
    }
    return out;
}

}  // namespace

Text text_after(const Layout& layout, int index, bool allow_gaps) {
    return text_after(layout, index, allow_gaps, Read::value);
}

Text name_after(const Layout& layout, int index) { return text_after(layout, index, false, Read::name); }

namespace {

bool is_hiragana(char32_t c) { return c >= U'\u3041' && c <= U'\u309F'; }

// Hiragana alone (and spaces): a word's tail, no name of a body or a department.
bool is_hiragana_only(const std::string& text) {
    const std::u32string s = text::to_u32(text);
    return std::all_of(s.begin(), s.end(), [](char32_t c) { return is_hiragana(c) || c == U' '; });
}

// The block of text from line i on: its lines up to a blank one, a label or the page's end
// (`last`), joined by a space; `end` is its last line.
Text block_at(const Layout& layout, int i, int last) {
    Text block{layout.lines[i].text, i};
    for (int k = i + 1; k <= last && !layout.lines[k].text.empty() && !ends_value(layout.lines[k]); ++k)
        block = {block.value + " " + layout.lines[k].text, k};
    return block;
}

}  // namespace

Text entry_name_after(const Layout& layout, int index) {
    constexpr int kMostBlocks = 3;  // blocks of text from the header to its entry's ①
    const Text first = text_after(layout, index, false, Read::entry_name);
    if (first.value.empty() || !value_after_label(layout.lines[index].text).empty()) return first;
    // pdfminer sets the last values of the entry before (its ⑦時期・頻度) between a header and its
    // name: where blocks of text (blank lines apart) run on to the entry's ①, the name is the last.
    const int last = layout.pages[layout.lines[index].page].last;
    Text block = first;
    for (int i = next_line_with_text(layout, first.end + 1, last), blocks = 1; i <= last && blocks <= kMostBlocks;
         ++blocks) {
        if (ends_value(layout.lines[i])) return circled_number(layout.lines[i].text) == 1 ? block : first;
        const Text next = block_at(layout, i, last);
        if (!is_hiragana_only(next.value)) block = next;  // (the tail of a line cut in its cell: いない)
        i = next_line_with_text(layout, next.end + 1, last);
    }
    return first;
}

Text entry_name_above(const Layout& layout, int first_field) {
    const int above = previous_line_with_text(layout, first_field - 1);
    if (above < 0 || layout.lines[above].page != layout.lines[first_field].page) return {"", first_field};
    if (ends_value(layout.lines[above])) return {"", first_field};  // (a label or header: no name)
    return {layout.lines[above].text, above};
}

Text article_under_header(const Layout& layout, int header) {
    const int last = layout.pages[layout.lines[header].page].last;
    for (int i = next_line_with_text(layout, header + 1, last); i <= last;) {
        if (ends_value(layout.lines[i])) break;
        const Text block = block_at(layout, i, last);
        if (cites_article(block.value)) return block;
        i = next_line_with_text(layout, block.end + 1, last);
    }
    return {"", header};
}

namespace {

// A row of 提供・移転の有無's boxes (☑ 提供を行っている（ 1 ）件 ☐ 移転を行っている), which the raw
// order may set amid the first entry's lines.
bool is_flow_choice_row(const Line& l) {
    const Dictionary& dict = Dictionary::get();
    bool any = false;
    for (const Fragment& f : l.fragments) {
        if (f.label.empty()) continue;
        if (!dict.standard_option("provision_transfer", f.label)) return false;
        any = true;
    }
    return l.grid && any;
}

}  // namespace

Text name_before_article(const Layout& layout, int basis_label) {
    const Text none{"", basis_label};
    if (!value_after_label(layout.lines[basis_label].text).empty()) return none;
    const int last = layout.pages[layout.lines[basis_label].page].last;
    constexpr int kMostLinesBefore = 3;  // what else pdfminer sets there: 行っていない, the time before
    int name = next_line_with_text(layout, basis_label + 1, last);
    for (int skipped = 0; name <= last && skipped < kMostLinesBefore &&
                          (is_flow_choice_row(layout.lines[name]) ||
                           (!ends_value(layout.lines[name]) && names_nothing(layout.lines[name].text)));
         ++skipped)
        name = next_line_with_text(layout, name + 1, last);
    if (name > last || ends_value(layout.lines[name])) return none;
    const std::string& text = layout.lines[name].text;
    if (!reads_as_recipient(text)) return none;
    const int article = next_line_with_text(layout, name + 1, last);
    if (article > last || ends_value(layout.lines[article]) || !cites_article(layout.lines[article].text)) return none;
    return {text, name};
}

Text name_above_entry(const Layout& layout, int basis_label, int header) {
    const Text none{"", basis_label};
    // The line above, past the entry's own header and ①'s number set apart: entry_name_above's.
    int first_field = basis_label;
    for (int k = previous_line_with_text(layout, first_field - 1);
         k >= 0 && (k == header || is_field_number_alone(layout.lines[k].text));
         k = previous_line_with_text(layout, k - 1))
        first_field = k;
    const Text above = entry_name_above(layout, first_field);
    if (above.value.empty()) return none;
    const int name = above.end;
    const Line& line = layout.lines[name];
    if (page_number(line.text) || !reads_as_recipient(line.text) || is_form_name(line.text) ||
        is_hiragana(text::to_u32(line.text).back()))
        return none;
    const int before = previous_line_with_text(layout, name - 1);
    if (before < 0) return none;
    // (a range's header above it names no entry: 移転先2～5 | name | 移転先2)
    const auto& header_before = layout.lines[before].header;
    if (header_before ? !header_before->range : ends_value(layout.lines[before])) return none;
    return {line.text, name};
}

Text first_value_past_labels(const Layout& layout, int index) {
    const int last = layout.pages[layout.lines[index].page].last;
    const auto next_text = [&](int from) { return next_line_with_text(layout, from, last); };
    // The run: the fields numbered on from this one (① | ②), none with its value on its line, and the
    // group labels amid them (⑥委託先名 | 再委託 | ⑦再委託の有無: the group's merged cell).
    int run_end = index;
    for (int k = next_text(index + 1), number = leading_field_number(layout.lines[index].text); number > 0 && k <= last;
         k = next_text(k + 1)) {
        const Line& l = layout.lines[k];
        if (is_group_label(l.text)) continue;
        if (leading_field_number(l.text) != number + 1 || field_of(l) == Field::none ||
            !value_after_label(l.text).empty())
            break;
        run_end = k;
        ++number;
    }
    Text out;
    out.end = index;
    if (run_end == index) return out;
    const int value = next_text(run_end + 1);
    if (value > last) return out;
    if (ends_value(layout.lines[value])) return out;
    return {layout.lines[value].text, value};
}

Text text_before(const Layout& layout, int index) {
    Text out;
    out.end = index;
    const int first = layout.pages[layout.lines[index].page].first;
    for (int i = index - 1; i >= first; --i) {
        const Line& l = layout.lines[i];
        if (l.text.empty()) continue;
        if (l.grid || is_option_list_line(l.text)) break;
        if (is_label_line(l)) {
            if (out.value.empty()) continue;
            break;
        }
        out.value = out.value.empty() ? l.text : l.text + " " + out.value;
        out.end = i;
    }
    return out;
}

namespace {

// The brackets a detail is written in, half- and full-width.
bool opens_bracket(std::string_view s, size_t i) { return s[i] == '(' || s.substr(i).starts_with("（"); }
bool closes_bracket(std::string_view s, size_t i) { return s[i] == ')' || s.substr(i).starts_with("）"); }

// Where the bracket that opens `s` closes, past the pairs inside it (… システム（医療扶助） ）): the
// index just after it; npos while it is open.
size_t after_closing_bracket(std::string_view s) {
    int depth = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const bool open = opens_bracket(s, i), close = !open && closes_bracket(s, i);
        depth += open ? 1 : close ? -1 : 0;
        if (close && depth == 0) return i + (s[i] == ')' ? 1 : std::string_view("）").size());
    }
    return std::string::npos;
}

// Unclosed （detail: the rest is a dangling "text ）" line on the same page (a detail written open is
// marked with \x01 at its end).
void complete_open_details(const Layout& layout, std::vector<Choice>& out) {
    std::set<int> taken;
    for (Choice& c : out) {
        const size_t cut = c.detail.find('\x01');
        if (cut == std::string::npos) continue;
        c.detail = c.detail.substr(0, cut);
        const int line_index = c.line - 1;
        const Page& pg = layout.pages[layout.lines[line_index].page];
        int best = -1;
        for (int i = pg.first; i <= pg.last; ++i) {
            const Line& l = layout.lines[i];
            if (l.text.empty() || l.grid || is_label_line(l) || taken.count(i)) continue;
            if (!(text::ends_with(l.text, "）") || text::ends_with(l.text, ")"))) continue;
            if (text::contains(l.text, "（") || text::contains(l.text, "(")) continue;
            if (best < 0 || std::abs(i - line_index) < std::abs(best - line_index)) best = i;
        }
        if (best >= 0) {
            taken.insert(best);
            std::string rest = layout.lines[best].text;
            rest = rest.substr(0, rest.size() - (text::ends_with(rest, ")") ? 1 : 3));
            c.detail = text::trim(c.detail.empty() ? rest : c.detail + " " + rest);
        }
    }
}

// A checked その他 box whose (detail) a conversion set on lines of its own after it, past blank lines
// and the next label (［○］その他 | ③入手の時期・頻度 | （ 財務会計システム ）): detail_below.
void complete_details_set_apart(const Layout& layout, std::vector<Choice>& out) {
    static const std::string other_key = text::match_key(Dictionary::get().form_label("other_option"));
    for (Choice& c : out) {
        if (!c.checked || !c.detail.empty() || text::match_key(c.label) != other_key) continue;
        int row = c.line - 1;
        const int last = layout.pages[layout.lines[row].page].last;
        if (const int next = next_line_with_text(layout, row + 1, last);
            next <= last && is_label_line(layout.lines[next]) && !layout.lines[next].grid)
            row = next;
        c.detail = detail_below(layout, row, std::nullopt);
    }
}

}  // namespace

std::string detail_below(const Layout& layout, int row, const std::optional<std::string>& open) {
    constexpr int kMostLines = 4;  // lines with text
    const int end = static_cast<int>(layout.lines.size());
    std::string joined = open ? "（" + *open : "";
    bool parted = false;  // a blank line since the last text (on its page: a page's end cuts a cell)
    for (int k = row + 1, texts = 0, page = layout.lines[row].page; k < end && texts < kMostLines; ++k) {
        const std::string& line = layout.lines[k].text;
        if (line.empty() || page_number(line).has_value()) {
            parted = parted || line.empty();
            continue;
        }
        if (layout.lines[k].grid) return "";
        if (layout.lines[k].page != page) parted = false, page = layout.lines[k].page;
        const bool opens = opens_bracket(line, 0);
        const bool any_open = line.find('(') != std::string::npos || line.find("（") != std::string::npos;
        if (texts == 0 && (open ? any_open : !opens)) return "";
        const bool bracket_alone = joined.ends_with("（") || joined.ends_with("(") || closes_bracket(line, 0);
        if (parted && texts > 0 && !bracket_alone) joined += "、";
        joined += line;
        ++texts;
        parted = false;
        if (const size_t after = after_closing_bracket(joined); after != std::string::npos) {
            if (after != joined.size()) return "";
            const size_t inner = joined[0] == '(' ? 1 : std::string_view("（").size();
            const size_t closer = joined[after - 1] == ')' ? 1 : std::string_view("）").size();
            return text::trim(joined.substr(inner, after - closer - inner));
        }
    }
    return "";
}

std::vector<Choice> resolve_group(const Layout& layout, const std::vector<int>& rows, const std::string& group) {
    const Dictionary& dict = Dictionary::get();
    const std::vector<std::string>& options = dict.options(group);
    auto standard = [&](const std::string& written) -> std::string {
        if (written.empty()) return {};
        if (auto s = dict.standard_option(group, written)) return *s;
        return {};
    };
    auto order_of = [&](const std::string& label) -> int {
        const auto it = std::find(options.begin(), options.end(), label);
        return it == options.end() ? -1 : static_cast<int>(it - options.begin());
    };
    std::vector<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());

    std::vector<Choice> out;
    struct OpenEnd {
        Fragment f;
        std::string after;  // the option this opener most likely belongs to
    };
    std::vector<OpenEnd> openers;
    struct CloseEnd {
        size_t choice;  // index into out
    };
    std::vector<CloseEnd> closers;
    std::string previous_row_last;
    for (int idx : sorted) {
        const Line& l = layout.lines[idx];
        std::string row_last;
        for (const Fragment& f : l.fragments) {
            if (f.kind == Fragment::Kind::box || f.kind == Fragment::Kind::closer) {
                const std::string label = standard(f.label);
                if (label.empty()) continue;
                Choice c{label, f.detail, f.mark.value_or(false), f.line};
                if (f.detail_open) c.detail = f.detail + "\x01";  // completed below
                out.push_back(c);
                if (f.kind == Fragment::Kind::closer && !f.mark.value_or(false)) closers.push_back({out.size() - 1});
                row_last = label;
            } else if (f.kind == Fragment::Kind::opener || f.kind == Fragment::Kind::orphan) {
                OpenEnd o{f, {}};
                std::string before = standard(f.before);
                if (before.empty() && f.kind == Fragment::Kind::opener && f.before.empty())
                    before = row_last.empty() ? previous_row_last : row_last;
                const int k = order_of(before);
                if (k >= 0 && k + 1 < static_cast<int>(options.size())) o.after = options[k + 1];
                openers.push_back(o);
            }
        }
        if (!row_last.empty()) previous_row_last = row_last;
    }
    // Bracket accounting: every marked opener or orphan mark takes one unmarked closer.
    std::vector<bool> used(closers.size(), false);
    for (const OpenEnd& o : openers) {
        if (!o.f.mark.value_or(false)) {
            // An unmarked opener still consumes its closer so that marks pair with the rest.
            for (size_t k = 0; k < closers.size(); ++k)
                if (!used[k] && !o.after.empty() && out[closers[k].choice].label == o.after) {
                    used[k] = true;
                    break;
                }
            continue;
        }
        size_t pick = closers.size();
        for (size_t k = 0; k < closers.size(); ++k)
            if (!used[k] && !o.after.empty() && out[closers[k].choice].label == o.after) pick = k;
        if (pick == closers.size())
            for (size_t k = 0; k < closers.size(); ++k)
                if (!used[k]) {
                    pick = k;
                    break;
                }
        if (pick == closers.size()) continue;
        used[pick] = true;
        out[closers[pick].choice].checked = true;
    }
    complete_open_details(layout, out);
    complete_details_set_apart(layout, out);
    return out;
}

std::vector<Choice> detached_choices(const Layout& layout, const std::vector<int>& idx, const std::string& group) {
    constexpr size_t kMaxOptionLineChars = 120;  // an option and its (detail), no paragraph
    const Dictionary& dict = Dictionary::get();
    // A line that is a box alone, its label elsewhere: [○], [ ], ☑ (read as [○]).
    const auto lone_mark = [](const Line& l) -> std::optional<bool> {
        if (l.fragments.size() != 1 || !l.fragments[0].label.empty() || text::longer_than(l.text, 5))
            return std::nullopt;
        const Fragment& f = l.fragments[0];
        if (f.kind != Fragment::Kind::box && f.kind != Fragment::Kind::orphan) return std::nullopt;
        return f.mark;
    };
    std::map<int, std::pair<std::vector<Choice>, std::vector<bool>>> by_page;  // options, marks
    for (const int i : idx) {
        const Line& l = layout.lines[i];
        if (l.text.empty()) continue;
        if (const auto mark = lone_mark(l)) {
            by_page[l.page].second.push_back(*mark);
            continue;
        }
        if (l.grid || text::longer_than(l.text, kMaxOptionLineChars)) continue;
        Fragment f;
        label_and_detail(f, l.text);
        if (const auto label = dict.standard_option(group, f.label))
            by_page[l.page].first.push_back({*label, f.detail, false, l.no});
    }
    std::vector<Choice> out;
    for (auto& [page, found] : by_page) {
        auto& [options, marks] = found;
        if (options.empty() || options.size() != marks.size()) continue;
        for (size_t k = 0; k < options.size(); ++k) {
            options[k].checked = marks[k];
            out.push_back(std::move(options[k]));
        }
    }
    return out;
}

namespace {

// Glued: the entry's first field right under its header (header row and ① row print together);
// each such item gets its header in `result`.
std::vector<bool> glue_first_fields(const Layout& layout, const std::vector<Head>& heads,
                                    const std::vector<Item>& items, std::vector<int>& result) {
    auto page_of = [&](int index) { return layout.lines[index].page; };
    std::vector<bool> glued(items.size(), false);
    for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].first) continue;
        for (size_t h = 0; h < heads.size(); ++h) {
            const int d = items[i].index - heads[h].index;
            if (d <= 0 || d > 6 || page_of(items[i].index) != page_of(heads[h].index)) continue;
            bool clean = true;
            for (int k = heads[h].index + 1; k < items[i].index; ++k)
                if (is_label_line(layout.lines[k]) || layout.lines[k].grid) clean = false;
            if (clean) {
                result[i] = static_cast<int>(h);
                glued[i] = true;
            }
        }
    }
    return glued;
}

// The headers on each page, by line (indices into heads).
std::map<int, std::vector<size_t>> heads_by_page(const Layout& layout, const std::vector<Head>& heads) {
    std::map<int, std::vector<size_t>> out;
    for (size_t h = 0; h < heads.size(); ++h) out[layout.lines[heads[h].index].page].push_back(h);
    for (auto& [page, on_page] : out)
        std::sort(on_page.begin(), on_page.end(), [&](size_t a, size_t b) { return heads[a].index < heads[b].index; });
    return out;
}

// Whether a page was printed label column first: its headers (`on_page`, by line) number upwards,
// one ① per header stands above the first header and none below it, and the fields above it count
// up to each ① (a page read bottom-up counts down). A ① under a header (システム5 | ①システムの名称)
// is a page printed in rows.
bool label_column_first(const Layout& layout, const std::vector<Head>& heads, const std::vector<size_t>& on_page,
                        const std::vector<Item>& items) {
    if (on_page.empty()) return false;
    for (size_t k = 1; k < on_page.size(); ++k)
        if (heads[on_page[k]].number <= heads[on_page[k - 1]].number) return false;
    const int page = layout.lines[heads[on_page[0]].index].page;
    const int first_head = heads[on_page[0]].index;
    std::vector<int> above;  // the label column's items: above the first header
    size_t firsts = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        if (layout.lines[items[i].index].page != page) continue;
        if (items[i].index > first_head) {
            if (items[i].first) return false;
            continue;
        }
        if (items[i].first) ++firsts;
        above.push_back(items[i].index);
    }
    if (firsts != on_page.size()) return false;
    // The fields count up to each ① (③ | ① | ② | ③ | ①); a page read bottom-up counts down (⑦ … ② | ①).
    // The page's first field is not counted: it may close the entry a page before left open.
    std::sort(above.begin(), above.end());
    for (size_t k = 1, before = 0; k < above.size(); ++k) {
        const int number = leading_field_number(layout.lines[above[k]].text);
        if (number == 0) continue;
        if (number != 1 && static_cast<int>(before) > number) return false;
        before = static_cast<size_t>(number);
    }
    return true;
}

// A page printed a column at a time, labels first (mutool, and converters that follow a PDF's own
// content order): its entries' ① labels stand above its first header, and the headers follow in
// the value column in their order. There the label column's items pair with the headers in order:
// each ① opens the page's next header, the fields after it are that entry's, and the fields above
// the page's first ① close the entry a page before left open. Each item paired gets its header in
// `result`; the value column's items (below the first header) are left to the nearest header.
std::vector<bool> pair_label_columns(const Layout& layout, const std::vector<Head>& heads,
                                     const std::vector<Item>& items, const LabelColumnPages& label_columns,
                                     const std::vector<bool>& glued, std::vector<int>& result) {
    std::vector<bool> paired(items.size(), false);
    for (const auto& [page, on_page] : label_columns) {
        std::vector<size_t> page_items;  // the label column's: above the page's first header
        for (size_t i = 0; i < items.size(); ++i)
            if (!glued[i] && layout.lines[items[i].index].page == page && items[i].index < heads[on_page[0]].index)
                page_items.push_back(i);
        std::sort(page_items.begin(), page_items.end(),
                  [&](size_t a, size_t b) { return items[a].index < items[b].index; });
        int current = head_before(heads, layout.pages[page].first);
        size_t next = 0;
        for (size_t i : page_items) {
            if (items[i].first) current = static_cast<int>(on_page[next++]);
            if (current < 0) continue;
            const char* kind = heads[current].kind;
            if (items[i].head_kind && (!kind || std::strcmp(items[i].head_kind, kind) != 0)) continue;
            result[i] = current;
            paired[i] = true;
        }
    }
    return paired;
}

}  // namespace

LabelColumnPages label_column_pages(const Layout& layout, const std::vector<Head>& heads,
                                    const std::vector<Item>& items) {
    LabelColumnPages out;
    for (auto& [page, on_page] : heads_by_page(layout, heads))
        if (label_column_first(layout, heads, on_page, items)) out.emplace(page, std::move(on_page));
    return out;
}

int head_before(const std::vector<Head>& heads, int line) {
    int best = -1;
    for (size_t h = 0; h < heads.size(); ++h)
        if (heads[h].index < line && (best < 0 || heads[h].index > heads[best].index)) best = static_cast<int>(h);
    return best;
}

std::vector<int> assign_items(const Layout& layout, const std::vector<Head>& heads, const std::vector<Item>& items,
                              const LabelColumnPages& label_columns) {
    constexpr int kWrongDirection = 60;
    // What carrying an entry over to the next page costs beyond the item's depth in that page: a
    // header's own page comes first, so an item this many lines below the header (in the page's
    // reading direction) still wins over one at the very top of the next page.
    constexpr int kLaterPage = 40;
    std::vector<int> result(items.size(), -1);
    if (heads.empty()) return result;
    auto page_of = [&](int index) { return layout.lines[index].page; };

    std::vector<bool> glued = glue_first_fields(layout, heads, items, result);
    const std::vector<bool> paired = pair_label_columns(layout, heads, items, label_columns, glued, result);
    for (size_t i = 0; i < items.size(); ++i) glued[i] = glued[i] || paired[i];
    // Reading direction per page.
    std::map<int, bool> backward;
    for (const auto& [p, on_page] : heads_by_page(layout, heads)) {
        const int last_head = heads[on_page.back()].index;
        // Several headers read bottom-up only when their numbers run backwards (提供先2 … 提供先1).
        bool descending = true;
        for (size_t k = 1; k < on_page.size(); ++k)
            if (heads[on_page[k]].number >= heads[on_page[k - 1]].number) descending = false;
        bool after = false, before = false;
        for (size_t i = 0; i < items.size(); ++i) {
            if (glued[i] || page_of(items[i].index) != p) continue;
            if (items[i].index > last_head) after = true;
            if (items[i].index < last_head) before = true;
        }
        backward[p] = !after && before && descending;
    }
    std::vector<std::tuple<int, size_t, size_t>> pairs;  // cost, item, head
    for (size_t i = 0; i < items.size(); ++i) {
        if (glued[i]) continue;
        const int ip = page_of(items[i].index);
        const int page_first = layout.pages[ip].first;
        const int page_last = layout.pages[ip].last;
        for (size_t h = 0; h < heads.size(); ++h) {
            if (items[i].head_kind && (!heads[h].kind || std::strcmp(items[i].head_kind, heads[h].kind) != 0)) continue;
            const int hp = page_of(heads[h].index);
            int cost = 0;
            if (hp == ip) {
                const int d = heads[h].index - items[i].index;
                if (backward[ip])
                    cost = d >= 0 ? d : -d + kWrongDirection;
                else
                    cost = d <= 0 ? -d : d + kWrongDirection;
            } else if (hp < ip) {
                int between = 0;
                for (const Head& x : heads)
                    if (x.index > heads[h].index && x.index < items[i].index) ++between;
                cost = 100 * (ip - hp - 1) + 300 * between + (items[i].index - page_first) + kLaterPage;
            } else {
                cost = 5000 * (hp - ip) + (page_last - items[i].index);
            }
            pairs.emplace_back(cost, i, h);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    std::set<std::pair<size_t, std::string>> filled;
    for (size_t i = 0; i < items.size(); ++i)
        if (glued[i] && !items[i].slot.empty()) filled.insert({static_cast<size_t>(result[i]), items[i].slot});
    for (const auto& [cost, i, h] : pairs) {
        if (result[i] >= 0) continue;
        if (!items[i].slot.empty() && filled.count({h, items[i].slot})) continue;
        result[i] = static_cast<int>(h);
        if (!items[i].slot.empty()) filled.insert({h, items[i].slot});
    }
    return result;
}

}  // namespace piagraph::extract_detail::pdftext
