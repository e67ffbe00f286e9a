// 入手, 委託 and 提供・移転 of a II file block in a pdftotext-like conversion.
#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "reader.hpp"

namespace piagraph::extract_detail::pdftext {

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

void read_entry_text(const Layout& layout, int at, std::string& out, std::map<std::string, Loc>& locs,
                     const char* field) {
    const Text t = text_after(layout, at, false);
    out = t.value;
    if (!out.empty()) locs[field] = Loc::span(at + 1, t.end + 1);
}

namespace {

// The entry headers of the block (no ranges) whose kind is one of `kinds`.
std::vector<Head> entry_heads(const Layout& layout, const std::vector<int>& idx,
                              std::initializer_list<const char*> kinds) {
    std::vector<Head> heads;
    for (int i : idx)
        if (auto h = layout.lines[i].header; h && !h->range)
            for (const char* kind : kinds)
                if (spelled(h->kind, kind)) heads.push_back({i, h->number, kind});
    return heads;
}

// The band of the 本人の数 label at `at` into `out`, located in `locs`.
void read_band(const Layout& layout, int at, const std::vector<int>& population_labels, std::string& out,
               std::map<std::string, Loc>& locs) {
    const auto band = own_band(layout, at, population_labels);
    if (band) out = band->value;
    locs["population"] =
        band ? Loc::span(std::min(at, band->index) + 1, std::max(at, band->index) + 1) : Loc::at(at + 1);
}

// The items of the 委託事項 entries, each with the field it is: the 本人の数 of an entry (Field::none),
// its 再委託 choice, its methods rows and its labelled texts.
struct Items {
    std::vector<Item> items;
    std::vector<Field> kinds;
};
Items entrust_items(const Layout& layout, const std::vector<int>& idx, const std::vector<int>& entrust_rows) {
    const Dictionary& dict = Dictionary::get();
    std::vector<Item> items;
    std::vector<Field> kinds;
    for (int i : idx) {
        const Line& l = layout.lines[i];
        if (l.text.empty()) continue;
        if (population_label(layout, i) == 'e' && leading_field_number(l.text) == 0) {
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
    return {items, kinds};
}

// The kind of entry a methods row can belong to by its options: a row holding an option that only
// 提供方法 lists (情報提供ネットワークシステム) is a 提供先's, one that only 移転方法 lists (庁内連携システム) a
// 移転先's; nullptr when its options fit both (専用線, 紙 …) or neither.
const char* flow_kind_of_row(const Line& l) {
    const Dictionary& dict = Dictionary::get();
    bool provision = false, transfer = false;
    for (const Fragment& f : l.fragments) {
        if (f.label.empty()) continue;
        const bool p = dict.standard_option("provision_methods", f.label).has_value();
        const bool t = dict.standard_option("transfer_methods", f.label).has_value();
        provision = provision || (p && !t);
        transfer = transfer || (t && !p);
    }
    if (provision == transfer) return nullptr;
    return provision ? "entry_provision" : "entry_transfer";
}

// The items of the 提供先/移転先 entries, each with the field it is: ④本人の数 (Field::provide with
// slot population), methods rows, ①法令上の根拠 and the other labelled texts.
Items flow_items(const Layout& layout, const std::vector<int>& idx, const std::vector<int>& flow_rows) {
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
                items.push_back({i, "", false, flow_kind_of_row(l)});
                kinds.push_back(Field::provide_methods);
            }
            continue;
        }
        const Field f = field_of(l);
        if (f == Field::basis) {
            items.push_back({i, "basis", true});
            kinds.push_back(f);
        } else if (f == Field::provide || f == Field::provide_methods) {  // ②提供先における用途, ⑥提供方法
            items.push_back({i, l.label, false, "entry_provision"});
            kinds.push_back(f);
        } else if (f == Field::transfer || f == Field::transfer_methods) {  // ②移転先における用途, ⑥移転方法
            items.push_back({i, l.label, false, "entry_transfer"});
            kinds.push_back(f);
        } else if (f == Field::flow_generic) {
            items.push_back({i, l.label, false});
            kinds.push_back(f);
        }
    }
    return {items, kinds};
}

// The option labels of a methods row, as their match keys.
std::vector<std::string> option_keys_of(const Line& l) {
    std::vector<std::string> keys;
    for (const Fragment& f : l.fragments)
        if ((f.kind == Fragment::Kind::box || f.kind == Fragment::Kind::closer) && !f.label.empty())
            keys.push_back(text::match_key(f.label));
    return keys;
}

bool is_methods_field(Field f) {
    return f == Field::provide_methods || f == Field::transfer_methods || f == Field::entrust_methods;
}

// The owner a segment of methods rows takes when assign_items parted it: the entry whose methods
// label (⑥提供方法) comes last before it, of the kind of entry the segment's options allow, if some
// of its rows went there; -1 to leave the rows as they were.
int segment_owner(const Layout& layout, const std::vector<size_t>& segment, const Items& found,
                  const std::vector<int>& owner) {
    const auto parted =
        std::any_of(segment.begin(), segment.end(), [&](size_t k) { return owner[k] != owner[segment.front()]; });
    if (!parted) return -1;
    const char* kind = nullptr;  // the kind of entry a row of the segment can only belong to
    for (const size_t k : segment)
        if (found.items[k].head_kind) kind = found.items[k].head_kind;
    int label_owner = -1;
    for (size_t k = 0; k < segment.front(); ++k) {
        const Item& item = found.items[k];
        if (!is_methods_field(found.kinds[k]) || layout.lines[item.index].grid || owner[k] < 0) continue;
        if (kind && item.head_kind && std::strcmp(kind, item.head_kind) != 0) continue;
        label_owner = owner[k];
    }
    const bool among = std::any_of(segment.begin(), segment.end(), [&](size_t k) { return owner[k] == label_owner; });
    return among ? label_owner : -1;
}

// A run of methods rows with no other text between them is one entry's boxes until an option comes
// again (the next entry's run). assign_items goes by the distance to the headers and may cut such a
// run where the nearest header changes (a page in raw order: 提供先3's rows printed after its ⑦, the
// last of them nearer 移転先1): each segment goes whole to one entry (segment_owner).
void keep_method_runs_whole(const Layout& layout, const Items& found, Field methods_kind, std::vector<int>& owner) {
    std::vector<size_t> segment;
    std::set<std::string> seen;
    int previous = -1;
    const auto close_segment = [&] {
        const int o = segment_owner(layout, segment, found, owner);
        if (o >= 0)
            for (const size_t k : segment) owner[k] = o;
        segment.clear();
        seen.clear();
    };
    for (size_t k = 0; k < found.items.size(); ++k) {
        const int at = found.items[k].index;
        if (found.kinds[k] != methods_kind || !layout.lines[at].grid) continue;
        const bool follows =
            previous >= 0 && std::all_of(layout.lines.begin() + previous + 1, layout.lines.begin() + at,
                                         [](const Line& l) { return l.text.empty(); });
        const std::vector<std::string> keys = option_keys_of(layout.lines[at]);
        if (!follows || std::any_of(keys.begin(), keys.end(), [&](const std::string& key) { return seen.count(key); }))
            close_segment();
        segment.push_back(k);
        seen.insert(keys.begin(), keys.end());
        previous = at;
    }
    close_segment();
}

// The entries read, with their methods, into the block's provisions and transfers; an entry with
// no recipient, basis or method is an empty template.
void keep_flows(const Layout& layout, const std::vector<Head>& f_heads, std::vector<Flow>& flows,
                const std::vector<std::vector<int>>& method_rows, FileBlock& fb) {
    for (size_t h = 0; h < flows.size(); ++h) {
        const bool provision = spelled(layout.lines[f_heads[h].index].header->kind, "entry_provision");
        const std::string group = provision ? "provision_methods" : "transfer_methods";
        bool any_mark = false;
        for (const Choice& c : resolve_group(layout, method_rows[h], group)) {
            any_mark = true;
            if (c.checked) flows[h].methods.push_back(method_value(c));
        }
        Flow& fl = flows[h];
        name_from_basis(fl);
        if (is_empty_flow(fl)) continue;  // empty template
        if (any_mark && fl.methods.empty()) fl.marks = "none";
        if (any_mark) fl.locs["methods"] = Loc::at(method_rows[h].front() + 1);
        (provision ? fb.provisions : fb.transfers).push_back(std::move(fl));
    }
}

}  // namespace

