// Mermaid and GraphML writers, the names of views and formats, and emit_scene / render.
#include <functional>
#include <map>

#include "emit.hpp"
#include "escape.hpp"
#include "piagraph/render.hpp"

namespace piagraph {
namespace {

using render_detail::mermaid_text;
using render_detail::xml_text;

// Style values go into Mermaid's classDef syntax: keep only what a colour or width needs.
std::string css_value(const std::string& v) {
    std::string out;
    for (char ch : v)
        if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '#' || ch == '.') out += ch;
    return out;
}

bool has_word(const std::string& list, const std::string& word) { return list.find(word) != std::string::npos; }

std::string mermaid_css(const std::map<std::string, std::string>& attrs, bool edge) {
    std::vector<std::string> parts;
    auto get = [&attrs](const char* k) {
        auto it = attrs.find(k);
        return it == attrs.end() ? std::string() : css_value(it->second);
    };
    if (!edge && !get("fillcolor").empty()) parts.push_back("fill:" + get("fillcolor"));
    if (!get("color").empty()) parts.push_back("stroke:" + get("color"));
    if (!get("fontcolor").empty()) parts.push_back("color:" + get("fontcolor"));
    if (!get("penwidth").empty()) parts.push_back("stroke-width:" + get("penwidth") + "px");
    const std::string style = attrs.count("style") ? attrs.at("style") : "";
    if (has_word(style, "dashed")) parts.push_back("stroke-dasharray:6 3");
    if (has_word(style, "dotted")) parts.push_back("stroke-dasharray:2 2");
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ",") + p;
    return out;
}

std::string role_class(const std::string& role, const std::string& mark) {
    return mark.empty() ? "r_" + role : "r_" + role + "_" + mark;
}

std::map<std::string, std::string> marked(const Style& style, const std::string& section, const std::string& role,
                                          const std::string& mark) {
    auto attrs = style.attributes(section, role);
    if (!mark.empty())
        for (const auto& [k, v] : style.attributes("marks", mark))
            attrs[k] = k == "style" && !attrs[k].empty() ? attrs[k] + "," + v : v;
    return attrs;
}

// Mermaid 11 rejects an empty quoted label (legend1[""]: "Expecting 'TAGEND'"); a space is drawn
// the same.
std::string mermaid_label(std::string_view label) {
    const std::string text = mermaid_text(label);
    return text.empty() ? " " : text;
}

}  // namespace

