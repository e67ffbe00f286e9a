// libFuzzer target: bytes -> decoded lines (encodings, BOMs, NUL, overlong UTF-8, PDFs by their
// magic). Bad input is refused with InputError; anything else escaping is a bug.
#include <cstdint>
#include <string>

#include "piagraph/error.hpp"
#include "piagraph/ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const piagraph::Document doc = piagraph::decode_document(bytes, "fuzz.txt");
        // Every decoded line is valid UTF-8 without the line break it was split at.
        for (const auto& line : doc.lines)
            if (line.find('\n') != std::string::npos) __builtin_trap();
    } catch (const piagraph::InputError&) {
    }
    return 0;
}
