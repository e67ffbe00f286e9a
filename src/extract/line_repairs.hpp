// What a conversion adds to the form's lines and no reader should see: HTML's numeric character
// references (&#9675; for ○), markdown's escapes (\[ ○ \]), emphasis around a cell (**①事務の名称**: markdown
// converters set labels in bold), a colon after a row's label (①システムの名称：) and the space that a cell spread to
// its width leaves between an entry's word and its number (システム 1).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace piagraph::extract_detail {

// The line without those; nullopt when it holds none (most lines).
std::optional<std::string> repaired_line(std::string_view line);

}  // namespace piagraph::extract_detail
