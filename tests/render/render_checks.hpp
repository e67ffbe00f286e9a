// Parsers the render tests use to check output: libxml2 for SVG/GraphML, cgraph for DOT.
#pragma once

#include <graphviz/cgraph.h>
#include <libxml/parser.h>

#include <string>
#include <vector>

namespace piagraph::test {

struct XmlCheck {
    bool well_formed = false;
    std::string error;
    int elements_named = 0;  // elements with the local name asked for
};

inline void count_elements(xmlNode* node, const std::string& name, int& count) {
    for (xmlNode* n = node; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && name == reinterpret_cast<const char*>(n->name)) ++count;
        count_elements(n->children, name, count);
    }
}

// Parses without network access or entity expansion from outside.
inline XmlCheck parse_xml(const std::string& text, const std::string& element = "") {
    XmlCheck out;
    xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "output.xml", "UTF-8",
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
        const xmlError* e = xmlGetLastError();
        out.error = e && e->message ? e->message : "unknown XML error";
        return out;
    }
    out.well_formed = true;
    if (!element.empty()) count_elements(xmlDocGetRootElement(doc), element, out.elements_named);
    xmlFreeDoc(doc);
    return out;
}

struct DotCheck {
    bool parsed = false;
    int nodes = 0;
    int edges = 0;
    std::vector<std::string> labels;  // node and edge labels, line breaks removed
};

inline std::string unbreak(std::string s) {
    for (const std::string br : {"\\n", "\\l", "\\r"})
        for (size_t at; (at = s.find(br)) != std::string::npos;) s.erase(at, br.size());
    return s;
}

// Labels of a graph and its subgraphs (clusters), depth first.
inline void graph_labels(Agraph_t* g, std::vector<std::string>& out) {
    if (char* l = agget(g, const_cast<char*>("label"))) out.push_back(unbreak(l));
    for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) graph_labels(sub, out);
}

inline DotCheck parse_dot(const std::string& text) {
    DotCheck out;
    Agraph_t* g = agmemread(text.c_str());
    if (!g) return out;
    out.parsed = true;
    out.nodes = agnnodes(g);
    out.edges = agnedges(g);
    graph_labels(g, out.labels);
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        if (char* l = agget(n, const_cast<char*>("label"))) out.labels.push_back(unbreak(l));
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
            if (char* l = agget(e, const_cast<char*>("label"))) out.labels.push_back(unbreak(l));
    }
    agclose(g);
    return out;
}

}  // namespace piagraph::test
