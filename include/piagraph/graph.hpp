// Stage 4: the linkage graph of one organisation (Boost.Graph, bundled properties).
// System names resolve through the alias dictionary to one canonical node, so 既存住基 in one
// assessment and 既存住民基本台帳システム in another are the same vertex.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "piagraph/dictionary.hpp"
#include "piagraph/model.hpp"

namespace piagraph {

enum class NodeKind { business, department, system, file, party, contractor, storage };
enum class EdgeKind { connects, acquires, provides, transfers, entrusts, resubcontracts, stores, uses };

const char* edge_kind_name(EdgeKind k);

// Where a node or edge is stated: document, line range and the quoted text.
struct Evidence {
    std::string file;
    int line = 0;
    int end_line = 0;
    std::string quote;
    int page = 0;  // the PDF page of `line` (0: not a PDF)
};

struct NodeProps {
    NodeKind kind = NodeKind::system;
    std::string key;              // unique: "system:kizon_juki", "file:<affair>/<name>", "party:国税庁長官" …
    std::string label;            // what a person reads
    std::string canonical_id;     // standard system id, or ""
    bool standard = false;        // one of the dictionary's standard systems
    std::set<std::string> names;  // every spelling met
    std::set<std::string> assessments;  // affairs that mention it
    std::string detail;                 // functions, storage text …
    std::vector<Evidence> evidence;
    std::set<std::string> described_in;  // affairs whose I-2 describes this system (not just names it)
    std::set<std::string> boxes;         // the I-2 ③ box labels that denote this system
    std::vector<std::string> members;    // a box node: keys of the named systems it may stand for
};

struct EdgeProps {
    EdgeKind kind = EdgeKind::connects;
    std::string key;    // unique per edge
    std::string label;  // method(s), step numbers
    std::string basis;  // legal basis of a flow
    std::vector<std::string> methods;
    std::vector<std::string> steps;  // 別添1 step labels that describe this edge
    std::string assessment;          // affair of the assessment that states it
    // connects: which end(s) declared it
    bool declared_by_source = false;
    bool declared_by_target = false;
    std::vector<Evidence> evidence;
};

using GraphBase = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;
using Vertex = boost::graph_traits<GraphBase>::vertex_descriptor;
using Edge = boost::graph_traits<GraphBase>::edge_descriptor;

// The decoded lines of each source document (0-based), by its path.
using SourceLines = std::map<std::string, std::vector<std::string>>;

class Graph {
public:
    GraphBase g;
    std::string organization;
    std::vector<Assessment> assessments;  // what it was built from
    SourceLines source_lines;             // their documents' lines, where the pipeline read them

    // The vertex with this key, created with kind/label if absent.
    Vertex node(NodeKind kind, const std::string& key, const std::string& label);
    const Vertex* find(const std::string& key) const;
    // Adds the edge, or merges into the edge with the same key (flags OR-ed, evidence,
    // methods and steps appended), so a connection declared by both ends stays one edge.
    Edge add_edge(Vertex from, Vertex to, EdgeProps props);
    const Edge* find_edge(const std::string& key) const;

private:
    std::map<std::string, Vertex> index_;
    std::map<std::string, Edge> edge_index_;
};

// Key of the system node a name resolves to (canonical when it is a standard system).
std::string system_key(const std::string& name);

// A system name as written, with bracketed suffixes (（税務システム内）, （以下「…」という。）)
// dropped and NFKC applied: what system_key matches.
std::string normalize_system_name(const std::string& name);

// The standard system a name denotes, accepting a contained alias only when nothing but a
// generic word (システム, 等) remains: 国税連携支援システム is not 国税連携システム.
const StandardSystem* resolve_standard_system(const std::string& name);

// Merges all assessments (of one organisation) into one graph.
Graph build_graph(const std::vector<Assessment>& assessments);

}  // namespace piagraph
