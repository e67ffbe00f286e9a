// merge_readings: two readings of one part (rows rebuilt from the layout, the text as written) made
// into one, item by item. The readings here are written by hand, each the way one of the readers
// misreads a printed form (tests/probes holds the same on whole documents).
#include <gtest/gtest.h>

#include "../../src/extract/readings.hpp"

namespace piagraph::extract_detail {
namespace {

// A 重点 assessment as a reading leaves it: its cover, one system and one file.
Assessment reading(int line) {
    Assessment a;
    a.form = "重点項目評価書";
    a.number = "21";
    a.affair = "児童扶養手当の支給に関する事務";
    a.locs["affair"] = Loc::at(line);
    System s;
    s.no = 1;
    s.name = "児童扶養手当システム";
    s.loc = Loc::at(line + 1);
    a.systems.push_back(s);
    FileBlock f;
    f.names = {"児童扶養手当情報ファイル"};
    f.loc = Loc::at(line + 2);
    a.files.push_back(f);
    return a;
}

// A reading that finds more items than reading(line) does (its linkage and department): the one
// merge_readings keeps.
Assessment kept_reading(int line) {
    Assessment a = reading(line);
    a.linkage.status = "実施する";
    a.locs["linkage.status"] = Loc::at(line + 5);
    a.department = "市民課";
    a.locs["department"] = Loc::at(line + 6);
    return a;
}

Flow flow(const std::string& recipient, std::vector<std::string> methods) {
    Flow f;
    f.recipient = recipient;
    f.methods = std::move(methods);
    return f;
}

// The kept reading (more items found) takes the other's marks where it read fewer of a group's
// options or none of a flow's, each with the other's line.
TEST(MergeReadings, EachItemFromTheReadingThatReadItsMarks) {
    Assessment rows = reading(10);
    rows.individual_number_basis = "番号法第9条第1項 別表第56項";
    rows.locs["individual_number_basis"] = Loc::at(12);
    rows.files[0].methods = {"電子記録媒体(フラッシュメモリを除く。)", "情報提供ネットワークシステム"};
    rows.files[0].sources = {{"本人又は本人の代理人", "", false, Loc::at(30)}};
    rows.files[0].locs["sources"] = Loc::at(30);
    rows.files[0].provisions = {flow("町村長", {"情報提供ネットワークシステム"})};
    rows.files[0].transfers = {flow("こども未来局子育て支援課", {})};
    rows.linkage.status = "実施する";
    rows.locs["linkage.status"] = Loc::at(15);

    Assessment written = reading(10);
    written.files[0].methods = {"紙"};
    written.files[0].sources = {{"本人又は本人の代理人", "", false, Loc::at(31)},
                                {"行政機関・独立行政法人等", "日本年金機構", false, Loc::at(32)},
                                {"地方公共団体・地方独立行政法人", "町村", false, Loc::at(33)}};
    written.files[0].locs["sources"] = Loc::at(31);
    written.files[0].provisions = {flow("町村長", {})};
    written.files[0].transfers = {flow("こども未来局 子育て支援課", {"紙"})};
    written.files[0].transfers[0].locs["methods"] = Loc::at(77);
    written.linkage.basis = "番号法第19条第8号";
    written.locs["linkage.basis"] = Loc::at(16);

    const auto merged = merge_readings({rows}, {written});
    ASSERT_EQ(merged.size(), 1u);
    const FileBlock& f = merged[0].files[0];
    EXPECT_EQ(f.methods, rows.files[0].methods);  // two options read beat one
    ASSERT_EQ(f.sources.size(), 3u);              // three beat one
    EXPECT_EQ(f.locs.at("sources").line, 31);
    EXPECT_EQ(f.provisions[0].methods, std::vector<std::string>{"情報提供ネットワークシステム"});
    // The recipient pairs the entries whatever the spacing; the kept reading had no method.
    EXPECT_EQ(f.transfers[0].methods, std::vector<std::string>{"紙"});
    EXPECT_EQ(f.transfers[0].locs.at("methods").line, 77);
    EXPECT_EQ(merged[0].linkage.status, "実施する");
    EXPECT_EQ(merged[0].linkage.basis, "番号法第19条第8号");
    EXPECT_EQ(merged[0].locs.at("linkage.basis").line, 16);
}

// What the other reading holds is not taken where it shows the misreading it comes from: an
// option listed twice, its ③ names a sentence where the kept reading read ③ unmarked, a system's
// list that is another system's, a legal basis that cites no article.
TEST(MergeReadings, NotWhatShowsAMisreading) {
    Assessment rows = reading(10);
    System second;
    second.no = 2;
    second.name = "団体内統合宛名システム";
    second.other = {"児童扶養手当システム", "中間サーバー"};
    second.other_checked = true;
    second.connections_loc = Loc::at(40);
    rows.systems.push_back(second);
    System third;
    third.no = 3;
    third.name = "eLTAX審査システム";
    third.connections_loc = Loc::at(50);  // ③ read: no box marked
    rows.systems.push_back(third);
    rows.files[0].sources = {};
    rows.department = "こども家庭課";  // one item more: the rows reading is kept
    rows.locs["department"] = Loc::at(60);

    Assessment written = reading(10);
    written.systems[0].other = second.other;  // system 2's list, read a block up
    written.systems[0].other_checked = true;
    written.systems.push_back(second);
    System third_as_written = third;
    third_as_written.other = {"媒体等での連携のため", "他システムとの接続はしていない。"};
    third_as_written.other_checked = true;
    written.systems.push_back(third_as_written);
    written.individual_number_basis = "児童扶養手当情報ファイル";
    written.files[0].sources = {{"本人又は本人の代理人", "", false, {}}, {"本人又は本人の代理人", "", false, {}}};

    const auto merged = merge_readings({rows}, {written});
    ASSERT_EQ(merged.size(), 1u);
    const Assessment& a = merged[0];
    EXPECT_TRUE(a.systems[0].other.empty());
    EXPECT_TRUE(a.systems[2].other.empty());
    EXPECT_TRUE(a.individual_number_basis.empty());
    EXPECT_TRUE(a.files[0].sources.empty());
}

// An entry the kept reading found without its name (the name read as ①'s value, or a time in its
// place) takes the name the other reading found under the same number, and the basis with it where
// the kept one is that name or cites no article; a name already kept elsewhere is not taken twice.
TEST(MergeReadings, AnEntryWithoutItsNameTakesTheOthersOfTheSameNumber) {
    Assessment rows = kept_reading(10);
    Flow shifted = flow("", {"情報提供ネットワークシステム"});
    shifted.no = "1";
    shifted.basis = "裁判所、検察庁、会計検査院等";  // the name, read as ①'s value
    Flow timed = flow("請求の都度", {"紙"});
    timed.no = "2";
    timed.basis = "番号法第19条第16号";
    Flow named = flow("個人情報保護委員会", {});
    named.no = "3";
    Flow unnamed = flow("", {});
    unnamed.no = "4";
    rows.files[0].provisions = {shifted, timed, named, unnamed};

    Assessment written = reading(10);
    Flow first = flow("裁判所、検察庁、会計検査院等", {});
    first.no = "1";
    first.basis = "番号法第19条第15号、番号法施行令第25条";
    first.basis_loc = Loc::at(40);
    Flow second = flow("人の生命、身体又は財産の保護のために必要がある者", {});
    second.no = "2";
    second.basis = "番号法第19条第8号";
    Flow fourth = flow("個人情報保護委員会", {});  // the name of the kept entry 3, read under 4
    fourth.no = "4";
    written.files[0].provisions = {first, second, fourth};

    const auto merged = merge_readings({rows}, {written});
    ASSERT_EQ(merged.size(), 1u);
    const auto& p = merged[0].files[0].provisions;
    ASSERT_EQ(p.size(), 4u);
    EXPECT_EQ(p[0].recipient, "裁判所、検察庁、会計検査院等");
    EXPECT_EQ(p[0].basis, "番号法第19条第15号、番号法施行令第25条");
    EXPECT_EQ(p[0].basis_loc.line, 40);
    EXPECT_EQ(p[0].methods, std::vector<std::string>{"情報提供ネットワークシステム"});
    EXPECT_EQ(p[1].recipient, "人の生命、身体又は財産の保護のために必要がある者");
    EXPECT_EQ(p[1].basis, "番号法第19条第16号");  // its own, which cites an article
    EXPECT_EQ(p[2].recipient, "個人情報保護委員会");
    EXPECT_EQ(p[3].recipient, "");
}

// A contractor that names no party (⑤確認方法's sentence, run together with the page's pieces) takes
// the other reading's contractor of the same entry; not where a kept contractor holds that name,
// even at a sentence's end (the other reading may have set the names in another order).
TEST(MergeReadings, AContractorThatNamesNoPartyTakesTheOthers) {
    Assessment rows = kept_reading(10);
    Entrustment garbled, sentence, named;
    garbled.contractor = "6) 1,000 人以上] 電子メール]紙（ 保守用端末 ）一般競争入札の結果として公表している。";
    sentence.contractor = "委託契約書により確認することができる。架空情報サービス株式会社";
    named.contractor = "かわべ印刷株式会社";
    rows.files[0].entrustments = {garbled, sentence, named};
    Assessment written = reading(10);
    Entrustment first, second, third;
    first.contractor = "わかばシステムズ株式会社";
    first.locs["contractor"] = Loc::at(70);
    second.contractor = "架空情報サービス株式会社";
    third.contractor = "（";
    written.files[0].entrustments = {first, second, third};

    const auto merged = merge_readings({rows}, {written});
    ASSERT_EQ(merged.size(), 1u);
    const auto& e = merged[0].files[0].entrustments;
    ASSERT_EQ(e.size(), 3u);
    EXPECT_EQ(e[0].contractor, "わかばシステムズ株式会社");
    EXPECT_EQ(e[0].locs.at("contractor").line, 70);
    EXPECT_EQ(e[1].contractor, sentence.contractor);
    EXPECT_EQ(e[2].contractor, "かわべ印刷株式会社");
}

// Where ③ of a system was not read at all, names read by the other reading are taken; readings
// that cut the part into different numbers of assessments are not paired.
TEST(MergeReadings, AnUnreadItemTakesTheOthersAndUnpairedReadingsStayApart) {
    Assessment rows = reading(10);
    Assessment written = reading(10);
    written.systems[0].other = {"架空県電子申請システム"};
    written.systems[0].other_checked = true;
    written.systems[0].connections_loc = Loc::at(20);
    auto merged = merge_readings({rows}, {written});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].systems[0].other, std::vector<std::string>{"架空県電子申請システム"});
    EXPECT_EQ(merged[0].systems[0].connections_loc.line, 20);

