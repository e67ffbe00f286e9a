#include "piagraph/diff.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph {

namespace {

using text::match_key;

// --- pairing the entries of two editions -----------------------------------------------------

template <class T>
struct Pairing {
    std::vector<std::pair<const T*, const T*>> matched;
    std::vector<const T*> removed;
    std::vector<const T*> added;
};

// Pairs entries by a sequence of keys, strictest first: what the first key leaves unmatched is
// tried with the next one (a renamed system still pairs through its canonical id). An empty key
// never matches; each entry pairs at most once.
template <class T>
Pairing<T> pair_up(const std::vector<T>& olds, const std::vector<T>& news,
                   const std::vector<std::function<std::string(const T&)>>& keys) {
    std::vector<bool> old_used(olds.size()), new_used(news.size());
    Pairing<T> out;
    for (const auto& key : keys) {
        std::multimap<std::string, size_t> new_by_key;
        for (size_t j = 0; j < news.size(); ++j)
            if (!new_used[j])
                if (auto k = key(news[j]); !k.empty()) new_by_key.emplace(k, j);
        for (size_t i = 0; i < olds.size(); ++i) {
            if (old_used[i]) continue;
            auto k = key(olds[i]);
            if (k.empty()) continue;
            auto it = new_by_key.find(k);
            if (it == new_by_key.end()) continue;
            old_used[i] = new_used[it->second] = true;
            out.matched.emplace_back(&olds[i], &news[it->second]);
            new_by_key.erase(it);
        }
    }
    for (size_t i = 0; i < olds.size(); ++i)
        if (!old_used[i]) out.removed.push_back(&olds[i]);
    for (size_t j = 0; j < news.size(); ++j)
        if (!new_used[j]) out.added.push_back(&news[j]);
    return out;
}

std::string canonical_key(const std::string& name) {
    const StandardSystem* s = Dictionary::get().resolve_standard(name);
    return s ? s->id : std::string();
}

std::string system_name(const System& s) { return s.name.empty() ? s.normalized_name : s.name; }

std::string file_name(const FileBlock& f) { return f.names.empty() ? std::string() : text::squeeze(f.names.front()); }

using text::join;

bool same_text(const std::string& a, const std::string& b) { return match_key(a) == match_key(b); }

std::set<std::string> keys_of(const std::vector<std::string>& v) {
    std::set<std::string> out;
    for (const auto& s : v)
        if (auto k = match_key(s); !k.empty()) out.insert(k);
    return out;
}

// 再委託する / 再委託しない as the form's options, "" when not read.
std::string resubcontract_choice(const std::optional<bool>& b) {
    if (!b) return "";
    const auto& choices = Dictionary::get().options("resubcontract_choice");
    return choices.at(*b ? 0 : 1);
}

// A field name that is no form label of its own (data/dictionary.json "diff/fields").
std::string field_word(const std::string& key) { return Dictionary::get().word("/diff/fields/" + key); }

// --- comparing one pair of assessments ----------------------------------------------------------

class Comparer {
public:
    Comparer(const Assessment& o, const Assessment& n, AssessmentDiff& out) : old_(o), new_(n), out_(out) {}

    void run() {
        compare_header();
        compare_systems();
        compare_files();
    }

private:
    const Assessment& old_;
    const Assessment& new_;
    AssessmentDiff& out_;

    DiffItem& add(DiffCategory c, DiffOp op, std::string subject, Loc old_loc, Loc new_loc) {
        DiffItem item;
        item.category = c;
        item.op = op;
        item.assessment = out_.affair;
        item.subject = std::move(subject);
        item.old_loc = old_loc;
        item.new_loc = new_loc;
        out_.items.push_back(std::move(item));
        return out_.items.back();
    }

    DiffItem& changed(DiffCategory c, std::string subject, std::string field, const std::string& before,
                      const std::string& after, Loc old_loc, Loc new_loc) {
        DiffItem& item = add(c, DiffOp::changed, std::move(subject), old_loc, new_loc);
        item.field = std::move(field);
        item.before = text::squeeze(before);
        item.after = text::squeeze(after);
        return item;
    }

