// Matching 別添1 step texts to the nodes of the diagram, data-driven through the names and
// aliases of each node (see steps.hpp).
#include "steps.hpp"

#include <algorithm>
#include <map>

#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::render_detail {
namespace {

enum class Part { none, source, target };

struct Mention {
    std::string id;
    size_t begin = 0, end = 0;
    Part part = Part::none;
};

// Every occurrence of a candidate's key that no longer occurrence of another candidate covers
// (住民 inside 住民基本台帳); a span two candidates share names neither (委託先 with two contractors).
std::vector<Mention> mentions_in(const std::string& key_text, const std::vector<StepCandidate>& candidates) {
    std::vector<Mention> hits;
    for (const auto& c : candidates)
        for (const auto& k : c.keys)
            for (size_t at = key_text.find(k); at != std::string::npos; at = key_text.find(k, at + 1))
                hits.push_back({c.id, at, at + k.size()});
    std::vector<Mention> out;
    for (const Mention& h : hits) {
        const bool covered = std::any_of(hits.begin(), hits.end(), [&h](const Mention& o) {
            return o.id != h.id && o.begin <= h.begin && o.end >= h.end && o.end - o.begin > h.end - h.begin;
        });
        const bool shared = std::any_of(hits.begin(), hits.end(), [&h](const Mention& o) {
            return o.id != h.id && o.begin == h.begin && o.end == h.end;
        });
        // The same node found by a shorter key inside its longer one counts once.
        const bool inner = std::any_of(hits.begin(), hits.end(), [&h](const Mention& o) {
            return o.id == h.id && o.begin <= h.begin && o.end >= h.end && o.end - o.begin > h.end - h.begin;
        });
        if (!covered && !shared && !inner) out.push_back(h);
    }
    std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    return out;
}

// Where the words after a mention start: past a bracketed aside (住民基本台帳（既存住基システム）).
size_t after_aside(const std::string& s, size_t at) {
    if (at < s.size() && s[at] == '(') {
        int depth = 0;
        for (size_t i = at; i < s.size(); ++i) {
            if (s[i] == '(') ++depth;
            if (s[i] == ')' && --depth == 0) return i + 1;
        }
    }
    return at;
}

// The length of the longest of the words that starts at `at` (0 if none does).
size_t word_at(const std::string& s, size_t at, const std::vector<std::string>& words) {
    size_t longest = 0;
    for (const auto& w : words)
        if (s.compare(at, w.size(), w) == 0) longest = std::max(longest, w.size());
    return longest;
}

// The part of each mention from the particle after it; a name qualifying the next one
// (市民課の戸籍システム) and a name inside another's aside are dropped.
std::vector<Mention> with_parts(std::vector<Mention> mentions, const std::string& s) {
    const Dictionary& dict = Dictionary::get();
    static const std::vector<std::string> neutral = dict.list("/render/step_particles/neutral");
    static const std::vector<std::string> source = dict.list("/render/step_particles/source");
    static const std::vector<std::string> target = dict.list("/render/step_particles/target");
    static const std::vector<std::string> qualifier = dict.list("/render/step_particles/qualifier");
    std::vector<Mention> out;
    size_t aside_end = 0;
    for (size_t i = 0; i < mentions.size(); ++i) {
        Mention m = mentions[i];
        if (m.begin < aside_end) continue;
        const size_t next = after_aside(s, m.end);
        if (next > m.end) aside_end = next;
        const size_t of = word_at(s, next, qualifier);
        if (of > 0 && i + 1 < mentions.size() && mentions[i + 1].begin == next + of) continue;
        if (word_at(s, next, neutral) == 0) {
            if (word_at(s, next, source) > 0) m.part = Part::source;
            if (word_at(s, next, target) > 0) m.part = Part::target;
        }
        out.push_back(m);
    }
    return out;
}

}  // namespace

std::pair<std::string, std::string> step_ends(const std::string& step_text,
                                              const std::vector<StepCandidate>& candidates,
                                              const std::string& subject) {
    const std::string s = text::match_key(step_text);
    const std::vector<Mention> mentions = with_parts(mentions_in(s, candidates), s);
    std::string from, to;
    for (const Mention& m : mentions) {
        if (from.empty() && m.part == Part::source) from = m.id;
        if (to.empty() && m.part == Part::target && m.id != from) to = m.id;
    }
    // Without a particle the text order says it: the first named is the source, the next one
    // after it the destination.
    if (from.empty())
        for (const Mention& m : mentions)
            if (m.id != to && m.part != Part::target) {
                from = m.id;
                break;
            }
    if (to.empty() && !from.empty()) {
        bool past = false;
        for (const Mention& m : mentions) {
            if (m.id == from) past = true;
            if (past && m.id != from && m.part != Part::source) {
                to = m.id;
                break;
            }
        }
    }
    // One end with its particle: the step is the department's own act (住民より届出を受け付ける).
    const bool one_named =
        std::all_of(mentions.begin(), mentions.end(), [&](const Mention& m) { return m.id == mentions.front().id; });
    if (!mentions.empty() && one_named && mentions.front().id != subject && !subject.empty()) {
        const Part part =
            std::any_of(mentions.begin(), mentions.end(), [](const Mention& m) { return m.part == Part::source; })
                ? Part::source
            : std::any_of(mentions.begin(), mentions.end(), [](const Mention& m) { return m.part == Part::target; })
                ? Part::target
                : Part::none;
        if (part == Part::source) return {mentions.front().id, subject};
        if (part == Part::target) return {subject, mentions.front().id};
    }
    if (from.empty() || to.empty() || from == to) return {"", ""};
    return {from, to};
}

}  // namespace piagraph::render_detail
