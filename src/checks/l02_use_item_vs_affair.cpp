// PPC-L02: the 別表 項 cited in I-5 個人番号の利用 is not the 項 of the 事務 (地方税 → 24, old 16 …).
#include <regex>

#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L02",
    "legal-basis-mismatch",
    Severity::warning,
    {"個人番号の利用の根拠の別表の項が事務と合わない", "the 別表 item of the basis of use does not match the affair"},
    {"番号法第9条第1項の別表は事務ごとに項が決まっています（例: 地方税は別表第24項、令和6年5月27日より前の"
     "別表第一では第16項。国民健康保険は第44項、旧第30項）。I-5 の根拠が引く項に、事務の名称に当たる項が"
     "ありません。令和5年改正で別表第一が別表になったとき項の番号も変わったため、旧番号のまま「別表第16項」と"
     "書く誤りが起こりやすい点に注意してください。事務と別表の項を確かめてください。"
     "項の表のうち、REFERENCE で確認済みなのは地方税・国民健康保険の新旧の項と、その他の事務の新しい項です。"
     "その他の事務の旧別表第一の項は記憶によるもの（未確認）のため、それに基づく指摘は「情報」にとどめます。",
     "The 別表 of 番号法 第9条第1項 fixes one 項 per affair (地方税: 別表第24項, 別表第一 第16項 before "
     "2024-05-27; 国民健康保険: 第44項, formerly 第30項). The items that I-5 cites include none that belongs to "
     "the affair named in I-1. When 別表第一 became 別表 (2023 amendment) the items were renumbered, so an old "
     "number under the new name (別表第16項) is a common slip. Check the affair and the item. Of the item "
     "table, the old and new items of 地方税 and 国民健康保険 and the new items of the other affairs are verified; "
     "the old 別表第一 items of the other affairs are recalled, not verified, so findings resting on them are "
     "info only."},
    {"「I-1 ①事務の名称」と「I-5 個人番号の利用 法令上の根拠」（重点 I-4、基礎 I-3）が引く番号法の別表の項を"
     "読みます。事務の語と新旧の項、改正の日付は辞書 checks/use_items にあります（番号法第9条第1項・別表、"
     "令和5年法律第48号）。別表の項を引いていない根拠は判断しません（PPC-L01 の対象）。",
     "I-1 ① 事務の名称 and the 番号法 別表 items cited in I-5 個人番号の利用 法令上の根拠 (I-4 in 重点, I-3 in "
     "基礎). The affair words, the old and new items and the date of the renumbering are in the dictionary "
     "(checks/use_items); 番号法 第9条第1項 and its 別表, 令和5年法律第48号. A basis citing no 別表 item is not "
     "judged (that is PPC-L01's)."}};

struct Expected {
    std::string name, table;
    int item = 0;
    bool recalled = false;
};

// The 項 an affair entry gives a 別表 (0 when the entry has none).
int item_of(const nlohmann::json& entry, const std::string& table) {
    const auto& items = entry.value("items", nlohmann::json::object());
    return items.contains(table) && items.at(table).is_number_integer() ? items.at(table).get<int>() : 0;
}

