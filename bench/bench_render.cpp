// Rendering a synthetic 1,000-node organisation map (org view): the size where dot with
// clusters fails or runs for minutes, so the render falls back to a cheaper layout.
#include <benchmark/benchmark.h>

#include "../tests/render/synthetic_org.hpp"
#include "piagraph/render.hpp"

namespace {

void render_org(benchmark::State& state, piagraph::Format format) {
    const piagraph::Graph graph = piagraph::test::synthetic_org_graph(static_cast<size_t>(state.range(0)));
    piagraph::RenderOptions options;
    options.view = piagraph::View::org;
    options.format = format;
    size_t bytes = 0;
    std::string engine;
    for (auto _ : state) {
        const piagraph::RenderResult r = piagraph::render(graph, {}, options, "synthetic");
        bytes = r.bytes.size();
        engine = r.engine;
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["nodes"] = static_cast<double>(boost::num_vertices(graph.g));
    state.counters["output_bytes"] = static_cast<double>(bytes);
    state.SetLabel(engine.empty() ? "text" : engine);
}

void BM_RenderOrgSvg(benchmark::State& state) { render_org(state, piagraph::Format::svg); }
void BM_RenderOrgPng(benchmark::State& state) { render_org(state, piagraph::Format::png); }
void BM_RenderOrgDot(benchmark::State& state) { render_org(state, piagraph::Format::dot); }

BENCHMARK(BM_RenderOrgSvg)->Arg(100)->Arg(300)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_RenderOrgPng)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_RenderOrgDot)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
