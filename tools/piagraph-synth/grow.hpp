// piagraph-synth: growing a template into one fictional assessment of a realistic size, with
// defects planted at a chosen rate (GitHub issue 13, item 4).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "template.hpp"

namespace synth {

// Same seed, same bytes: std::mt19937_64's sequence is fixed by the standard; the std::*_distribution
// algorithms are not, so none is used.
inline std::size_t below(std::mt19937_64& rng, std::size_t n) { return static_cast<std::size_t>(rng() % n); }
inline bool chance(std::mt19937_64& rng, double p) { return static_cast<double>(rng() >> 11) * 0x1.0p-53 < p; }

// The prototypes of every template of a form, by block type: a document grows with clones of them.
using Prototypes = std::array<std::vector<Prototype>, kBlockTypes>;

struct GrowOptions {
    double defect_rate = 0.1;      // chance that a grown block is a clone of a defective prototype
    std::size_t target_bytes = 0;  // grow until this size (or until the form has no room left)
};

// The template's lines with the city named, grown by clones: for a large 全項目 more files (of
// `sections`), then more 委託事項/提供先/移転先 blocks (of `prototypes`; their counts updated, except for a
// planted count-mismatch), a (備考) step for each new flow and 変更箇所 rows. The planted defects ride
// on their lines.
std::vector<Line> grow(const Template& t, const Prototypes& prototypes, const std::vector<Section>& sections,
                       const std::string& city, const GrowOptions& options, std::mt19937_64& rng);

}  // namespace synth