// The 項 cited after each 別表 of a basis, by 別表 (the current one or the old 別表第一; 別表第二 is
// not about use): 別表第24項（…）及び第44項, 別表第一 第16号、第30号, 別表第一の16の項. A 条 ends the run.
std::map<std::string, std::set<int>> cited_items(const std::string& basis, const std::string& current,
                                                 const std::string& old) {
    static const std::regex mention(R"(別表(第一|第二|第1(?![0-9])|第2(?![0-9]))?)");
    static const std::regex item(R"(第([0-9]{1,4})[項号]|([0-9]{1,4})の項)");
    const std::string s = text::nfkc(basis);
    std::map<std::string, std::set<int>> out;
    for (auto m = std::sregex_iterator(s.begin(), s.end(), mention); m != std::sregex_iterator(); ++m) {
        const std::string which = (*m)[1].str();
        if (which == "第二" || which == "第2") continue;
        const std::string table = which.empty() ? current : old;
        std::string tail = s.substr(m->position() + m->length());
        for (const char* stop : {"条", "別表"})
            if (const size_t at = tail.find(stop); at != std::string::npos) tail = tail.substr(0, at);
        for (auto i = std::sregex_iterator(tail.begin(), tail.end(), item); i != std::sregex_iterator(); ++i)
            out[table].insert(std::stoi((*i)[1].matched ? (*i)[1].str() : (*i)[2].str()));
    }
    return out;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto& affairs = check_data("/use_items/affairs");
    const auto& numbering = check_data("/use_items/numbering");
    if (!affairs.is_array() || !numbering.is_array() || numbering.empty()) return;
    const std::string current = numbering.front().value("table", ""), old = numbering.back().value("table", "");
    for (const auto& a : graph.assessments) {
        if (blank(a.affair) || blank(a.individual_number_basis)) continue;
        if (!a.was_read("affair") || !a.was_read("individual_number_basis")) continue;
        const auto cited = cited_items(a.individual_number_basis, current, old);
        if (cited.empty()) continue;
        // Before the renumbering a bare 別表 may be the writer's short form of 別表第一.
        const std::string era_table = era_on(numbering, assessment_date(a)).value("table", current);
        for (const auto& entry_of_table : cited) {
            const std::string& table = entry_of_table.first;
            const std::set<int>& items = entry_of_table.second;
            std::vector<Expected> expected;
            for (const auto& entry : affairs) {
                if (!contains_any(a.affair, entry.value("words", std::vector<std::string>{})) ||
                    contains_any(a.affair, entry.value("not_words", std::vector<std::string>{})))
                    continue;
                const auto recalled = entry.value("recalled", std::vector<std::string>{});
                std::vector<std::string> tables{table};
                if (table == current && era_table != current) tables.push_back(old);
                for (const auto& t : tables)
                    if (int item = item_of(entry, t))
                        expected.push_back({entry.value("name", ""), t, item,
                                            std::find(recalled.begin(), recalled.end(), t) != recalled.end()});
            }
            if (expected.empty()) continue;  // an affair the table does not know
            const bool matched = std::any_of(expected.begin(), expected.end(),
                                             [&items](const Expected& e) { return items.count(e.item) > 0; });
            if (matched) continue;
            const Expected& want = expected.front();
            std::string want_text, want_en;  // 別表第100項 (or 別表第一 第68項 where a bare 別表 may mean it)
            for (const auto& e : expected)
                if (e.name == want.name) {
                    want_text += (want_text.empty() ? "" : "または") + e.table + "第" + std::to_string(e.item) + "項";
                    want_en += (want_en.empty() ? "" : " or ") + e.table + " item " + std::to_string(e.item);
                }
            std::string cited_text;
            for (int n : items) cited_text += (cited_text.empty() ? "" : "・") + ("第" + std::to_string(n) + "項");
            // An old 項 under the new 別表 is the typical slip of the renumbering.
            std::string hint_ja, hint_en;
            if (table == current && era_table == current)
                for (const auto& entry : affairs)
                    if (contains_any(a.affair, entry.value("words", std::vector<std::string>{})) &&
                        items.count(item_of(entry, old))) {
                        hint_ja = "（" + old + "の旧番号のままと思われます）";
                        hint_en = " (probably the old " + old + " number)";
                    }
            // A finding that rests on a recalled number ([R] in REFERENCE) is information only.
            const bool recalled =
                std::any_of(expected.begin(), expected.end(), [](const Expected& e) { return e.recalled; });
            if (recalled) {
                hint_ja += "（旧別表第一の項番号は未確認の値です）";
                hint_en += " (the old 別表第一 item number is recalled, not verified)";
            }
            out.push_back(finding(
                info, a,
                {"事務「" + a.affair + "」の個人番号の利用の根拠は" + table + "の" + cited_text + "を引いていますが、" +
                     want.name + "の事務は" + want_text + "です" + hint_ja,
                 "the affair \"" + a.affair + "\" cites " + table + " " + cited_text + " for its use of My Numbers, " +
                     "but the " + want.name + " affair is " + want_en + hint_en},
                {at(a, field_loc(a.locs, "individual_number_basis", a.loc), "個人番号の利用 / use of My Numbers",
                    a.individual_number_basis)},
                {business_key(a), "use-item:" + a.affair + "/" + table}, Severity::info, recalled));
        }
    }
}
}  // namespace

PIAGRAPH_RULE(L02, kInfo, run)

}  // namespace piagraph::checks
