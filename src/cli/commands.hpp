// Each subcommand lives in its own cmd_*.cpp and registers itself on the app.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "piagraph/error.hpp"
#include "piagraph/model.hpp"

namespace piagraph::cli {

struct Context {
    Lang lang = Lang::ja;
    int exit_code = 0;
};

const std::string& tr(const Context& ctx, const Message& m);

// Prints what the inputs' reading warned of (unknown keys of a JSON model …) on stderr.
void print_warnings(const Context& ctx, const std::vector<InputError>& warnings);

void add_extract_command(CLI::App& app, Context& ctx);
void add_check_command(CLI::App& app, Context& ctx);
void add_render_command(CLI::App& app, Context& ctx);
void add_report_command(CLI::App& app, Context& ctx);
void add_diff_command(CLI::App& app, Context& ctx);
void add_rules_command(CLI::App& app, Context& ctx);
void add_batch_command(CLI::App& app, Context& ctx);  // batch and batch-merge

}  // namespace piagraph::cli
