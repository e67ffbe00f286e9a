// Builds the linkage graph of one organisation from its assessments: canonical system nodes,
// connection edges with who declared them, and the data flows of every file.
#include "piagraph/graph.hpp"

#include <algorithm>

#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph {

const char* edge_kind_name(EdgeKind k) {
    switch (k) {
        case EdgeKind::connects:
            return "connects";
        case EdgeKind::acquires:
            return "acquires";
        case EdgeKind::provides:
            return "provides";
        case EdgeKind::transfers:
            return "transfers";
        case EdgeKind::entrusts:
            return "entrusts";
        case EdgeKind::resubcontracts:
            return "resubcontracts";
        case EdgeKind::stores:
            return "stores";
        case EdgeKind::uses:
            return "uses";
    }
    return "connects";
}

Vertex Graph::node(NodeKind kind, const std::string& key, const std::string& label) {
    if (auto it = index_.find(key); it != index_.end()) return it->second;
    Vertex v = boost::add_vertex(g);
    g[v].kind = kind;
    g[v].key = key;
    g[v].label = label;
    index_.emplace(key, v);
    return v;
}

const Vertex* Graph::find(const std::string& key) const {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &it->second;
}

const Edge* Graph::find_edge(const std::string& key) const {
    auto it = edge_index_.find(key);
    return it == edge_index_.end() ? nullptr : &it->second;
}

namespace {

template <typename T>
void append_unique(std::vector<T>& to, const std::vector<T>& from) {
    for (const auto& x : from)
        if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
}

void append_evidence(std::vector<Evidence>& to, const std::vector<Evidence>& from) {
    for (const auto& e : from) {
        bool seen = std::any_of(to.begin(), to.end(), [&](const Evidence& x) {
            return x.file == e.file && x.line == e.line && x.quote == e.quote;
        });
        if (!seen) to.push_back(e);
    }
}

}  // namespace

Edge Graph::add_edge(Vertex from, Vertex to, EdgeProps props) {
    if (!props.key.empty()) {
        if (auto it = edge_index_.find(props.key); it != edge_index_.end()) {
            EdgeProps& e = g[it->second];
            // The stored edge may run the other way: map the flags onto its ends.
            bool same_direction = boost::source(it->second, g) == from;
            bool by_from = props.declared_by_source, by_to = props.declared_by_target;
            e.declared_by_source = e.declared_by_source || (same_direction ? by_from : by_to);
            e.declared_by_target = e.declared_by_target || (same_direction ? by_to : by_from);
            append_unique(e.methods, props.methods);
            append_unique(e.steps, props.steps);
            append_evidence(e.evidence, props.evidence);
            if (e.basis.empty()) e.basis = props.basis;
            if (e.label.empty()) e.label = props.label;
            return it->second;
        }
    }
    std::string key = props.key;
    Edge e = boost::add_edge(from, to, std::move(props), g).first;
    if (!key.empty()) edge_index_.emplace(key, e);
    return e;
}

std::string normalize_system_name(const std::string& name) { return Dictionary::get().normalize_system_name(name); }

const StandardSystem* resolve_standard_system(const std::string& name) {
    return Dictionary::get().resolve_standard(name);
}

std::string system_key(const std::string& name) {
    if (const StandardSystem* sys = resolve_standard_system(name)) return "system:" + sys->id;
    return "system:" + text::match_key(normalize_system_name(name));
}

namespace {

// The box that a (…内) suffix attaches a system to, or "".
std::string within_box(const std::string& name) {
    const std::string key = text::match_key(name);
    for (auto& [marker, box] : Dictionary::get().raw().at("graph").at("within_box").items())
        if (key.find(text::match_key(marker)) != std::string::npos) return box.get<std::string>();
    return "";
}

EdgeProps edge_props(EdgeKind kind, std::string key) {
    EdgeProps e;
    e.kind = kind;
    e.key = std::move(key);
    return e;
}

std::string box_node_key(const std::string& box) { return "system:box:" + text::match_key(box); }

Evidence evidence_at(const Assessment& a, const Loc& loc, const std::string& quote) {
    return Evidence{a.source_file, loc.line, loc.end_line ? loc.end_line : loc.line, quote, loc.page};
}

using text::join;

class Builder {
public:
    explicit Builder(Graph& graph) : graph_(graph), g_(graph.g) {}

    void build(const std::vector<Assessment>& assessments) {
        for (const auto& a : assessments) learn_definitions(a);
        for (const auto& a : assessments) add_systems(a);
        // Declarations of all assessments first: the other end may be described in another one.
        for (const auto& a : assessments) collect(a, all_);
        flush();
        for (const auto& a : assessments) add_business(a);
    }

private:
    Graph& graph_;
    GraphBase& g_;
    // Per-document definitions X（以下「Y」という。）: Y -> key of X, by source document.
    std::map<std::string, std::map<std::string, std::string>> defined_;

