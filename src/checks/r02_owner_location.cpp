// PPC-R02: a 中間サーバー or 団体内統合宛名システム whose operator or placement no text states.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-R02",
    "owner-and-location",
    Severity::info,
    {"中間サーバー・統合宛名の運用主体と設置場所が不明", "operator and place of a hub system not stated"},
    {"審査会は、中間サーバーと団体内統合宛名システムについて、だれが運用するか（地方公共団体情報システム機構・"
     "自団体・事業者）と、どこに置くか（庁内・データセンター・クラウド）を尋ねます。様式に欄はありませんが、"
     "システムの機能・保管場所・委託のどこにもその記載がありません。報告書で確認してください。",
     "Review boards ask who operates the 中間サーバー and the 団体内統合宛名システム (J-LIS, the body itself, a "
     "vendor) and where they run (庁内, a data centre, a cloud). The form has no field for it, and neither "
     "the system functions, the 保管場所 nor a 委託 state it: confirm it for the report."},
    {"「I-2 システムN」の名称と「②システムの機能」、「II-6 ①保管場所」（重点 II-6）、「II-4 "
     "委託事項N」の委託内容と委託先名を文ごとに読みます。"
     "そのシステムを名指す文に運用主体の語と場所の語があれば記載ありとします。語は辞書 checks/owner_location、"
     "システムの別名は辞書 systems。保管場所が読めない評価書（基礎を含む）は判定しません。審査会の確認事項"
     "によります。",
     "The names and ② functions of I-2 システムN II-6 ① 保管場所 (II-6 in 重点) and the items and contractors of II-4 "
     "委託事項N, sentence by sentence: a "
     "sentence naming the system with an operator word, and one with a place word, state them. The words are in "
     "the dictionary (checks/owner_location), the systems' aliases in systems. Assessments whose 保管場所 was "
     "not read (基礎 too) are not judged. It rests on what review boards ask."}};

std::vector<std::string> sentences(const Assessment& a) {
    std::vector<std::string> out;
    std::vector<std::string> texts;
    for (const auto& s : a.systems) texts.push_back(s.functions);
    for (const auto& f : a.files) {
        texts.push_back(f.storage);
        // A 委託 of the system's operation names who runs it (団体内統合宛名システム等の運用).
        for (const auto& e : f.entrustments) texts.push_back(e.item + "（" + e.contractor + "）");
    }
    const std::string stop = "。";
    for (const auto& t : texts)
        for (size_t start = 0; start < t.size();) {
            size_t end = t.find(stop, start);
            if (end == std::string::npos) end = t.size();
            out.push_back(t.substr(start, end - start));
            start = end + stop.size();
        }
    return out;
}

bool storage_read(const Assessment& a) {
    if (a.files.empty()) return false;
    for (const auto& f : a.files) {
        const std::string item = file_item(a, f, "storage");
        if (!a.form_has(item) || !a.was_read(item) || blank(f.storage)) return false;  // PPC-F04/X01
    }
    return true;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto ids = check_list("/owner_location/systems"), owners = check_list("/owner_location/owner_words"),
               places = check_list("/owner_location/place_words"),
               platform = check_list("/owner_location/platform_words");
    const std::string platform_system = check_data("/owner_location/platform_system").get<std::string>();
    for (const auto& a : graph.assessments) {
        if (!a.was_read("systems") || !storage_read(a)) continue;
        const auto text = sentences(a);
        for (const auto& s : a.systems) {
            const StandardSystem* standard = resolve_standard_system(s.name);
            if (!standard || std::find(ids.begin(), ids.end(), standard->id) == ids.end()) continue;
            std::vector<std::string> names = standard->aliases;
            names.push_back(standard->name), names.push_back(s.name);
            bool owner = false, place = false;
            for (const auto& sentence : text) {
                if (!contains_any(sentence, names)) continue;
                const bool both = standard->id == platform_system && contains_any(sentence, platform);
                owner = owner || both || contains_any(sentence, owners);
                place = place || both || contains_any(sentence, places);
            }
            if (owner && place) continue;
            std::vector<std::string> ja, en;
            if (!owner) ja.push_back("運用主体"), en.push_back("who operates it");
            if (!place) ja.push_back("設置場所"), en.push_back("where it runs");
            out.push_back(finding(info, a,
                                  {"システム" + std::to_string(s.no) + "「" + s.name + "」の" + join(ja, "と") +
                                       "が、システムの機能・保管場所・委託のどこにも記載されていません",
                                   "system " + std::to_string(s.no) + " \"" + s.name + "\": " + join(en, " and ") +
                                       " is stated neither in its functions, the 保管場所 nor a 委託"},
                                  {at(a, s.loc, "システム / system", s.name)},
                                  {system_key(s.name), "owner-location:" + a.affair + "/" + standard->id}));
        }
    }
}
}  // namespace

PIAGRAPH_RULE(R02, kInfo, run)

}  // namespace piagraph::checks
