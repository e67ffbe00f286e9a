// PPC-C02: 提供・移転の有無 contradicts the entries listed.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-C02",
    "flag-mismatch",
    Severity::error,
    {"提供・移転の有無と提供先・移転先の不一致", "provision/transfer flag contradicts the entries"},
    {"「行っていない」なのに提供先・移転先が記載されている、または「提供を行っている」「移転を行っている」"
     "なのに記載がありません。選択と記載が食い違うと、提供・移転が本当にあるのか判断できません。"
     "選択か記載のどちらかを直してください。",
     "Either 行っていない is selected while 提供先/移転先 are listed, or 提供/移転を行っている is selected "
     "with nothing listed, so whether data leaves the file cannot be told. Fix the selection or the entries."},
    {"「II-5 提供・移転の有無」（提供を行っている・移転を行っている・行っていない、（N）件）と「提供先N」"
     "「移転先N」の記載を読みます。法令の条文ではなく、様式の記載どうしの整合によります。",
     "II-5 提供・移転の有無 (提供を行っている, 移転を行っている, 行っていない and the (N)件) against the "
     "提供先N/移転先N listed. It rests on no article: the form must agree with itself."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            const std::string file = f.names.empty() ? "" : f.names.front();
            auto listed = [](const std::vector<Flow>& v) {
                return std::count_if(v.begin(), v.end(), [](const Flow& fl) { return !empty_flow(fl); });
            };
            const long provisions = listed(f.provisions), transfers = listed(f.transfers);
            const Loc loc = field_loc(f.locs, "provision_transfer", f.loc);
            auto report = [&](const std::string& ja, const std::string& en) {
                out.push_back(finding(info, a, {file + ": " + ja, file + ": " + en}, {at(a, loc, "提供・移転の有無")},
                                      {"flows:" + a.affair + "/" + file + "/" + en}));
            };
            if (f.no_flows.value_or(false) && !f.provides.value_or(false) && !f.transfers_flag.value_or(false) &&
                provisions + transfers > 0)
                report("「" + option("provision_transfer", 2) + "」ですが提供先・移転先が記載されています",
                       "行っていない is selected but entries are listed");
            // "no entry listed" only where the 提供・移転 block was read (PPC-X01 otherwise).
            if (!a.was_read(file_item(a, f, "provision_transfer"))) continue;
            if (f.provides.value_or(false) && provisions == 0 && !f.declared_counts.provisions)
                report("「" + option("provision_transfer", 0) + "」ですが提供先の記載がありません",
                       "提供を行っている is selected but no 提供先 is listed");
            if (f.transfers_flag.value_or(false) && transfers == 0 && !f.declared_counts.transfers)
                report("「" + option("provision_transfer", 1) + "」ですが移転先の記載がありません",
                       "移転を行っている is selected but no 移転先 is listed");
        }
}
}  // namespace

PIAGRAPH_RULE(C02, kInfo, run)

}  // namespace piagraph::checks
