// Extraction on the annotated corpus, scored by ../shared/tools/score-extraction. The markdown-like
// documents must reach overall F1 >= 0.95 with no field family below 0.85. pdftext documents are
// left to the pdftext parser's own corpus test.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "piagraph/extract.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;

TEST(ExtractCorpus, MarkdownDocumentsScoreAgainstAnnotations) {
    PIAGRAPH_REQUIRE_SHARED();
    if (test::run_command("python3 --version").exit_code != 0) GTEST_SKIP() << "python3 is absent: scorer not run";
    const fs::path annotations = test::shared_dir() / "corpus" / "annotations";
    const fs::path scorer = test::shared_dir() / "tools" / "score-extraction";
    ASSERT_TRUE(fs::exists(scorer));
    int markdown_scored = 0;
    for (const auto& entry : fs::directory_iterator(annotations)) {
        if (entry.path().extension() != ".json") continue;
        const fs::path text = test::corpus(entry.path().stem().string() + ".txt");
        if (!fs::exists(text)) continue;
        SCOPED_TRACE(text.filename().string());
        const Document doc = load_document(text.string());
        if (doc.format != TextFormat::markdown) continue;  // the pdftext parser has its own corpus test
        const Model model = extract_document(doc);
        EXPECT_FALSE(model.assessments.empty());
        const fs::path out = test::temp_dir() / (entry.path().stem().string() + ".json");
        test::write_text(out, nlohmann::json(model).dump());
        const auto run = test::run_command("python3 '" + scorer.string() + "' '" + entry.path().string() + "' '" +
                                           out.string() + "' --json");
        ASSERT_EQ(run.exit_code, 0) << run.err;
        const auto result = nlohmann::json::parse(run.out);
        const auto& fields = result.at("fields");
        EXPECT_GE(fields.at("ALL").at("f1").get<double>(), 0.95) << result.at("misses").dump(1);
        for (auto& [family, score] : fields.items())
            EXPECT_GE(score.at("f1").get<double>(), 0.85) << family << ": " << result.at("misses").dump(1);
        ++markdown_scored;
    }
    EXPECT_GE(markdown_scored, 2);
}

}  // namespace
}  // namespace piagraph
