// PPC-C04: III 接続しない（入手）/（提供） while 情報提供ネットワークシステム is a method of II.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-C04",
    "linkage-inconsistent",
    Severity::error,
    {"「接続しない」と情報提供ネットワークシステムの方法の不一致", "\"接続しない\" contradicts a network method"},
    {"III の情報提供ネットワークシステムとの接続で「接続しない」を選んでいるのに、II の入手方法・提供方法に"
     "情報提供ネットワークシステムの印があります。どちらかが誤りで、リスク対策の評価が成り立ちません。"
     "原本を確認し、III の選択か II の方法を直してください。",
     "III says 接続しない for 情報提供ネットワークシステム, yet II marks it as an acquisition or provision "
     "method. One of them is wrong, and the risk measures rest on it: check the original and fix III or II."},
    {"「III-6 情報提供ネットワークシステムとの接続」の「接続しない（入手）」「接続しない（提供）」（基礎 IV）と、"
     "「II-3 ②入手方法」「II-5 提供先N ⑥提供方法」の情報提供ネットワークシステムの印を読みます。法令の条文ではなく、"
     "II と III の記載の整合によります。",
     "III-6 情報提供ネットワークシステムとの接続: 接続しない（入手）/（提供） (IV in 基礎), against the "
     "情報提供ネットワークシステム marks of II-3 ② 入手方法 and II-5 提供先N ⑥ 提供方法. It rests on no article: "
     "II and III must agree."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const std::string nws = label_of_system("nws");
    const std::string no_in = option("risk_flags", 2), no_out = option("risk_flags", 3);
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            const std::string file = f.names.empty() ? "" : f.names.front();
            auto flag = [&](const std::string& label) {
                for (const auto& [k, v] : f.risk_flags)
                    if (v && text::match_key(k) == text::match_key(label)) return true;
                return false;
            };
            const Loc flags_loc = field_loc(f.locs, "risk_flags", f.loc);
            if (flag(no_in) && has_label(f.methods, nws))
                out.push_back(finding(info, a,
                                      {file + ": 「" + no_in + "」ですが入手方法に" + nws + "があります",
                                       file + ": " + no_in + " but " + nws + " is an acquisition method"},
                                      {at(a, field_loc(f.locs, "methods", f.loc), "入手方法"), at(a, flags_loc, no_in)},
                                      {"risk-in:" + a.affair + "/" + file}));
            if (flag(no_out))
                for (const auto& p : f.provisions)
                    if (has_label(p.methods, nws))
                        out.push_back(
                            finding(info, a,
                                    {file + ": 「" + no_out + "」ですが提供先「" + p.recipient + "」の提供方法に" +
                                         nws + "があります",
                                     file + ": " + no_out + " but provision to \"" + p.recipient + "\" uses " + nws},
                                    {at(a, p.loc, "提供先", p.recipient), at(a, flags_loc, no_out)},
                                    {"risk-out:" + a.affair + "/" + file + "/" + p.recipient}));
        }
}
}  // namespace

PIAGRAPH_RULE(C04, kInfo, run)

}  // namespace piagraph::checks
