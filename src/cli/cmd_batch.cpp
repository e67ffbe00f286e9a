// batch: every organisation under ROOT in one run (src/batch); batch-merge: shard outputs into one.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "piagraph/batch.hpp"

namespace piagraph::cli {

namespace {

std::string clock_text(double seconds) {
    if (seconds < 0 || seconds > 1e7) return "--:--";
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

// "12/20 団体  240/400 文書  35.2 文書/秒  残り 0:12" (or English).
std::string progress_text(const Context& ctx, const BatchProgress& p) {
    const double rate = p.seconds > 0 ? static_cast<double>(p.documents_analysed) / p.seconds : 0;
    const std::size_t left = p.documents_total - p.documents_done;
    const double eta = rate > 0 ? static_cast<double>(left) / rate : (left == 0 ? 0 : -1);
    char rate_text[32];
    std::snprintf(rate_text, sizeof rate_text, "%.1f", rate);
    std::ostringstream os;
    if (ctx.lang == Lang::ja) {
        os << p.organisations_done << "/" << p.organisations_total << " 団体  " << p.documents_done << "/"
           << p.documents_total << " 文書  " << rate_text << " 文書/秒  残り " << clock_text(eta);
        if (p.skipped) os << "  省略 " << p.skipped;
        if (p.failed_documents) os << "  失敗 " << p.failed_documents;
    } else {
        os << p.organisations_done << "/" << p.organisations_total << " organisations  " << p.documents_done << "/"
           << p.documents_total << " documents  " << rate_text << " docs/s  ETA " << clock_text(eta);
        if (p.skipped) os << "  skipped " << p.skipped;
        if (p.failed_documents) os << "  failed " << p.failed_documents;
    }
    return os.str();
}

std::function<void(const BatchProgress&)> progress_printer(const Context& ctx) {
    if (isatty(STDERR_FILENO)) {
        return [&ctx](const BatchProgress& p) {
            constexpr int width = 30;
            const double done = p.documents_total ? static_cast<double>(p.documents_done) / p.documents_total : 1.0;
            const int filled = static_cast<int>(done * width);
            std::string bar = "[" + std::string(filled, '#') + std::string(width - filled, '-') + "] ";
            std::cerr << "\r\033[K" << bar << progress_text(ctx, p) << (p.finished ? "\n" : "") << std::flush;
        };
    }
    // Not a terminal (a log): a line every 10 s, and the last one.
    auto last = std::make_shared<double>(0.0);
    return [&ctx, last](const BatchProgress& p) {
        if (!p.finished && p.seconds - *last < 10.0) return;
        *last = p.seconds;
        std::cerr << "piagraph batch: " << progress_text(ctx, p) << "\n";
    };
}

void print_summary(const Context& ctx, const BatchSummary& s, bool quiet, bool merged = false) {
    if (!quiet && merged) {
        if (ctx.lang == Lang::ja)
            std::cerr << "piagraph batch-merge: 団体 " << s.organisations << "、文書 " << s.documents << "、評価書 "
                      << s.assessments << "、点検結果 " << s.findings << "、読み取れなかった文書 " << s.failed_documents
                      << "\n";
        else
            std::cerr << "piagraph batch-merge: " << s.organisations << " organisations, " << s.documents
                      << " documents, " << s.assessments << " assessments, " << s.findings << " findings, "
                      << s.failed_documents << " documents failed\n";
    } else if (!quiet) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.1f", s.seconds);
        if (ctx.lang == Lang::ja)
            std::cerr << "piagraph batch: 団体 " << s.organisations << "（解析 " << s.analysed << "、最新のため省略 "
                      << s.skipped << "）、文書 " << s.documents << "、評価書 " << s.assessments << "、点検結果 "
                      << s.findings << "、読み取れなかった文書 " << s.failed_documents << "、" << seconds << " 秒\n";
        else
            std::cerr << "piagraph batch: " << s.organisations << " organisations (" << s.analysed << " analysed, "
                      << s.skipped << " up to date), " << s.documents << " documents, " << s.assessments
                      << " assessments, " << s.findings << " findings, " << s.failed_documents << " documents failed, "
                      << seconds << " s\n";
    }
    for (const auto& f : s.failures)
        std::cerr << "piagraph: " << tr(ctx, {"失敗: ", "failed: "}) << f.file
                  << (f.line > 0 ? ":" + std::to_string(f.line) : std::string()) << ": " << tr(ctx, f.error) << "\n";
}

}  // namespace

void add_batch_command(CLI::App& app, Context& ctx) {
    struct Options {
        std::string root;
        std::string output;
        int jobs = 0;
        bool force = false;
        bool quiet = false;
        bool no_report = false;
        std::string shard;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "batch",
        "ROOT の下の団体フォルダ（評価書を直接含むフォルダ）をすべて点検し、団体ごとの報告書と全国の索引"
        "（index.sqlite、index.html、findings.jsonl）を OUT に作る。読めない文書があれば終了コード 1");
    cmd->add_option("ROOT", opts->root, "団体ごとのフォルダを含むディレクトリ（階層は自由）")->required();
    cmd->add_option("-o,--output", opts->output, "出力ディレクトリ")->required();
    cmd->add_option("-j,--jobs", opts->jobs, "並列数（既定: すべてのコア）")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--force", opts->force, "出力が入力より新しい団体もやり直す");
    cmd->add_flag("-q,--quiet", opts->quiet, "進捗と要約を表示しない（失敗した文書は表示する）");
    cmd->add_flag("--no-report", opts->no_report, "団体ごとの報告書（report.html）を作らない（索引だけ）");
    cmd->add_option(
        "--shard", opts->shard,
        "i/n: フォルダの安定なハッシュ（FNV-1a）を n で割った余りが i の団体だけを処理する（batch-merge で統合）");
    cmd->callback([opts, &ctx] {
        BatchOptions options;
        options.root = opts->root;
        options.output = opts->output;
        options.jobs = opts->jobs;
        options.force = opts->force;
        options.reports = !opts->no_report;
        options.lang = ctx.lang;
        if (!opts->shard.empty()) parse_shard(opts->shard, options.shard_index, options.shard_count);
        if (!opts->quiet) options.progress = progress_printer(ctx);
        const BatchSummary summary = run_batch(options);
        print_summary(ctx, summary, opts->quiet);
        ctx.exit_code = summary.failed_documents > 0 ? 1 : 0;
    });

    struct MergeOptions {
        std::vector<std::string> inputs;
        std::string output;
        bool quiet = false;
    };
    auto merge = std::make_shared<MergeOptions>();
    auto* mcmd = app.add_subcommand(
        "batch-merge", "batch --shard i/n の出力を一つにまとめる（索引の行、報告書、findings.jsonl、index.html）");
    mcmd->add_option("OUT", merge->inputs, "batch の出力ディレクトリ（複数）")->required();
    mcmd->add_option("-o,--output", merge->output, "まとめた出力のディレクトリ")->required();
    mcmd->add_flag("-q,--quiet", merge->quiet, "要約を表示しない");
    mcmd->callback([merge, &ctx] {
        const BatchSummary summary = merge_batches(merge->inputs, merge->output, ctx.lang);
        print_summary(ctx, summary, merge->quiet, true);
        ctx.exit_code = summary.failed_documents > 0 ? 1 : 0;
    });
}

}  // namespace piagraph::cli
