// Stage 5: the rules. One rule per file under src/checks/, each registered with a stable id,
// its kind (DESIGN.md §3), a severity, messages in Japanese and English and a short doc line.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "piagraph/error.hpp"
#include "piagraph/graph.hpp"

namespace piagraph {

enum class Severity { info, warning, error };
const char* severity_name(Severity s);

struct Location {
    std::string file;
    int line = 0;
    int end_line = 0;
    std::string note;  // what this location shows ("declaring end", "silent end" …)
};

struct Finding {
    std::string rule;  // stable id, e.g. PPC-T01
    std::string kind;  // DESIGN kind, e.g. one-sided-connection
    Severity severity = Severity::warning;
    Message message;
    std::vector<Location> locations;
    std::string assessment;             // affair
    std::vector<std::string> subjects;  // graph node/edge keys it is about (for drawing)
    std::string fingerprint;            // stable across runs, for baselines
};

struct RuleInfo {
    std::string id;
    std::string kind;
    Severity severity = Severity::warning;
    Message title;
    Message help;  // why it matters and how to fix it
};

class Rule {
public:
    virtual ~Rule() = default;
    virtual const RuleInfo& info() const = 0;
    virtual void run(const Graph& graph, std::vector<Finding>& out) const = 0;
};

// All registered rules, in id order.
const std::vector<std::unique_ptr<Rule>>& rules();

// Runs every rule over the graph; findings sorted by file, line, rule.
std::vector<Finding> run_checks(const Graph& graph);

}  // namespace piagraph