    void compare_header() {
        const Dictionary& dict = Dictionary::get();
        const std::string& linkage = dict.form_label("sub_linkage");
        if (!same_text(old_.individual_number_basis, new_.individual_number_basis))
            changed(DiffCategory::legal_basis, dict.form_label("sub_number_use"), dict.form_label("basis"),
                    old_.individual_number_basis, new_.individual_number_basis, loc_of(old_, "individual_number_basis"),
                    loc_of(new_, "individual_number_basis"));
        if (!same_text(old_.linkage.status, new_.linkage.status))
            changed(DiffCategory::legal_basis, linkage, dict.form_label("linkage_status"), old_.linkage.status,
                    new_.linkage.status, old_.linkage.loc, new_.linkage.loc);
        if (!same_text(old_.linkage.basis, new_.linkage.basis))
            changed(DiffCategory::legal_basis, linkage, dict.form_label("basis"), old_.linkage.basis,
                    new_.linkage.basis, old_.linkage.loc, new_.linkage.loc);
    }

    static Loc loc_of(const Assessment& a, const std::string& field) {
        auto it = a.locs.find(field);
        return it == a.locs.end() ? Loc{} : it->second;
    }

    void compare_systems() {
        auto pairs = pair_up<System>(old_.systems, new_.systems,
                                     {[](const System& s) { return match_key(system_name(s)); },
                                      [](const System& s) { return canonical_key(system_name(s)); }});
        for (const System* s : pairs.removed) {
            auto& item = add(DiffCategory::system, DiffOp::removed, text::squeeze(system_name(*s)), s->loc, {});
            item.from = system_name(*s);
        }
        for (const System* s : pairs.added) {
            auto& item = add(DiffCategory::system, DiffOp::added, text::squeeze(system_name(*s)), {}, s->loc);
            item.from = system_name(*s);
        }
        for (auto [o, n] : pairs.matched) {
            if (!same_text(system_name(*o), system_name(*n))) {
                auto& item = changed(DiffCategory::system, text::squeeze(system_name(*n)), field_word("name"),
                                     system_name(*o), system_name(*n), o->loc, n->loc);
                item.from = system_name(*n);
            }
            compare_connections(*o, *n);
        }
        // Unchanged connections of the new edition: the grey context of the diff diagram.
        for (auto [o, n] : pairs.matched)
            for (const auto& target : targets(*n))
                if (keys_of(targets(*o)).count(match_key(target)))
                    out_.context_edges.emplace_back(system_name(*n), target);
    }

    // The boxes checked in ③ and the names in その他（）, as one list of connection targets.
    static std::vector<std::string> targets(const System& s) {
        std::vector<std::string> out;
        const std::string other_label = Dictionary::get().options("connections").back();
        for (const auto& c : s.connections)
            if (!same_text(c, other_label)) out.push_back(c);
        for (const auto& o : s.other) out.push_back(o);
        return out;
    }

    void compare_connections(const System& o, const System& n) {
        const auto old_targets = targets(o), new_targets = targets(n);
        const auto old_keys = keys_of(old_targets), new_keys = keys_of(new_targets);
        const std::string from = system_name(n);
        for (const auto& t : old_targets)
            if (!new_keys.count(match_key(t))) {
                auto& item = add(DiffCategory::connection, DiffOp::removed,
                                 Dictionary::get().display_name(from) + " → " + text::squeeze(t), o.connections_loc,
                                 n.connections_loc);
                item.from = from;
                item.to = t;
            }
        for (const auto& t : new_targets)
            if (!old_keys.count(match_key(t))) {
                auto& item = add(DiffCategory::connection, DiffOp::added,
                                 Dictionary::get().display_name(from) + " → " + text::squeeze(t), o.connections_loc,
                                 n.connections_loc);
                item.from = from;
                item.to = t;
            }
    }

    void compare_files() {
        auto pairs = pair_up<FileBlock>(old_.files, new_.files,
                                        {[](const FileBlock& f) { return match_key(file_name(f)); },
                                         [](const FileBlock& f) {
                                             std::string all;
                                             for (const auto& n : f.names) all += match_key(n) + "|";
                                             return all;
                                         }});
        // A file may be renamed; a single file on each side is still the same file.
        if (pairs.removed.size() == 1 && pairs.added.size() == 1) {
            pairs.matched.emplace_back(pairs.removed.front(), pairs.added.front());
            pairs.removed.clear();
            pairs.added.clear();
        }
        for (const FileBlock* f : pairs.removed) {
            auto& item = add(DiffCategory::file, DiffOp::removed, file_name(*f), f->loc, {});
            item.from = file_name(*f);
        }
        for (const FileBlock* f : pairs.added) {
            auto& item = add(DiffCategory::file, DiffOp::added, file_name(*f), {}, f->loc);
            item.from = file_name(*f);
        }
        for (auto [o, n] : pairs.matched) compare_file(*o, *n);
    }

