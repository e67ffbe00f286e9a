// libFuzzer target: JSON -> model, through the strict loader and the schema's key check. What
// the loader accepts, it writes back and reads again to the same model.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "piagraph/error.hpp"
#include "piagraph/model.hpp"
#include "piagraph/model_schema.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const piagraph::Model model = piagraph::parse_model_json(text, "fuzz.json");
        piagraph::unknown_model_keys(text, "fuzz.json");
        const std::string written = nlohmann::json(model).dump();
        const piagraph::Model again = piagraph::parse_model_json(written, "again.json");
        if (nlohmann::json(again).dump() != written) __builtin_trap();
    } catch (const piagraph::InputError&) {
    }
    return 0;
}
