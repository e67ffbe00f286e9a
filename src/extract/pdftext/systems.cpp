// Section I of a pdftotext-like conversion: the affair, its legal bases and linkage, and the systems
// (システムN) with their names and functions; their connections are in connections.cpp.
#include <algorithm>
#include <vector>

#include "../column_flow.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::pdftext {

namespace {

// The text of a 法令上の根拠 label of section I: what follows it, else, when nothing does, the block
// printed above it if that cites an article (…第N条, …条例): a scrambled page may put a value cell
// before its label, and any other field's value above it is no basis.
std::pair<std::string, Loc> basis_text(const Layout& layout, int index) {
    const int line = layout.lines[index].no;
    const Text after = text_after(layout, index, true);
    if (!after.value.empty()) return {after.value, Loc::span(line, after.end + 1)};
    const Text before = text_before(layout, index);
    if (!cites_article(before.value)) return {after.value, Loc::span(line, after.end + 1)};
    return {before.value, Loc::span(before.end + 1, line)};
}

// ①実施の有無 printed without its brackets (a sheet sets them in cells of their own, or none): the
// bare option on the line with text nearest above the printed list (実施する / ＜選択肢＞ 1) 実施する
// …), whatever stands between the label and it (the next labels, a ※ or a bracket cut from it, an
// item's title wrapped beside it).
void read_bare_linkage_status(const Layout& layout, int index, Assessment& a) {
    constexpr int kMaxLines = 12;  // lines with text between the label and the printed list
    const int last = layout.pages[layout.lines[index].page].last;
    int list = -1;
    for (int k = index + 1, seen = 0; k <= last && seen < kMaxLines && list < 0; ++k) {
        if (layout.lines[k].text.empty()) continue;
        ++seen;
        if (is_option_list_line(layout.lines[k].text)) list = k;
    }
    if (list < 0) return;
    for (int k = list - 1; k > index; --k) {
        const Line& l = layout.lines[k];
        if (l.compact.empty() || is_label_line(l)) continue;  // (a ※ cut from a label: no compact text)
        if (auto s = selected_option(l.text + " " + layout.lines[list].text, "linkage_status")) {
            a.linkage.status = *s;
            a.linkage.loc = Loc::at(l.no);
            a.locs["linkage.status"] = a.linkage.loc;
        }
        return;
    }
}

}  // namespace

void read_basic(const Layout& layout, Assessment& a) {
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        if (l.region != Region::basic || l.text.empty()) continue;
        const Field field = field_of(l);
        const int idx = static_cast<int>(i);
        if (field == Field::affair && a.affair.empty()) {
            const Text t = name_after(layout, idx);
            a.affair = t.value;
            a.locs["affair"] = Loc::span(l.no, t.end + 1);
        } else if (field == Field::department && a.department.empty()) {
            const Text t = text_after(layout, idx, false);
            // A line that opens with a field's number is the next label, its cell wrapped (②所属長 |
            // の役職名), not the department.
            if (leading_field_number(t.value) > 0) continue;
            const Text value = t.value.empty() ? first_value_past_labels(layout, idx) : t;
            a.department = value.value;
            a.locs["department"] = Loc::span(l.no, value.end + 1);
        } else if (field == Field::basis) {
            const bool numbered = leading_field_number(l.text) > 0;
            const auto [basis, loc] = basis_text(layout, idx);
            if (!numbered && a.individual_number_basis.empty()) {
                a.individual_number_basis = basis;
                a.locs["individual_number_basis"] = loc;
            } else if (numbered && a.linkage.basis.empty()) {
                a.linkage.basis = basis;
                a.locs["linkage.basis"] = loc;
            }
        } else if (a.population.empty() && FormLabels::get().is("population", l.label)) {
            if (const auto band = nearest_selection(layout, idx, "population")) {
                a.population = band->value;
                a.locs["population"] = Loc::span(std::min(idx, band->index) + 1, std::max(idx, band->index) + 1);
            }
        } else if (field == Field::linkage_status && a.linkage.status.empty()) {
            // "[ 実施する ]" on the label's line, else the first selection of the page after it (a
            // line of its own: no label is cut from it).
            const int last = layout.pages[l.page].last;
            for (int k = idx; k <= last && a.linkage.status.empty(); ++k)
                for (const Fragment& f : parse_fragments(
                         k == idx ? value_after_label(layout.lines[k].text) : layout.lines[k].text, layout.lines[k].no))
                    if (f.kind == Fragment::Kind::selection)
                        if (auto s = Dictionary::get().standard_option("linkage_status", f.value)) {
                            a.linkage.status = *s;
                            a.linkage.loc = Loc::at(layout.lines[k].no);
                            a.locs["linkage.status"] = a.linkage.loc;
                            break;
                        }
            if (a.linkage.status.empty()) read_bare_linkage_status(layout, idx, a);
        }
    }
    if (!a.linkage.status.empty() && a.locs.count("linkage.basis") && !a.linkage.loc.known())
        a.linkage.loc = a.locs["linkage.basis"];
}

