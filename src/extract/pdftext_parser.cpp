// pdftotext-like conversions (GitHub issue 2). The text of a page comes in scrambled order, so
// values are put back by the form's structure: the region of each page (I, 別添1, II per file,
// …), the label sequence of each section, the option lists of each checkbox group and the
// bracket accounting of its rows, and the entry headers (システムN, 委託事項N, 提供先N, 移転先N)
// that content may precede or follow. Never by line numbers of a particular document.
#include <algorithm>
#include <bitset>
#include <cstdint>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <tuple>

#include "common.hpp"
#include "form_labels.hpp"
#include "parsers.hpp"
#include "pdftext_connections.hpp"
#include "pdftext_fields.hpp"
#include "pdftext_layout.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

namespace {

using namespace pdftext;

// Whether a text is one of the spellings of a form label (data/dictionary.json form_labels).
bool spelled(const std::string& text, const char* key) {
    const auto& spellings = FormLabels::get().spellings(key);
    return std::find(spellings.begin(), spellings.end(), text) != spellings.end();
}

const std::string& other_option() { return Dictionary::get().form_label("other_option"); }

int first_line_of(const Layout& layout, Region region) {
    for (const Line& l : layout.lines)
        if (l.region == region && !l.text.empty()) return l.no;
    return 0;
}

// The next non-blank line of the page that is not a label, for label/value pairs printed on
// separate lines.
int next_value_line(const Layout& layout, int index) {
    const int last = layout.pages[layout.lines[index].page].last;
    for (int i = index + 1; i <= last; ++i) {
        const Line& l = layout.lines[i];
        if (l.text.empty()) continue;
        if (is_label_line(l) || l.grid) return -1;
        return i;
    }
    return -1;
}

// Cover fields are read wherever the first pages print them: above or below the 項目一覧, or
// among blocks of section I that a scrambled first page printed around them.
bool on_cover(const Line& l) {
    constexpr int kFrontPages = 2;
    return l.region == Region::cover || l.region == Region::toc || l.page < kFrontPages;
}

// The value of the cover label at line index `at`: on its line, else on the next line, else (with
// a check of what such a value looks like, on a cover whose blocks came out of order) the cover
// line nearest to the label that reads as one. The text and its 1-based line.
std::optional<std::pair<std::string, int>> cover_value(const Layout& layout, int at, bool (*valid)(std::string_view),
                                                       bool search) {
    auto ok = [&](const std::string& v) { return !v.empty() && (!valid || valid(v)); };
    const std::string same_line = value_after_label(layout.lines[at].text);
    if (ok(same_line)) return std::pair{same_line, layout.lines[at].no};
    if (!same_line.empty()) return std::nullopt;
    if (const int n = next_value_line(layout, at); n >= 0 && ok(layout.lines[n].text))
        return std::pair{layout.lines[n].text, layout.lines[n].no};
    if (!search || !valid) return std::nullopt;
    const int count = static_cast<int>(layout.lines.size());
    for (int d = 1; d < count; ++d)
        for (const int k : {at - d, at + d}) {
            if (k < 0 || k >= count) continue;
            const Line& l = layout.lines[k];
            if (!on_cover(l) || l.text.empty() || is_label_line(l) || l.grid || !valid(l.text)) continue;
            return std::pair{l.text, l.no};
        }
    return std::nullopt;
}

void read_cover(const Layout& layout, Assessment& a) {
    const Dictionary& dict = Dictionary::get();
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        if (!on_cover(l) || l.text.empty()) continue;
        if (a.form.empty())
            for (const auto& f : dict.form_names())
                if (text::contains(text::match_key(l.text), text::match_key(f)) &&
                    text::contains(l.text, FormLabels::get().filter_char("title"))) {
                    a.form = f;
                    a.locs["form"] = Loc::at(l.no);
                }
        const Field field = field_of(l);
        const int idx = static_cast<int>(i);
        if (field == Field::published && a.published.empty()) {
            if (auto v = cover_value(layout, idx, looks_like_publication_date, true)) {
                a.published = v->first;
                a.locs["published"] = Loc::at(v->second);
            }
        } else if (field == Field::number && a.number.empty()) {
            if (auto v = cover_value(layout, idx, looks_like_assessment_number, true)) {
                a.number = v->first;
                a.locs["number"] = Loc::at(v->second);
            }
        } else if (field == Field::title && a.title.empty()) {
            if (auto v = cover_value(layout, idx, nullptr, false)) {
                a.title = v->first;
                a.locs["title"] = Loc::at(v->second);
            }
        } else if (field == Field::organization && a.organization.empty()) {
            const std::string same_line = value_after_label(l.text);
            a.organization = same_line;
            if (!same_line.empty()) a.locs["organization"] = Loc::at(l.no);
        }
    }
    if (a.organization.empty()) {
        // The body's name printed without its label: a short cover line ending like 市長, 教育委員会 …
        for (const Line& l : layout.lines) {
            if (!on_cover(l) || l.text.empty() || is_label_line(l) || !looks_like_organization(l.text)) continue;
            a.organization = l.text;
            a.locs["organization"] = Loc::at(l.no);
            break;
        }
    }
}

// The selection nearest to the label at line index `at`, on the label's page and in its file
// block, whose value is one of the group's options: pdftotext prints a selection lines away from
// its label, above or below it, or cut before its ']'.
struct Selection {
    std::string value;  // the standard option
    int index = 0;      // line index
};
std::optional<Selection> nearest_selection(const Layout& layout, int at, const std::string& group) {
    const Page& page = layout.pages[layout.lines[at].page];
    std::optional<Selection> best;
    for (int k = page.first; k <= page.last; ++k) {
        if (layout.lines[k].file != layout.lines[at].file) continue;
        if (best && std::abs(k - at) >= std::abs(best->index - at)) continue;
        for (const Fragment& f : layout.lines[k].fragments)
            if (f.kind == Fragment::Kind::selection)
                if (auto option = Dictionary::get().standard_option(group, f.value)) {
                    best = Selection{*option, k};
                    break;
                }
    }
    return best;
}