    void compare_file(const FileBlock& o, const FileBlock& n) {
        const std::string file = file_name(n);
        const size_t first = out_.items.size();
        const Dictionary& dict = Dictionary::get();
        if (!same_text(file_name(o), file))
            changed(DiffCategory::file, file, field_word("name"), file_name(o), file, o.loc, n.loc);
        compare_sources(o, n, file);
        const std::string& methods = dict.form_label("methods");
        compare_methods(methods, methods, o.methods, n.methods, o.loc, n.loc, file, "");
        compare_entrustments(o, n, file);
        compare_flows(flow_labels(0), o.provisions, n.provisions, file);
        compare_flows(flow_labels(1), o.transfers, n.transfers, file);
        const std::string& storage = dict.form_label("storage");
        if (!same_text(o.storage, n.storage))
            changed(DiffCategory::storage, storage, storage, o.storage, n.storage, field_loc(o, "storage"),
                    field_loc(n, "storage"));
        const std::string& retention = dict.form_label("retention");
        if (!same_text(o.retention, n.retention))
            changed(DiffCategory::storage, retention, retention, o.retention, n.retention, field_loc(o, "retention"),
                    field_loc(n, "retention"));
        for (size_t i = first; i < out_.items.size(); ++i) out_.items[i].file = file;
    }

    static Loc field_loc(const FileBlock& f, const std::string& field) {
        auto it = f.locs.find(field);
        return it == f.locs.end() ? f.loc : it->second;
    }

    void compare_sources(const FileBlock& o, const FileBlock& n, const std::string& file) {
        auto pairs = pair_up<Source>(o.sources, n.sources,
                                     {[](const Source& s) { return match_key(s.kind) + "|" + match_key(s.detail); },
                                      [](const Source& s) { return match_key(s.kind); }});
        auto label = [](const Source& s) {
            return s.detail.empty() ? s.kind : s.kind + "（" + text::squeeze(s.detail) + "）";
        };
        for (const Source* s : pairs.removed) {
            auto& item = add(DiffCategory::source, DiffOp::removed, label(*s), s->loc, {});
            item.from = label(*s);
            item.to = file;
        }
        for (const Source* s : pairs.added) {
            auto& item = add(DiffCategory::source, DiffOp::added, label(*s), {}, s->loc);
            item.from = label(*s);
            item.to = file;
        }
        for (auto [a, b] : pairs.matched)
            if (!same_text(a->detail, b->detail)) {
                auto& item = changed(DiffCategory::source, b->kind, field_word("source_detail"), a->detail, b->detail,
                                     a->loc, b->loc);
                item.from = label(*b);
                item.to = file;
            }
    }

    void compare_methods(const std::string& subject, const std::string& what, const std::vector<std::string>& o,
                         const std::vector<std::string>& n, Loc old_loc, Loc new_loc, const std::string& from,
                         const std::string& to) {
        if (keys_of(o) == keys_of(n)) return;
        auto& item = changed(DiffCategory::method, subject, what, join(o, "、"), join(n, "、"), old_loc, new_loc);
        item.from = from;
        item.to = to;
    }

    void compare_entrustments(const FileBlock& o, const FileBlock& n, const std::string& file) {
        auto pairs = pair_up<Entrustment>(
            o.entrustments, n.entrustments,
            {[](const Entrustment& e) { return match_key(e.item) + "|" + match_key(e.contractor); },
             [](const Entrustment& e) { return match_key(e.item); },
             [](const Entrustment& e) { return match_key(e.contractor); }});
        auto label = [](const Entrustment& e) {
            std::string who =
                e.contractor.empty() ? "（" + field_word("no_contractor") + "）" : text::squeeze(e.contractor);
            return e.item.empty() ? who : who + "（" + text::squeeze(e.item) + "）";
        };
        for (const Entrustment* e : pairs.removed) {
            auto& item = add(DiffCategory::contractor, DiffOp::removed, label(*e), e->loc, {});
            item.from = file;
            item.to = e->contractor.empty() ? e->item : e->contractor;
        }
        for (const Entrustment* e : pairs.added) {
            auto& item = add(DiffCategory::contractor, DiffOp::added, label(*e), {}, e->loc);
            item.from = file;
            item.to = e->contractor.empty() ? e->item : e->contractor;
        }
        for (const auto& match : pairs.matched) {
            // (Named, not a structured binding: clang 14 cannot capture one in a lambda.)
            const Entrustment* a = match.first;
            const Entrustment* b = match.second;
            const std::string to = b->contractor.empty() ? b->item : b->contractor;
            auto field = [&](const std::string& key, const std::string& before, const std::string& after) {
                const std::string& name = Dictionary::get().form_label(key);
                if (same_text(before, after)) return;
                auto& item = changed(DiffCategory::contractor, label(*b), name, before, after, a->loc, b->loc);
                item.from = file;
                item.to = to;
            };
            field("contractor", a->contractor, b->contractor);
            field("entrust_content", a->item, b->item);
            field("resubcontract", resubcontract_choice(a->resubcontract), resubcontract_choice(b->resubcontract));
            field("resubcontractor", a->resubcontractor, b->resubcontractor);
            field("permission_method", a->permission_method, b->permission_method);
            field("resubcontract_items", a->resubcontract_items, b->resubcontract_items);
        }
    }

