#include <chrono>
#include <iostream>
#include <new>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "piagraph/checks.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/io.hpp"
#include "piagraph/limits.hpp"
#include "piagraph/text.hpp"

namespace piagraph::cli {

namespace {

// One line per assessment on stderr (GitHub issue 9): what was read, and what could not be:
//   midori-juki.txt: 全項目評価書「住民基本台帳に関する事務」 システム 8・ファイル 2・提供 3・移転 2・委託 2
//   — 読み取れなかった項目: 公表日, 情報連携の法令上の根拠
std::string summary_line(const std::string& file, const Assessment& a, Lang lang) {
    size_t provisions = 0, transfers = 0, entrustments = 0;
    for (const auto& f : a.files) {
        provisions += f.provisions.size();
        transfers += f.transfers.size();
        entrustments += f.entrustments.size();
    }
    const bool ja = lang == Lang::ja;
    const std::string form = a.form.empty() ? (ja ? "様式不明" : "unknown form") : a.form;
    // A misread affair can be a whole page of text: the line names it, it does not quote it.
    constexpr size_t kMaxAffairChars = 60;
    const std::string affair = text::shorten(a.affair, kMaxAffairChars);
    std::string line = file + ": " + form + (ja ? "「" + affair + "」 " : " \"" + affair + "\" ");
    if (ja)
        line += "システム " + std::to_string(a.systems.size()) + "・ファイル " + std::to_string(a.files.size()) +
                "・提供 " + std::to_string(provisions) + "・移転 " + std::to_string(transfers) + "・委託 " +
                std::to_string(entrustments);
    else
        line += "systems " + std::to_string(a.systems.size()) + ", files " + std::to_string(a.files.size()) +
                ", provisions " + std::to_string(provisions) + ", transfers " + std::to_string(transfers) +
                ", entrustments " + std::to_string(entrustments);
    if (a.coverage.empty()) return line;  // nothing recorded about what was read
    const auto unread = unread_in_form_order(a);
    if (unread.empty()) return line + (ja ? " — すべての項目を読み取りました" : " — every item was read");
    std::string names;
    for (const auto& item : unread) names += (names.empty() ? "" : ", ") + coverage_label(item, lang);
    return line + (ja ? " — 読み取れなかった項目: " : " — not read: ") + names;
}

}  // namespace

void add_extract_command(CLI::App& app, Context& ctx) {
    struct Options {
        std::vector<std::string> files;
        std::string output = "-";
        double max_seconds = limits::kExtractSeconds;
        std::size_t max_memory_mb = limits::kExtractMemoryBytes / (1024 * 1024);
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "extract", "評価書（PDF またはテキスト）を JSON モデルに変換する（値ごとに出典の行番号・ページつき）");
    cmd->add_option("FILE", opts->files, "評価書の PDF、またはテキストファイル（UTF-8/Shift_JIS/UTF-16）")->required();
    cmd->add_option("-o,--output", opts->output, "出力する JSON ファイル（省略時は標準出力）");
    constexpr double kMaxSecondsOption = 86400.0 * 365;  // a year: the deadline stays representable
    cmd->add_option("--max-seconds", opts->max_seconds, "一つの文書の読み取りにかける時間の上限（秒）")
        ->check(CLI::Range(0.0, kMaxSecondsOption))
        ->capture_default_str();
    constexpr std::size_t kMaxMemoryOption = std::size_t{1} << 30;  // MB: the bytes stay representable
    cmd->add_option("--max-memory", opts->max_memory_mb, "一つの文書の読み取りに使うメモリの上限（MB）")
        ->check(CLI::Range(std::size_t{0}, kMaxMemoryOption))
        ->capture_default_str();
    cmd->callback([opts, &ctx] {
        ExtractOptions limits_of_one;
        limits_of_one.max_time = std::chrono::milliseconds(static_cast<long long>(opts->max_seconds * 1000));
        limits_of_one.max_memory_bytes = opts->max_memory_mb * 1024 * 1024;
        Model merged;
        std::vector<std::string> summary;  // said once the output is written
        for (const auto& file : opts->files) {
            Model m;
            try {
                m = extract_file(file, IngestOptions{}, limits_of_one);
            } catch (const std::bad_alloc&) {
                throw out_of_memory_error(file);
            }
            if (merged.source.file.empty())
                merged.source = m.source;
            else
                merged.source.file += ", " + m.source.file;
            for (auto& a : m.assessments) {
                summary.push_back(summary_line(file, a, ctx.lang));
                merged.assessments.push_back(std::move(a));
            }
        }
        write_file_atomic(opts->output, nlohmann::json(merged).dump(1) + "\n");
        for (const auto& line : summary) std::cerr << line << "\n";
    });
}

}  // namespace piagraph::cli
