// What a loaded JSON model refers to must exist (GitHub issue 12, item 4), and what it holds must
// stay within the limits (item 6). Internal to the model stage: parse_model_json calls it.
#pragma once

#include <string>

#include "piagraph/model.hpp"

namespace piagraph::model_detail {

// Checks the references of a model just read from `text`, and puts them in their standard
// spelling (a connection box written in full-width or as an alias becomes its standard label).
// The references are:
//   systems[i].connections[k]  a box of I-2 ③: one of the dictionary's "connections" labels (the
//                              graph turns it into the system the box denotes);
//   systems[i].canonical_id    a standard system of the dictionary, by id;
//   coverage keys              files[i], files[i].provisions[j], .transfers[j], .entrustments[j]:
//                              an entry of the model, by its index.
// Free text is no reference: names in その他（）, recipients, contractors, step texts name
// parties and systems as the document writes them, and the graph makes nodes of them.
// Throws InputError (file, line of the value, its JSON path) for the first dangling reference,
// and for an assessment with more systems than limits::kMaxSystemsPerAssessment.
void check_references(Model& model, const std::string& text, const std::string& file);

}  // namespace piagraph::model_detail
