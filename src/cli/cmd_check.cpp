#include "commands.hpp"

namespace piagraph::cli {

// Placeholder until the check stage lands: refuses clearly instead of pretending.
void add_check_command(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("check", "（準備中）");
    cmd->allow_extras();
    cmd->callback([&ctx] {
        throw InputError("piagraph check", 0,
                         {"このコマンドはまだ実装されていません", "this command is not implemented yet"});
        (void)ctx;
    });
}

}  // namespace piagraph::cli
