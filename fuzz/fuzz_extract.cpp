// libFuzzer target: text -> model, through the assessment splitter and both parsers (the
// markdown-like one, the pdftotext-like one and the rebuilt rows). Refusal is an InputError.
#include <cstdint>
#include <string>

#include "piagraph/error.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const piagraph::Document doc = piagraph::decode_document(bytes, "fuzz.txt");
        const piagraph::Model model = piagraph::extract_document(doc);
        // Every location points into the text it was read from.
        const int last = doc.first_line + static_cast<int>(doc.lines.size());
        for (const auto& a : model.assessments)
            if (a.loc.line < 0 || a.loc.end_line > last) __builtin_trap();
    } catch (const piagraph::InputError&) {
    }
    return 0;
}
