// Extraction throughput (decode + extract, one thread) in bytes per second, on the corpus texts
// in ../shared/corpus (skipped with a message when absent) and on the bundled example city.
// A benchmark, never a test: run build/bench_extract [--benchmark_filter=…].
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "piagraph/error.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/io.hpp"
#include "piagraph/text.hpp"

namespace {

namespace fs = std::filesystem;
using namespace piagraph;

struct Input {
    std::string label;  // "corpus/001_….txt", "examples/midori/midori-juki.txt"
    std::string path;
    std::string bytes;
};

std::vector<Input> texts_in(const fs::path& dir, const std::string& label) {
    std::vector<Input> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
        std::string path = entry.path().string();
        try {
            out.push_back({label + "/" + fs::relative(entry.path(), dir).string(), path,
                           read_file_bytes(path, IngestOptions{}.max_bytes)});
        } catch (const InputError& e) {
            std::fprintf(stderr, "bench_extract: skipped %s\n", e.format(Lang::en).c_str());
        }
    }
    std::sort(out.begin(), out.end(), [](const Input& a, const Input& b) { return a.label < b.label; });
    return out;
}

// Google Benchmark's bytes_per_second is in MiB/s; the target is in MB/s (10^6 bytes): the counter "MB" is
// printed per second.
void report_megabytes(benchmark::State& state, int64_t bytes_per_iteration) {
    state.counters["MB"] = benchmark::Counter(static_cast<double>(bytes_per_iteration) / 1e6,
                                              benchmark::Counter::kIsIterationInvariantRate);
}

// Stage 1 alone: bytes -> decoded lines and format.
void decode_only(benchmark::State& state, const Input* in) {
    for (auto _ : state) {
        Document doc = decode_document(in->bytes, in->path);
        benchmark::DoNotOptimize(doc.lines.data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(in->bytes.size()));
    report_megabytes(state, static_cast<int64_t>(in->bytes.size()));
}

// Stages 1 and 2: what `piagraph extract` does, minus writing JSON, over a batch of texts (one
// text, or the whole corpus: the throughput figure of issue 2), on one thread.
void decode_and_extract(benchmark::State& state, const std::vector<const Input*>& batch) {
    int64_t bytes = 0;
    for (const Input* in : batch) bytes += static_cast<int64_t>(in->bytes.size());
    for (auto _ : state) {
        for (const Input* in : batch) {
            try {
                Model model = extract_document(decode_document(in->bytes, in->path));
                benchmark::DoNotOptimize(model.assessments.data());
            } catch (const InputError& e) {
                state.SkipWithError(("extract refused the input: " + e.format(Lang::en)).c_str());
                return;
            }
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
    report_megabytes(state, bytes);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

    // Kept alive for the whole run: the benchmarks point into it.
    static std::vector<Input> inputs;
    fs::path corpus = fs::path(PIAGRAPH_SHARED_DIR) / "corpus";
    inputs = texts_in(corpus, "corpus");
    if (inputs.empty())
        std::fprintf(stderr, "bench_extract: %s is absent: corpus benchmarks skipped\n", corpus.string().c_str());
    for (auto& example : texts_in(fs::path(PIAGRAPH_SOURCE_DIR) / "examples", "examples"))
        inputs.push_back(std::move(example));

    std::vector<const Input*> corpus_inputs;  // copied into its benchmark
    for (const Input& in : inputs)
        if (text::starts_with(in.label, "corpus/")) corpus_inputs.push_back(&in);
    if (!corpus_inputs.empty())
        benchmark::RegisterBenchmark("extract/corpus (all texts)", decode_and_extract, corpus_inputs)
            ->Unit(benchmark::kMillisecond);
    for (const Input& in : inputs) {
        benchmark::RegisterBenchmark(("decode/" + in.label).c_str(), decode_only, &in)->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(("extract/" + in.label).c_str(), decode_and_extract,
                                     std::vector<const Input*>{&in})
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
