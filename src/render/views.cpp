// The four views (DESIGN.md §3 Views): which nodes and edges of the graph each one shows, in
// which cluster, with which display role; findings mark what they are about.
#include <algorithm>
#include <map>
#include <set>

#include "piagraph/dictionary.hpp"
#include "piagraph/render.hpp"
#include "piagraph/text.hpp"
#include "steps.hpp"

namespace piagraph {
namespace {

// Standard systems as landmarks of the systems view: one rank per group, left to right, from
// the resident register to the national network (ids of data/dictionary.json).
const std::vector<std::vector<std::string>> kLandmarkRanks = {
    {"kizon_juki", "juki_net", "koseki"},
    {"chonai_renkei", "togo_atena", "atena", "zeimu"},
    {"chukan_server", "hoken_chukan"},
    {"nws"},
};

constexpr size_t kMaxTooltipEvidence = 8;
constexpr size_t kMaxTooltipChars = 600;

int severity_rank(const std::string& s) { return s == "error" ? 3 : s == "warning" ? 2 : s == "info" ? 1 : 0; }

using text::join;
using text::shorten;

// Findings by the graph key they are about.
struct FindingIndex {
    std::map<std::string, std::vector<const Finding*>> by_key;
    explicit FindingIndex(const std::vector<Finding>& findings) {
        for (const Finding& f : findings)
            for (const auto& key : f.about) by_key[key].push_back(&f);
    }
    // Worst severity and the messages of the findings about any of the keys.
    std::pair<std::string, std::vector<std::string>> about(const std::vector<std::string>& keys) const {
        std::string worst;
        std::vector<std::string> messages;
        std::set<const Finding*> seen;
        for (const auto& key : keys) {
            auto it = by_key.find(key);
            if (it == by_key.end()) continue;
            for (const Finding* f : it->second) {
                if (!seen.insert(f).second) continue;
                const std::string sev = severity_name(f->severity);
                if (severity_rank(sev) > severity_rank(worst)) worst = sev;
                messages.push_back("[" + f->rule + "] " + f->message.ja);
            }
        }
        return {worst, messages};
    }
};

class SceneBuilder {
public:
    SceneBuilder(const Graph& graph, const std::vector<Finding>& findings, const Style& style)
        : graph_(graph), g_(graph.g), findings_(findings), style_(style), index_(findings) {}

    Scene scene;

    std::string cluster(const std::string& label, const std::string& role, const std::string& parent = "") {
        const std::string id = "c" + std::to_string(scene.clusters.size());
        scene.clusters.push_back(SceneCluster{id, label, role, parent});
        return id;
    }

    // The scene node of a graph vertex; `copy` makes separate nodes of one vertex (per file in
    // the flows view).
    std::string node(Vertex v, const std::string& cluster_id, const std::string& copy = "") {
        const auto slot = std::make_pair(v, copy);
        if (auto it = ids_.find(slot); it != ids_.end()) return it->second;
        const NodeProps& n = g_[v];
        SceneNode sn;
        sn.id = "n" + std::to_string(scene.nodes.size());
        sn.label = n.label;
        sn.role = role_of(v);
        sn.cluster = cluster_id;
        sn.keys = {n.key};
        auto [mark, messages] = index_.about(sn.keys);
        sn.mark = mark;
        sn.tooltip = node_tooltip(n, messages);
        if (!mark.empty()) scene.legend.insert(mark);
        if (sn.role == "hub" || sn.role == "standard_system") scene.legend.insert(sn.role);
        ids_[slot] = sn.id;
        vertex_of_[sn.id] = v;
        scene.nodes.push_back(std::move(sn));
        return scene.nodes.back().id;
    }

    std::string note(const std::string& label, const std::string& cluster_id) {
        SceneNode sn;
        sn.id = "n" + std::to_string(scene.nodes.size());
        sn.label = label;
        sn.tooltip = label;
        sn.role = "note";
        sn.cluster = cluster_id;
        sn.wrap = false;
        scene.nodes.push_back(sn);
        return sn.id;
    }

