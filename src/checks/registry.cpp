// The rule registry, the check run, fingerprints and the anchoring of line-less locations.
#include <algorithm>
#include <climits>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "piagraph/error.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/text.hpp"
#include "rule_support.hpp"

namespace piagraph {

// The one list of the rules: one entry per rule file (src/checks/<id>_<name>.cpp, which defines
// make_rule_<ID> through PIAGRAPH_RULE). Add an entry here when adding a rule file; a test checks
// that every rule file is listed.
// clang-format off
#define PIAGRAPH_RULES(X) \
    X(C01) X(C02) X(C03) X(C04) X(C05) X(C06) X(C07) X(C08) X(C09) X(C10) X(C11) \
    X(F01) X(F02) X(F03) X(F04) X(F05) X(F06) X(F07) X(F08) X(F09) X(F10) X(F11) \
    X(L01) X(L02) X(L03) X(L04) X(L05) X(L06) X(L07) X(L08) X(L09) X(L10) X(L11) \
    X(L12) X(L13) X(L14) X(L15) X(R01) X(R02) X(T01) X(T02) X(T03) X(T04) X(T05) \
    X(T06) X(T07) X(T08) X(T09) X(T10) X(T11) X(T12) X(T13) X(T14) X(X01)
// clang-format on

namespace checks {
#define PIAGRAPH_DECLARE_RULE(id) std::unique_ptr<Rule> make_rule_##id();
PIAGRAPH_RULES(PIAGRAPH_DECLARE_RULE)
#undef PIAGRAPH_DECLARE_RULE
}  // namespace checks

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::info:
            return "info";
        case Severity::warning:
            return "warning";
        case Severity::error:
            return "error";
    }
    return "warning";
}

const std::vector<std::unique_ptr<Rule>>& rules() {
    static const std::vector<std::unique_ptr<Rule>> all = [] {
        using namespace checks;
        std::vector<std::unique_ptr<Rule>> v;
#define PIAGRAPH_RULE_FACTORY(id) make_rule_##id,
        for (auto make : {PIAGRAPH_RULES(PIAGRAPH_RULE_FACTORY)})
#undef PIAGRAPH_RULE_FACTORY
            v.push_back(make());
        std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
        return v;
    }();
    return all;
}

std::string fingerprint(const Finding& f) {
    // FNV-1a over what identifies the problem, not where it sits: line numbers move on edits.
    std::string basis = f.rule + "\n" + f.assessment + "\n";
    for (const auto& s : f.subjects) basis += s + "\n";
    if (f.subjects.empty()) basis += f.message.en;
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : basis) h = (h ^ c) * 1099511628211ull;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::vector<Finding> run_checks(const Graph& graph) {
    std::vector<Finding> out;
    for (const auto& rule : rules()) rule->run(graph, out);
    for (auto& f : out)
        if (f.fingerprint.empty()) f.fingerprint = fingerprint(f);
    attach_about(graph, out);
    sort_findings(out);
    return out;
}

namespace {

// A graph element and the source lines its evidence covers.
struct Span {
    std::string key;
    std::string file;
    int line = 0, end_line = 0;
};

std::vector<Span> evidence_spans(const Graph& graph) {
    std::vector<Span> out;
    auto add = [&](const std::string& key, const std::vector<Evidence>& evidence) {
        for (const auto& ev : evidence)
            if (ev.line > 0) out.push_back({key, ev.file, ev.line, std::max(ev.end_line, ev.line)});
    };
    for (auto v : boost::make_iterator_range(boost::vertices(graph.g))) add(graph.g[v].key, graph.g[v].evidence);
    for (auto e : boost::make_iterator_range(boost::edges(graph.g))) add(graph.g[e].key, graph.g[e].evidence);
    return out;
}

}  // namespace

