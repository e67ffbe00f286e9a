// PPC-L13: 入手方法 情報提供ネットワークシステム without an 情報照会 side in I-6.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L13",
    "nws-inquiry-basis",
    Severity::warning,
    {"情報提供ネットワークシステムによる入手に情報照会の根拠がない", "NWS acquisition without an 情報照会 basis"},
    {"情報提供ネットワークシステムで入手するのは、評価実施機関が情報照会者として照会するときです（番号法第19条"
     "第8号）。入手方法に情報提供ネットワークシステムがあるのに、I-6 ①が「実施する」でないか、②の根拠が情報提供の"
     "側だけを挙げて情報照会の側を挙げていません。照会の根拠を記載するか、入手方法を見直してください。",
     "Acquiring through the 情報提供ネットワークシステム means querying as 情報照会者 (番号法 第19条第8号). "
     "The acquisition methods mark it, but I-6 ① is not 実施する, or ② names the 情報提供 side only and no "
     "情報照会 side. Cite the query basis, or correct the methods."},
    {"「II-3 ②入手方法」の情報提供ネットワークシステムの印と、「I-6 ①実施の有無」「②法令上の根拠」（重点 I-5）"
     "を読みます。照会・提供の側を示す語は辞書 checks/nws_inquiry にあります。実施しない場合は PPC-T06 が報告し"
     "ます。番号法第19条第8号（情報照会者）によります。",
     "II-3 ② 入手方法 (the 情報提供ネットワークシステム mark) and I-6 ① 実施の有無 and ② 法令上の根拠 (I-5 in "
     "重点). The words of each side are in the dictionary (checks/nws_inquiry); 実施しない is PPC-T06's. It "
     "rests on 番号法 第19条第8号 (情報照会者)."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const std::string nws = label_of_system("nws");
    const std::string does = option("linkage_status", 0), does_not = option("linkage_status", 1);
    const auto inquiry = check_list("/nws_inquiry/words"), provision_side = check_list("/nws_inquiry/provision_side");
    for (const auto& a : graph.assessments) {
        if (!a.was_read("linkage.status") || !a.was_read("linkage.basis")) continue;
        const std::string status = text::match_key(a.linkage.status);
        if (status == text::match_key(does_not)) continue;  // PPC-T06
        for (const auto& f : a.files) {
            if (!has_label(f.methods, nws) || !a.was_read(file_item(a, f, "methods"))) continue;
            const bool not_done = status != text::match_key(does);
            const bool provision_only =
                contains_any(a.linkage.basis, provision_side) && !contains_any(a.linkage.basis, inquiry);
            if (!not_done && !provision_only) continue;
            Message m =
                not_done
                    ? Message{"入手方法に" + nws + "がありますが、情報連携の実施の有無が「" + a.linkage.status +
                                  "」です",
                              "the acquisition methods mark " + nws + " but linkage is \"" + a.linkage.status + "\""}
                    : Message{"入手方法に" + nws + "がありますが、情報連携の根拠は情報提供の側だけで、" +
                                  "情報照会の根拠がありません",
                              "the acquisition methods mark " + nws +
                                  " but the linkage basis names the 情報提供 side only, no 情報照会"};
            out.push_back(finding(
                info, a, std::move(m),
                {at(a, field_loc(a.locs, "linkage.basis", a.linkage.loc), "情報連携② / linkage", a.linkage.basis),
                 at(a, field_loc(f.locs, "methods", f.loc), "入手方法 / methods", nws)},
                {business_key(a), "nws-inquiry:" + a.affair}));
            break;  // one finding per assessment: the basis is shared by its files
        }
    }
}
}  // namespace

PIAGRAPH_RULE(L13, kInfo, run)

}  // namespace piagraph::checks
