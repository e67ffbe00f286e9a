#include "piagraph/io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "piagraph/error.hpp"
#include "piagraph/limits.hpp"

namespace piagraph {

namespace fs = std::filesystem;

void write_file_atomic(const std::string& path, const std::string& content) {
    if (path == "-") {
        std::cout << content;
        std::cout.flush();
        return;
    }
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (fs::is_directory(target, ec))
        throw InputError(
            path, 0,
            {"出力先はディレクトリです。ファイル名を指定してください", "the output path is a directory; name a file"});
    std::random_device rd;
    fs::path tmp = dir / ("." + target.filename().string() + ".tmp" + std::to_string(rd()));
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw InputError(path, 0,
                             {std::string("出力ファイルを作成できません: ") + std::strerror(errno),
                              std::string("cannot create the output file: ") + std::strerror(errno)});
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            out.close();
            fs::remove(tmp, ec);
            throw InputError(path, 0, {"出力ファイルの書き込みに失敗しました", "writing the output file failed"});
        }
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw InputError(path, 0, {"出力ファイルを置き換えられません", "cannot move the output file into place"});
    }
}

InputError too_large_error(const std::string& path, std::size_t max_bytes) {
    std::string mb = std::to_string(max_bytes / (1024 * 1024));
    return InputError(path, 0,
                      {"ファイルが大きすぎます（上限 " + mb + " MB）。評価書ごとに分けてください",
                       "file too large (limit " + mb + " MB); split it per assessment"});
}

InputError too_many_systems_error(const std::string& path, int line, std::size_t count, const std::string& where) {
    const std::string n = std::to_string(count);
    const std::string limit = std::to_string(limits::kMaxSystemsPerAssessment);
    const std::string at_ja = where.empty() ? "" : where + " に ";
    const std::string at_en = where.empty() ? "" : " in " + where;
    return InputError(
        path, line,
        {"一つの評価書のシステムが多すぎます（" + at_ja + n + " 個、上限 " + limit +
             " 個。様式のシステムは 1～20 です）",
         "too many systems in one assessment (" + n + at_en + ", limit " + limit + "; the forms have systems 1-20)"});
}

namespace {
// 0.5 -> "0.5", 60 -> "60": the limit as the option writes it.
std::string seconds_text(long long ms) {
    std::string s = std::to_string(ms / 1000);
    if (ms % 1000 == 0) return s;
    std::string frac = std::to_string(1000 + ms % 1000).substr(1);
    while (frac.back() == '0') frac.pop_back();
    return s + "." + frac;
}
}  // namespace

InputError extract_time_error(const std::string& path, long long limit_ms) {
    const std::string limit = seconds_text(limit_ms);
    return InputError(path, 0,
                      {"読み取りに時間がかかりすぎました（上限 " + limit + " 秒。--max-seconds で変更できます）",
                       "extraction took too long (limit " + limit + " s; raise it with --max-seconds)"});
}

InputError extract_memory_error(const std::string& path, std::size_t limit_bytes) {
    const std::string mb = std::to_string(limit_bytes / (1024 * 1024));
    return InputError(path, 0,
                      {"読み取りに必要なメモリが多すぎます（上限 " + mb + " MB。--max-memory で変更できます）",
                       "extraction needs too much memory (limit " + mb + " MB; raise it with --max-memory)"});
}

InputError out_of_memory_error(const std::string& path) {
    return InputError(path, 0,
                      {"メモリが足りなくなりました（入力が大きすぎるか壊れています）",
                       "out of memory (the input is too large or malformed)"});
}

std::string read_file_bytes(const std::string& path, std::size_t max_bytes) {
    std::error_code ec;
    fs::path p(path);
    if (!fs::exists(p, ec)) throw InputError(path, 0, {"ファイルが見つかりません", "file not found"});
    if (fs::is_directory(p, ec))
        throw InputError(path, 0,
                         {"ディレクトリです。評価書のテキストファイルを指定してください",
                          "is a directory, not an assessment text file"});
    // Refuse an oversized file from its size, without reading it.
    if (auto size = fs::file_size(p, ec); !ec && size > max_bytes) throw too_large_error(path, max_bytes);
    std::ifstream in(p, std::ios::binary);
    if (!in)
        throw InputError(
            path, 0,
            {"ファイルを読み込めません（権限を確認してください）", "cannot read the file (check permissions)"});
    std::string bytes;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        bytes.append(buf, static_cast<size_t>(in.gcount()));
        if (bytes.size() > max_bytes) throw too_large_error(path, max_bytes);
    }
    return bytes;
}

void check_json_depth(const std::string& text, const std::string& path) {
    int depth = 0;
    int line = 1;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch == '\n') ++line;
        if (in_string) {
            if (ch == '\\')
                ++i;  // an escaped character, never a quote that ends the string
            else if (ch == '"')
                in_string = false;
        } else if (ch == '"') {
            in_string = true;
        } else if (ch == '{' || ch == '[') {
            if (++depth > limits::kMaxJsonDepth) {
                const std::string limit = std::to_string(limits::kMaxJsonDepth);
                throw InputError(path, line,
                                 {"JSON の入れ子が深すぎます（上限 " + limit + " 段）",
                                  "JSON nested too deep (limit " + limit + " levels)"});
            }
        } else if (ch == '}' || ch == ']') {
            --depth;
        }
    }
}

}  // namespace piagraph
