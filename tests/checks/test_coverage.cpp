// Coverage (GitHub issue 9, part 5): an item extract could not read never raises an absence
// finding; PPC-X01 names it once per assessment as a note. An item whose label was read with an
// empty value still does. Real inputs: examples/midori/midori-kojin-juminzei.txt with the rows of
// two items removed, or left with empty values (tests/fixtures/coverage/). The section headings
// stay: the parser does not yet read a document whose I–VI headings were removed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "piagraph/checks.hpp"
#include "piagraph/extract.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;

fs::path fixture(const std::string& name) { return test::source_dir() / "tests" / "fixtures" / "coverage" / name; }

// The fixture with the I-5 法令上の根拠 row and 提供先2's ⑥提供方法 row removed.
const char* const kUnread = "kojin-juminzei-unread.txt";
// The same document with both labels present and their values empty.
const char* const kEmpty = "kojin-juminzei-empty.txt";

const char* const kBasis = "individual_number_basis";
const char* const kMethod = "files[0].provisions[1].methods";

std::vector<Finding> of_rule(const std::vector<Finding>& all, const std::string& rule) {
    std::vector<Finding> out;
    for (const auto& f : all)
        if (f.rule == rule) out.push_back(f);
    return out;
}

std::vector<Finding> check(const Model& m) { return run_checks(build_graph(m.assessments)); }

const Flow& provision(const Model& m, size_t i) { return m.assessments.at(0).files.at(0).provisions.at(i); }

TEST(Coverage, ExtractMarksTheRemovedItemsNotFound) {
    const Model m = extract_file(fixture(kUnread).string());
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    ASSERT_FALSE(a.coverage.empty());
    ASSERT_TRUE(a.coverage.count(kBasis));
    EXPECT_FALSE(a.coverage.at(kBasis).found);
    ASSERT_TRUE(a.coverage.count(kMethod));
    EXPECT_FALSE(a.coverage.at(kMethod).found);
    EXPECT_EQ(provision(m, 1).recipient, "国税庁長官");
    // What stayed in the document was read.
    for (const char* item : {"affair", "linkage.status", "files[0].sources", "files[0].provisions[1].basis",
                             "files[0].provisions[0].methods", "files[0].provisions[2].methods"})
        EXPECT_TRUE(a.was_read(item)) << item;
    // The JSON model says so too.
    const nlohmann::json j = m;
    EXPECT_EQ(j["assessments"][0]["coverage"][kBasis]["status"], "not_found");
    EXPECT_EQ(j["assessments"][0]["coverage"][kMethod]["status"], "not_found");
}

// No absence finding for the two items that were not read (I-5's basis, 提供先2 国税庁長官's
// method), and the one note that names what was not read.
void expect_no_absence_but_one_note(const std::vector<Finding>& findings) {
    EXPECT_TRUE(of_rule(findings, "PPC-L01").empty());
    for (const auto& f : of_rule(findings, "PPC-C09"))
        EXPECT_EQ(f.message.ja.find("国税庁長官"), std::string::npos) << f.message.ja;
    const auto notes = of_rule(findings, "PPC-X01");
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].severity, Severity::info);
}

TEST(Coverage, UnreadItemsRaiseNoAbsenceFindingButOneNote) {
    const Model m = extract_file(fixture(kUnread).string());
    ASSERT_EQ(m.assessments.size(), 1u);
    ASSERT_TRUE(provision(m, 1).methods.empty());
    ASSERT_TRUE(m.assessments[0].individual_number_basis.empty());
    const auto findings = check(m);
    expect_no_absence_but_one_note(findings);
    const auto notes = of_rule(findings, "PPC-X01");
    EXPECT_EQ(notes[0].kind, "other");
    EXPECT_NE(notes[0].message.ja.find("個人番号の利用の法令上の根拠"), std::string::npos) << notes[0].message.ja;
    EXPECT_NE(notes[0].message.ja.find("ファイル1 提供先2 提供方法"), std::string::npos) << notes[0].message.ja;
    EXPECT_NE(notes[0].message.en.find("file 1, provision 2: method"), std::string::npos) << notes[0].message.en;
    ASSERT_EQ(notes[0].locations.size(), 1u);
    EXPECT_EQ(notes[0].locations[0].line, m.assessments[0].loc.line);
    EXPECT_GT(notes[0].locations[0].line, 0);
    // The deliberate defect that was read still fires: 提供先3 has an empty ①法令上の根拠 row.
    EXPECT_EQ(of_rule(findings, "PPC-L04").size(), 1u);
}

