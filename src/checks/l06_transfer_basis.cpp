// PPC-L06: a 移転 citing a 第19条 号 (a provision clause); 第11号 means it is a 提供.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{"PPC-L06",
                     "legal-basis-mismatch",
                     Severity::warning,
                     {"移転の根拠に第19条の号", "transfer citing a 第19条 号"},
                     {"移転（同じ機関内の受け渡し）の根拠は第9条（別表・条例）で、第19条は提供の条文です。"
                      "移転なら①に第9条の別表の項か条例を記載してください。第19条第11号を引用しているなら相手は"
                      "別の機関で、提供先として記載すべきです。",
                      "A transfer (inside the same body) rests on 第9条 (別表 or 条例); 第19条 is about provision. "
                      "Cite the 第9条 別表 item or 条例 in ① of a transfer. Citing 第19条第11号 means the recipient is "
                      "another body: list it as a 提供先."},
                     {"「II-5 移転先N ①法令上の根拠」にある番号法第19条の号を読みます（第11号は error）。移転は"
                      "第9条（別表・第2項の条例）、第19条第11号は同じ地方公共団体の他の機関への提供の規定です。",
                      "A 番号法 第19条 号 in II-5 移転先N ① 法令上の根拠 (第11号: error). Transfer rests on 第9条 "
                      "(別表, or a 第2項 条例); 第19条第11号 is provision to another 機関 of the same local "
                      "government."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for_each_flow(graph, [&](const Assessment& a, const FileBlock&, const Flow& fl, bool provision) {
        if (provision || blank(fl.basis)) return;
        const auto cs = parse_citations(fl.basis);
        int item = 0;
        for (const auto& c : cs)
            if (c.law == "番号法" && c.article == 19 && c.item > 0) item = c.item;
        if (!item) return;
        bool eleven = item == 11;
        out.push_back(finding(info, a,
                              {"移転先「" + fl.recipient + "」の根拠に番号法第19条第" + std::to_string(item) +
                                   "号があります" + (eleven ? "。第11号なら提供として記載すべきです" : ""),
                               "transfer to \"" + fl.recipient + "\" cites 番号法 第19条第" + std::to_string(item) +
                                   "号" + (eleven ? ": with 第11号 it is a provision" : "")},
                              {at(a, basis_loc(fl), "①法令上の根拠", fl.basis)}, {"transfer:" + fl.recipient},
                              eleven ? Severity::error : Severity::warning, true));
    });
}
}  // namespace

PIAGRAPH_RULE(L06, kInfo, run)

}  // namespace piagraph::checks
