// piagraph render: a view of the graph of the inputs, with the checks' findings marked on it.
#include <iostream>

#include "commands.hpp"
#include "piagraph/checks.hpp"
#include "piagraph/graph.hpp"
#include "piagraph/io.hpp"
#include "piagraph/limits.hpp"
#include "piagraph/pipeline.hpp"
#include "piagraph/render.hpp"

namespace piagraph::cli {

void add_render_command(CLI::App& app, Context& ctx) {
    struct Options {
        std::vector<std::string> inputs;
        std::string view = "annex1";
        std::string format;
        std::string output = "-";
        std::string style = "default";
        bool no_checks = false;
        bool no_legend = false;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("render", "グラフを図にする（別添1・システム連携・ファイルの流れ・組織全体）");
    cmd->add_option("INPUT", opts->inputs, "評価書の PDF・テキスト、JSON モデル、またはそれらのディレクトリ")
        ->required();
    cmd->add_option("--view", opts->view, "図の種類: annex1（別添1 事務の内容）| systems | flows | org")
        ->check(CLI::IsMember({"annex1", "systems", "flows", "org"}));
    cmd->add_option("-T,--format", opts->format,
                    "出力形式: svg | png | pdf | dot | mermaid | graphml（省略時は -o の拡張子、なければ svg）")
        ->check(CLI::IsMember({"svg", "png", "pdf", "dot", "mermaid", "graphml"}));
    cmd->add_option("-o,--output", opts->output, "出力ファイル（省略時は標準出力）");
    cmd->add_option("--style", opts->style, "スタイル: default | mono | contrast | JSON ファイルのパス");
    cmd->add_flag("--no-checks", opts->no_checks, "点検を行わず、点検結果の印をつけない");
    cmd->add_flag("--no-legend", opts->no_legend, "凡例を描かない");
    cmd->callback([opts, &ctx] {
        RenderOptions options;
        options.view = *parse_view(opts->view);
        std::string format = opts->format;
        if (format.empty() && opts->output != "-") {
            const auto dot = opts->output.rfind('.');
            if (dot != std::string::npos && parse_format(opts->output.substr(dot + 1)))
                format = opts->output.substr(dot + 1);
        }
        options.format = format.empty() ? Format::svg : *parse_format(format);
        options.style = opts->style;
        options.legend = !opts->no_legend;
        // Styles fail before any input is read: a typo in --style should not wait for a big batch.
        const Style style = load_style(options.style);

        AnalyseOptions analyse_options;
        analyse_options.run_checks = !opts->no_checks;
        const Analysis analysis = analyse(opts->inputs, analyse_options);
        print_warnings(ctx, analysis.inputs.warnings);
        const Graph graph = whole_graph(analysis);
        const std::vector<Finding>& findings = analysis.findings;

        if (options.format == Format::svg || options.format == Format::png || options.format == Format::pdf) {
            const FontMatch font = match_font(style.font());
            if (!font.covers_japanese)
                std::cerr << tr(ctx, {"piagraph: 警告: 日本語のフォント「" + style.font() +
                                          "」が見つかりません。文字が四角で表示されることがあります（fonts-noto-cjk "
                                          "を入れてください）",
                                      "piagraph: warning: the Japanese font \"" + style.font() +
                                          "\" is not installed; labels may show as boxes (install fonts-noto-cjk)"})
                          << "\n";
        }
        const std::string what = opts->inputs.size() == 1 ? opts->inputs.front() : "piagraph render";
        const RenderResult result = render(graph, findings, options, what);
        if (result.engine == "sfdp")
            std::cerr << tr(ctx, {"piagraph: 図が大きいため、クラスタを省いた簡略配置（sfdp）で描きました",
                                  "piagraph: large diagram: drawn with the simplified sfdp layout, without clusters"})
                      << "\n";
        if (result.omitted_nodes > 0) {
            const std::string left = std::to_string(result.omitted_nodes);
            const std::string limit = std::to_string(limits::kMaxLayoutNodes);
            std::cerr << tr(ctx,
                            {"piagraph: 図が大きすぎるため、ノード " + left + " 個を省いて描きました（配置の上限 " +
                                 limit + " 個）。すべてのノードは -T dot / mermaid / graphml で出力できます",
                             "piagraph: diagram too large: " + left + " nodes left out (layout limit " + limit +
                                 "); -T dot, mermaid or graphml keep every node"})
                      << "\n";
        }
        write_file_atomic(opts->output, result.bytes);
    });
}

}  // namespace piagraph::cli
