// The report's diagrams (issue 14): one 別添1 per assessment with its steps beside it, and the
// systems map of the organisation.
#include "piagraph/render.hpp"
#include "piagraph/report.hpp"

namespace piagraph {
namespace {

// Renders a scene as SVG into a diagram; a layout failure is said in the note.
void draw(ReportDiagram& d, Scene scene, const Style& style, const std::string& what) {
    add_legend(scene, style);
    try {
        RenderResult r = emit_scene(scene, Format::svg, style, what);
        d.svg = std::move(r.bytes);
        for (const auto& w : r.warnings) d.note += (d.note.empty() ? "" : " ") + w;
    } catch (const InputError& e) {
        // A diagram Graphviz cannot lay out must not cost the reviewer the whole report.
        d.note = "図を作成できませんでした: " + e.format(Lang::ja);
    }
}

}  // namespace

std::vector<ReportDiagram> report_diagrams(const Graph& graph, const std::vector<Finding>& findings,
                                           const std::string& style_name, const std::string& what) {
    const Style style = load_style(style_name);
    std::vector<ReportDiagram> out;
    for (const Assessment& a : graph.assessments) {
        SceneOptions options;
        options.assessment = a.affair;
        options.step_note = false;
        Scene scene = build_scene(graph, findings, View::annex1, style, options);
        ReportDiagram d;
        d.title = style.text("text", "title_annex1") + " — " + a.affair;
        for (const StepPlacement& s : scene.steps) d.steps.push_back({s.label, s.text, s.css_class});
        draw(d, std::move(scene), style, what + " " + a.affair);
        out.push_back(std::move(d));
    }
    ReportDiagram systems;
    systems.title =
        style.text("text", "title_systems") + (graph.organization.empty() ? "" : " — " + graph.organization);
    draw(systems, build_scene(graph, findings, View::systems, style), style, what);
    out.push_back(std::move(systems));
    return out;
}

}  // namespace piagraph
