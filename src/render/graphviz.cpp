// DOT, SVG, PNG and PDF through Graphviz cgraph/gvc in process. Large scenes fall back to
// cheaper layouts; Graphviz messages are captured and failures become InputError.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "emit.hpp"
#include "escape.hpp"
#include "piagraph/limits.hpp"
#include "piagraph/render.hpp"
#include "piagraph/text.hpp"

namespace piagraph {
namespace {

using render_detail::graphviz_text;

// Above these sizes dot with clusters gets slow or fails ("trouble in init_rank"), so the
// layout drops clusters, then leaves dot for sfdp.
constexpr size_t kClusterNodeLimit = 250;
constexpr size_t kDotNodeLimit = 500;

// A text laid out as a label (title, cluster, node, edge): each line cut to
// limits::kMaxLabelChars characters, whatever the style's wrapping allows; the tooltip keeps
// the whole text.
std::string laid_out(const std::string& text) {
    std::string out;
    size_t start = 0;
    for (;;) {
        const size_t end = std::min(text.find('\n', start), text.size());
        std::u32string line = text::to_u32(std::string_view(text).substr(start, end - start));
        if (line.size() > limits::kMaxLabelChars) {
            line.resize(limits::kMaxLabelChars);
            line += U'…';
        }
        out += text::to_utf8(line);
        if (end == text.size()) return out;
        out += '\n';
        start = end + 1;
    }
}

// cgraph's C API takes char* for strings it only copies.
char* c(const std::string& s) { return const_cast<char*>(s.c_str()); }

// Graphviz reports through a process-wide callback; the render collects what it says.
std::vector<std::string>* g_messages = nullptr;
int collect_message(char* text) {
    if (g_messages && text) {
        std::string m = text;
        while (!m.empty() && (m.back() == '\n' || m.back() == '\r')) m.pop_back();
        if (!m.empty()) g_messages->push_back(m);
    }
    return 0;
}

struct MessageCapture {
    std::vector<std::string> messages;
    agusererrf previous;
    MessageCapture() {
        g_messages = &messages;
        previous = agseterrf(collect_message);
        agseterr(AGWARN);
        agreseterrors();
    }
    ~MessageCapture() {
        agseterrf(previous);
        g_messages = nullptr;
    }
    bool has_error() const {
        if (agerrors() > 0) return true;
        for (const auto& m : messages)
            if (m.rfind("Error", 0) == 0 || m.find("trouble in") != std::string::npos) return true;
        return false;
    }
    std::string summary() const {
        std::string s;
        for (const auto& m : messages) s += (s.empty() ? "" : " / ") + m;
        return s;
    }
};

struct GraphCloser {
    void operator()(Agraph_t* g) const {
        if (g) agclose(g);
    }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

struct ContextCloser {
    void operator()(GVC_t* c) const {
        if (c) gvFreeContext(c);
    }
};

void set_all(void* obj, const std::map<std::string, std::string>& attrs) {
    for (const auto& [k, v] : attrs) agsafeset(obj, c(k), c(v), c(std::string()));
}

// Role attributes with a finding's mark laid over; mark styles add to the role's style.
std::map<std::string, std::string> with_mark(std::map<std::string, std::string> attrs, const Style& style,
                                             const std::string& mark) {
    if (mark.empty()) return attrs;
    for (const auto& [k, v] : style.attributes("marks", mark)) {
        if (k == "style" && !attrs["style"].empty())
            attrs[k] = attrs[k] + "," + v;
        else
            attrs[k] = v;
    }
    return attrs;
}

enum class Layout { dot_clusters, dot_flat, sfdp };

// The graph's own attributes: the style's, the title, and what the layout engine needs.
std::map<std::string, std::string> graph_attributes(const Scene& scene, const Style& style, Layout layout) {
    const std::string font = style.font();
    std::map<std::string, std::string> graph_attrs = style.attributes("graph", "");
    graph_attrs["charset"] = "UTF-8";
    graph_attrs["fontname"] = font;
    if (!scene.title.empty()) graph_attrs["label"] = graphviz_text(laid_out(scene.title));
    if (layout != Layout::sfdp) graph_attrs["newrank"] = "true";
    if (layout == Layout::sfdp) {
        graph_attrs["overlap"] = "prism";
        graph_attrs["splines"] = "false";
        graph_attrs["outputorder"] = "edgesfirst";
    }
    if (layout == Layout::dot_flat) {
        // Bound dot's crossing minimisation and network simplex on big flat graphs.
        graph_attrs["mclimit"] = "0.3";
        graph_attrs["nslimit"] = "2";
        graph_attrs["nslimit1"] = "2";
        graph_attrs["searchsize"] = "10";
    }
    return graph_attrs;
}

GraphPtr build_agraph(const Scene& scene, const Style& style, Layout layout) {
    GraphPtr g(agopen(c("piagraph"), Agdirected, nullptr));
    Agraph_t* root = g.get();
    const std::string font = style.font();
    const std::string font_size = std::to_string(style.font_size());
    set_all(root, graph_attributes(scene, style, layout));
    agattr(root, AGNODE, c("fontname"), c(font));
    agattr(root, AGNODE, c("fontsize"), c(font_size));
    agattr(root, AGEDGE, c("fontname"), c(font));

    std::map<std::string, Agraph_t*> clusters;
    if (layout == Layout::dot_clusters) {
        // Parents before children: clusters are listed parent first by the views.
        for (const SceneCluster& cl : scene.clusters) {
            Agraph_t* parent = root;
            if (!cl.parent.empty())
                if (auto it = clusters.find(cl.parent); it != clusters.end()) parent = it->second;
            Agraph_t* sub = agsubg(parent, c("cluster_" + cl.id), 1);
            auto attrs = style.attributes("clusters", cl.role);
            attrs["label"] = graphviz_text(laid_out(cl.label));
            attrs["fontname"] = font;
            set_all(sub, attrs);
            clusters[cl.id] = sub;
        }
    }
    std::map<std::string, Agnode_t*> nodes;
    for (const SceneNode& n : scene.nodes) {
        Agraph_t* owner = root;
        if (auto it = clusters.find(n.cluster); it != clusters.end()) owner = it->second;
        Agnode_t* an = agnode(owner, c(n.id), 1);
        auto attrs = with_mark(style.attributes("nodes", n.role), style, n.mark);
        attrs["label"] = graphviz_text(
            n.wrap ? wrap_text(laid_out(n.label), style.wrap_columns(), style.max_label_lines()) : laid_out(n.label));
        if (!n.tooltip.empty()) attrs["tooltip"] = graphviz_text(n.tooltip);
        set_all(an, attrs);
        nodes[n.id] = an;
    }
    if (layout != Layout::sfdp) {
        int k = 0;
        for (const auto& group : scene.same_rank) {
            Agraph_t* r = agsubg(root, c("rank_" + std::to_string(k++)), 1);
            agsafeset(r, c("rank"), c("same"), c(""));
            for (const auto& id : group)
                if (auto it = nodes.find(id); it != nodes.end()) agsubnode(r, it->second, 1);
        }
    }
    for (const SceneEdge& e : scene.edges) {
        auto from = nodes.find(e.from), to = nodes.find(e.to);
        if (from == nodes.end() || to == nodes.end()) continue;
        Agedge_t* ae = agedge(root, from->second, to->second, nullptr, 1);
        auto attrs = with_mark(style.attributes("edges", e.role), style, e.mark);
        if (!e.label.empty()) {
            const std::string wrapped = wrap_text(laid_out(e.label), style.wrap_columns(), style.max_label_lines());
            attrs[layout == Layout::sfdp ? "xlabel" : "label"] = graphviz_text(wrapped);
        }
        if (!e.tooltip.empty()) {
            attrs["tooltip"] = graphviz_text(e.tooltip);
            attrs["labeltooltip"] = attrs["tooltip"];
        }
        if (!e.css_class.empty()) attrs["class"] = graphviz_text(e.css_class);
        if (!e.constraint) attrs["constraint"] = "false";
        if (e.layout_only) attrs["style"] = "invis";
        set_all(ae, attrs);
    }
    return g;
}

std::string write_dot(Agraph_t* g) {
    char* buffer = nullptr;
    size_t size = 0;
    FILE* stream = open_memstream(&buffer, &size);
    if (!stream) throw std::runtime_error("open_memstream failed");
    agwrite(g, stream);
    std::fclose(stream);
    std::string out(buffer, size);
    std::free(buffer);
    return out;
}

struct Attempt {
    bool ok = false;
    std::string bytes;
    std::string failure;
    std::vector<std::string> messages;
};

// One layout and render in this process. Exit codes for in_child: 0 done, 3 layout failed,
// 4 no device could write the format.
int layout_and_render(const Scene& scene, const Style& style, Layout layout, const char* engine,
                      const std::vector<std::string>& devices, Attempt& out) {
    MessageCapture capture;
    std::unique_ptr<GVC_t, ContextCloser> gvc(gvContext());
    if (!gvc) return 3;
    GraphPtr g = build_agraph(scene, style, layout);
    const int laid_out = gvLayout(gvc.get(), g.get(), engine);
    out.messages = capture.messages;
    if (laid_out != 0 || capture.has_error()) {
        out.failure = capture.summary();
        return 3;
    }
    for (const auto& device : devices) {
        char* data = nullptr;
        unsigned int length = 0;
        const int rc = gvRenderData(gvc.get(), g.get(), device.c_str(), &data, &length);
        if (rc == 0 && data) out.bytes.assign(data, length);
        if (data) gvFreeRenderData(data);
        if (rc == 0) return 0;
    }
    out.failure = capture.summary();
    return 4;
}

// Graphviz 2.43 can crash (double free in dot's cleanup on some cluster graphs) or run for
// minutes, so each layout runs in a forked child that sends its output through a pipe and
// never frees the layout; a crash, a timeout or running out of its memory only costs that
// attempt. The attempts of one diagram share limits::kLayoutSeconds.
using Clock = std::chrono::steady_clock;

// The child's address space is bounded (limits::kLayoutMemoryBytes), except under the address
// sanitizer, which reserves terabytes of address space up front.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kBoundChildMemory = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kBoundChildMemory = false;
#else
constexpr bool kBoundChildMemory = true;
#endif
#else
constexpr bool kBoundChildMemory = true;
#endif

// What the child wrote on `fd` until it closed it, or until the deadline (then timed_out).
std::string read_until(int fd, Clock::time_point deadline, bool& timed_out) {
    std::string frame;
    char buffer[65536];
    timed_out = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        pollfd p{fd, POLLIN, 0};
        const int ready = poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) {
            timed_out = ready == 0;
            break;
        }
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        frame.append(buffer, static_cast<size_t>(n));
    }
    return frame;
}

// The messages of a child's frame: the lines before its NUL at `nul` (none when it has none).
std::vector<std::string> frame_messages(const std::string& frame, size_t nul) {
    std::vector<std::string> messages;
    if (nul == std::string::npos) return messages;
    for (size_t start = 0; start < nul;) {
        size_t end = frame.find('\n', start);
        if (end == std::string::npos || end > nul) end = nul;
        if (end > start) messages.push_back(frame.substr(start, end - start));
        start = end + 1;
    }
    return messages;
}

template <typename F>
Attempt in_child(F work, Clock::time_point deadline, const LayoutLimits& layout) {
    Attempt out;
    const auto ms = layout.time.count();
    const std::string timeout =
        "timed out after " + (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms");
    if (deadline <= Clock::now()) {
        out.failure = timeout;
        return out;
    }
    int fds[2];
    if (pipe(fds) != 0) {
        out.failure = "pipe failed";
        return out;
    }
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        out.failure = "fork failed";
        return out;
    }
    if (pid == 0) {
        close(fds[0]);
        if (kBoundChildMemory) {
            const rlimit memory{layout.memory_bytes, layout.memory_bytes};
            setrlimit(RLIMIT_AS, &memory);
        }
        Attempt mine;
        const int code = work(mine);
        // Frame: messages joined by \n, a NUL, then the output bytes (or the failure text).
        std::string frame;
        for (const auto& m : mine.messages) frame += m + "\n";
        frame += '\0';
        frame += code == 0 ? mine.bytes : mine.failure;
        for (size_t done = 0; done < frame.size();) {
            const ssize_t n = write(fds[1], frame.data() + done, frame.size() - done);
            if (n <= 0) _exit(5);
            done += static_cast<size_t>(n);
        }
        _exit(code);
    }
    close(fds[1]);
    bool timed_out = false;
    const std::string frame = read_until(fds[0], deadline, timed_out);
    close(fds[0]);
    if (timed_out) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    const size_t nul = frame.find('\0');
    out.messages = frame_messages(frame, nul);
    const std::string payload = nul == std::string::npos ? std::string() : frame.substr(nul + 1);
    if (timed_out) {
        out.failure = timeout;
    } else if (WIFSIGNALED(status)) {
        out.failure = std::string("Graphviz crashed (") + strsignal(WTERMSIG(status)) + ")";
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || nul == std::string::npos) {
        out.failure = payload.empty() ? "Graphviz failed" : payload;
    } else {
        out.ok = true;
        out.bytes = payload;
    }
    return out;
}

// The scene cut to limits::kMaxLayoutNodes nodes: the first ones, the edges between them, and a
// title that says how many were left out.
Scene bounded_scene(const Scene& whole, const Style& style, size_t max_nodes) {
    Scene out;
    out.clusters = whole.clusters;
    out.same_rank = whole.same_rank;  // ids of nodes left out are skipped when the graph is built
    out.legend = whole.legend;
    out.steps = whole.steps;
    std::set<std::string> kept;
    for (size_t i = 0; i < whole.nodes.size() && i < max_nodes; ++i) {
        out.nodes.push_back(whole.nodes[i]);
        kept.insert(whole.nodes[i].id);
    }
    for (const auto& e : whole.edges)
        if (kept.count(e.from) && kept.count(e.to)) out.edges.push_back(e);
    const std::string note = style.text("text", "layout_limit");
    out.title = whole.title + (whole.title.empty() ? "" : "\n") + note + " " + std::to_string(out.nodes.size()) +
                " / " + std::to_string(whole.nodes.size());
    return out;
}

}  // namespace

