// The facts of a file that a review board asks about (issue 5): whom it is about (II-2 ②③), who
// inside uses it (II-3 使用の主体), how long it is kept and how it is erased (II-6 ②③). Read from
// both conversions: the example city and the corpus (markdown-like), a scrambled excerpt of our
// own and corpus 003 (pdftotext-like).
#include <gtest/gtest.h>

#include <string>

#include "piagraph/extract.hpp"
#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

std::vector<FileBlock> files_of(const std::filesystem::path& path) {
    const Model m = extract_file(path.string());
    EXPECT_EQ(m.assessments.size(), 1u);
    return m.assessments.empty() ? std::vector<FileBlock>{} : m.assessments.front().files;
}

TEST(FileFacts, ExampleCityMarkdown) {
    const auto files = files_of(test::source_dir() / "examples" / "midori" / "midori-juki.txt");
    ASSERT_EQ(files.size(), 2u);
    const FileBlock& f = files[0];
    EXPECT_EQ(f.population, "10万人以上100万人未満");
    EXPECT_EQ(f.population_scope, "住民基本台帳に記録された住民及び住民基本台帳から消除された者");
    EXPECT_EQ(f.user_departments, "市民生活部市民課、各支所");  // "⑦使用の主体 <tab> 使用部署 ※ <tab> value"
    EXPECT_EQ(f.user_count, "50人以上100人未満");               // a band in a <div> beside its option list
    EXPECT_EQ(f.retention, "20年以上");
    EXPECT_TRUE(text::starts_with(f.erasure, "保存期間を経過した住民票"));
    ASSERT_TRUE(f.locs.count("user_departments"));
    EXPECT_EQ(f.locs.at("user_departments").line, 147);
    EXPECT_EQ(files[1].retention, "定められていない");
    EXPECT_EQ(files[1].user_count, "10人以上50人未満");
}

TEST(FileFacts, ScrambledPdftextExcerpt) {
    // Selections printed before their labels or below their option lists, and a ※ cut from
    // 使用部署 onto a line of its own.
    const auto files = files_of(test::source_dir() / "tests" / "fixtures" / "pdftext" / "scrambled_full.txt");
    ASSERT_EQ(files.size(), 1u);
    const FileBlock& f = files[0];
    EXPECT_EQ(f.population, "1万人以上10万人未満");
    EXPECT_EQ(f.population_scope, "市内に住所を有する65歳以上の者及び40歳以上65歳未満の医療保険加入者");
    EXPECT_EQ(f.user_departments, "健康福祉部介護保険課、各支所");
    EXPECT_EQ(f.user_count, "10人以上50人未満");
    EXPECT_EQ(f.retention, "5年");
    EXPECT_EQ(f.erasure, "保管期間を経過したデータは、介護保険システムの機能により一括して消去する。");
    EXPECT_TRUE(f.marks.empty());
}

TEST(FileFacts, Corpus001MarkdownWithALostRetentionMark) {
    PIAGRAPH_REQUIRE_SHARED();
    const auto files = files_of(test::corpus("001_f3ae5f06107008c9.txt"));
    ASSERT_FALSE(files.empty());
    const FileBlock& f = files[0];
    EXPECT_EQ(f.population, "10万人以上100万人未満");
    EXPECT_EQ(f.user_departments, "市民税課、納税課、各税務室、各区民課、各総合出張所");
    EXPECT_EQ(f.user_count, "100人以上500人未満");
    EXPECT_TRUE(text::contains(f.erasure, "溶解又はシュレッダー処理"));
    // ②保管期間 prints its option list with no selection: unknown, and said so.
    EXPECT_EQ(f.retention, "");
    ASSERT_TRUE(f.marks.count("retention"));
    EXPECT_EQ(f.marks.at("retention"), "none");
}

TEST(FileFacts, Corpus002JyutenFormHasNoErasureField) {
    PIAGRAPH_REQUIRE_SHARED();
    const auto files = files_of(test::corpus("002_ce1e4f6d08f5269a.txt"));
    ASSERT_FALSE(files.empty());
    const FileBlock& f = files[0];
    EXPECT_EQ(f.population, "1万人以上10万人未満");
    EXPECT_EQ(f.population_scope, "・納付者");
    EXPECT_EQ(f.user_departments, "総務部収納課");  // "④使用の主体 <tab> 使用部署 <tab> value"
    EXPECT_EQ(f.user_count, "10人以上50人未満");    // its opening bracket lost: "<input …/> 10人以上50人未満]"
    EXPECT_EQ(f.erasure, "");                       // 重点項目評価書 has no ③消去方法
}

