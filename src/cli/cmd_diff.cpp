#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "piagraph/diff.hpp"
#include "piagraph/io.hpp"
#include "piagraph/pipeline.hpp"
#include "piagraph/render.hpp"

namespace piagraph::cli {

void add_diff_command(CLI::App& app, Context& ctx) {
    struct Options {
        std::string old_path;
        std::string new_path;
        std::string format = "text";
        std::string output = "-";
        std::string style = "default";
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("diff",
                                   "評価書の二つの版を比べる（システム・接続・ファイル・入手元・方法・委託先・提供先・"
                                   "根拠の追加/削除/変更と、変更箇所に記載のない変更）");
    cmd->add_option("OLD", opts->old_path, "古い版（評価書の PDF・テキスト、JSON モデル、またはそれらのディレクトリ）")
        ->required();
    cmd->add_option("NEW", opts->new_path, "新しい版（同上）")->required();
    cmd->add_option("--format", opts->format, "出力形式 text|json|svg|dot（既定 text）")
        ->check(CLI::IsMember({"text", "json", "svg", "dot"}));
    cmd->add_option("-o,--output", opts->output, "出力ファイル（省略時は標準出力）");
    cmd->add_option("--style", opts->style, "図のスタイル（svg/dot のとき。組み込み名又は JSON ファイル）");
    cmd->footer("終了コード: 0 = 変更なし、1 = 変更あり、2 = 入力の誤り");
    cmd->callback([opts, &ctx] {
        // Read in order, so that an error names the first bad file.
        const LoadedInputs old_inputs = load_inputs({opts->old_path});
        const LoadedInputs new_inputs = load_inputs({opts->new_path});
        print_warnings(ctx, old_inputs.warnings);
        print_warnings(ctx, new_inputs.warnings);
        const auto& old_edition = old_inputs.assessments;
        const auto& new_edition = new_inputs.assessments;
        const ModelDiff diff = diff_assessments(old_edition, new_edition);
        std::string out;
        if (opts->format == "json") {
            out = diff_to_json(diff).dump(1) + "\n";
        } else if (opts->format == "svg" || opts->format == "dot") {
            const Style style = load_style(opts->style);
            Scene scene = diff_scene(diff, ctx.lang);
            add_legend(scene, style);
            out = emit_scene(scene, opts->format == "svg" ? Format::svg : Format::dot, style, opts->new_path).bytes;
        } else {
            out = diff_to_text(diff, ctx.lang);
        }
        write_file_atomic(opts->output, out);
        ctx.exit_code = diff.empty() ? 0 : 1;
    });
}

}  // namespace piagraph::cli