namespace render_detail {

RenderResult emit_graphviz(const Scene& whole, Format format, const Style& style, const std::string& what,
                           const LayoutLimits& layout) {
    RenderResult result;
    // A scene over the layout limit is laid out with its first nodes only (the views list the
    // business, its systems and files first), and says so in its title and in the result.
    std::optional<Scene> bounded;
    if (format != Format::dot && whole.nodes.size() > layout.max_nodes) {
        bounded = bounded_scene(whole, style, layout.max_nodes);
        result.omitted_nodes = whole.nodes.size() - bounded->nodes.size();
        result.warnings.push_back("large diagram: " + std::to_string(result.omitted_nodes) + " of " +
                                  std::to_string(whole.nodes.size()) + " nodes left out (limit " +
                                  std::to_string(layout.max_nodes) + ")");
    }
    const Scene& scene = bounded ? *bounded : whole;
    std::vector<Layout> plan;
    const size_t n = scene.nodes.size();
    if (n <= kClusterNodeLimit) plan.push_back(Layout::dot_clusters);
    if (n <= kDotNodeLimit) plan.push_back(Layout::dot_flat);
    plan.push_back(Layout::sfdp);

    if (format == Format::dot) {
        // The DOT text keeps the clusters of the smallest plan: it is for people to lay out.
        MessageCapture capture;
        GraphPtr g = build_agraph(scene, style, plan.front());
        result.bytes = write_dot(g.get());
        result.engine = plan.front() == Layout::sfdp ? "sfdp" : "dot";
        return result;
    }

    const std::vector<std::string> devices = format == Format::svg   ? std::vector<std::string>{"svg"}
                                             : format == Format::png ? std::vector<std::string>{"png:cairo", "png"}
                                                                     : std::vector<std::string>{"pdf:cairo", "pdf"};
    std::string failure;
    const Clock::time_point deadline = Clock::now() + layout.time;
    for (size_t i = 0; i < plan.size(); ++i) {
        const char* engine = plan[i] == Layout::sfdp ? "sfdp" : "dot";
        const Attempt attempt = in_child(
            [&](Attempt& a) { return layout_and_render(scene, style, plan[i], engine, devices, a); }, deadline, layout);
        if (!attempt.ok) {
            failure = attempt.failure;
            result.warnings.push_back(std::string("layout ") + engine + " failed, trying a simpler layout: " + failure);
            continue;
        }
        result.bytes = attempt.bytes;
        result.engine = engine;
        if (i > 0) result.warnings.push_back(std::string("large diagram: drawn with the simplified layout ") + engine);
        for (const auto& m : attempt.messages) result.warnings.push_back(m);
        return result;
    }
    throw InputError(what, 0,
                     {"Graphviz で図を配置できません: " + failure, "Graphviz cannot lay out the diagram: " + failure});
}

}  // namespace render_detail
}  // namespace piagraph
