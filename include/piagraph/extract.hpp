// Stage 2: decoded lines -> the JSON model, form-aware. Every value keeps the line it came from.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "piagraph/ingest.hpp"
#include "piagraph/limits.hpp"
#include "piagraph/model.hpp"

namespace piagraph {

// The time and memory the extraction of one document may take (GitHub issue 12, item 6). The
// defaults are those of piagraph/limits.hpp; `piagraph extract --max-seconds/--max-memory` and
// tests change them.
struct ExtractOptions {
    std::chrono::milliseconds max_time = std::chrono::seconds(limits::kExtractSeconds);
    std::size_t max_memory_bytes = limits::kExtractMemoryBytes;
};

// Reads every assessment quoted in the document (review-board minutes may quote several).
// Throws InputError when the text is not a 特定個人情報保護評価書, or when its extraction goes over
// a limit of `options` (extract_time_error, extract_memory_error).
Model extract_document(const Document& doc, const ExtractOptions& options = {});

// load_document + extract_document.
Model extract_file(const std::string& path, const IngestOptions& options = {}, const ExtractOptions& extract = {});

}  // namespace piagraph