    // A scene edge for a graph edge; role from its kind unless given.
    SceneEdge& edge(const std::string& from, const std::string& to, Edge e, std::string role = "") {
        const EdgeProps& p = g_[e];
        SceneEdge se;
        se.from = from;
        se.to = to;
        se.keys = {p.key};
        se.role = role.empty() ? role_of(e) : role;
        se.label = edge_label(p);
        auto [mark, messages] = index_.about(se.keys);
        se.mark = mark;
        se.tooltip = edge_tooltip(e, messages);
        if (!mark.empty()) scene.legend.insert(mark);
        if (se.role == "one_sided" || se.role == "no_basis" || se.role == "entrusts") scene.legend.insert(se.role);
        scene.edges.push_back(std::move(se));
        return scene.edges.back();
    }

    // An edge drawn for structure (a relay hop, a department's files): no graph edge behind it.
    SceneEdge& plain_edge(const std::string& from, const std::string& to, const std::string& role) {
        for (SceneEdge& e : scene.edges)
            if (e.from == from && e.to == to && e.role == role && e.keys.empty()) return e;
        SceneEdge se;
        se.from = from;
        se.to = to;
        se.role = role;
        if (role == "via") scene.legend.insert("via");
        scene.edges.push_back(std::move(se));
        return scene.edges.back();
    }

    std::optional<Vertex> vertex_of(const std::string& id) const {
        auto it = vertex_of_.find(id);
        return it == vertex_of_.end() ? std::nullopt : std::optional<Vertex>(it->second);
    }
    bool has(Vertex v, const std::string& copy = "") const { return ids_.count({v, copy}) > 0; }
    std::string id(Vertex v, const std::string& copy = "") const {
        auto it = ids_.find({v, copy});
        return it == ids_.end() ? std::string() : it->second;
    }

    std::string role_of(Vertex v) const {
        const NodeProps& n = g_[v];
        switch (n.kind) {
            case NodeKind::business:
                return "business";
            case NodeKind::department:
                return "department";
            case NodeKind::file:
                return "file";
            case NodeKind::contractor:
                return "contractor";
            case NodeKind::storage:
                return "storage";
            case NodeKind::party:
                return is_self(n) ? "resident" : "party";
            case NodeKind::system: {
                const StandardSystem* s = Dictionary::get().system_by_id(n.canonical_id);
                if ((s && s->hub) || users(v) >= 2) return "hub";
                return n.standard ? "standard_system" : "system";
            }
        }
        return "default";
    }

    // How many businesses use a system.
    size_t users(Vertex v) const {
        size_t count = 0;
        for (auto e : boost::make_iterator_range(boost::in_edges(v, g_)))
            if (g_[e].kind == EdgeKind::uses && g_[boost::source(e, g_)].kind == NodeKind::business) ++count;
        return count;
    }

    bool is_self(const NodeProps& n) const {
        const auto& kinds = Dictionary::get().options("source_kinds");
        return !kinds.empty() && text::starts_with(text::match_key(n.label), text::match_key(kinds.front()));
    }

    bool is_flow(EdgeKind k) const { return k == EdgeKind::provides || k == EdgeKind::transfers; }

    std::string role_of(Edge e) const {
        const EdgeProps& p = g_[e];
        if (is_flow(p.kind) && text::trim(p.basis).empty()) return "no_basis";
        if (p.kind == EdgeKind::connects) {
            // One-sided only where the silent end is described (its I-2 could have said so).
            const NodeProps& a = g_[boost::source(e, g_)];
            const NodeProps& b = g_[boost::target(e, g_)];
            const bool both_described = !a.described_in.empty() && !b.described_in.empty();
            if (both_described && !(p.declared_by_source && p.declared_by_target)) return "one_sided";
        }
        return edge_kind_name(p.kind);
    }

    std::string edge_label(const EdgeProps& p) const {
        std::vector<std::string> parts;
        if (!p.steps.empty()) parts.push_back("[" + join(p.steps, ", ") + "]");
        if (p.kind == EdgeKind::connects) return join(parts, " ");
        if (p.kind == EdgeKind::entrusts || p.kind == EdgeKind::resubcontracts) {
            parts.push_back(style_.text("text", edge_kind_name(p.kind)) + (p.label.empty() ? "" : ": " + p.label));
            return join(parts, " ");
        }
        if (!p.methods.empty())
            parts.push_back(join(p.methods, "・"));
        else if (!p.label.empty() && p.kind != EdgeKind::stores && p.kind != EdgeKind::uses)
            parts.push_back(p.label);
        if (is_flow(p.kind))
            parts.push_back(text::trim(p.basis).empty() ? style_.text("text", "no_basis")
                                                        : style_.text("text", "basis") + ": " + shorten(p.basis, 40));
        return join(parts, " / ");
    }

