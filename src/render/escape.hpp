// Escaping of untrusted document text for each output language (internal to the render stage).
#pragma once

#include <string>
#include <string_view>

namespace piagraph::render_detail {

// Valid UTF-8 without control characters (they become spaces; a newline too — line breaks
// are ours to place). XML-invalid code points are dropped.
std::string clean_text(std::string_view s);

// A Graphviz escString holding exactly the text: backslash and ampersand are replaced by their
// full-width forms (Graphviz reads \N, \G, &name; inside labels, and cgraph cannot write a
// trailing backslash safely); '\n' becomes the \n line break.
std::string graphviz_text(std::string_view s);

// Mermaid label text for a quoted label: every character Mermaid or HTML reads specially
// becomes a #code; entity; '\n' becomes <br/>.
std::string mermaid_text(std::string_view s);

// XML character data / attribute value; '\n' becomes &#10;.
std::string xml_text(std::string_view s);

}  // namespace piagraph::render_detail
