// PPC-C01: a declared (N)件 for 委託/提供/移転 that differs from the entries listed.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-C01",
    "count-mismatch",
    Severity::warning,
    {"件数と記載された件数の不一致", "declared count differs from the entries listed"},
    {"（N）件として記載した件数と、実際に記載した委託事項・提供先・移転先の数が一致しません。"
     "記載漏れか件数の更新漏れです。別紙に一覧がある場合は、その別紙と件数を照合してください。",
     "The (N)件 figure differs from the number of 委託事項/提供先/移転先 written out: an entry is "
     "missing or the count was not updated. Where a 別紙 holds the list, reconcile it with the count."},
    {"「II-4 委託の有無（N）件」と委託事項N、「II-5 提供を行っている（N）件」「移転を行っている（N）件」と"
     "提供先N・移転先Nの数を比べます（空の雛形欄は数えず、別紙参照があれば情報にとどめます）。法令の条文ではなく、"
     "様式の記載どうしの整合によります。",
     "II-4 委託の有無 (N)件 against the 委託事項N listed, and II-5 提供を行っている/移転を行っている (N)件 against "
     "the 提供先N/移転先N (empty template blocks not counted; info only where an entry refers to a 別紙). It "
     "rests on no article: the form must agree with itself."}};

bool empty_entrustment(const Entrustment& e) {
    return blank(e.item) && blank(e.contractor) && !e.resubcontract.has_value() && blank(e.permission_method) &&
           blank(e.resubcontract_items);
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            const std::string file = f.names.empty() ? "" : f.names.front();
            auto report = [&](std::optional<int> declared, int listed, bool annex, const char* ja, const char* en,
                              const Loc& count_loc, const Loc& last_loc) {
                if (!declared || *declared == listed) return;
                std::vector<Location> locs{at(a, count_loc, std::string(ja) + "の件数", std::to_string(*declared))};
                if (last_loc.known()) locs.push_back(at(a, last_loc, "最後の記載 / last entry"));
                out.push_back(finding(
                    info, a,
                    {file + ": " + ja + "は（" + std::to_string(*declared) + "）件とありますが、記載は" +
                         std::to_string(listed) + "件です" + (annex ? "（別紙参照の記載があり、照合できません）" : ""),
                     file + ": " + en + " declared (" + std::to_string(*declared) + ") but " + std::to_string(listed) +
                         " listed" + (annex ? " (one refers to an annex)" : "")},
                    std::move(locs), {"count:" + a.affair + "/" + file + "/" + en},
                    annex ? Severity::info : Severity::warning, true));
            };
            auto flows = [&](const std::vector<Flow>& list, std::optional<int> declared, const char* ja, const char* en,
                             const char* count_field) {
                int listed = 0;
                bool annex = false;
                Loc last;
                for (const auto& fl : list)
                    if (!empty_flow(fl)) ++listed, annex = annex || refers_to_annex(fl), last = fl.loc;
                Loc count_loc = field_loc(f.locs, count_field, field_loc(f.locs, "provision_transfer", f.loc));
                report(declared, listed, annex, ja, en, count_loc, last);
            };
            flows(f.provisions, f.declared_counts.provisions, "提供先", "provisions", "provides");
            flows(f.transfers, f.declared_counts.transfers, "移転先", "transfers", "transfers");
            int entrusted = 0;
            Loc last;
            for (const auto& e : f.entrustments)
                if (!empty_entrustment(e)) ++entrusted, last = e.loc;
            report(f.declared_counts.entrustments, entrusted, false, "委託事項", "entrustments",
                   field_loc(f.locs, "declared_counts.entrustments", field_loc(f.locs, "entrust", f.loc)), last);
        }
}
}  // namespace

PIAGRAPH_RULE(C01, kInfo, run)

}  // namespace piagraph::checks
