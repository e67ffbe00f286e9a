// PPC-F06: a 変更箇所 row that its own explanation calls a 重要な変更, filed 事後.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-F06",
    "change-timing",
    Severity::error,
    {"重要な変更を事後に提出", "重要な変更 filed after the fact"},
    {"重要な変更は、変更の前に評価を再実施して提出しなければなりません（事前）。事後の提出が認められるのは"
     "重要な変更に当たらない修正だけです。提出時期に係る説明で重要な変更としながら提出時期が事後の行は、手続の"
     "時期が誤っています（審査の観点(4)）。",
     "A 重要な変更 must be re-assessed and filed before the change (事前); only corrections that are not "
     "重要な変更 may be filed 事後. A 変更箇所 row whose explanation calls it a 重要な変更 but whose 提出時期 "
     "is 事後 was filed at the wrong time (審査の観点 (4))."},
    {"「変更箇所」の各行の「提出時期」と「提出時期に係る説明」を読みます。説明に「重要な変更」とあり、"
     "「重要な変更に当たらない」などの否定がない行を重要な変更とみなします（語は辞書 checks/changes）。"
     "指針の再実施の時期の定めによります。",
     "Each 変更箇所 row's 提出時期 and 提出時期に係る説明. A row whose explanation says 重要な変更 without a "
     "negation (重要な変更に当たらない …) counts as one (words in the dictionary, checks/changes). It rests on "
     "the 指針's rule on when to re-assess."}};

// Whether a negation follows an important word closely, within its sentence (重要な変更に変更に該当しない:
// a typo between them must not turn the denial into a claim).
bool negated_after_important(const std::string& text, const std::vector<std::string>& important) {
    static const auto negations = check_list("/changes/negations");
    static const size_t window = check_data("/changes/negation_chars").get<size_t>();
    const std::u32string u = text::to_u32(text);
    for (const auto& word : important) {
        const std::u32string w = text::to_u32(word);
        for (size_t at = u.find(w); at != std::u32string::npos; at = u.find(w, at + 1)) {
            std::u32string rest = u.substr(at + w.size(), window);
            if (const size_t end = rest.find(U'。'); end != std::u32string::npos) rest.resize(end);
            if (contains_any(text::to_utf8(rest), negations)) return true;
        }
    }
    return false;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto after = check_list("/changes/after_the_fact"), important = check_list("/changes/important"),
               negated = check_list("/changes/not_important");
    for (const auto& a : graph.assessments)
        for (const auto& row : a.changes) {
            if (!contains_any(row.timing, after) || !contains_any(row.explanation, important) ||
                contains_any(row.explanation, negated) || negated_after_important(row.explanation, important))
                continue;
            const std::string what = row.date + " " + row.item;
            out.push_back(finding(info, a,
                                  {"変更箇所「" + what + "」は重要な変更とされていますが、提出時期が「" + row.timing +
                                       "」です（重要な変更は事前に評価を再実施します）",
                                   "変更箇所 \"" + what + "\" is called a 重要な変更 but was filed \"" + row.timing +
                                       "\" (a 重要な変更 is re-assessed beforehand)"},
                                  {at(a, row.loc, "変更箇所 / change", row.explanation)},
                                  {business_key(a), "change-timing:" + what}));
        }
}
}  // namespace

PIAGRAPH_RULE(F06, kInfo, run)

}  // namespace piagraph::checks
