// Extraction throughput (decode + extract, one thread) in bytes per second, on the corpus texts
// in ../shared/corpus (skipped with a message when absent) and on the bundled example city; the
// time of extraction over that of decoding, per text, printed as one `extract/decode:` line per
// text after the run (issue 13: at most 3), also for synthetic texts (PIAGRAPH_BENCH_SYNTH); and the cost of a text
// holding many assessments: N copies of one text must cost about N times one copy (issue 9, "linear cost"), printed as
// one `extract/copies:` line per text after the run. A benchmark, never a test: run build/bench_extract
// [--benchmark_filter=…].
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <utility>
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
    // CPU seconds per iteration of decode_only and of decode_and_extract on this text alone, of
    // the last (reported) run: their ratio is printed after the run (issue 13: extract <= 3x decode).
    double decode_seconds = 0;
    double extract_seconds = 0;
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

// CPU time of this thread (what Google Benchmark's "CPU" column measures): unlike wall time it
// does not grow when other processes share the cores.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double seconds_per_iteration(double start, const benchmark::State& state) {
    return (thread_cpu_seconds() - start) /
           static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
}

// Stage 1 alone: bytes -> decoded lines and format.
void decode_only(benchmark::State& state, Input* in) {
    const double start = thread_cpu_seconds();
    for (auto _ : state) {
        Document doc = decode_document(in->bytes, in->path);
        benchmark::DoNotOptimize(doc.lines.data());
    }
    in->decode_seconds = seconds_per_iteration(start, state);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(in->bytes.size()));
    report_megabytes(state, static_cast<int64_t>(in->bytes.size()));
}

// Stages 1 and 2: what `piagraph extract` does, minus writing JSON, over a batch of texts (one
// text, or the whole corpus: the throughput figure of issue 2), on one thread.
void decode_and_extract(benchmark::State& state, const std::vector<Input*>& batch) {
    int64_t bytes = 0;
    for (const Input* in : batch) bytes += static_cast<int64_t>(in->bytes.size());
    const double start = thread_cpu_seconds();
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
    if (batch.size() == 1) batch.front()->extract_seconds = seconds_per_iteration(start, state);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
    report_megabytes(state, bytes);
}

// Extraction (decoding included) over decoding alone, per text: the target is at most 3.
constexpr double kExtractOverDecodeTarget = 3.0;

void print_decode_ratio(const Input& in) {
    if (in.decode_seconds <= 0 || in.extract_seconds <= 0) return;  // filtered out or failed
    std::printf("extract/decode: %s extract takes %.1fx decode (target <= %.0f); CPU %.2f ms vs %.3f ms\n",
                in.label.c_str(), in.extract_seconds / in.decode_seconds, kExtractOverDecodeTarget,
                in.extract_seconds * 1e3, in.decode_seconds * 1e3);
}

// One text repeated: the same assessment `copies` times, joined by a blank line and a form feed
// (as a batch of assessments printed into one file would be).
struct Copies {
    std::string source;  // "003", "001", "midori-juki"
    int copies = 1;
    Input text;
    double seconds = 0;           // CPU seconds per iteration, of the last (reported) run
    size_t assessments = 0;       // what extract_document found in it
    const Copies* one = nullptr;  // for N > 1: the 1-copy run, measured before this one
};

std::string repeated(const std::string& bytes, int copies) {
    std::string one = bytes;
    while (!one.empty() && (one.back() == '\n' || one.back() == '\r')) one.pop_back();
    std::string out;
    out.reserve((one.size() + 4) * static_cast<size_t>(copies));
    for (int i = 0; i < copies; ++i) {
        if (i > 0) out += "\n\n\f\n";
        out += one;
    }
    out += '\n';
    return out;
}

// Like decode_and_extract, and it keeps its own CPU time per iteration and the number of
// assessments found, for the ratio printed after the run.
void extract_copies(benchmark::State& state, Copies* c) {
    size_t found = 0;
    double start = thread_cpu_seconds();
    for (auto _ : state) {
        try {
            Model model = extract_document(decode_document(c->text.bytes, c->text.path));
            found = model.assessments.size();
            benchmark::DoNotOptimize(model.assessments.data());
        } catch (const InputError& e) {
            state.SkipWithError(("extract refused the input: " + e.format(Lang::en)).c_str());
            return;
        }
    }
    c->seconds = seconds_per_iteration(start, state);
    c->assessments = found;
    state.counters["assessments"] = static_cast<double>(found);
    if (c->one != nullptr && c->one->seconds > 0)  // time(N)/time(1)/N, as a counter too
        state.counters["per_copy"] = c->seconds / c->one->seconds / c->copies;
    report_megabytes(state, static_cast<int64_t>(c->text.bytes.size()));
}

