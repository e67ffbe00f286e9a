// The work every command shares (GitHub issue 10): read the inputs (PDFs, texts, JSON models,
// directories of them), group the assessments by organisation, build each organisation's graph,
// run the checks on it, and keep the decoded lines of every document for quoting. check,
// render and report call analyse(), so they agree on the findings and their lines.
#pragma once

#include <string>
#include <vector>

#include "piagraph/checks.hpp"
#include "piagraph/error.hpp"
#include "piagraph/graph.hpp"
#include "piagraph/model.hpp"

namespace piagraph {

struct LoadedInputs {
    std::vector<Assessment> assessments;
    SourceLines source_lines;  // the decoded lines of each document read (not of JSON models)
    // What was read but deserves a word: keys of a JSON model that its schema does not know.
    std::vector<InputError> warnings;
};

// Reads every path: a PDF or a text is extracted, a JSON model parsed; a directory is read in
// name order (*.pdf, *.txt, *.md, *.json). Throws InputError for the first bad file.
LoadedInputs load_inputs(const std::vector<std::string>& paths);

struct OrganisationAnalysis {
    std::string organization;  // 評価実施機関名 ("" when no assessment named it)
    Graph graph;               // its assessments only: they share their systems
    std::vector<Finding> findings;
};

struct Analysis {
    LoadedInputs inputs;
    std::vector<OrganisationAnalysis> organisations;  // in name order
    std::vector<Finding> findings;                    // every organisation's, lines anchored
};

struct AnalyseOptions {
    bool run_checks = true;
};

// load_inputs, then one graph and one check run per organisation. Throws InputError when the
// inputs hold no assessment.
Analysis analyse(const std::vector<std::string>& paths, const AnalyseOptions& options = {});
// The same on inputs already read (batch reads each document on its own, to list a bad one
// without reading the others twice). `where` names the inputs in the error when none holds an
// assessment.
Analysis analyse(LoadedInputs inputs, const std::string& where, const AnalyseOptions& options = {});

// One graph of every assessment analysed (what render draws when the inputs span organisations).
Graph whole_graph(const Analysis& analysis);

}  // namespace piagraph
