// What PDF fonts and converters put in a text in place of what the form prints, undone in the same
// way for a text and for a PDF's text: tabs a tool put for a layout's spaces as spaces, radicals as their ideographs,
// middle dots' lookalikes as ・, no-break spaces as spaces, cells spread to their width joined again (text.hpp).
#pragma once

#include <string>
#include <utility>

#include "piagraph/text.hpp"

namespace piagraph::ingest_detail {

inline std::string repaired_text(std::string s) {
    return text::join_spaced_characters(
        text::with_plain_spaces(text::fold_glyph_variants(text::with_layout_tabs_expanded(std::move(s)))));
}

}  // namespace piagraph::ingest_detail