    std::string evidence_lines(const std::vector<Evidence>& evidence) const {
        std::string out;
        size_t shown = 0;
        for (const Evidence& ev : evidence) {
            if (shown++ == kMaxTooltipEvidence) {
                out += "\n…";
                break;
            }
            std::string where = ev.file;
            if (ev.line > 0) where += ":" + std::to_string(ev.line);
            if (ev.end_line > ev.line) where += "-" + std::to_string(ev.end_line);
            if (ev.page > 0) where += " (p." + std::to_string(ev.page) + ")";
            out += "\n" + style_.text("text", "source_line") + " " + where + ": " + shorten(ev.quote, 120);
        }
        return out;
    }

    std::string node_tooltip(const NodeProps& n, const std::vector<std::string>& messages) const {
        std::string t = n.label;
        if (!n.assessments.empty())
            t += "\n" + join(std::vector<std::string>(n.assessments.begin(), n.assessments.end()), "、");
        if (!n.detail.empty()) t += "\n" + shorten(n.detail, 200);
        t += evidence_lines(n.evidence);
        for (const auto& m : messages) t += "\n" + style_.text("text", "finding") + ": " + m;
        return shorten(t, kMaxTooltipChars);
    }

    std::string edge_tooltip(Edge e, const std::vector<std::string>& messages) const {
        const EdgeProps& p = g_[e];
        std::string t = g_[boost::source(e, g_)].label + " → " + g_[boost::target(e, g_)].label;
        if (!p.methods.empty()) t += "\n" + style_.text("text", "method") + ": " + join(p.methods, "、");
        if (is_flow(p.kind))
            t += "\n" + style_.text("text", "basis") + ": " +
                 (text::trim(p.basis).empty() ? style_.text("text", "no_basis") : shorten(p.basis, 300));
        if (p.kind == EdgeKind::connects)
            t += "\n" + style_.text("text", "declared_by") + ": " +
                 style_.text("text", p.declared_by_source && p.declared_by_target ? "both_ends" : "one_end");
        if (!p.steps.empty()) t += "\n" + style_.text("text", "steps_on_edges") + ": " + join(p.steps, ", ");
        t += evidence_lines(p.evidence);
        for (const auto& m : messages) t += "\n" + style_.text("text", "finding") + ": " + m;
        return shorten(t, kMaxTooltipChars);
    }

    const Graph& graph_;
    const GraphBase& g_;
    const std::vector<Finding>& findings_;
    const Style& style_;

private:
    FindingIndex index_;
    std::map<std::pair<Vertex, std::string>, std::string> ids_;
    std::map<std::string, Vertex> vertex_of_;
};

std::string title_of(const Graph& graph, const Style& style, View view) {
    std::string t = style.text("text", std::string("title_") + view_name(view));
    if (!graph.organization.empty()) t = graph.organization + " " + t;
    return t;
}

template <typename F>
void for_out_edges(const GraphBase& g, Vertex v, F f) {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) f(e);
}
template <typename F>
void for_in_edges(const GraphBase& g, Vertex v, F f) {
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) f(e);
}

// Graph vertices of one kind in graph order.
std::vector<Vertex> vertices_of(const GraphBase& g, NodeKind kind) {
    std::vector<Vertex> out;
    for (auto v : boost::make_iterator_range(boost::vertices(g)))
        if (g[v].kind == kind) out.push_back(v);
    return out;
}

// ---- annex1 -------------------------------------------------------------------------------