    static std::string doc_of(const Assessment& a) { return a.source_file + "\n" + a.affair; }

    void learn_definitions(const Assessment& a) {
        static const std::string open = Dictionary::get().word("/graph/definition/open"),
                                 close = Dictionary::get().word("/graph/definition/close");
        for (const auto& s : a.systems) {
            size_t at = s.name.find(open);
            if (at == std::string::npos) continue;
            size_t end = s.name.find(close, at + open.size());
            if (end == std::string::npos) continue;
            std::string y = s.name.substr(at + open.size(), end - at - open.size());
            defined_[doc_of(a)][text::match_key(y)] = key_of(s);
        }
    }

    // The extractor's canonical_id may come from a looser match (国税連携支援システム ->
    // 国税連携); the name decides, through the same resolution as every other name.
    static std::string key_of(const System& s) {
        return system_key(s.normalized_name.empty() ? s.name : s.normalized_name);
    }

    std::string resolve_name(const Assessment& a, const std::string& name) const {
        if (auto doc = defined_.find(doc_of(a)); doc != defined_.end()) {
            auto it = doc->second.find(text::match_key(normalize_system_name(name)));
            if (it != doc->second.end()) return it->second;
        }
        return system_key(name);
    }

    Vertex system_node(const std::string& key, const std::string& written) {
        const std::string id = text::starts_with(key, "system:") ? key.substr(7) : "";
        const StandardSystem* std_sys = Dictionary::get().system_by_id(id);
        Vertex v = graph_.node(NodeKind::system, key, std_sys ? std_sys->name : normalize_system_name(written));
        NodeProps& n = g_[v];
        if (std_sys) {
            n.canonical_id = std_sys->id;
            n.standard = true;
            if (!std_sys->box.empty()) n.boxes.insert(std_sys->box);
        }
        if (!written.empty()) n.names.insert(written);
        return v;
    }

    void add_systems(const Assessment& a) {
        for (const auto& s : a.systems) {
            Vertex v = system_node(key_of(s), s.name);
            NodeProps& n = g_[v];
            // A described system reads as its document names it (個人住民税システム, not 税務システム).
            if (n.described_in.empty()) n.label = normalize_system_name(s.name);
            n.assessments.insert(a.affair);
            n.described_in.insert(a.affair);
            if (std::string box = within_box(s.name); !box.empty()) n.boxes.insert(box);
            if (n.detail.empty()) n.detail = s.functions;
            n.evidence.push_back(evidence_at(a, s.loc, s.name));
        }
    }

    // The node a ③ box stands for: the one named system of the organisation it denotes,
    // else the standard system the box names, else the box itself (REFERENCE §4.3 rule 6).
    Vertex box_target(const std::string& box) {
        std::vector<std::string> members;
        for (auto v : boost::make_iterator_range(boost::vertices(g_))) {
            const NodeProps& n = g_[v];
            if (n.kind == NodeKind::system && !n.described_in.empty() && n.boxes.count(box)) members.push_back(n.key);
        }
        if (members.size() == 1) return *graph_.find(members.front());
        if (members.empty()) {
            const StandardSystem* only = nullptr;
            int count = 0;
            for (const auto& s : Dictionary::get().systems())
                if (s.box == box) only = &s, ++count;
            if (count == 1) return system_node("system:" + only->id, "");
        }
        Vertex v = graph_.node(NodeKind::system, box_node_key(box), box);
        g_[v].standard = true;
        g_[v].boxes.insert(box);
        g_[v].members = members;
        return v;
    }

    struct Declaration {
        Vertex from, to;
        std::string assessment;
        Evidence evidence;
    };

    // Whether system `by` (as described anywhere) declares a connection to `target`.
    bool declares(Vertex by, Vertex target, const std::vector<Declaration>& all) const {
        for (const auto& d : all) {
            if (d.from != by) continue;
            if (d.to == target) return true;
            const NodeProps& to = g_[d.to];
            // A box declaration reaches every system the box denotes.
            if (to.key.rfind("system:box:", 0) == 0)
                for (const auto& box : to.boxes)
                    if (g_[target].boxes.count(box)) return true;
        }
        return false;
    }

