// piagraph check: wires its flags to the pipeline (analyse) and to the findings output (text,
// JSON or SARIF, filtered by a baseline of accepted findings), and sets the exit code for CI.
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "piagraph/checks.hpp"
#include "piagraph/findings_output.hpp"
#include "piagraph/io.hpp"
#include "piagraph/pipeline.hpp"

namespace piagraph::cli {

namespace {

struct CheckOptions {
    std::vector<std::string> inputs;
    std::string format = "text";
    std::string output;
    std::string baseline;
    std::string write_baseline;
    std::string fail_on = "error";
};

Severity severity_from(const std::string& s) {
    if (s == "info") return Severity::info;
    if (s == "warning") return Severity::warning;
    return Severity::error;
}

void run_check(const CheckOptions& o, Context& ctx) {
    const Analysis analysis = analyse(o.inputs);
    print_warnings(ctx, analysis.inputs.warnings);
    const std::vector<Finding>& all = analysis.findings;

    std::vector<BaselineEntry> baseline;
    if (!o.baseline.empty()) baseline = read_baseline(o.baseline);
    const BaselinedFindings result = apply_baseline(all, baseline);

    std::string rendered;
    if (o.format == "json")
        rendered = findings_json(result, ctx.lang);
    else if (o.format == "sarif")
        rendered = findings_sarif(result.shown, ctx.lang);
    else
        rendered = findings_text(result, ctx.lang);
    if (!o.write_baseline.empty())
        write_file_atomic(o.write_baseline, baseline_json(all, baseline, baseline_stamp_now()));
    if (o.output.empty())
        std::cout << rendered;
    else
        write_file_atomic(o.output, rendered);

    const Severity threshold = severity_from(o.fail_on);
    const bool failing = std::any_of(result.shown.begin(), result.shown.end(),
                                     [&](const Finding& f) { return f.severity >= threshold; });
    ctx.exit_code = failing ? 1 : 0;
}

}  // namespace

void add_check_command(CLI::App& app, Context& ctx) {
    auto options = std::make_shared<CheckOptions>();
    auto* cmd = app.add_subcommand(
        "check", "評価書のグラフを点検し、指摘を表示する（終了コード: 0 指摘なし、1 指摘あり、2 入力エラー）");
    cmd->add_option("INPUT", options->inputs, "評価書の PDF・テキスト、JSON モデル、またはそれらのディレクトリ")
        ->required();
    cmd->add_option("--format", options->format, "出力形式 text|json|sarif（既定 text）")
        ->check(CLI::IsMember({"text", "json", "sarif"}));
    cmd->add_option("-o,--output", options->output, "出力ファイル（省略時は標準出力）");
    cmd->add_option("--baseline", options->baseline, "受け入れ済みの指摘の一覧（JSON）。該当する指摘を除外する");
    cmd->add_option("--write-baseline", options->write_baseline, "今回の指摘をベースラインとして書き出す");
    cmd->add_option("--fail-on", options->fail_on,
                    "この重大度以上の指摘があれば終了コード 1（info|warning|error、既定 error）")
        ->check(CLI::IsMember({"info", "warning", "error"}));
    cmd->callback([options, &ctx] { run_check(*options, ctx); });
}

}  // namespace piagraph::cli