TEST(Coverage, LabelReadWithEmptyValueStillRaisesTheAbsenceFinding) {
    const Model m = extract_file(fixture(kEmpty).string());
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    EXPECT_TRUE(a.was_read(kBasis));
    EXPECT_TRUE(a.was_read(kMethod));
    EXPECT_TRUE(a.individual_number_basis.empty()) << a.individual_number_basis;
    EXPECT_TRUE(provision(m, 1).methods.empty());
    const auto findings = check(m);
    EXPECT_EQ(of_rule(findings, "PPC-L01").size(), 1u);
    bool c09 = false;
    for (const auto& f : of_rule(findings, "PPC-C09"))
        c09 = c09 || f.message.ja.find("国税庁長官") != std::string::npos;
    EXPECT_TRUE(c09) << "PPC-C09 on 提供先2 国税庁長官";
    for (const auto& f : of_rule(findings, "PPC-X01")) {
        EXPECT_EQ(f.message.ja.find("個人番号の利用の法令上の根拠"), std::string::npos) << f.message.ja;
        EXPECT_EQ(f.message.ja.find("提供先2 提供方法"), std::string::npos) << f.message.ja;
    }
}

// The same document with its section headings removed as well: the parser reads it from its
// labels, and what it did not read raises no absence finding, only the one note.
TEST(Coverage, DocumentWithoutHeadingsRaisesNoAbsenceFindingForWhatWasNotRead) {
    const Model m = extract_file(fixture("kojin-juminzei-no-headings.txt").string());
    ASSERT_EQ(m.assessments.size(), 1u);
    const Assessment& a = m.assessments[0];
    ASSERT_FALSE(a.coverage.empty());
    EXPECT_FALSE(a.was_read(kBasis));
    // Headings are hints: the rest of the document is read without them.
    EXPECT_TRUE(a.was_read("systems"));
    EXPECT_TRUE(a.was_read("linkage.status"));
    ASSERT_EQ(a.files.size(), 1u);
    ASSERT_GT(a.files[0].provisions.size(), 1u);
    EXPECT_FALSE(a.was_read(kMethod));
    EXPECT_TRUE(a.was_read("files[0].provisions[0].methods"));
    const auto findings = check(m);
    expect_no_absence_but_one_note(findings);
    const auto notes = of_rule(findings, "PPC-X01");
    EXPECT_NE(notes[0].message.ja.find("個人番号の利用の法令上の根拠"), std::string::npos) << notes[0].message.ja;
}

// The same gates on models built by hand: coverage decides, a model without it is judged as before.
Assessment with_flows() {
    Assessment a = test::one_file_assessment("個人住民税に関する事務", "全項目評価書", "個人住民税ファイル");
    a.source_file = "t.txt";
    a.loc = Loc::span(3, 300);
    FileBlock& f = a.files[0];
    f.sources = {{"本人又は本人の代理人", "", false, Loc::at(60)}};
    f.methods = {"紙"};
    Flow p;
    p.recipient = "国税庁長官";
    p.loc = Loc::at(100);
    f.provisions = {p};
    f.provides = true;
    f.entrust = true;
    Entrustment e;
    e.item = "データ入力";
    e.contractor = "株式会社テスト";
    e.permission_method = "書面";
    e.loc = Loc::at(80);
    f.entrustments = {e};
    return a;
}

