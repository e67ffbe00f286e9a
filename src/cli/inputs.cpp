#include <algorithm>
#include <filesystem>

#include "commands.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/io.hpp"
#include "piagraph/text.hpp"

namespace piagraph::cli {

namespace fs = std::filesystem;

const std::string& tr(const Context& ctx, const Message& m) { return m.in(ctx.lang); }

namespace {

bool looks_like_json(const std::string& bytes) {
    for (char c : bytes) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        return c == '{';
    }
    return false;
}

void load_one(const std::string& path, std::vector<Assessment>& out) {
    IngestOptions options;
    std::string bytes = read_file_bytes(path, options.read_limit());
    Model model = looks_like_json(bytes) ? parse_model_json(bytes, path)
                                         : extract_document(decode_document(bytes, path, options));
    for (auto& a : model.assessments) {
        if (a.source_file.empty()) a.source_file = path;
        out.push_back(std::move(a));
    }
}

}  // namespace

std::vector<Assessment> load_inputs(const std::vector<std::string>& paths) {
    std::vector<Assessment> out;
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            std::vector<std::string> files;
            for (const auto& entry : fs::directory_iterator(path, ec)) {
                if (!entry.is_regular_file()) continue;
                auto ext = entry.path().extension().string();
                if (ext == ".txt" || ext == ".md" || ext == ".json" || ext == ".pdf")
                    files.push_back(entry.path().string());
            }
            std::sort(files.begin(), files.end());
            if (files.empty())
                throw InputError(path, 0,
                                 {"評価書（.pdf/.txt/.md）も JSON モデル（.json）もありません",
                                  "no assessment (.pdf/.txt/.md) or JSON model (.json) in this directory"});
            for (const auto& f : files) load_one(f, out);
        } else {
            load_one(path, out);
        }
    }
    return out;
}

}  // namespace piagraph::cli
