// piagraph diff: two editions built from a gold model (one connection removed, one 提供先 added,
// a 変更箇所 table that mentions only the 提供先) must report both changes and the missing row.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "piagraph/dictionary.hpp"
#include "piagraph/diff.hpp"
#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

using test::corpus;

// The first system that declares a connection, and that connection's target.
std::pair<size_t, std::string> first_connection(const Assessment& a) {
    for (size_t i = 0; i < a.systems.size(); ++i) {
        for (const auto& c : a.systems[i].connections)
            if (c != "その他") return {i, c};
        if (!a.systems[i].other.empty()) return {i, a.systems[i].other.front()};
    }
    return {a.systems.size(), ""};
}

void remove_target(System& s, const std::string& target) {
    std::erase(s.connections, target);
    std::erase(s.other, target);
}

const char* const kNewRecipient = "架空県知事";

struct Editions {
    Model old_model, new_model;
    std::string system_name, target;
};

Editions make_editions() {
    Editions e;
    e.old_model = test::gold_model("003_f26928cd63338999.json");
    e.new_model = e.old_model;
    Assessment& n = e.new_model.assessments.at(0);
    auto [index, target] = first_connection(n);
    EXPECT_LT(index, n.systems.size()) << "the gold model has a system with a connection";
    e.system_name = n.systems.at(index).name;
    e.target = target;
    remove_target(n.systems.at(index), target);
    Flow added;
    added.recipient = kNewRecipient;
    added.basis = "番号法第19条第8号";
    added.methods = {"情報提供ネットワークシステム"};
    n.files.at(0).provisions.push_back(added);
    // The table mentions the new 提供先 only: the removed connection is the unmentioned change.
    ChangeRow row;
    row.date = "令和7年4月1日";
    row.item = "II 5 提供先30";
    row.after = std::string(kNewRecipient) + "への提供を追加";
    row.timing = "事後";
    row.loc = Loc::at(900);
    n.changes.push_back(row);
    return e;
}

const DiffItem* find_item(const ModelDiff& d, DiffCategory c, DiffOp op, const std::string& needle) {
    for (const auto& a : d.assessments)
        for (const auto& i : a.items)
            if (i.category == c && i.op == op && text::contains(i.subject, needle)) return &i;
    return nullptr;
}

TEST(Diff, ReportsRemovedConnectionAddedRecipientAndTheUnmentionedChange) {
    PIAGRAPH_REQUIRE_SHARED();
    Editions e = make_editions();
    ModelDiff d = diff_assessments(e.old_model.assessments, e.new_model.assessments);
    ASSERT_EQ(d.assessments.size(), 1u);
    EXPECT_TRUE(d.assessments[0].has_change_table);
    EXPECT_EQ(d.change_count(), 2u) << diff_to_text(d, Lang::en);

    const DiffItem* removed = find_item(d, DiffCategory::connection, DiffOp::removed, e.target);
    ASSERT_NE(removed, nullptr) << diff_to_text(d, Lang::en);
    const StandardSystem* standard = Dictionary::get().resolve_standard(e.system_name);
    EXPECT_TRUE(text::contains(removed->subject, standard ? standard->name : text::squeeze(e.system_name)))
        << removed->subject;
    ASSERT_TRUE(removed->in_change_table.has_value());
    EXPECT_FALSE(*removed->in_change_table);

    const DiffItem* added = find_item(d, DiffCategory::recipient, DiffOp::added, kNewRecipient);
    ASSERT_NE(added, nullptr) << diff_to_text(d, Lang::en);
    ASSERT_TRUE(added->in_change_table.has_value());
    EXPECT_TRUE(*added->in_change_table);
    EXPECT_EQ(added->change_row_loc.line, 900);

    EXPECT_EQ(d.unmentioned_count(), 1u);
    const std::string ja = diff_to_text(d, Lang::ja);
    EXPECT_NE(ja.find("変更箇所に記載なし"), std::string::npos) << ja;
    EXPECT_NE(ja.find(kNewRecipient), std::string::npos) << ja;
}

TEST(Diff, SameEditionHasNoChange) {
    PIAGRAPH_REQUIRE_SHARED();
    for (const char* name : {"001_f3ae5f06107008c9.json", "002_ce1e4f6d08f5269a.json", "003_f26928cd63338999.json"}) {
        Model m = test::gold_model(name);
        ModelDiff d = diff_assessments(m.assessments, m.assessments);
        EXPECT_TRUE(d.empty()) << name << "\n" << diff_to_text(d, Lang::en);
    }
}

TEST(Diff, RenamedStandardSystemPairsThroughItsAliasAndContractorChangeMatchesTheTable) {
    Assessment old_a;
    old_a.affair = "個人住民税に関する事務";
    old_a.form = "全項目評価書";
    System s;
    s.no = 1;
    s.name = "既存住基システム";
    s.connections = {"庁内連携システム"};
    old_a.systems.push_back(s);
    FileBlock f;
    f.names = {"個人住民税ファイル"};
    Entrustment ent;
    ent.item = "課税資料の入力";
    ent.contractor = "株式会社甲";
    f.entrustments.push_back(ent);
    old_a.files.push_back(f);

    Assessment new_a = old_a;
    new_a.systems[0].name = "既存住民基本台帳システム";
    new_a.files[0].entrustments[0].contractor = "乙株式会社";
    ChangeRow row;
    row.item = "Ⅱ ４ 委託事項１ ⑥委託先名";
    row.before = "株式会社甲";
    row.after = "乙株式会社";
    new_a.changes.push_back(row);

    ModelDiff d = diff_assessments({old_a}, {new_a});
    const std::string t = diff_to_text(d, Lang::en);
    EXPECT_EQ(find_item(d, DiffCategory::system, DiffOp::removed, "既存"), nullptr) << t;
    EXPECT_EQ(find_item(d, DiffCategory::connection, DiffOp::removed, "庁内連携"), nullptr) << t;
    const DiffItem* renamed = find_item(d, DiffCategory::system, DiffOp::changed, "既存住民基本台帳システム");
    ASSERT_NE(renamed, nullptr) << t;
    ASSERT_TRUE(renamed->in_change_table.has_value());
    EXPECT_FALSE(*renamed->in_change_table) << "the only row is about the 委託先";
    const DiffItem* contractor = find_item(d, DiffCategory::contractor, DiffOp::changed, "乙株式会社");
    ASSERT_NE(contractor, nullptr) << t;
    EXPECT_EQ(contractor->before, "株式会社甲");
    ASSERT_TRUE(contractor->in_change_table.has_value());
    EXPECT_TRUE(*contractor->in_change_table);
}

