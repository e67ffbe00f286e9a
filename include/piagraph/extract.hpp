// Stage 2: decoded lines -> the JSON model, form-aware. Every value keeps the line it came from.
#pragma once

#include <string>

#include "piagraph/ingest.hpp"
#include "piagraph/model.hpp"

namespace piagraph {

// Reads every assessment quoted in the document (review-board minutes may quote several).
// Throws InputError when the text is not a 特定個人情報保護評価書.
Model extract_document(const Document& doc);

// load_document + extract_document.
Model extract_file(const std::string& path, const IngestOptions& options = {});

}  // namespace piagraph
