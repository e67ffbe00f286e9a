// PPC-F07: the newest 変更後の記載 of a 変更箇所 row names a value its field no longer holds.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-F07",
    "change-drift",
    Severity::warning,
    {"変更箇所と本文が合わない", "change log and body disagree"},
    {"変更箇所の変更後の記載は、その項目の現在の記載に含まれるはずです。最新の変更の変更後の記載が、本文の"
     "その項目にありません。本文か変更箇所のどちらかが古いままです。",
     "The 変更後の記載 of a 変更箇所 row should be found in the current value of its item. The newest "
     "change's after-text is not in the body's item: the body or the change log is out of date."},
    {"「変更箇所」の項目・変更日・変更後の記載と、その項目が指す本文の値を読みます。変更箇所の項目を本文の"
     "項目に結び付ける語は辞書 checks/change_drift（いまは I-7 ①部署だけ）。本文の項目が読めない場合と空欄の"
     "場合は判定しません。変更箇所は履歴で、現在の値を上書きしません（DESIGN）。",
     "The 変更箇所 rows (item, date, 変更後の記載) and the body's value of the item they name. The words "
     "that tie a row's item to a field are in the dictionary (checks/change_drift; for now I-7 ① 部署). An "
     "unread or empty field is not judged. The change log is history: it never overwrites current values "
     "(DESIGN)."}};

std::string field_value(const Assessment& a, const std::string& field) {
    if (field == "department") return a.department;
    return "";
}

// The row's after-text for the field alone: a row that changes ①部署 and ②所属長 together holds
// both, labelled (raw text: NFKC would turn ① into 1).
std::string after_for_field(const std::string& after, const nlohmann::json& field) {
    std::string out = after;
    for (const auto& w : field.value("items", std::vector<std::string>{})) {
        const size_t pos = out.find(w);
        if (pos != std::string::npos) {
            out = out.substr(pos + w.size());
            break;
        }
    }
    for (const auto& w : field.value("cut_at", std::vector<std::string>{})) {
        const size_t pos = out.find(w);
        if (pos != std::string::npos) out = out.substr(0, pos);
    }
    return out;
}

// The newest row whose 項目 names the field (the later of equal dates), or nullptr.
const ChangeRow* newest_row(const Assessment& a, const nlohmann::json& field) {
    const auto items = field.value("items", std::vector<std::string>{});
    const auto others = field.value("not", std::vector<std::string>{});
    const ChangeRow* newest = nullptr;
    std::string newest_date;
    for (const auto& row : a.changes) {
        if (!contains_any(row.item, items) || contains_any(row.item, others) || blank(row.after)) continue;
        const std::string date = parse_japanese_date(row.date);
        if (!newest || date >= newest_date) newest = &row, newest_date = date;
    }
    return newest;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments)
        for (const auto& field : check_data("/change_drift/fields")) {
            const std::string name = field.value("field", "");
            const std::string value = field_value(a, name);
            if (!a.was_read(name) || blank(value)) continue;
            const ChangeRow* row = newest_row(a, field);
            if (!row) continue;
            const std::string after = after_for_field(row->after, field);
            if (blank(after) || text::match_key(value).find(text::match_key(after)) != std::string::npos) continue;
            out.push_back(finding(info, a,
                                  {"変更箇所「" + row->date + " " + row->item + "」の変更後「" + after +
                                       "」が、本文の記載「" + value + "」と一致しません",
                                   "the 変更箇所 row \"" + row->date + " " + row->item + "\" changes it to \"" + after +
                                       "\", but the body says \"" + value + "\""},
                                  {at(a, row->loc, "変更箇所 / change", after),
                                   at(a, field_loc(a.locs, name, a.loc), "本文 / body", value)},
                                  {"change-drift:" + a.affair + "/" + name}));
        }
}
}  // namespace

PIAGRAPH_RULE(F07, kInfo, run)

}  // namespace piagraph::checks
