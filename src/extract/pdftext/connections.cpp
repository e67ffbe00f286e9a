// I-2 ③他のシステムとの接続 in pdftotext-like conversions: the seven boxes of several systems land on
// one page cut into fragments; read_connections (reader.hpp) puts them back per system.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>

#include "../common.hpp"
#include "../page_furniture.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::pdftext {

namespace {

// The ③ option labels ("connections": the six standard boxes and その他) by index: the split
// search below reads the same rows thousands of times, so boxes are indices and sets of boxes
// bit masks.
const std::vector<std::string>& box_labels() { return Dictionary::get().options("connections"); }
int box_index(const std::string& standard_label) {
    const auto& labels = box_labels();
    const auto it = std::find(labels.begin(), labels.end(), standard_label);
    return it == labels.end() ? -1 : static_cast<int>(it - labels.begin());
}
uint32_t bit(int box) { return 1u << box; }

// The box whose label a label cut at the line's end begins (［ ］住民基本台帳ネット | ワークシステム:
// the rest wrapped onto the next line), where it is long enough to begin only one; -1 for none.
int cut_label_box(const std::string& written) {
    constexpr size_t kMinCutChars = 4;
    const std::string key = text::match_key(written);
    if (text::length(key) < kMinCutChars) return -1;
    int found = -1;
    for (size_t box = 0; box < box_labels().size(); ++box) {
        if (!text::starts_with(text::match_key(box_labels()[box]), key)) continue;
        if (found >= 0) return -1;
        found = static_cast<int>(box);
    }
    return found;
}

// The box a label as written stands for, or -1; memoised (the dictionary look-up normalises).
int connection_box(const std::string& written) {
    thread_local std::map<std::string, int> cache;
    const auto it = cache.find(written);
    if (it != cache.end()) return it->second;
    const auto label = Dictionary::get().standard_option("connections", written);
    return cache.emplace(written, label ? box_index(*label) : cut_label_box(written)).first->second;
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
        if ((f.kind == Fragment::Kind::box || f.kind == Fragment::Kind::closer) && connection_box(f.label) < 0)
            return false;
    }
    return true;
}

// The boxes of a connection row's fragments, resolved once: for a box or closer the box of its
// label, for an opener the box of the label written before it on the line; -1 for none.
using RowBoxes = std::map<int, std::vector<int>>;  // line index -> per fragment

RowBoxes resolve_rows(const Layout& layout, const std::vector<int>& rows) {
    RowBoxes out;
    for (int idx : rows) {
        auto& boxes = out[idx];
        for (const Fragment& f : layout.lines[idx].fragments)
            boxes.push_back(f.kind == Fragment::Kind::opener ? (f.before.empty() ? -1 : connection_box(f.before))
                                                             : connection_box(f.label));
    }
    return out;
}

// The ③ boxes of one system as read from a set of rows.
struct Reading {
    bool valid = true;
    uint32_t checked = 0;  // boxes, その他 included
    std::vector<std::string> other;
    std::vector<int> lines;
    // その他's （detail cut at its row's end (its rest on a line below): the row, and the text so far.
    int open_detail_row = -1;
    std::string open_detail;
};

// The boxes that a system's own text (②機能) mentions: a box is mentioned when the text names
// one of the standard systems it stands for.
uint32_t mentioned_boxes(const std::string& functions_key) {
    uint32_t boxes = 0;
    if (functions_key.empty()) return boxes;
    for (const StandardSystem& s : Dictionary::get().systems()) {
        const int box = s.box.empty() ? -1 : box_index(s.box);
        if (box < 0) continue;
        for (const auto& alias : s.aliases) {
            const std::string k = text::match_key(alias);
            if (k.size() >= 6 && text::contains(functions_key, k)) boxes |= bit(box);
        }
    }
    return boxes;
}

