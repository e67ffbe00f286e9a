// Styles: embedded styles/*.json (generated/styles_data.cpp) or a JSON file laid over default.
#include <filesystem>

#include "piagraph/io.hpp"
#include "piagraph/render.hpp"

namespace piagraph {

struct EmbeddedStyle {
    const char* name;
    const char* json;
};
extern const EmbeddedStyle kEmbeddedStyles[];

namespace {

constexpr std::size_t kMaxStyleBytes = 1 << 20;

const char* embedded_style(std::string_view name) {
    for (const EmbeddedStyle* s = kEmbeddedStyles; s->name; ++s)
        if (name == s->name) return s->json;
    return nullptr;
}

nlohmann::json parse_style_text(const std::string& text, const std::string& file) {
    check_json_depth(text, file);  // merge_patch below recurses as deep as the overlay nests
    try {
        nlohmann::json j = nlohmann::json::parse(text);
        if (!j.is_object())
            throw InputError(file, 0,
                             {"スタイルは JSON オブジェクトである必要があります", "a style must be a JSON object"});
        return j;
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(file, 0,
                         {std::string("スタイルの JSON が読めません: ") + e.what(),
                          std::string("cannot parse style JSON: ") + e.what()});
    }
}

std::string scalar_text(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number()) return std::to_string(v.get<double>());
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return {};
}

}  // namespace

std::vector<std::string> style_names() {
    std::vector<std::string> names;
    for (const EmbeddedStyle* s = kEmbeddedStyles; s->name; ++s) names.emplace_back(s->name);
    return names;
}

Style load_style(const std::string& name_or_file) {
    const char* base = embedded_style("default");
    if (!base)
        throw InputError("styles/default.json", 0,
                         {"既定のスタイルが組み込まれていません", "the default style is not built in"});
    Style style{parse_style_text(base, "styles/default.json")};
    if (name_or_file.empty() || name_or_file == "default") return style;
    nlohmann::json overlay;
    if (const char* embedded = embedded_style(name_or_file)) {
        overlay = parse_style_text(embedded, "styles/" + name_or_file + ".json");
    } else if (std::filesystem::exists(name_or_file)) {
        overlay = parse_style_text(read_file_bytes(name_or_file, kMaxStyleBytes), name_or_file);
    } else {
        std::string known;
        for (const auto& n : style_names()) known += (known.empty() ? "" : ", ") + n;
        throw InputError(name_or_file, 0,
                         {"スタイルが見つかりません（組み込み: " + known + "、または JSON ファイルのパス）",
                          "no such style (built in: " + known + ", or a path to a JSON file)"});
    }
    // merge_patch keeps every key the overlay does not mention.
    style.data.merge_patch(overlay);
    return style;
}

std::string Style::font() const { return data.value("font", std::string("Noto Sans CJK JP")); }

int Style::font_size() const {
    const auto it = data.find("font_size");
    return it != data.end() && it->is_number() ? std::max(4, it->get<int>()) : 10;
}

int Style::wrap_columns() const {
    const auto it = data.find("wrap_columns");
    return it != data.end() && it->is_number() ? std::max(8, it->get<int>()) : 24;
}

int Style::max_label_lines() const {
    const auto it = data.find("max_label_lines");
    return it != data.end() && it->is_number() ? std::max(1, it->get<int>()) : 6;
}

std::map<std::string, std::string> Style::attributes(const std::string& section, const std::string& role) const {
    std::map<std::string, std::string> out;
    const auto sec = data.find(section);
    if (sec == data.end() || !sec->is_object()) return out;
    auto take = [&out](const nlohmann::json& obj) {
        if (!obj.is_object()) return;
        for (const auto& [k, v] : obj.items())
            if (!k.empty() && k[0] != '_') out[k] = scalar_text(v);
    };
    if (section == "graph") {
        take(*sec);
        return out;
    }
    if (const auto d = sec->find("default"); d != sec->end()) take(*d);
    if (const auto r = sec->find(role); r != sec->end()) take(*r);
    return out;
}

std::string Style::text(const std::string& section, const std::string& key) const {
    const auto sec = data.find(section);
    if (sec != data.end() && sec->is_object()) {
        const auto v = sec->find(key);
        if (v != sec->end() && v->is_string()) return v->get<std::string>();
    }
    return key;
}

}  // namespace piagraph
