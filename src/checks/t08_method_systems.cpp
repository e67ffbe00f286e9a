// PPC-T08: an 入手/提供/移転 method (庁内連携システム, 情報提供NWS) that no system path supports.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T08",
    "method-systems",
    Severity::warning,
    {"方法に対応するシステムの経路がない", "a method with no system path"},
    {"入手方法・移転方法に庁内連携システムがあるなら、庁内連携システムか、それにつながるシステムがあるはずです。"
     "入手方法・提供方法に情報提供ネットワークシステムがあるなら、中間サーバーへの経路があるはずです。I-2 の"
     "システムにその経路がありません。方法の印か、I-2 のシステムと③を確かめてください。",
     "A 庁内連携システム method (入手 or 移転) needs a 庁内連携システム or a system connected to it; an "
     "情報提供ネットワークシステム method (入手 or 提供) needs a path to a 中間サーバー. The systems of I-2 have "
     "none: check the method's mark, or the systems and their ③."},
    {"「II-3 ②入手方法」「II-5 ⑥提供方法・移転方法」の印と、「I-2 システムN」の名称・③他のシステムとの接続"
     "（その他の（ ）を含む）を読みます。経路になる標準システムは辞書 checks/method_paths。情報連携を"
     "「実施しない」とした評価書の情報提供ネットワークシステムは PPC-T06 が扱います。標準的な構成"
     "（REFERENCE §4.2）によります。",
     "II-3 ② 入手方法 and II-5 ⑥ 提供方法/移転方法, with the names and ③ (including その他) of I-2 "
     "システムN. The standard systems that make a path are in the dictionary (checks/method_paths). An NWS "
     "method in an assessment whose I-6 says 実施しない is PPC-T06's. It rests on the reference "
     "architecture (REFERENCE §4.2)."}};

struct MethodUse {
    std::string where_ja, where_en;
    Loc loc;
};

// Where a file marks the method: 入手方法, and each 提供先 (provision) or 移転先 (transfer).
std::vector<MethodUse> uses_of(const Assessment& a, const FileBlock& f, const std::string& method, bool provisions,
                               bool transfers) {
    std::vector<MethodUse> out;
    if (a.was_read(file_item(a, f, "methods")) && has_label(f.methods, method))
        out.push_back({"入手方法", "入手方法", field_loc(f.locs, "methods", f.loc)});
    auto flows = [&](const std::vector<Flow>& list, bool provision) {
        for (const auto& fl : list)
            if (!empty_flow(fl) && a.was_read(flow_item(a, f, fl, provision, "methods")) &&
                has_label(fl.methods, method))
                out.push_back({flow_word(provision, Lang::ja) + "「" + fl.recipient + "」",
                               flow_word(provision, Lang::en) + " \"" + fl.recipient + "\"",
                               field_loc(fl.locs, "methods", fl.loc)});
    };
    if (provisions) flows(f.provisions, true);
    if (transfers) flows(f.transfers, false);
    return out;
}

void report(const RuleInfo& info, const Assessment& a, const std::string& method, const std::string& path_ja,
            const std::string& path_en, const std::vector<MethodUse>& uses, std::vector<Finding>& out) {
    if (uses.empty()) return;
    std::vector<std::string> ja, en;
    std::vector<Location> locs;
    for (const auto& u : uses) {
        ja.push_back(u.where_ja), en.push_back(u.where_en);
        locs.push_back(at(a, u.loc, u.where_ja, method));
    }
    out.push_back(
        finding(info, a,
                {join(ja, "、") + "に「" + method + "」がありますが、I-2 のシステムに" + path_ja + "がありません",
                 join(en, ", ") + " mark " + method + ", but no system of I-2 has " + path_en},
                std::move(locs), {"method-systems:" + a.affair + "/" + method}));
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const std::string nws = option("connections", 0), renkei = option("connections", 1);
    const std::string not_linked = option("linkage_status", 1);
    for (const auto& a : graph.assessments) {
        if (a.systems.empty() || !a.form_has("connections") || !a.was_read("connections") || !a.was_read("systems"))
            continue;
        const bool nws_path = has_system_path(a, check_list("/method_paths/nws"), nws);
        const bool renkei_path = has_system_path(a, check_list("/method_paths/renkei"), renkei);
        // 実施しない with an NWS method contradicts I-6: PPC-T06 reports it.
        const bool nws_judged = !nws_path && text::match_key(a.linkage.status) != text::match_key(not_linked);
        std::vector<MethodUse> nws_uses, renkei_uses;
        for (const auto& f : a.files) {
            if (nws_judged)
                for (auto& u : uses_of(a, f, nws, true, false)) nws_uses.push_back(u);
            if (!renkei_path)
                for (auto& u : uses_of(a, f, renkei, false, true)) renkei_uses.push_back(u);
        }
        report(info, a, nws, "中間サーバーへの経路", "a path to a 中間サーバー", nws_uses, out);
        report(info, a, renkei, "庁内連携システムへの経路", "a path to the 庁内連携システム", renkei_uses, out);
    }
}
}  // namespace

PIAGRAPH_RULE(T08, kInfo, run)

}  // namespace piagraph::checks