// What a label line announces among the 対象となる本人の数 of a II block: 'e' for 対象となる本人の数 (II-2 ②, or
// a 委託事項's), 'f' for a 提供先/移転先's ④本人の数, 0 for anything else. pdftotext cuts these labels
// over two lines (対象となる本人の / 数; ④提供する情報の対象となる / 本人の数, whose ⑤ twin ends 本人の範囲).
char population_label(const Layout& layout, int i) {
    const Line& l = layout.lines[static_cast<size_t>(i)];
    if (l.label.empty()) return 0;  // a grid line too: "④…本人の数 [ 1万人以上10万人未満 ]"
    const FormLabels& labels = FormLabels::get();
    std::string label = l.label;
    if (!labels.is("file_population", label) && !labels.is("flow_population", label)) {
        const int last = layout.pages[l.page].last;
        for (int k = i + 1; k <= last; ++k) {
            const Line& next = layout.lines[static_cast<size_t>(k)];
            if (next.text.empty()) continue;
            if (!is_label_line(next)) label += compact_key(next.text);
            break;
        }
    }
    if (labels.is("flow_population", label)) return 'f';
    if (labels.is("file_population", label)) return 'e';
    return 0;
}

// The selected band of the 対象となる本人の数 label at `at`: the nearest selection of the page (and
// file block) that no other such label of the page (`others`) is nearer to.
std::optional<Selection> own_band(const Layout& layout, int at, const std::vector<int>& others) {
    const int page = layout.lines[static_cast<size_t>(at)].page;
    std::optional<Selection> best;
    for (int k = layout.pages[page].first; k <= layout.pages[page].last; ++k) {
        const Line& l = layout.lines[static_cast<size_t>(k)];
        const int d = std::abs(k - at);
        if (l.file != layout.lines[static_cast<size_t>(at)].file || (best && d >= std::abs(best->index - at))) continue;
        if (std::any_of(others.begin(), others.end(), [&](int o) {
                return o != at && layout.lines[static_cast<size_t>(o)].page == page && std::abs(o - k) < d;
            }))
            continue;
        for (const Fragment& f : l.fragments)
            if (f.kind == Fragment::Kind::selection)
                if (auto option = Dictionary::get().standard_option("persons", f.value)) {
                    best = Selection{*option, k};
                    break;
                }
    }
    return best;
}

// II-2 ④主な記録項目: the checkbox rows of the page of its label that name a category of the
// group (a lone その他 row may be any group's); no checked category is a group that lost its marks.
void read_record_categories(const Layout& layout, const std::vector<int>& idx, FileBlock& fb) {
    const FormLabels& labels = FormLabels::get();
    const Dictionary& dict = Dictionary::get();
    for (int i : idx) {
        if (!labels.is("record_categories", layout.lines[static_cast<size_t>(i)].label)) continue;
        const int page = layout.lines[static_cast<size_t>(i)].page;
        std::vector<int> rows;
        for (int k : idx) {
            const Line& l = layout.lines[static_cast<size_t>(k)];
            if (l.page != page || !l.grid) continue;
            if (std::any_of(l.fragments.begin(), l.fragments.end(), [&](const Fragment& f) {
                    return !f.label.empty() && !labels.is("other_option", compact_key(f.label)) &&
                           dict.standard_option("record_categories", f.label);
                }))
                rows.push_back(k);
        }
        for (const Choice& c : resolve_group(layout, rows, "record_categories"))
            if (c.checked) fb.record_categories.push_back(c.label);
        if (fb.record_categories.empty()) fb.marks["record_categories"] = "none";
        fb.locs["record_categories"] = Loc::at(i + 1);
        return;
    }
}

void read_basic(const Layout& layout, Assessment& a) {
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        if (l.region != Region::basic || l.text.empty()) continue;
        const Field field = field_of(l);
        const int idx = static_cast<int>(i);
        if (field == Field::affair && a.affair.empty()) {
            const Text t = text_after(layout, idx, false);
            a.affair = t.value;
            a.locs["affair"] = Loc::span(l.no, t.end + 1);
        } else if (field == Field::department && a.department.empty()) {
            const Text t = text_after(layout, idx, false);
            a.department = t.value;
            a.locs["department"] = Loc::span(l.no, t.end + 1);
        } else if (field == Field::basis) {
            const bool numbered = circled_number(text::trim(l.text)) > 0;
            const Text t = text_after(layout, idx, true);
            if (!numbered && a.individual_number_basis.empty()) {
                a.individual_number_basis = t.value;
                a.locs["individual_number_basis"] = Loc::span(l.no, t.end + 1);
            } else if (numbered && a.linkage.basis.empty()) {
                a.linkage.basis = t.value;
                a.locs["linkage.basis"] = Loc::span(l.no, t.end + 1);
            }
        } else if (a.population.empty() && FormLabels::get().is("population", l.label)) {
            if (const auto band = nearest_selection(layout, idx, "population")) {
                a.population = band->value;
                a.locs["population"] = Loc::span(std::min(idx, band->index) + 1, std::max(idx, band->index) + 1);
            }
        } else if (field == Field::linkage_status && a.linkage.status.empty()) {
            // "[ 実施する ]" on the label's line, else the first selection of the page after it.
            const int last = layout.pages[l.page].last;
            for (int k = idx; k <= last && a.linkage.status.empty(); ++k)
                for (const Fragment& f : parse_fragments(value_after_label(layout.lines[k].text), layout.lines[k].no))
                    if (f.kind == Fragment::Kind::selection)
                        if (auto s = Dictionary::get().standard_option("linkage_status", f.value)) {
                            a.linkage.status = *s;
                            a.linkage.loc = Loc::at(layout.lines[k].no);
                            a.locs["linkage.status"] = a.linkage.loc;
                            break;
                        }
        }
    }
    if (!a.linkage.status.empty() && a.locs.count("linkage.basis") && !a.linkage.loc.known())
        a.linkage.loc = a.locs["linkage.basis"];
}