namespace {

// The items of a numbered list that stand above a label centred on the list (１．… | ２．… | ③シス
// テムの名称 | ３．… : a cell's label set beside the middle of its value), where the value under the
// label goes on from item `next`: the lines of items 1 .. next - 1 right above it, in their order
// and joined by a space; "" where they are not all there.
std::string list_items_above(const Layout& layout, size_t label, int next) {
    std::vector<std::string> items;
    for (size_t k = label; k-- > 0 && next > 1;) {
        const std::string& t = layout.lines[k].text;
        if (t.empty()) continue;
        const auto item = numbered_title(compact_key(t));
        if (!item || item->first != next - 1) break;
        items.insert(items.begin(), t);
        --next;
    }
    if (next != 1) return "";
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
    return out;
}

// Whether a line may be one name of a list of systems: a name, no sentence, list or list item, and
// one that says what it is (…システム, …サーバー, or a bracket closing after such a name).
bool names_a_system(const std::string& line) {
    constexpr size_t kMaxNameChars = 48;
    if (line.empty() || text::longer_than(line, kMaxNameChars) || text::contains(line, "。") ||
        text::contains(line, written("name_separator")) || opens_list_item(line))
        return false;
    const auto& suffixes = FormLabels::get().spellings("system_name_suffix");
    return std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& s) { return text::contains(line, s); });
}

// ③システムの名称 left empty where a sheet's labels were printed in a run (②事務の概要 | ③システムの名称 |
// ２．特定個人情報ファイル名 …) and their values after it: the first block of lines after the label in
// section I (or in a region that is no other section's: I-7 開示請求 may read as one), blank lines
// apart, that are all names of systems, one a line, numbered or not, and no other label's value. Two
// names at least: one line that names a system may be a sentence's piece.
std::string queued_system_names(const Layout& layout, int label) {
    constexpr size_t kFewestNames = 2;
    std::vector<std::string> block;
    bool spoiled = false;  // a line of the block names no system
    for (int k = label + 1; k <= static_cast<int>(layout.lines.size()); ++k) {
        const bool ends = k == static_cast<int>(layout.lines.size()) ||
                          (layout.lines[k].region != Region::basic && layout.lines[k].region != Region::other);
        if (ends || layout.lines[k].text.empty()) {
            if (!spoiled && block.size() >= kFewestNames) break;
            if (ends) return "";
            block.clear();
            spoiled = false;
            continue;
        }
        if (spoiled) continue;
        const std::string& line = layout.lines[k].text;
        const auto item = numbered_title(compact_key(line));
        const std::string name = item ? item->second : line;
        const int before = previous_line_with_text(layout, k - 1);
        spoiled = !names_a_system(name) ||
                  (block.empty() && before != label && is_label_line(layout.lines[static_cast<size_t>(before)]));
        if (!spoiled) block.push_back(name);
    }
    std::string names;
    for (const std::string& name : block) names += (names.empty() ? "" : written("name_separator")) + name;
    return names;
}

// The value of ③システムの名称. A label set right under another (②事務の概要 | ③システムの名称: a sheet
// whose rows pdftotext printed label after label, then their values) has the values of both after
// it, the systems' names last, a name a line: there its value is the lines that name systems, from
// the end up, set apart with 、.
std::string listed_system_names(const Layout& layout, int label) {
    const Text after = text_after(layout, label, false);
    const int above = previous_line_with_text(layout, label - 1);
    if (above < 0 || field_of(layout.lines[static_cast<size_t>(above)]) == Field::none ||
        !value_after_label(layout.lines[static_cast<size_t>(label)].text).empty())
        return after.value;
    std::string names;
    for (int k = after.end; k > label; --k) {
        const std::string& t = layout.lines[static_cast<size_t>(k)].text;
        if (t.empty()) continue;
        if (!names_a_system(t)) break;
        names = names.empty() ? t : t + written("name_separator") + names;
    }
    return names.empty() ? after.value : names;
}

// Systems without システムN entries: 基礎項目評価書 lists their names under I-1 ③システムの名称 (and a
// text whose entry headers were lost still names each system): names only, no connections. A list
// whose first items stand above the label (centred on it) is read from its first item.
void read_listed_systems(const Layout& layout, Assessment& a) {
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        if (l.region != Region::basic || field_of(l) != Field::sys_name) continue;
        const int listed_before = static_cast<int>(a.systems.size());
        std::string value = listed_system_names(layout, static_cast<int>(i));
        if (value.empty()) value = queued_system_names(layout, static_cast<int>(i));
        if (const auto first = numbered_title(compact_key(value)); first && first->first > 1)
            if (const std::string above = list_items_above(layout, i, first->first); !above.empty())
                value = above + " " + value;
        for (System& s : listed_systems(value, l.no)) {
            s.no += listed_before;
            a.systems.push_back(std::move(s));
        }
    }
}

}  // namespace

