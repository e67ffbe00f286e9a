// `piagraph extract` says on stderr, one line per assessment, what it read and which items of the
// form it could not read (GitHub issue 9, part 5); stdout stays the JSON model alone.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& name) {
    return (test::source_dir() / "tests" / "fixtures" / "coverage" / name).string();
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1)
        out.push_back(s.substr(start, nl - start));
    if (start < s.size()) out.push_back(s.substr(start));
    return out;
}

TEST(ExtractSummary, OneLineNamesTheItemsNotRead) {
    const std::string file = fixture("kojin-juminzei-unread.txt");
    const auto r = test::run_piagraph({"extract", file, "-o", "-"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // stdout is the model and nothing else.
    const auto model = nlohmann::json::parse(r.out);
    ASSERT_EQ(model.at("assessments").size(), 1u);
    EXPECT_EQ(model["assessments"][0]["coverage"]["individual_number_basis"]["status"], "not_found");
    const auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << r.err;
    EXPECT_EQ(lines[0].rfind(
                  file + ": 全項目評価書「個人住民税に関する事務」 システム 3・ファイル 1・提供 3・移転 2・委託 2 — "
                         "読み取れなかった項目: ",
                  0),
              0u)
        << lines[0];
    EXPECT_NE(lines[0].find("個人番号の利用の法令上の根拠"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find("ファイル1 提供先2 提供方法"), std::string::npos) << lines[0];
    // In the order of the form: the I-5 item before the file's.
    EXPECT_LT(lines[0].find("個人番号の利用の法令上の根拠"), lines[0].find("ファイル1 提供先2 提供方法"));
}

TEST(ExtractSummary, EnglishWithLangEnAndEveryItemRead) {
    const std::string file = fixture("kojin-juminzei-unread.txt");
    const auto out = test::temp_dir() / "model.json";
    auto r = test::run_piagraph({"--lang", "en", "extract", file, "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_TRUE(nlohmann::json::parse(test::read_text(out)).contains("assessments"));
    auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << r.err;
    EXPECT_NE(lines[0].find(": 全項目評価書 \"個人住民税に関する事務\" systems 3, files 1, provisions 3, transfers 2, "
                            "entrustments 2 — not read: "),
              std::string::npos)
        << lines[0];
    EXPECT_NE(lines[0].find("legal basis for using My Numbers"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find("file 1, provision 2: method"), std::string::npos) << lines[0];

    // The document the fixture was made from: every item read, and one line per document.
    const std::string whole = (test::source_dir() / "examples" / "midori" / "midori-kojin-juminzei.txt").string();
    r = test::run_piagraph({"extract", whole, fixture("kojin-juminzei-empty.txt"), "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 2u) << r.err;
    EXPECT_EQ(lines[0].rfind(whole + ": ", 0), 0u) << lines[0];
    EXPECT_NE(lines[0].find(" — すべての項目を読み取りました"), std::string::npos) << lines[0];
    EXPECT_EQ(lines[1].find("個人番号の利用の法令上の根拠"), std::string::npos) << lines[1];
}

// A misread affair can run to a page (a value its label's row lost the end of): the line names the
// assessment by the affair's first 60 characters, not the whole of it.
TEST(ExtractSummary, ALongAffairIsCut) {
    std::string affair = "国民年金に関する事務";
    while (affair.size() < 3000) affair += "被保険者の資格取得及び喪失の届出を受け付ける。";
    const auto file = test::temp_dir() / "long-affair.txt";
    test::write_text(file,
                     "特定個人情報保護評価書(全項目評価書)\n評価書番号\t7\n評価実施機関名\tさくら町長\n"
                     "I 基本情報\n1. 特定個人情報ファイルを取り扱う事務\n①事務の名称\t" +
                         affair + "\n");
    const auto r = test::run_piagraph({"extract", file.string(), "-o", "-"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << r.err;
    EXPECT_NE(lines[0].find("「国民年金に関する事務被保険者"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find("…」"), std::string::npos) << lines[0];
    const size_t open = lines[0].find("「"), close = lines[0].find("」");
    ASSERT_NE(close, std::string::npos);
    EXPECT_LE(text::length(lines[0].substr(open + 3, close - open - 3)), 61u) << lines[0];  // 60 and "…"
}

}  // namespace
}  // namespace piagraph
