// PPC-T06: I-6 情報連携 status against the 情報提供ネットワークシステム marks of ③, 入手方法, 提供方法.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T06",
    "linkage-inconsistent",
    Severity::error,
    {"情報連携の実施の有無と接続・方法の不一致", "linkage status contradicts connections and methods"},
    {"I 情報提供ネットワークシステムによる情報連携の①実施の有無と、I-2③・入手方法・提供方法の"
     "情報提供ネットワークシステムの記載（実施しない場合は中間サーバーも）が食い違っています。情報連携の有無は"
     "中間サーバーの接続やリスク対策（III-6）の前提のため、食い違うと評価全体が読めません。"
     "どちらが正しいか確認し、そろえてください。",
     "The 情報連携 status (実施する/実施しない) disagrees with the 情報提供ネットワークシステム marks in "
     "I-2 ③, the acquisition methods and the provision methods (or a 中間サーバー with 実施しない). The status "
     "underlies the 中間サーバー connections and the III-6 measures. Decide which is right and align them."},
    {"「I-6 情報提供ネットワークシステムによる情報連携 ①実施の有無」（重点 I-5）と、「I-2 システムN ③」"
     "「II-3 ②入手方法」「II-5 提供先N ⑥提供方法」の情報提供ネットワークシステムの印、中間サーバーのシステムを"
     "読みます。情報連携は番号法第19条第8号・第9号による提供です。",
     "I-6 情報連携 ① 実施の有無 (I-5 in 重点) against the 情報提供ネットワークシステム marks in I-2 システムN ③, "
     "II-3 ② 入手方法 and II-5 提供先N ⑥ 提供方法, and a 中間サーバー system. 情報連携 is provision under "
     "番号法 第19条第8号/第9号."}};

// Whether every place that could mark 情報提供ネットワークシステム was read: "no mark anywhere"
// is not said of a document whose ③, 入手方法 or 提供方法 went unread (PPC-X01 names those).
bool every_mark_read(const Assessment& a) {
    if (!a.form_has("connections") || !a.was_read("systems") || !a.was_read("connections")) return false;
    for (const auto& f : a.files) {
        if (!a.was_read(file_item(a, f, "methods"))) return false;
        for (const auto& p : f.provisions)
            if (!a.was_read(flow_item(a, f, p, true, "methods"))) return false;
    }
    return true;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const std::string nws = label_of_system("nws");
    const std::string does = option("linkage_status", 0), does_not = option("linkage_status", 1);
    for (const auto& a : graph.assessments) {
        const std::string status = text::match_key(a.linkage.status);
        if (status.empty()) continue;
        const Loc linkage_loc = a.linkage.loc.known() ? a.linkage.loc : field_loc(a.locs, "linkage.basis", a.loc);
        std::vector<Location> marks;  // every place that marks 情報提供ネットワークシステム
        const System* chukan = nullptr;
        for (const auto& s : a.systems) {
            if (has_label(s.connections, nws))
                marks.push_back(at(a, s.connections_loc.known() ? s.connections_loc : s.loc, "③", s.name));
            if (const auto* std_sys = resolve_standard_system(s.name); std_sys && std_sys->id == "chukan_server")
                chukan = &s;
        }
        for (const auto& f : a.files) {
            if (has_label(f.methods, nws)) marks.push_back(at(a, field_loc(f.locs, "methods", f.loc), "入手方法", nws));
            for (const auto& p : f.provisions)
                if (has_label(p.methods, nws)) marks.push_back(at(a, p.loc, "提供方法", p.recipient));
        }
        std::vector<Location> locations{at(a, linkage_loc, "情報連携 / linkage", a.linkage.status)};
        if (status == text::match_key(does_not) && (!marks.empty() || chukan)) {
            if (chukan) marks.push_back(at(a, chukan->loc, "中間サーバー", chukan->name));
            locations.insert(locations.end(), marks.begin(), marks.end());
            out.push_back(
                finding(info, a,
                        {"情報連携は「" + does_not + "」ですが、" + nws + "または中間サーバーが記載されています",
                         "linkage is \"" + does_not + "\" but " + nws + " or 中間サーバー appears"},
                        std::move(locations), {"linkage:" + a.affair}));
        } else if (status == text::match_key(does) && marks.empty() && every_mark_read(a)) {
            if (chukan) locations.push_back(at(a, chukan->loc, "中間サーバー", chukan->name));
            Message m{"情報連携は「" + does + "」ですが、どのシステムの③にも入手方法・提供方法にも" + nws +
                          "の記載がありません" + (chukan ? "（中間サーバーも接続先として記載していません）" : ""),
                      "linkage is \"" + does + "\" but no ③, acquisition method or provision method marks " + nws};
            out.push_back(
                finding(info, a, std::move(m), std::move(locations), {"linkage:" + a.affair}, Severity::warning, true));
        }
    }
}
}  // namespace

PIAGRAPH_RULE(T06, kInfo, run)

}  // namespace piagraph::checks
