// PPC-L05: a 提供 whose basis cites 第9条 and nothing that permits a provision.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L05",
    "legal-basis-mismatch",
    Severity::error,
    {"提供の根拠が第9条だけ", "provision justified by 第9条 only"},
    {"番号法第9条は個人番号の利用を定める条文で、他者への提供を許すのは第19条の各号です。"
     "提供先の①法令上の根拠に第19条の号（または住基法・地方税法などの根拠規定）を記載してください。",
     "番号法 第9条 governs use, not provision; only the 号 of 第19条 permit a provision. Cite the 第19条 "
     "号 (or the 住基法/地方税法 provision) in ① of the 提供先."},
    {"「II-5 提供先N ①法令上の根拠」を読みます。番号法第9条を引用し、第19条の号も、住基法・地方税法・施行令・"
     "提供命令・条例・省令も引用していないものを指摘します（番号法第9条・第19条）。",
     "II-5 提供先N ① 法令上の根拠 citing 番号法 第9条 and neither a 第19条 号 nor 住基法, 地方税法, 施行令, "
     "the 提供命令, a 条例 or a 省令 (番号法 第9条 and 第19条)."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for_each_flow(graph, [&](const Assessment& a, const FileBlock&, const Flow& fl, bool provision) {
        if (!provision || blank(fl.basis)) return;
        const auto cs = parse_citations(fl.basis);
        if (!cites(cs, "番号法", 9) || cites(cs, "番号法", 19)) return;
        for (const char* law : {"住基法", "地方税法", "施行令", "提供命令", "条例", "省令", "主務省令"})
            if (mentions_law(cs, law)) return;
        out.push_back(
            finding(info, a,
                    {"提供先「" + fl.recipient + "」の根拠は番号法第9条だけで、提供を許す第19条の号がありません",
                     "provision to \"" + fl.recipient + "\" cites only 番号法 第9条, no 第19条 号"},
                    {at(a, basis_loc(fl), "①法令上の根拠", fl.basis)}, {"provision:" + fl.recipient}));
    });
}
}  // namespace

PIAGRAPH_RULE(L05, kInfo, run)

}  // namespace piagraph::checks
