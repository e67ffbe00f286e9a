// PPC-F10: the I-7 ①部署 is not among a file's II-2 ⑥事務担当部署 or II-3 使用部署.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-F10",
    "department",
    Severity::warning,
    {"担当部署がファイルの事務担当部署・使用部署にない", "the department is not among a file's departments"},
    {"I-7 ①部署（評価実施機関における担当部署）は、対象事務を担当し、リスク対策に責任を負う部署です。各ファイルの"
     "II-2 ⑥事務担当部署と II-3 使用部署にはその部署が現れるはずですが、ありません。組織改正で一方だけ名称を"
     "直した、または別の部署を書いた可能性があります。部署の名称をそろえてください。",
     "I-7 ① 部署 is the department that runs the affair and answers for its risk measures. Each file's II-2 ⑥ "
     "事務担当部署 and II-3 使用部署 should name it, but they do not: a reorganisation renamed one of them "
     "only, or another department was written. Align the names."},
    {"「I-7 ①部署」（重点 I-6、基礎 I-5）と各ファイルの「II-2 ⑥事務担当部署」「II-3 ⑦使用の主体 使用部署」"
     "（重点 II-3 ④）を読みます。どちらも読めた（空欄でない）ときだけ判断します。部署は「、」などで区切り、"
     "局・部の上位の名称を省いた課の名称でも一致とみなします（区切りと階層の語は辞書 checks/department）。"
     "審査の観点(7)によります。",
     "I-7 ① 部署 (I-6 in 重点, I-5 in 基礎) and each file's II-2 ⑥ 事務担当部署 and II-3 ⑦ 使用部署 (II-3 ④ in "
     "重点), judged only when both were read and are not empty. Departments are split at 「、」 and the like; "
     "a section named without its 局/部 matches (separators and level words are in the dictionary, "
     "checks/department). 審査の観点 (7)."}};

// The units of a department list, as match keys without bracketed notes.
std::vector<std::string> units(const std::string& text, const std::vector<std::string>& separators) {
    std::string k = text::match_key(text);
    for (const auto& sep : separators) {
        const std::string s = text::match_key(sep);
        for (size_t at = k.find(s); !s.empty() && at != std::string::npos; at = k.find(s, at + 1))
            k.replace(at, s.size(), "\n");
    }
    std::vector<std::string> out;
    for (auto& u : text::split_lines(k)) {
        std::string plain;
        int depth = 0;
        for (char c : u) {
            if (c == '(') ++depth;
            if (depth == 0) plain += c;
            if (c == ')' && depth > 0) --depth;
        }
        if (!plain.empty()) out.push_back(plain);
    }
    return out;
}

// Whether one unit names the same section as the other: equal, or one is the other without its
// upper levels (税務部市民税課 / 市民税課), cut right after a level word (局, 部).
bool same_section(const std::string& a, const std::string& b, const std::vector<std::string>& levels) {
    if (a == b) return true;
    const std::string& longer = a.size() > b.size() ? a : b;
    const std::string& shorter = a.size() > b.size() ? b : a;
    if (!text::ends_with(longer, shorter)) return false;
    const std::string head = longer.substr(0, longer.size() - shorter.size());
    return std::any_of(levels.begin(), levels.end(),
                       [&head](const std::string& l) { return text::ends_with(head, text::match_key(l)); });
}

// The section a unit ends with: what follows its last level word (財政局税務部市民税課 -> 市民税課).
std::string section_of(const std::string& unit, const std::vector<std::string>& levels) {
    size_t cut = 0;
    for (const auto& l : levels) {
        const std::string m = text::match_key(l);
        const size_t at = unit.rfind(m);
        if (!m.empty() && at != std::string::npos && at + m.size() < unit.size()) cut = std::max(cut, at + m.size());
    }
    return unit.substr(cut);
}

// Whether a field names one of the department's units, perhaps with words after it (市民課職員).
bool names_department(const std::string& field, const std::vector<std::string>& department,
                      const std::vector<std::string>& separators, const std::vector<std::string>& levels) {
    const std::string whole = text::match_key(field);
    const auto field_units = units(field, separators);
    for (const auto& d : department) {
        if (whole.find(d) != std::string::npos) return true;
        const std::string section = section_of(d, levels);
        for (const auto& u : field_units)
            for (size_t at = u.find(section); !section.empty() && at != std::string::npos; at = u.find(section, at + 1))
                if (same_section(d, u.substr(0, at + section.size()), levels)) return true;
    }
    return false;
}

struct FileField {
    const char* key;  // FileBlock::locs and coverage field
    const char* ja;
    const char* en;
    const std::string* text;
};

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto separators = check_list("/department/separators"), levels = check_list("/department/levels"),
               same = check_list("/department/same_as_above");
    for (const auto& a : graph.assessments) {
        if (blank(a.department) || !a.was_read("department")) continue;
        const auto department = units(a.department, separators);
        if (department.empty()) continue;
        for (const auto& f : a.files) {
            const FileField fields[] = {{"department", "II-2 ⑥事務担当部署", "II-2 ⑥ 事務担当部署", &f.department},
                                        {"user_departments", "II-3 使用部署", "II-3 使用部署", &f.user_departments}};
            for (const auto& ff : fields) {
                const std::string& text = *ff.text;
                if (blank(text) || !a.was_read(file_item(a, f, ff.key))) continue;
                if (contains_any(text, same) || names_department(text, department, separators, levels)) continue;
                const std::string file = f.names.empty() ? "" : f.names.front();
                out.push_back(finding(
                    info, a,
                    {"「" + file + "」の" + ff.ja + "「" + text + "」に I-7 ①部署「" + a.department + "」がありません",
                     "file \"" + file + "\": " + ff.en + " \"" + text + "\" does not include the I-7 ① department \"" +
                         a.department + "\""},
                    {at(a, field_loc(f.locs, ff.key, f.loc), std::string(ff.ja), text),
                     at(a, field_loc(a.locs, "department", a.loc), "I-7 ①部署 / department", a.department)},
                    {business_key(a), "department:" + file + "/" + ff.key}));
            }
        }
    }
}
}  // namespace

PIAGRAPH_RULE(F10, kInfo, run)

}  // namespace piagraph::checks
