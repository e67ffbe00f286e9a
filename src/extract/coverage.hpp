// Coverage of an assessment's form items (see coverage.cpp).
#pragma once

#include <string>
#include <vector>

#include "piagraph/model.hpp"

namespace piagraph::extract_detail {

// Fills a.coverage from the locs the parser recorded, for every item of a.form.
void compute_coverage(Assessment& a);

// Records a PDF page (1-based) whose text could not be read as the not_found item "pages[N-1]".
void cover_unread_page(Assessment& a, int page);

}  // namespace piagraph::extract_detail
