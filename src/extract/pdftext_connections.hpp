// I-2 ③他のシステムとの接続 in pdftotext-like conversions: the seven boxes of several systems
// land on one page cut into fragments; this puts them back per system.
#pragma once

#include <vector>

#include "pdftext_fields.hpp"
#include "piagraph/model.hpp"

namespace piagraph::extract_detail::pdftext {

// heads: the システムN headers; conn_label: for each, the line index of its ③ label or -1.
// Fills connections / other / other_checked / marks / connections_loc of `systems`.
void read_connections(const Layout& layout, const std::vector<Head>& heads, const std::vector<int>& conn_label,
                      std::vector<System>& systems);

}  // namespace piagraph::extract_detail::pdftext
