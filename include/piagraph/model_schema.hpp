// The JSON Schema of the model (schemas/model.schema.json, compiled in), and the check of a
// hand-edited model against its keys: a key the schema does not know is most often a typo
// (sytems for systems) that would silently drop what it holds.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "piagraph/error.hpp"
#include "piagraph/model.hpp"

namespace piagraph {

// The schema's text, and the URL that models name it by in "$schema".
const std::string& model_schema_text();
inline constexpr const char* kModelSchemaId = "https://piagraph.example/schemas/model.schema.json";

// One warning (file, line, message) per key of the model in `text` that the schema does not
// know, with the known key it most likely meant. The text must be valid JSON.
std::vector<InputError> unknown_model_keys(const std::string& text, const std::string& file);
// The same on the model already parsed from `text` (text only gives the lines).
std::vector<InputError> unknown_model_keys(const nlohmann::json& model, const std::string& text,
                                           const std::string& file);

// parse_model_json, and the unknown keys' warnings, from one parse of the text.
Model parse_model_json(const std::string& text, const std::string& file, std::vector<InputError>& warnings);

}  // namespace piagraph
