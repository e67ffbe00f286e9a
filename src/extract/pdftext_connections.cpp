#include "pdftext_connections.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

#include "common.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail::pdftext {

namespace {

// The search below reads the same fragments many times: the dictionary look-ups are memoised.
const std::optional<std::string>& connection_label(const std::string& written) {
    thread_local std::map<std::string, std::optional<std::string>> cache;
    const auto it = cache.find(written);
    if (it != cache.end()) return it->second;
    return cache.emplace(written, Dictionary::get().standard_option("connections", written)).first->second;
}

const std::string& resolved_id(const std::string& name) {
    thread_local std::map<std::string, std::string> cache;
    const auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    const StandardSystem* s = Dictionary::get().resolve_system(name);
    return cache.emplace(name, s ? s->id : std::string()).first->second;
}

bool is_connection_row(const Line& l) {
    if (!l.grid || l.region != Region::basic) return false;
    for (const Fragment& f : l.fragments) {
        if (f.kind == Fragment::Kind::selection) return false;
        if ((f.kind == Fragment::Kind::box || f.kind == Fragment::Kind::closer) && !connection_label(f.label))
            return false;
    }
    return true;
}

// The ③ boxes of one system as read from a set of rows.
struct Reading {
    bool valid = true;
    std::set<std::string> checked;  // standard labels, その他 included
    std::vector<std::string> other;
    std::vector<int> lines;
};

// Does the system's own text (②機能) mention what a box stands for?
bool mentions_uncached(const std::string& functions_key, const std::string& label) {
    for (const StandardSystem& s : Dictionary::get().systems()) {
        if (s.box != label) continue;
        for (const auto& alias : s.aliases) {
            const std::string k = text::match_key(alias);
            if (k.size() >= 6 && text::contains(functions_key, k)) return true;
        }
    }
    return false;
}

bool mentions(const std::string& functions_key, const std::string& label) {
    if (functions_key.empty()) return false;
    thread_local std::map<std::pair<std::string, std::string>, bool> cache;
    const auto key = std::make_pair(functions_key, label);
    const auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    return cache.emplace(key, mentions_uncached(functions_key, label)).first->second;
}

// Reads the rows of one system with bracket accounting. Orphan marks (a '○' cut from its
// '[') take the unmarked closer that the system's own text supports best.
Reading read_rows(const Layout& layout, const std::vector<int>& rows, const std::string& functions_key,
                  bool require_all_seven) {
    const Dictionary& dict = Dictionary::get();
    const auto& options = dict.options("connections");
    Reading r;
    r.lines = rows;
    std::map<std::string, int> count;
    struct Closer {
        std::string label;
        bool claimed = false;
    };
    std::vector<Closer> closers;
    std::vector<std::string> opener_after;  // marked openers: the label they most likely open
    int bare_openers = 0, orphans = 0;
    std::vector<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    std::string previous_row_last;
    for (int idx : sorted) {
        std::string row_last;
        for (const Fragment& f : layout.lines[idx].fragments) {
            if (f.kind == Fragment::Kind::box || f.kind == Fragment::Kind::closer) {
                const auto& label = connection_label(f.label);
                if (!label) continue;
                if (++count[*label] > 1) r.valid = false;
                const bool checked = f.mark.value_or(false);
                if (checked) r.checked.insert(*label);
                if (*label == "その他" && !f.detail.empty())
                    for (const auto& n : split_names(f.detail)) r.other.push_back(n);
                if (f.kind == Fragment::Kind::closer) {
                    if (!checked)
                        closers.push_back({*label});
                    else
                        closers.push_back({*label, true});
                }
                row_last = *label;
            } else if (f.kind == Fragment::Kind::opener) {
                std::string before = f.before.empty() ? (row_last.empty() ? previous_row_last : row_last) : f.before;
                if (const auto& s = connection_label(before)) before = *s;
                const auto it = std::find(options.begin(), options.end(), before);
                const std::string after = it != options.end() && it + 1 != options.end() ? *(it + 1) : std::string();
                if (f.mark.value_or(false))
                    opener_after.push_back(after);
                else
                    ++bare_openers;
            } else if (f.kind == Fragment::Kind::orphan) {
                ++orphans;
            }
        }
        if (!row_last.empty()) previous_row_last = row_last;
    }
    const int openers = bare_openers + static_cast<int>(opener_after.size());
    if (openers != static_cast<int>(closers.size())) r.valid = false;
    if (orphans > bare_openers) r.valid = false;
    if (require_all_seven && count.size() != options.size()) r.valid = false;
    if (!r.valid) return r;
    for (const std::string& after : opener_after) {
        Closer* pick = nullptr;
        for (Closer& c : closers)
            if (!c.claimed && c.label == after) pick = &c;
        if (!pick)
            for (Closer& c : closers)
                if (!c.claimed) {
                    pick = &c;
                    break;
                }
        if (pick) {
            pick->claimed = true;
            r.checked.insert(pick->label);
        }
    }
    for (int o = 0; o < orphans; ++o) {
        Closer* pick = nullptr;
        for (Closer& c : closers)
            if (!c.claimed && (!pick || (mentions(functions_key, c.label) && !mentions(functions_key, pick->label))))
                pick = &c;
        if (pick) {
            pick->claimed = true;
            r.checked.insert(pick->label);
        }
    }
    return r;
}

struct SystemInfo {
    std::string box;        // the box that denotes the system itself
    std::string canonical;  // standard system id
    std::string functions_key;
    int anchor = -1;  // line index of its ③ label (or header)
};

// A declares B: A checks B's box, or names B in its その他.
bool declares(const Reading& a, const SystemInfo& b) {
    if (!b.box.empty() && a.checked.count(b.box)) return true;
    if (b.canonical.empty()) return false;
    for (const auto& n : a.other)
        if (resolved_id(n) == b.canonical) return true;
    return false;
}

double local_score(const Reading& r, const SystemInfo& s) {
    double score = 0;
    for (const auto& label : r.checked) {
        if (label == "その他") continue;
        if (!s.box.empty() && label == s.box) score -= 10;  // no system connects to itself
        if (mentions(s.functions_key, label)) score += 2;
    }
    for (const auto& n : r.other)
        if (!s.functions_key.empty() && text::contains(s.functions_key, text::match_key(n))) score += 2;
    if (s.anchor >= 0)
        for (int l : r.lines) score -= 0.001 * std::abs(l - s.anchor);
    return score;
}

double mutual_score(const std::vector<Reading>& readings, const std::vector<SystemInfo>& info,
                    const std::vector<bool>& known) {
    double score = 0;
    for (size_t a = 0; a < readings.size(); ++a)
        for (size_t b = a + 1; b < readings.size(); ++b) {
            if (!known[a] || !known[b]) continue;
            const bool ab = declares(readings[a], info[b]);
            const bool ba = declares(readings[b], info[a]);
            if (ab && ba)
                score += 1;
            else if (ab || ba)
                score -= 1;
        }
    return score;
}

void fill(const Reading& r, System& s) {
    s.connections.clear();
    s.other = r.other;
    s.other_checked = r.checked.count("その他") > 0;
    for (const auto& label : Dictionary::get().options("connections"))
        if (label != "その他" && r.checked.count(label)) s.connections.push_back(label);
    if (!r.lines.empty() && s.connections.empty() && !s.other_checked) s.marks = "none";
    if (!r.lines.empty())
        s.connections_loc = Loc::span(*std::min_element(r.lines.begin(), r.lines.end()) + 1,
                                      *std::max_element(r.lines.begin(), r.lines.end()) + 1);
}

}  // namespace

