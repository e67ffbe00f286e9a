// PPC-L07: a 提供 by 情報提供ネットワークシステム needs 第19条第8号/第9号; a 第8号 provision with
// no 情報提供ネットワークシステム method has lost its method or copied its basis.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L07",
    "linkage-inconsistent",
    Severity::error,
    {"提供方法と情報連携の根拠の不一致", "provision method and linkage basis disagree"},
    {"情報提供ネットワークシステムによる提供は番号法第19条第8号（または第9号）の情報連携です。"
     "⑥提供方法に情報提供ネットワークシステムがあるのに根拠に第8号・第9号がない場合は方法か根拠の誤り、"
     "根拠が第8号なのに方法に印がない場合は印の付け忘れか根拠の写し間違いです。原本を確認し、⑥か①を直してください。",
     "Provision through 情報提供ネットワークシステム is 情報連携 under 番号法 第19条第8号 (or 第9号). A "
     "network method without that basis, or a 第8号 basis without the network method, means the "
     "method or the basis is wrong: check the original and fix ⑥ or ①."},
    {"「II-5 提供先N ⑥提供方法」の情報提供ネットワークシステムの印と「①法令上の根拠」、公表日・変更箇所の日付を"
     "読みます。番号法第19条第8号・第9号（令和3年9月1日より前の評価書は第7号も可）によります。",
     "The 情報提供ネットワークシステム mark of II-5 提供先N ⑥ 提供方法 against its ① 法令上の根拠, with the "
     "公表日 and 変更箇所 dates. It rests on 番号法 第19条第8号/第9号 (第7号 too before 2021-09-01)."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const std::string nws = option("provision_methods", 0);
    for_each_flow(graph, [&](const Assessment& a, const FileBlock& f, const Flow& fl, bool provision) {
        if (!provision) return;
        const auto cs = parse_citations(fl.basis);
        const std::string date = assessment_date(a);
        bool seven_valid = date.empty() || date < "2021-09-01";
        bool nws_basis =
            cites(cs, "番号法", 19, 8) || cites(cs, "番号法", 19, 9) || (seven_valid && cites(cs, "番号法", 19, 7));
        bool nws_method = has_label(fl.methods, nws);
        std::vector<Location> locs{at(a, fl.loc, "提供先", fl.recipient),
                                   at(a, basis_loc(fl), "①法令上の根拠", fl.basis)};
        if (nws_method && !nws_basis && !blank(fl.basis)) {
            out.push_back(finding(
                info, a,
                {"提供先「" + fl.recipient + "」の⑥提供方法に" + nws +
                     "がありますが、根拠は番号法第19条第8号・第9号ではありません",
                 "provision to \"" + fl.recipient + "\" uses " + nws + " but its basis is not 第19条第8号/第9号"},
                std::move(locs), {"provision:" + fl.recipient}));
        } else if (!nws_method && cites(cs, "番号法", 19, 8) && a.was_read(flow_item(a, f, fl, true, "methods"))) {
            // "not marked" is said only of a ⑥ that was read
            out.push_back(finding(
                info, a,
                {"提供先「" + fl.recipient + "」の根拠は番号法第19条第8号ですが、⑥提供方法に" + nws +
                     "の印がありません" + (fl.marks == "none" ? "（提供方法の印が一つもありません）" : ""),
                 "provision to \"" + fl.recipient + "\" cites 第19条第8号 but " + nws + " is not marked as its method"},
                std::move(locs), {"provision:" + fl.recipient}, Severity::warning, true));
        }
    });
}
}  // namespace

PIAGRAPH_RULE(L07, kInfo, run)

}  // namespace piagraph::checks