    // The labels of a flow's fields as the form prints them: index 0 for 提供, 1 for 移転.
    struct FlowLabels {
        std::string kind, methods, purpose, info, timing, basis;
    };
    static FlowLabels flow_labels(size_t side) {
        const Dictionary& dict = Dictionary::get();
        auto pick = [&](const std::string& key) {
            const auto spellings = dict.list("/form_labels/" + key);
            return spellings.at(std::min(side, spellings.size() - 1));
        };
        return {dict.form_label(side == 0 ? "entry_provision" : "entry_transfer"),
                pick("flow_methods"),
                pick("purpose"),
                pick("info"),
                dict.form_label("timing"),
                dict.form_label("basis")};
    }

    void compare_flows(const FlowLabels& labels, const std::vector<Flow>& o, const std::vector<Flow>& n,
                       const std::string& file) {
        const std::string& kind = labels.kind;
        auto pairs = pair_up<Flow>(o, n, {[](const Flow& f) { return match_key(f.recipient); }});
        for (const Flow* f : pairs.removed) {
            auto& item =
                add(DiffCategory::recipient, DiffOp::removed, kind + ": " + text::squeeze(f->recipient), f->loc, {});
            item.from = file;
            item.to = f->recipient;
            item.before = text::squeeze(f->basis);
        }
        for (const Flow* f : pairs.added) {
            auto& item =
                add(DiffCategory::recipient, DiffOp::added, kind + ": " + text::squeeze(f->recipient), {}, f->loc);
            item.from = file;
            item.to = f->recipient;
            item.after = text::squeeze(f->basis);
        }
        for (auto [a, b] : pairs.matched) {
            const std::string subject = kind + ": " + text::squeeze(b->recipient);
            if (!same_text(a->basis, b->basis)) {
                auto& item =
                    changed(DiffCategory::legal_basis, subject, labels.basis, a->basis, b->basis,
                            a->basis_loc.known() ? a->basis_loc : a->loc, b->basis_loc.known() ? b->basis_loc : b->loc);
                item.from = file;
                item.to = b->recipient;
            }
            compare_methods(subject, labels.methods, a->methods, b->methods, a->loc, b->loc, file, b->recipient);
            for (auto [field, before, after] :
                 {std::tuple{labels.purpose, a->purpose, b->purpose}, std::tuple{labels.info, a->info, b->info},
                  std::tuple{labels.timing, a->timing, b->timing}}) {
                if (same_text(before, after)) continue;
                auto& item = changed(DiffCategory::recipient, subject, field, before, after, a->loc, b->loc);
                item.from = file;
                item.to = b->recipient;
            }
        }
    }
};

// --- the 変更箇所 table -------------------------------------------------------------------------

// Which section of the form a category lives in, as words and as section numbers per form
// (data/dictionary.json "diff").
struct SectionHints {
    std::vector<std::string> words;
    std::map<std::string, std::vector<std::string>> numbers;  // form short name -> "I2", "II5" …
};

const SectionHints& hints_for(DiffCategory c) {
    static const std::map<std::string, SectionHints> all = [] {
        std::map<std::string, SectionHints> out;
        for (auto& [category, spec] : Dictionary::get().raw().at("diff").at("change_sections").items()) {
            SectionHints h;
            if (spec.contains("words"))
                for (const auto& w : spec["words"]) h.words.push_back(match_key(w.get<std::string>()));
            if (spec.contains("numbers"))
                for (auto& [form, nums] : spec["numbers"].items())
                    for (const auto& num : nums) h.numbers[form].push_back(match_key(num.get<std::string>()));
            out[category] = std::move(h);
        }
        return out;
    }();
    static const SectionHints none;
    auto it = all.find(diff_category_name(c));
    return it == all.end() ? none : it->second;
}

std::string form_short(const std::string& form) {
    const FormInfo* f = Dictionary::get().form_of(form);
    return f ? f->short_name : std::string();
}

// Section numbers are compared without spaces and separators: "Ⅱ-５" and "II 5" are both "II5".
std::string section_key(const std::string& s) {
    std::string out;
    for (char c : match_key(s))
        if (c != '-' && c != '.' && c != ',') out += c;
    return out;
}

bool row_in_section(const ChangeRow& row, DiffCategory c, const std::string& form) {
    const SectionHints& h = hints_for(c);
    const std::string item = match_key(row.item);
    if (item.empty()) return true;  // no item column: judge by the values alone
    for (const auto& w : h.words)
        if (!w.empty() && text::contains(item, w)) return true;
    auto it = h.numbers.find(form_short(form));
    if (it == h.numbers.end()) return false;
    const std::string key = section_key(row.item);
    for (const auto& num : it->second) {
        const std::string n = section_key(num);
        if (text::starts_with(key, n) &&
            (key.size() == n.size() || !std::isdigit(static_cast<unsigned char>(key[n.size()]))))
            return true;
    }
    return false;
}

// The names and values that a row describing this change would quote.
std::vector<std::string> needles(const DiffItem& item) {
    std::vector<std::string> raw;
    switch (item.category) {
        case DiffCategory::connection:
            raw = {item.to};
            break;
        case DiffCategory::recipient:
        case DiffCategory::contractor:
            raw = {item.to, item.before, item.after};
            break;
        case DiffCategory::system:
        case DiffCategory::file:
        case DiffCategory::source:
            raw = {item.from, item.before, item.after};
            break;
        default:
            raw = {item.before, item.after};
    }
    std::vector<std::string> out;
    for (const auto& r : raw)
        if (auto k = match_key(r); text::length(k) >= 2) out.push_back(k);
    return out;
}

bool row_mentions(const ChangeRow& row, const std::vector<std::string>& keys) {
    const std::string hay = match_key(row.item + " " + row.before + " " + row.after + " " + row.text);
    for (const auto& k : keys) {
        if (text::contains(hay, k)) return true;
        // A row may quote only part of a long new value ("(修正箇所) …").
        for (const auto* side : {&row.after, &row.before}) {
            const std::string v = match_key(*side);
            if (text::length(v) >= 6 && text::contains(k, v)) return true;
        }
    }
    return false;
}

void mark_change_table(AssessmentDiff& d, const Assessment& n) {
    d.has_change_table = !n.changes.empty();
    if (!d.has_change_table) return;
    for (auto& item : d.items) {
        item.in_change_table = false;
        const auto keys = needles(item);
        for (const auto& row : n.changes) {
            if (!row_in_section(row, item.category, n.form) || !row_mentions(row, keys)) continue;
            item.in_change_table = true;
            item.change_row_loc = row.loc;
            break;
        }
    }
}

}  // namespace