void read_systems(const Layout& layout, Assessment& a) {
    std::vector<Head> heads;
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        if (l.region != Region::basic || l.text.empty()) continue;
        if (auto h = l.header; h && spelled(h->kind, "entry_system") && !h->range)
            heads.push_back({static_cast<int>(i), h->number});
    }
    if (heads.empty()) return;
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
    const std::vector<int> owner = assign_items(layout, heads, items);
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
            const Text t = text_after(layout, items[i].index, false);
            s.name = t.value;
            s.loc = Loc::span(std::min(s.loc.line, items[i].index + 1), std::max(s.loc.end_line, t.end + 1));
        } else if (kinds[i] == Field::sys_func) {
            s.functions = text_after(layout, items[i].index, true).value;
            if (s.functions.empty()) s.functions = text_before(layout, items[i].index);
        } else {
            conn_label[owner[i]] = items[i].index;
        }
    }
    read_connections(layout, heads, conn_label, systems);
    std::stable_sort(systems.begin(), systems.end(), [](const System& x, const System& y) { return x.no < y.no; });
    for (System& s : systems) {
        if (s.name.empty()) continue;  // an empty template block is no system
        s.normalized_name = normalize_name(s.name);
        if (const StandardSystem* std_sys = Dictionary::get().resolve_standard(s.name)) s.canonical_id = std_sys->id;
        a.systems.push_back(std::move(s));
    }
}

// The option group a file-block checkbox row belongs to, from the labels written on it.
enum class RowGroup { none, sources, methods, flags, other, unknown };

RowGroup row_group(const Line& l) {
    const Dictionary& dict = Dictionary::get();
    bool only_other = false, any_label = false;
    for (const Fragment& f : l.fragments) {
        if (f.kind != Fragment::Kind::box && f.kind != Fragment::Kind::closer) continue;
        if (f.label.empty()) continue;
        any_label = true;
        if (text::match_key(f.label) == text::match_key(other_option())) {
            only_other = true;
            continue;
        }
        if (dict.standard_option("source_kinds", f.label)) return RowGroup::sources;
        if (dict.standard_option("provision_transfer", f.label)) return RowGroup::flags;
        for (const char* g : {"acquisition_methods", "provision_methods", "transfer_methods", "entrust_methods"})
            if (dict.standard_option(g, f.label)) return RowGroup::methods;
        return RowGroup::other;
    }
    if (only_other) return RowGroup::unknown;
    (void)any_label;
    for (const Fragment& f : l.fragments)
        if (f.kind == Fragment::Kind::selection) return RowGroup::none;
    return RowGroup::unknown;  // openers or orphan marks only
}

std::string method_value(const Choice& c) {
    if (c.label == other_option()) return c.detail.empty() ? c.label : c.label + "(" + c.detail + ")";
    return c.label;
}

// 2. ②対象となる本人の数 ③対象となる本人の範囲, 3. 使用の主体 (使用部署, 使用者数), 6. ②保管期間
// ③消去方法. Each is the first label of its kind in the block (the 委託 entries repeat 対象となる
// 本人の数 and 範囲 further on); a choice is its nearest_selection.
void read_file_facts(const Layout& layout, const std::vector<int>& idx, FileBlock& fb) {
    const FormLabels& labels = FormLabels::get();
    auto first_label = [&](const char* key) {
        for (int i : idx)
            if (labels.is(key, layout.lines[i].label)) return i;
        return -1;
    };
    auto read_text = [&](const char* key, const char* field, std::string& out, bool allow_gaps) {
        const int at = first_label(key);
        if (at < 0) return;
        const Text t = text_after(layout, at, allow_gaps);
        out = t.value;
        fb.locs[field] = Loc::span(at + 1, t.end + 1);
    };
    auto read_choice = [&](const char* key, const char* field, const char* group, std::string& out) {
        const int at = first_label(key);
        if (at < 0) return;
        const auto selection = nearest_selection(layout, at, group);
        if (!selection) {
            fb.marks[field] = "none";
            fb.locs[field] = Loc::at(at + 1);
            return;
        }
        out = selection->value;
        fb.locs[field] = Loc::span(std::min(at, selection->index) + 1, std::max(at, selection->index) + 1);
    };
    read_choice("file_population", "population", "persons", fb.population);
    read_text("file_scope", "population_scope", fb.population_scope, false);
    read_text("user_departments", "user_departments", fb.user_departments, false);
    read_choice("user_count", "user_count", "users", fb.user_count);
    read_choice("retention", "retention", "retention", fb.retention);
    read_text("file_department", "department", fb.department, false);
    // ②保管期間 その妥当性: the その妥当性 right below the 期間 option list (…10） 定められていない; a page may
    // print it before the 保管期間 label), else the first after that label (記録項目 and 委託 have theirs before).
    if (const int retention = first_label("retention"); retention >= 0) {
        const auto& bands = Dictionary::get().options("retention");
        const std::string last_band = bands.empty() ? std::string() : text::match_key(bands.back());
        auto below_bands = [&](int i) {
            for (int k = i - 1; k >= 0 && k >= i - 3; --k)
                if (!layout.lines[k].text.empty())
                    return !last_band.empty() && text::contains(text::match_key(layout.lines[k].text), last_band);
            return false;
        };
        int at = -1;
        for (int i : idx)
            if (labels.is("retention_reason", layout.lines[i].label) && below_bands(i)) {
                at = i;
                break;
            }
        for (int i : idx)
            if (at < 0 && i > retention && labels.is("retention_reason", layout.lines[i].label)) at = i;
        if (at >= 0) {
            const Text t = text_after(layout, at, false);
            fb.retention_reason = t.value;
            fb.locs["retention_reason"] = Loc::span(at + 1, t.end + 1);
        }
    }
    read_text("erasure", "erasure", fb.erasure, true);
}

