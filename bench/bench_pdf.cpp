// PDF input speed (GitHub issue 11): pages per second of the text extraction (poppler, physical
// layout), the model extraction on top of it, and, after the run, the ratio of piagraph's text
// extraction to `pdftotext -layout` on the same PDFs (target: at most 1.2).
// The PDFs are the example city printed as the form, which `ctest -R pdf.cases` makes into
// build/pdf-cases/example (or give directories or files as PIAGRAPH_BENCH_PDFS, colon-separated).
// A benchmark, never a test: run build/bench_pdf [--benchmark_filter=…].
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "piagraph/error.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/io.hpp"

namespace {

namespace fs = std::filesystem;
using namespace piagraph;

struct Pdf {
    std::string path;
    std::string bytes;
    int pages = 0;
};

std::vector<Pdf> pdfs_in(const std::string& list) {
    std::vector<fs::path> paths;
    size_t start = 0;
    while (start <= list.size()) {
        const size_t colon = std::min(list.find(':', start), list.size());
        const fs::path p = list.substr(start, colon - start);
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            for (const auto& e : fs::directory_iterator(p, ec))
                if (e.path().extension() == ".pdf") paths.push_back(e.path());
        } else if (fs::is_regular_file(p, ec)) {
            paths.push_back(p);
        }
        start = colon + 1;
    }
    std::sort(paths.begin(), paths.end());
    std::vector<Pdf> out;
    for (const auto& p : paths) {
        try {
            Pdf pdf{p.string(), read_file_bytes(p.string(), IngestOptions{}.max_pdf_bytes), 0};
            pdf.pages = static_cast<int>(decode_document(pdf.bytes, pdf.path).page_starts.size());
            out.push_back(std::move(pdf));
        } catch (const InputError& e) {
            std::fprintf(stderr, "bench_pdf: skipped %s\n", e.format(Lang::en).c_str());
        }
    }
    return out;
}

void report_pages(benchmark::State& state, const std::vector<Pdf>& pdfs) {
    int pages = 0;
    for (const auto& p : pdfs) pages += p.pages;
    state.counters["pages"] = benchmark::Counter(pages, benchmark::Counter::kIsIterationInvariantRate);
}

void text_only(benchmark::State& state, const std::vector<Pdf>* pdfs) {
    for (auto _ : state)
        for (const auto& p : *pdfs) benchmark::DoNotOptimize(decode_document(p.bytes, p.path));
    report_pages(state, *pdfs);
}

void text_and_model(benchmark::State& state, const std::vector<Pdf>* pdfs) {
    for (auto _ : state)
        for (const auto& p : *pdfs) benchmark::DoNotOptimize(extract_document(decode_document(p.bytes, p.path)));
    report_pages(state, *pdfs);
}

enum class Work { text, text_and_model, pdftotext };

// Wall seconds of `runs` rounds over every PDF; -1 when pdftotext fails.
double seconds_of(const std::vector<Pdf>& pdfs, int runs, Work work) {
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < runs; ++r)
        for (const auto& p : pdfs) {
            if (work == Work::text) {
                benchmark::DoNotOptimize(decode_document(p.bytes, p.path));
            } else if (work == Work::text_and_model) {
                benchmark::DoNotOptimize(extract_document(decode_document(p.bytes, p.path)));
            } else {
                const std::string command = "pdftotext -layout -enc UTF-8 '" + p.path + "' /dev/null";
                if (std::system(command.c_str()) != 0) return -1;
            }
        }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The two targets: text extraction at most 1.2 x pdftotext's time, and the model on top
// costing less than the text extraction.
void print_ratios(const std::vector<Pdf>& pdfs) {
    constexpr int kRuns = 5;
    const double text = seconds_of(pdfs, kRuns, Work::text);
    const double both = seconds_of(pdfs, kRuns, Work::text_and_model);
    const double theirs = seconds_of(pdfs, kRuns, Work::pdftotext);
    std::printf(
        "pdf/model-on-top: text %.1f ms, text+model %.1f ms per round of %zu PDFs: the model adds %.0f%% "
        "of the text's time (target < 100%%)\n",
        text * 1e3 / kRuns, both * 1e3 / kRuns, pdfs.size(), 100.0 * (both - text) / text);
    if (theirs <= 0) {
        std::printf("pdf/pdftotext-ratio: pdftotext is not installed or failed: no ratio\n");
        return;
    }
    std::printf(
        "pdf/pdftotext-ratio: piagraph's text %.1f ms, pdftotext -layout %.1f ms per round: ratio %.2f "
        "(target <= 1.2)\n",
        text * 1e3 / kRuns, theirs * 1e3 / kRuns, text / theirs);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    const char* listed = std::getenv("PIAGRAPH_BENCH_PDFS");
    static const std::vector<Pdf> pdfs =
        pdfs_in(listed ? listed : std::string(PIAGRAPH_BINARY_DIR) + "/pdf-cases/example");
    if (pdfs.empty()) {
        std::fprintf(stderr,
                     "bench_pdf: no PDF found; run `ctest --test-dir build -R pdf.cases` first (it prints the "
                     "example city to build/pdf-cases/example), or set PIAGRAPH_BENCH_PDFS\n");
        return 0;
    }
    benchmark::RegisterBenchmark("pdf/text (poppler, physical layout)", text_only, &pdfs)
        ->Unit(benchmark::kMillisecond)
        ->MinTime(2.0);
    benchmark::RegisterBenchmark("pdf/text+model", text_and_model, &pdfs)->Unit(benchmark::kMillisecond)->MinTime(2.0);
    benchmark::RunSpecifiedBenchmarks();
    std::fflush(stdout);
    print_ratios(pdfs);
    benchmark::Shutdown();
    return 0;
}
