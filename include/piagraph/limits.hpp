// The limits that keep a hostile input bounded (GitHub issue 12, item 6), in one place. Each
// stage that enforces one reads it from here; each limit reached gives one clear line (file,
// line, what the limit is) and exit code 2, or, where a smaller result is still of use (a
// diagram), a result that says what it left out.
#pragma once

#include <cstddef>

namespace piagraph::limits {

// Input files. Larger ones are refused, not truncated. A text (or a JSON model) of an
// assessment is at most a few MB; PDFs carry fonts and images; the longest assessments have
// ~300 pages.
inline constexpr std::size_t kMaxTextBytes = 32u * 1024u * 1024u;
inline constexpr std::size_t kMaxPdfBytes = 512u * 1024u * 1024u;
inline constexpr int kMaxPdfPages = 2000;

// JSON (models, baselines, styles): nesting deeper than this is refused before it is parsed.
// A model nests 9 levels (assessments > files > provisions > locs > loc).
inline constexpr int kMaxJsonDepth = 100;

// Systems of one assessment. The forms have システム1 … システム20; more than this is not an
// assessment (a generated or corrupt input) and is refused, in a document and in a JSON model.
inline constexpr std::size_t kMaxSystemsPerAssessment = 1000;

// Extraction of one document (after decoding), all its readings together: the layout rebuild,
// the markdown and the pdftext reader. The time is checked at coarse points every reader passes
// (each reading, each label or cell the shared helpers read), never per character; `piagraph
// extract --max-seconds` changes it. The longest assessments take well under a second.
inline constexpr int kExtractSeconds = 60;
// What extraction holds for one document, counted, not measured (no allocator hook): the decoded
// text, its parts and rebuilt rows, and the entries its readings create at their sizes. An
// assessment of 32 MB (kMaxTextBytes) holds a few hundred MB; `--max-memory` (MB) changes it. An
// allocation that fails anyway (std::bad_alloc) is one clear line and exit code 2 as well.
inline constexpr std::size_t kExtractMemoryBytes = 2048ull * 1024u * 1024u;

// A label drawn in a diagram (a node's name, an edge's text) is cut to this many characters
// (with …) before it is wrapped and laid out; the tooltip keeps the evidence line.
inline constexpr std::size_t kMaxLabelChars = 200;

// Layout (Graphviz): a scene with more nodes than this is drawn with its first nodes only, and
// says how many it left out; the text formats (DOT, Mermaid, GraphML) keep every node.
inline constexpr std::size_t kMaxLayoutNodes = 2000;
// Time for one diagram's layout, all its attempts (dot, then simpler layouts) together. The
// layout runs in a child process: it is stopped when the time is up.
inline constexpr int kLayoutSeconds = 60;
// Memory for that child process (address space); more ends the attempt, not piagraph.
inline constexpr std::size_t kLayoutMemoryBytes = 4ull * 1024u * 1024u * 1024u;

}  // namespace piagraph::limits
