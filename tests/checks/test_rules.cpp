// Each rule fires on a model built to break it and stays quiet on the corrected model.
#include <gtest/gtest.h>

#include "piagraph/checks.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

System sys(int no, const std::string& name, std::vector<std::string> boxes, std::vector<std::string> other = {}) {
    System s;
    s.no = no;
    s.name = name;
    s.connections = std::move(boxes);
    s.other = std::move(other);
    s.other_checked = !s.other.empty();
    s.loc = Loc::span(no * 10, no * 10 + 3);
    return s;
}

Flow flow(const std::string& recipient, const std::string& basis, std::vector<std::string> methods, int line = 100) {
    Flow f;
    f.recipient = recipient;
    f.basis = basis;
    f.methods = std::move(methods);
    f.loc = Loc::span(line, line + 6);
    return f;
}

// A sound assessment: every rule is quiet on it.
Assessment sound() {
    Assessment a;
    a.organization = "テスト市長";
    a.affair = "介護保険に関する事務";
    a.source_file = "t.txt";
    a.published = "令和7年1月10日";
    a.individual_number_basis = "番号法第9条第1項 別表第68項";
    a.linkage = {"実施する", "番号法第19条第8号に基づく利用特定個人情報の提供に関する命令第2条の表", Loc::at(20)};
    a.systems = {sys(1, "介護保険システム", {"庁内連携システム"}),
                 sys(2, "団体内統合宛名システム", {"庁内連携システム"}, {"中間サーバー"}),
                 sys(3, "中間サーバー", {"情報提供ネットワークシステム", "宛名システム等"}),
                 sys(4, "庁内連携システム", {"宛名システム等"}, {"介護保険システム"})};
    FileBlock f;
    f.names = {"介護保険ファイル"};
    f.sources = {{"本人又は本人の代理人", "", false, Loc::at(60)},
                 {"評価実施機関内の他部署", "市民課", false, Loc::at(60)}};
    f.methods = {"紙", "庁内連携システム"};
    f.provisions = {flow("厚生労働大臣", "番号法第19条第8号", {"情報提供ネットワークシステム"}, 100),
                    flow("国税庁長官", "番号法第19条第10号、同法施行令第22条", {"紙"}, 110)};
    f.transfers = {flow("福祉部障害福祉課", "番号法第9条第1項 別表第68項", {"庁内連携システム"}, 120)};
    Entrustment e;
    e.item = "システム保守";
    e.contractor = "株式会社テスト";
    e.resubcontract = true;
    e.permission_method = "書面による承認";
    e.resubcontract_items = "保守の一部";
    e.loc = Loc::at(80);
    f.entrustments = {e};
    f.entrust = true;
    f.provides = true;
    f.transfers_flag = true;
    f.declared_counts = {2, 1, 1};
    f.loc = Loc::span(60, 130);
    a.files = {f};
    return a;
}

std::vector<Finding> of_rule(const std::vector<Assessment>& as, const std::string& rule) {
    std::vector<Finding> out;
    for (auto& f : run_checks(build_graph(as)))
        if (f.rule == rule) out.push_back(f);
    return out;
}

std::vector<Finding> of_rule(const Assessment& a, const std::string& rule) {
    return of_rule(std::vector<Assessment>{a}, rule);
}

TEST(Registry, RulesHaveIdsKindsAndBilingualHelp) {
    ASSERT_GE(rules().size(), 20u);
    for (const auto& r : rules()) {
        const RuleInfo& i = r->info();
        EXPECT_EQ(i.id.rfind("PPC-", 0), 0u) << i.id;
        EXPECT_FALSE(i.kind.empty()) << i.id;
        EXPECT_FALSE(i.title.ja.empty() || i.title.en.empty() || i.help.ja.empty() || i.help.en.empty()) << i.id;
    }
    for (size_t k = 1; k < rules().size(); ++k) EXPECT_LT(rules()[k - 1]->info().id, rules()[k]->info().id);
}

TEST(Rules, SoundAssessmentRaisesNothing) {
    auto findings = run_checks(build_graph({sound()}));
    for (const auto& f : findings) ADD_FAILURE() << f.rule << " " << f.message.en;
}

