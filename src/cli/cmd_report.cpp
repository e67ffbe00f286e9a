#include <filesystem>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "piagraph/checks.hpp"
#include "piagraph/graph.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/io.hpp"
#include "piagraph/render.hpp"
#include "piagraph/report.hpp"

namespace piagraph::cli {

namespace {

// The decoded lines of each source text, so that findings can quote them. JSON models and
// texts that cannot be read any more are left out (the report says it cannot quote them).
std::map<std::string, std::vector<std::string>> source_lines(const std::vector<Assessment>& assessments) {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& a : assessments) {
        const std::string& path = a.source_file;
        if (path.empty() || out.count(path) || std::filesystem::path(path).extension() == ".json") continue;
        try {
            out[path] = load_document(path).lines;
        } catch (const InputError&) {
            // Quoting is a help, not a requirement: the finding still names file and line.
        }
    }
    return out;
}

}  // namespace

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
        ReportInput input;
        input.inputs = opts->inputs;
        input.assessments = load_inputs(opts->inputs);
        input.source_lines = source_lines(input.assessments);
        load_style(opts->style);  // a wrong --style is an input error, not a missing diagram

        // One graph per organisation: the assessments of one body share their systems.
        std::map<std::string, std::vector<Assessment>> by_organization;
        for (const auto& a : input.assessments) by_organization[a.organization].push_back(a);
        for (const auto& [organization, assessments] : by_organization) {
            const Graph graph = build_graph(assessments);
            std::vector<Finding> findings = run_checks(graph);
            for (View view : {View::annex1, View::systems}) {
                RenderOptions options;
                options.view = view;
                options.format = Format::svg;
                options.style = opts->style;
                ReportDiagram d;
                d.title = std::string(view == View::annex1 ? "事務の内容（別添1 相当）" : "システムの接続") +
                          (organization.empty() ? "" : " — " + organization);
                try {
                    RenderResult r =
                        render(graph, findings, options, organization.empty() ? opts->inputs.front() : organization);
                    d.svg = std::move(r.bytes);
                    for (const auto& w : r.warnings) d.note += (d.note.empty() ? "" : " ") + w;
                } catch (const InputError& e) {
                    // A diagram Graphviz cannot lay out must not cost the reviewer the whole report.
                    d.note = "図を作成できませんでした: " + e.format(Lang::ja);
                }
                input.diagrams.push_back(std::move(d));
            }
            for (auto& f : findings) input.findings.push_back(std::move(f));
        }
        write_file_atomic(opts->output, render_report_html(input));
        (void)ctx;
    });
}

}  // namespace piagraph::cli
