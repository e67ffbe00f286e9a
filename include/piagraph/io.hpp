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

// Reads a whole file as bytes; throws InputError if missing, a directory, or unreadable.
std::string read_file_bytes(const std::string& path, std::size_t max_bytes);

}  // namespace piagraph
