// Stage 1: bytes -> decoded lines. Detects the encoding (UTF-8, UTF-8 with BOM, UTF-16 LE/BE,
// Shift_JIS/CP932) or reads a PDF's text (poppler, physical layout), rejects what is neither,
// and tells the two conversions apart.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "piagraph/limits.hpp"

namespace piagraph {

enum class TextFormat { markdown, pdftext };

struct Document {
    std::string path;
    std::string encoding;  // what it was decoded from: UTF-8, UTF-16LE, CP932 …
    TextFormat format = TextFormat::markdown;
    std::vector<std::string> lines;  // UTF-8, 0-based index = line number - first_line
    std::string text;                // the whole decoded text
    int first_line = 1;              // the line number of lines[0] (a part of a longer document)
    // PDF input only: page_starts[k] is the line number on which page k+1 starts, and
    // unread_pages the pages (1-based) whose text could not be read (no text, unmapped fonts).
    std::vector<int> page_starts;
    std::vector<int> unread_pages;
    // The PDF page of a line number (1-based), or 0 when the input was not a PDF.
    int page_of(int line) const;
};

// The defaults are the limits of piagraph/limits.hpp; tests lower them.
struct IngestOptions {
    std::size_t max_bytes = limits::kMaxTextBytes;     // larger texts are refused, not truncated
    std::size_t max_pdf_bytes = limits::kMaxPdfBytes;  // PDFs carry fonts and images: more room
    int max_pdf_pages = limits::kMaxPdfPages;          // the longest assessments have ~300 pages
    // How many bytes to read before knowing whether the file is a text or a PDF.
    std::size_t read_limit() const { return max_bytes > max_pdf_bytes ? max_bytes : max_pdf_bytes; }
};

// Reads and decodes a file. Throws InputError (file, line, message) for a missing file, a
// directory, an empty or too large file, binary data, truncated or undecodable text.
Document load_document(const std::string& path, const IngestOptions& options = {});

// Decodes bytes already in memory (for tests and stdin). A PDF is recognised by its signature
// (%PDF- in the first 1,024 bytes), whatever the file is called.
Document decode_document(const std::string& bytes, const std::string& path, const IngestOptions& options = {});

// Markdown-like conversions keep label/value rows on one line with tabs or HTML; pdftotext-like
// ones scatter them. Decided from the whole text.
TextFormat detect_format(const std::vector<std::string>& lines);

const char* format_name(TextFormat f);

// Whether the bytes start like a PDF file.
bool is_pdf(std::string_view bytes);

// Whether the text is a JSON model (its first non-blank character opens an object), not a document.
bool is_json_model(std::string_view text);

}  // namespace piagraph