    Assessment lone = reading(10);
    lone.files[0].methods = {"紙"};
    merged = merge_readings({rows, rows}, {lone});
    ASSERT_EQ(merged.size(), 2u);  // the rows reading found more items
    EXPECT_TRUE(merged[0].files[0].methods.empty());
}

// その他 marked by both readings, its （names） printed in cells of their own and read by the other
// reading only: the kept reading takes them where both read the same boxes, and not where the
// boxes differ (the other reading may hold a neighbour's ③).
TEST(MergeReadings, TheNamesOfAMarkedOtherWhereBothReadTheSameBoxes) {
    Assessment rows = kept_reading(10);
    System second = rows.systems[0];
    second.no = 2;
    second.name = "団体内統合宛名システム";
    rows.systems.push_back(second);
    for (System& s : rows.systems) {
        s.connections = {"庁内連携システム"};
        s.other_checked = true;
        s.connections_loc = Loc::at(20);
    }
    Assessment written = reading(10);
    written.systems.push_back(second);
    written.systems[0].connections = {"庁内連携システム"};
    written.systems[1].connections = {"庁内連携システム", "税務システム"};
    for (System& s : written.systems) {
        s.other = {"証明書コンビニ交付システム"};
        s.other_checked = true;
    }
    const auto merged = merge_readings({rows}, {written});
    ASSERT_EQ(merged.size(), 1u);
    ASSERT_EQ(merged[0].systems.size(), 2u);
    EXPECT_EQ(merged[0].department, "市民課");  // the rows were kept
    EXPECT_EQ(merged[0].systems[0].other, std::vector<std::string>{"証明書コンビニ交付システム"});
    EXPECT_TRUE(merged[0].systems[1].other.empty());
}