TEST(Diff, ValueInAnotherSectionDoesNotCountAsMentioned) {
    const Assessment old_a = test::one_file_assessment("介護保険に関する事務", "重点項目評価書", "介護保険ファイル");
    Assessment new_a = old_a;
    Flow t;
    t.recipient = "福祉課";
    t.basis = "番号法第9条第2項";
    new_a.files[0].transfers.push_back(t);
    ChangeRow row;  // names 福祉課, but as the department, not as a 移転先
    row.item = "I 6 ①部署";
    row.before = "高齢課";
    row.after = "福祉課";
    new_a.changes.push_back(row);
    ModelDiff d = diff_assessments({old_a}, {new_a});
    const DiffItem* added = find_item(d, DiffCategory::recipient, DiffOp::added, "福祉課");
    ASSERT_NE(added, nullptr);
    EXPECT_FALSE(added->in_change_table.value_or(true));
}

TEST(Diff, RowTextWhoseColumnsAreUnknownStillCountsAsMentioned) {
    // pdftotext rows whose 変更前/変更後 cells cannot be told apart keep their text whole.
    const Assessment old_a = test::one_file_assessment("介護保険に関する事務", "全項目評価書", "介護保険ファイル");
    Assessment new_a = old_a;
    Flow p;
    p.recipient = "架空県国民健康保険団体連合会";
    p.basis = "番号法第19条第6号";
    new_a.files[0].provisions.push_back(p);
    ChangeRow row;
    row.item = "Ⅱ－５ 提供先2";
    row.text = "（追加）\n架空県国民健康保険団体連合会";
    new_a.changes.push_back(row);
    ModelDiff d = diff_assessments({old_a}, {new_a});
    const DiffItem* added = find_item(d, DiffCategory::recipient, DiffOp::added, "架空県国民健康保険団体連合会");
    ASSERT_NE(added, nullptr);
    EXPECT_TRUE(added->in_change_table.value_or(false));
}

// --- the command ---

struct CliEditions {
    std::filesystem::path dir, old_path, new_path;
    std::string target;
};

CliEditions write_editions() {
    CliEditions c;
    Editions e = make_editions();
    c.dir = test::temp_dir();
    c.old_path = c.dir / "old.json";
    c.new_path = c.dir / "new.json";
    c.target = e.target;
    test::write_text(c.old_path, nlohmann::json(e.old_model).dump());
    test::write_text(c.new_path, nlohmann::json(e.new_model).dump());
    return c;
}

TEST(DiffCommand, TextJsonAndExitCodes) {
    PIAGRAPH_REQUIRE_SHARED();
    CliEditions c = write_editions();
    auto r = test::run_piagraph({"diff", c.old_path.string(), c.new_path.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.out.find("削除"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(c.target), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(kNewRecipient), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("変更箇所に記載なし"), std::string::npos) << r.out;

    auto en = test::run_piagraph({"--lang", "en", "diff", c.old_path.string(), c.new_path.string()});
    EXPECT_NE(en.out.find("not in the change table"), std::string::npos) << en.out;

    auto j = test::run_piagraph({"diff", "--format", "json", c.old_path.string(), c.new_path.string()});
    EXPECT_EQ(j.exit_code, 1) << j.err;
    auto parsed = nlohmann::json::parse(j.out);
    EXPECT_EQ(parsed.at("change_count"), 2);
    EXPECT_EQ(parsed.at("unmentioned_count"), 1);

    auto same = test::run_piagraph({"diff", c.old_path.string(), c.old_path.string()});
    EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
}

TEST(DiffCommand, SvgDiagramColoursTheChanges) {
    PIAGRAPH_REQUIRE_SHARED();
    CliEditions c = write_editions();
    const auto out = c.dir / "diff.svg";
    auto r =
        test::run_piagraph({"diff", "--format", "svg", "-o", out.string(), c.old_path.string(), c.new_path.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const std::string svg = test::read_text(out);
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("#c62828"), std::string::npos) << "the removed connection is drawn red";
    EXPECT_NE(svg.find("#2e7d32"), std::string::npos) << "the added 提供先 is drawn green";
    EXPECT_NE(svg.find(kNewRecipient), std::string::npos);
}

TEST(DiffCommand, BadInputExitsTwoWithoutOutput) {
    const auto dir = test::temp_dir();
    const auto out = dir / "out.txt";
    test::write_text(dir / "broken.json", "{\"schema\": \"piagraph/1\", \"assessments\": [ {");
    auto r = test::run_piagraph(
        {"diff", "-o", out.string(), (dir / "broken.json").string(), (dir / "missing.json").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("broken.json"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

}  // namespace
}  // namespace piagraph
