// The II file blocks of a pdftotext-like conversion: name, basic facts, record categories, storage;
// 入手, 委託 and 提供・移転 are read by flows.cpp.
#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "reader.hpp"

namespace piagraph::extract_detail::pdftext {

namespace {

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

// The name of a line that numbers it as II numbers its files: （２）住民票ファイル -> 住民票ファイル.
std::optional<std::string> numbered_file_name(const std::string& text) {
    const std::string n = text::nfkc(text);
    if (n.size() <= 3 || n[0] != '(' || !std::isdigit(static_cast<unsigned char>(n[1]))) return std::nullopt;
    const size_t close = text.find("）");
    const size_t close_ascii = text.find(')');
    size_t cut = std::string::npos;
    if (close != std::string::npos) cut = close + 3;
    if (close_ascii != std::string::npos && (cut == std::string::npos || close_ascii + 1 < cut)) cut = close_ascii + 1;
    if (cut == std::string::npos) return std::nullopt;
    return text::trim(text.substr(cut));
}

// A page whose blocks came out of order may print a file's name far from its heading: the line of
// the page nearest to the heading that names a file as the form's files are named (…ファイル), not
// a numbered list of names.
Text named_file_on_page(const Layout& layout, int heading) {
    const Page& page = layout.pages[layout.lines[heading].page];
    const std::string& suffix = FormLabels::get().spellings("file_name_suffix").front();
    for (int d = 1; heading - d >= page.first || heading + d <= page.last; ++d)
        for (const int k : {heading + d, heading - d}) {
            if (k < page.first || k > page.last) continue;
            const Line& l = layout.lines[k];
            if (!is_file_name_line(l) || !text::ends_with(l.compact, suffix) || is_item_heading(l) ||
                std::isdigit(static_cast<unsigned char>(l.compact[0])))
                continue;
            return {numbered_file_name(l.text).value_or(l.text), k};
        }
    return {};
}

// The name under the block's "１．特定個人情報ファイル名": its text, else (on a page whose blocks came out
// of order) the nearest line below it on its page that can be a name, else one named like a file.
void read_file_name(const Layout& layout, const std::vector<int>& idx, FileBlock& fb) {
    constexpr int kNameSpan = 6;  // lines with text
    const auto& labels = FormLabels::get();
    for (int i : idx) {
        const auto item = numbered_title(layout.lines[i].compact);
        if (!item || item->first != 1 || !labels.is("sub_file_names", item->second)) continue;
        Text t = text_after(layout, i, true);
        // The names end at the block's next item (text_after knows the items that open a region).
        for (int k = i + 1; k <= t.end; ++k) {
            if (!is_file_item_heading(layout.lines[k])) continue;
            std::vector<std::string> names{value_after_label(layout.lines[i].text)};
            int end = i;
            for (int j = i + 1; j < k; ++j)
                if (!layout.lines[j].text.empty()) names.push_back(layout.lines[j].text), end = j;
            t = {text::join(names, " "), end};
            break;
        }
        const int last = layout.pages[layout.lines[i].page].last;
        for (int k = i + 1, seen = 0; t.value.empty() && k <= last && seen < kNameSpan; ++k) {
            if (layout.lines[k].text.empty()) continue;
            ++seen;
            if (is_file_name_line(layout.lines[k])) t = {layout.lines[k].text, k};
        }
        if (t.value.empty()) t = named_file_on_page(layout, i);
        if (t.value.empty()) return;
        fb.names = parse_name_list(t.value);  // 1. 滞納処分ファイル 2. 交渉記録ファイル: two names
        if (fb.names.empty()) fb.names.push_back(t.value);
        fb.locs["names"] = Loc::span(i + 1, t.end + 1);
        return;
    }
}

// 1. ファイル名: the first "（N）name" of the block, else the text of its 特定個人情報ファイル名 item,
// else (a block opened by its ①ファイルの種類 alone) the line that names it.
void read_file_title(const Layout& layout, const std::vector<int>& idx, FileBlock& fb) {
    // (4)提供する情報の対象となる本人の数: a field number in brackets before a label of the form, no name.
    const auto labels_a_field = [](const std::string& name) {
        return FormLabels::get().is_field_label(label_key(name.substr(0, std::min(name.size(), next_space(name)))));
    };
    for (int i : idx)
        if (auto name = is_label_line(layout.lines[i]) ? std::nullopt : numbered_file_name(layout.lines[i].text);
            name && !labels_a_field(*name)) {
            fb.names.push_back(std::move(*name));
            fb.locs["names"] = Loc::at(i + 1);
            break;
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
}

// Checkbox rows of the block by group; その他 rows and bare brackets follow their neighbours: first the
// nearest row above, whose group その他 ends (入手元's その他 printed right above ②入手方法's ■紙), then
// the nearest below.
std::map<int, RowGroup> row_groups(const Layout& layout, const std::vector<int>& idx) {
    constexpr int kMostLinesApart = 6;
    std::map<int, RowGroup> groups;
    for (int i : idx)
        if (layout.lines[i].grid) groups[i] = row_group(layout.lines[i]);
    const auto group_at = [&](int i, int cand) {
        const auto it = groups.find(cand);
        if (it == groups.end() || layout.lines[cand].page != layout.lines[i].page || it->second == RowGroup::unknown ||
            it->second == RowGroup::none)
            return RowGroup::other;
        return it->second;
    };
    for (auto& [i, g] : groups) {
        if (g != RowGroup::unknown) continue;
        RowGroup found = RowGroup::other;
        for (const int step : {-1, 1})
            for (int d = 1; d <= kMostLinesApart && found == RowGroup::other; ++d) found = group_at(i, i + step * d);
        g = found;
    }
    return groups;
}

// Anchors: labels that tell which part of II a methods row belongs to.
struct Anchor {
    int index;
    char part;  // a acquisition, e entrust, p provision, t transfer, f flows (either)
};

std::vector<Anchor> part_anchors(const Layout& layout, const std::vector<int>& idx) {
    std::vector<Anchor> anchors;
    for (int i : idx) {
        const Line& l = layout.lines[i];
        // A row of boxes counts by the label printed on it (②入手方法 ［○］紙 …).
        if (l.text.empty() || (l.grid && field_of(l) == Field::none)) continue;
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
    return anchors;
}

// The part of the anchor nearest to line index i on its page; 0 when its page has none.
char part_of(const Layout& layout, const std::vector<Anchor>& anchors, int i) {
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
}

// A row of その他 boxes alone (no other row of its group near it, as on a scrambled page): where its
// part of II has no 入手元 to hold it (委託, 提供, 移転), it is a methods row.
bool lone_other_box(const Line& l) {
    if (row_group(l) != RowGroup::unknown) return false;
    return std::any_of(l.fragments.begin(), l.fragments.end(), [](const Fragment& f) {
        return (f.kind == Fragment::Kind::box || f.kind == Fragment::Kind::closer) && !f.label.empty();
    });
}

// The methods rows of the block by the part of II they belong to, and its source rows.
FileRows file_rows(const Layout& layout, const std::vector<int>& idx) {
    const std::vector<Anchor> anchors = part_anchors(layout, idx);
    FileRows rows;
    for (auto& [i, g] : row_groups(layout, idx)) {
        if (g == RowGroup::sources) rows.sources.push_back(i);
        const char p = part_of(layout, anchors, i);
        if (g != RowGroup::methods && !(g == RowGroup::other && lone_other_box(layout.lines[i]) && p != 'a' && p != 0))
            continue;
        if (p == 'a')
            rows.acquisition.push_back(i);
        else if (p == 'e')
            rows.entrust.push_back(i);
        else if (p == 'p' || p == 't' || p == 'f')
            rows.flows.push_back(i);
    }
    return rows;
}

}  // namespace

void read_file(const Layout& layout, int file, FileBlock& fb) {
    std::vector<int> idx;
    for (size_t i = 0; i < layout.lines.size(); ++i)
        if (layout.lines[i].region == Region::file && layout.lines[i].file == file) idx.push_back(static_cast<int>(i));
    // A block without a label (past its １．特定個人情報ファイル名), a row of boxes or a line named like a
    // file (…ファイル) is a 項目一覧's list of II's items (１．特定個人情報ファイル名 | ２．基本情報 | …), no
    // file. (A block whose labels were lost keeps its name.)
    const std::string& suffix = FormLabels::get().spellings("file_name_suffix").front();
    if (std::none_of(idx.begin(), idx.end(), [&](int i) {
            const Line& l = layout.lines[i];
            return l.grid || text::ends_with(l.compact, suffix) ||
                   (field_of(l) != Field::none && !FormLabels::get().is("sub_file_names", l.label));
        }))
        return;
    fb.loc = Loc::span(idx.front() + 1, idx.back() + 1);
    read_file_title(layout, idx, fb);
    const FileRows rows = file_rows(layout, idx);
    read_acquisition(layout, idx, rows, fb);
    // The 対象となる本人の数 labels of the block (II-2 ②, 委託事項N, 提供先N/移転先N ④).
    std::vector<int> population_labels;
    for (int i : idx)
        if (population_label(layout, i)) population_labels.push_back(i);
    read_flow_choices(layout, idx, fb);
    read_entrustments(layout, idx, rows.entrust, population_labels, fb);
    read_flows(layout, idx, rows.flows, population_labels, fb);

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

}  // namespace piagraph::extract_detail::pdftext