// The text after an entry's label; its location counts as read only when there is one.
void read_entry_text(const Layout& layout, int at, std::string& out, std::map<std::string, Loc>& locs,
                     const char* field) {
    const Text t = text_after(layout, at, false);
    out = t.value;
    if (!out.empty()) locs[field] = Loc::span(at + 1, t.end + 1);
}

// 1. 特定個人情報ファイル名 written without a (N): the text after the block's item line, or (in a
// page whose blocks came out of order) the nearest line below it on its page that can be a name.
void read_file_name(const Layout& layout, const std::vector<int>& idx, FileBlock& fb) {
    constexpr int kNameSpan = 6;  // lines with text
    const auto& labels = FormLabels::get();
    for (int i : idx) {
        const std::string& c = layout.lines[i].compact;
        if (!text::starts_with(c, "1.") || !labels.is("sub_file_names", c.substr(2))) continue;
        Text t = text_after(layout, i, true);
        const int last = layout.pages[layout.lines[i].page].last;
        for (int k = i + 1, seen = 0; t.value.empty() && k <= last && seen < kNameSpan; ++k) {
            if (layout.lines[k].text.empty()) continue;
            ++seen;
            if (is_file_name_line(layout.lines[k])) t = {layout.lines[k].text, k};
        }
        if (t.value.empty()) return;
        fb.names.push_back(t.value);
        fb.locs["names"] = Loc::span(i + 1, t.end + 1);
        return;
    }
}