    void collect(const Assessment& a, std::vector<Declaration>& out) {
        for (const auto& s : a.systems) {
            Vertex from = *graph_.find(key_of(s));
            Loc loc = s.connections_loc.known() ? s.connections_loc : s.loc;
            for (const auto& box : s.connections) {
                if (text::match_key(box) == text::match_key(Dictionary::get().form_label("other_option"))) continue;
                Vertex to = box_target(box);
                if (to != from) out.push_back({from, to, a.affair, evidence_at(a, loc, box)});
            }
            for (const auto& other : s.other) {
                if (text::trim(other).empty()) continue;
                Vertex to = system_node(resolve_name(a, other), other);
                g_[to].assessments.insert(a.affair);
                if (to != from) out.push_back({from, to, a.affair, evidence_at(a, loc, other)});
            }
        }
    }

    // Turns the declarations into one edge per pair of systems, flagged with the ends that
    // declared it.
    void flush() {
        for (const auto& d : all_) {
            EdgeProps e;
            e.kind = EdgeKind::connects;
            const std::string& a = g_[d.from].key;
            const std::string& b = g_[d.to].key;
            e.key = "connects:" + std::min(a, b) + "|" + std::max(a, b);
            e.assessment = d.assessment;
            e.declared_by_source = true;
            const NodeProps& to = g_[d.to];
            if (!to.members.empty()) {
                for (const auto& m : to.members)
                    if (declares(*graph_.find(m), d.from, all_)) e.declared_by_target = true;
            } else {
                e.declared_by_target = declares(d.to, d.from, all_);
            }
            e.evidence.push_back(d.evidence);
            graph_.add_edge(d.from, d.to, std::move(e));
        }
    }

    std::vector<Declaration> all_;  // connection declarations of every assessment

    Vertex party(const std::string& key, const std::string& label) {
        return graph_.node(NodeKind::party, "party:" + text::match_key(key), label);
    }

    void add_business(const Assessment& a) {
        Vertex business = graph_.node(NodeKind::business, "business:" + text::match_key(a.affair), a.affair);
        g_[business].assessments.insert(a.affair);
        g_[business].names.insert(a.title);
        g_[business].evidence.push_back(evidence_at(a, a.loc, a.title.empty() ? a.affair : a.title));
        if (!a.department.empty()) {
            Vertex dep = graph_.node(NodeKind::department, "department:" + text::match_key(a.department), a.department);
            g_[dep].assessments.insert(a.affair);
            auto loc = a.locs.count("department") ? a.locs.at("department") : a.loc;
            EdgeProps e = edge_props(EdgeKind::uses, "uses:" + g_[dep].key + "|" + g_[business].key);
            e.assessment = a.affair;
            e.evidence.push_back(evidence_at(a, loc, a.department));
            graph_.add_edge(dep, business, std::move(e));
        }
        for (const auto& s : a.systems) {
            Vertex sys = *graph_.find(key_of(s));
            EdgeProps e = edge_props(EdgeKind::uses, "uses:" + g_[business].key + "|" + g_[sys].key);
            e.assessment = a.affair;
            e.evidence.push_back(evidence_at(a, s.loc, s.name));
            graph_.add_edge(business, sys, std::move(e));
        }
        for (size_t i = 0; i < a.files.size(); ++i) add_file(a, business, a.files[i], i);
    }

