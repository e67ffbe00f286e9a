// The time and memory limits of one document's extraction (GitHub issue 12, item 6): each holds
// with a tiny limit, each is one InputError naming the file, the limit and the option that raises
// it; the default limits change nothing. No test measures time: a limit of 0 is always past.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "../../src/extract/budget.hpp"
#include "../../src/extract/common.hpp"
#include "piagraph/error.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

Document example() { return load_document((test::source_dir() / "examples" / "midori" / "midori-juki.txt").string()); }

// The error extract_document throws with these limits; fails the test when it throws none.
InputError refusal(const Document& doc, const ExtractOptions& options) {
    try {
        extract_document(doc, options);
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "extraction within the limits";
    return InputError("", 0, {});
}

TEST(ExtractLimits, NoTimeLeftStopsTheExtractionWithTheOptionToRaiseIt) {
    const Document doc = example();
    ExtractOptions none;
    none.max_time = std::chrono::milliseconds(0);
    const InputError e = refusal(doc, none);
    EXPECT_EQ(e.file(), doc.path);
    EXPECT_TRUE(text::contains(e.message().en, "took too long (limit 0 s; raise it with --max-seconds)"))
        << e.message().en;
    EXPECT_TRUE(text::contains(e.message().ja, "上限 0 秒")) << e.message().ja;
}

TEST(ExtractLimits, TheHelpersEveryReaderCallsReachTheClock) {
    // Within a document whose time is up, the helpers that read labels and cells (not only the
    // points between readings) stop the reading, within a bounded number of calls.
    {
        ExtractOptions none;
        none.max_time = std::chrono::milliseconds(0);
        extract_detail::DocumentBudget budget("doc.txt", none);
        EXPECT_THROW(
            {
                for (int i = 0; i < 1000; ++i) extract_detail::label_key("①事務の名称");
            },
            InputError);
        EXPECT_THROW(
            {
                for (int i = 0; i < 1000; ++i) extract_detail::strip_html("<div>値</div>");
            },
            InputError);
    }
    // Outside a document (the budget is gone) the same calls never stop.
    for (int i = 0; i < 1000; ++i) EXPECT_EQ(extract_detail::label_key("①事務の名称"), "事務の名称");
}

TEST(ExtractLimits, MemoryCountsTheDocumentAndWhatItsReadingsCreate) {
    const Document doc = example();
    const size_t held = extract_detail::document_bytes(doc);
    ExtractOptions tight;
    tight.max_memory_bytes = held - 1;  // not even the decoded text fits
    InputError e = refusal(doc, tight);
    EXPECT_EQ(e.file(), doc.path);
    EXPECT_TRUE(text::contains(e.message().en, "needs too much memory (limit 0 MB; raise it with --max-memory)"))
        << e.message().en;
    EXPECT_TRUE(text::contains(e.message().ja, "--max-memory")) << e.message().ja;
    // The text fits, the entries the readings make do not: they are counted too.
    tight.max_memory_bytes = held + 1;
    e = refusal(doc, tight);
    EXPECT_TRUE(text::contains(e.message().en, "too much memory")) << e.message().en;
}

TEST(ExtractLimits, DefaultAndGenerousLimitsChangeNothing) {
    const Document doc = example();
    ExtractOptions generous;
    generous.max_time = std::chrono::hours(1);
    generous.max_memory_bytes = size_t{1} << 40;
    const nlohmann::json by_default = extract_document(doc);
    EXPECT_EQ(nlohmann::json(extract_document(doc, generous)), by_default);
    EXPECT_EQ(nlohmann::json(extract_document(doc, ExtractOptions{})), by_default);
}

}  // namespace
}  // namespace piagraph
