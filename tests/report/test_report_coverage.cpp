// Coverage in the report (GitHub issue 9, part 5): an item that was not read is said
// 「読み取れませんでした」 with its name and why, never 「評価書に記載がありません」; an item whose
// label was read with an empty value is 「評価書に記載がありません」. Real inputs:
// tests/fixtures/coverage/ (examples/midori/midori-kojin-juminzei.txt without, or with empty, the
// I-5 法令上の根拠 row and 提供先2's ⑥提供方法 row).
#include <gtest/gtest.h>

#include "piagraph/checks.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/report.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;

const char* const kNotStated = "評価書に記載がありません";
const char* const kUnread = "読み取れませんでした";

fs::path fixture(const std::string& name) { return test::source_dir() / "tests" / "fixtures" / "coverage" / name; }

std::string report_of(const std::string& name) {
    const Model m = extract_file(fixture(name).string());
    ReportInput in;
    in.assessments = m.assessments;
    in.findings = run_checks(build_graph(m.assessments));
    in.inputs = {name};
    return render_report_html(in);
}

// The text from the first `start` after `from` up to the next `end` ("" if absent).
std::string piece(const std::string& html, const std::string& from, const std::string& start, const std::string& end) {
    const auto f = html.find(from);
    if (f == std::string::npos) return "";
    const auto s = html.find(start, f);
    if (s == std::string::npos) return "";
    const auto e = html.find(end, s + start.size());
    return e == std::string::npos ? html.substr(s) : html.substr(s, e - s);
}

// The flows-table row of 提供先2 国税庁長官 in the file card.
std::string flow_row(const std::string& html) {
    const auto files = html.find("id=\"files\"");
    const auto name = html.find("<td>国税庁長官</td>", files);
    if (files == std::string::npos || name == std::string::npos) return "";
    const auto tr = html.rfind("<tr>", name);
    return html.substr(tr, html.find("</tr>", name) - tr);
}

// The answer line of 個人番号の利用の法令上の根拠 and the outline row of that field.
std::string basis_answer(const std::string& html) {
    return piece(html, "id=\"answers\"", "個人番号の利用の法令上の根拠: ", "</li>");
}
std::string basis_outline(const std::string& html) {
    return piece(html, "id=\"outline\"", "<td>個人番号の利用の法令上の根拠</td>", "</tr>");
}

TEST(ReportCoverage, UnreadItemIsNeverSaidNotStated) {
    const std::string html = report_of("kojin-juminzei-unread.txt");
    const std::string row = flow_row(html);
    ASSERT_FALSE(row.empty());
    EXPECT_NE(row.find(std::string(kUnread) +
                       "（ファイル1 提供先2 提供方法: 評価書の中に項目のラベルが見つかりませんでした）"),
              std::string::npos)
        << row;
    EXPECT_EQ(row.find(kNotStated), std::string::npos) << row;
    const std::string answer = basis_answer(html);
    ASSERT_FALSE(answer.empty());
    EXPECT_NE(answer.find(std::string(kUnread) + "（個人番号の利用の法令上の根拠: "), std::string::npos) << answer;
    EXPECT_EQ(answer.find(kNotStated), std::string::npos) << answer;
    const std::string outline = basis_outline(html);
    ASSERT_FALSE(outline.empty());
    EXPECT_NE(outline.find(kUnread), std::string::npos) << outline;
    EXPECT_EQ(outline.find(kNotStated), std::string::npos) << outline;
    // The overview lists the items not read, by name.
    const std::string unread = piece(html, "id=\"overview\"", "id=\"unread\"", "</ul>");
    EXPECT_NE(unread.find("個人番号の利用の法令上の根拠"), std::string::npos) << unread;
    EXPECT_NE(unread.find("ファイル1 提供先2 提供方法"), std::string::npos) << unread;
    // The findings show the note, and no absence finding for these items.
    EXPECT_NE(html.find("PPC-X01"), std::string::npos);
    EXPECT_EQ(html.find("PPC-L01"), std::string::npos);
    EXPECT_EQ(html.find("提供先「国税庁長官」の⑥提供方法に印がありません"), std::string::npos);
}

TEST(ReportCoverage, DocumentWithoutHeadingsSaysUnreadNotNotStated) {
    const std::string html = report_of("kojin-juminzei-no-headings.txt");
    const std::string answer = basis_answer(html);
    ASSERT_FALSE(answer.empty());
    EXPECT_NE(answer.find(std::string(kUnread) + "（個人番号の利用の法令上の根拠: "), std::string::npos) << answer;
    EXPECT_EQ(answer.find(kNotStated), std::string::npos) << answer;
    const std::string outline = basis_outline(html);
    EXPECT_NE(outline.find(kUnread), std::string::npos) << outline;
    EXPECT_EQ(outline.find(kNotStated), std::string::npos) << outline;
    const std::string row = flow_row(html);  // when the parser reads 提供先2 at all
    if (!row.empty()) {
        EXPECT_EQ(row.find(kNotStated), std::string::npos) << row;
    }
    EXPECT_NE(html.find("id=\"unread\""), std::string::npos);
    EXPECT_EQ(html.find("PPC-L01"), std::string::npos);
}

TEST(ReportCoverage, ReadLabelWithEmptyValueIsNotStated) {
    const std::string html = report_of("kojin-juminzei-empty.txt");
    const std::string row = flow_row(html);
    ASSERT_FALSE(row.empty());
    EXPECT_NE(row.find(kNotStated), std::string::npos) << row;
    EXPECT_EQ(row.find(kUnread), std::string::npos) << row;
    const std::string answer = basis_answer(html);
    EXPECT_NE(answer.find(kNotStated), std::string::npos) << answer;
    EXPECT_EQ(answer.find(kUnread), std::string::npos) << answer;
    const std::string outline = basis_outline(html);
    EXPECT_NE(outline.find(kNotStated), std::string::npos) << outline;
    EXPECT_EQ(outline.find(kUnread), std::string::npos) << outline;
    EXPECT_NE(html.find("PPC-L01"), std::string::npos);
    EXPECT_NE(html.find("提供先「国税庁長官」の⑥提供方法に印がありません"), std::string::npos);
}

TEST(ReportCoverage, ModelWithoutCoverageReadsAsBefore) {
    Assessment a = test::one_file_assessment("介護保険に関する事務", "全項目評価書", "介護保険ファイル");
    ReportInput in;
    in.assessments = {a};
    std::string html = render_report_html(in);
    EXPECT_EQ(html.find("<span class=\"unread\">"), std::string::npos);
    EXPECT_EQ(html.find("id=\"unread\""), std::string::npos);
    // With coverage: the same empty model says which of its items were not read.
    a.coverage["files[0].storage"] = CoverageItem{false, Loc{}, "12ページが読めません"};
    a.coverage["files[0].retention"] = CoverageItem{true, Loc::at(80), ""};
    in.assessments = {a};
    html = render_report_html(in);
    const std::string storage = piece(html, "<h3>介護保険ファイル</h3>", "<h4>保管場所</h4>", "</article>");
    EXPECT_NE(storage.find(std::string(kUnread) + "（ファイル1 保管場所: 12ページが読めません）"), std::string::npos)
        << storage;
    const std::string retention = piece(html, "<h3>介護保険ファイル</h3>", "<th>保管期間</th>", "</tr>");
    EXPECT_NE(retention.find(kNotStated), std::string::npos) << retention;
}

}  // namespace
}  // namespace piagraph
