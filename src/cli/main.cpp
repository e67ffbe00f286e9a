// piagraph: 特定個人情報保護評価書 -> graph, checks, diagrams, report.
#include <iostream>
#include <new>

#include "commands.hpp"
#include "piagraph/io.hpp"

int main(int argc, char** argv) {
    using namespace piagraph;
    cli::Context ctx;
    CLI::App app{"piagraph — 特定個人情報保護評価書を読み、システム・ファイル・情報の流れのグラフにして点検・作図する"};
    app.set_help_flag("-h,--help", "このヘルプを表示する");
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option_function<std::string>(
           "--lang", [&ctx](const std::string& v) { ctx.lang = v == "en" ? Lang::en : Lang::ja; },
           "メッセージの言語 (ja|en)、既定は ja")
        ->check(CLI::IsMember({"ja", "en"}));
    app.set_version_flag("--version", std::string("piagraph ") + PIAGRAPH_VERSION, "バージョンを表示する");

    cli::add_extract_command(app, ctx);
    cli::add_check_command(app, ctx);
    cli::add_render_command(app, ctx);
    cli::add_report_command(app, ctx);
    cli::add_diff_command(app, ctx);
    cli::add_rules_command(app, ctx);
    cli::add_batch_command(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "piagraph: " << (ctx.lang == Lang::ja ? "引数が正しくありません: " : "bad arguments: ") << e.what()
                  << (ctx.lang == Lang::ja ? "（piagraph --help を参照）" : " (see piagraph --help)") << "\n";
        return 2;
    } catch (const InputError& e) {
        std::cerr << e.format(ctx.lang) << "\n";
        return 2;
    } catch (const std::bad_alloc&) {  // wherever it happened: one clear line, not an internal error
        std::cerr << out_of_memory_error("").format(ctx.lang) << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "piagraph: " << (ctx.lang == Lang::ja ? "内部エラー: " : "internal error: ") << e.what() << "\n";
        return 2;
    }
    return ctx.exit_code;
}
