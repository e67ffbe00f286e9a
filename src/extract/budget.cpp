#include "budget.hpp"

#include "piagraph/io.hpp"

namespace piagraph::extract_detail {

namespace {

thread_local DocumentBudget* current = nullptr;
thread_local unsigned ticks = 0;

// The readers call the helpers a few times per line: the clock is read about every hundred lines.
constexpr unsigned kTicksPerCheck = 256;

}  // namespace

DocumentBudget::DocumentBudget(const std::string& path, const ExtractOptions& options)
    : path_(path),
      options_(options),
      deadline_(std::chrono::steady_clock::now() + options.max_time),
      enclosing_(current) {
    current = this;
}

DocumentBudget::~DocumentBudget() { current = enclosing_; }

void DocumentBudget::charge(std::size_t bytes) {
    charged_ += bytes;
    if (charged_ > options_.max_memory_bytes) throw extract_memory_error(path_, options_.max_memory_bytes);
}

void DocumentBudget::check_time() const {
    if (std::chrono::steady_clock::now() >= deadline_)
        throw extract_time_error(path_, static_cast<long long>(options_.max_time.count()));
}

void budget_tick() {
    if (current == nullptr || ++ticks % kTicksPerCheck != 0) return;
    current->check_time();
}

std::size_t document_bytes(const Document& doc) {
    std::size_t n = doc.text.size() + doc.path.size();
    for (const auto& line : doc.lines) n += sizeof(std::string) + line.size();
    return n;
}

}  // namespace piagraph::extract_detail