TEST(Rules, T01OneSidedWithinOneAssessmentCitesBothEnds) {
    Assessment a = sound();
    a.systems[2].connections = {"情報提供ネットワークシステム"};  // 中間サーバー forgets 統合宛名
    auto found = of_rule(a, "PPC-T01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].kind, "one-sided-connection");
    ASSERT_GE(found[0].locations.size(), 2u);
    EXPECT_EQ(found[0].locations[0].line, 20);  // 統合宛名 declares
    EXPECT_EQ(found[0].locations[1].line, 30);  // 中間サーバー is silent
    EXPECT_TRUE(of_rule(sound(), "PPC-T01").empty());
}

TEST(Rules, T01NameSpelledTwoWaysIsNotOneSided) {
    Assessment a = sound();
    a.systems[1].other = {"中間サーバ"};  // no long vowel: same system
    a.systems[2].name = "中間サーバー（団体内統合宛名システム内）";
    EXPECT_TRUE(of_rule(a, "PPC-T01").empty());
}

TEST(Rules, T02OneSidedAcrossAssessmentsOfOneOrganisation) {
    Assessment a = sound();
    Assessment b;
    b.organization = a.organization;
    b.affair = "住民基本台帳に関する事務";
    b.systems = {sys(1, "既存住基システム", {"庁内連携システム"})};
    Assessment c = b;
    c.systems[0].connections.clear();
    a.systems[3].connections.push_back("既存住民基本台帳システム");  // 庁内連携 -> 既存住基
    EXPECT_EQ(of_rule(std::vector<Assessment>{a, c}, "PPC-T02").size(), 1u);
    EXPECT_TRUE(of_rule(std::vector<Assessment>{a, b}, "PPC-T02").empty());
    EXPECT_TRUE(of_rule(std::vector<Assessment>{a, c}, "PPC-T01").empty());
}

TEST(Rules, T03HubWithoutConnections) {
    Assessment a = sound();
    a.systems[2].connections.clear();
    EXPECT_EQ(of_rule(a, "PPC-T03").size(), 1u);
    EXPECT_TRUE(of_rule(sound(), "PPC-T03").empty());
}

TEST(Rules, T06LinkageStatusAgainstNetworkMarks) {
    Assessment a = sound();
    a.linkage.status = "実施しない";
    auto found = of_rule(a, "PPC-T06");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
    Assessment b = sound();
    b.systems[2].connections = {"宛名システム等"};
    b.files[0].provisions[0].methods = {"専用線"};
    auto warn = of_rule(b, "PPC-T06");
    ASSERT_EQ(warn.size(), 1u);
    EXPECT_EQ(warn[0].severity, Severity::warning);
    EXPECT_TRUE(of_rule(sound(), "PPC-T06").empty());
}

TEST(Rules, T07MethodWithoutItsSource) {
    Assessment a = sound();
    a.files[0].sources.pop_back();  // 他部署 gone, 庁内連携システム still a method
    EXPECT_EQ(of_rule(a, "PPC-T07").size(), 1u);
    Assessment lost = sound();
    lost.files[0].sources.clear();  // unknown sources: not this rule's call
    EXPECT_TRUE(of_rule(lost, "PPC-T07").empty());
    EXPECT_TRUE(of_rule(sound(), "PPC-T07").empty());
}

TEST(Rules, T09TransferToAnotherBodyAndProvisionToASection) {
    Assessment a = sound();
    a.files[0].transfers[0].recipient = "日本年金機構";
    a.files[0].provisions[1].recipient = "市民部市民税課";
    auto found = of_rule(a, "PPC-T09");
    ASSERT_EQ(found.size(), 2u);
    Assessment quiet = sound();
    quiet.files[0].transfers[0].recipient = "総務局法務課";  // a section, though it says 法務
    EXPECT_TRUE(of_rule(quiet, "PPC-T09").empty());
}

TEST(Rules, T11CompanyAsRecipient) {
    Assessment a = sound();
    a.files[0].provisions[1].recipient = "株式会社テスト";
    EXPECT_EQ(of_rule(a, "PPC-T11").size(), 1u);
    EXPECT_TRUE(of_rule(sound(), "PPC-T11").empty());
}

TEST(Rules, T12FunctionsDescribeAnUndeclaredLink) {
    Assessment a = sound();
    a.systems.push_back(sys(5, "収納システム(税務システム内)", {}));
    a.systems[0].functions = "賦課決定情報を収納システムへ連携する。";
    EXPECT_EQ(of_rule(a, "PPC-T12").size(), 1u);
    a.systems[0].other = {"収納システム"};
    a.systems[0].other_checked = true;
    EXPECT_TRUE(of_rule(a, "PPC-T12").empty());
}

TEST(Rules, T12StepNamesASenderThatIsNoSource) {
    Assessment a = sound();
    a.attachment1_steps = {{"1-①", "届出等を受け付ける（※他市町村等からの通知等）", Loc::at(300)}};
    auto found = of_rule(a, "PPC-T12");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].locations[0].line, 300);
    a.attachment1_steps[0].text = "他市町村へ通知を送付する";  // sending, not receiving
    EXPECT_TRUE(of_rule(a, "PPC-T12").empty());
}