bool ModelDiff::empty() const { return change_count() == 0 && only_old.empty() && only_new.empty(); }

std::size_t ModelDiff::change_count() const {
    std::size_t n = 0;
    for (const auto& a : assessments) n += a.items.size();
    return n;
}

std::size_t ModelDiff::unmentioned_count() const {
    std::size_t n = 0;
    for (const auto& a : assessments)
        for (const auto& i : a.items) n += i.in_change_table.has_value() && !*i.in_change_table;
    return n;
}

ModelDiff diff_assessments(const std::vector<Assessment>& old_edition, const std::vector<Assessment>& new_edition) {
    ModelDiff out;
    auto pairs = pair_up<Assessment>(old_edition, new_edition,
                                     {[](const Assessment& a) { return match_key(a.affair); },
                                      [](const Assessment& a) { return match_key(a.number); }});
    if (pairs.removed.size() == 1 && pairs.added.size() == 1) {
        pairs.matched.emplace_back(pairs.removed.front(), pairs.added.front());
        pairs.removed.clear();
        pairs.added.clear();
    }
    for (const Assessment* a : pairs.removed) out.only_old.push_back(a->affair);
    for (const Assessment* a : pairs.added) out.only_new.push_back(a->affair);
    for (auto [o, n] : pairs.matched) {
        AssessmentDiff d;
        d.affair = n->affair.empty() ? o->affair : n->affair;
        d.old_file = o->source_file;
        d.new_file = n->source_file;
        Comparer(*o, *n, d).run();
        mark_change_table(d, *n);
        out.assessments.push_back(std::move(d));
    }
    return out;
}

}  // namespace piagraph
