#include "model_references.hpp"

#include "json_path.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/error.hpp"
#include "piagraph/io.hpp"
#include "piagraph/limits.hpp"
#include "piagraph/text.hpp"

namespace piagraph::model_detail {

namespace {

// A value quoted in a message: document text of any length, cut to a line's worth.
std::string quoted(const std::string& value) {
    constexpr size_t kMaxQuotedChars = 60;
    std::u32string chars = text::to_u32(value);
    if (chars.size() <= kMaxQuotedChars) return "\"" + value + "\"";
    chars.resize(kMaxQuotedChars);
    return "\"" + text::to_utf8(chars) + "…\"";
}

std::string index(size_t i) { return "[" + std::to_string(i) + "]"; }

// The path as a message shows it: keys joined by '.', indices in [].
std::string joined(const std::vector<std::string>& tokens) {
    std::string out;
    for (const auto& t : tokens) out += (out.empty() || t[0] == '[') ? t : "." + t;
    return out;
}

struct Checker {
    const std::string& text;
    const std::string& file;

    [[noreturn]] void dangling(const std::vector<std::string>& path, const std::string& value,
                               const Message& why) const {
        const std::string p = joined(path);
        throw InputError(file, PathLocator(text, path).line(),
                         {"JSON モデルの参照先がありません: " + p + " = " + quoted(value) + "（" + why.ja + "）",
                          "dangling reference in the JSON model: " + p + " = " + quoted(value) + " (" + why.en + ")"});
    }

    void connections(System& s, const std::vector<std::string>& at) const {
        const Dictionary& dict = Dictionary::get();
        for (size_t k = 0; k < s.connections.size(); ++k) {
            if (auto standard = dict.standard_option("connections", s.connections[k])) {
                s.connections[k] = *standard;
                continue;
            }
            std::string ja, en;
            for (const auto& label : dict.options("connections")) {
                ja += (ja.empty() ? "" : "、") + label;
                en += (en.empty() ? "" : ", ") + label;
            }
            auto path = at;
            path.insert(path.end(), {"connections", index(k)});
            dangling(path, s.connections[k],
                     {"③の接続先は " + ja + " のいずれかです。ほかのシステムの名前は other に書きます",
                      "a connection is one of the boxes " + en + "; other systems' names belong in \"other\""});
        }
    }

    void canonical_id(const System& s, const std::vector<std::string>& at) const {
        if (s.canonical_id.empty() || Dictionary::get().system_by_id(s.canonical_id)) return;
        auto path = at;
        path.push_back("canonical_id");
        dangling(path, s.canonical_id,
                 {"辞書にこの ID の標準システムはありません（空にすると名前から判断します）",
                  "no standard system of the dictionary has this id (leave it empty to resolve the name)"});
    }

    // Whether a coverage key's entry exists: files[i], and in it provisions[j], transfers[j] or
    // entrustments[j]. Keys of other items name no entry.
    static bool entry_exists(const Assessment& a, const std::string& key, std::string& missing) {
        auto number_at = [&key](size_t& pos, size_t& out) {
            if (pos >= key.size() || key[pos] != '[') return false;
            const size_t close = key.find(']', pos);
            if (close == std::string::npos || close == pos + 1 || close - pos > 10) return false;
            out = 0;
            for (size_t i = pos + 1; i < close; ++i) {
                if (key[i] < '0' || key[i] > '9') return false;
                out = out * 10 + static_cast<size_t>(key[i] - '0');
            }
            pos = close + 1;
            return true;
        };
        const std::string files = "files";
        if (!text::starts_with(key, files + "[")) return true;
        size_t pos = files.size(), f = 0;
        if (!number_at(pos, f)) return true;
        if (f >= a.files.size()) {
            missing = key.substr(0, pos);
            return false;
        }
        const FileBlock& block = a.files[f];
        const std::pair<const char*, size_t> lists[] = {{".provisions", block.provisions.size()},
                                                        {".transfers", block.transfers.size()},
                                                        {".entrustments", block.entrustments.size()}};
        for (const auto& list : lists) {
            const std::string name = list.first;
            if (key.compare(pos, name.size(), name) != 0) continue;
            size_t at = pos + name.size(), n = 0;
            if (!number_at(at, n)) return true;
            if (n >= list.second) {
                missing = key.substr(0, at);
                return false;
            }
        }
        return true;
    }

    void coverage(const Assessment& a, const std::vector<std::string>& at) const {
        for (const auto& [key, item] : a.coverage) {
            std::string missing;
            if (entry_exists(a, key, missing)) continue;
            auto path = at;
            path.insert(path.end(), {"coverage", key});
            dangling(
                path, key,
                {"モデルに " + missing + " がありません（その項目を削除したなら、この coverage も削除してください）",
                 "the model has no " + missing + " (when you removed that entry, remove this coverage item too)"});
        }
    }
};

}  // namespace

void check_references(Model& model, const std::string& text, const std::string& file) {
    const Checker check{text, file};
    for (size_t i = 0; i < model.assessments.size(); ++i) {
        Assessment& a = model.assessments[i];
        const std::vector<std::string> at{"assessments", index(i)};
        if (a.systems.size() > limits::kMaxSystemsPerAssessment) {
            const std::vector<std::string> list{"assessments", index(i), "systems"};
            throw too_many_systems_error(file, PathLocator(text, list).line(), a.systems.size(), joined(list));
        }
        for (size_t s = 0; s < a.systems.size(); ++s) {
            std::vector<std::string> system_at = at;
            system_at.insert(system_at.end(), {"systems", index(s)});
            check.connections(a.systems[s], system_at);
            check.canonical_id(a.systems[s], system_at);
        }
        check.coverage(a, at);
    }
}

}  // namespace piagraph::model_detail