TEST(Rules, L01UseBasis) {
    Assessment a = sound();
    a.individual_number_basis = "";
    EXPECT_EQ(of_rule(a, "PPC-L01").size(), 1u);
    EXPECT_TRUE(of_rule(sound(), "PPC-L01").empty());
}

TEST(Rules, L03LinkageBasis) {
    Assessment a = sound();
    a.linkage.basis = "番号法第9条第1項";
    auto found = of_rule(a, "PPC-L03");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
    a.linkage.basis = "番号法第十九条第八号";  // kanji numerals
    EXPECT_TRUE(of_rule(a, "PPC-L03").empty());
    a.linkage.status = "実施しない";
    EXPECT_EQ(of_rule(a, "PPC-L03").size(), 1u);
}

TEST(Rules, L04FlowWithoutBasis) {
    Assessment a = sound();
    a.files[0].provisions[1].basis = "";
    a.files[0].transfers[0].basis = "";
    EXPECT_EQ(of_rule(a, "PPC-L04").size(), 2u);
    Assessment empty_block = sound();
    empty_block.files[0].provisions.push_back(Flow{});  // empty template block: not an entry
    EXPECT_TRUE(of_rule(empty_block, "PPC-L04").empty());
}

TEST(Rules, L05ProvisionCitingOnlyArticle9) {
    Assessment a = sound();
    a.files[0].provisions[1].basis = "番号法第９条第１項";
    EXPECT_EQ(of_rule(a, "PPC-L05").size(), 1u);
    a.files[0].provisions[1].basis = "番号法第9条第1項、地方税法第317条";
    EXPECT_TRUE(of_rule(a, "PPC-L05").empty());
}

TEST(Rules, L06TransferCitingArticle19) {
    Assessment a = sound();
    a.files[0].transfers[0].basis = "番号法第19条第11号";
    auto found = of_rule(a, "PPC-L06");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
    EXPECT_TRUE(of_rule(sound(), "PPC-L06").empty());
}

TEST(Rules, L07NetworkMethodAndBasis) {
    Assessment a = sound();
    a.files[0].provisions[0].basis = "住基法第30条の6";
    EXPECT_EQ(of_rule(a, "PPC-L07").size(), 1u);
    Assessment b = sound();
    b.files[0].provisions[0].methods.clear();  // 第8号 without the network method
    auto warn = of_rule(b, "PPC-L07");
    ASSERT_EQ(warn.size(), 1u);
    EXPECT_EQ(warn[0].kind, "linkage-inconsistent");
    EXPECT_TRUE(of_rule(sound(), "PPC-L07").empty());
}

TEST(Rules, L08StaleItemNumberByContext) {
    Assessment a = sound();
    a.files[0].provisions[0].basis = "番号法第19条第7号 別表第二";
    EXPECT_EQ(of_rule(a, "PPC-L08").size(), 1u);
    a.published = "平成30年4月1日";  // before the renumbering: 7号 was right
    EXPECT_TRUE(of_rule(a, "PPC-L08").empty());
    Assessment juki = sound();
    juki.files[0].provisions[0].basis = "住基法第30条の6、番号法第19条第7号";  // 住基 context: 7号 is right
    EXPECT_TRUE(of_rule(juki, "PPC-L08").empty());
}

