// Where a 別添1 step is drawn: the two things its text names as source and destination
// (internal to the render stage).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace piagraph::render_detail {

// A scene node a step may name, with the match keys (text::match_key) of its names.
struct StepCandidate {
    std::string id;
    std::vector<std::string> keys;
};

// The source and destination node ids a step's text names, or two empty strings when it does not
// name two ends. Particles after a name say its part (から/より source, へ/に destination; the
// lists are in data/dictionary.json render/step_particles); a step naming one end with a particle
// has `subject` (the department doing the business) as its other end.
std::pair<std::string, std::string> step_ends(const std::string& step_text,
                                              const std::vector<StepCandidate>& candidates, const std::string& subject);

}  // namespace piagraph::render_detail