// The same boxes, met in another order (a layout of two columns of boxes: the rebuilt rows read a
// row at a time, the text as written a column at a time) are the same boxes.
TEST(MergeReadings, TheNamesOfAMarkedOtherWhereTheSameBoxesWereReadInAnotherOrder) {
    Assessment rows = kept_reading(10);
    rows.systems[0].connections = {"宛名システム等", "既存住民基本台帳システム", "税務システム"};
    rows.systems[0].other_checked = true;
    rows.systems[0].connections_loc = Loc::at(20);
    Assessment written = reading(10);
    written.systems[0].connections = {"既存住民基本台帳システム", "宛名システム等", "税務システム"};
    written.systems[0].other = {"国保連伝送通信ソフト"};
    written.systems[0].other_checked = true;
    const auto merged = merge_readings({rows}, {written});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].department, "市民課");  // the rows were kept
    EXPECT_EQ(merged[0].systems[0].other, std::vector<std::string>{"国保連伝送通信ソフト"});
}

// The same marked options read by both readings, その他's （detail） and a source's by the other
// only: the kept reading takes the details; a list of other options takes nothing.
TEST(MergeReadings, TheDetailsOfTheSameOptions) {
    Assessment rows = kept_reading(10);
    rows.files[0].methods = {"紙", "その他"};
    rows.files[0].sources = {{"本人又は本人の代理人", "", false, Loc::at(30)},
                             {"評価実施機関内の他部署", "", false, Loc::at(31)}};
    rows.files[0].provisions = {flow("都道府県知事", {"専用線", "その他"})};
    Assessment written = reading(10);
    written.files[0].methods = {"紙", "その他(住民記録システム)"};
    written.files[0].sources = {{"本人又は本人の代理人", "", false, Loc::at(30)},
                                {"評価実施機関内の他部署", "税務課", false, Loc::at(31)}};
    written.files[0].provisions = {flow("都道府県知事", {"電子メール", "その他(住基ネット)"})};
    const auto merged = merge_readings({rows}, {written});
    ASSERT_EQ(merged.size(), 1u);
    const FileBlock& f = merged[0].files[0];
    EXPECT_EQ(merged[0].department, "市民課");  // the rows were kept
    EXPECT_EQ(f.methods, (std::vector<std::string>{"紙", "その他(住民記録システム)"}));
    ASSERT_EQ(f.sources.size(), 2u);
    EXPECT_EQ(f.sources[1].detail, "税務課");
    ASSERT_EQ(f.provisions.size(), 1u);
    EXPECT_EQ(f.provisions[0].methods, (std::vector<std::string>{"専用線", "その他"}));  // other options
}

