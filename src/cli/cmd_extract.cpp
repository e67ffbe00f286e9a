#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/io.hpp"

namespace piagraph::cli {

void add_extract_command(CLI::App& app, Context& ctx) {
    struct Options {
        std::vector<std::string> files;
        std::string output = "-";
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("extract", "評価書のテキストを JSON モデルに変換する（値ごとに出典の行番号つき）");
    cmd->add_option("FILE", opts->files, "評価書のテキストファイル（PDF を変換したもの。UTF-8/Shift_JIS/UTF-16）")
        ->required();
    cmd->add_option("-o,--output", opts->output, "出力する JSON ファイル（省略時は標準出力）");
    cmd->callback([opts, &ctx] {
        Model merged;
        for (const auto& file : opts->files) {
            Model m = extract_file(file);
            if (merged.source.file.empty())
                merged.source = m.source;
            else
                merged.source.file += ", " + m.source.file;
            for (auto& a : m.assessments) merged.assessments.push_back(std::move(a));
        }
        write_file_atomic(opts->output, nlohmann::json(merged).dump(1) + "\n");
        (void)ctx;
    });
}

}  // namespace piagraph::cli