TEST(FileFacts, Corpus003PdftextEveryFile) {
    PIAGRAPH_REQUIRE_SHARED();
    const auto files = files_of(test::corpus("003_f26928cd63338999.txt"));
    ASSERT_EQ(files.size(), 3u);
    const char* const user_counts[] = {"100人以上500人未満", "100人以上500人未満", "10人以上50人未満"};
    const char* const retentions[] = {"20年以上", "20年以上", "1年未満"};
    for (size_t i = 0; i < files.size(); ++i) {
        SCOPED_TRACE(files[i].names.empty() ? "?" : files[i].names.front());
        EXPECT_EQ(files[i].population, "10万人以上100万人未満");
        EXPECT_TRUE(text::starts_with(files[i].population_scope, "区域内の住民"));
        EXPECT_TRUE(text::starts_with(files[i].user_departments, "市民部市民課"));
        EXPECT_EQ(files[i].user_count, user_counts[i]);
        EXPECT_EQ(files[i].retention, retentions[i]);
        EXPECT_TRUE(text::contains(files[i].erasure, "消去")) << files[i].erasure;
    }
    EXPECT_EQ(files[0].user_departments, "市民部市民課、各市民サービスセンター、各行政センター、各連絡所");
    EXPECT_EQ(files[1].erasure, "本人確認情報ファイルに記録されたデータをシステムにて自動判別し消去する。");
    // I-1 ③対象人数 "[ 30万人以上" is cut before its ']' on the label's own line.
    EXPECT_EQ(extract_file(test::corpus("003_f26928cd63338999.txt").string()).assessments[0].population, "30万人以上");
}

// II-2 ⑥事務担当部署 and II-6 ②保管期間 その妥当性 (PPC-F10, PPC-C11), with their coverage.
TEST(FileFacts, DepartmentInChargeAndRetentionReasonInBothReaders) {
    const Model juki = extract_file((test::source_dir() / "examples" / "midori" / "midori-juki.txt").string());
    ASSERT_EQ(juki.assessments.size(), 1u);
    const Assessment& a = juki.assessments[0];
    ASSERT_EQ(a.files.size(), 2u);
    EXPECT_EQ(a.files[0].department, "市民生活部市民課");
    EXPECT_EQ(a.files[0].locs.at("department").line, 138);
    EXPECT_TRUE(text::starts_with(a.files[0].retention_reason, "住基法施行令第34条第1項により"));
    EXPECT_EQ(a.files[0].locs.at("retention_reason").line, 223);  // the その妥当性 after 期間, not 記録項目's (135)
    EXPECT_TRUE(text::starts_with(a.files[1].retention_reason, "住民票の記載が続く間は"));
    EXPECT_TRUE(a.coverage.at("files[0].department").found);
    EXPECT_TRUE(a.coverage.at("files[1].retention_reason").found);

    const Model kokuho =
        extract_file((test::source_dir() / "examples" / "pdftext" / "midori-kokuho-pdftext.txt").string());
    ASSERT_EQ(kokuho.assessments.size(), 1u);
    ASSERT_FALSE(kokuho.assessments[0].files.empty());
    EXPECT_EQ(kokuho.assessments[0].files[0].department, "健康福祉部保険年金課");
    EXPECT_TRUE(kokuho.assessments[0].coverage.at("files[0].department").found);
}

TEST(FileFacts, Corpus003PdftextRetentionReasonAfterItsBand) {
    PIAGRAPH_REQUIRE_SHARED();
    const auto files = files_of(test::corpus("003_f26928cd63338999.txt"));
    ASSERT_EQ(files.size(), 3u);
    for (const auto& f : files) {
        SCOPED_TRACE(f.names.empty() ? "?" : f.names.front());
        EXPECT_EQ(f.department, "市民部市民課");
        EXPECT_FALSE(f.retention_reason.empty());
    }
    EXPECT_TRUE(text::starts_with(files[2].retention_reason, "送付先情報は機構への提供のみに用いられ"));
}

}  // namespace
}  // namespace piagraph