namespace render_detail {

std::string emit_mermaid(const Scene& scene, const Style& style) {
    const int columns = style.wrap_columns(), max_lines = style.max_label_lines();
    std::string out = "%% piagraph: " + mermaid_text(scene.title) + "\n";
    out += "flowchart LR\n";
    std::map<std::string, std::vector<const SceneNode*>> by_cluster;
    for (const SceneNode& n : scene.nodes) by_cluster[n.cluster].push_back(&n);
    std::map<std::string, std::vector<const SceneCluster*>> children;
    for (const SceneCluster& cl : scene.clusters) children[cl.parent].push_back(&cl);
    auto node_line = [&](const SceneNode& n, const std::string& indent) {
        const std::string label = n.wrap ? wrap_text(n.label, columns, max_lines) : n.label;
        return indent + n.id + "[\"" + mermaid_label(label) + "\"]\n";
    };
    std::function<void(const std::string&, const std::string&)> write_cluster = [&](const std::string& id,
                                                                                    const std::string& indent) {
        for (const SceneCluster* child : children[id]) {
            out += indent + "subgraph " + child->id + "[\"" + mermaid_label(child->label) + "\"]\n";
            write_cluster(child->id, indent + "  ");
            out += indent + "end\n";
        }
        for (const SceneNode* n : by_cluster[id]) out += node_line(*n, indent);
    };
    write_cluster("", "  ");
    // Nodes in a cluster id that does not exist still have to appear.
    std::set<std::string> known{""};
    for (const SceneCluster& cl : scene.clusters) known.insert(cl.id);
    for (const auto& [cluster, nodes] : by_cluster)
        if (!known.count(cluster))
            for (const SceneNode* n : nodes) out += node_line(*n, "  ");

    std::set<std::string> ids;
    for (const SceneNode& n : scene.nodes) ids.insert(n.id);
    std::vector<std::string> link_styles;
    int index = 0;
    for (const SceneEdge& e : scene.edges) {
        if (!ids.count(e.from) || !ids.count(e.to) || e.layout_only) continue;
        const auto attrs = marked(style, "edges", e.role, e.mark);
        const std::string line_style = attrs.count("style") ? attrs.at("style") : "";
        const char* arrow = has_word(line_style, "dashed") || has_word(line_style, "dotted") ? "-.->"
                            : has_word(line_style, "bold")                                   ? "==>"
                                                                                             : "-->";
        out += "  " + e.from + " " + arrow;
        if (!e.label.empty()) out += "|\"" + mermaid_text(wrap_text(e.label, columns, max_lines)) + "\"|";
        out += " " + e.to + "\n";
        const std::string css = mermaid_css(attrs, true);
        if (!css.empty()) link_styles.push_back("  linkStyle " + std::to_string(index) + " " + css + "\n");
        ++index;
    }
    for (const auto& l : link_styles) out += l;
    std::set<std::string> defined;
    for (const SceneNode& n : scene.nodes) {
        const std::string cls = role_class(n.role, n.mark);
        if (defined.insert(cls).second) {
            const std::string css = mermaid_css(marked(style, "nodes", n.role, n.mark), false);
            if (!css.empty()) out += "  classDef " + cls + " " + css + "\n";
        }
        out += "  class " + n.id + " " + cls + "\n";
    }
    return out;
}

std::string emit_graphml(const Scene& scene) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"role\" for=\"node\" attr.name=\"role\" attr.type=\"string\"/>\n"
        "  <key id=\"cluster\" for=\"node\" attr.name=\"cluster\" attr.type=\"string\"/>\n"
        "  <key id=\"tooltip\" for=\"node\" attr.name=\"tooltip\" attr.type=\"string\"/>\n"
        "  <key id=\"mark\" for=\"node\" attr.name=\"finding\" attr.type=\"string\"/>\n"
        "  <key id=\"keys\" for=\"node\" attr.name=\"graph_keys\" attr.type=\"string\"/>\n"
        "  <key id=\"elabel\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"erole\" for=\"edge\" attr.name=\"role\" attr.type=\"string\"/>\n"
        "  <key id=\"etooltip\" for=\"edge\" attr.name=\"tooltip\" attr.type=\"string\"/>\n"
        "  <key id=\"emark\" for=\"edge\" attr.name=\"finding\" attr.type=\"string\"/>\n"
        "  <graph id=\"piagraph\" edgedefault=\"directed\">\n";
    std::map<std::string, std::string> cluster_labels;
    for (const SceneCluster& cl : scene.clusters) cluster_labels[cl.id] = cl.label;
    auto data = [](const char* key, const std::string& value) {
        return value.empty() ? std::string()
                             : "      <data key=\"" + std::string(key) + "\">" + xml_text(value) + "</data>\n";
    };
    auto joined = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : "\n") + x;
        return s;
    };
    std::set<std::string> ids;
    for (const SceneNode& n : scene.nodes) {
        ids.insert(n.id);
        out += "    <node id=\"" + xml_text(n.id) + "\">\n";
        out += data("label", n.label) + data("role", n.role) + data("cluster", cluster_labels[n.cluster]) +
               data("tooltip", n.tooltip) + data("mark", n.mark) + data("keys", joined(n.keys));
        out += "    </node>\n";
    }
    int index = 0;
    for (const SceneEdge& e : scene.edges) {
        if (!ids.count(e.from) || !ids.count(e.to) || e.layout_only) continue;
        out += "    <edge id=\"e" + std::to_string(index++) + "\" source=\"" + xml_text(e.from) + "\" target=\"" +
               xml_text(e.to) + "\">\n";
        out += data("elabel", e.label) + data("erole", e.role) + data("etooltip", e.tooltip) + data("emark", e.mark);
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

}  // namespace render_detail

std::optional<View> parse_view(std::string_view name) {
    for (View v : {View::annex1, View::systems, View::flows, View::org})
        if (name == view_name(v)) return v;
    return std::nullopt;
}

std::optional<Format> parse_format(std::string_view name) {
    for (Format f : {Format::svg, Format::png, Format::pdf, Format::dot, Format::mermaid, Format::graphml})
        if (name == format_name(f)) return f;
    if (name == "gv") return Format::dot;
    if (name == "mmd") return Format::mermaid;
    return std::nullopt;
}

const char* view_name(View v) {
    switch (v) {
        case View::annex1:
            return "annex1";
        case View::systems:
            return "systems";
        case View::flows:
            return "flows";
        case View::org:
            return "org";
    }
    return "?";
}

const char* format_name(Format f) {
    switch (f) {
        case Format::svg:
            return "svg";
        case Format::png:
            return "png";
        case Format::pdf:
            return "pdf";
        case Format::dot:
            return "dot";
        case Format::mermaid:
            return "mermaid";
        case Format::graphml:
            return "graphml";
    }
    return "?";
}

RenderResult emit_scene(const Scene& scene, Format format, const Style& style, const std::string& what,
                        const LayoutLimits& layout) {
    if (format == Format::mermaid) return RenderResult{render_detail::emit_mermaid(scene, style), "", {}, 0};
    if (format == Format::graphml) return RenderResult{render_detail::emit_graphml(scene), "", {}, 0};
    return render_detail::emit_graphviz(scene, format, style, what, layout);
}

RenderResult render(const Graph& graph, const std::vector<Finding>& findings, const RenderOptions& options,
                    const std::string& what) {
    const Style style = load_style(options.style);
    Scene scene = build_scene(graph, findings, options.view, style, options.scene);
    // GraphML is data for other tools: no legend nodes mixed into it.
    if (options.legend && options.format != Format::graphml) add_legend(scene, style);
    return emit_scene(scene, options.format, style, what, options.layout);
}

}  // namespace piagraph
