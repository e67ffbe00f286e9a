// PPC-T03: a standard hub (中間サーバー, 統合宛名, 庁内連携, 既存住基) described with no connection.
#include <set>

#include "piagraph/graph.hpp"
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T03",
    "isolated-hub",
    Severity::warning,
    {"接続のないハブシステム", "hub system without connections"},
    {"中間サーバー・団体内統合宛名システム・庁内連携システム・既存住基は他のシステムと接続してはじめて"
     "働くシステムですが、③に接続が一つも記載されていません。③の該当する欄に印を付けるか、その他の（）に"
     "接続先を記載してください。",
     "中間サーバー, 統合宛名, 庁内連携 and 既存住基 only work connected to other systems, yet ③ lists "
     "no connection. Mark the boxes or name the systems under その他."},
    {"「I-2 システムN ①システムの名称」（標準システムの別名から中間サーバー・団体内統合宛名・庁内連携・既存住基と"
     "判定）と「③他のシステムとの接続」を読みます。③のない基礎項目評価書は対象外です。法令の条文ではなく、"
     "標準的なシステム構成によります。",
     "I-2 システムN ① (name, matched to 中間サーバー, 統合宛名, 庁内連携 or 既存住基 through the standard "
     "systems' aliases) and ③ 他のシステムとの接続; 基礎項目評価書, which has no ③, is skipped. It rests on "
     "no article but on the standard architecture."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments)
        for (const auto& s : a.systems) {
            if (!a.form_has("connections")) break;  // 基礎項目評価書 has no ③ to fill
            const StandardSystem* std_sys = resolve_standard_system(s.name);
            // The hubs that only work connected (REFERENCE §3.2 T03); 住基ネット may stand alone.
            static const std::set<std::string> hubs{"chukan_server", "togo_atena", "chonai_renkei", "kizon_juki"};
            if (!std_sys || !hubs.count(std_sys->id)) continue;
            bool any_other = std::any_of(s.other.begin(), s.other.end(), [](const auto& o) { return !blank(o); });
            if (!s.connections.empty() || any_other || s.marks == "none") continue;
            Message m{"システム" + std::to_string(s.no) + "「" + s.name + "」は" + std_sys->name +
                          "ですが、③他のシステムとの接続に何も記載されていません",
                      "system " + std::to_string(s.no) + " \"" + s.name + "\" is the " + std_sys->name +
                          " hub but ③ lists no connection"};
            Loc loc = s.connections_loc.known() ? s.connections_loc : s.loc;
            out.push_back(finding(info, a, std::move(m), {at(a, s.loc, "システム / system", s.name), at(a, loc, "③")},
                                  {system_key(s.name)}));
        }
}
}  // namespace

PIAGRAPH_RULE(T03, kInfo, run)

}  // namespace piagraph::checks
