// PPC-T11: a 提供先/移転先 that is a company: probably a 委託, which II-5 excludes.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T11",
    "entrust-as-provision",
    Severity::warning,
    {"委託先が提供先・移転先になっている", "a contractor listed as a recipient"},
    {"II-5 の提供・移転は「委託に伴うものを除く」ため、事業者への受け渡しは通常 II-4 委託に記載します。"
     "委託であれば II-4 に移し、本当に提供であれば根拠を確認してください。",
     "II-5 excludes hand-overs that come with an entrustment; a company is normally a contractor "
     "(II-4). Move it to II-4, or check the basis if it really is a provision."},
    {"「II-5 提供先N・移転先N」の名称を、事業者の表示（株式会社など）と「II-4 委託事項N ⑥委託先名」（重点 ③）に"
     "照らします。様式 II-5 の「（委託に伴うものを除く。）」によります（委託に伴う提供は番号法第19条第6号）。",
     "The names of II-5 提供先N and 移転先N, against company markers (株式会社 …) and II-4 委託事項N ⑥ 委託先名 "
     "(③ in 重点). It rests on the form's II-5 (委託に伴うものを除く。); a hand-over for an entrustment is "
     "番号法 第19条第6号."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto companies = Dictionary::get().list("/parties/company_markers");
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            std::vector<std::string> contractors;
            for (const auto& e : f.entrustments)
                if (!blank(e.contractor)) contractors.push_back(text::match_key(e.contractor));
            auto check = [&](const Flow& fl, const char* what) {
                if (blank(fl.recipient)) return;
                bool contractor = std::find(contractors.begin(), contractors.end(), text::match_key(fl.recipient)) !=
                                  contractors.end();
                if (!contractor && !contains_any(fl.recipient, companies)) return;
                out.push_back(finding(info, a,
                                      {std::string(what) + "「" + fl.recipient + "」は事業者（委託先）です",
                                       std::string(what) + " \"" + fl.recipient + "\" is a company (a contractor)"},
                                      {at(a, fl.loc, what, fl.recipient)}, {std::string(what) + ":" + fl.recipient}));
            };
            for (const auto& p : f.provisions) check(p, "提供先");
            for (const auto& t : f.transfers) check(t, "移転先");
        }
}
}  // namespace

PIAGRAPH_RULE(T11, kInfo, run)

}  // namespace piagraph::checks
