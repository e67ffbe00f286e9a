// PPC-C07: a 委託事項 or a 提供先/移転先 passes on more people (its 対象となる本人の数 band) than the
// file holds (II-2 ②対象となる本人の数).
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-C07",
    "population-bands",
    Severity::warning,
    {"委託・提供・移転の本人の数がファイルの本人の数を超えている", "more people passed on than the file holds"},
    {"委託事項の「対象となる本人の数」や提供先・移転先の「④本人の数」は、そのファイルの「II-2 ②対象となる本人の数」"
     "を超えることはありません。より大きな区分が選ばれています。どちらかの選択を確かめ、評価書を修正してください。",
     "The 対象となる本人の数 of a 委託事項 and the ④本人の数 of a 提供先 or 移転先 cannot exceed the file's II-2 "
     "②対象となる本人の数, yet a larger band is selected. Check both selections and amend the assessment."},
    {"各ファイルの「II-2 ②対象となる本人の数」と、委託事項N の「②…対象となる本人の数」（全項目）、提供先N・移転先N の"
     "「④提供する（移転する）情報の対象となる本人の数」の区分（辞書 options/persons "
     "の順）を比べます。選択が読めなかった"
     "項目は比べません。論理的な整合性の点検です。",
     "Each file's II-2 ② 対象となる本人の数 against the 対象となる本人の数 of each 委託事項N (全項目) and the ④ "
     "本人の数 of each 提供先N/移転先N, in the order of the bands (dictionary options/persons). An item whose "
     "selection was not read is not compared. A logical consistency check."}};

// The position of a band among the dictionary's persons bands, -1 when it is none of them.
int band(const std::string& value) {
    const auto& bands = Dictionary::get().options("persons");
    for (size_t i = 0; i < bands.size(); ++i)
        if (text::match_key(bands[i]) == text::match_key(value)) return static_cast<int>(i);
    return -1;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            const int held = band(f.population);
            if (held < 0) continue;  // the file's own band was not read
            const Loc file_at = field_loc(f.locs, "population", f.loc);
            const std::string file_name = f.names.empty() ? "" : f.names.front();
            auto check = [&](const std::string& what_ja, const std::string& what_en, const std::string& value,
                             const Loc& at_entry) {
                if (band(value) <= held) return;
                out.push_back(finding(
                    info, a,
                    {what_ja + "の対象となる本人の数「" + value + "」が、ファイル「" + file_name +
                         "」の②対象となる本人の数「" + f.population + "」を超えています",
                     what_en + ": 対象となる本人の数 \"" + value + "\" exceeds the file's ② \"" + f.population + "\""},
                    {at(a, at_entry, "本人の数 / people passed on", value),
                     at(a, file_at, "ファイルの本人の数 / people held", f.population)},
                    {"population-bands:" + a.affair + "/" + file_name + "/" + what_ja}));
            };
            for (size_t i = 0; i < f.entrustments.size(); ++i) {
                const Entrustment& e = f.entrustments[i];
                const std::string no = e.no.empty() ? std::to_string(i + 1) : e.no;
                check("委託事項" + no + "「" + e.item + "」", "entrustment " + no, e.population,
                      field_loc(e.locs, "population", e.loc));
            }
            for (const bool provision : {true, false}) {
                const auto& list = provision ? f.provisions : f.transfers;
                for (size_t i = 0; i < list.size(); ++i) {
                    const Flow& fl = list[i];
                    const std::string no = fl.no.empty() ? std::to_string(i + 1) : fl.no;
                    check(flow_word(provision, Lang::ja) + no + "「" + fl.recipient + "」",
                          flow_word(provision, Lang::en) + " " + no, fl.population,
                          field_loc(fl.locs, "population", fl.loc));
                }
            }
        }
}
}  // namespace

PIAGRAPH_RULE(C07, kInfo, run)

}  // namespace piagraph::checks
