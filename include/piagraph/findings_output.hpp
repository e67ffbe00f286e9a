// Findings output (GitHub issue 10): the findings of a check run written as text for a person,
// JSON for scripts or SARIF 2.1.0 for code-scanning tools, and the baseline of accepted findings
// that CI uses to report only what is new. The CLI wires its flags to these calls; nothing here
// prints or exits.
//
// Contract:
// - Every writer returns the whole document, ending in a newline; the findings are written in
//   the order given (run_checks sorts them by file, line, rule).
// - A finding is matched to a baseline entry by its fingerprint only (rule, affair and subjects,
//   not line numbers), so editing the assessment elsewhere keeps it accepted.
// - The JSON and SARIF documents hold both languages' messages where their schema allows; `lang`
//   chooses the one shown as "message".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "piagraph/checks.hpp"
#include "piagraph/error.hpp"

namespace piagraph {

// One accepted finding of a baseline file ({"accepted": [...]}, or the bare array).
struct BaselineEntry {
    std::string fingerprint;
    std::string rule;
    std::string reason;  // why it was accepted, written by the person who accepted it
    std::string accepted_by;
    std::string accepted_at;  // YYYY-MM-DD
};

// Parses a baseline document; `path` names it in errors. Throws InputError when it is not JSON,
// has no "accepted" array, or an entry lacks a string "fingerprint". Other fields may be absent.
std::vector<BaselineEntry> parse_baseline(const std::string& json_text, const std::string& path);
// Reads and parses the baseline file at `path` (same errors, and those of reading the file).
std::vector<BaselineEntry> read_baseline(const std::string& path);

// Who accepts the findings newly written to a baseline, and when.
struct BaselineStamp {
    std::string accepted_by;
    std::string accepted_at;  // YYYY-MM-DD
};
// $USER ("" when unset) and today's date in UTC.
BaselineStamp baseline_stamp_now();

// The baseline that accepts every finding (one entry per fingerprint, in the findings' order).
// An entry of `previous` with the same fingerprint keeps its reason, author and date; new entries
// get `stamp`. Entries of `previous` with no finding any more are dropped.
std::string baseline_json(const std::vector<Finding>& findings, const std::vector<BaselineEntry>& previous,
                          const BaselineStamp& stamp);

// The findings left to report once a baseline is applied.
struct BaselinedFindings {
    std::vector<Finding> shown;        // not in the baseline, in their original order
    std::vector<BaselineEntry> stale;  // baseline entries that no finding matched any more
    std::size_t suppressed = 0;        // findings the baseline accepted
};
BaselinedFindings apply_baseline(const std::vector<Finding>& findings, const std::vector<BaselineEntry>& baseline);

// One line per finding ("file:line (p.N): severity [RULE kind] message") with its further
// locations indented below, a line per stale baseline entry, and a closing count by severity.
std::string findings_text(const BaselinedFindings& result, Lang lang);
// {"findings": [...], "suppressed": N, "stale_baseline": [...]}, indented by 2.
std::string findings_json(const BaselinedFindings& result, Lang lang);
// A SARIF 2.1.0 log of one run: every registered rule in the driver, one result per finding with
// its fingerprint as partialFingerprints["piagraph/v1"] and a PDF page as a location property.
std::string findings_sarif(const std::vector<Finding>& findings, Lang lang);

}  // namespace piagraph
