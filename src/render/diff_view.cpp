// The diff diagram: the systems and parties that changes join, coloured by what happened to
// them, over the connections both editions share (grey).
#include <map>
#include <optional>

#include "piagraph/dictionary.hpp"
#include "piagraph/render.hpp"
#include "piagraph/text.hpp"

namespace piagraph {

Scene diff_scene(const ModelDiff& diff, Lang lang) {
    const bool ja = lang == Lang::ja;
    auto role = [](std::optional<DiffOp> op) -> std::string {
        return op ? std::string("diff_") + diff_op_name(*op) : std::string("diff_context");
    };
    auto priority = [](std::optional<DiffOp> op) { return !op ? 0 : *op == DiffOp::changed ? 1 : 2; };
    Scene scene;
    scene.title = ja ? "評価書の差分" : "differences between the editions";
    std::map<std::string, size_t> node_index;  // match key of the display name -> scene.nodes index
    std::map<size_t, std::optional<DiffOp>> node_ops;
    auto node = [&](const std::string& name) {
        const std::string label = Dictionary::get().display_name(name);
        const std::string key = text::match_key(label);
        if (auto it = node_index.find(key); it != node_index.end()) return it->second;
        SceneNode n;
        n.id = "n" + std::to_string(scene.nodes.size());
        n.label = label;
        n.tooltip = text::squeeze(name);
        scene.nodes.push_back(std::move(n));
        node_index[key] = scene.nodes.size() - 1;
        return scene.nodes.size() - 1;
    };
    std::map<std::pair<size_t, size_t>, size_t> edge_index;  // (from, to) -> scene.edges index
    std::map<size_t, std::optional<DiffOp>> edge_ops;
    auto edge = [&](size_t from, size_t to) {
        if (auto it = edge_index.find({from, to}); it != edge_index.end()) return it->second;
        SceneEdge e;
        e.from = scene.nodes[from].id;
        e.to = scene.nodes[to].id;
        scene.edges.push_back(std::move(e));
        edge_index[{from, to}] = scene.edges.size() - 1;
        return scene.edges.size() - 1;
    };
    for (const auto& d : diff.assessments) {
        for (const auto& item : d.items) {
            if (item.from.empty()) continue;
            const size_t from = node(item.from);
            const std::string what =
                diff_op_label(item.op).in(lang) + (item.op == DiffOp::changed ? ": " + item.field : std::string());
            if (item.to.empty()) {
                if (priority(item.op) > priority(node_ops[from])) node_ops[from] = item.op;
                scene.nodes[from].tooltip += "\n" + what;
                continue;
            }
            const size_t e = edge(from, node(item.to));
            if (priority(item.op) >= priority(edge_ops[e])) {
                edge_ops[e] = item.op;
                scene.edges[e].label = what;
            }
            scene.edges[e].tooltip += (scene.edges[e].tooltip.empty() ? "" : "\n") + item.subject + " — " + what;
        }
        for (const auto& [a, b] : d.context_edges) {
            const size_t from = node(a), to = node(b);
            if (!edge_index.count({from, to})) edge(from, to);
        }
    }
    for (size_t i = 0; i < scene.nodes.size(); ++i) scene.nodes[i].role = role(node_ops[i]);
    for (size_t i = 0; i < scene.edges.size(); ++i) scene.edges[i].role = role(edge_ops[i]);
    scene.legend = {"diff_added", "diff_removed", "diff_changed"};
    return scene;
}

}  // namespace piagraph