void read_file(const Layout& layout, int file, FileBlock& fb) {
    const Dictionary& dict = Dictionary::get();
    std::vector<int> idx;
    for (size_t i = 0; i < layout.lines.size(); ++i)
        if (layout.lines[i].region == Region::file && layout.lines[i].file == file) idx.push_back(static_cast<int>(i));
    if (idx.empty()) return;
    fb.loc = Loc::span(idx.front() + 1, idx.back() + 1);

    // 1. ファイル名: the first "（N）name" of the block.
    for (int i : idx) {
        const std::string n = text::nfkc(layout.lines[i].text);
        if (n.size() > 3 && n[0] == '(' && std::isdigit(static_cast<unsigned char>(n[1]))) {
            const size_t close = layout.lines[i].text.find("）");
            const size_t close_ascii = layout.lines[i].text.find(')');
            size_t cut = std::string::npos;
            if (close != std::string::npos) cut = close + 3;
            if (close_ascii != std::string::npos && (cut == std::string::npos || close_ascii + 1 < cut))
                cut = close_ascii + 1;
            if (cut != std::string::npos) {
                fb.names.push_back(text::trim(layout.lines[i].text.substr(cut)));
                fb.locs["names"] = Loc::at(i + 1);
                break;
            }
        }
    }

    if (fb.names.empty()) read_file_name(layout, idx, fb);
    // A block opened by its ①ファイルの種類 alone starts at the line that names it.
    for (int i : idx) {
        if (!fb.names.empty() || layout.lines[i].text.empty()) continue;
        if (is_file_name_line(layout.lines[i])) {
            fb.names.push_back(layout.lines[i].text);
            fb.locs["names"] = Loc::at(i + 1);
        }
        break;
    }

    // Checkbox rows of the block by group; その他 rows and bare brackets follow their neighbours.
    std::map<int, RowGroup> groups;
    for (int i : idx)
        if (layout.lines[i].grid) groups[i] = row_group(layout.lines[i]);
    for (auto& [i, g] : groups) {
        if (g != RowGroup::unknown) continue;
        const int page = layout.lines[i].page;
        RowGroup found = RowGroup::other;
        for (int d = 1; d <= 6 && found == RowGroup::other; ++d)
            for (int cand : {i - d, i + d}) {
                auto it = groups.find(cand);
                if (it == groups.end() || layout.lines[cand].page != page) continue;
                if (it->second != RowGroup::unknown && it->second != RowGroup::none) {
                    found = it->second;
                    break;
                }
            }
        g = found;
    }
    // Anchors: labels that tell which part of II a methods row belongs to.
    struct Anchor {
        int index;
        char part;  // a acquisition, e entrust, p provision, t transfer, f flows (either)
    };
    std::vector<Anchor> anchors;
    for (int i : idx) {
        const Line& l = layout.lines[i];
        if (l.text.empty() || l.grid) continue;
        if (auto h = l.header) {
            if (spelled(h->kind, "entry_entrust")) anchors.push_back({i, 'e'});
            if (spelled(h->kind, "entry_provision")) anchors.push_back({i, 'p'});
            if (spelled(h->kind, "entry_transfer")) anchors.push_back({i, 't'});
            continue;
        }
        switch (field_of(l)) {
            case Field::acq:
            case Field::acq_method:
            case Field::acq_source:
                anchors.push_back({i, 'a'});
                break;
            case Field::entrust:
            case Field::entrust_item:
            case Field::entrust_methods:
            case Field::entrust_contractor:
            case Field::entrust_resub:
            case Field::entrust_permission:
            case Field::entrust_resub_items:
                anchors.push_back({i, 'e'});
                break;
            case Field::provide:
            case Field::provide_methods:
                anchors.push_back({i, 'p'});
                break;
            case Field::transfer:
            case Field::transfer_methods:
                anchors.push_back({i, 't'});
                break;
            case Field::basis:
            case Field::flow_generic:
                anchors.push_back({i, 'f'});
                break;
            default:
                break;
        }
    }
    auto part_of = [&](int i) {
        char best = 0;
        int best_d = 1 << 30;
        for (const Anchor& a : anchors) {
            if (layout.lines[a.index].page != layout.lines[i].page) continue;
            const int d = std::abs(a.index - i);
            if (d < best_d) {
                best_d = d;
                best = a.part;
            }
        }
        return best;
    };

    // 3. ①入手元 and ②入手方法.
    std::vector<int> source_rows, acq_rows, entrust_rows, flow_rows;
    for (auto& [i, g] : groups) {
        if (g == RowGroup::sources) source_rows.push_back(i);
        if (g != RowGroup::methods) continue;
        const char p = part_of(i);
        if (p == 'a')
            acq_rows.push_back(i);
        else if (p == 'e')
            entrust_rows.push_back(i);
        else if (p == 'p' || p == 't' || p == 'f')
            flow_rows.push_back(i);
    }
    bool any_source_mark = false;
    for (const Choice& c : resolve_group(layout, source_rows, "source_kinds")) {
        any_source_mark = true;
        if (!c.checked) continue;
        Source s;
        s.kind = c.label;
        s.detail = c.detail;
        s.loc = Loc::at(c.line);
        fb.sources.push_back(s);
    }
    if (any_source_mark && fb.sources.empty()) fb.marks["sources"] = "none";
    for (const Choice& c : resolve_group(layout, acq_rows, "acquisition_methods"))
        if (c.checked) fb.methods.push_back(method_value(c));
    if (!source_rows.empty()) fb.locs["sources"] = Loc::span(source_rows.front() + 1, source_rows.back() + 1);
    if (!acq_rows.empty()) fb.locs["methods"] = Loc::span(acq_rows.front() + 1, acq_rows.back() + 1);

    // The 対象となる本人の数 labels of the block (II-2 ②, 委託事項N, 提供先N/移転先N ④).
    std::vector<int> population_labels;
    for (int i : idx)
        if (population_label(layout, i)) population_labels.push_back(i);
    auto read_band = [&](int at, std::string& out, std::map<std::string, Loc>& locs) {
        const auto band = own_band(layout, at, population_labels);
        if (band) out = band->value;
        locs["population"] =
            band ? Loc::span(std::min(at, band->index) + 1, std::max(at, band->index) + 1) : Loc::at(at + 1);
    };

    // 4. 委託: counts, entries and their fields.
    std::vector<Head> e_heads;
    std::vector<Head> f_heads;
    std::vector<bool> f_is_provision;
    for (int i : idx) {
        if (auto h = layout.lines[i].header; h && !h->range) {
            if (spelled(h->kind, "entry_entrust")) e_heads.push_back({i, h->number});
            if (spelled(h->kind, "entry_provision") || spelled(h->kind, "entry_transfer")) {
                f_heads.push_back({i, h->number});
                f_is_provision.push_back(spelled(h->kind, "entry_provision"));
            }
        }
    }
    for (int i : idx) {
        const Line& l = layout.lines[i];
        if (l.text.empty()) continue;
        if (l.grid) {
            for (const Fragment& f : l.fragments) {
                if (f.kind != Fragment::Kind::box) continue;
                const auto label = dict.standard_option("provision_transfer", f.label);
                if (!label) continue;
                const std::optional<int> count = parse_count("(" + f.detail + ")" + written("count_unit"));
                const bool checked = f.mark.value_or(false);
                fb.locs["provision_transfer"] = Loc::at(l.no);
                const auto& flow_options = dict.options("provision_transfer");  // 提供, 移転, 行っていない
                if (*label == flow_options.at(0)) {
                    fb.provides = checked;
                    if (count) fb.declared_counts.provisions = count;
                    fb.locs["provides"] = Loc::at(l.no);
                } else if (*label == flow_options.at(1)) {
                    fb.transfers_flag = checked;
                    if (count) fb.declared_counts.transfers = count;
                    fb.locs["transfers"] = Loc::at(l.no);
                } else {
                    fb.no_flows = checked;
                }
            }
            for (const Fragment& f : l.fragments)
                if (f.kind == Fragment::Kind::selection)
                    if (auto s = dict.standard_option("entrust_choice", f.value)) {
                        fb.entrust = *s == dict.options("entrust_choice").at(0);
                        fb.locs["entrust"] = Loc::at(l.no);
                    }
            continue;
        }
        // "（ 3 ）　件" alone on its line: the 委託 count (提供/移転 counts sit in their boxes).
        if (auto c = count_line(l.text)) {
            fb.declared_counts.entrustments = c;
            fb.locs["declared_counts.entrustments"] = Loc::at(l.no);
        }
    }
    {
        std::vector<Item> items;
        std::vector<Field> kinds;
        for (int i : idx) {
            const Line& l = layout.lines[i];
            if (l.text.empty()) continue;
            if (population_label(layout, i) == 'e' && circled_number(text::trim(l.text)) == 0) {
                items.push_back({i, "population", false});  // II-2 ② has its number; a 委託事項's has none
                kinds.push_back(Field::none);
                continue;
            }
            if (l.grid) {
                bool resub = false;
                for (const Fragment& f : l.fragments)
                    if (f.kind == Fragment::Kind::selection && dict.standard_option("resubcontract_choice", f.value))
                        resub = true;
                if (resub) {
                    items.push_back({i, "resub_choice", false});
                    kinds.push_back(Field::entrust_resub);
                } else if (std::find(entrust_rows.begin(), entrust_rows.end(), i) != entrust_rows.end()) {
                    items.push_back({i, "", false});
                    kinds.push_back(Field::entrust_methods);
                }
                continue;
            }
            const Field f = field_of(l);
            if (f == Field::entrust_item || f == Field::entrust_contractor || f == Field::entrust_permission ||
                f == Field::entrust_resub_items) {
                items.push_back({i, std::to_string(static_cast<int>(f)), f == Field::entrust_item});
                kinds.push_back(f);
            }
        }
        const std::vector<int> owner = assign_items(layout, e_heads, items);
        std::vector<Entrustment> entries(e_heads.size());
        std::vector<std::vector<int>> method_rows(e_heads.size());
        for (size_t h = 0; h < e_heads.size(); ++h) {
            entries[h].no = std::to_string(e_heads[h].number);
            entries[h].item = layout.lines[e_heads[h].index].header->value;
            entries[h].loc = Loc::at(e_heads[h].index + 1);
        }
        for (size_t i = 0; i < items.size(); ++i) {
            if (owner[i] < 0) continue;
            Entrustment& e = entries[owner[i]];
            const int at = items[i].index;
            e.loc = Loc::span(std::min(e.loc.line, at + 1), std::max(e.loc.end_line, at + 1));
            switch (kinds[i]) {
                case Field::entrust_item:
                    if (e.item.empty()) e.item = text_after(layout, at, false).value;
                    break;
                // Read (for coverage) only where a value was found: in a scrambled page an empty
                // text after the label may be a value printed elsewhere, not an empty cell.
                case Field::entrust_contractor:
                    read_entry_text(layout, at, e.contractor, e.locs, "contractor");
                    break;
                case Field::entrust_permission:
                    read_entry_text(layout, at, e.permission_method, e.locs, "permission_method");
                    break;
                case Field::entrust_resub_items:
                    read_entry_text(layout, at, e.resubcontract_items, e.locs, "resubcontract_items");
                    break;
                case Field::entrust_resub:
                    for (const Fragment& f : layout.lines[at].fragments)
                        if (f.kind == Fragment::Kind::selection)
                            if (auto s = dict.standard_option("resubcontract_choice", f.value)) {
                                e.resubcontract = *s == dict.options("resubcontract_choice").at(0);
                                e.locs["resubcontract"] = Loc::at(at + 1);
                            }
                    break;
                case Field::entrust_methods:
                    method_rows[owner[i]].push_back(at);
                    break;
                case Field::none:
                    read_band(at, e.population, e.locs);
                    break;
                default:
                    break;
            }
        }
        for (size_t h = 0; h < entries.size(); ++h) {
            for (const Choice& c : resolve_group(layout, method_rows[h], "entrust_methods"))
                if (c.checked) entries[h].methods.push_back(method_value(c));
            if (entries[h].item.empty() && entries[h].contractor.empty()) continue;  // empty template
            fb.entrustments.push_back(std::move(entries[h]));
        }
    }

    // 5. 提供先 / 移転先.
    {
        std::vector<Item> items;
        std::vector<Field> kinds;
        for (int i : idx) {
            const Line& l = layout.lines[i];
            if (l.text.empty()) continue;
            if (population_label(layout, i) == 'f') {  // ④本人の数; ⑤本人の範囲 opens with the same line
                items.push_back({i, "population", false});
                kinds.push_back(Field::provide);
                continue;
            }
            if (l.grid) {
                if (std::find(flow_rows.begin(), flow_rows.end(), i) != flow_rows.end()) {
                    items.push_back({i, "", false});
                    kinds.push_back(Field::provide_methods);
                }
                continue;
            }
            const Field f = field_of(l);
            if (f == Field::basis) {
                items.push_back({i, "basis", true});
                kinds.push_back(f);
            } else if (f == Field::provide || f == Field::transfer || f == Field::flow_generic ||
                       f == Field::provide_methods || f == Field::transfer_methods) {
                items.push_back({i, l.label, false});
                kinds.push_back(f);
            }
        }
        const std::vector<int> owner = assign_items(layout, f_heads, items);
        std::vector<Flow> flows(f_heads.size());
        std::vector<std::vector<int>> method_rows(f_heads.size());
        for (size_t h = 0; h < f_heads.size(); ++h) {
            const int at = f_heads[h].index;
            flows[h].no = std::to_string(f_heads[h].number);
            flows[h].recipient = text_after(layout, at, false).value;
            flows[h].loc = Loc::at(at + 1);
        }
        for (size_t i = 0; i < items.size(); ++i) {
            if (owner[i] < 0) continue;
            Flow& fl = flows[owner[i]];
            const int at = items[i].index;
            fl.loc = Loc::span(std::min(fl.loc.line, at + 1), std::max(fl.loc.end_line, at + 1));
            if (kinds[i] == Field::basis) {
                const Text t = text_after(layout, at, false);
                fl.basis = t.value;
                fl.basis_loc = Loc::span(at + 1, t.end + 1);
            } else if (kinds[i] == Field::provide_methods && layout.lines[at].grid) {
                method_rows[owner[i]].push_back(at);
            } else if (kinds[i] == Field::flow_generic) {
                fl.timing = text_after(layout, at, false).value;
            } else if (population_label(layout, at) == 'f') {
                read_band(at, fl.population, fl.locs);
            } else {
                const std::string key = layout.lines[at].label;
                if (spelled(key, "purpose"))
                    fl.purpose = text_after(layout, at, false).value;
                else if (spelled(key, "info"))
                    fl.info = text_after(layout, at, false).value;
            }
        }
        for (size_t h = 0; h < flows.size(); ++h) {
            const std::string group = f_is_provision[h] ? "provision_methods" : "transfer_methods";
            bool any_mark = false;
            for (const Choice& c : resolve_group(layout, method_rows[h], group)) {
                any_mark = true;
                if (c.checked) flows[h].methods.push_back(method_value(c));
            }
            Flow& fl = flows[h];
            if (fl.recipient.empty() && fl.basis.empty() && fl.methods.empty()) continue;  // empty template
            if (any_mark && fl.methods.empty()) fl.marks = "none";
            if (any_mark) fl.locs["methods"] = Loc::at(method_rows[h].front() + 1);
            (f_is_provision[h] ? fb.provisions : fb.transfers).push_back(std::move(fl));
        }
    }

    auto by_number = [](const auto& x, const auto& y) { return std::stoi(x.no) < std::stoi(y.no); };
    std::stable_sort(fb.entrustments.begin(), fb.entrustments.end(), by_number);
    std::stable_sort(fb.provisions.begin(), fb.provisions.end(), by_number);
    std::stable_sort(fb.transfers.begin(), fb.transfers.end(), by_number);

    // 6. ①保管場所.
    for (int i : idx)
        if (field_of(layout.lines[i]) == Field::storage) {
            const Text t = text_after(layout, i, true);
            fb.storage = t.value;
            fb.locs["storage"] = Loc::span(i + 1, t.end + 1);
            break;
        }

    read_file_facts(layout, idx, fb);
    read_record_categories(layout, idx, fb);
}