    void add_file(const Assessment& a, Vertex business, const FileBlock& f, size_t index) {
        const std::string name = f.names.empty()
                                     ? Dictionary::get().word("/graph/unnamed/file") + std::to_string(index + 1)
                                     : f.names.front();
        Vertex file =
            graph_.node(NodeKind::file, "file:" + text::match_key(a.affair) + "/" + text::match_key(name), name);
        NodeProps& fn = g_[file];
        fn.assessments.insert(a.affair);
        for (const auto& n : f.names) fn.names.insert(n);
        fn.detail = f.storage;
        fn.evidence.push_back(evidence_at(a, f.loc, name));
        const std::string fkey = fn.key;

        EdgeProps use = edge_props(EdgeKind::uses, "uses:" + g_[business].key + "|" + fkey);
        use.assessment = a.affair;
        use.evidence.push_back(evidence_at(a, f.loc, name));
        graph_.add_edge(business, file, std::move(use));

        for (const auto& s : f.sources) {
            std::string label = s.detail.empty() ? s.kind : s.kind + "（" + s.detail + "）";
            Vertex from = party(s.kind + "/" + s.detail, label);
            g_[from].assessments.insert(a.affair);
            EdgeProps e = edge_props(EdgeKind::acquires, "acquires:" + g_[from].key + "|" + fkey);
            e.label = join(f.methods, "、");
            e.methods = f.methods;
            e.assessment = a.affair;
            e.evidence.push_back(evidence_at(a, s.loc.known() ? s.loc : f.loc, label));
            graph_.add_edge(from, file, std::move(e));
        }
        auto flows = [&](const std::vector<Flow>& list, EdgeKind kind) {
            for (size_t i = 0; i < list.size(); ++i) {
                const Flow& fl = list[i];
                if (text::trim(fl.recipient).empty()) continue;
                Vertex to = party(fl.recipient, fl.recipient);
                g_[to].assessments.insert(a.affair);
                EdgeProps e = edge_props(kind, "");
                e.key = std::string(edge_kind_name(kind)) + ":" + fkey + "|" + g_[to].key + "#" + std::to_string(i + 1);
                e.basis = fl.basis;
                e.methods = fl.methods;
                e.label = join(fl.methods, "、");
                e.assessment = a.affair;
                e.evidence.push_back(evidence_at(a, fl.loc, fl.recipient));
                graph_.add_edge(file, to, std::move(e));
            }
        };
        flows(f.provisions, EdgeKind::provides);
        flows(f.transfers, EdgeKind::transfers);

        for (size_t i = 0; i < f.entrustments.size(); ++i) {
            const Entrustment& en = f.entrustments[i];
            std::string who = text::trim(en.contractor).empty() ? en.item : en.contractor;
            if (text::trim(who).empty()) continue;
            Vertex c = graph_.node(NodeKind::contractor, "contractor:" + text::match_key(who), who);
            g_[c].assessments.insert(a.affair);
            EdgeProps e =
                edge_props(EdgeKind::entrusts, "entrusts:" + fkey + "|" + g_[c].key + "#" + std::to_string(i + 1));
            e.label = en.item;
            e.methods = en.methods;
            e.assessment = a.affair;
            e.evidence.push_back(evidence_at(a, en.loc, en.item));
            graph_.add_edge(file, c, std::move(e));
            if (en.resubcontract.value_or(false)) {
                std::string sub = text::trim(en.resubcontractor).empty()
                                      ? Dictionary::get().word("/graph/unnamed/resubcontractor") + "（" + who + "）"
                                      : en.resubcontractor;
                Vertex s = graph_.node(NodeKind::contractor, "contractor:" + text::match_key(sub), sub);
                g_[s].assessments.insert(a.affair);
                EdgeProps r = edge_props(EdgeKind::resubcontracts, "resubcontracts:" + g_[c].key + "|" + g_[s].key);
                r.label = en.resubcontract_items;
                r.assessment = a.affair;
                r.evidence.push_back(evidence_at(a, en.loc, en.resubcontract_items));
                graph_.add_edge(c, s, std::move(r));
            }
        }
        add_storage(a, file, f);
    }

    void add_storage(const Assessment& a, Vertex file, const FileBlock& f) {
        if (text::trim(f.storage).empty()) return;
        const std::string key = text::match_key(f.storage);
        const Loc loc = f.locs.count("storage") ? f.locs.at("storage") : f.loc;
        std::vector<std::pair<std::string, std::string>> places;  // node key, label
        std::string rest = key;
        // Longest names first, and each found name is cut out, so 中間サーバー・プラットフォーム
        // does not also count as 中間サーバー.
        std::vector<std::pair<std::string, std::pair<std::string, std::string>>> candidates;
        for (const auto& s : Dictionary::get().systems())
            if (s.kind == "location")
                for (const auto& alias : s.aliases)
                    candidates.push_back({text::match_key(alias), {"storage:" + s.id, s.name}});
        for (const auto& p : Dictionary::get().list("/graph/storage_places"))
            candidates.push_back({text::match_key(p), {"storage:" + text::match_key(p), p}});
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
        for (const auto& candidate : candidates) {
            // (Not a structured binding: clang 14 cannot capture one in a lambda.)
            const std::string& alias = candidate.first;
            const auto& place = candidate.second;
            if (alias.empty() || rest.find(alias) == std::string::npos) continue;
            for (size_t at; (at = rest.find(alias)) != std::string::npos;) rest.replace(at, alias.size(), "|");
            if (std::none_of(places.begin(), places.end(), [&](const auto& p) { return p.first == place.first; }))
                places.push_back(place);
        }
        for (const auto& [node_key, label] : places) {
            Vertex s = graph_.node(NodeKind::storage, node_key, label);
            g_[s].assessments.insert(a.affair);
            EdgeProps e = edge_props(EdgeKind::stores, "stores:" + g_[file].key + "|" + node_key);
            e.label = label;
            e.assessment = a.affair;
            e.evidence.push_back(evidence_at(a, loc, label));
            graph_.add_edge(file, s, std::move(e));
        }
    }
};

}  // namespace

Graph build_graph(const std::vector<Assessment>& assessments) {
    Graph graph;
    graph.assessments = assessments;
    for (const auto& a : assessments)
        if (graph.organization.empty()) graph.organization = a.organization;
    Builder builder(graph);
    builder.build(assessments);
    return graph;
}

}  // namespace piagraph
