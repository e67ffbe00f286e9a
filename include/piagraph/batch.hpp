// Stage 8: every organisation of a tree in one run (GitHub issue 13). ROOT holds one folder per
// organisation at any depth (a folder that directly contains *.txt/*.md/*.pdf/*.json documents is
// an organisation). Each organisation is analysed by the pipeline, its report written to
// OUT/<org>/report.html, and its rows streamed into the national index OUT/index.sqlite; then
// OUT/findings.jsonl and OUT/index.html are written from the index.
//
// Contract:
// - Organisations run in parallel (oneTBB, `jobs` threads; 0 = all cores); the index, the JSONL
//   and the page list them in the order of their relative paths, whatever the parallelism.
// - One bad document never stops the batch: it is recorded as a failure (summary, index table
//   `failures`) and the organisation is analysed without it.
// - Resumable: an organisation whose OUT/<org>/batch.json lists the same inputs and is newer than
//   all of them is not analysed again (its rows are read back from batch.json) unless `force`.
// - Streaming: an organisation's analysis is freed once its report and rows are written.
// - Every file is written whole or not at all (temporary file, then rename).
// - Nothing here prints: progress goes to the callback, the CLI draws it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "piagraph/error.hpp"

namespace piagraph {

// One organisation folder found under ROOT.
struct BatchOrganisation {
    std::string rel;                 // its path relative to ROOT ("/"-separated; "." for ROOT itself)
    std::vector<std::string> files;  // its documents' paths relative to ROOT, in name order
    std::uintmax_t bytes = 0;        // their total size
};

// The organisation folders under root (hidden folders skipped, `exclude` and what is under it
// too), in the order of their relative paths. Throws InputError when root is not a directory.
std::vector<BatchOrganisation> find_organisations(const std::string& root, const std::string& exclude = "");

// 64-bit FNV-1a: the stable hash that assigns an organisation to a shard (the same on every
// machine and build, unlike std::hash).
std::uint64_t fnv1a64(std::string_view bytes);
// The shard of an organisation (its relative path) among `count`: FNV-1a of the path, mixed by
// MurmurHash3's fmix64 finaliser, modulo count.
int shard_of(const std::string& rel, int count);
// Whether the organisation belongs to shard `index` of `count`.
bool in_shard(const std::string& rel, int index, int count);

// Parses "i/n" (0 <= i < n); throws InputError otherwise.
void parse_shard(const std::string& text, int& index, int& count);

struct BatchProgress {
    std::size_t organisations_done = 0, organisations_total = 0;
    std::size_t documents_done = 0, documents_total = 0;  // skipped organisations' documents count as done
    std::size_t documents_analysed = 0;                   // read in this run (the rate's numerator)
    std::uintmax_t bytes_analysed = 0;
    std::size_t skipped = 0;  // organisations up to date
    std::size_t failed_documents = 0;
    double seconds = 0;  // since the start
    bool finished = false;
};

struct BatchOptions {
    std::string root;
    std::string output;
    int jobs = 0;  // 0: all cores
    bool force = false;
    bool reports = true;  // write OUT/<org>/report.html
    int shard_index = 0, shard_count = 1;
    Lang lang = Lang::ja;  // of findings.jsonl's "message" (the index keeps both languages)
    // Called from one thread at a time, after each organisation and once at the end.
    std::function<void(const BatchProgress&)> progress;
};

struct BatchFailure {
    std::string organisation;  // relative path
    std::string file;          // the document relative to ROOT, or the organisation's folder
    Message error;
    int line = 0;  // where in the document, when known
};

struct BatchSummary {
    std::size_t organisations = 0;  // in this shard
    std::size_t analysed = 0;       // analysed in this run
    std::size_t skipped = 0;        // up to date, read back
    std::size_t documents = 0;
    std::size_t failed_documents = 0;
    std::size_t assessments = 0;
    std::size_t findings = 0;
    std::vector<BatchFailure> failures;
    double seconds = 0;
};

// Runs the batch. Throws InputError for a ROOT that is not a directory or an OUT that cannot be
// written; a bad document only adds to summary.failures.
BatchSummary run_batch(const BatchOptions& options);

// Merges the outputs of shard runs into `output`: the rows of every index.sqlite (an organisation
// met twice keeps its last), the organisations' folders (hard links, else copies), then
// findings.jsonl and index.html written anew. Returns the merged index's summary.
BatchSummary merge_batches(const std::vector<std::string>& inputs, const std::string& output, Lang lang = Lang::ja);

// The SQL that creates the index's tables (documented in the README).
const char* batch_index_schema();

}  // namespace piagraph
