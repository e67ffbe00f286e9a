// PPC-L04: a 提供先 or 移転先 with an empty ①法令上の根拠.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{"PPC-L04",
                     "missing-legal-basis",
                     Severity::error,
                     {"提供・移転の法令上の根拠がない", "provision or transfer without legal basis"},
                     {"特定個人情報の提供は番号法第19条各号に該当する場合に限られ、移転も第9条（別表・条例）の範囲で"
                      "しかできません。提供先・移転先ごとに①法令上の根拠を記載してください。",
                      "Provision is lawful only under a 号 of 番号法 第19条, and a transfer only within 第9条 (別表 or "
                      "条例). Fill ① 法令上の根拠 for every 提供先 and 移転先."},
                     {"「II-5 提供先N ①法令上の根拠」と「移転先N ①法令上の根拠」が空欄かを見ます（空の雛形欄と、"
                      "読み取れなかった①は除きます）。提供は番号法第19条、移転は第9条によります。",
                      "II-5 提供先N ① and 移転先N ① 法令上の根拠, when empty (empty template blocks and a ① that "
                      "was not read are left out). Provision rests on 番号法 第19条, transfer on 第9条."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for_each_flow(graph, [&](const Assessment& a, const FileBlock& f, const Flow& fl, bool provision) {
        if (blank(fl.recipient) || !blank(fl.basis)) return;
        if (!a.was_read(flow_item(a, f, fl, provision, "basis"))) return;  // ① was not read: PPC-X01
        out.push_back(
            finding(info, a,
                    {flow_word(provision, Lang::ja) + "「" + fl.recipient + "」の①法令上の根拠が記載されていません",
                     flow_word(provision, Lang::en) + " to \"" + fl.recipient + "\" has no legal basis"},
                    {at(a, fl.loc, flow_word(provision, Lang::ja), fl.recipient)},
                    {flow_word(provision, Lang::en) + ":" + fl.recipient}));
    });
}
}  // namespace

PIAGRAPH_RULE(L04, kInfo, run)

}  // namespace piagraph::checks
