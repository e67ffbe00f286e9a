// Two readings of one part of a document, rows rebuilt from its layout and the text as written,
// made into one: the reading that found more of the form's items is kept, and it takes from the
// other, item by item, what the other read and it did not.
#include "readings.hpp"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "common.hpp"
#include "coverage.hpp"
#include "form_labels.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

namespace {

// The items of the form that a reading found. It fills each assessment's coverage in place (finish()
// computes it again, from scratch, for the reading that is kept).
size_t items_found(std::vector<Assessment>& found) {
    size_t n = 0;
    for (auto& a : found) {
        compute_coverage(a);
        for (const auto& [item, c] : a.coverage) n += c.found;
        // A 提供先/移転先 entry without its recipient (or one that names no one) is more likely another
        // item's lines read as one (a reading that misplaced them): its items do not count for it.
        for (size_t i = 0; i < a.files.size(); ++i)
            for (const auto& [flows, key] :
                 {std::pair{&a.files[i].provisions, ".provisions["}, std::pair{&a.files[i].transfers, ".transfers["}})
                for (size_t j = 0; j < flows->size(); ++j) {
                    if (!names_nothing((*flows)[j].recipient)) continue;
                    const std::string prefix = "files[" + std::to_string(i) + "]" + key + std::to_string(j) + "].";
                    for (auto it = a.coverage.lower_bound(prefix);
                         it != a.coverage.end() && text::starts_with(it->first, prefix); ++it)
                        n -= it->second.found;
                }
    }
    return n;
}

// An item's line goes with its value.
void take_loc(std::map<std::string, Loc>& to, const std::map<std::string, Loc>& from, const std::string& key) {
    if (const auto at = from.find(key); at != from.end()) to[key] = at->second;
}

// The 変更箇所 table is a grid of its own, history rather than the form's items: the layout rebuild
// puts it back into rows only where pdftotext kept its columns, while the pdftotext reader also reads
// it cell by cell. So each assessment's change rows come from the reading that holds more of them.
void keep_more_changes(Assessment& kept, Assessment& other) {
    if (other.changes.size() > kept.changes.size()) kept.changes = std::move(other.changes);
}

// The numbers of the systems of section I that a reading named.
std::set<int> systems_named(const Assessment& a) {
    std::set<int> out;
    for (const System& s : a.systems)
        if (!names_nothing(s.name)) out.insert(s.no);
    return out;
}

// Section I's list of systems is read whole by each reading, and the coverage counts it as one item
// however many systems it holds: an assessment whose kept reading lost most of the list takes the
// other reading's, where that names more than twice as many systems (rows rebuilt from a label
// column may name every system where the text as written names one). Closer counts say rather
// which reading took a stray line for a system, unless the kept reading's numbers skip a system
// that the other named, beside every one the kept reading named: then the kept one lost that
// block (システム３), and read its neighbours' lines off by one. Nor where both read the systems as
// one list (基礎's ③システムの名称) and the other's list ends with the kept one's names: the kept
// reading lost the list's first names (a label centred on its list, its first items above it).
bool one_list(const std::vector<System>& systems) {
    return !systems.empty() && std::all_of(systems.begin(), systems.end(),
                                           [&](const System& s) { return s.loc.line == systems.front().loc.line; });
}

void keep_more_systems(Assessment& kept, Assessment& other) {
    const std::set<int> own = systems_named(kept), found = systems_named(other);
    const bool fills_a_gap =
        !own.empty() && std::includes(found.begin(), found.end(), own.begin(), own.end()) &&
        std::any_of(found.begin(), found.end(), [&](int no) { return no < *own.rbegin() && !own.count(no); });
    const bool ends_alike = one_list(kept.systems) && one_list(other.systems) &&
                            other.systems.size() > kept.systems.size() &&
                            std::equal(kept.systems.rbegin(), kept.systems.rend(), other.systems.rbegin(),
                                       [](const System& a, const System& b) { return a.name == b.name; });
    if (found.size() <= 2 * own.size() && !fills_a_gap && !ends_alike) return;
    kept.systems = std::move(other.systems);
    take_loc(kept.locs, other.locs, "systems");
}

// Each field of the cover is read from its own label, in both readings: where the kept reading
// missed one that the other read (a cover whose blocks came out of order), or read one that does
// not look like what its label holds (a number run on into the declaration), it takes the other's,
// with its line - if that one looks right: rows rebuilt from scrambled blocks may pair a label with
// its neighbour's value (公表日 | 福島県郡山市長).
void fill_cover(Assessment& kept, const Assessment& other) {
    struct CoverField {
        std::string Assessment::*value;
        const char* key;
        bool (*looks_right)(std::string_view);
    };
    static const CoverField kCoverFields[] = {{&Assessment::form, "form", is_form_name},
                                              {&Assessment::organization, "organization", looks_like_organization},
                                              {&Assessment::number, "number", looks_like_assessment_number},
                                              {&Assessment::title, "title", looks_like_assessment_title},
                                              {&Assessment::affair, "affair", looks_like_affair_name},
                                              {&Assessment::published, "published", looks_like_publication_date}};
    for (const auto& field : kCoverFields) {
        const std::string& found = other.*field.value;
        const std::string& own = kept.*field.value;
        if ((!own.empty() && field.looks_right(own)) || found.empty() || !field.looks_right(found)) continue;
        kept.*field.value = found;
        take_loc(kept.locs, other.locs, field.key);
    }
}

template <class Entry>
using TextFields = std::initializer_list<std::pair<std::string Entry::*, const char*>>;

// Text items the kept reading left empty and the other read (a value on the line after its label,
// which only one of the readings pairs with it), each with its line.
template <class Entry>
void take_texts(Entry& own, const Entry& found, TextFields<Entry> fields) {
    for (const auto& [field, key] : fields)
        if ((own.*field).empty() && !(found.*field).empty()) {
            own.*field = found.*field;
            take_loc(own.locs, found.locs, key);
        }
}

// A legal basis the kept reading left empty is taken where the other's cites an article: a reading
// that lost the basis's label may have read a neighbouring cell for it.
bool takes_basis(const std::string& own, const std::string& found) { return own.empty() && cites_article(found); }

// A marked option as the lists write it: 紙, その他(detail); a source as its kind with its detail.
const std::string& option_of(const std::string& method) { return method; }
std::string option_of(const Source& s) { return s.detail.empty() ? s.kind : s.kind + "(" + s.detail + ")"; }

// The form's own options of a group read as marked, その他 aside: a reading that misplaced a
// neighbouring group's その他（…） (入手元's detail read as a 入手方法) holds more entries, not more
// of the group's options.
template <class List>
size_t listed_options(const List& list) {
    const std::string& other = Dictionary::get().form_label("other_option");
    return static_cast<size_t>(std::count_if(
        list.begin(), list.end(), [&](const auto& entry) { return !text::starts_with(option_of(entry), other); }));
}

template <class List>
bool names_an_option_twice(const List& list) {
    std::set<std::string> seen;
    for (const auto& entry : list)
        if (!seen.insert(option_of(entry)).second) return true;
    return false;
}

// A file's marked options (入手元, 入手方法) are read from the marks beside them, and a mark printed a
// line away from its option is kept by one reading and lost by the other: the reading that read
// more of the group's options read more of its marks, and any reading beats none. A list naming an
// option twice read two groups as one.
template <class List>
void take_more_options(FileBlock& own, const FileBlock& found, List FileBlock::*list, const std::string& key) {
    const List& theirs = found.*list;
    List& ours = own.*list;
    if (theirs.empty() || (!ours.empty() && listed_options(theirs) <= listed_options(ours)) ||
        names_an_option_twice(theirs))
        return;
    ours = theirs;
    take_loc(own.locs, found.locs, key);
    if (const auto at = found.marks.find(key); at != found.marks.end())
        own.marks[key] = at->second;
    else
        own.marks.erase(key);
}

// A marked option's kind (紙, その他) and whether its （detail） was read.
std::string kind_of(const std::string& method) { return method.substr(0, method.find('(')); }
const std::string& kind_of(const Source& s) { return s.kind; }
bool has_detail(const std::string& method) { return method.find('(') != std::string::npos; }
bool has_detail(const Source& s) { return !s.detail.empty(); }

// The same options read by both readings, a （detail） by the other only (printed in cells of its
// own, away from its box): the kept reading takes the detail.
template <class List>
void take_details(List& own, const List& found) {
    if (own.size() != found.size()) return;
    for (size_t i = 0; i < own.size(); ++i)
        if (kind_of(own[i]) != kind_of(found[i])) return;
    for (size_t i = 0; i < own.size(); ++i)
        if (!has_detail(own[i]) && has_detail(found[i])) own[i] = found[i];
}

// A list the kept reading read nothing of (a 提供方法 whose marks it lost), where the other read
// some. Where both read some, the kept reading's stays: a reading that misplaced an entry's lines
// reads its neighbour's list, often a longer one.
template <class List>
bool take_if_none(List& own, const List& found) {
    if (!own.empty() || found.empty()) return false;
    own = found;
    return true;
}

// The other reading's entry of the same name (a flow's recipient, a system's name), any spacing or
// width: the readings may have cut a list differently.
template <class Entry>
const Entry* same_entry(const std::vector<Entry>& found, const std::string& name, std::string Entry::*name_of) {
    const std::string key = compact_key(name);
    if (key.empty()) return nullptr;
    const auto same =
        std::find_if(found.begin(), found.end(), [&](const Entry& e) { return compact_key(e.*name_of) == key; });
    return same == found.end() ? nullptr : &*same;
}

void take_flow_items(Flow& own, const Flow& found) {
    if (takes_basis(own.basis, found.basis)) {
        own.basis = found.basis;
        own.basis_loc = found.basis_loc;
    }
    if (take_if_none(own.methods, found.methods)) {
        own.marks = found.marks;
        take_loc(own.locs, found.locs, "methods");
    }
    take_details(own.methods, found.methods);
    take_texts<Flow>(own, found,
                     {{&Flow::purpose, "purpose"},
                      {&Flow::info, "info"},
                      {&Flow::timing, "timing"},
                      {&Flow::population, "population"}});
}

// The other reading's entry of the same number that names someone, where the kept entry names no
// one (its name read as ①'s value, or lost in a page's raw order) and no kept entry holds that name:
// a reading may find an entry's name where the other found its header only.
const Flow* same_numbered_named(const std::vector<Flow>& own, const std::vector<Flow>& found, const Flow& flow) {
    if (flow.no.empty() || !names_nothing(flow.recipient)) return nullptr;
    for (const Flow& f : found) {
        if (f.no != flow.no || names_nothing(f.recipient)) continue;
        return same_entry(own, f.recipient, &Flow::recipient) ? nullptr : &f;
    }
    return nullptr;
}

// Takes the other reading's name; where the kept entry's basis is that name (the name read as ①'s
// value) or cites no article, its basis too.
void take_name(Flow& own, const Flow& found) {
    if (compact_key(own.basis) == compact_key(found.recipient) || !cites_article(own.basis)) {
        own.basis = found.basis;
        own.basis_loc = found.basis_loc;
    }
    own.recipient = found.recipient;
    if (!own.loc.known()) own.loc = found.loc;
}

// A contractor that names no party (a sentence: ⑤確認方法's value, or a page's pieces run together)
// gives way to the other reading's contractor of the entry that does, where no kept entry holds it.
void take_contractor_name(std::vector<Entrustment>& own, size_t i, const Entrustment& found) {
    Entrustment& entry = own[i];
    if (names_a_party(entry.contractor) || !names_a_party(found.contractor)) return;
    // (held where a kept contractor holds the name, at a sentence's end as well)
    const std::string name = compact_key(found.contractor);
    if (std::any_of(own.begin(), own.end(),
                    [&](const Entrustment& e) { return text::contains(compact_key(e.contractor), name); }))
        return;
    entry.contractor = found.contractor;
    take_loc(entry.locs, found.locs, "contractor");
}

void take_entrustment_items(Entrustment& own, const Entrustment& found) {
    take_texts<Entrustment>(own, found,
                            {{&Entrustment::item, "item"},
                             {&Entrustment::contractor, "contractor"},
                             {&Entrustment::resubcontractor, "resubcontractor"},
                             {&Entrustment::permission_method, "permission_method"},
                             {&Entrustment::resubcontract_items, "resubcontract_items"},
                             {&Entrustment::population, "population"}});
    if (!own.resubcontract && found.resubcontract) {
        own.resubcontract = found.resubcontract;
        take_loc(own.locs, found.locs, "resubcontract");
    }
    if (take_if_none(own.methods, found.methods)) take_loc(own.locs, found.locs, "methods");
    take_details(own.methods, found.methods);
}

void take_file_items(FileBlock& own, const FileBlock& found) {
    take_more_options(own, found, &FileBlock::sources, "sources");
    take_more_options(own, found, &FileBlock::methods, "methods");
    take_details(own.sources, found.sources);
    take_details(own.methods, found.methods);
    if (take_if_none(own.record_categories, found.record_categories))
        take_loc(own.locs, found.locs, "record_categories");
    take_texts<FileBlock>(own, found,
                          {{&FileBlock::storage, "storage"},
                           {&FileBlock::retention, "retention"},
                           {&FileBlock::retention_reason, "retention_reason"},
                           {&FileBlock::erasure, "erasure"},
                           {&FileBlock::population, "population"},
                           {&FileBlock::population_scope, "population_scope"},
                           {&FileBlock::user_departments, "user_departments"},
                           {&FileBlock::user_count, "user_count"},
                           {&FileBlock::department, "department"}});
    for (const auto flows : {&FileBlock::provisions, &FileBlock::transfers})
        for (Flow& flow : own.*flows) {
            if (const Flow* numbered = same_numbered_named(own.*flows, found.*flows, flow)) take_name(flow, *numbered);
            if (const Flow* same = same_entry(found.*flows, flow.recipient, &Flow::recipient))
                take_flow_items(flow, *same);
        }
    if (own.entrustments.size() == found.entrustments.size())
        for (size_t i = 0; i < own.entrustments.size(); ++i) {
            take_contractor_name(own.entrustments, i, found.entrustments[i]);
            take_entrustment_items(own.entrustments[i], found.entrustments[i]);
        }
}

// The same boxes marked: the readings list them in the order each met them, which a layout of two
// columns of boxes sets differently.
bool same_boxes(std::vector<std::string> a, std::vector<std::string> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

bool same_connections(const System& a, const System& b) {
    return same_boxes(a.connections, b.connections) && same_boxes(a.other, b.other);
}

// A system's ③ connections pair by the system's name. A list another system of the kept reading
// holds is that system's, read a block off by the other reading.
void take_system_items(std::vector<System>& own, const std::vector<System>& found) {
    for (System& system : own) {
        const System* same = same_entry(found, system.name, &System::name);
        if (!same) continue;
        const bool held_elsewhere = std::any_of(
            own.begin(), own.end(), [&](const System& s) { return &s != &system && same_connections(s, *same); });
        // Where the kept reading read ③ with no box marked, only the other's marked boxes say
        // otherwise; names alone are taken where ③ was not read, and never a sentence of the cell
        // read as names (媒体等での連携のため、他システムとの接続はしていない。).
        const bool read_none = system.connections_loc.known() && system.marks != "none";
        const bool names_only =
            !same->other.empty() && !read_none && std::none_of(same->other.begin(), same->other.end(), is_statement);
        if (system.connections.empty() && system.other.empty() && !held_elsewhere &&
            (!same->connections.empty() || names_only)) {
            system.connections = same->connections;
            system.other = same->other;
            system.other_checked = same->other_checked;
            system.marks = same->marks;
            system.connections_loc = same->connections_loc;
        }
        // The same boxes read, その他 marked, and its （names） read by the other reading only (a
        // detail printed in cells of its own, away from its box).
        if (system.other.empty() && system.other_checked && same->other_checked && !same->other.empty() &&
            same_boxes(system.connections, same->connections) && !held_elsewhere &&
            std::none_of(same->other.begin(), same->other.end(), is_statement))
            system.other = same->other;
        if (system.functions.empty()) system.functions = same->functions;
    }
}

// Everything the kept reading of an assessment takes from the other reading of it.
void take_assessment_items(Assessment& own, Assessment& found) {
    keep_more_changes(own, found);
    keep_more_systems(own, found);
    if (takes_basis(own.individual_number_basis, found.individual_number_basis)) {
        own.individual_number_basis = found.individual_number_basis;
        take_loc(own.locs, found.locs, "individual_number_basis");
    }
    take_texts<Assessment>(own, found,
                           {{&Assessment::department, "department"},
                            {&Assessment::population, "population"},
                            {&Assessment::handlers, "handlers"},
                            {&Assessment::serious_incident, "serious_incident"},
                            {&Assessment::threshold_result, "threshold_result"}});
    const bool status = own.linkage.status.empty() && !found.linkage.status.empty();
    const bool basis = takes_basis(own.linkage.basis, found.linkage.basis);
    if (status) {
        own.linkage.status = found.linkage.status;
        take_loc(own.locs, found.locs, "linkage.status");
    }
    if (basis) {
        own.linkage.basis = found.linkage.basis;
        take_loc(own.locs, found.locs, "linkage.basis");
    }
    if ((status || basis) && !own.linkage.loc.known()) own.linkage.loc = found.linkage.loc;
    take_system_items(own.systems, found.systems);
    if (own.files.size() == found.files.size())
        for (size_t i = 0; i < own.files.size(); ++i) take_file_items(own.files[i], found.files[i]);
}

}  // namespace

std::vector<Assessment> merge_readings(std::vector<Assessment> from_rows, std::vector<Assessment> as_written) {
    // The readings pair assessment by assessment where they cut the part alike; otherwise each
    // stands alone and the one that found more items is kept as it is.
    const bool paired = from_rows.size() == as_written.size();
    // Each reading takes the cover fields the other read better, so the cover does not decide
    // between them (rows rebuilt from a cover of labels side by side may miss what the text as
    // written reads, and the other way round).
    if (paired)
        for (size_t i = 0; i < from_rows.size(); ++i) {
            fill_cover(from_rows[i], as_written[i]);
            fill_cover(as_written[i], from_rows[i]);
        }
    const bool rows_win = items_found(from_rows) >= items_found(as_written);
    auto& kept = rows_win ? from_rows : as_written;
    auto& other = rows_win ? as_written : from_rows;
    if (paired)
        for (size_t i = 0; i < kept.size(); ++i) take_assessment_items(kept[i], other[i]);
    return std::move(kept);
}

}  // namespace piagraph::extract_detail
