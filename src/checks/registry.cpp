// The rule registry, the check run, fingerprints and the anchoring of line-less locations.
#include <algorithm>
#include <climits>
#include <filesystem>
#include <map>
#include <set>

#include "piagraph/error.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/text.hpp"
#include "rule_support.hpp"

namespace piagraph {

// One factory per rule file (PIAGRAPH_RULE); add a line here when adding a rule file.
namespace checks {
std::unique_ptr<Rule> make_rule_T01();
std::unique_ptr<Rule> make_rule_T02();
std::unique_ptr<Rule> make_rule_T03();
std::unique_ptr<Rule> make_rule_T06();
std::unique_ptr<Rule> make_rule_T07();
std::unique_ptr<Rule> make_rule_T09();
std::unique_ptr<Rule> make_rule_T11();
std::unique_ptr<Rule> make_rule_T12();
std::unique_ptr<Rule> make_rule_L01();
std::unique_ptr<Rule> make_rule_L03();
std::unique_ptr<Rule> make_rule_L04();
std::unique_ptr<Rule> make_rule_L05();
std::unique_ptr<Rule> make_rule_L06();
std::unique_ptr<Rule> make_rule_L07();
std::unique_ptr<Rule> make_rule_L08();
std::unique_ptr<Rule> make_rule_L09();
std::unique_ptr<Rule> make_rule_L14();
std::unique_ptr<Rule> make_rule_L15();
std::unique_ptr<Rule> make_rule_C01();
std::unique_ptr<Rule> make_rule_C02();
std::unique_ptr<Rule> make_rule_C03();
std::unique_ptr<Rule> make_rule_C04();
std::unique_ptr<Rule> make_rule_C05();
std::unique_ptr<Rule> make_rule_C09();
std::unique_ptr<Rule> make_rule_C10();
std::unique_ptr<Rule> make_rule_X01();
std::unique_ptr<Rule> make_rule_F02();
std::unique_ptr<Rule> make_rule_F06();
std::unique_ptr<Rule> make_rule_F08();
std::unique_ptr<Rule> make_rule_L10();
std::unique_ptr<Rule> make_rule_L11();
std::unique_ptr<Rule> make_rule_L12();
std::unique_ptr<Rule> make_rule_L13();
std::unique_ptr<Rule> make_rule_C06();
std::unique_ptr<Rule> make_rule_T04();
std::unique_ptr<Rule> make_rule_T05();
std::unique_ptr<Rule> make_rule_T13();
std::unique_ptr<Rule> make_rule_T14();
std::unique_ptr<Rule> make_rule_R01();
std::unique_ptr<Rule> make_rule_F05();
std::unique_ptr<Rule> make_rule_F07();
std::unique_ptr<Rule> make_rule_T10();
std::unique_ptr<Rule> make_rule_T08();
std::unique_ptr<Rule> make_rule_F04();
std::unique_ptr<Rule> make_rule_R02();
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
        for (auto make :
             {make_rule_T01, make_rule_T02, make_rule_T03, make_rule_T06, make_rule_T07, make_rule_T09, make_rule_T11,
              make_rule_T12, make_rule_L01, make_rule_L03, make_rule_L04, make_rule_L05, make_rule_L06, make_rule_L07,
              make_rule_L08, make_rule_L09, make_rule_L14, make_rule_L15, make_rule_C01, make_rule_C02, make_rule_C03,
              make_rule_C04, make_rule_C05, make_rule_C09, make_rule_C10, make_rule_X01, make_rule_F02, make_rule_F06,
              make_rule_F08, make_rule_L10, make_rule_L11, make_rule_L12, make_rule_L13, make_rule_C06, make_rule_T04,
              make_rule_T05, make_rule_T13, make_rule_T14, make_rule_R01, make_rule_F05, make_rule_F07, make_rule_T10,
              make_rule_T08, make_rule_F04, make_rule_R02})
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