// 3. ①入手元 and ②入手方法.
void read_acquisition(const Layout& layout, const std::vector<int>& idx, const FileRows& rows, FileBlock& fb) {
    std::vector<Choice> sources = resolve_group(layout, rows.sources, "source_kinds");
    for (Choice& c : detached_choices(layout, idx, "source_kinds")) sources.push_back(std::move(c));
    std::sort(sources.begin(), sources.end(), [](const Choice& a, const Choice& b) { return a.line < b.line; });
    for (const Choice& c : sources) {
        if (!c.checked) continue;
        Source s;
        s.kind = c.label;
        s.detail = c.detail;
        s.loc = Loc::at(c.line);
        fb.sources.push_back(s);
    }
    // Options printed and none read as marked (the marks lost, or printed where they pair with no
    // option): the report says so, not that the document is silent.
    if (!rows.sources.empty() && fb.sources.empty()) fb.marks["sources"] = "none";
    for (const Choice& c : resolve_group(layout, rows.acquisition, "acquisition_methods"))
        if (c.checked) fb.methods.push_back(method_value(c));
    if (!rows.acquisition.empty() && fb.methods.empty()) fb.marks["methods"] = "none";
    if (!rows.sources.empty()) fb.locs["sources"] = Loc::span(rows.sources.front() + 1, rows.sources.back() + 1);
    if (!rows.acquisition.empty())
        fb.locs["methods"] = Loc::span(rows.acquisition.front() + 1, rows.acquisition.back() + 1);
}

