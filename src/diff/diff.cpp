#include "piagraph/diff.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>

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

// The name a person recognises: the canonical name of a standard system, else the name as written.
std::string display_system(const std::string& name) {
    const StandardSystem* s = Dictionary::get().resolve_standard(name);
    return s ? s->name : text::squeeze(name);
}

std::string system_name(const System& s) { return s.name.empty() ? s.normalized_name : s.name; }

std::string file_name(const FileBlock& f) { return f.names.empty() ? std::string() : text::squeeze(f.names.front()); }

std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

bool same_text(const std::string& a, const std::string& b) { return match_key(a) == match_key(b); }

std::set<std::string> keys_of(const std::vector<std::string>& v) {
    std::set<std::string> out;
    for (const auto& s : v)
        if (auto k = match_key(s); !k.empty()) out.insert(k);
    return out;
}

std::string optional_bool(const std::optional<bool>& b, const char* yes, const char* no) {
    return b ? (*b ? yes : no) : "";
}

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
        if (!same_text(old_.individual_number_basis, new_.individual_number_basis))
            changed(DiffCategory::legal_basis, "個人番号の利用", "法令上の根拠", old_.individual_number_basis,
                    new_.individual_number_basis, loc_of(old_, "individual_number_basis"),
                    loc_of(new_, "individual_number_basis"));
        if (!same_text(old_.linkage.status, new_.linkage.status))
            changed(DiffCategory::legal_basis, "情報提供ネットワークシステムによる情報連携", "実施の有無",
                    old_.linkage.status, new_.linkage.status, old_.linkage.loc, new_.linkage.loc);
        if (!same_text(old_.linkage.basis, new_.linkage.basis))
            changed(DiffCategory::legal_basis, "情報提供ネットワークシステムによる情報連携", "法令上の根拠",
                    old_.linkage.basis, new_.linkage.basis, old_.linkage.loc, new_.linkage.loc);
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
                auto& item = changed(DiffCategory::system, text::squeeze(system_name(*n)), "名称", system_name(*o),
                                     system_name(*n), o->loc, n->loc);
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
                                 display_system(from) + " → " + text::squeeze(t), o.connections_loc, n.connections_loc);
                item.from = from;
                item.to = t;
            }
        for (const auto& t : new_targets)
            if (!old_keys.count(match_key(t))) {
                auto& item = add(DiffCategory::connection, DiffOp::added,
                                 display_system(from) + " → " + text::squeeze(t), o.connections_loc, n.connections_loc);
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
        if (!same_text(file_name(o), file)) changed(DiffCategory::file, file, "名称", file_name(o), file, o.loc, n.loc);
        compare_sources(o, n, file);
        compare_methods("入手方法", "入手方法", o.methods, n.methods, o.loc, n.loc, file, "");
        compare_entrustments(o, n, file);
        compare_flows("提供先", "提供方法", o.provisions, n.provisions, file);
        compare_flows("移転先", "移転方法", o.transfers, n.transfers, file);
        if (!same_text(o.storage, n.storage))
            changed(DiffCategory::storage, "保管場所", "保管場所", o.storage, n.storage, field_loc(o, "storage"),
                    field_loc(n, "storage"));
        if (!same_text(o.retention, n.retention))
            changed(DiffCategory::storage, "保管期間", "保管期間", o.retention, n.retention, field_loc(o, "retention"),
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
                auto& item =
                    changed(DiffCategory::source, b->kind, "入手元の詳細", a->detail, b->detail, a->loc, b->loc);
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
            std::string who = e.contractor.empty() ? std::string("（委託先名なし）") : text::squeeze(e.contractor);
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
            auto field = [&](const char* name, const std::string& before, const std::string& after) {
                if (same_text(before, after)) return;
                auto& item = changed(DiffCategory::contractor, label(*b), name, before, after, a->loc, b->loc);
                item.from = file;
                item.to = to;
            };
            field("委託先名", a->contractor, b->contractor);
            field("委託内容", a->item, b->item);
            field("再委託の有無", optional_bool(a->resubcontract, "再委託する", "再委託しない"),
                  optional_bool(b->resubcontract, "再委託する", "再委託しない"));
            field("再委託先", a->resubcontractor, b->resubcontractor);
            field("再委託の許諾方法", a->permission_method, b->permission_method);
            field("再委託事項", a->resubcontract_items, b->resubcontract_items);
        }
    }

    void compare_flows(const std::string& kind, const std::string& method_field, const std::vector<Flow>& o,
                       const std::vector<Flow>& n, const std::string& file) {
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
                    changed(DiffCategory::legal_basis, subject, "法令上の根拠", a->basis, b->basis,
                            a->basis_loc.known() ? a->basis_loc : a->loc, b->basis_loc.known() ? b->basis_loc : b->loc);
                item.from = file;
                item.to = b->recipient;
            }
            compare_methods(subject, method_field, a->methods, b->methods, a->loc, b->loc, file, b->recipient);
            for (auto [field, before, after] :
                 {std::tuple{"用途", a->purpose, b->purpose}, std::tuple{"情報", a->info, b->info},
                  std::tuple{"時期・頻度", a->timing, b->timing}}) {
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
        const auto& raw = Dictionary::get().raw();
        if (!raw.contains("diff") || !raw["diff"].contains("change_sections")) return out;
        for (auto& [category, spec] : raw["diff"]["change_sections"].items()) {
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
    for (const auto& f : Dictionary::get().raw().at("forms"))
        if (text::contains(form, f.at("name").get<std::string>()) ||
            text::contains(form, f.at("style").get<std::string>()))
            return f.at("short").get<std::string>();
    return "";
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

// --- output helpers ------------------------------------------------------------------------------

struct Names {
    Message op[3];
    Message category[9];
};

const Names& names() {
    static const Names n{{{"追加", "added"}, {"削除", "removed"}, {"変更", "changed"}},
                         {{"システム", "system"},
                          {"接続", "connection"},
                          {"ファイル", "file"},
                          {"入手元", "source"},
                          {"方法", "method"},
                          {"委託先", "contractor"},
                          {"提供先・移転先", "recipient"},
                          {"法令上の根拠", "legal basis"},
                          {"保管", "storage"}}};
    return n;
}

std::string loc_text(const Loc& l, Lang lang) {
    if (!l.known()) return "";
    std::string r = std::to_string(l.line);
    if (l.end_line > l.line) r += "-" + std::to_string(l.end_line);
    return lang == Lang::ja ? r + "行" : "line " + r;
}

std::string shorten(const std::string& s, size_t max_chars) {
    std::u32string u = text::to_u32(s);
    if (u.size() <= max_chars) return s;
    return text::to_utf8(u.substr(0, max_chars)) + "…";
}

}  // namespace

const char* diff_op_name(DiffOp op) {
    switch (op) {
        case DiffOp::added:
            return "added";
        case DiffOp::removed:
            return "removed";
        case DiffOp::changed:
            return "changed";
    }
    return "changed";
}

const char* diff_category_name(DiffCategory c) {
    switch (c) {
        case DiffCategory::system:
            return "system";
        case DiffCategory::connection:
            return "connection";
        case DiffCategory::file:
            return "file";
        case DiffCategory::source:
            return "source";
        case DiffCategory::method:
            return "method";
        case DiffCategory::contractor:
            return "contractor";
        case DiffCategory::recipient:
            return "recipient";
        case DiffCategory::legal_basis:
            return "legal_basis";
        case DiffCategory::storage:
            return "storage";
    }
    return "system";
}

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

std::string diff_to_text(const ModelDiff& diff, Lang lang) {
    const bool ja = lang == Lang::ja;
    std::ostringstream os;
    for (const auto& a : diff.only_old) os << (ja ? "削除された評価書: " : "assessment removed: ") << a << "\n";
    for (const auto& a : diff.only_new) os << (ja ? "追加された評価書: " : "assessment added: ") << a << "\n";
    for (const auto& d : diff.assessments) {
        os << (ja ? "【" : "== ") << d.affair << (ja ? "】" : " ==") << "\n";
        if (d.items.empty()) os << (ja ? "  変更なし\n" : "  no change\n");
        for (const auto& item : d.items) {
            const char mark = item.op == DiffOp::added ? '+' : item.op == DiffOp::removed ? '-' : '~';
            os << "  " << mark << " " << names().op[static_cast<int>(item.op)].in(lang) << " "
               << names().category[static_cast<int>(item.category)].in(lang) << ": ";
            if (!item.file.empty() && item.category != DiffCategory::file)
                os << (ja ? "ファイル「" : "file \"") << item.file << (ja ? "」 " : "\" ");
            os << item.subject;
            if (item.op == DiffOp::changed)
                os << (ja ? "　" : " ") << item.field << (ja ? "：「" : ": \"") << shorten(item.before, 80)
                   << (ja ? "」→「" : "\" -> \"") << shorten(item.after, 80) << (ja ? "」" : "\"");
            std::string where;
            if (auto l = loc_text(item.old_loc, lang); !l.empty()) where += (ja ? "旧 " : "old ") + l;
            if (auto l = loc_text(item.new_loc, lang); !l.empty())
                where += (where.empty() ? "" : ", ") + std::string(ja ? "新 " : "new ") + l;
            if (!where.empty()) os << "  (" << where << ")";
            if (item.in_change_table && !*item.in_change_table)
                os << (ja ? "  ※変更箇所に記載なし" : "  [not in the change table]");
            os << "\n";
        }
        if (!d.items.empty() && !d.has_change_table)
            os << (ja ? "  （新しい版に変更箇所の表がないため、記載の有無は判定していません）\n"
                      : "  (the new edition has no change table: mention not checked)\n");
    }
    const auto unmentioned = diff.unmentioned_count();
    if (ja)
        os << "変更 " << diff.change_count() << " 件（うち変更箇所に記載のないもの " << unmentioned << " 件）\n";
    else
        os << diff.change_count() << " change(s), " << unmentioned << " not in the change table\n";
    return os.str();
}

nlohmann::json diff_to_json(const ModelDiff& diff) {
    nlohmann::json j;
    j["schema"] = "piagraph-diff/1";
    j["only_old"] = diff.only_old;
    j["only_new"] = diff.only_new;
    j["change_count"] = diff.change_count();
    j["unmentioned_count"] = diff.unmentioned_count();
    j["assessments"] = nlohmann::json::array();
    for (const auto& d : diff.assessments) {
        nlohmann::json ja;
        ja["affair"] = d.affair;
        ja["old_file"] = d.old_file;
        ja["new_file"] = d.new_file;
        ja["has_change_table"] = d.has_change_table;
        ja["items"] = nlohmann::json::array();
        for (const auto& i : d.items) {
            nlohmann::json ji;
            ji["category"] = diff_category_name(i.category);
            ji["op"] = diff_op_name(i.op);
            ji["subject"] = i.subject;
            if (!i.file.empty()) ji["file"] = i.file;
            if (!i.field.empty()) ji["field"] = i.field;
            if (!i.before.empty()) ji["before"] = i.before;
            if (!i.after.empty()) ji["after"] = i.after;
            if (i.old_loc.known()) ji["old_loc"] = i.old_loc;
            if (i.new_loc.known()) ji["new_loc"] = i.new_loc;
            if (i.in_change_table) ji["in_change_table"] = *i.in_change_table;
            if (i.change_row_loc.known()) ji["change_row_loc"] = i.change_row_loc;
            ja["items"].push_back(std::move(ji));
        }
        j["assessments"].push_back(std::move(ja));
    }
    return j;
}

Scene diff_scene(const ModelDiff& diff, Lang lang) {
    const bool ja = lang == Lang::ja;
    auto role = [](std::optional<DiffOp> op) -> std::string {
        return op ? std::string("diff_") + diff_op_name(*op) : std::string("diff_context");
    };
    auto priority = [](std::optional<DiffOp> op) { return !op ? 0 : *op == DiffOp::changed ? 1 : 2; };
    Scene scene;
    scene.title = ja ? "評価書の差分" : "differences between the editions";
    std::map<std::string, size_t> node_index;  // match key of the display name -> scene.nodes index
    std::map<size_t, std::optional<DiffOp>> node_ops;
    auto node = [&](const std::string& name) {
        const std::string label = display_system(name);
        const std::string key = match_key(label);
        if (auto it = node_index.find(key); it != node_index.end()) return it->second;
        SceneNode n;
        n.id = "n" + std::to_string(scene.nodes.size());
        n.label = label;
        n.tooltip = text::squeeze(name);
        scene.nodes.push_back(std::move(n));
        node_index[key] = scene.nodes.size() - 1;
        return scene.nodes.size() - 1;
    };
    std::map<std::pair<size_t, size_t>, size_t> edge_index;  // (from, to) -> scene.edges index
    std::map<size_t, std::optional<DiffOp>> edge_ops;
    auto edge = [&](size_t from, size_t to) {
        if (auto it = edge_index.find({from, to}); it != edge_index.end()) return it->second;
        SceneEdge e;
        e.from = scene.nodes[from].id;
        e.to = scene.nodes[to].id;
        scene.edges.push_back(std::move(e));
        edge_index[{from, to}] = scene.edges.size() - 1;
        return scene.edges.size() - 1;
    };
    for (const auto& d : diff.assessments) {
        for (const auto& item : d.items) {
            if (item.from.empty()) continue;
            const size_t from = node(item.from);
            const std::string what = names().op[static_cast<int>(item.op)].in(lang) +
                                     (item.op == DiffOp::changed ? ": " + item.field : std::string());
            if (item.to.empty()) {
                if (priority(item.op) > priority(node_ops[from])) node_ops[from] = item.op;
                scene.nodes[from].tooltip += "\n" + what;
                continue;
            }
            const size_t e = edge(from, node(item.to));
            if (priority(item.op) >= priority(edge_ops[e])) {
                edge_ops[e] = item.op;
                scene.edges[e].label = what;
            }
            scene.edges[e].tooltip += (scene.edges[e].tooltip.empty() ? "" : "\n") + item.subject + " — " + what;
        }
        for (const auto& [a, b] : d.context_edges) {
            const size_t from = node(a), to = node(b);
            if (!edge_index.count({from, to})) edge(from, to);
        }
    }
    for (size_t i = 0; i < scene.nodes.size(); ++i) scene.nodes[i].role = role(node_ops[i]);
    for (size_t i = 0; i < scene.edges.size(); ++i) scene.edges[i].role = role(edge_ops[i]);
    scene.legend = {"diff_added", "diff_removed", "diff_changed"};
    return scene;
}

}  // namespace piagraph
