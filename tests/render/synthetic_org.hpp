// A synthetic organisation graph of a given size (departments, businesses, systems, shared
// hubs), for the large-graph render test and bench/bench_render.cpp.
#pragma once

#include <string>

#include "piagraph/graph.hpp"

namespace piagraph::test {

inline Graph synthetic_org_graph(size_t node_count) {
    Graph graph;
    graph.organization = "架空市長";
    const size_t departments = std::max<size_t>(1, node_count / 25);
    const size_t systems = std::max<size_t>(4, node_count / 5);
    const size_t businesses = node_count > departments + systems ? node_count - departments - systems : 1;
    const char* hubs[] = {"kizon_juki", "togo_atena", "chukan_server", "chonai_renkei"};
    std::vector<Vertex> system_nodes;
    for (size_t i = 0; i < systems; ++i) {
        const bool hub = i < 4;
        const std::string key = hub ? std::string("system:") + hubs[i] : "system:s" + std::to_string(i);
        Vertex v = graph.node(NodeKind::system, key, hub ? hubs[i] : "業務システム第" + std::to_string(i) + "号");
        graph.g[v].standard = hub;
        graph.g[v].canonical_id = hub ? hubs[i] : "";
        graph.g[v].described_in.insert("事務" + std::to_string(i));
        system_nodes.push_back(v);
    }
    for (size_t i = 4; i < systems; ++i) {
        EdgeProps e;
        e.kind = EdgeKind::connects;
        e.key = "connects:" + std::to_string(i);
        e.declared_by_source = true;
        e.declared_by_target = i % 7 != 0;  // some one-sided connections
        graph.add_edge(system_nodes[i], system_nodes[i % 4], e);
    }
    std::vector<Vertex> department_nodes;
    for (size_t i = 0; i < departments; ++i)
        department_nodes.push_back(graph.node(NodeKind::department, "department:" + std::to_string(i),
                                              "第" + std::to_string(i) + "部第" + std::to_string(i) + "課"));
    for (size_t i = 0; i < businesses; ++i) {
        const std::string affair = "第" + std::to_string(i) + "号事務（個人番号を利用する事務）";
        Vertex b = graph.node(NodeKind::business, "business:" + std::to_string(i), affair);
        EdgeProps d;
        d.kind = EdgeKind::uses;
        d.key = "uses:d" + std::to_string(i);
        graph.add_edge(department_nodes[i % departments], b, d);
        for (size_t k = 0; k < 3; ++k) {
            EdgeProps u;
            u.kind = EdgeKind::uses;
            u.key = "uses:" + std::to_string(i) + "/" + std::to_string(k);
            const size_t target = k == 0 ? i % 4 : 4 + (i * 7 + k * 13) % (systems - 4 ? systems - 4 : 1);
            graph.add_edge(b, system_nodes[std::min(target, systems - 1)], u);
        }
    }
    return graph;
}

}  // namespace piagraph::test
