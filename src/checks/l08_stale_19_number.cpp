// PPC-L08: a 第19条 号 that the 2021-09 renumbering made stale, judged by the flow's context.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L08",
    "legal-basis-mismatch",
    Severity::warning,
    {"改正前の第19条の号番号", "第19条 号 number from before the renumbering"},
    {"令和3年9月1日の改正で番号法第19条の号が繰り下がりました（情報連携 第7号→第8号、税務 第8号・第9号→"
     "第10号、条例・他機関 第9号・第10号→第11号）。評価書の日付がそれより後なのに旧番号のままです。"
     "現行の号に更新してください。変更の届出が遅れることもあるため警告にとどめます。",
     "The 2021-09-01 amendment renumbered the 号 of 番号法 第19条 (linkage 7→8, tax 8/9→10, "
     "条例/other 機関 9/10→11). The assessment is dated later but cites the old number: update it. A "
     "warning only, since updates are often filed late."},
    {"「I-6 ②法令上の根拠」と「II-5 提供先N ①法令上の根拠」を、提供先の名称・②用途・③提供する情報の語"
     "（情報提供ネットワーク、国税庁、住基法、教育委員会など）で流れの種類を判断し、公表日・変更箇所の日付と"
     "照らします。令和3年9月1日施行の番号法第19条の号の繰下げによります。",
     "I-6 ② and II-5 提供先N ① 法令上の根拠, the kind of flow judged from words in the recipient, ② 用途 and "
     "③ 提供する情報 (情報提供ネットワーク, 国税庁, 住基法, 教育委員会 …), against the 公表日 and 変更箇所 dates. "
     "It rests on the renumbering of the 号 of 番号法 第19条 in force from 2021-09-01."}};

// Context words that decide which kind of flow a citation belongs to (REFERENCE §2.4).

struct Field {
    std::string what, text, context;
    Loc loc;
};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments) {
        const std::string date = assessment_date(a);
        if (date.empty() || date < "2021-09-01") continue;
        std::vector<Field> fields{
            {"情報連携 ②", a.linkage.basis, a.linkage.basis, field_loc(a.locs, "linkage.basis", a.linkage.loc)}};
        for (const auto& f : a.files)
            for (const auto& p : f.provisions)
                fields.push_back({"提供先「" + p.recipient + "」", p.basis, p.basis + p.recipient + p.purpose + p.info,
                                  basis_loc(p)});
        for (const auto& fd : fields) {
            if (blank(fd.text)) continue;
            const auto cs = parse_citations(fd.text);
            // The kind of flow, from its words (data/dictionary.json checks/stale_19).
            static const auto nws_words = check_list("/stale_19/nws"), tax_words = check_list("/stale_19/tax"),
                              juki_words = check_list("/stale_19/juki"),
                              ordinance_words = check_list("/stale_19/ordinance");
            bool nws = contains_any(fd.context, nws_words), tax = contains_any(fd.context, tax_words),
                 juki = contains_any(fd.context, juki_words), ord = contains_any(fd.context, ordinance_words);
            std::string stale, fix;
            if (cites(cs, "番号法", 19, 7) && nws && !juki)
                stale = "7", fix = "8";
            else if ((cites(cs, "番号法", 19, 8) || cites(cs, "番号法", 19, 9)) && tax && !nws)
                stale = cites(cs, "番号法", 19, 8) ? "8" : "9", fix = "10";
            else if ((cites(cs, "番号法", 19, 9) || cites(cs, "番号法", 19, 10)) && ord && !nws && !tax)
                stale = cites(cs, "番号法", 19, 9) ? "9" : "10", fix = "11";
            if (stale.empty()) continue;
            out.push_back(
                finding(info, a,
                        {fd.what + "の根拠が番号法第19条第" + stale + "号です（" + date + "時点では第" + fix + "号）",
                         fd.what + " cites 番号法 第19条第" + stale + "号 (第" + fix + "号 as of " + date + ")"},
                        {at(a, fd.loc, fd.what, fd.text)}, {"stale19:" + fd.what}));
        }
    }
}
}  // namespace

PIAGRAPH_RULE(L08, kInfo, run)

}  // namespace piagraph::checks
