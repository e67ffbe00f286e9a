// PPC-C06: 委託する with a 委託事項 whose 委託先名 is empty or undecided, or (全項目) no ④提供方法 mark.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-C06",
    "entrust-complete",
    Severity::warning,
    {"委託事項の記載が不完全", "incomplete 委託事項"},
    {"委託する場合、委託事項ごとに委託先名と（全項目評価書では）④委託先への特定個人情報ファイルの提供方法を"
     "記載します。委託先名が空欄、または提供方法に印がありません。委託先が未定の場合は情報として報告します。"
     "決まり次第、評価書を修正してください。",
     "With 委託する, each 委託事項 names its contractor and (全項目) marks ④ how the file is passed to it. "
     "The contractor is empty, or no method is marked. An undecided contractor (未定) is reported as "
     "information: amend the assessment once it is chosen."},
    {"「II-4 委託の有無」と各「委託事項N」の委託先名、全項目評価書の「④委託先への特定個人情報ファイルの提供方法」"
     "（本文にその行がある場合だけ）を読みます。未定を示す語は辞書 checks/entrustment。審査の観点(6)によります。",
     "II-4 委託の有無 and each 委託事項N: 委託先名 and, in 全項目, ④ 委託先への特定個人情報ファイルの提供方法 "
     "(only where its row is in the text). Words for an undecided contractor are in the dictionary "
     "(checks/entrustment). 審査の観点 (6)."}};

// Whether the document shows the ④提供方法 row inside the 委託事項 (a hand-made model has no text).
bool methods_row_read(const Graph& graph, const Assessment& a, const Entrustment& e) {
    const auto* lines = source_text_lines(graph, a.source_file);
    if (!lines || !e.loc.known()) return false;
    const auto labels = Dictionary::get().list("/field_labels/entrust_methods");
    for (int n = e.loc.line; n <= std::max(e.loc.end_line, e.loc.line) && n <= static_cast<int>(lines->size()); ++n)
        if (contains_any((*lines)[n - 1], labels)) return true;
    return false;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto undecided = check_list("/entrustment/undecided");
    const std::string full_form = Dictionary::get().form_names().empty() ? "" : Dictionary::get().form_names()[0];
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            if (!f.entrust.value_or(false) || !a.was_read(file_item(a, f, "entrust"))) continue;
            for (size_t i = 0; i < f.entrustments.size(); ++i) {
                const Entrustment& e = f.entrustments[i];
                if (blank(e.item) && blank(e.contractor)) continue;  // a template block
                const std::string name =
                    "委託事項" + (e.no.empty() ? std::to_string(i + 1) : e.no) + "「" + e.item + "」";
                std::vector<std::string> ja, en;
                bool only_undecided = false;
                if (a.was_read(entrustment_item(a, f, e, "contractor"))) {
                    if (blank(e.contractor))
                        ja.push_back("委託先名が記載されていません"), en.push_back("no contractor is named");
                    else if (contains_any(e.contractor, undecided))
                        ja.push_back("委託先が未定です"), en.push_back("the contractor is undecided"),
                            only_undecided = true;
                }
                if (a.form == full_form && e.methods.empty() && methods_row_read(graph, a, e)) {
                    ja.push_back("④委託先への提供方法に印がありません"), en.push_back("no ④ method is marked");
                    only_undecided = false;
                }
                if (ja.empty()) continue;
                out.push_back(finding(info, a, {name + ": " + join(ja, "。"), name + ": " + join(en, "; ")},
                                      {at(a, e.loc, "委託事項 / entrustment", e.item)},
                                      {"entrust-complete:" + a.affair + "/" + name}, Severity::info, only_undecided));
            }
        }
}
}  // namespace

PIAGRAPH_RULE(C06, kInfo, run)

}  // namespace piagraph::checks
