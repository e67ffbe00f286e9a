// PDF input (GitHub issue 11): the text of each page in physical layout, as `pdftotext -layout`
// prints it, so the parsers read a PDF exactly like that conversion.
#pragma once

#include <string>

#include "piagraph/ingest.hpp"

namespace piagraph::ingest_detail {

// Throws InputError (exit 2) for a broken, truncated or password-protected PDF, one with too many
// pages, one without any text (a scan) and one whose fonts give no readable characters.
Document decode_pdf(const std::string& bytes, const std::string& path, const IngestOptions& options);

}  // namespace piagraph::ingest_detail
