// PPC-T13: 保管場所 that contradicts the systems: a 中間サーバー with no platform in any 保管場所,
// or a ガバメントクラウド with no system or 委託 that runs it.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T13",
    "storage-systems",
    Severity::warning,
    {"保管場所とシステム・委託の記載が合わない", "storage place contradicts the systems"},
    {"中間サーバーを使うなら、そのデータは地方公共団体情報システム機構の中間サーバー・プラットフォームに保管されるため"
     "、"
     "保管場所に記載します。保管場所にガバメントクラウドとあるなら、その上で動くシステムか、運用の委託が記載されて"
     "いるはずです。保管場所と、I-2 のシステム・II-4 の委託をそろえてください。",
     "A 中間サーバー keeps its data on J-LIS's 中間サーバー・プラットフォーム, which the 保管場所 should state. "
     "A ガバメントクラウド in the 保管場所 needs a system on it or a 委託 that operates it. Align the 保管場所 "
     "with the systems of I-2 and the 委託 of II-4."},
    {"「II-6 ①保管場所」（重点 II-6）と「I-2 システムN」の名称、「II-4 委託事項N」の委託内容・委託先名を読み"
     "ます。語は辞書 checks/storage。特定個人情報の保管場所に関する審査会の確認事項によります。",
     "II-6 ① 保管場所 (II-6 in 重点), the names of I-2 システムN and II-4 委託事項N (item, contractor). The "
     "words are in the dictionary (checks/storage). It rests on what review boards ask about storage."}};

// The files' 保管場所 that were read: none for a 基礎 form or unread items.
std::vector<const FileBlock*> read_storage(const Assessment& a) {
    std::vector<const FileBlock*> out;
    for (const auto& f : a.files) {
        const std::string item = file_item(a, f, "storage");
        if (a.form_has(item) && a.was_read(item) && !blank(f.storage)) out.push_back(&f);
    }
    return out;
}

bool cloud_is_run(const Assessment& a, const std::vector<std::string>& cloud, const std::vector<std::string>& work) {
    for (const auto& s : a.systems) {
        const StandardSystem* std_sys = resolve_standard_system(s.name);
        if ((std_sys && std_sys->id == "gov_cloud") || contains_any(s.name + join(s.other, "、"), cloud)) return true;
    }
    for (const auto& f : a.files)
        for (const auto& e : f.entrustments)
            if (contains_any(e.item + e.contractor, cloud) || contains_any(e.item, work)) return true;
    return false;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto platform = check_list("/storage/platform_words"), cloud = check_list("/storage/cloud_words"),
               work = check_list("/storage/operation_words");
    for (const auto& a : graph.assessments) {
        const auto stored = read_storage(a);
        if (stored.empty() || stored.size() != a.files.size()) continue;  // some 保管場所 unread: not judged
        const System* chukan = nullptr;
        for (const auto& s : a.systems)
            if (const auto* std_sys = resolve_standard_system(s.name); std_sys && std_sys->id == "chukan_server")
                chukan = &s;
        const bool platform_stated = std::any_of(
            stored.begin(), stored.end(), [&](const FileBlock* f) { return contains_any(f->storage, platform); });
        if (chukan && !platform_stated) {
            const FileBlock& f = *stored.front();
            out.push_back(finding(info, a,
                                  {"中間サーバー（システム" + std::to_string(chukan->no) +
                                       "）がありますが、保管場所に中間サーバー・プラットフォームの記載がありません",
                                   "a 中間サーバー (system " + std::to_string(chukan->no) +
                                       ") is declared, but no 保管場所 mentions the 中間サーバー・プラットフォーム"},
                                  {at(a, field_loc(f.locs, "storage", f.loc), "保管場所 / storage", f.storage),
                                   at(a, chukan->loc, "中間サーバー", chukan->name)},
                                  {"storage-platform:" + a.affair}));
        }
        for (const FileBlock* f : stored) {
            if (!contains_any(f->storage, cloud) || cloud_is_run(a, cloud, work)) continue;
            out.push_back(finding(info, a,
                                  {"保管場所にガバメントクラウドとありますが、その上のシステムや運用の委託が記載されて"
                                   "いません",
                                   "the 保管場所 names the ガバメントクラウド, but no system on it and no 委託 for its "
                                   "operation is stated"},
                                  {at(a, field_loc(f->locs, "storage", f->loc), "保管場所 / storage", f->storage)},
                                  {"storage-cloud:" + a.affair + "/" + (f->names.empty() ? "" : f->names.front())}));
        }
    }
}
}  // namespace

PIAGRAPH_RULE(T13, kInfo, run)

}  // namespace piagraph::checks
