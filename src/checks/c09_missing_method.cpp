// PPC-C09: a 提供先/移転先 with no ⑥提供方法/移転方法 marked.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{"PPC-C09",
                     "missing-method",
                     Severity::warning,
                     {"提供方法・移転方法の記載がない", "no provision/transfer method"},
                     {"提供先・移転先ごとに⑥提供方法・移転方法のいずれかに印を付けます（その他なら内容を記載）。"
                      "方法が分からなければリスク対策（III）も評価できません。",
                      "Each 提供先/移転先 needs at least one ⑥ method marked (その他 with its text); without it the "
                      "risk measures of III cannot be judged."},
                     {"「II-5 提供先N ⑥提供方法」「移転先N ⑥移転方法」を読みます（読み取れなかった⑥と空の雛形欄は"
                      "除きます）。法令の条文ではなく、様式の記載の完全性によります。",
                      "II-5 提供先N ⑥ 提供方法 and 移転先N ⑥ 移転方法 (a ⑥ that was not read and empty template "
                      "blocks are left out). It rests on no article: the form must be complete."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for_each_flow(graph, [&](const Assessment& a, const FileBlock& f, const Flow& fl, bool provision) {
        if (blank(fl.recipient) || !fl.methods.empty()) return;
        if (!a.was_read(flow_item(a, f, fl, provision, "methods"))) return;  // ⑥ was not read: PPC-X01
        const std::string method_ja = provision ? "⑥提供方法" : "⑥移転方法";
        out.push_back(
            finding(info, a,
                    {flow_word(provision, Lang::ja) + "「" + fl.recipient + "」の" + method_ja + "に印がありません",
                     flow_word(provision, Lang::en) + " to \"" + fl.recipient + "\" has no method marked"},
                    {at(a, fl.loc, flow_word(provision, Lang::ja), fl.recipient)},
                    {flow_word(provision, Lang::en) + ":" + fl.recipient}));
    });
}
}  // namespace

PIAGRAPH_RULE(C09, kInfo, run)

}  // namespace piagraph::checks