// The block's choices: 提供/移転 boxes with their counts, 委託の有無, and the 委託 count "（ 3 ）　件"
// alone on its line (提供/移転 counts sit in their boxes).
void read_flow_choices(const Layout& layout, const std::vector<int>& idx, FileBlock& fb) {
    const Dictionary& dict = Dictionary::get();
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
}

// 4. 委託: the entries and their fields.
void read_entrustments(const Layout& layout, const std::vector<int>& idx, const std::vector<int>& entrust_rows,
                       const std::vector<int>& population_labels, FileBlock& fb) {
    const Dictionary& dict = Dictionary::get();
    const std::vector<Head> e_heads = entry_heads(layout, idx, {"entry_entrust"});
    const Items found = entrust_items(layout, idx, entrust_rows);
    std::vector<int> owner =
        assign_items(layout, e_heads, found.items, label_column_pages(layout, e_heads, found.items));
    keep_method_runs_whole(layout, found, Field::entrust_methods, owner);
    std::vector<Entrustment> entries(e_heads.size());
    std::vector<std::vector<int>> method_rows(e_heads.size());
    for (size_t h = 0; h < e_heads.size(); ++h) {
        entries[h].no = std::to_string(e_heads[h].number);
        entries[h].item = layout.lines[e_heads[h].index].header->value;
        entries[h].loc = Loc::at(e_heads[h].index + 1);
    }
    for (size_t i = 0; i < found.items.size(); ++i) {
        if (owner[i] < 0) continue;
        Entrustment& e = entries[owner[i]];
        const int at = found.items[i].index;
        e.loc = Loc::span(std::min(e.loc.line, at + 1), std::max(e.loc.end_line, at + 1));
        switch (found.kinds[i]) {
            case Field::entrust_item:
                if (e.item.empty()) e.item = text_after(layout, at, false).value;
                break;
            // Read (for coverage) only where a value was found: in a scrambled page an empty
            // text after the label may be a value printed elsewhere, not an empty cell.
            case Field::entrust_contractor:
                read_entry_text(layout, at, e.contractor, e.locs, "contractor");
                // ⑥⑦ printed as a run of labels, their values after it (raw order): ⑥'s is the first.
                if (const Text past = e.contractor.empty() ? first_value_past_labels(layout, at) : Text{};
                    !past.value.empty() && looks_like_affair_name(past.value)) {
                    e.contractor = past.value;
                    e.locs["contractor"] = Loc::span(at + 1, past.end + 1);
                }
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
                read_band(layout, at, population_labels, e.population, e.locs);
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

// On a page printed label column first, an entry's name stands above its ① in the label column
// (unless its header holds it), and what follows its header in the value column is ①'s value, not
// the name.
void name_label_column_entries(const Layout& layout, const std::vector<Head>& f_heads, const std::vector<Item>& items,
                               const LabelColumnPages& label_columns, const std::vector<int>& owner,
                               std::vector<Flow>& flows) {
    for (const auto& [page, on_page] : label_columns) {
        for (size_t i = 0; i < items.size(); ++i) {
            if (!items[i].first || owner[i] < 0 || layout.lines[items[i].index].page != page) continue;
            Flow& fl = flows[static_cast<size_t>(owner[i])];
            const int header = f_heads[owner[i]].index;
            if (layout.lines[header].header->value.empty())  // (提供先1 市町村長: the name beside its header)
                fl.recipient = entry_name_above(layout, items[i].index).value;
            if (!fl.basis.empty()) continue;
            if (const Text basis = article_under_header(layout, header); !basis.value.empty()) {
                fl.basis = basis.value;
                fl.basis_loc = Loc::span(header + 1, basis.end + 1);
            }
        }
    }
}

// 5. 提供先 / 移転先.
void read_flows(const Layout& layout, const std::vector<int>& idx, const std::vector<int>& flow_rows,
                const std::vector<int>& population_labels, FileBlock& fb) {
    const std::vector<Head> f_heads = entry_heads(layout, idx, {"entry_provision", "entry_transfer"});
    const Items found = flow_items(layout, idx, flow_rows);
    const LabelColumnPages label_columns = label_column_pages(layout, f_heads, found.items);
    std::vector<int> owner = assign_items(layout, f_heads, found.items, label_columns);
    keep_method_runs_whole(layout, found, Field::provide_methods, owner);
    std::vector<Flow> flows(f_heads.size());
    std::vector<std::vector<int>> method_rows(f_heads.size());
    for (size_t h = 0; h < f_heads.size(); ++h) {
        const int at = f_heads[h].index;
        flows[h].no = std::to_string(f_heads[h].number);
        flows[h].recipient = entry_name_after(layout, at).value;
        flows[h].loc = Loc::at(at + 1);
    }
    for (size_t i = 0; i < found.items.size(); ++i) {
        if (owner[i] < 0) continue;
        Flow& fl = flows[owner[i]];
        const int at = found.items[i].index;
        fl.loc = Loc::span(std::min(fl.loc.line, at + 1), std::max(fl.loc.end_line, at + 1));
        if (found.kinds[i] == Field::basis) {
            const Text name = names_nothing(fl.recipient) ? name_before_article(layout, at) : Text{"", at};
            if (!name.value.empty()) fl.recipient = name.value;
            if (names_nothing(fl.recipient))
                if (const Text above = name_above_entry(layout, at, f_heads[owner[i]].index);
                    !above.value.empty() && std::none_of(flows.begin(), flows.end(), [&](const Flow& other) {
                        return other.recipient == above.value;
                    }))
                    fl.recipient = above.value;
            Text t = text_after(layout, name.end, false);
            // ①②③ printed as a run of labels, their values after it (raw order): ①'s is the first,
            // where it cites an article.
            if (t.value.empty())
                if (const Text past = first_value_past_labels(layout, at); cites_article(past.value)) t = past;
            fl.basis = t.value;
            fl.basis_loc = Loc::span(at + 1, t.end + 1);
        } else if (found.kinds[i] == Field::provide_methods && layout.lines[at].grid) {
            method_rows[owner[i]].push_back(at);
        } else if (found.kinds[i] == Field::flow_generic) {
            fl.timing = text_after(layout, at, false).value;
        } else if (population_label(layout, at) == 'f') {
            read_band(layout, at, population_labels, fl.population, fl.locs);
        } else {
            const std::string key = layout.lines[at].label;
            if (spelled(key, "purpose"))
                fl.purpose = text_after(layout, at, false).value;
            else if (spelled(key, "info"))
                fl.info = text_after(layout, at, false).value;
        }
    }
    name_label_column_entries(layout, f_heads, found.items, label_columns, owner, flows);
    keep_flows(layout, f_heads, flows, method_rows, fb);
}

}  // namespace piagraph::extract_detail::pdftext
