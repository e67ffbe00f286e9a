// PPC-T07: an acquisition method that implies a source the file does not declare.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T07",
    "method-source-mismatch",
    Severity::warning,
    {"入手方法と入手元の不一致", "acquisition method without the source it implies"},
    {"入手方法「庁内連携システム」は評価実施機関内の他部署から、「情報提供ネットワークシステム」は"
     "他の行政機関・地方公共団体から入手することを意味しますが、対応する入手元に印がありません。"
     "入手元か入手方法のどちらかを直してください。",
     "Acquiring through 庁内連携システム implies 評価実施機関内の他部署 as a source, and through "
     "情報提供ネットワークシステム a 行政機関 or 地方公共団体; that source is not marked. Fix one of the two."},
    {"ファイルごとの「II-3 ①入手元」と「②入手方法」を読みます。同じ機関の他部署からの入手は移転（番号法第9条）、"
     "情報提供ネットワークシステムによる入手は他の機関への情報照会（第19条第8号・第9号）であることによります。",
     "II-3 ① 入手元 and ② 入手方法 of each file. It rests on 移転 inside the body being a use under 番号法 "
     "第9条, and on acquisition through 情報提供ネットワークシステム being an inquiry to another body (第19条第8号/"
     "第9号)."}};

bool has_kind(const FileBlock& f, const std::string& kind) {
    const std::string k = text::match_key(kind);
    return std::any_of(f.sources.begin(), f.sources.end(),
                       [&](const Source& s) { return text::match_key(s.kind) == k; });
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const std::string chonai = option("acquisition_methods", 5), nws = option("acquisition_methods", 6);
    const std::string other_dept = option("source_kinds", 1), gov = option("source_kinds", 2),
                      local = option("source_kinds", 3);
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            if (f.sources.empty()) continue;                        // sources unknown (lost marks): C10 says so
            if (!a.was_read(file_item(a, f, "sources"))) continue;  // 入手元 not read: PPC-X01
            const std::string file = f.names.empty() ? "" : f.names.front();
            auto report = [&](const std::string& method, const std::string& wanted) {
                std::vector<Location> locs{at(a, field_loc(f.locs, "methods", f.loc), "入手方法", method),
                                           at(a, field_loc(f.locs, "sources", f.loc), "入手元", join({wanted}, ""))};
                out.push_back(finding(
                    info, a,
                    {file + ": 入手方法に「" + method + "」がありますが、入手元に「" + wanted + "」がありません",
                     file + ": acquisition method \"" + method + "\" but no source \"" + wanted + "\""},
                    std::move(locs), {"file:" + a.affair + "/" + file, method}));
            };
            if (has_label(f.methods, chonai) && !has_kind(f, other_dept)) report(chonai, other_dept);
            if (has_label(f.methods, nws) && !has_kind(f, gov) && !has_kind(f, local)) report(nws, gov + "／" + local);
        }
}
}  // namespace

PIAGRAPH_RULE(T07, kInfo, run)

}  // namespace piagraph::checks
