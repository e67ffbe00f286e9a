// PPC-T04: a business system marks 情報提供ネットワークシステム itself (not via the 中間サーバー).
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T04",
    "direct-nws",
    Severity::warning,
    {"業務システムが情報提供ネットワークシステムに直接接続", "business system connected to NWS directly"},
    {"情報提供ネットワークシステムにつながるのは中間サーバー（医療保険者等向け中間サーバー等を含む）で、業務システムは"
     "団体内統合宛名システムと中間サーバーを経由します。中間サーバー以外のシステムの③で情報提供ネットワーク"
     "システムに印があります。経路を確かめ、③を直すか、直接接続なら理由を記載してください。",
     "The 情報提供ネットワークシステム is reached by the 中間サーバー (or the 医療保険者等向け中間サーバー); "
     "business systems go through the 団体内統合宛名システム and the 中間サーバー. A system other than those "
     "marks it in ③: check the path, then correct ③ or explain the direct connection."},
    {"「I-2 システムN ③他のシステムとの接続」の情報提供ネットワークシステムの印と、システムの名称が標準システムの"
     "どれに当たるか（辞書 systems）を読みます。印を付けてよいシステムは辞書 checks/topology。標準的な構成"
     "（REFERENCE §4.2）によります。",
     "I-2 システムN ③ (the 情報提供ネットワークシステム box) and which standard system each name is (dictionary "
     "systems). The systems that may mark it are in the dictionary (checks/topology). It rests on the "
     "reference architecture (REFERENCE §4.2)."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const std::string box = option("connections", 0);
    const auto owners = check_list("/topology/nws_box_owners");
    for_each_unexpected_box(graph, box, owners, [&](const Assessment& a, const System& s) {
        out.push_back(finding(info, a,
                              {"システム" + std::to_string(s.no) + "「" + s.name + "」が" + box +
                                   "に直接接続しています（通常は中間サーバーを経由します）",
                               "system " + std::to_string(s.no) + " \"" + s.name + "\" marks " + box +
                                   " itself (normally reached through the 中間サーバー)"},
                              {at(a, s.connections_loc.known() ? s.connections_loc : s.loc, "③", s.name)},
                              {system_key(s.name), "direct-nws:" + a.affair + "/" + s.name}));
    });
}
}  // namespace

PIAGRAPH_RULE(T04, kInfo, run)

}  // namespace piagraph::checks