// Reads the rows of one system with bracket accounting. Orphan marks (a '○' cut from its
// '[') take the unmarked closer that the system's own text supports best.
Reading read_rows(const Layout& layout, const RowBoxes& row_boxes, const std::vector<int>& rows, uint32_t mentioned,
                  bool require_all_seven) {
    const int n_boxes = static_cast<int>(box_labels().size());
    const int other_box = box_index(Dictionary::get().form_label("other_option"));
    Reading r;
    r.lines = rows;
    uint32_t seen = 0;
    struct Closer {
        int box;
        bool claimed = false;
    };
    std::vector<Closer> closers;
    std::vector<int> opener_after;  // marked openers: the box they most likely open (-1: unknown)
    int bare_openers = 0, orphans = 0;
    std::vector<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    int previous_row_last = -1;
    for (int idx : sorted) {
        int row_last = -1;
        const auto& fragments = layout.lines[idx].fragments;
        const auto& boxes = row_boxes.at(idx);
        for (size_t i = 0; i < fragments.size(); ++i) {
            const Fragment& f = fragments[i];
            if (f.kind == Fragment::Kind::box || f.kind == Fragment::Kind::closer) {
                const int box = boxes[i];
                if (box < 0) continue;
                if (seen & bit(box)) r.valid = false;
                seen |= bit(box);
                const bool checked = f.mark.value_or(false);
                if (checked) r.checked |= bit(box);
                if (box == other_box && f.detail_open) r.open_detail_row = idx, r.open_detail = f.detail;
                if (box == other_box && !f.detail.empty())
                    for (const auto& n : split_names(f.detail)) r.other.push_back(n);
                if (f.kind == Fragment::Kind::closer) closers.push_back({box, checked});
                row_last = box;
            } else if (f.kind == Fragment::Kind::opener) {
                const int before = f.before.empty() ? (row_last < 0 ? previous_row_last : row_last) : boxes[i];
                const int after = before >= 0 && before + 1 < n_boxes ? before + 1 : -1;
                if (f.mark.value_or(false))
                    opener_after.push_back(after);
                else
                    ++bare_openers;
            } else if (f.kind == Fragment::Kind::orphan) {
                ++orphans;
            }
        }
        if (row_last >= 0) previous_row_last = row_last;
    }
    const int openers = bare_openers + static_cast<int>(opener_after.size());
    if (openers != static_cast<int>(closers.size())) r.valid = false;
    if (orphans > bare_openers) r.valid = false;
    if (require_all_seven && seen != (1u << n_boxes) - 1) r.valid = false;
    if (!r.valid) return r;
    for (const int after : opener_after) {
        Closer* pick = nullptr;
        for (Closer& c : closers)
            if (!c.claimed && c.box == after) pick = &c;
        if (!pick)
            for (Closer& c : closers)
                if (!c.claimed) {
                    pick = &c;
                    break;
                }
        if (pick) {
            pick->claimed = true;
            r.checked |= bit(pick->box);
        }
    }
    auto mentions = [&](int box) { return (mentioned & bit(box)) != 0; };
    for (int o = 0; o < orphans; ++o) {
        Closer* pick = nullptr;
        for (Closer& c : closers)
            if (!c.claimed && (!pick || (mentions(c.box) && !mentions(pick->box)))) pick = &c;
        if (pick) {
            pick->claimed = true;
            r.checked |= bit(pick->box);
        }
    }
    return r;
}

struct SystemInfo {
    int box = -1;           // the box that denotes the system itself
    std::string canonical;  // standard system id
    std::string functions_key;
    uint32_t mentioned = 0;  // boxes that functions_key mentions
    int anchor = -1;         // line index of its ③ label (or header)
};

// A declares B: A checks B's box, or names B in its その他.
bool declares(const Reading& a, const SystemInfo& b) {
    if (b.box >= 0 && (a.checked & bit(b.box))) return true;
    if (b.canonical.empty()) return false;
    for (const auto& n : a.other)
        if (resolved_id(n) == b.canonical) return true;
    return false;
}

