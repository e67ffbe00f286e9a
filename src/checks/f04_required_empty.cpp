// PPC-F04: a ※ item or key flow item whose label was read but whose value is empty or a placeholder.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-F04",
    "required-empty",
    Severity::warning,
    {"必須の項目が空欄", "a required item is empty"},
    {"※の付いた項目と、情報の流れの要になる項目（情報連携の実施の有無、入手元、委託の有無、提供・移転の有無、"
     "保管場所など）は、すべて記載します。項目の見出しは読めましたが、値が空欄か、様式のひな形の文言のままです。",
     "Items marked ※ and the key flow items (linkage status, sources, 委託の有無, 提供・移転の有無, storage …) "
     "are always filled. The item's label was read, but its value is empty or still the template's text."},
    {"見出しが読めた（coverage で found の）項目だけを判定します。評価書単位の項目とひな形の文言は辞書 "
     "checks/required_items。ファイルごとに「①入手元」「委託の有無」「提供・移転の有無」「II-6 ①保管場所」を"
     "読みます。法令上の根拠の空欄は PPC-L01、件数などがあるのに印がないものは PPC-C10 が扱います。"
     "審査の観点(6)によります。",
     "Only items whose label coverage found are judged. The assessment-level items and the template words are "
     "in the dictionary (checks/required_items); per file, ① 入手元, 委託の有無, 提供・移転の有無 and II-6 ① "
     "保管場所. An empty legal basis is PPC-L01's, a group unmarked while its details are filled PPC-C10's. "
     "審査の観点 (6)."}};

std::string assessment_value(const Assessment& a, const std::string& key) {
    if (key == "affair") return a.affair;
    if (key == "department") return a.department;
    if (key == "linkage.status") return a.linkage.status;
    if (key == "file_names") return join(a.file_names, "、");
    return "-";  // an item this rule cannot see: never judged empty
}

bool listed_flows(const FileBlock& f) {
    auto filled = [](const Flow& x) { return !empty_flow(x); };
    return std::any_of(f.provisions.begin(), f.provisions.end(), filled) ||
           std::any_of(f.transfers.begin(), f.transfers.end(), filled);
}

bool lost_marks(const FileBlock& f, const std::string& group) {
    auto it = f.marks.find(group);
    return it != f.marks.end();  // "none" or "inferred": PPC-C10 or the extractor speak for it
}

struct EmptyItem {
    std::string field, ja, en;
};

// The file's empty groups. A group with details filled is PPC-C10's.
std::vector<EmptyItem> empty_file_items(const FileBlock& f, const std::vector<std::string>& ph) {
    std::vector<EmptyItem> out;
    if (f.sources.empty() && !lost_marks(f, "sources") && !listed_flows(f) && f.entrustments.empty())
        out.push_back({"sources", "①入手元", "① sources"});
    if (!f.entrust.has_value() && !lost_marks(f, "entrust") && f.entrustments.empty())
        out.push_back({"entrust", "委託の有無", "委託の有無"});
    if (!f.provides && !f.transfers_flag && !f.no_flows && !lost_marks(f, "provision_transfer") && !listed_flows(f))
        out.push_back({"provision_transfer", "提供・移転の有無", "提供・移転の有無"});
    if (blank(f.storage) || contains_any(f.storage, ph)) out.push_back({"storage", "II-6 ①保管場所", "II-6 ① storage"});
    return out;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto placeholders = check_list("/required_items/placeholders");
    const auto& items = check_data("/required_items/assessment");
    for (const auto& a : graph.assessments) {
        if (a.files.empty() && a.systems.empty()) continue;  // not an assessment body
        for (const auto& item : items) {
            const std::string key = item.value("key", "");
            const std::string value = assessment_value(a, key);
            if (!label_found(a, key) || (!blank(value) && !contains_any(value, placeholders))) continue;
            const std::string ja = item.value("ja", key), en = item.value("en", key);
            out.push_back(finding(info, a, {ja + "が空欄です", en + " is empty"},
                                  {at(a, a.coverage.at(key).loc, ja, value)},
                                  {"required-empty:" + a.affair + "/" + key}));
        }
        for (const auto& f : a.files) {
            const std::string file = f.names.empty() ? "" : f.names.front();
            for (const auto& e : empty_file_items(f, placeholders)) {
                const std::string key = file_item(a, f, e.field);
                if (!a.form_has(key) || !label_found(a, key)) continue;
                out.push_back(finding(info, a, {file + ": " + e.ja + "が空欄です", file + ": " + e.en + " is empty"},
                                      {at(a, a.coverage.at(key).loc, e.ja)},
                                      {"required-empty:" + a.affair + "/" + file + "/" + e.field}));
            }
        }
    }
}
}  // namespace

PIAGRAPH_RULE(F04, kInfo, run)

}  // namespace piagraph::checks
