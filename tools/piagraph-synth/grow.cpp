// piagraph-synth: growing a template into a document (see grow.hpp).
#include "grow.hpp"

#include <map>
#include <set>

namespace synth {
namespace {

const char* const kHeaderLabel[kBlockTypes] = {"委託事項", "提供先", "移転先"};
const char* const kItem[kBlockTypes] = {"II 4 委託事項", "II 5 提供先", "II 5 移転先"};

// Fictional but plausible names of new 委託事項, 提供先 and 移転先 (a name the template already uses is skipped).
const std::vector<std::string> kSubjects[kBlockTypes] = {
    {"通知書の印刷・封入封緘業務", "申請書のデータ入力業務", "ガバメントクラウド移行支援業務",
     "コールセンター業務",         "帳票の電子化業務",       "窓口受付補助業務",
     "バックアップ媒体の保管業務", "端末の設置・保守業務",   "データ連携の検証業務",
     "障害時の復旧支援業務",       "文書の集配業務",         "還付通知書の作成業務",
     "督促状の印刷業務",           "統計資料の作成業務",     "書類の保管・廃棄業務",
     "証明書交付の運用支援業務",   "システム移行作業",       "ネットワーク機器の保守業務",
     "申請受付の補助業務",         "庁内研修の運営業務"},
    {"日本年金機構",
     "全国健康保険協会",
     "後期高齢者医療広域連合",
     "厚生労働大臣",
     "文部科学大臣",
     "独立行政法人日本学生支援機構",
     "国家公務員共済組合",
     "地方公務員共済組合",
     "都道府県知事",
     "公共職業安定所長",
     "こども家庭庁長官",
     "法務大臣",
     "出入国在留管理庁長官",
     "市町村教育委員会",
     "国民健康保険組合",
     "財務大臣",
     "総務大臣",
     "警察庁長官",
     "独立行政法人福祉医療機構",
     "社会保険診療報酬支払基金"},
    {"健康福祉部障害福祉課",
     "健康福祉部高齢福祉課",
     "こども未来部子育て支援課",
     "こども未来部保育課",
     "教育委員会学務課",
     "総務部納税課",
     "健康福祉部生活福祉課",
     "健康福祉部健康づくり課",
     "都市整備部住宅課",
     "総務部危機管理課",
     "市民生活部国民年金課",
     "環境部環境政策課",
     "上下水道部料金課",
     "選挙管理委員会事務局",
     "消防本部予防課",
     "農業委員会事務局",
     "経済部商工課",
     "健康福祉部地域包括ケア推進課",
     "こども未来部こども家庭課",
     "総務部人事課"}};

const std::vector<std::string> kFileNames = {"宛名管理ファイル",   "課税台帳ファイル", "収納管理ファイル",
                                             "滞納整理ファイル",   "申告書等ファイル", "異動情報ファイル",
                                             "送付先情報ファイル", "附票情報ファイル", "証明書交付履歴ファイル",
                                             "口座情報ファイル",   "給付管理ファイル", "資格管理ファイル"};

// Files a 全項目 of `target` bytes has: the examples' files hold about 150 KB when all their blocks
// are filled, and each file more about 80 KB.
std::size_t files_to_add(std::size_t target) {
    constexpr std::size_t kTemplateRoom = 150 * 1024, kFileRoom = 80 * 1024;
    return target <= kTemplateRoom ? 0 : std::min<std::size_t>(8, (target - kTemplateRoom) / kFileRoom + 1);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    if (from.empty()) return s;
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// Where block `number` goes: after the existing blocks of its group (委託事項6～10 …), before the next group.
std::size_t insert_position(const Run& run, int number) {
    for (std::size_t k = 0; k < run.groups.size(); ++k) {
        const Group& g = run.groups[k];
        if (number < g.first || number > g.last) continue;
        if (k + 1 < run.groups.size()) return run.groups[k + 1].at;
        std::size_t at = g.at + 1;
        for (const auto& b : run.blocks)
            if (b.begin > g.at) at = std::max(at, b.end);
        return at;
    }
    return std::string::npos;
}

bool filled(const Run& run) {
    for (const auto& b : run.blocks)
        if (!b.subject.empty()) return true;
    return false;
}

// The document being planned: everything added to the template, by the template line it goes before.
struct Plan {
    std::multimap<std::size_t, std::vector<Line>> blocks;
    std::map<std::pair<std::size_t, int>, int> added;  // (count row, which count) -> blocks added
    std::set<std::pair<std::size_t, int>> stale;       // counts left unchanged: a planted count-mismatch
    std::vector<Line> steps, changes;
    std::set<std::pair<std::size_t, std::string>> used;  // (run, subject): a file names a party once
    std::set<std::string> mentioned, unmentioned;        // subjects with a (備考) step, or kept out of them
    std::set<std::string> anywhere;                      // every subject given
    std::size_t bytes = 0;
};

std::size_t bytes_of(const std::vector<Line>& lines) {
    std::size_t n = 0;
    for (const auto& l : lines) n += l.text.size() + 1;
    return n;
}

// A new subject for a block of `run`. One that 別添1 must not mention (a planted annex1-coverage,
// reported once per party and document) is given once in the document and never mentioned.
std::string pick_subject(const Run& run, bool unmentioned, const std::string& text, Plan& plan, std::mt19937_64& rng) {
    const std::size_t key = run.blocks.front().begin;
    const auto& avoid = unmentioned ? plan.anywhere : plan.unmentioned;
    std::vector<std::string> free;
    for (const auto& s : kSubjects[run.type])
        if (!plan.used.count({key, s}) && !avoid.count(s) && text.find(s) == std::string::npos) free.push_back(s);
    if (free.empty()) return "";
    const std::string s = free[below(rng, free.size())];
    plan.used.insert({key, s});
    plan.anywhere.insert(s);
    if (unmentioned) plan.unmentioned.insert(s);
    return s;
}

std::vector<Line> clone(const Prototype& p, int number, const std::string& subject) {
    std::vector<Line> out = p.lines;
    const std::string old_label = label_of(out.front().text);
    const std::string new_label = kHeaderLabel[p.type] + std::to_string(number);
    const std::size_t at = out.front().text.find(old_label);
    out.front().text.replace(at, old_label.size(), new_label);
    for (auto& l : out) l.text = replace_all(l.text, p.subject, subject);
    return out;
}

std::string circled(int k) {
    if (k < 1 || k > 20) return "(" + std::to_string(k) + ")";
    std::string s = "\xe2\x91\xa0";  // ①; ② … ⑳ follow it
    s[2] = static_cast<char>(0xa0 + k - 1);
    return s;
}

Line step_line(BlockType type, const std::string& subject, int step, int k) {
    static const char* const what[kBlockTypes] = {"を委託し、委託先において特定個人情報ファイルを取り扱う。",
                                                  "へ特定個人情報を提供する。", "へ特定個人情報を移転する。"};
    const std::string lead = type == kTransfer ? "庁内連携システムを通じて、" : "";
    return Line{std::to_string(step) + "-" + circled(k) + " " + lead + subject + what[type], {}};
}

Line change_row(BlockType type, int number, const std::string& subject, std::mt19937_64& rng) {
    const std::string date =
        "令和6年" + std::to_string(1 + below(rng, 12)) + "月" + std::to_string(1 + below(rng, 28)) + "日";
    return Line{date + "\t" + kItem[type] + std::to_string(number) + "\t—\t" + subject + "\t事前\t" +
                    kHeaderLabel[type] + "の追加であり、重要な変更に当たるため、変更前に評価を再実施した",
                {}};
}

// One more block in a run that has room: a clone of a defective prototype with chance defect_rate.
bool add_block(const Template& t, const Run& run, int& added, const Prototypes& prototypes, const std::string& text,
               const GrowOptions& options, Plan& plan, std::mt19937_64& rng) {
    int number = 0;
    for (const auto& b : run.blocks) number = std::max(number, b.number);
    number += added + 1;
    const std::size_t at = insert_position(run, number);
    if (at == std::string::npos) return false;
    const bool defective = chance(rng, options.defect_rate);
    // The template's own blocks first (their information fits its files), then the form's; no provision
    // through 情報提供ネットワークシステム where a file says it connects not to provide. Without a
    // prototype of the wanted kind, any: the truth file says which it took.
    std::vector<const Prototype*> tiers[3];
    for (const auto& p : prototypes[run.type])
        if (!(p.network && t.refuses_network))
            tiers[p.defective != defective ? 2 : p.origin == t.name ? 0 : 1].push_back(&p);
    const auto& pool = !tiers[0].empty() ? tiers[0] : !tiers[1].empty() ? tiers[1] : tiers[2];
    if (pool.empty()) return false;
    const Prototype& p = *pool[below(rng, pool.size())];
    const std::string subject = pick_subject(run, p.unmentioned, text, plan, rng);
    if (subject.empty()) return false;
    auto lines = clone(p, number, subject);
    plan.bytes += bytes_of(lines);
    plan.blocks.emplace(at, std::move(lines));
    ++added;
    if (run.count_row != std::string::npos) ++plan.added[{run.count_row, run.count_index}];
    if (!p.unmentioned && t.steps_end != std::string::npos && plan.mentioned.insert(subject).second) {
        plan.steps.push_back(step_line(run.type, subject, t.last_step + 1, static_cast<int>(plan.steps.size()) + 1));
        plan.bytes += plan.steps.back().text.size() + 1;
    }
    if (t.change_columns == 6 && chance(rng, 0.5)) {
        plan.changes.push_back(change_row(run.type, number, subject, rng));
        plan.bytes += plan.changes.back().text.size() + 1;
    }
    return true;
}

std::vector<Line> emit(const Template& t, Plan& plan, const std::string& city) {
    std::vector<Line> out;
    auto insert_before = [&](std::size_t i) {
        const auto range = plan.blocks.equal_range(i);
        for (auto it = range.first; it != range.second; ++it)
            out.insert(out.end(), it->second.begin(), it->second.end());
        if (i == t.steps_end && !plan.steps.empty()) {
            // (not 提供・移転 or 委託 in this heading: piagraph would read it as the item of that name)
            out.push_back(Line{std::to_string(t.last_step + 1) + ". 事務の拡大に伴う手順", {}});
            out.insert(out.end(), plan.steps.begin(), plan.steps.end());
        }
        if (i == t.changes_end) out.insert(out.end(), plan.changes.begin(), plan.changes.end());
    };
    for (std::size_t i = 0; i < t.lines.size(); ++i) {
        insert_before(i);
        Line l = t.lines[i];
        for (int index = 0; index < 2; ++index) {
            const auto added = plan.added.find({i, index});
            if (added == plan.added.end()) continue;
            if (plan.stale.count({i, index}))
                l.planted.push_back(Planted{"count-mismatch", 0, ""});
            else
                l.text = recount(
                    l.text, index, [](int old, int n) { return old + n; }, added->second);
        }
        out.push_back(std::move(l));
    }
    insert_before(t.lines.size());
    for (auto& l : out) l.text = replace_all(l.text, "みどり市", city);
    return out;
}

// The I-3 list of files names one more.
void list_file(std::vector<Line>& lines, std::size_t number, const std::string& name) {
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        if (label_of(lines[i].text) == "3. 特定個人情報ファイル名") {
            Line& list = lines[i + 1];
            const std::string l = label_of(list.text);
            list.text.insert(list.text.find(l) + l.size(), " " + std::to_string(number) + ". " + name);
            return;
        }
}

// The template with more files (section II each) for a large 全項目.
Template with_files(const Template& t, const std::vector<Section>& sections, std::size_t target, std::mt19937_64& rng) {
    const std::size_t at = sections_end(t.lines);
    const std::size_t add = files_to_add(target);
    if (sections.empty() || add == 0 || at == std::string::npos) return t;
    std::string text;
    for (const auto& l : t.lines) text += l.text + "\n";
    std::size_t files = 0;
    for (std::size_t i = 0; i < at; ++i) files += starts_section(t.lines, i);
    Template e = t;
    std::vector<Line> added;
    std::vector<std::string> free;
    for (const auto& n : kFileNames)
        if (text.find(n) == std::string::npos) free.push_back(n);
    for (std::size_t k = 0; k < add && !free.empty(); ++k) {
        const Section& s = sections[below(rng, sections.size())];
        const std::size_t pick = below(rng, free.size());
        const std::string name = free[pick];
        free.erase(free.begin() + static_cast<std::ptrdiff_t>(pick));
        const std::size_t number = files + k + 1;
        for (Line l : s.lines) {
            l.text = replace_all(replace_all(l.text, "(1) " + s.file_name, "(" + std::to_string(number) + ") " + name),
                                 s.file_name, name);
            if (!s.department.empty() && !t.department.empty())
                l.text = replace_all(l.text, s.department, t.department);
            added.push_back(std::move(l));
        }
        list_file(e.lines, number, name);
    }
    e.lines.insert(e.lines.begin() + static_cast<std::ptrdiff_t>(at), added.begin(), added.end());
    index_template(e);
    return e;
}

}  // namespace

std::vector<Line> grow(const Template& base, const Prototypes& prototypes, const std::vector<Section>& sections,
                       const std::string& city, const GrowOptions& options, std::mt19937_64& rng) {
    const Template t = with_files(base, sections, options.target_bytes, rng);
    Plan plan;
    plan.bytes = bytes_of(t.lines);
    std::string text;
    for (const auto& l : t.lines) text += l.text + "\n";
    std::vector<int> added(t.runs.size(), 0);
    std::vector<bool> full(t.runs.size(), false);
    for (std::size_t r = 0; r < t.runs.size(); ++r) full[r] = !filled(t.runs[r]);
    while (plan.bytes < options.target_bytes) {
        std::vector<std::size_t> open;
        for (std::size_t r = 0; r < t.runs.size(); ++r)
            if (!full[r]) open.push_back(r);
        if (open.empty()) break;
        const std::size_t r = open[below(rng, open.size())];
        if (!add_block(t, t.runs[r], added[r], prototypes, text, options, plan, rng)) full[r] = true;
    }
    for (const auto& [key, n] : plan.added)
        if (n > 0 && chance(rng, options.defect_rate)) plan.stale.insert(key);
    return emit(t, plan, city);
}

}  // namespace synth
