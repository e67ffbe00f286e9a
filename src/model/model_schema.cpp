#include "piagraph/model_schema.hpp"

#include <nlohmann/json.hpp>

#include "json_path.hpp"

namespace piagraph {

extern const char* const kModelSchemaJson;  // generated from schemas/model.schema.json

namespace {

using nlohmann::json;

const json& schema() {
    static const json s = json::parse(model_schema_text());
    return s;
}

// A "$ref": "#/$defs/name" resolved; other nodes as they are.
const json& resolved(const json& node) {
    if (auto ref = node.find("$ref"); ref != node.end() && ref->is_string()) {
        const std::string r = ref->get<std::string>();
        const std::string prefix = "#/$defs/";
        if (r.rfind(prefix, 0) == 0) return schema().at("$defs").at(r.substr(prefix.size()));
    }
    return node;
}

// Edit distance of two short ASCII keys.
size_t distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// The known key nearest to `key` when it is a near miss (at most two edits), else "".
std::string near_miss(const std::string& key, const json& properties) {
    constexpr size_t kMaxEdits = 2;
    std::string best;
    size_t best_distance = kMaxEdits + 1;
    for (const auto& [known, unused] : properties.items()) {
        const size_t d = distance(key, known);
        if (d < best_distance) {
            best = known;
            best_distance = d;
        }
    }
    return best;
}

struct Walker {
    const std::string& text;
    const std::string& file;
    std::vector<InputError> out;

    void walk(const json& value, const json& node, const std::string& path) {
        const json& s = resolved(node);
        if (value.is_array()) {
            if (auto items = s.find("items"); items != s.end())
                for (size_t i = 0; i < value.size(); ++i) walk(value[i], *items, path + "[" + std::to_string(i) + "]");
            return;
        }
        if (!value.is_object()) return;
        const auto properties = s.find("properties");
        const auto additional = s.find("additionalProperties");
        for (const auto& [key, child] : value.items()) {
            const std::string child_path = path.empty() ? key : path + "." + key;
            if (properties != s.end() && properties->contains(key)) {
                walk(child, properties->at(key), child_path);
            } else if (additional != s.end() && additional->is_object()) {
                walk(child, *additional, child_path);
            } else if (additional != s.end() && additional->is_boolean() && !additional->get<bool>()) {
                unknown(key, child_path, properties != s.end() ? *properties : json::object());
            }
        }
    }

    void unknown(const std::string& key, const std::string& path, const json& properties) {
        const std::string guess = near_miss(key, properties);
        Message m{"JSON モデルの不明なキーです（読み飛ばします）: " + path,
                  "unknown key in the JSON model (ignored): " + path};
        if (!guess.empty()) {
            m.ja += "（「" + guess + "」の誤りですか）";
            m.en += " (did you mean \"" + guess + "\"?)";
        }
        out.emplace_back(file, model_detail::PathLocator(text, path).line(), std::move(m));
    }
};

}  // namespace

const std::string& model_schema_text() {
    static const std::string text = kModelSchemaJson;
    return text;
}

std::vector<InputError> unknown_model_keys(const std::string& text, const std::string& file) {
    const json model = json::parse(text, nullptr, false);
    if (model.is_discarded()) return {};
    return unknown_model_keys(model, text, file);
}

std::vector<InputError> unknown_model_keys(const json& model, const std::string& text, const std::string& file) {
    Walker w{text, file, {}};
    w.walk(model, schema(), "");
    return std::move(w.out);
}

}  // namespace piagraph