TEST(Coverage, EveryAbsenceRuleAsksWhetherTheItemWasRead) {
    const Assessment hand = with_flows();  // no coverage: every item counts as read
    auto findings = run_checks(build_graph({hand}));
    for (const char* rule : {"PPC-L01", "PPC-L04", "PPC-C09", "PPC-C10"})
        EXPECT_FALSE(of_rule(findings, rule).empty()) << rule << " fires on a hand-written model";
    EXPECT_TRUE(of_rule(findings, "PPC-X01").empty());

    Assessment unread = with_flows();
    for (const char* item : {"organization", "affair", "systems", "files", "files[0].sources", "files[0].methods",
                             "files[0].entrust", "files[0].provision_transfer"})
        unread.coverage[item] = CoverageItem{true, Loc::at(10), ""};
    for (const char* item : {"individual_number_basis", "files[0].provisions[0].basis",
                             "files[0].provisions[0].methods", "files[0].entrustments[0].resubcontract"})
        unread.coverage[item] = CoverageItem{false, Loc{}, ""};
    findings = run_checks(build_graph({unread}));
    for (const char* rule : {"PPC-L01", "PPC-L04", "PPC-C09", "PPC-C10"})
        EXPECT_TRUE(of_rule(findings, rule).empty()) << rule << " on an item that was not read";
    const auto notes = of_rule(findings, "PPC-X01");
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].locations.at(0).line, 3);
    // In the order of the form, whatever the order of the keys.
    EXPECT_EQ(notes[0].message.ja,
              "読み取れなかった項目が4件あります: 個人番号の利用の法令上の根拠、ファイル1 提供先1 法令上の根拠、"
              "ファイル1 提供先1 提供方法、ファイル1 委託事項1 再委託の有無");
    for (const auto& f : findings) EXPECT_NE(f.severity, Severity::error) << f.rule << " " << f.message.ja;
}

TEST(Coverage, UnreadLinkageBasisAndSourcesAreNotCalledMissing) {
    Assessment a = with_flows();
    a.individual_number_basis = "番号法第9条第1項 別表第24項";
    a.linkage = {"実施する", "", Loc::at(30)};
    a.files[0].methods = {"庁内連携システム"};  // implies 評価実施機関内の他部署, not among the sources
    EXPECT_FALSE(of_rule(run_checks(build_graph({a})), "PPC-L03").empty());
    EXPECT_FALSE(of_rule(run_checks(build_graph({a})), "PPC-T07").empty());
    a.coverage["linkage.status"] = CoverageItem{true, Loc::at(30), ""};
    a.coverage["linkage.basis"] = CoverageItem{false, Loc{}, "page 3 unreadable"};
    a.coverage["files[0].sources"] = CoverageItem{false, Loc{}, ""};
    const auto findings = run_checks(build_graph({a}));
    EXPECT_TRUE(of_rule(findings, "PPC-L03").empty());
    EXPECT_TRUE(of_rule(findings, "PPC-T07").empty());
    EXPECT_EQ(coverage_why(a, "linkage.basis"), "page 3 unreadable");
    EXPECT_EQ(coverage_why(a, "files[0].sources"), "評価書の中に項目のラベルが見つかりませんでした");
}

TEST(Coverage, LabelsOfItemKeys) {
    EXPECT_EQ(coverage_label("published"), "公表日");
    EXPECT_EQ(coverage_label("linkage.basis", Lang::en), "legal basis of linkage");
    EXPECT_EQ(coverage_label("files[0].sources"), "ファイル1 入手元");
    EXPECT_EQ(coverage_label("files[1].transfers[2].methods"), "ファイル2 移転先3 移転方法");
    EXPECT_EQ(coverage_label("files[0].entrustments[0].contractor", Lang::en), "file 1, entrustment 1: contractor");
    EXPECT_EQ(coverage_label("no_such_item"), "no_such_item");
}

}  // namespace
}  // namespace piagraph
