// Coverage of an assessment's form items (see coverage.cpp).
#pragma once

#include <string>
#include <vector>

#include "piagraph/model.hpp"

namespace piagraph::extract_detail {

// Fills a.coverage from the locs the parser recorded, for every item of a.form.
void compute_coverage(Assessment& a);

}  // namespace piagraph::extract_detail