// Systems of section I as the text as written (kept: it found more items) reads a sheet's raw
// order: システム１'s name is the tail of the 対象人数 list beside it (未満), and システム３ is lost.
// The rows rebuilt named every system the kept reading named and the one it skipped: their list is
// taken. Without a skipped number the kept list stays, though the other names one more.
TEST(MergeReadings, TheSystemsOfTheReadingThatSkippedNone) {
    const auto systems = [](std::vector<std::pair<int, std::string>> named) {
        std::vector<System> out;
        for (auto& [no, name] : named) {
            System s;
            s.no = no;
            s.name = std::move(name);
            out.push_back(std::move(s));
        }
        return out;
    };
    Assessment written = kept_reading(10);
    written.systems = systems({{1, "未満"}, {2, "団体内統合宛名システム"}, {4, "構成町連携システム"}});
    Assessment rows = reading(10);
    rows.systems = systems(
        {{1, "介護保険システム"}, {2, "団体内統合宛名システム"}, {3, "中間サーバー"}, {4, "構成町連携システム"}});
    auto merged = merge_readings({rows}, {written});
    ASSERT_EQ(merged.size(), 1u);
    ASSERT_EQ(merged[0].systems.size(), 4u);
    EXPECT_EQ(merged[0].systems[0].name, "介護保険システム");
    EXPECT_EQ(merged[0].systems[2].name, "中間サーバー");

    written.systems = systems({{1, "介護保険システム"}, {2, "団体内統合宛名システム"}});
    rows.systems = systems({{1, "介護保険システム"}, {2, "団体内統合宛名システム"}, {3, "住基ネッ ト"}});
    merged = merge_readings({rows}, {written});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].systems.size(), 2u);
}

}  // namespace
// A reading that took each entry's 時期・頻度 for its name (異動の都度（日次）: no body is named so)
// misplaced the entry's lines: its items do not count for it, and the reading that named the
// recipients is kept, though the other found more boxes.
TEST(MergeReadings, EntriesNamedByATimeCountForNothing) {
    Assessment rows = reading(10);
    rows.files[0].transfers = {flow("異動の都度（日次）", {"庁内連携システム"}),
                               flow("申請を受け付けた都度", {"庁内連携システム", "紙"})};
    for (Flow& f : rows.files[0].transfers) {
        f.basis = "番号法第9条第2項";
        f.basis_loc = Loc::at(40);
        f.locs["methods"] = Loc::at(41);
    }
    Assessment written = reading(10);
    written.files[0].transfers = {flow("保険年金課", {}), flow("福祉総務課", {})};
    for (Flow& f : written.files[0].transfers) {
        f.basis = "番号法第9条第2項";
        f.basis_loc = Loc::at(40);
    }

    const auto merged = merge_readings({rows}, {written});
    ASSERT_EQ(merged.size(), 1u);
    ASSERT_EQ(merged[0].files[0].transfers.size(), 2u);
    EXPECT_EQ(merged[0].files[0].transfers[0].recipient, "保険年金課");
    EXPECT_EQ(merged[0].files[0].transfers[1].recipient, "福祉総務課");
}

}  // namespace piagraph::extract_detail
