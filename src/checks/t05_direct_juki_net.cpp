// PPC-T05: a system other than 既存住基 marks 住民基本台帳ネットワークシステム itself.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T05",
    "direct-juki-net",
    Severity::info,
    {"既存住基以外のシステムが住基ネットに直接接続", "system other than 既存住基 on 住基ネット"},
    {"市町村CS（住民基本台帳ネットワークシステム）と接続するのは通常、既存住民基本台帳システムだけで、ほかの業務は"
     "統合端末やCS端末を使います。既存住基以外のシステムの③で住民基本台帳ネットワークシステムに印があります。"
     "実際の接続か、端末の利用を印にしたものかを確かめてください。",
     "Normally only the 既存住民基本台帳システム talks to the 市町村CS (住民基本台帳ネットワークシステム); "
     "other affairs use a 統合端末 or CS端末. Another system marks it in ③: check whether it is a real "
     "connection or the use of a terminal."},
    {"「I-2 システムN ③他のシステムとの接続」の住民基本台帳ネットワークシステムの印と、システムの名称が標準システム"
     "のどれに当たるか（辞書 systems）を読みます。印を付けてよいシステムは辞書 checks/topology。住基ネットの構成"
     "（REFERENCE §4.1）によります。",
     "I-2 システムN ③ (the 住民基本台帳ネットワークシステム box) and which standard system each name is "
     "(dictionary systems). The systems that may mark it are in the dictionary (checks/topology). It rests "
     "on the 住基ネット architecture (REFERENCE §4.1)."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const std::string box = option("connections", 2);
    const auto owners = check_list("/topology/juki_net_box_owners");
    for_each_unexpected_box(graph, box, owners, [&](const Assessment& a, const System& s) {
        out.push_back(finding(info, a,
                              {"システム" + std::to_string(s.no) + "「" + s.name + "」が" + box +
                                   "に直接接続しています（通常は既存住民基本台帳システムだけが接続します）",
                               "system " + std::to_string(s.no) + " \"" + s.name + "\" marks " + box +
                                   " (normally only the 既存住民基本台帳システム connects)"},
                              {at(a, s.connections_loc.known() ? s.connections_loc : s.loc, "③", s.name)},
                              {system_key(s.name), "direct-juki-net:" + a.affair + "/" + s.name}));
    });
}
}  // namespace

PIAGRAPH_RULE(T05, kInfo, run)

}  // namespace piagraph::checks
