// Assessments whose section and item headings were lost in conversion (tests/fixtures/headless):
// the labels alone say where each value belongs, in both parsers, and what was not printed is
// reported as not read, never as read and empty.
#include <gtest/gtest.h>

#include "piagraph/extract.hpp"
#include "test_support.hpp"

using piagraph::Assessment;

namespace {

Assessment extract_fixture(const std::string& name) {
    const auto path = piagraph::test::source_dir() / "tests" / "fixtures" / "headless" / name;
    const piagraph::Model m = piagraph::extract_file(path.string());
    EXPECT_EQ(m.assessments.size(), 1u);
    return m.assessments.empty() ? Assessment{} : m.assessments.front();
}

class Headless : public ::testing::TestWithParam<const char*> {};

}  // namespace

TEST_P(Headless, CoverFieldsInAnyOrder) {
    const Assessment a = extract_fixture(GetParam());
    EXPECT_EQ(a.form, "全項目評価書");
    EXPECT_EQ(a.number, "7");
    EXPECT_EQ(a.published, "令和6年4月1日");
    EXPECT_EQ(a.organization, "架空県架空市長");
    EXPECT_EQ(a.department, "健康福祉部介護保険課");
}

TEST_P(Headless, EachFileTypeLabelOpensOneFileBlockNamedByTheLineAbove) {
    const Assessment a = extract_fixture(GetParam());
    ASSERT_EQ(a.files.size(), 2u);
    EXPECT_EQ(a.files[0].names, std::vector<std::string>{"介護保険ファイル"});
    ASSERT_FALSE(a.files[0].sources.empty());
    EXPECT_EQ(a.files[0].sources[0].kind, "本人又は本人の代理人");
    EXPECT_EQ(a.files[1].names.front(), "介護認定審査会ファイル");
    EXPECT_EQ(a.files[1].storage, "庁舎内のサーバー室に設置したサーバーに保管する。");
    EXPECT_TRUE(a.files[1].sources.empty());
}

TEST_P(Headless, StepsAfterRemarksAndChangesAfterTheirHeaderRow) {
    const Assessment a = extract_fixture(GetParam());
    ASSERT_EQ(a.attachment1_steps.size(), 2u);
    EXPECT_EQ(a.attachment1_steps[0].label, "1-①");
    EXPECT_EQ(a.attachment1_steps[1].text, "申請内容を介護保険システムに入力する。");
    ASSERT_EQ(a.changes.size(), 1u);
    EXPECT_EQ(a.changes[0].before, "健康福祉部介護課");
    EXPECT_EQ(a.changes[0].after, "健康福祉部介護保険課");
    EXPECT_EQ(a.changes[0].timing, "事後");
    // The change history never becomes the current value.
    EXPECT_EQ(a.department, "健康福祉部介護保険課");
}

TEST_P(Headless, WhatWasNotPrintedIsNotRead) {
    const Assessment a = extract_fixture(GetParam());
    // I-5 and I-6 are not in the text at all: not read, so no check may call them empty.
    for (const char* item : {"individual_number_basis", "linkage.status", "linkage.basis"}) {
        ASSERT_TRUE(a.coverage.count(item)) << item;
        EXPECT_FALSE(a.coverage.at(item).found) << item;
    }
    for (const char* item : {"number", "published", "affair", "department", "attachment1"}) {
        ASSERT_TRUE(a.coverage.count(item)) << item;
        EXPECT_TRUE(a.coverage.at(item).found) << item;
    }
}

INSTANTIATE_TEST_SUITE_P(BothParsers, Headless, ::testing::Values("headless.pdftext.txt", "headless.markdown.txt"),
                         [](const auto& info) {
                             return std::string(info.param).find("pdftext") != std::string::npos ? "pdftext"
                                                                                                 : "markdown";
                         });