void attach_about(const Graph& graph, std::vector<Finding>& findings) {
    const std::vector<Span> spans = evidence_spans(graph);
    for (auto& f : findings) {
        std::set<std::string> about;
        for (const auto& s : f.subjects)  // a rule that names graph keys knows best
            if (graph.find(s) || graph.find_edge(s)) about.insert(s);
        // Else the most specific elements whose evidence covers each place the finding points
        // at: a flow's edge for a line of its 提供先 block rather than the file's whole block.
        for (const auto& loc : f.locations) {
            if (!about.empty()) break;
            if (loc.line <= 0) continue;
            int narrowest = INT_MAX;
            std::vector<const Span*> hits;
            for (const auto& s : spans) {
                if (s.file != loc.file || loc.line < s.line || loc.line > s.end_line) continue;
                const int width = s.end_line - s.line;
                if (width < narrowest) narrowest = width, hits.clear();
                if (width == narrowest) hits.push_back(&s);
            }
            for (const Span* s : hits) about.insert(s->key);
        }
        f.about.assign(about.begin(), about.end());
    }
}

void sort_findings(std::vector<Finding>& findings) {
    auto first = [](const Finding& f) {
        return f.locations.empty() ? std::make_pair(std::string(), 0)
                                   : std::make_pair(f.locations.front().file, f.locations.front().line);
    };
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
        return std::make_tuple(first(a), a.rule) < std::make_tuple(first(b), b.rule);
    });
}

namespace {

// The lines of a file read from disk, once (graphs built without the pipeline).
const std::vector<std::string>* file_lines(const std::string& file) {
    namespace fs = std::filesystem;
    static std::map<std::string, std::vector<std::string>> cache;  // file -> its decoded lines
    static std::mutex guard;  // batch checks organisations in parallel; map nodes never move
    const std::lock_guard<std::mutex> lock(guard);
    auto it = cache.find(file);
    if (it == cache.end()) {
        std::vector<std::string> lines;
        std::error_code ec;
        // A JSON model is not a document: its lines are not the document's lines. The text is
        // decoded the way extract decoded it (Shift_JIS, UTF-16 …), so line numbers agree.
        if (!file.empty() && fs::is_regular_file(file, ec) && fs::path(file).extension() != ".json") {
            try {
                Document doc = load_document(file);
                if (!is_json_model(doc.text)) lines = std::move(doc.lines);
            } catch (const InputError&) {
                // the file changed or vanished since it was read: cite without quoting
            }
        }
        it = cache.emplace(file, std::move(lines)).first;
    }
    return it->second.empty() ? nullptr : &it->second;
}

const std::vector<std::string>* lines_of(const SourceLines& lines, const std::string& file) {
    auto it = lines.find(file);
    if (it != lines.end()) return it->second.empty() ? nullptr : &it->second;
    return file_lines(file);
}

}  // namespace

const std::vector<std::string>* checks::source_text_lines(const Graph& graph, const std::string& file) {
    return lines_of(graph.source_lines, file);
}

void anchor_locations(std::vector<Finding>& findings, const SourceLines& source_lines) {
    std::map<std::string, std::vector<std::string>> keyed_lines;  // file -> match keys of its lines
    auto keys_of = [&](const std::string& file) -> const std::vector<std::string>* {
        auto it = keyed_lines.find(file);
        if (it == keyed_lines.end()) {
            std::vector<std::string> keys;
            if (const auto* lines = lines_of(source_lines, file))
                for (const auto& l : *lines) keys.push_back(text::match_key(l));
            it = keyed_lines.emplace(file, std::move(keys)).first;
        }
        return it->second.empty() ? nullptr : &it->second;
    };
    for (auto& f : findings)
        for (auto& l : f.locations) {
            if (l.line > 0 || l.quote.empty()) continue;
            const auto* lines = keys_of(l.file);
            if (!lines) continue;
            // A long quote is wrapped over lines: its opening words find it.
            std::u32string q = text::to_u32(text::match_key(l.quote));
            const std::string key = text::to_utf8(q.substr(0, 24));
            if (key.empty()) continue;
            for (size_t i = 0; i < lines->size(); ++i)
                if ((*lines)[i].find(key) != std::string::npos) {
                    l.line = l.end_line = static_cast<int>(i + 1);
                    break;
                }
        }
}

}  // namespace piagraph
