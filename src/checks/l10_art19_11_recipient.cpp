// PPC-L10: a 提供 under 第19条第11号 (条例, same 団体) to a body outside the 地方公共団体.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L10",
    "art19-11-recipient",
    Severity::error,
    {"第19条第11号による提供先が同じ団体の機関でない", "第19条第11号 provision to an outside body"},
    {"番号法第19条第11号（改正前は第9号・第10号）は、条例に基づき同じ地方公共団体の他の機関（教育委員会など）へ"
     "提供するための規定です。他市町村、都道府県、国の機関、民間事業者などへの提供の根拠にはなりません。"
     "提供先に合う号（税務なら第10号、情報連携なら第8号、住基なら第7号など）を記載してください。",
     "番号法 第19条第11号 (第9号/第10号 before the 2021 renumbering) lets a body provide, under a 条例, to "
     "another 機関 of the same 地方公共団体 (教育委員会 …). It cannot ground a provision to another "
     "municipality, a prefecture, the state or a company: cite the 号 that fits the recipient (第10号 for "
     "tax, 第8号 for 情報連携, 第7号 for 住基 …)."},
    {"「II-5 提供先N」の名称と「①法令上の根拠」を、公表日・変更日の時点の号番号で読みます。号の対応と、同じ団体の"
     "外の提供先を示す語は辞書 checks/article19_items と checks/recipients にあります。番号法第19条第11号によります。",
     "II-5 提供先N: its name and ① 法令上の根拠, with the 号 numbering in force on the 公表日/変更日. The "
     "numbering and the words that mark a recipient outside the 団体 are in the dictionary "
     "(checks/article19_items, checks/recipients). It rests on 番号法 第19条第11号."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto outside = check_list("/recipients/outside");
    for_each_flow(graph, [&](const Assessment& a, const FileBlock& f, const Flow& p, bool provision) {
        if (!provision || blank(p.basis) || !a.was_read(flow_item(a, f, p, true, "basis"))) return;
        if (!cites_19_kind(parse_citations(p.basis), p.basis, "ordinance_other_body", assessment_date(a))) return;
        if (!contains_any(p.recipient, outside)) return;  // a name we cannot place is not judged
        out.push_back(finding(info, a,
                              {"提供先「" + p.recipient + "」は同じ団体の機関ではありませんが、根拠が第19条第11号" +
                                   "（同じ団体の他の機関への提供）です",
                               "provision to \"" + p.recipient + "\", outside the 団体, rests on 第19条第11号 " +
                                   "(provision to another 機関 of the same 団体)"},
                              {at(a, basis_loc(p), "提供先 / provision", p.basis)}, {"art19-11:" + p.recipient}));
    });
}
}  // namespace

PIAGRAPH_RULE(L10, kInfo, run)

}  // namespace piagraph::checks
