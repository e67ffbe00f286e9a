#include "commands.hpp"

namespace piagraph::cli {

const std::string& tr(const Context& ctx, const Message& m) { return m.in(ctx.lang); }

}  // namespace piagraph::cli
