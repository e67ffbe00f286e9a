// Internal interface of the extract stage: one parser per conversion, both form-aware.
#pragma once

#include <vector>

#include "piagraph/ingest.hpp"
#include "piagraph/model.hpp"

namespace piagraph::extract_detail {

// Markdown-like conversions (src/extract/markdown/): tab-separated label/value rows, HTML fragments,
// checkbox spellings.
std::vector<Assessment> parse_markdown(const Document& doc);

// pdftotext-like conversions: reading order scrambled, marks detached from labels.
std::vector<Assessment> parse_pdftext(const Document& doc);

// The text as both parsers get it: its pages in printed order and its conversion's damage repaired
// (line_repairs.hpp); the input as it is where nothing needed repair.
Document cleaned_document(const Document& doc);

}  // namespace piagraph::extract_detail
