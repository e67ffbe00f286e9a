// PPC-C08: a category of information that a 提供先/移転先 passes on (③提供する情報 / ③移転する情報:
// 地方税関係情報, 4情報 …) is not checked among the file's II-2 ④主な記録項目.
#include <map>

#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-C08",
    "info-categories",
    Severity::info,
    {"提供・移転する情報の区分が主な記録項目にない", "information passed on is not among the recorded items"},
    {"提供先・移転先の「③提供する（移転する）情報」に挙げた情報の区分（地方税関係情報、4情報など）は、そのファイルの"
     "「II-2 ④主な記録項目」でも印が付くはずです。記録項目にない情報を提供・移転しているように読めます。記録項目の印"
     "か、提供・移転する情報の記載を確かめてください。",
     "A category named in a 提供先's or 移転先's ③ (地方税関係情報, 4情報 …) should be checked among the file's "
     "II-2 ④ 主な記録項目 too. As written, the file passes on information it does not record: check the "
     "marks of the recorded items or the ③ text."},
    {"各ファイルの「II-2 ④主な記録項目」の印と、提供先N・移転先N の「③提供する情報」「③移転する情報」を読みます。"
     "区分と、③の文中でそれを指す語は辞書 checks/info_categories にあります。主な記録項目の印が読めない（すべて"
     "失われた）ファイルは点検しません。整合性の点検です。",
     "Reads the marks of each file's II-2 ④ 主な記録項目 and the ③ 提供する情報 / 移転する情報 of each "
     "提供先N/移転先N. The categories and the words that name them in ③ are in the dictionary "
     "(checks/info_categories). A file whose recorded items lost their marks is not checked. A consistency "
     "check."}};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto& table = check_data("/info_categories");
    if (!table.is_array()) return;
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            if (f.record_categories.empty() || f.marks.count("record_categories")) continue;  // not read
            // category -> the flows that name it, in the order met
            std::map<std::string, std::vector<std::pair<std::string, Loc>>> missing;
            std::map<std::string, std::vector<std::string>> missing_en;  // the same flows, named in English
            std::vector<std::string> order;
            for (const bool provision : {true, false}) {
                const auto& list = provision ? f.provisions : f.transfers;
                for (size_t i = 0; i < list.size(); ++i) {
                    const Flow& fl = list[i];
                    if (blank(fl.info)) continue;
                    for (const auto& row : table) {
                        const std::string category = row.value("category", "");
                        if (category.empty() || has_label(f.record_categories, category)) continue;
                        if (!contains_any(fl.info, row.value("words", std::vector<std::string>{}))) continue;
                        if (!missing.count(category)) order.push_back(category);
                        const std::string no = fl.no.empty() ? std::to_string(i + 1) : fl.no;
                        missing_en[category].push_back(flow_word(provision, Lang::en) + " " + no);
                        missing[category].emplace_back(flow_word(provision, Lang::ja) + no + "「" + fl.recipient + "」",
                                                       field_loc(fl.locs, "info", fl.loc));
                    }
                }
            }
            const std::string file_name = f.names.empty() ? "" : f.names.front();
            for (const auto& category : order) {
                const auto& flows = missing[category];
                std::vector<std::string> names;
                std::vector<Location> where{
                    at(a, field_loc(f.locs, "record_categories", f.loc), "主な記録項目 / recorded items")};
                for (const auto& flow : flows) {
                    names.push_back(flow.first);
                    where.push_back(at(a, flow.second, "提供・移転する情報 / information passed on"));
                }
                out.push_back(finding(
                    info, a,
                    {join(names, "、") + "の③提供・移転する情報に「" + category + "」の区分が含まれますが、ファイル「" +
                         file_name + "」の主な記録項目では印が付いていません",
                     join(missing_en[category], ", ") + ": ③ names \"" + category +
                         "\", which is not checked among the 主な記録項目 of the file \"" + file_name + "\""},
                    std::move(where), {"info-categories:" + a.affair + "/" + file_name + "/" + category}));
            }
        }
}
}  // namespace

PIAGRAPH_RULE(C08, kInfo, run)

}  // namespace piagraph::checks
