// Choosing between, and merging, two readings of one part of a document (see readings.cpp).
#pragma once

#include <vector>

#include "piagraph/model.hpp"

namespace piagraph::extract_detail {

// One reading of a part from two: rows rebuilt from its layout and the text as written, whose
// assessments pair one to one when they cut the part alike. The reading that found more of the
// form's items is kept; it takes the other's cover fields, change rows, systems and every item it
// did not read (or read with fewer marks) where the other did.
std::vector<Assessment> merge_readings(std::vector<Assessment> from_rows, std::vector<Assessment> as_written);

}  // namespace piagraph::extract_detail