// Match keys by which a 別添1 step can mention a node.
std::vector<std::string> mention_keys(const SceneBuilder& b, Vertex v) {
    const NodeProps& n = b.g_[v];
    const Dictionary& dict = Dictionary::get();
    std::set<std::string> keys;
    auto add = [&keys](const std::string& s) {
        std::string k = text::match_key(s);
        if (text::length(k) >= 2) keys.insert(k);
    };
    auto add_name = [&](const std::string& name) {
        const std::string normalized = normalize_system_name(name);
        add(normalized);
        // Bracketed parts of a party label name it too: その他（地方公共団体情報システム機構（機構））.
        std::string piece;
        for (char32_t c : text::to_u32(text::nfkc(name))) {
            if (c == U'(' || c == U')') {
                add(piece);
                piece.clear();
            } else {
                piece += text::to_utf8(c);
            }
        }
        add(piece);
        static const std::vector<std::string> endings = [&dict] {
            std::vector<std::string> out;
            for (const auto& ending : dict.list("/render/name_endings")) out.push_back(text::match_key(ending));
            return out;
        }();
        const std::string k = text::match_key(normalized);
        for (const auto& e : endings)
            if (text::ends_with(k, e) && k.size() > e.size()) add(k.substr(0, k.size() - e.size()));
    };
    add_name(n.label);
    for (const auto& name : n.names) add_name(name);
    // A 課 is named by its last unit too: 市民生活部市民課 as 市民課.
    if (n.kind == NodeKind::department || n.kind == NodeKind::party) {
        const std::u32string label = text::to_u32(normalize_system_name(n.label));
        for (const auto& unit : dict.list("/render/department_units/after")) {
            const std::u32string u = text::to_u32(unit);
            const size_t at = label.rfind(u);
            if (at != std::u32string::npos) add(text::to_utf8(label.substr(at + u.size())));
        }
    }
    if (const StandardSystem* s = dict.system_by_id(n.canonical_id))
        for (const auto& alias : s->aliases) add(alias);
    if (n.kind == NodeKind::party && b.role_of(v) == "resident")
        for (const auto& w : dict.list("/render/self_words")) add(w);
    if (n.kind == NodeKind::contractor)
        for (const auto& w : dict.list("/render/contractor_words")) add(w);
    return {keys.begin(), keys.end()};
}

// The standard system a method names ("情報提供ネットワークシステム", "その他(住基ネット)").
const StandardSystem* method_system(const std::string& method) {
    std::string m = text::nfkc(method);
    if (const size_t open = m.find('('); open != std::string::npos && m.back() == ')')
        if (const StandardSystem* inner = resolve_standard_system(m.substr(open + 1, m.size() - open - 2)))
            return inner;
    return resolve_standard_system(m);
}

// The lanes of a 別添1 as reviewers draw them (issue 14): sources on the left, the organisation
// in the centre grouped by 課, the bodies receiving 提供 on the right, contractors below. Each
// lane is one column of the layout, so the picture stays four ranks wide however many steps.
struct Annex1Lanes {
    std::string sources, body, unit, contractors, recipients;  // cluster ids
    std::vector<std::vector<std::string>> columns{
        4};  // node ids: sources | 課, systems | files, 課, contractors | recipients
};

bool listed(const std::string& key, const char* pointer) {
    const auto words = Dictionary::get().list(pointer);
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return !w.empty() && text::starts_with(key, text::match_key(w)); });
}

// The node of a vertex in a lane (the first lane that placed it keeps it).
std::string place(SceneBuilder& b, Annex1Lanes& lanes, Vertex v, const std::string& cluster, size_t column) {
    if (b.has(v)) return b.id(v);
    const std::string id = b.node(v, cluster);
    lanes.columns[column].push_back(id);
    return id;
}

// A system outside the organisation (情報提供NWS, 住基ネット) stands with the recipients.
std::string place_system(SceneBuilder& b, Annex1Lanes& lanes, Vertex s) {
    const auto outside = Dictionary::get().list("/render/outside_systems");
    const bool out = std::find(outside.begin(), outside.end(), b.g_[s].canonical_id) != outside.end();
    return out ? place(b, lanes, s, lanes.recipients, 3) : place(b, lanes, s, lanes.unit, 1);
}

// A 提供/移転: through the system its method names (情報提供NWS, 庁内連携) and the relay in
// front of it (中間サーバー), to another 課 (移転, centre) or another body (提供, right).
void annex1_flow(SceneBuilder& b, Annex1Lanes& lanes, const std::string& file_id, Edge e) {
    const GraphBase& g = b.g_;
    const EdgeProps& p = g[e];
    std::vector<std::string> hops;
    for (const auto& m : p.methods) {
        const StandardSystem* sys = method_system(m);
        const Vertex* via = sys ? b.graph_.find("system:" + sys->id) : nullptr;
        if (!via) continue;
        const auto& relay = Dictionary::get().raw().at("render").at("relay_before");
        if (relay.contains(sys->id))
            if (const Vertex* r = b.graph_.find("system:" + relay[sys->id].get<std::string>()))
                hops.push_back(place_system(b, lanes, *r));
        hops.push_back(place_system(b, lanes, *via));
        break;
    }
    std::string from = file_id;
    for (const auto& hop : hops) {
        if (hop != from) b.plain_edge(from, hop, "via").constraint = false;
        from = hop;
    }
    const Vertex to = boost::target(e, g);
    const std::string target =
        p.kind == EdgeKind::transfers ? place(b, lanes, to, lanes.body, 2) : place(b, lanes, to, lanes.recipients, 3);
    SceneEdge& se = b.edge(from, target, e);
    se.constraint = false;
    se.label.clear();  // the reviewer reads the step numbers; method and basis are in the tooltip
}

