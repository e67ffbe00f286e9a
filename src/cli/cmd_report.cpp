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
        // One diagram pair per organisation: the assessments of one body share their systems.
        for (const auto& org : analysis.organisations) {
            for (View view : {View::annex1, View::systems}) {
                RenderOptions options;
                options.view = view;
                options.format = Format::svg;
                options.style = opts->style;
                ReportDiagram d;
                d.title = std::string(view == View::annex1 ? "事務の内容（別添1 相当）" : "システムの接続") +
                          (org.organization.empty() ? "" : " — " + org.organization);
                try {
                    RenderResult r = render(org.graph, org.findings, options,
                                            org.organization.empty() ? opts->inputs.front() : org.organization);
                    d.svg = std::move(r.bytes);
                    for (const auto& w : r.warnings) d.note += (d.note.empty() ? "" : " ") + w;
                } catch (const InputError& e) {
                    // A diagram Graphviz cannot lay out must not cost the reviewer the whole report.
                    d.note = "図を作成できませんでした: " + e.format(Lang::ja);
                }
                input.diagrams.push_back(std::move(d));
            }
        }
        input.assessments = std::move(analysis.inputs.assessments);
        input.source_lines = std::move(analysis.inputs.source_lines);
        write_file_atomic(opts->output, render_report_html(input));
    });
}

}  // namespace piagraph::cli
