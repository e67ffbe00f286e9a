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

// Whether a 提供先/移転先's recipient names no one: empty, no word at all (a page number - 14 -), or
// the end of ④本人の数's option list that a sheet printed beside the entry's header.
bool names_no_recipient(const std::string& recipient) {
    const std::u32string r = text::to_u32(text::trim(recipient));
    const bool word = std::any_of(r.begin(), r.end(), is_letter);
    return !word || is_persons_option_list(recipient);
}

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
                    if (!names_no_recipient((*flows)[j].recipient)) continue;
                    const std::string prefix = "files[" + std::to_string(i) + "]" + key + std::to_string(j) + "].";
                    for (auto it = a.coverage.lower_bound(prefix);
                         it != a.coverage.end() && text::starts_with(it->first, prefix); ++it)
                        n -= it->second.found;
                }
    }
    return n;
}

// The 変更箇所 table is a grid of its own, history rather than the form's items: the layout rebuild
// puts it back into rows only where pdftotext kept its columns, while the pdftotext reader also reads
// it cell by cell. So each assessment's change rows come from the reading that holds more of them.
void keep_more_changes(std::vector<Assessment>& kept, std::vector<Assessment>& other) {
    if (kept.size() != other.size()) return;  // the readings cut the part differently: no pairing
    for (size_t i = 0; i < kept.size(); ++i)
        if (other[i].changes.size() > kept[i].changes.size()) kept[i].changes = std::move(other[i].changes);
}

// The systems of section I that a reading named.
size_t systems_named(const Assessment& a) {
    return static_cast<size_t>(
        std::count_if(a.systems.begin(), a.systems.end(), [](const System& s) { return !s.name.empty(); }));
}

// Section I's list of systems is read whole by each reading, and the coverage counts it as one item
// however many systems it holds: an assessment whose kept reading lost most of the list takes the
// other reading's, where that names more than twice as many systems (rows rebuilt from a label
// column may name every system where the text as written names one). Closer counts say rather
// which reading took a stray line for a system.
void keep_more_systems(std::vector<Assessment>& kept, std::vector<Assessment>& other) {
    if (kept.size() != other.size()) return;  // the readings cut the part differently: no pairing
    for (size_t i = 0; i < kept.size(); ++i)
        if (systems_named(other[i]) > 2 * systems_named(kept[i])) {
            kept[i].systems = std::move(other[i].systems);
            if (const auto at = other[i].locs.find("systems"); at != other[i].locs.end())
                kept[i].locs["systems"] = at->second;
        }
}

// Each field of the cover is read from its own label, in both readings: where the kept reading
// missed one that the other read (a cover whose blocks came out of order), or read one that does
// not look like what its label holds (a number run on into the declaration), it takes the other's,
// with its line - if that one looks right: rows rebuilt from scrambled blocks may pair a label with
// its neighbour's value (公表日 | 福島県郡山市長).
void fill_cover(std::vector<Assessment>& kept, const std::vector<Assessment>& other) {
    if (kept.size() != other.size()) return;  // the readings cut the part differently: no pairing
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
    for (size_t i = 0; i < kept.size(); ++i)
        for (const auto& field : kCoverFields) {
            const std::string& found = other[i].*field.value;
            const std::string& own = kept[i].*field.value;
            if ((!own.empty() && field.looks_right(own)) || found.empty() || !field.looks_right(found)) continue;
            kept[i].*field.value = found;
            if (const auto at = other[i].locs.find(field.key); at != other[i].locs.end())
                kept[i].locs[field.key] = at->second;
        }
}