// A file with where it comes from, where it goes and who processes it.
void annex1_file(SceneBuilder& b, Annex1Lanes& lanes, Vertex f) {
    const GraphBase& g = b.g_;
    const std::string file_id = place(b, lanes, f, lanes.unit, 2);
    for_in_edges(g, f, [&](Edge e) {
        if (g[e].kind != EdgeKind::acquires) return;
        const Vertex from = boost::source(e, g);
        const bool inside = listed(text::match_key(g[from].label), "/render/inside_source_kinds");
        const std::string id = inside ? place(b, lanes, from, lanes.body, 1) : place(b, lanes, from, lanes.sources, 0);
        SceneEdge& se = b.edge(id, file_id, e);
        se.constraint = false;
        se.label.clear();
    });
    for_out_edges(g, f, [&](Edge e) {
        const Vertex to = boost::target(e, g);
        const EdgeProps& p = g[e];
        if (p.kind == EdgeKind::entrusts || p.kind == EdgeKind::stores) {
            const std::string& lane = p.kind == EdgeKind::entrusts ? lanes.contractors : lanes.body;
            SceneEdge& se = b.edge(file_id, place(b, lanes, to, lane, 2), e);
            se.constraint = false;
            se.label.clear();
            for_out_edges(g, to, [&](Edge r) {
                if (g[r].kind != EdgeKind::resubcontracts) return;
                SceneEdge& re = b.edge(b.id(to), place(b, lanes, boost::target(r, g), lanes.contractors, 2), r);
                re.constraint = false;
            });
            return;
        }
        if (b.is_flow(p.kind)) annex1_flow(b, lanes, file_id, e);
    });
}

// One business: its 課 (the subject of its steps), systems and files. Returns the 課's node id.
std::string annex1_business(SceneBuilder& b, Annex1Lanes& lanes, Vertex business) {
    const GraphBase& g = b.g_;
    std::vector<Vertex> departments, systems, files;
    for_in_edges(g, business, [&](Edge e) {
        if (g[boost::source(e, g)].kind == NodeKind::department) departments.push_back(boost::source(e, g));
    });
    for_out_edges(g, business, [&](Edge e) {
        const Vertex t = boost::target(e, g);
        if (g[e].kind != EdgeKind::uses) return;
        if (g[t].kind == NodeKind::system) systems.push_back(t);
        if (g[t].kind == NodeKind::file) files.push_back(t);
    });
    std::string unit_label = g[business].label;
    if (!departments.empty()) unit_label = g[departments.front()].label + "（" + unit_label + "）";
    lanes.unit = b.cluster(unit_label, "unit", lanes.body);
    std::string subject;
    for (Vertex d : departments) {
        const std::string id = place(b, lanes, d, lanes.unit, 1);
        if (subject.empty()) subject = id;
    }
    for (Vertex s : systems) place_system(b, lanes, s);
    for (Vertex f : files) annex1_file(b, lanes, f);
    return subject;
}

// Each step whose text names two ends becomes a numbered edge between them; the others are
// listed only (Scene::steps).
void draw_steps(SceneBuilder& b, const std::vector<Step>& steps, const std::string& subject) {
    std::vector<render_detail::StepCandidate> candidates;
    for (const SceneNode& n : b.scene.nodes)
        if (auto v = b.vertex_of(n.id)) candidates.push_back({n.id, mention_keys(b, *v)});
    for (const Step& step : steps) {
        StepPlacement placed;
        placed.label = text::trim(step.label).empty() ? std::to_string(b.scene.steps.size() + 1) : step.label;
        placed.text = step.text;
        std::tie(placed.from, placed.to) = render_detail::step_ends(step.text, candidates, subject);
        if (!placed.from.empty()) {
            placed.css_class = "step-" + std::to_string(b.scene.steps.size());
            SceneEdge se;
            se.from = placed.from;
            se.to = placed.to;
            se.role = "step";
            se.label = placed.label;
            se.tooltip = placed.label + " " + shorten(step.text, 300);
            se.css_class = "step " + placed.css_class;
            se.constraint = false;
            b.scene.edges.push_back(std::move(se));
            b.scene.legend.insert("step");
        }
        b.scene.steps.push_back(std::move(placed));
    }
}

