// PPC-T10: a party named in 入手元 （ ） that belongs to another 入手元 category.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T10",
    "source-category",
    Severity::warning,
    {"入手元の区分と名称が合わない", "a source named under the wrong category"},
    {"入手元の（ ）に書いた名称は、印を付けた区分に属するはずです。評価実施機関内の他部署に他の機関"
     "（税務署・他市町村など）、行政機関・独立行政法人等に地方公共団体（他市町村・都道府県知事）、"
     "地方公共団体・地方独立行政法人に国の機関（国税庁・日本年金機構など）が書かれています。区分を直してください。",
     "A name in a 入手元's （ ） belongs to the category it is written under. Another body (税務署, another "
     "municipality …) is under 他部署, a local government under 行政機関・独立行政法人等, or a national body "
     "(国税庁, 日本年金機構 …) under 地方公共団体・地方独立行政法人: move it to its category."},
    {"「II-3 ①入手元」の区分と（ ）の名称を読みます。他の機関を示す語・部署名の語尾は辞書 parties、"
     "地方公共団体と国の機関を示す語は辞書 checks/source_category。評価書の記載要領の区分によります。",
     "II-3 ① 入手元: the category and the names in （ ）. Words for other bodies and section endings are in "
     "the dictionary (parties); words for local governments and national bodies in checks/source_category. "
     "It rests on the categories of the form's 記載要領."}};

// The names of a （ ） text, one per 、-separated part.
std::vector<std::string> named_parties(const std::string& detail) {
    std::vector<std::string> out;
    std::string key = text::match_key(detail);
    const std::string comma = "、";
    for (size_t at = key.find(','); at != std::string::npos; at = key.find(',')) key.replace(at, 1, comma);
    size_t start = 0;
    for (size_t next = key.find(comma);; next = key.find(comma, start)) {
        const std::string part = key.substr(start, next == std::string::npos ? std::string::npos : next - start);
        if (!blank(part)) out.push_back(part);
        if (next == std::string::npos) break;
        start = next + comma.size();
    }
    return out;
}

// Drops a trailing (…) so that 市民課(戸籍担当) ends as a section.
std::string without_note(const std::string& name) {
    const size_t open = name.rfind('(');
    return open != std::string::npos && open > 0 && name.back() == ')' ? name.substr(0, open) : name;
}

// What is wrong with a name under its category ({} when it fits), in both languages.
Message misfiled(const std::string& kind, const std::string& name) {
    const auto& dict = Dictionary::get();
    if (kind == text::match_key(option("source_kinds", 1)) &&
        contains_any(name, dict.list("/parties/outside_bodies")) &&
        !ends_with_any(without_note(name), dict.list("/parties/department_suffixes")))
        return {"他の機関で、評価実施機関内の他部署ではありません", "another body, not a section of this one"};
    if (kind == text::match_key(option("source_kinds", 2)) &&
        contains_any(name, check_list("/source_category/local_words")))
        return {"地方公共団体で、" + option("source_kinds", 3) + "に当たります",
                "a local government: " + option("source_kinds", 3)};
    if (kind == text::match_key(option("source_kinds", 3)) &&
        contains_any(name, check_list("/source_category/national_words")))
        return {"国の機関等で、" + option("source_kinds", 2) + "に当たります",
                "a national body: " + option("source_kinds", 2)};
    return {};
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            if (!a.was_read(file_item(a, f, "sources"))) continue;
            for (const auto& s : f.sources) {
                if (s.inferred || blank(s.detail)) continue;
                for (const auto& name : named_parties(s.detail)) {
                    const Message why = misfiled(text::match_key(s.kind), name);
                    if (why.ja.empty()) continue;
                    out.push_back(finding(info, a,
                                          {"入手元「" + s.kind + "」の（" + name + "）は" + why.ja,
                                           "入手元 \"" + s.kind + "\" names " + name + ": " + why.en},
                                          {at(a, s.loc, "入手元 / source", s.detail)},
                                          {"source-category:" + a.affair + "/" + name}));
                }
            }
        }
}
}  // namespace

PIAGRAPH_RULE(T10, kInfo, run)

}  // namespace piagraph::checks
