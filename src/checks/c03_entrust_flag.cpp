// PPC-C03: 委託の有無 contradicts the 委託事項 listed.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{"PPC-C03",
                     "flag-mismatch",
                     Severity::error,
                     {"委託の有無と委託事項の不一致", "entrustment flag contradicts the entries"},
                     {"「委託しない」なのに委託事項が記載されている、または「委託する」なのに委託事項がありません。",
                      "委託しない is selected while 委託事項 are listed, or 委託する with none listed."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            if (!f.entrust.has_value()) continue;
            const std::string file = f.names.empty() ? "" : f.names.front();
            long listed = std::count_if(f.entrustments.begin(), f.entrustments.end(),
                                        [](const Entrustment& e) { return !blank(e.item) || !blank(e.contractor); });
            const Loc loc = field_loc(f.locs, "entrust", f.loc);
            if (!*f.entrust && listed > 0)
                out.push_back(finding(info, a,
                                      {file + ": 「" + option("entrust_choice", 1) + "」ですが委託事項が" +
                                           std::to_string(listed) + "件記載されています",
                                       file + ": 委託しない but " + std::to_string(listed) + " 委託事項 listed"},
                                      {at(a, loc, "委託の有無")}, {"entrust:" + a.affair + "/" + file}));
            if (*f.entrust && listed == 0 && !f.declared_counts.entrustments && a.was_read(file_item(a, f, "entrust")))
                out.push_back(
                    finding(info, a,
                            {file + ": 「" + option("entrust_choice", 0) + "」ですが委託事項の記載がありません",
                             file + ": 委託する but no 委託事項 listed"},
                            {at(a, loc, "委託の有無")}, {"entrust:" + a.affair + "/" + file}));
        }
}
}  // namespace

PIAGRAPH_RULE(C03, kInfo, run)

}  // namespace piagraph::checks