// The columns as ranks: each column one rank, chained left to right by invisible edges.
void order_columns(SceneBuilder& b, const Annex1Lanes& lanes) {
    std::string previous;
    for (const auto& column : lanes.columns) {
        if (column.empty()) continue;
        if (column.size() > 1) b.scene.same_rank.push_back(column);
        if (!previous.empty()) b.plain_edge(previous, column.front(), "order").layout_only = true;
        previous = column.front();
    }
}

void annex1(SceneBuilder& b, const SceneOptions& options) {
    const Style& style = b.style_;
    Annex1Lanes lanes;
    lanes.sources = b.cluster(style.text("text", "sources"), "sources");
    lanes.body = b.cluster(b.graph_.organization, "body");
    lanes.contractors = b.cluster(style.text("text", "contractors"), "contractors");
    lanes.recipients = b.cluster(style.text("text", "recipients"), "recipients");
    // By business vertex (a graph built by hand has no assessments), with the steps of its assessment.
    for (Vertex business : vertices_of(b.g_, NodeKind::business)) {
        const std::string& key = b.g_[business].key;
        if (!options.assessment.empty() && key != "business:" + text::match_key(options.assessment)) continue;
        const std::string subject = annex1_business(b, lanes, business);
        for (const Assessment& a : b.graph_.assessments)
            if (key == "business:" + text::match_key(a.affair)) draw_steps(b, a.attachment1_steps, subject);
    }
    order_columns(b, lanes);
    if (options.step_note && !b.scene.steps.empty()) {
        std::string text = style.text("text", "steps");
        for (const StepPlacement& s : b.scene.steps)
            text += "\n" + s.label + " " + wrap_text(s.text, style.wrap_columns() * 2, 3);
        b.note(text, "");
    }
}

// ---- systems ------------------------------------------------------------------------------

void systems(SceneBuilder& b) {
    const GraphBase& g = b.g_;
    std::map<std::string, size_t> rank_of;
    for (size_t r = 0; r < kLandmarkRanks.size(); ++r)
        for (const auto& id : kLandmarkRanks[r]) rank_of[id] = r;
    std::vector<std::vector<std::string>> ranks(kLandmarkRanks.size());
    for (Vertex v : vertices_of(g, NodeKind::system)) {
        const std::string id = b.node(v, "");
        if (auto it = rank_of.find(g[v].canonical_id); it != rank_of.end()) ranks[it->second].push_back(id);
    }
    for (auto e : boost::make_iterator_range(boost::edges(g)))
        if (g[e].kind == EdgeKind::connects) b.edge(b.id(boost::source(e, g)), b.id(boost::target(e, g)), e);
    // Landmarks keep their places: one rank per group, groups chained left to right.
    std::string previous;
    for (const auto& rank : ranks) {
        if (rank.empty()) continue;
        if (rank.size() > 1) b.scene.same_rank.push_back(rank);
        if (!previous.empty()) b.plain_edge(previous, rank.front(), "order").layout_only = true;
        previous = rank.front();
    }
}

// ---- flows --------------------------------------------------------------------------------

void flows(SceneBuilder& b) {
    const GraphBase& g = b.g_;
    for (Vertex f : vertices_of(g, NodeKind::file)) {
        const NodeProps& fn = g[f];
        std::string label = fn.label;
        if (!fn.assessments.empty()) label += "（" + *fn.assessments.begin() + "）";
        const std::string cl = b.cluster(label, "file");
        const std::string copy = fn.key;  // parties are drawn once per file
        const std::string file_id = b.node(f, cl, copy);
        for_in_edges(g, f, [&](Edge e) {
            if (g[e].kind == EdgeKind::acquires) b.edge(b.node(boost::source(e, g), cl, copy), file_id, e);
        });
        for_out_edges(g, f, [&](Edge e) {
            const EdgeKind k = g[e].kind;
            if (k == EdgeKind::provides || k == EdgeKind::transfers || k == EdgeKind::entrusts)
                b.edge(file_id, b.node(boost::target(e, g), cl, copy), e);
        });
    }
}

// ---- org ----------------------------------------------------------------------------------

