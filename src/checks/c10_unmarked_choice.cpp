// PPC-C10: a choice group with no selection although its details, names or counts are filled.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-C10",
    "unmarked-choice",
    Severity::warning,
    {"選択のない選択肢", "choice group without a selection"},
    {"選択肢のどれにも印がないのに、その詳細・名称・件数が記載されています。PDF 変換で印が失われたか、"
     "記載が途中のままです。原本を確認し、該当する選択肢に印を付けてください。",
     "No option of the group is marked although its details, names or counts are filled: the mark was "
     "lost in conversion or the form was left half-done. Check the original and mark the option."},
    {"「I-2 システムN ③その他（）」、「II-3 ①入手元」「②入手方法」、「II-4 委託の有無」"
     "「委託事項N ⑦再委託の有無」、「II-5 提供・移転の有無」、「II-6 "
     "②保管期間」の印と、その名称・詳細・件数・妥当性を読みます。"
     "法令の条文ではなく、様式の選択肢の記載によります。",
     "The marks of I-2 システムN ③ その他（）, II-3 ① 入手元 and ② 入手方法, II-4 委託の有無 and "
     "委託事項N ⑦ 再委託の有無, II-5 提供・移転の有無 and II-6 ② 保管期間, against their names, details, counts "
     "and その妥当性. It "
     "rests on no article: the form's choice groups."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const Message lost{"（変換で印が失われた可能性が高い）", " (the mark was probably lost in conversion)"};
    for (const auto& a : graph.assessments) {
        for (const auto& s : a.systems) {
            bool named = std::any_of(s.other.begin(), s.other.end(), [](const auto& o) { return !blank(o); });
            if (!named || s.other_checked) continue;
            Loc loc = s.connections_loc.known() ? s.connections_loc : s.loc;
            out.push_back(
                finding(info, a,
                        {"システム" + std::to_string(s.no) + "「" + s.name + "」の③その他に印がありませんが、（）に「" +
                             join(s.other, "、") + "」と記載されています" + (s.marks == "none" ? lost.ja : ""),
                         "system " + std::to_string(s.no) + " \"" + s.name + "\": その他 is unmarked but names " +
                             join(s.other, ", ") + (s.marks == "none" ? lost.en : "")},
                        {at(a, loc, "③その他", join(s.other, "、"))}, {"other:" + system_key(s.name)}));
        }
        for (const auto& f : a.files) {
            const std::string file = f.names.empty() ? "" : f.names.front();
            auto group = [&](const std::string& key, const std::string& ja, const std::string& en,
                             const std::string& filled_ja, const std::string& filled_en) {
                out.push_back(finding(info, a,
                                      {file + ": " + ja + "のどれにも印がありませんが、" + filled_ja + lost.ja,
                                       file + ": no option of " + en + " is marked although " + filled_en + lost.en},
                                      {at(a, field_loc(f.locs, key, f.loc), ja)},
                                      {"marks:" + a.affair + "/" + file + "/" + key}));
            };
            // A group whose label was not read is not "unmarked": PPC-X01 names it.
            auto read = [&](const std::string& key) { return a.was_read(file_item(a, f, key)); };
            auto marked_none = [&](const std::string& key) {
                auto it = f.marks.find(key);
                return it != f.marks.end() && it->second == "none" && read(key);
            };
            bool flows_listed =
                std::any_of(f.provisions.begin(), f.provisions.end(), [](const Flow& x) { return !empty_flow(x); }) ||
                std::any_of(f.transfers.begin(), f.transfers.end(), [](const Flow& x) { return !empty_flow(x); });
            // 入手元 and 入手方法 are required groups: a file with no source at all lost its marks.
            bool sources_lost = marked_none("sources") || (read("sources") && f.sources.empty() && !f.names.empty() &&
                                                           (flows_listed || !f.entrustments.empty()));
            bool methods_lost =
                (marked_none("methods") || (read("methods") && f.methods.empty())) && !f.sources.empty();
            if (sources_lost)
                group("sources", "①入手元", "① sources", "入手元の詳細や入手の時期が記載されています",
                      "the details of the sources are written");
            if (methods_lost && !sources_lost)
                group("methods", "②入手方法", "② acquisition methods", "入手元が記載されています", "sources are given");
            // ②保管期間 is a choice as well: a period that its その妥当性 explains, and none marked.
            if (read("retention") && blank(f.retention) && !blank(f.retention_reason))
                group("retention", "②保管期間", "② retention period", "その妥当性が記載されています",
                      "its その妥当性 is written");
            if (marked_none("provision_transfer"))
                group("provision_transfer", "提供・移転の有無", "提供・移転の有無",
                      "件数や提供先・移転先が記載されています", "counts or entries are given");
            if (marked_none("entrust") || (!f.entrust.has_value() && f.marks.count("entrust") && read("entrust")))
                group("entrust", "委託の有無", "委託の有無", "委託事項が記載されています", "entrustments are listed");
            for (size_t i = 0; i < f.entrustments.size(); ++i) {
                const Entrustment& e = f.entrustments[i];
                if (e.resubcontract.has_value() || (blank(e.permission_method) && blank(e.resubcontract_items)) ||
                    !a.was_read(entrustment_item(a, f, e, "resubcontract")))
                    continue;
                const std::string name = "委託事項" + (e.no.empty() ? std::to_string(i + 1) : e.no);
                out.push_back(finding(
                    info, a,
                    {file + ": " + name +
                         "の⑦再委託の有無に印がありませんが、⑧許諾方法・⑨再委託事項が記載されています（再委託するものと"
                         "見られます）",
                     file + ": " + name + " ⑦ 再委託 has no selection but ⑧/⑨ are filled (it looks like 再委託する)"},
                    {at(a, e.loc, name, e.item)}, {"resub-marks:" + a.affair + "/" + file + "/" + name}));
            }
        }
    }
}
}  // namespace

PIAGRAPH_RULE(C10, kInfo, run)

}  // namespace piagraph::checks
