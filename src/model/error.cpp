#include "piagraph/error.hpp"

namespace piagraph {

std::string InputError::format(Lang lang) const {
    std::string out = file_.empty() ? std::string("piagraph") : file_;
    if (line_ > 0) out += ":" + std::to_string(line_);
    return out + ": " + message_.in(lang);
}

}  // namespace piagraph
