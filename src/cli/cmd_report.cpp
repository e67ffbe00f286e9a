#include <filesystem>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "piagraph/checks.hpp"
#include "piagraph/graph.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/io.hpp"
#include "piagraph/pipeline.hpp"
#include "piagraph/render.hpp"
#include "piagraph/report.hpp"

namespace piagraph::cli {

void add_report_command(CLI::App& app, Context& ctx) {
    struct Options {
        std::vector<std::string> inputs;
        std::string output = "-";
        std::string style = "default";
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("report",
                                   "審査・点検のための報告書を一つの HTML "
                                   "ファイルに作る（図、ファイルごとの概要、点検結果、記載状況、質問への回答）");
    cmd->add_option("INPUT", opts->inputs, "評価書の PDF・テキスト、JSON モデル、またはそれらのディレクトリ")
        ->required();
    cmd->add_option("-o,--output", opts->output, "出力する HTML ファイル（省略時は標準出力）");
    cmd->add_option("--style", opts->style, "図のスタイル（組み込み名又は JSON ファイル）");
    cmd->callback([opts, &ctx] {
        load_style(opts->style);  // a wrong --style is an input error, not a missing diagram
        Analysis analysis = analyse(opts->inputs);
        print_warnings(ctx, analysis.inputs.warnings);
        ReportInput input;
        input.lang = ctx.lang;
        input.inputs = opts->inputs;
        input.findings = analysis.findings;
        // One 別添1 per assessment and the systems map per organisation (the render stage draws them).
        for (const auto& org : analysis.organisations)
            for (auto& d : report_diagrams(org.graph, org.findings, opts->style,
                                           org.organization.empty() ? opts->inputs.front() : org.organization))
                input.diagrams.push_back(std::move(d));
        input.assessments = std::move(analysis.inputs.assessments);
        input.source_lines = std::move(analysis.inputs.source_lines);
        write_file_atomic(opts->output, render_report_html(input));
    });
}

}  // namespace piagraph::cli
