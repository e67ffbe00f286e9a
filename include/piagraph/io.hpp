// Output files are written whole or not at all: a temporary file beside the target, then rename.
#pragma once

#include <cstddef>
#include <string>

#include "piagraph/error.hpp"

namespace piagraph {

// Writes content to path atomically ("-" writes to stdout). Throws InputError on failure,
// leaving no partial file behind.
void write_file_atomic(const std::string& path, const std::string& content);

// The error for a file over the size limit (shared by file reading and decoding).
InputError too_large_error(const std::string& path, std::size_t max_bytes);

// The error for an assessment with more systems than limits::kMaxSystemsPerAssessment (a
// document or a JSON model; `where` is the JSON path of the list, or "").
InputError too_many_systems_error(const std::string& path, int line, std::size_t count, const std::string& where);

// The errors for a document whose extraction goes over its time limit (in milliseconds, said in
// seconds) or its memory limit (in bytes, said in MB): each names the option that raises it.
InputError extract_time_error(const std::string& path, long long limit_ms);
InputError extract_memory_error(const std::string& path, std::size_t limit_bytes);
// The error for a document whose reading ran out of memory (std::bad_alloc) before any limit.
InputError out_of_memory_error(const std::string& path);

// Reads a whole file as bytes; throws InputError if missing, a directory, or unreadable.
std::string read_file_bytes(const std::string& path, std::size_t max_bytes);

// Refuses JSON text (a model, a baseline, a style) that nests deeper than limits::kMaxJsonDepth,
// before it is parsed: InputError naming the line of the bracket that goes too deep. Text that is
// not valid JSON is left to the parser.
void check_json_depth(const std::string& text, const std::string& path);

}  // namespace piagraph