// 基礎 II しきい値判断項目 and III しきい値判断結果 (each the nearest selection of its group to its
// label), and VI 意見の聴取 ②実施日・期間 (the text after its label). 第三者点検 is not read here: its
// ①実施日 ②方法 share their labels with other items and pdftotext prints their values apart.
void read_procedure(const Layout& layout, Assessment& a) {
    const FormLabels& labels = FormLabels::get();
    static const std::tuple<const char*, const char*, std::string Assessment::*, const char*> choices[] = {
        {"kiso_population", "population", &Assessment::population, "population"},
        {"handlers", "handlers", &Assessment::handlers, "handlers"},
        {"serious_incident", "serious_incident", &Assessment::serious_incident, "serious_incident"},
        {"threshold_result", "threshold_result", &Assessment::threshold_result, "threshold_result"}};
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        if (l.label.empty() || l.region == Region::changes || l.region == Region::file) continue;
        const int idx = static_cast<int>(i);
        for (const auto& [label, group, out, field] : choices) {
            if (!labels.is(label, l.label) || !(a.*out).empty()) continue;
            a.locs[field] = Loc::at(l.no);
            if (const auto sel = nearest_selection(layout, idx, group)) {
                a.*out = sel->value;
                a.locs[field] = Loc::span(std::min(idx, sel->index) + 1, std::max(idx, sel->index) + 1);
            }
        }
        if (labels.is("comment_period", l.label) && !a.locs.count("procedure.comment_period")) {
            const Text t = text_after(layout, idx, false);
            a.procedure.comment_period = t.value;
            if (!t.value.empty()) a.locs["procedure.comment_period"] = Loc::span(l.no, t.end + 1);
        }
    }
}