void read_connections(const Layout& layout, const std::vector<Head>& heads, const std::vector<int>& conn_label,
                      std::vector<System>& systems) {
    const size_t n_sys = heads.size();
    std::vector<SystemInfo> info(n_sys);
    for (size_t h = 0; h < n_sys; ++h) {
        if (const StandardSystem* s = Dictionary::get().resolve_system(systems[h].name)) {
            info[h].box = s->box;
            info[h].canonical = s->id;
        }
        const std::string& functions = systems[h].functions;
        info[h].functions_key = text::match_key(functions);
        info[h].anchor = conn_label[h] >= 0 ? conn_label[h] : heads[h].index;
    }
    // Rows by page; the systems whose ③ label is on that page share its rows.
    std::map<int, std::vector<int>> rows_by_page;
    for (size_t i = 0; i < layout.lines.size(); ++i)
        if (is_connection_row(layout.lines[i])) rows_by_page[layout.lines[i].page].push_back(static_cast<int>(i));
    std::map<int, std::vector<size_t>> owners_by_page;
    for (size_t h = 0; h < n_sys; ++h)
        if (conn_label[h] >= 0) owners_by_page[layout.lines[conn_label[h]].page].push_back(h);

    std::vector<Reading> readings(n_sys);
    std::vector<bool> known(n_sys, false);
    std::vector<int> leftovers;
    for (int pass = 0; pass < 2; ++pass) {
        for (auto& [page, rows] : rows_by_page) {
            const auto it = owners_by_page.find(page);
            if (it == owners_by_page.end()) {
                if (pass == 0) leftovers.insert(leftovers.end(), rows.begin(), rows.end());
                continue;
            }
            const std::vector<size_t>& owners = it->second;
            const size_t k = owners.size();
            const size_t n = rows.size();
            int labels_on_page = 0;
            for (int r : rows)
                for (const Fragment& f : layout.lines[r].fragments)
                    if (f.kind == Fragment::Kind::box || f.kind == Fragment::Kind::closer) ++labels_on_page;
            const bool all_seven =
                labels_on_page == static_cast<int>(k * Dictionary::get().options("connections").size());
            const double combos = std::pow(static_cast<double>(k), static_cast<double>(n));
            double best = -1e18;
            std::vector<Reading> best_readings;
            if (combos <= 1.5e5) {  // 2^17: two systems sharing a page of ③ rows
                // Each box appears once per system: a bit mask per row rejects most splits
                // before the full bracket accounting of read_rows runs.
                const auto& labels = Dictionary::get().options("connections");
                const uint32_t all_boxes = (1u << labels.size()) - 1;
                std::vector<uint32_t> row_mask(n, 0);
                // read_rows' bracket accounting as sums per row, so that a split it would refuse
                // is refused before it reads anything.
                struct Brackets {
                    int closers = 0, openers = 0, bare_openers = 0, orphans = 0;
                };
                std::vector<Brackets> row_brackets(n);
                for (size_t i = 0; i < n; ++i)
                    for (const Fragment& f : layout.lines[rows[i]].fragments) {
                        if (f.kind == Fragment::Kind::opener) {
                            ++row_brackets[i].openers;
                            if (!f.mark.value_or(false)) ++row_brackets[i].bare_openers;
                        }
                        if (f.kind == Fragment::Kind::orphan) ++row_brackets[i].orphans;
                        if (f.kind != Fragment::Kind::box && f.kind != Fragment::Kind::closer) continue;
                        const auto& label = connection_label(f.label);
                        if (!label) continue;
                        if (f.kind == Fragment::Kind::closer) ++row_brackets[i].closers;
                        const uint32_t bit = 1u << (std::find(labels.begin(), labels.end(), *label) - labels.begin());
                        row_mask[i] |= (row_mask[i] & bit) ? (1u << 31) : bit;
                    }
                // Depth first from the last row (the most significant digit when counting through
                // the splits), so that feasible splits are met in counting order and ties keep
                // the first; a box already taken by a system prunes the whole subtree.
                std::vector<size_t> assign(n, 0);
                std::vector<uint32_t> group_mask(k, 0);
                auto evaluate = [&] {
                    std::vector<std::vector<int>> split(k);
                    for (size_t i = 0; i < n; ++i) split[assign[i]].push_back(rows[i]);
                    std::vector<Reading> cand(k);
                    double score = 0;
                    for (size_t j = 0; j < k; ++j) {
                        cand[j] = read_rows(layout, split[j], info[owners[j]].functions_key, all_seven);
                        if (!cand[j].valid) return;
                        score += local_score(cand[j], info[owners[j]]);
                    }
                    // Scored in place: the candidates are swapped in and back out.
                    std::vector<bool> trial_known = known;
                    for (size_t j = 0; j < k; ++j) {
                        std::swap(readings[owners[j]], cand[j]);
                        trial_known[owners[j]] = true;
                    }
                    score += mutual_score(readings, info, trial_known);
                    for (size_t j = 0; j < k; ++j) std::swap(readings[owners[j]], cand[j]);
                    if (score > best) {
                        best = score;
                        best_readings = std::move(cand);
                    }
                };
                auto search = [&](auto& self, size_t remaining) -> void {
                    if (remaining == 0) {
                        for (size_t j = 0; j < k && all_seven; ++j)
                            if (group_mask[j] != all_boxes) return;
                        std::vector<Brackets> sum(k);
                        for (size_t i = 0; i < n; ++i) {
                            Brackets& b = sum[assign[i]];
                            b.closers += row_brackets[i].closers;
                            b.openers += row_brackets[i].openers;
                            b.bare_openers += row_brackets[i].bare_openers;
                            b.orphans += row_brackets[i].orphans;
                        }
                        for (const Brackets& b : sum)
                            if (b.openers != b.closers || b.orphans > b.bare_openers) return;
                        evaluate();
                        return;
                    }
                    const size_t i = remaining - 1;
                    for (size_t j = 0; j < k; ++j) {
                        if (group_mask[j] & row_mask[i]) continue;
                        assign[i] = j;
                        group_mask[j] |= row_mask[i];
                        self(self, i);
                        group_mask[j] &= ~row_mask[i];
                    }
                };
                const bool repeated_box =
                    std::any_of(row_mask.begin(), row_mask.end(), [](uint32_t m) { return m >> 31; });
                if (!repeated_box) search(search, n);
            }
            if (best_readings.empty()) {
                // No consistent split: nearest ③ label wins each row.
                std::vector<std::vector<int>> split(k);
                for (int r : rows) {
                    size_t pick = 0;
                    for (size_t j = 1; j < k; ++j)
                        if (std::abs(r - info[owners[j]].anchor) < std::abs(r - info[owners[pick]].anchor)) pick = j;
                    split[pick].push_back(r);
                }
                best_readings.resize(k);
                for (size_t j = 0; j < k; ++j)
                    best_readings[j] = read_rows(layout, split[j], info[owners[j]].functions_key, false);
            }
            for (size_t j = 0; j < k; ++j) {
                readings[owners[j]] = best_readings[j];
                known[owners[j]] = true;
            }
        }
    }
    // Rows on pages without any ③ label go to the nearest system by the entry rules.
    if (!leftovers.empty()) {
        std::vector<Item> items;
        for (int r : leftovers) items.push_back({r, "", false});
        const std::vector<int> owner = assign_items(layout, heads, items);
        std::map<size_t, std::vector<int>> extra;
        for (size_t i = 0; i < items.size(); ++i)
            if (owner[i] >= 0 && !known[owner[i]]) extra[owner[i]].push_back(items[i].index);
        for (auto& [h, rows] : extra) {
            readings[h] = read_rows(layout, rows, info[h].functions_key, false);
            known[h] = true;
        }
    }
    for (size_t h = 0; h < n_sys; ++h)
        if (known[h]) fill(readings[h], systems[h]);
}

}  // namespace piagraph::extract_detail::pdftext
