// Stage 1: bytes -> decoded lines. Detects the encoding (UTF-8, UTF-8 with BOM, UTF-16 LE/BE,
// Shift_JIS/CP932), rejects what is not text, and tells the two conversions apart.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace piagraph {

enum class TextFormat { markdown, pdftext };

struct Document {
    std::string path;
    std::string encoding;  // what it was decoded from: UTF-8, UTF-16LE, CP932 …
    TextFormat format = TextFormat::markdown;
    std::vector<std::string> lines;  // UTF-8, 0-based index = line number - first_line
    std::string text;                // the whole decoded text
    int first_line = 1;              // the line number of lines[0] (a part of a longer document)
};

struct IngestOptions {
    std::size_t max_bytes = 32u * 1024u * 1024u;  // larger files are refused, not truncated
};

// Reads and decodes a file. Throws InputError (file, line, message) for a missing file, a
// directory, an empty or too large file, binary data, truncated or undecodable text.
Document load_document(const std::string& path, const IngestOptions& options = {});

// Decodes bytes already in memory (for tests and stdin).
Document decode_document(const std::string& bytes, const std::string& path, const IngestOptions& options = {});

// Markdown-like conversions keep label/value rows on one line with tabs or HTML; pdftotext-like
// ones scatter them. Decided from the whole text.
TextFormat detect_format(const std::vector<std::string>& lines);

const char* format_name(TextFormat f);

}  // namespace piagraph