void read_listed_file_names(const Layout& layout, Assessment& a) {
    constexpr int kMaxNameLines = 3;  // a long list wraps; a cell of names is no longer
    for (size_t i = 0; i < layout.lines.size() && a.file_names.empty(); ++i) {
        const Line& l = layout.lines[i];
        if (l.region != Region::basic || l.text.empty() || !FormLabels::get().is("sub_file_names", l.label)) continue;
        // The lines under the item up to the next label or item (a name may be printed in the label
        // column's place: pdftotext -layout indents it like a label cell).
        int taken = 0;
        for (size_t k = i + 1; k < layout.lines.size() && taken < kMaxNameLines; ++k) {
            const Line& v = layout.lines[k];
            if (v.text.empty()) continue;
            if (field_of(v) != Field::none || v.header || v.grid || is_item_heading(v) || is_region_header(v)) break;
            append_name_line(a.file_names, v.text);
            a.locs["file_names"] = taken++ == 0 ? Loc::at(v.no) : Loc::span(a.locs["file_names"].line, v.no);
        }
    }
    // The item's title lost: the first line of section I after its systems that lists only names of
    // files (基礎 names its systems under I-1 ③, the other forms in システムN entries).
    bool after_systems = false;
    for (size_t i = 0; i < layout.lines.size() && a.file_names.empty(); ++i) {
        const Line& l = layout.lines[i];
        if (l.region != Region::basic || l.text.empty()) continue;
        if (field_of(l) == Field::sys_name || l.header) after_systems = true;
        if (!after_systems || is_label_line(l) || l.grid) continue;
        a.file_names = listed_file_names(l.text);
        if (!a.file_names.empty()) a.locs["file_names"] = Loc::at(l.no);
    }
}

void read_systems(const Layout& layout, Assessment& a) {
    std::vector<Head> heads;
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        if (l.region != Region::basic || l.text.empty()) continue;
        if (auto h = l.header; h && spelled(h->kind, "entry_system") && !h->range)
            heads.push_back({static_cast<int>(i), h->number});
    }
    if (heads.empty()) return read_listed_systems(layout, a);
    std::vector<Item> items;
    std::vector<Field> kinds;
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        if (l.region != Region::basic) continue;
        const Field f = field_of(l);
        if (f == Field::sys_name)
            items.push_back({static_cast<int>(i), "name", true});
        else if (f == Field::sys_func)
            items.push_back({static_cast<int>(i), "func", false});
        else if (f == Field::sys_conn)
            items.push_back({static_cast<int>(i), "conn", false});
        else
            continue;
        kinds.push_back(f);
    }
    const LabelColumnPages label_columns = label_column_pages(layout, heads, items);
    const std::vector<int> owner = assign_items(layout, heads, items, label_columns);
    std::vector<System> systems(heads.size());
    std::vector<int> conn_label(heads.size(), -1);
    for (size_t h = 0; h < heads.size(); ++h) {
        systems[h].no = heads[h].number;
        systems[h].loc = Loc::at(heads[h].index + 1);
    }
    for (size_t i = 0; i < items.size(); ++i) {
        if (owner[i] < 0) continue;
        System& s = systems[owner[i]];
        if (kinds[i] == Field::sys_name) {
            const Text t = name_after(layout, items[i].index);
            s.name = t.value;
            s.loc = Loc::span(std::min(s.loc.line, items[i].index + 1), std::max(s.loc.end_line, t.end + 1));
        } else if (kinds[i] == Field::sys_func) {
            s.functions = text_after(layout, items[i].index, true).value;
            if (s.functions.empty()) s.functions = text_before(layout, items[i].index).value;
        } else {
            conn_label[owner[i]] = items[i].index;
        }
    }
    read_connections(layout, heads, conn_label, label_columns, systems);
    std::stable_sort(systems.begin(), systems.end(), [](const System& x, const System& y) { return x.no < y.no; });
    for (System& s : systems) {
        if (s.name.empty()) continue;  // an empty template block is no system
        s.normalized_name = normalize_name(s.name);
        if (const StandardSystem* std_sys = Dictionary::get().resolve_standard(s.name)) s.canonical_id = std_sys->id;
        a.systems.push_back(std::move(s));
    }
}

}  // namespace piagraph::extract_detail::pdftext
