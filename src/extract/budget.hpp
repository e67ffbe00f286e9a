// The time and memory the extraction of one document may take (GitHub issue 12, item 6), checked
// where every reader passes: between readings (extract.cpp) and in the helpers each reader calls
// per label or cell (common.cpp). Never per character, so that it costs nothing measurable.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "piagraph/extract.hpp"

namespace piagraph::extract_detail {

// The budget of the document being extracted on this thread, from construction to destruction
// (one per extract_document; an enclosing one is restored after).
class DocumentBudget {
public:
    DocumentBudget(const std::string& path, const ExtractOptions& options);
    ~DocumentBudget();
    DocumentBudget(const DocumentBudget&) = delete;
    DocumentBudget& operator=(const DocumentBudget&) = delete;

    // Counts `bytes` more held for the document; throws extract_memory_error past the limit.
    void charge(std::size_t bytes);
    // Throws extract_time_error once the time is up.
    void check_time() const;

private:
    std::string path_;
    ExtractOptions options_;
    std::chrono::steady_clock::time_point deadline_;
    std::size_t charged_ = 0;
    DocumentBudget* enclosing_;
};

// For the helpers the readers call per label or cell: every kTicksPerCheck calls, the time of the
// thread's current budget is checked. Nothing without a budget (a helper called on its own).
void budget_tick();

// The bytes a document's lines and text hold.
std::size_t document_bytes(const Document& doc);

}  // namespace piagraph::extract_detail