double local_score(const Reading& r, const SystemInfo& s) {
    double score = 0;
    const int other_box = box_index(Dictionary::get().form_label("other_option"));
    for (int box = 0; box < static_cast<int>(box_labels().size()); ++box) {
        if (!(r.checked & bit(box)) || box == other_box) continue;
        if (box == s.box) score -= 10;  // no system connects to itself
        if (s.mentioned & bit(box)) score += 2;
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
    const auto& labels = box_labels();
    const int other_box = box_index(Dictionary::get().form_label("other_option"));
    s.connections.clear();
    s.other = r.other;
    s.other_checked = other_box >= 0 && (r.checked & bit(other_box));
    for (int box = 0; box < static_cast<int>(labels.size()); ++box)
        if (box != other_box && (r.checked & bit(box))) s.connections.push_back(labels[box]);
    if (!r.lines.empty() && s.connections.empty() && !s.other_checked) s.marks = "none";
    if (!r.lines.empty())
        s.connections_loc = Loc::span(*std::min_element(r.lines.begin(), r.lines.end()) + 1,
                                      *std::max_element(r.lines.begin(), r.lines.end()) + 1);
}

// read_rows' bracket accounting as sums per row, so that a split it would refuse is refused before
// it reads anything.
struct Brackets {
    int closers = 0, openers = 0, bare_openers = 0, orphans = 0;
};

// The best split of a page's ③ rows among the systems whose ③ label is on that page (its owners):
// every split in which each system takes each box at most once (and, when the page holds all
// seven boxes of each, exactly once) is read, and the one scoring best wins.
class PageSplit {
public:
    PageSplit(const Layout& layout, const RowBoxes& row_boxes, const std::vector<int>& rows,
              const std::vector<size_t>& owners, const std::vector<SystemInfo>& info, std::vector<Reading>& readings,
              const std::vector<bool>& known, bool all_seven)
        : layout_(layout),
          row_boxes_(row_boxes),
          rows_(rows),
          owners_(owners),
          info_(info),
          readings_(readings),
          known_(known),
          all_seven_(all_seven),
          k_(owners.size()),
          n_(rows.size()) {}

    // One reading per owner; empty when no split is consistent.
    std::vector<Reading> best() {
        measure_rows();
        const bool repeated_box = std::any_of(row_mask_.begin(), row_mask_.end(), [](uint32_t m) { return m >> 31; });
        if (repeated_box) return {};
        assign_.assign(n_, 0);
        group_mask_.assign(k_, 0);
        sum_.assign(k_, Brackets{});
        search(n_);
        return best_readings_;
    }

private:
    // Each box appears once per system: a bit mask per row rejects most splits before the full
    // bracket accounting of read_rows runs. Also what the rows not yet placed (indices below m) can
    // still add: their boxes, and how far they can move a system's opener-closer balance.
    void measure_rows() {
        row_mask_.assign(n_, 0);
        row_brackets_.assign(n_, Brackets{});
        for (size_t i = 0; i < n_; ++i)
            for (size_t fi = 0; fi < layout_.lines[rows_[i]].fragments.size(); ++fi) {
                const Fragment& f = layout_.lines[rows_[i]].fragments[fi];
                if (f.kind == Fragment::Kind::opener) {
                    ++row_brackets_[i].openers;
                    if (!f.mark.value_or(false)) ++row_brackets_[i].bare_openers;
                }
                if (f.kind == Fragment::Kind::orphan) ++row_brackets_[i].orphans;
                if (f.kind != Fragment::Kind::box && f.kind != Fragment::Kind::closer) continue;
                const int box = row_boxes_.at(rows_[i])[fi];
                if (box < 0) continue;
                if (f.kind == Fragment::Kind::closer) ++row_brackets_[i].closers;
                row_mask_[i] |= (row_mask_[i] & bit(box)) ? (1u << 31) : bit(box);
            }
        boxes_below_.assign(n_ + 1, 0);
        swing_below_.assign(n_ + 1, 0);
        for (size_t m = 1; m <= n_; ++m) {
            boxes_below_[m] = boxes_below_[m - 1] | row_mask_[m - 1];
            swing_below_[m] =
                swing_below_[m - 1] + std::abs(row_brackets_[m - 1].openers - row_brackets_[m - 1].closers);
        }
    }

    void evaluate() {
        ++evaluated_;
        std::vector<std::vector<int>> split(k_);
        for (size_t i = 0; i < n_; ++i) split[assign_[i]].push_back(rows_[i]);
        std::vector<Reading> cand(k_);
        double score = 0;
        for (size_t j = 0; j < k_; ++j) {
            cand[j] = read_rows(layout_, row_boxes_, split[j], info_[owners_[j]].mentioned, all_seven_);
            if (!cand[j].valid) return;
            score += local_score(cand[j], info_[owners_[j]]);
        }
        // Scored in place: the candidates are swapped in and back out.
        std::vector<bool> trial_known = known_;
        for (size_t j = 0; j < k_; ++j) {
            std::swap(readings_[owners_[j]], cand[j]);
            trial_known[owners_[j]] = true;
        }
        score += mutual_score(readings_, info_, trial_known);
        for (size_t j = 0; j < k_; ++j) std::swap(readings_[owners_[j]], cand[j]);
        if (score > best_) {
            best_ = score;
            best_readings_ = std::move(cand);
        }
    }

    // A subtree none of whose leaves can pass the checks below is not entered: the leaves that
    // are met, and so the choice among them, are the same.
    bool can_still_pass(size_t m) const {
        const uint32_t all_boxes = (1u << box_labels().size()) - 1;
        for (size_t j = 0; j < k_; ++j) {
            if (std::abs(sum_[j].openers - sum_[j].closers) > swing_below_[m]) return false;
            if (all_seven_ && (group_mask_[j] | boxes_below_[m]) != all_boxes) return false;
        }
        return true;
    }

    void add(size_t j, const Brackets& row, int sign) {
        sum_[j].closers += sign * row.closers;
        sum_[j].openers += sign * row.openers;
        sum_[j].bare_openers += sign * row.bare_openers;
        sum_[j].orphans += sign * row.orphans;
    }

    // Depth first from the last row (the most significant digit when counting through the splits),
    // so that feasible splits are met in counting order and ties keep the first; a box already
    // taken by a system prunes the whole subtree.
    void search(size_t remaining) {
        // The splits a page of the form allows are met within a few hundred readings (576 at most
        // in the conversions the simulator makes); a damaged page whose rows fit many more splits
        // keeps the best of the first kMaxEvaluated, so its cost stays bounded.
        constexpr size_t kMaxEvaluated = 2048;
        if (evaluated_ >= kMaxEvaluated) return;
        if (remaining == 0) {  // can_still_pass(0): boxes complete, brackets balanced
            for (const Brackets& b : sum_)
                if (b.orphans > b.bare_openers) return;
            evaluate();
            return;
        }
        const size_t i = remaining - 1;
        for (size_t j = 0; j < k_; ++j) {
            if (group_mask_[j] & row_mask_[i]) continue;
            assign_[i] = j;
            group_mask_[j] |= row_mask_[i];
            add(j, row_brackets_[i], 1);
            if (can_still_pass(i)) search(i);
            add(j, row_brackets_[i], -1);
            group_mask_[j] &= ~row_mask_[i];
        }
    }

    const Layout& layout_;
    const RowBoxes& row_boxes_;
    const std::vector<int>& rows_;
    const std::vector<size_t>& owners_;
    const std::vector<SystemInfo>& info_;
    std::vector<Reading>& readings_;
    const std::vector<bool>& known_;
    const bool all_seven_;
    const size_t k_, n_;
    std::vector<uint32_t> row_mask_, boxes_below_, group_mask_;
    std::vector<Brackets> row_brackets_, sum_;
    std::vector<int> swing_below_;
    std::vector<size_t> assign_;
    double best_ = -1e18;
    size_t evaluated_ = 0;
    std::vector<Reading> best_readings_;
};

// Whether a page's rows stand in the form's order: none above its first ③ label, and some from
// each ③ label (on its line, or below it) to the next (label, its rows, the next label, its rows …).
bool rows_follow_their_labels(const std::vector<int>& rows, std::vector<int> anchors) {
    std::sort(anchors.begin(), anchors.end());
    if (anchors.empty() || rows.empty() || *std::min_element(rows.begin(), rows.end()) < anchors.front()) return false;
    for (size_t j = 0; j + 1 < anchors.size(); ++j)
        if (std::none_of(rows.begin(), rows.end(), [&](int r) { return r >= anchors[j] && r < anchors[j + 1]; }))
            return false;
    return true;
}

// No consistent split within the search's reach: on a page in the form's order each row is the
// system's whose ③ label is the last above it, where every system so reads its boxes once and its
// brackets closed; else the nearest ③ label wins each row.
std::vector<Reading> nearest_split(const Layout& layout, const RowBoxes& row_boxes, const std::vector<int>& rows,
                                   const std::vector<size_t>& owners, const std::vector<SystemInfo>& info) {
    const size_t k = owners.size();
    std::vector<int> anchors(k);
    for (size_t j = 0; j < k; ++j) anchors[j] = info[owners[j]].anchor;
    const auto split_by = [&](bool label_above) {
        std::vector<std::vector<int>> split(k);
        for (int r : rows) {
            size_t pick = 0;
            for (size_t j = 1; j < k; ++j) {
                const bool nearer = label_above ? (anchors[j] <= r && (anchors[pick] > r || anchors[j] > anchors[pick]))
                                                : std::abs(r - anchors[j]) < std::abs(r - anchors[pick]);
                if (nearer) pick = j;
            }
            split[pick].push_back(r);
        }
        std::vector<Reading> out(k);
        for (size_t j = 0; j < k; ++j)
            out[j] = read_rows(layout, row_boxes, split[j], info[owners[j]].mentioned, false);
        return out;
    };
    if (rows_follow_their_labels(rows, anchors)) {
        std::vector<Reading> in_order = split_by(true);
        if (std::all_of(in_order.begin(), in_order.end(), [](const Reading& r) { return r.valid; })) return in_order;
    }
    return split_by(false);
}

// What the connections of each system can be checked against: its box, id, and the boxes its
// functions mention; anchor: the line of its ③ label, else its header.
std::vector<SystemInfo> system_infos(const std::vector<Head>& heads, const std::vector<int>& conn_label,
                                     const std::vector<System>& systems) {
    std::vector<SystemInfo> info(heads.size());
    for (size_t h = 0; h < heads.size(); ++h) {
        if (const StandardSystem* s = Dictionary::get().resolve_system(systems[h].name)) {
            info[h].box = s->box.empty() ? -1 : box_index(s->box);
            info[h].canonical = s->id;
        }
        const std::string& functions = systems[h].functions;
        info[h].functions_key = text::match_key(functions);
        info[h].mentioned = mentioned_boxes(info[h].functions_key);
        info[h].anchor = conn_label[h] >= 0 ? conn_label[h] : heads[h].index;
    }
    return info;
}

// The rows of one page read for the systems whose ③ label is on it.
void read_page(const Layout& layout, const RowBoxes& row_boxes, const std::vector<int>& rows,
               const std::vector<size_t>& owners, const std::vector<SystemInfo>& info, std::vector<Reading>& readings,
               std::vector<bool>& known) {
    const size_t k = owners.size();
    int labels_on_page = 0;
    for (int r : rows)
        for (const Fragment& f : layout.lines[r].fragments)
            if (f.kind == Fragment::Kind::box || f.kind == Fragment::Kind::closer) ++labels_on_page;
    const bool all_seven = labels_on_page == static_cast<int>(k * box_labels().size());
    const double combos = std::pow(static_cast<double>(k), static_cast<double>(rows.size()));
    std::vector<Reading> best;
    if (combos <= 1.5e5)  // 2^17: two systems sharing a page of ③ rows
        best = PageSplit(layout, row_boxes, rows, owners, info, readings, known, all_seven).best();
    if (best.empty()) best = nearest_split(layout, row_boxes, rows, owners, info);
    for (size_t j = 0; j < k; ++j) {
        readings[owners[j]] = best[j];
        known[owners[j]] = true;
    }
}

// Pages printed label column first, whose rows of boxes all stand below their ③ labels: the value
// column sets each system's rows under its header (システム1 | its functions | its boxes | システム2
// …), and rows above the page's first header go on from the system a page before left open. Those
// rows are read per system and leave the page. (Rows beside their ③ labels, in the label column,
// are read by the labels.)
void read_value_columns(const Layout& layout, const std::vector<Head>& heads, const std::vector<int>& conn_label,
                        const LabelColumnPages& label_column_pages, const RowBoxes& row_boxes,
                        const std::vector<SystemInfo>& info, std::map<int, std::vector<int>>& rows_by_page,
                        std::vector<Reading>& readings, std::vector<bool>& known) {
    std::map<size_t, std::vector<int>> rows_of;
    for (const auto& [page, on_page] : label_column_pages) {
        const auto it = rows_by_page.find(page);
        if (it == rows_by_page.end()) continue;
        const int first_row = *std::min_element(it->second.begin(), it->second.end());
        if (std::any_of(conn_label.begin(), conn_label.end(),
                        [&, page = page](int label) { return label >= first_row && layout.lines[label].page == page; }))
            continue;
        for (const int row : it->second)
            if (const int h = head_before(heads, row); h >= 0) rows_of[static_cast<size_t>(h)].push_back(row);
        rows_by_page.erase(it);
    }
    for (auto& [h, rows] : rows_of) {
        readings[h] = read_rows(layout, row_boxes, rows, info[h].mentioned, false);
        known[h] = true;
    }
}

// A bracket alone on a line among a system's rows of boxes (［○］その他 | （ | ］庁内連携システム):
// その他's detail opened there, its text below the rows.
bool bracket_opened_among(const Layout& layout, const std::vector<int>& rows) {
    const auto [first, last] = std::minmax_element(rows.begin(), rows.end());
    for (int k = *first + 1; k < *last; ++k)
        if (const std::string& line = layout.lines[k].text; line == "（" || line == "(") return true;
    return false;
}

// The boxes rows hold (each box once), or nullopt where one repeats.
std::optional<uint32_t> boxes_of(const RowBoxes& row_boxes, const std::vector<int>& rows) {
    uint32_t seen = 0;
    for (const int r : rows)
        for (const int box : row_boxes.at(r)) {
            if (box < 0) continue;
            if (seen & bit(box)) return std::nullopt;
            seen |= bit(box);
        }
    return seen;
}

// Rows atop a page, above its first system, that complete the boxes a system on a page before
// began (its ③ label and first row of boxes at the foot of that page, the rest over the page
// break): they go back to that page, where that system's rows are read. Only where together they
// hold each of the seven boxes once, so a page that pdftotext wrote bottom-up (its first rows the
// first system's below) keeps its rows.
void carry_over_page_breaks(const Layout& layout, const std::vector<Head>& heads, const std::vector<int>& conn_label,
                            const RowBoxes& row_boxes, std::map<int, std::vector<int>>& rows_by_page) {
    const uint32_t all = (1u << box_labels().size()) - 1;
    for (auto& [page, rows] : rows_by_page) {
        int first_head = std::numeric_limits<int>::max(), before = -1;  // before: the last ③ label above
        for (const Head& h : heads)
            if (layout.lines[h.index].page == page) first_head = std::min(first_head, h.index);
        for (const int label : conn_label)
            if (label >= 0 && label < rows.front() && layout.lines[label].page < page) before = std::max(before, label);
        if (before < 0 || rows.front() > first_head) continue;
        std::vector<int> leading;
        for (const int r : rows)
            if (r < first_head) leading.push_back(r);
        const auto from_page = rows_by_page.find(layout.lines[before].page);
        if (from_page == rows_by_page.end()) continue;
        std::vector<int> began;
        for (const int r : from_page->second)
            if (r >= before) began.push_back(r);
        const auto head = boxes_of(row_boxes, began), rest = boxes_of(row_boxes, leading);
        if (began.empty() || !head || !rest || (*head & *rest) || (*head | *rest) != all) continue;
        from_page->second.insert(from_page->second.end(), leading.begin(), leading.end());
        rows.erase(rows.begin(), rows.begin() + static_cast<long>(leading.size()));
    }
    std::erase_if(rows_by_page, [](const auto& page_rows) { return page_rows.second.empty(); });
}

}  // namespace