// CPU time(N copies) / CPU time(1 copy), and that divided by N: 1.0 is linear.
constexpr double kPerCopyTarget = 1.3;

void print_copies_ratio(const Copies& one, const Copies& many) {
    if (one.seconds <= 0 || many.seconds <= 0) return;  // filtered out or failed
    double ratio = many.seconds / one.seconds;
    double per_copy = ratio / many.copies;
    std::printf(
        "extract/copies: %d copies of %s take %.1fx one copy (%.2f per copy; target <= %.1f); "
        "CPU %.1f ms vs %.1f ms\n",
        many.copies, many.source.c_str(), ratio, per_copy, kPerCopyTarget, many.seconds * 1e3, one.seconds * 1e3);
    if (many.assessments != static_cast<size_t>(many.copies))
        std::printf("extract/copies: WARNING: %d copies of %s gave %zu assessments, expected %d\n", many.copies,
                    many.source.c_str(), many.assessments, many.copies);
    if (one.assessments != 1)
        std::printf("extract/copies: WARNING: one copy of %s gave %zu assessments, expected 1\n", one.source.c_str(),
                    one.assessments);
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
    // Synthetic assessments of real sizes (tools/piagraph-synth, both conversions), when
    // PIAGRAPH_BENCH_SYNTH names a directory it wrote (`ninja bench-extract-synth` does both).
    if (const char* synth = std::getenv("PIAGRAPH_BENCH_SYNTH")) {
        constexpr size_t kSynthTexts = 10;
        auto texts = texts_in(synth, "synth");
        if (texts.empty()) std::fprintf(stderr, "bench_extract: no texts in PIAGRAPH_BENCH_SYNTH=%s\n", synth);
        if (texts.size() > kSynthTexts) texts.resize(kSynthTexts);
        for (auto& t : texts) inputs.push_back(std::move(t));
    }

    std::vector<Input*> corpus_inputs;  // copied into its benchmark
    for (Input& in : inputs)
        if (text::starts_with(in.label, "corpus/")) corpus_inputs.push_back(&in);
    if (!corpus_inputs.empty())
        benchmark::RegisterBenchmark("extract/corpus (all texts)", decode_and_extract, corpus_inputs)
            ->Unit(benchmark::kMillisecond);
    for (Input& in : inputs) {
        benchmark::RegisterBenchmark(("decode/" + in.label).c_str(), decode_only, &in)->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(("extract/" + in.label).c_str(), decode_and_extract, std::vector<Input*>{&in})
            ->Unit(benchmark::kMillisecond);
    }

    // N = 1 and N = 30 copies of the pdftotext corpus text 003 and the markdown one 001 (when
    // ../shared is present) and of the example city's 住民基本台帳 assessment (always).
    constexpr int kCopies = 30;
    static std::vector<std::pair<Copies, Copies>> copies;  // (1 copy, kCopies copies)
    auto add_copies = [](const std::string& source, const Input& in) {
        Copies one{source, 1, {in.label + " x1", in.path, repeated(in.bytes, 1)}};
        Copies many{source, kCopies, {in.label + " x" + std::to_string(kCopies), in.path, repeated(in.bytes, kCopies)}};
        copies.emplace_back(std::move(one), std::move(many));
    };
    for (const char* prefix : {"corpus/003_", "corpus/001_"})
        for (const Input& in : inputs)
            if (text::starts_with(in.label, prefix)) add_copies(std::string(prefix).substr(7, 3), in);
    for (const Input& in : inputs)
        if (in.label == "examples/midori/midori-juki.txt") add_copies("midori-juki", in);
    for (auto& [one, many] : copies) {  // registered once the vector no longer grows
        many.one = &one;
        for (Copies* c : {&one, &many})
            benchmark::RegisterBenchmark(("extract/copies/" + c->source + " x" + std::to_string(c->copies)).c_str(),
                                         extract_copies, c)
                ->Unit(benchmark::kMillisecond);
    }

    benchmark::RunSpecifiedBenchmarks();
    std::fflush(stdout);
    for (const Input& in : inputs) print_decode_ratio(in);
    for (const auto& [one, many] : copies) print_copies_ratio(one, many);
    benchmark::Shutdown();
    return 0;
}
