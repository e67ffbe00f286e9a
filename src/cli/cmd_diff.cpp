#include "commands.hpp"

namespace piagraph::cli {

// Placeholder until the diff stage lands: refuses clearly instead of pretending.
void add_diff_command(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("diff", "（準備中）");
    cmd->allow_extras();
    cmd->callback([&ctx] {
        throw InputError("piagraph diff", 0,
                         {"このコマンドはまだ実装されていません", "this command is not implemented yet"});
        (void)ctx;
    });
}

}  // namespace piagraph::cli
