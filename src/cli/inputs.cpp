#include <iostream>

#include "commands.hpp"

namespace piagraph::cli {

const std::string& tr(const Context& ctx, const Message& m) { return m.in(ctx.lang); }

void print_warnings(const Context& ctx, const std::vector<InputError>& warnings) {
    for (const auto& w : warnings)
        std::cerr << "piagraph: " << tr(ctx, {"警告: ", "warning: "}) << w.format(ctx.lang) << "\n";
}

}  // namespace piagraph::cli