// (別添1) (備考): numbered steps "1-①." with their continuation lines.
void read_steps(const Layout& layout, Assessment& a) {
    bool in_notes = false;
    Step* open = nullptr;
    for (const Line& l : layout.lines) {
        if (l.region != Region::annex_flow) {
            in_notes = false;
            open = nullptr;
            continue;
        }
        if (l.text.empty()) continue;
        if (spelled(text::nfkc_compact(l.text), "remarks")) {
            in_notes = true;
            continue;
        }
        if (!in_notes) continue;
        const auto start = step_start(l.text);
        if (start) {
            const std::u32string u = text::to_u32(std::string_view(l.text).substr(start->end));
            size_t i = 0;
            while (i < u.size() && (u[i] == U'.' || u[i] == U'．' || u[i] == U'、' || u[i] == U' ' || u[i] == 0x3000))
                ++i;
            a.attachment1_steps.push_back({start->label, text::trim(text::to_utf8(u.substr(i))), Loc::at(l.no)});
            open = &a.attachment1_steps.back();
            continue;
        }
        if (const std::string n = text::nfkc(l.text.substr(0, 3)); !n.empty() && n[0] >= '0' && n[0] <= '9') {
            // "２．送付先情報通知に関する事務": a group title, not step text
            open = nullptr;
            continue;
        }
        if (open) {
            open->text += " " + l.text;
            open->loc.end_line = l.no;
        }
    }
}

// Whether two paragraphs of a 変更箇所 row read as two versions of one passage: both short
// (a department, a date), or sharing many pairs of adjacent characters (Jaccard >= 0.3, counted on
// 4,096 hashed slots: cheap, and close enough for a threshold). A heading and a long body printed
// one after the other in one column are not.
bool before_and_after(const std::string& first, const std::string& second) {
    constexpr size_t kShortChars = 60;
    if (text::length(first) <= kShortChars && text::length(second) <= kShortChars) return true;
    auto bigrams = [](const std::string& s) {
        std::bitset<4096> slots;
        const std::u32string u = text::to_u32(s);  // as written: a rough likeness needs no normalising
        for (size_t i = 0; i + 1 < u.size(); ++i) slots.set(((u[i] * 0x9E3779B1u) ^ u[i + 1]) & 4095u);
        return slots;
    };
    const auto x = bigrams(first), y = bigrams(second);
    const size_t either = (x | y).count();
    return either > 0 && static_cast<double>((x & y).count()) / static_cast<double>(either) >= 0.3;
}

