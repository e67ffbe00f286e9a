// Stage 6: diagrams. A view turns the graph (and the findings about it) into a Scene — nodes,
// edges and clusters with display roles — and an emitter writes the scene as DOT, SVG, PNG, PDF
// (Graphviz cgraph/gvc, in process), Mermaid or GraphML. Looks come from styles/*.json.
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "piagraph/checks.hpp"
#include "piagraph/diff.hpp"
#include "piagraph/error.hpp"
#include "piagraph/graph.hpp"
#include "piagraph/limits.hpp"

namespace piagraph {

enum class View { annex1, systems, flows, org };
enum class Format { svg, png, pdf, dot, mermaid, graphml };

std::optional<View> parse_view(std::string_view name);
std::optional<Format> parse_format(std::string_view name);
const char* view_name(View v);
const char* format_name(Format f);

// A style: Graphviz attributes per display role, plus fonts, wrapping and the legend texts.
// Styles are JSON files (styles/*.json, embedded at build time); a file given by path is laid
// over the default style, so it only needs the keys it changes.
struct Style {
    nlohmann::json data;
    std::string font() const;
    int font_size() const;
    int wrap_columns() const;  // display columns (a full-width character counts 2)
    int max_label_lines() const;
    // Graphviz attributes of a role in a section ("nodes", "edges", "clusters", "marks", "graph").
    std::map<std::string, std::string> attributes(const std::string& section, const std::string& role) const;
    // A text of the "text" or "legend" section; the key itself if absent.
    std::string text(const std::string& section, const std::string& key) const;
};

// Names of the embedded styles (default, mono, contrast).
std::vector<std::string> style_names();
// An embedded style by name, or a JSON file by path. Throws InputError.
Style load_style(const std::string& name_or_file);

struct SceneNode {
    std::string id;                 // generated ("n12"); never document text
    std::string label;              // plain text, may contain '\n' (line breaks are added by the emitter)
    std::string tooltip;            // plain text: evidence lines and legal basis
    std::string role;               // style role: business, system, standard_system, hub, file, party …
    std::string cluster;            // SceneCluster::id or ""
    std::string mark;               // "", or the severity of the worst finding about it
    std::vector<std::string> keys;  // graph keys it stands for
    bool wrap = true;               // wrap the label by display width
};

struct SceneEdge {
    std::string from, to;  // SceneNode ids
    std::string label;
    std::string tooltip;
    std::string role;  // style role: connects, one_sided, acquires, provides, no_basis …
    std::string mark;
    std::vector<std::string> keys;
    bool constraint = true;
    bool layout_only = false;  // an invisible edge that only orders the layout (Graphviz only)
    std::string css_class;     // SVG class of the drawn edge (the report highlights steps by it)
};

struct SceneCluster {
    std::string id;  // generated
    std::string label;
    std::string role;  // style role in "clusters"
    std::string parent;
};

// A 別添1 step and where the annex1 view draws it: the edge between the two nodes its text names.
struct StepPlacement {
    std::string label;  // 1-① as written; its place in the list when the document gives none
    std::string text;
    std::string from, to;   // SceneNode ids; both empty when the text does not name two ends
    std::string css_class;  // class of its edge in the SVG ("step-3"); "" when not drawn
    bool drawn() const { return !css_class.empty(); }
};

struct Scene {
    std::string title;
    std::vector<SceneCluster> clusters;
    std::vector<SceneNode> nodes;
    std::vector<SceneEdge> edges;
    std::vector<std::vector<std::string>> same_rank;  // node ids to keep on one rank (dot)
    std::set<std::string> legend;                     // legend entries the picture needs
    std::vector<StepPlacement> steps;                 // annex1: the 別添1 steps in order
};

struct SceneOptions {
    std::string assessment;  // annex1: only the assessment with this affair ("" for all)
    bool step_note = true;   // annex1: the step texts in a note in the picture (the report lists them beside it)
};

// Builds the scene of a view. Findings mark the nodes and edges named in their subjects.
Scene build_scene(const Graph& graph, const std::vector<Finding>& findings, View view, const Style& style,
                  const SceneOptions& options = {});

// The diff diagram: roles diff_added (green), diff_removed (red), diff_changed (amber) and
// diff_context (grey, unchanged connections), styled by styles/*.json like any other scene.
Scene diff_scene(const ModelDiff& diff, Lang lang);

// Adds a legend cluster with an entry for each of scene.legend that the picture draws (sample
// nodes and edges in the marked styles); entries without a legend text are left out.
void add_legend(Scene& scene, const Style& style);

// Line breaks by display width (a full-width character counts 2 columns); at most max_lines
// lines, the last one ending in "…" when text was cut.
std::string wrap_text(std::string_view text, int columns, int max_lines);

struct RenderResult {
    std::string bytes;
    std::string engine;                 // Graphviz layout engine used ("" for text formats)
    std::vector<std::string> warnings;  // fallbacks taken, Graphviz messages
    // Nodes not laid out: a scene over limits::kMaxLayoutNodes is drawn with its first nodes
    // (its title says so). 0 for the text formats, which keep every node.
    std::size_t omitted_nodes = 0;
};

// What one diagram's layout (Graphviz) may cost: the limits of piagraph/limits.hpp; tests lower them.
struct LayoutLimits {
    std::size_t max_nodes = limits::kMaxLayoutNodes;
    std::chrono::milliseconds time = std::chrono::seconds(limits::kLayoutSeconds);  // all attempts together
    std::size_t memory_bytes = limits::kLayoutMemoryBytes;  // the layout process's address space
};

// Writes a scene in a format. Graphviz failures (and a layout over its time or memory) become
// InputError naming `what`.
RenderResult emit_scene(const Scene& scene, Format format, const Style& style, const std::string& what,
                        const LayoutLimits& layout = {});

struct RenderOptions {
    View view = View::annex1;
    Format format = Format::svg;
    std::string style = "default";
    bool legend = true;
    SceneOptions scene;
    LayoutLimits layout;
};

// build_scene + add_legend + emit_scene.
RenderResult render(const Graph& graph, const std::vector<Finding>& findings, const RenderOptions& options,
                    const std::string& what);

// What fontconfig finds for a family: the matched family and file, and whether it covers
// Japanese (住, あ, ア). Used to warn when the CJK font is missing (labels would be boxes).
struct FontMatch {
    std::string requested;
    std::string family;
    std::string file;
    bool exact = false;  // the matched family is the requested one
    bool covers_japanese = false;
};
FontMatch match_font(const std::string& family);

}  // namespace piagraph
