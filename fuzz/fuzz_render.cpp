// libFuzzer target: a model whose texts come from the input -> DOT, Mermaid and the HTML report.
// Oracles, not just "no crash": the DOT parses back in Graphviz (no text broke out of its
// quotes), and the report holds exactly as many tags that run script as a report of the same
// model with the markup characters of its texts defused (no text became markup).
#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "piagraph/checks.hpp"
#include "piagraph/error.hpp"
#include "piagraph/graph.hpp"
#include "piagraph/render.hpp"
#include "piagraph/report.hpp"

namespace {

using namespace piagraph;

// Up to eight texts, cut at NUL bytes.
std::vector<std::string> texts_of(const std::string& bytes) {
    std::vector<std::string> out(1);
    for (char c : bytes) {
        if (c == '\0' && out.size() < 8)
            out.emplace_back();
        else
            out.back() += c;
    }
    out.resize(8);
    return out;
}

Assessment model_of(const std::vector<std::string>& t) {
    Assessment a;
    a.organization = t[0];
    a.form = "全項目評価書";
    a.affair = t[1];
    System s1, s2;
    s1.no = 1;
    s1.name = t[2];
    s1.other = {t[3]};
    s1.other_checked = true;
    s2.no = 2;
    s2.name = "庁内連携システム";
    s2.connections = {"既存住民基本台帳システム"};
    a.systems = {s1, s2};
    FileBlock f;
    f.names = {t[4]};
    Flow p;
    p.no = "1";
    p.recipient = t[5];
    p.basis = t[6];
    p.methods = {"その他(" + t[7] + ")"};
    f.provisions = {p};
    Entrustment e;
    e.no = "1";
    e.item = t[7];
    e.contractor = t[3];
    f.entrustments = {e};
    a.files = {f};
    a.attachment1_steps = {{"1-①", t[1] + "から" + t[2] + "へ", {}}};
    return a;
}

size_t count(const std::string& haystack, const std::string& needle) {
    std::string lower = haystack;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    size_t n = 0;
    for (size_t at = lower.find(needle); at != std::string::npos; at = lower.find(needle, at + 1)) ++n;
    return n;
}

// The findings are the real model's in both reports: the checks are the slow part, and their
// messages (escaped like every text) are the same in both pages.
std::string report_of(const Assessment& a, const std::vector<Finding>& findings) {
    ReportInput input;
    input.assessments = {a};
    input.findings = findings;
    return render_report_html(input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::vector<std::string> texts = texts_of(std::string(reinterpret_cast<const char*>(data), size));
    const Assessment a = model_of(texts);
    try {
        const Graph graph = build_graph({a});
        const std::vector<Finding> findings = run_checks(graph);
        for (View view : {View::annex1, View::systems, View::flows}) {
            RenderOptions options;
            options.view = view;
            options.format = Format::dot;
            const std::string dot = render(graph, findings, options, "fuzz").bytes;
            Agraph_t* g = agmemread(dot.c_str());
            if (!g) __builtin_trap();  // a text broke out of its DOT quoting
            agclose(g);
            options.format = Format::mermaid;
            render(graph, findings, options, "fuzz");
        }
        std::vector<std::string> defused = texts;
        for (auto& t : defused)
            for (char& c : t)
                if (c == '<' || c == '>' || c == '"' || c == '\'' || c == '&') c = '_';
        const std::string html = report_of(a, findings), plain = report_of(model_of(defused), findings);
        for (const char* tag : {"<script", "<img", "<iframe", "onerror=", "javascript:"})
            if (count(html, tag) != count(plain, tag)) __builtin_trap();  // text became markup
    } catch (const InputError&) {
    }
    return 0;
}
