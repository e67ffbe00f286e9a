// PPC-T09: a 移転先 that is another body (should be 提供), a 提供先 that is a section of the body (移転).
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T09",
    "party-kind",
    Severity::error,
    {"提供と移転の取り違え", "提供 and 移転 confused"},
    {"移転は同じ評価実施機関の中の他部署への受け渡し、提供はそれ以外の者への受け渡しです（PPC ガイドライン）。"
     "他の機関（国・他団体・教育委員会など）への受け渡しは提供先として、根拠は番号法第19条で記載してください。"
     "同じ機関の課・室への受け渡しは移転先として記載してください。",
     "移転 is a hand-over to another section of the same body, 提供 to anyone else (PPC guideline). "
     "List other bodies (the state, other municipalities, 教育委員会 …) as 提供先 with a 第19条 basis, "
     "and sections of the same body as 移転先."},
    {"「II-5 提供先N・移転先N」の名称を、他の機関を示す語（国税庁、市町村長、日本年金機構、教育委員会など）と"
     "課・室・係などの部署名の語尾で判定します。提供と移転の区別は個人情報保護委員会のガイドライン（行政機関等編）、"
     "提供の根拠は番号法第19条です。",
     "The names of II-5 提供先N and 移転先N, judged by words naming another body (国税庁, 市町村長, 日本年金機構, "
     "教育委員会 …) and by section endings (課, 室, 係 …). 提供 vs 移転 follows the PPC guideline (行政機関等編); "
     "provision rests on 番号法 第19条."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto& dict = Dictionary::get();
    const auto outside = dict.list("/parties/outside_bodies");
    const auto sections = dict.list("/parties/department_suffixes");
    const auto companies = dict.list("/parties/company_markers");
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            for (const auto& t : f.transfers) {
                if (blank(t.recipient) || refers_to_annex(t)) continue;
                // 総務局法務課 names a section, not the 法務省: only a name that is not a section counts.
                if (!contains_any(t.recipient, outside) || ends_with_any(t.recipient, sections)) continue;
                out.push_back(
                    finding(info, a,
                            {"移転先「" + t.recipient + "」は他の機関です。移転ではなく提供として記載すべきです",
                             "移転先 \"" + t.recipient + "\" is another body: it should be a 提供"},
                            {at(a, t.loc, "移転先", t.recipient)}, {"transfer:" + t.recipient}));
            }
            for (const auto& p : f.provisions) {
                if (blank(p.recipient) || refers_to_annex(p)) continue;
                if (!ends_with_any(p.recipient, {"課", "室", "係"}) || contains_any(p.recipient, outside) ||
                    contains_any(p.recipient, companies) || text::contains(p.recipient, "委員会"))
                    continue;
                out.push_back(finding(
                    info, a,
                    {"提供先「" + p.recipient + "」は自機関の課・室のようです。提供ではなく移転ではありませんか",
                     "提供先 \"" + p.recipient + "\" looks like a section of the same body: a 移転?"},
                    {at(a, p.loc, "提供先", p.recipient)}, {"provision:" + p.recipient}, Severity::warning, true));
            }
        }
}
}  // namespace

PIAGRAPH_RULE(T09, kInfo, run)

}  // namespace piagraph::checks