void org(SceneBuilder& b) {
    const GraphBase& g = b.g_;
    std::map<Vertex, std::string> department_cluster;
    for (Vertex business : vertices_of(g, NodeKind::business)) {
        std::string cl;
        for_in_edges(g, business, [&](Edge e) {
            const Vertex d = boost::source(e, g);
            if (g[d].kind != NodeKind::department || !cl.empty()) return;
            if (!department_cluster.count(d)) department_cluster[d] = b.cluster(g[d].label, "body");
            cl = department_cluster[d];
        });
        const std::string bid = b.node(business, cl);
        for_out_edges(g, business, [&](Edge e) {
            const Vertex t = boost::target(e, g);
            if (g[e].kind == EdgeKind::uses && g[t].kind == NodeKind::system) b.edge(bid, b.node(t, ""), e);
            if (g[t].kind != NodeKind::file) return;
            // Where the business keeps its files (ガバメントクラウド, データセンター).
            for_out_edges(g, t, [&](Edge s) {
                if (g[s].kind == EdgeKind::stores) b.plain_edge(bid, b.node(boost::target(s, g), ""), "stores");
            });
        });
    }
    for (auto e : boost::make_iterator_range(boost::edges(g)))
        if (g[e].kind == EdgeKind::connects) {
            const Vertex s = boost::source(e, g), t = boost::target(e, g);
            b.edge(b.has(s) ? b.id(s) : b.node(s, ""), b.has(t) ? b.id(t) : b.node(t, ""), e).constraint = false;
        }
}

}  // namespace

Scene build_scene(const Graph& graph, const std::vector<Finding>& findings, View view, const Style& style,
                  const SceneOptions& options) {
    SceneBuilder b(graph, findings, style);
    b.scene.title = title_of(graph, style, view);
    if (view == View::annex1 && !options.assessment.empty()) b.scene.title += " — " + options.assessment;
    switch (view) {
        case View::annex1:
            annex1(b, options);
            break;
        case View::systems:
            systems(b);
            break;
        case View::flows:
            flows(b);
            break;
        case View::org:
            org(b);
            break;
    }
    return std::move(b.scene);
}

// The legend entries a scene draws: node roles and marks of its nodes, roles and marks of its
// visible edges (both ends present), as far as the style has a legend text for them.
static std::vector<std::string> drawn_legend(const Scene& scene, const Style& style) {
    std::set<std::string> ids, drawn;
    for (const SceneNode& n : scene.nodes) {
        ids.insert(n.id);
        drawn.insert(n.role);
        drawn.insert(n.mark);
    }
    for (const SceneEdge& e : scene.edges)
        if (!e.layout_only && ids.count(e.from) && ids.count(e.to)) {
            drawn.insert(e.role);
            drawn.insert(e.mark);
        }
    std::vector<std::string> out;
    for (const std::string& entry : scene.legend)
        if (drawn.count(entry) && style.data.contains("legend") && style.data["legend"].contains(entry))
            out.push_back(entry);
    return out;
}

void add_legend(Scene& scene, const Style& style) {
    const std::vector<std::string> entries = drawn_legend(scene, style);
    if (entries.empty()) return;
    const std::string cl = "legend";
    scene.clusters.push_back(SceneCluster{cl, style.text("legend", "title"), "legend", ""});
    int k = 0;
    auto next_id = [&k] { return "legend" + std::to_string(k++); };
    for (const std::string& entry : entries) {
        const std::string text = style.text("legend", entry);
        if (entry == "error" || entry == "warning" || entry == "info" || entry == "hub" || entry == "standard_system") {
            SceneNode n;
            n.id = next_id();
            n.label = text;
            n.tooltip = text;
            n.cluster = cl;
            const bool mark = entry == "error" || entry == "warning" || entry == "info";
            n.role = mark ? "legend_item" : entry;
            n.mark = mark ? entry : "";
            scene.nodes.push_back(n);
        } else {
            SceneNode a, z;
            a.id = next_id();
            z.id = next_id();
            a.role = z.role = "legend_point";
            a.cluster = z.cluster = cl;
            scene.nodes.push_back(a);
            scene.nodes.push_back(z);
            SceneEdge e;
            e.from = a.id;
            e.to = z.id;
            e.role = entry;
            e.label = text;
            e.tooltip = text;
            scene.edges.push_back(e);
        }
    }
}

}  // namespace piagraph
