// PPC-L12: 本人確認情報 provided to a 都道府県知事 or 機構 without 住基法 or 第19条第7号.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L12",
    "juki-recipient-basis",
    Severity::warning,
    {"本人確認情報の提供に住基法の根拠がない", "本人確認情報 provided without a 住基法 basis"},
    {"都道府県知事や地方公共団体情報システム機構への本人確認情報の提供は、住民基本台帳法（第30条の6など）、"
     "番号法では第19条第7号（令和3年9月1日より前は第6号）によります。根拠にこれらがありません。現行の第6号は委託の"
     "規定のため、改正前の号のままなら第7号に直してください。",
     "Provision of 本人確認情報 to a 都道府県知事 or to J-LIS (機構) rests on 住民基本台帳法 (第30条の6 …), "
     "番号法 第19条第7号 (第6号 before 2021-09-01). The basis cites neither. Today's 第6号 is 委託: a basis "
     "left at the old number should read 第7号."},
    {"「II-5 提供先N」の名称と、名称・②用途・③提供する情報の「本人確認情報」の語、「①法令上の根拠」を、"
     "公表日・変更日の時点の号番号で読みます。提供先の種類と号の対応は辞書 checks/recipients・"
     "checks/article19_items にあります。番号法第19条第7号、住基法第30条の6によります。",
     "II-5 提供先N: its name, the word 本人確認情報 in the name, ② 用途 or ③ 提供する情報, and ① 法令上の根拠 "
     "with the 号 numbering of the 公表日/変更日. Classes and numbering are in the dictionary "
     "(checks/recipients, checks/article19_items). It rests on 番号法 第19条第7号 and 住基法 第30条の6."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto recipients = check_list("/recipients/juki"), content = check_list("/recipients/juki_content");
    for_each_flow(graph, [&](const Assessment& a, const FileBlock& f, const Flow& p, bool provision) {
        if (!provision || blank(p.basis) || !a.was_read(flow_item(a, f, p, true, "basis"))) return;
        if (!contains_any(p.recipient, recipients) || !contains_any(p.recipient + p.purpose + p.info, content)) return;
        const auto cs = parse_citations(p.basis);
        if (mentions_law(cs, "住基法") || cites_19_kind(cs, p.basis, "juki", assessment_date(a))) return;
        out.push_back(finding(
            info, a,
            {"提供先「" + p.recipient + "」への本人確認情報の提供の根拠に住基法・番号法第19条第7号" + "がありません",
             "本人確認情報 to \"" + p.recipient + "\": the basis cites neither 住基法 nor " + "番号法 第19条第7号"},
            {at(a, basis_loc(p), "提供先 / provision", p.basis)}, {"juki-basis:" + p.recipient}));
    });
}
}  // namespace

PIAGRAPH_RULE(L12, kInfo, run)

}  // namespace piagraph::checks