void read_connections(const Layout& layout, const std::vector<Head>& heads, const std::vector<int>& conn_label,
                      const LabelColumnPages& label_column_pages, std::vector<System>& systems) {
    const size_t n_sys = heads.size();
    const std::vector<SystemInfo> info = system_infos(heads, conn_label, systems);
    // Rows by page; the systems whose ③ label is on that page share its rows.
    std::map<int, std::vector<int>> rows_by_page;
    for (size_t i = 0; i < layout.lines.size(); ++i)
        if (is_connection_row(layout.lines[i])) rows_by_page[layout.lines[i].page].push_back(static_cast<int>(i));
    std::vector<int> all_rows;
    for (const auto& [page, rows] : rows_by_page) all_rows.insert(all_rows.end(), rows.begin(), rows.end());
    const RowBoxes row_boxes = resolve_rows(layout, all_rows);
    carry_over_page_breaks(layout, heads, conn_label, row_boxes, rows_by_page);
    std::vector<Reading> readings(n_sys);
    std::vector<bool> known(n_sys, false);
    read_value_columns(layout, heads, conn_label, label_column_pages, row_boxes, info, rows_by_page, readings, known);
    std::map<int, std::vector<size_t>> owners_by_page;
    for (size_t h = 0; h < n_sys; ++h)
        if (conn_label[h] >= 0 && !known[h]) owners_by_page[layout.lines[conn_label[h]].page].push_back(h);

    std::vector<int> leftovers;
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& page_rows : rows_by_page) {
            const auto it = owners_by_page.find(page_rows.first);
            if (it != owners_by_page.end())
                read_page(layout, row_boxes, page_rows.second, it->second, info, readings, known);
            else if (pass == 0)
                leftovers.insert(leftovers.end(), page_rows.second.begin(), page_rows.second.end());
        }
    // Rows on pages without any ③ label go to the nearest system by the entry rules.
    if (!leftovers.empty()) {
        std::vector<Item> items;
        for (int r : leftovers) items.push_back({r, "", false});
        const std::vector<int> owner = assign_items(layout, heads, items, {});  // rows only: no label column
        std::map<size_t, std::vector<int>> extra;
        for (size_t i = 0; i < items.size(); ++i)
            if (owner[i] >= 0 && !known[owner[i]]) extra[owner[i]].push_back(items[i].index);
        for (auto& [h, rows] : extra) {
            readings[h] = read_rows(layout, row_boxes, rows, info[h].mentioned, false);
            known[h] = true;
        }
    }
    const int other_box = box_index(Dictionary::get().form_label("other_option"));
    for (size_t h = 0; h < n_sys; ++h) {
        if (!known[h]) continue;
        Reading& r = readings[h];
        if (r.open_detail_row >= 0) {
            if (const std::string whole = detail_below(layout, r.open_detail_row, r.open_detail); !whole.empty())
                r.other = split_names(whole);
        } else if (other_box >= 0 && (r.checked & bit(other_box)) && r.other.empty() && !r.lines.empty()) {
            const int last = *std::max_element(r.lines.begin(), r.lines.end());
            const auto open = bracket_opened_among(layout, r.lines) ? std::optional<std::string>("") : std::nullopt;
            r.other = split_names(detail_below(layout, last, open));
        }
        fill(r, systems[h]);
    }
}

}  // namespace piagraph::extract_detail::pdftext