// The 提出時期 word (事前/事後) of a 変更箇所 line standing as a word of its own (between white
// space or the line's ends), with the text on either side of it; word is "" when there is none.
struct TimingCell {
    std::string word, before, after;
};
TimingCell timing_cell(const std::string& line) {
    const auto& words = FormLabels::get().spellings("change_timing");
    for (size_t i = 0; i < line.size();) {
        if (const size_t space = text::space_at(line, i)) {
            i += space;
            continue;
        }
        size_t end = i;
        while (end < line.size() && text::space_at(line, end) == 0) ++end;
        const std::string_view word = std::string_view(line).substr(i, end - i);
        if (std::find(words.begin(), words.end(), word) != words.end())
            return {std::string(word), text::trim(line.substr(0, i)), text::trim(line.substr(end))};
        i = end;
    }
    return {};
}

// (別添) 変更箇所: a row opens with its date; the item cell is the first run of short lines after
// it; the value text follows in paragraphs until 事前/事後. pdftotext prints the 変更前 and 変更後
// cells one after the other: two paragraphs that read as two versions are before and after, any
// other text is kept whole in `text` (diff still finds what it mentions). The rows are history and
// never feed current values.
void read_changes(const Layout& layout, Assessment& a) {
    static const std::regex date_re("^" + regex_alternatives(written_list("eras")) + R"((\d{1,2}|)" +
                                    written("first_year") + ")" + written("year") + R"(\d{1,2})" + written("month") +
                                    R"(\d{1,2})" + written("day") + "$");
    constexpr size_t kItemChars = 20;
    constexpr int kItemLines = 4;
    ChangeRow* open = nullptr;
    int item_lines = 0;
    bool item_done = false;
    std::vector<std::string> paragraphs;
    int previous_no = 0;
    auto close = [&] {
        if (!open) return;
        if (paragraphs.size() == 2 && before_and_after(paragraphs[0], paragraphs[1])) {
            open->before = paragraphs[0];
            open->after = paragraphs[1];
        } else {
            for (const auto& p : paragraphs) open->text += (open->text.empty() ? "" : "\n") + p;
        }
        paragraphs.clear();
    };
    const FormLabels& labels = FormLabels::get();
    const auto& header_words = labels.spellings("change_header");
    const auto& refs = labels.spellings("change_item_refs");
    auto starts_with_any = [](const std::string& s, const std::vector<std::string>& words) {
        return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return text::starts_with(s, w); });
    };
    for (const Line& l : layout.lines) {
        if (l.region != Region::changes || l.text.empty()) continue;
        // Dates, items and the table's header are short lines, whose compact form the layout has
        // made (Line::compact); long lines are paragraph text.
        const std::string& c = l.compact;
        if (std::any_of(header_words.begin(), header_words.end(),
                        [&](const std::string& w) { return !c.empty() && text::contains(c, w); }))
            continue;  // the table's header, repeated on each page
        const bool after_gap = previous_no > 0 && l.no > previous_no + 1;
        previous_no = l.no;
        if (text::contains(c, written("year")) && text::contains(c, written("day")) && std::regex_match(c, date_re)) {
            close();
            a.changes.push_back({});
            open = &a.changes.back();
            open->date = l.text;
            open->loc = Loc::at(l.no);
            item_lines = 0;
            item_done = false;
            continue;
        }
        if (!open) continue;
        open->loc.end_line = l.no;
        // 提出時期: "事後" alone, or "… 事後 組織改編のため" with the cells around it on its line.
        if (const auto timing = timing_cell(l.text); !timing.word.empty()) {
            open->timing = timing.word;
            if (!timing.before.empty()) {
                if (paragraphs.empty() || after_gap) paragraphs.emplace_back();
                paragraphs.back() += timing.before;
            }
            open->explanation = timing.after;
            close();
            continue;
        }
        if (!open->timing.empty()) continue;  // past the timing: the next row's explanation
        // An item line refers to the form: Ⅱ－５, ②事務の内容, （別添１）, 提供先1, 移転先No.8.
        const bool short_line = !c.empty() && text::length(c) <= kItemChars;
        const bool form_reference =
            short_line && ((c[0] == 'I' || c[0] == 'V' || c[0] == 'X') || circled_number(l.text) > 0 ||
                           starts_with_entry_word(c) || starts_with_any(c, refs));
        if (!item_done && short_line && (item_lines == 0 || !after_gap || form_reference) && item_lines < kItemLines) {
            open->item += open->item.empty() ? l.text : " " + l.text;
            ++item_lines;
            continue;
        }
        item_done = true;
        if (paragraphs.empty() || after_gap)
            paragraphs.push_back(l.text);
        else
            paragraphs.back() += l.text;  // a paragraph's lines are one cell cut by the page width
    }
    close();
}

}  // namespace

std::vector<Assessment> parse_pdftext(const Document& doc) {
    const Layout layout = build_layout(doc);
    Assessment a;
    read_cover(layout, a);
    read_basic(layout, a);
    read_systems(layout, a);
    for (int f = 0; f < layout.file_count; ++f) {
        FileBlock fb;
        read_file(layout, f, fb);
        if (!fb.names.empty() || !fb.sources.empty()) a.files.push_back(std::move(fb));
    }
    for (const FileBlock& fb : a.files) {
        for (const auto& n : fb.names) a.file_names.push_back(n);
        if (!a.locs.count("file_names") && fb.locs.count("names")) a.locs["file_names"] = fb.locs.at("names");
    }
    read_procedure(layout, a);
    if (layout.file_count > 0 || first_line_of(layout, Region::annex_flow) > 0) read_steps(layout, a);
    read_changes(layout, a);
    a.loc = Loc::span(1, static_cast<int>(doc.lines.size()));
    // The layout numbers a part's lines from 1 (line index + 1 throughout this parser).
    shift_lines(a, doc.first_line - 1);
    std::vector<Assessment> out;
    if (!a.affair.empty() || !a.systems.empty() || !a.files.empty()) out.push_back(std::move(a));
    return out;
}

}  // namespace piagraph::extract_detail
