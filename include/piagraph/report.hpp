// Stage 7: the reviewer's report — one self-contained HTML page (inline CSS and SVG, a small
// optional inline script for sorting tables) that a review board reads from a USB stick or on
// A4 paper: overview, diagrams, a card per file, the findings with the lines they rest on, a
// form-aware outline and answers to the board's usual questions.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "piagraph/checks.hpp"
#include "piagraph/graph.hpp"
#include "piagraph/model.hpp"

namespace piagraph {

// The one escaping function for document text in HTML (text and attribute values).
std::string html_escape(std::string_view s);

// A 別添1 step listed beside its diagram (plain text); css_class names its edge in the SVG.
struct ReportStep {
    std::string label;
    std::string text;
    std::string css_class;  // "step-3"; "" when the step is not drawn (its text names no two ends)
};

// A diagram drawn by the render stage: its SVG is already escaped by render.
struct ReportDiagram {
    std::string title;
    std::string svg;                // "<svg …>…</svg>" (an XML prolog or DOCTYPE before it is dropped)
    std::string note;               // shown under the diagram (layout fallbacks, warnings)
    std::vector<ReportStep> steps;  // annex1: its steps, listed beside it
};

// The diagrams of one organisation for the report: a 別添1 per assessment (steps listed, not
// drawn as text), then the systems map. A diagram Graphviz cannot lay out becomes a note.
std::vector<ReportDiagram> report_diagrams(const Graph& graph, const std::vector<Finding>& findings,
                                           const std::string& style, const std::string& what);

struct ReportInput {
    std::vector<Assessment> assessments;
    std::vector<Finding> findings;
    std::vector<ReportDiagram> diagrams;
    // Said in place of the diagrams when none could be drawn (plain text).
    std::string diagrams_note;
    // Source documents by path, as decoded lines (0-based), for quoting the lines a finding rests on.
    std::map<std::string, std::vector<std::string>> source_lines;
    std::vector<std::string> inputs;  // the paths given, shown in the header
    Lang lang = Lang::ja;             // of the findings' messages (the page's own text is Japanese)
};

// Where a copy of the data is stored, classified from the 保管場所 text (data/dictionary.json
// report/storage_classes): inside the city hall, a data centre, the J-LIS platform, a cloud.
struct StoragePlace {
    std::string class_id;  // inside | data_centre | jlis_platform | cloud
    std::string label;     // e.g. "データセンター（庁外）"
    std::string excerpt;   // the part of the text that says so (a ＜…＞ block or a sentence)
};
std::vector<StoragePlace> classify_storage(const std::string& storage_text);

// The whole page.
std::string render_report_html(const ReportInput& input);

// The page's style sheet and script (styles/report.css, styles/report.js, embedded at build
// time), for other pages that look and sort the same way.
const char* report_style();
const char* report_script();

}  // namespace piagraph