// An item's line goes with its value.
void take_loc(std::map<std::string, Loc>& to, const std::map<std::string, Loc>& from, const std::string& key) {
    if (const auto at = from.find(key); at != from.end()) to[key] = at->second;
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

// The form's own options of a group read as marked, その他 aside: a reading that misplaced a
// neighbouring group's その他（…） (入手元's detail read as a 入手方法) holds more entries, not more
// of the group's options.
size_t listed_options(const std::vector<std::string>& methods) {
    const std::string& other = Dictionary::get().form_label("other_option");
    return static_cast<size_t>(std::count_if(methods.begin(), methods.end(),
                                             [&](const std::string& m) { return !text::starts_with(m, other); }));
}
bool names_an_option_twice(const std::vector<std::string>& methods) {
    return std::set<std::string>(methods.begin(), methods.end()).size() < methods.size();
}
bool names_an_option_twice(const std::vector<Source>& sources) {
    std::set<std::pair<std::string, std::string>> seen;
    for (const Source& s : sources)
        if (!seen.emplace(s.kind, s.detail).second) return true;
    return false;
}
size_t listed_options(const std::vector<Source>& sources) {
    const std::string& other = Dictionary::get().form_label("other_option");
    return static_cast<size_t>(
        std::count_if(sources.begin(), sources.end(), [&](const Source& s) { return s.kind != other; }));
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

// A list the kept reading read nothing of (a 提供方法 whose marks it lost, a system whose ③ it
// did not reach), where the other read some. Where both read some, the kept reading's stays: a
// reading that misplaced an entry's lines reads its neighbour's list, often a longer one.
template <class List>
bool take_if_none(List& own, const List& found) {
    if (!own.empty() || found.empty()) return false;
    own = found;
    return true;
}

void take_flow_items(Flow& own, const Flow& found) {
    if (own.basis.empty() && cites_article(found.basis)) {
        own.basis = found.basis;
        own.basis_loc = found.basis_loc;
    }
    if (take_if_none(own.methods, found.methods)) {
        own.marks = found.marks;
        take_loc(own.locs, found.locs, "methods");
    }
    take_texts<Flow>(own, found,
                     {{&Flow::purpose, "purpose"},
                      {&Flow::info, "info"},
                      {&Flow::timing, "timing"},
                      {&Flow::population, "population"}});
}

// 提供先/移転先 entries pair by their recipient: the readings may have cut the list differently.
void take_flows_items(std::vector<Flow>& own, const std::vector<Flow>& found) {
    for (Flow& flow : own) {
        const std::string key = compact_key(flow.recipient);
        if (key.empty()) continue;
        const auto same =
            std::find_if(found.begin(), found.end(), [&](const Flow& f) { return compact_key(f.recipient) == key; });
        if (same != found.end()) take_flow_items(flow, *same);
    }
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
}

void take_file_items(FileBlock& own, const FileBlock& found) {
    take_more_options(own, found, &FileBlock::sources, "sources");
    take_more_options(own, found, &FileBlock::methods, "methods");
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
    take_flows_items(own.provisions, found.provisions);
    take_flows_items(own.transfers, found.transfers);
    if (own.entrustments.size() == found.entrustments.size())
        for (size_t i = 0; i < own.entrustments.size(); ++i)
            take_entrustment_items(own.entrustments[i], found.entrustments[i]);
}

bool same_connections(const System& a, const System& b) { return a.connections == b.connections && a.other == b.other; }

// A system's ③ connections pair by the system's name. A list another system of the kept reading
// holds is that system's, read a block off by the other reading.
void take_system_items(std::vector<System>& own, const std::vector<System>& found) {
    for (System& system : own) {
        const std::string key = compact_key(system.name);
        const auto same = std::find_if(found.begin(), found.end(),
                                       [&](const System& s) { return !key.empty() && compact_key(s.name) == key; });
        if (same == found.end()) continue;
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
        if (system.functions.empty()) system.functions = same->functions;
    }
}

void take_assessment_items(Assessment& own, const Assessment& found) {
    // A legal basis is taken where it cites an article: a reading that lost its label may have
    // read a neighbouring cell for it.
    if (own.individual_number_basis.empty() && cites_article(found.individual_number_basis)) {
        own.individual_number_basis = found.individual_number_basis;
        take_loc(own.locs, found.locs, "individual_number_basis");
    }
    take_texts<Assessment>(own, found,
                           {{&Assessment::department, "department"},
                            {&Assessment::population, "population"},
                            {&Assessment::handlers, "handlers"},
                            {&Assessment::serious_incident, "serious_incident"},
                            {&Assessment::threshold_result, "threshold_result"}});
    for (const auto& [field, key] :
         {std::pair{&Linkage::status, "linkage.status"}, std::pair{&Linkage::basis, "linkage.basis"}})
        if ((own.linkage.*field).empty() && !(found.linkage.*field).empty() &&
            (field == &Linkage::status || cites_article(found.linkage.basis))) {
            own.linkage.*field = found.linkage.*field;
            take_loc(own.locs, found.locs, key);
            if (!own.linkage.loc.known()) own.linkage.loc = found.linkage.loc;
        }
    take_system_items(own.systems, found.systems);
    if (own.files.size() == found.files.size())
        for (size_t i = 0; i < own.files.size(); ++i) take_file_items(own.files[i], found.files[i]);
}

}  // namespace

std::vector<Assessment> merge_readings(std::vector<Assessment> from_rows, std::vector<Assessment> as_written) {
    // Each reading takes the cover fields the other read better, so the cover does not decide
    // between them (rows rebuilt from a cover of labels side by side may miss what the text as
    // written reads, and the other way round).
    fill_cover(from_rows, as_written);
    fill_cover(as_written, from_rows);
    const bool rows_win = items_found(from_rows) >= items_found(as_written);
    auto& kept = rows_win ? from_rows : as_written;
    auto& other = rows_win ? as_written : from_rows;
    keep_more_changes(kept, other);
    keep_more_systems(kept, other);
    if (kept.size() == other.size())  // the readings cut the part alike: they pair one to one
        for (size_t i = 0; i < kept.size(); ++i) take_assessment_items(kept[i], other[i]);
    return std::move(kept);
}

}  // namespace piagraph::extract_detail
