// libFuzzer target: bytes after a PDF header -> text through poppler. Broken, locked, scanned or
// huge PDFs are refused with InputError; a crash or a hang is a bug.
#include <cstdint>
#include <string>

#include "piagraph/error.hpp"
#include "piagraph/ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (!piagraph::is_pdf(bytes)) bytes.insert(0, "%PDF-1.4\n");
    try {
        piagraph::IngestOptions options;
        options.max_pdf_pages = 20;  // keep each run short; the limit itself is tested elsewhere
        piagraph::decode_document(bytes, "fuzz.pdf", options);
    } catch (const piagraph::InputError&) {
    }
    return 0;
}