TEST(Rules, L09RepealedAppendixAfter2024) {
    Assessment a = sound();
    a.files[0].provisions[0].basis = "番号法第19条第8号 別表第2の27の項";
    EXPECT_EQ(of_rule(a, "PPC-L09").size(), 1u);
    a.published = "令和5年4月1日";
    EXPECT_TRUE(of_rule(a, "PPC-L09").empty());
    Assessment item24 = sound();
    item24.individual_number_basis = "番号法別表第24項";  // contains "別表第2" but is item 24 of the 別表
    EXPECT_TRUE(of_rule(item24, "PPC-L09").empty());
}

TEST(Rules, L14OldAndNewCitationsMixed) {
    Assessment a = sound();
    a.published.clear();  // no date needed: the document contradicts itself
    a.files[0].provisions[0].basis = "番号法第19条第8号 別表第二";
    auto found = of_rule(a, "PPC-L14");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].locations.size(), 2u);
    EXPECT_TRUE(of_rule(sound(), "PPC-L14").empty());
}

TEST(Rules, L15AppendixItemWrittenAsGo) {
    Assessment a = sound();
    a.individual_number_basis = "番号法第9条第1項 別表第一 第16号";
    EXPECT_EQ(of_rule(a, "PPC-L15").size(), 1u);
    EXPECT_TRUE(of_rule(sound(), "PPC-L15").empty());
}

TEST(Rules, C01CountMismatchAndAnnex) {
    Assessment a = sound();
    a.files[0].declared_counts.transfers = 3;
    auto found = of_rule(a, "PPC-C01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::warning);
    a.files[0].transfers[0].recipient = "別紙2の機関";
    found = of_rule(a, "PPC-C01");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::info);
    EXPECT_TRUE(of_rule(sound(), "PPC-C01").empty());
}

TEST(Rules, C02AndC03FlagsAgainstEntries) {
    Assessment a = sound();
    a.files[0].no_flows = true;
    a.files[0].provides = false;
    a.files[0].transfers_flag = false;
    a.files[0].entrust = false;
    EXPECT_EQ(of_rule(a, "PPC-C02").size(), 1u);
    EXPECT_EQ(of_rule(a, "PPC-C03").size(), 1u);
    EXPECT_TRUE(of_rule(sound(), "PPC-C02").empty());
    EXPECT_TRUE(of_rule(sound(), "PPC-C03").empty());
}

TEST(Rules, C04NotConnectedButNetworkMethod) {
    Assessment a = sound();
    a.files[0].risk_flags["接続しない（提供）"] = true;
    EXPECT_EQ(of_rule(a, "PPC-C04").size(), 1u);
    EXPECT_TRUE(of_rule(sound(), "PPC-C04").empty());
}

TEST(Rules, C05Resubcontract) {
    Assessment a = sound();
    a.files[0].entrustments[0].permission_method = "";
    EXPECT_EQ(of_rule(a, "PPC-C05").size(), 1u);
    Assessment b = sound();
    b.files[0].entrustments[0].resubcontract = false;
    EXPECT_EQ(of_rule(b, "PPC-C05").size(), 1u);  // 再委託しない with ⑧⑨ filled
    EXPECT_TRUE(of_rule(sound(), "PPC-C05").empty());
}

TEST(Rules, C09FlowWithoutMethod) {
    Assessment a = sound();
    a.files[0].transfers[0].methods.clear();
    EXPECT_EQ(of_rule(a, "PPC-C09").size(), 1u);
    EXPECT_TRUE(of_rule(sound(), "PPC-C09").empty());
}

TEST(Rules, C10UnmarkedChoices) {
    Assessment a = sound();
    a.systems[0].other = {"収納システム"};
    a.systems[0].other_checked = false;
    a.files[0].marks["provision_transfer"] = "none";
    a.files[0].entrustments[0].resubcontract.reset();
    EXPECT_EQ(of_rule(a, "PPC-C10").size(), 3u);
    EXPECT_TRUE(of_rule(sound(), "PPC-C10").empty());
}

TEST(Rules, FingerprintIgnoresLineNumbers) {
    Assessment a = sound();
    a.files[0].transfers[0].methods.clear();
    auto first = of_rule(a, "PPC-C09");
    a.files[0].transfers[0].loc = Loc::at(999);
    auto moved = of_rule(a, "PPC-C09");
    ASSERT_EQ(first.size(), 1u);
    ASSERT_EQ(moved.size(), 1u);
    EXPECT_EQ(first[0].fingerprint, moved[0].fingerprint);
}

}  // namespace
}  // namespace piagraph
