#include "piagraph/pipeline.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "piagraph/error.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/io.hpp"
#include "piagraph/model_schema.hpp"

namespace piagraph {

namespace fs = std::filesystem;

namespace {

// A document is decoded once: its lines stay with the analysis for checks and quotes.
void load_one(const std::string& path, LoadedInputs& out) {
    const IngestOptions options;
    const std::string bytes = read_file_bytes(path, options.read_limit());
    Model model;
    if (!is_pdf(bytes) && is_json_model(bytes)) {
        // A model is text: the text's limit, not the PDF's that bytes were read under.
        if (bytes.size() > options.max_bytes) throw too_large_error(path, options.max_bytes);
        std::vector<InputError> warnings;
        model = parse_model_json(bytes, path, warnings);
        for (auto& w : warnings) out.warnings.push_back(std::move(w));
    } else {
        Document doc = decode_document(bytes, path, options);
        model = extract_document(doc);
        out.source_lines[path] = std::move(doc.lines);
    }
    for (auto& a : model.assessments) {
        if (a.source_file.empty()) a.source_file = path;
        out.assessments.push_back(std::move(a));
    }
}

bool is_input_file(const fs::path& p) {
    const std::string ext = p.extension().string();
    return ext == ".pdf" || ext == ".txt" || ext == ".md" || ext == ".json";
}

}  // namespace

LoadedInputs load_inputs(const std::vector<std::string>& paths) {
    LoadedInputs out;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!fs::is_directory(path, ec)) {
            load_one(path, out);
            continue;
        }
        std::vector<std::string> files;
        for (const auto& entry : fs::directory_iterator(path, ec))
            if (entry.is_regular_file() && is_input_file(entry.path())) files.push_back(entry.path().string());
        std::sort(files.begin(), files.end());
        if (files.empty())
            throw InputError(path, 0,
                             {"評価書（.pdf/.txt/.md）も JSON モデル（.json）もありません",
                              "no assessment (.pdf/.txt/.md) or JSON model (.json) in this directory"});
        for (const auto& f : files) load_one(f, out);
    }
    return out;
}

Analysis analyse(const std::vector<std::string>& paths, const AnalyseOptions& options) {
    return analyse(load_inputs(paths), paths.empty() ? "" : paths.front(), options);
}

Analysis analyse(LoadedInputs inputs, const std::string& where, const AnalyseOptions& options) {
    Analysis analysis;
    analysis.inputs = std::move(inputs);
    if (analysis.inputs.assessments.empty())
        throw InputError(where, 0, {"評価書が一つも見つかりません", "no assessment found in the input"});
    std::map<std::string, std::vector<Assessment>> by_organization;
    for (const auto& a : analysis.inputs.assessments) by_organization[a.organization].push_back(a);
    for (auto& [organization, assessments] : by_organization) {
        OrganisationAnalysis org;
        org.organization = organization;
        org.graph = build_graph(assessments);
        for (const auto& a : assessments)
            if (auto it = analysis.inputs.source_lines.find(a.source_file); it != analysis.inputs.source_lines.end())
                org.graph.source_lines.insert(*it);
        if (options.run_checks) {
            org.findings = run_checks(org.graph);
            anchor_locations(org.findings, org.graph.source_lines);
            analysis.findings.insert(analysis.findings.end(), org.findings.begin(), org.findings.end());
        }
        analysis.organisations.push_back(std::move(org));
    }
    sort_findings(analysis.findings);
    return analysis;
}

Graph whole_graph(const Analysis& analysis) {
    if (analysis.organisations.size() == 1) return analysis.organisations.front().graph;
    Graph graph = build_graph(analysis.inputs.assessments);
    graph.source_lines = analysis.inputs.source_lines;
    return graph;
}

}  // namespace piagraph
