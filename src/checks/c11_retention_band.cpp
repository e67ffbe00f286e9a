// PPC-C11: the years written in 保管期間 その妥当性 fall outside the selected 期間 band, or
// 定められていない has no その妥当性.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-C11",
    "retention-band",
    Severity::warning,
    {"保管期間の選択肢とその妥当性が合わない", "retention band contradicts its justification"},
    {"II-6 ②保管期間では、期間の選択肢（1年未満 … 20年以上、定められていない）と、その妥当性に書いた年数が"
     "一致している必要があります。その妥当性に書かれた年数が、選んだ期間の範囲にありません（例: 「5年」を選び、"
     "妥当性に「7年間保管」）。または「定められていない」を選んだのに、その妥当性が空欄です。選択肢か説明を"
     "直してください。",
     "In II-6 ② 保管期間 the selected band (1年未満 … 20年以上, 定められていない) and the years written in its "
     "その妥当性 must agree. The years given in その妥当性 fall outside the selected band (e.g. 5年 selected, "
     "\"7年間保管\" written), or 定められていない is selected with an empty その妥当性. Correct the band or "
     "the text."},
    {"各ファイルの「II-6 ②保管期間 期間」の選択と「その妥当性」（全項目評価書）を読みます。その妥当性の「N年」"
     "「N年間」（年度・元号の年・日付は除く）が一つも選択した期間の範囲に入らないときに報告します。どちらも読め"
     "たときだけ判断します。期間の範囲と語は辞書 checks/retention。ファイル内の記載の整合と、審査会が保管期間に"
     "ついて確かめる点によります。",
     "Each file's II-6 ② 保管期間: the selected 期間 band and its その妥当性 (全項目). Reported when none of the "
     "\"N年\"/\"N年間\" of その妥当性 (not 年度, era years or dates) falls inside the selected band, and only when "
     "both were read. The band ranges and words are in the dictionary (checks/retention). It rests on the "
     "internal consistency of the file's entries and on what review boards ask about retention."}};

bool is_numeral(char32_t c) {
    static const std::u32string kanji = U"〇一二三四五六七八九十百千";
    return (c >= U'0' && c <= U'9') || kanji.find(c) != std::u32string::npos;
}

// The lengths in years written in a text: a number followed by 年 or 年間, not a date
// (平成27年, 2024年5月) and not 年度 and the like.
std::vector<int> years_in(const std::string& text, const std::vector<std::string>& not_years) {
    static const std::vector<std::string> eras{"明治", "大正", "昭和", "平成", "令和", "西暦"};
    const std::u32string s = text::to_u32(text::nfkc(text));
    const std::u32string year = U"年";
    std::vector<int> out;
    for (size_t i = 0; i < s.size();) {
        if (!is_numeral(s[i])) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < s.size() && is_numeral(s[end])) ++end;
        const std::u32string number = s.substr(i, end - i);
        const std::string before = text::to_utf8(s.substr(i >= 2 ? i - 2 : 0, i >= 2 ? 2 : i));
        const std::string after = text::to_utf8(s.substr(end, 4));
        i = end;
        if (!text::starts_with(after, "年")) continue;
        if (std::any_of(eras.begin(), eras.end(),
                        [&before](const std::string& e) { return text::ends_with(before, e); }))
            continue;
        if (std::any_of(not_years.begin(), not_years.end(),
                        [&after](const std::string& w) { return text::starts_with(after, text::nfkc(w)); }))
            continue;
        const std::u32string next = s.substr(end + 1, 1);
        if (!next.empty() && next[0] >= U'0' && next[0] <= U'9') continue;  // 2024年5月: a date
        const int n = text::parse_number(text::to_utf8(number));
        if (n > 0 && n < 1000) out.push_back(n);  // 2024年: a calendar year
    }
    return out;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto& bands = check_data("/retention/bands");
    const std::string unset = check_data("/retention").value("unset", "");
    const auto not_years = check_list("/retention/not_years");
    if (!bands.is_object()) return;
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            const std::string band_item = file_item(a, f, "retention"),
                              reason_item = file_item(a, f, "retention_reason");
            if (blank(f.retention) || !a.was_read(band_item) || !a.form_has(reason_item) || !a.was_read(reason_item))
                continue;
            const std::string file = f.names.empty() ? "" : f.names.front();
            const Loc band_loc = field_loc(f.locs, "retention", f.loc);
            if (text::match_key(f.retention) == text::match_key(unset)) {
                if (!blank(f.retention_reason)) continue;
                out.push_back(finding(
                    info, a,
                    {"「" + file + "」の保管期間が「" + f.retention + "」ですが、その妥当性が空欄です",
                     "file \"" + file + "\": 保管期間 is \"" + f.retention + "\" but its その妥当性 is empty"},
                    {at(a, band_loc, "保管期間 / retention", f.retention)}, {"retention:" + a.affair + "/" + file}));
                continue;
            }
            const nlohmann::json* range = nullptr;
            for (const auto& [band, r] : bands.items())
                if (text::match_key(band) == text::match_key(f.retention)) range = &r;
            if (!range || !range->is_array() || range->size() != 2) continue;
            const int low = (*range)[0].get<int>();
            const bool open = (*range)[1].is_null();
            const int high = open ? 0 : (*range)[1].get<int>();
            const auto years = years_in(f.retention_reason, not_years);
            if (years.empty()) continue;
            const bool inside =
                std::any_of(years.begin(), years.end(), [&](int y) { return y >= low && (open || y < high); });
            if (inside) continue;
            std::string written;
            for (int y : years) written += (written.empty() ? "" : "・") + std::to_string(y) + "年";
            out.push_back(finding(
                info, a,
                {"「" + file + "」の保管期間は「" + f.retention + "」ですが、その妥当性には" + written +
                     "とあり、選択した期間に入りません",
                 "file \"" + file + "\": 保管期間 is \"" + f.retention + "\" but its その妥当性 states " + written +
                     ", outside the band"},
                {at(a, band_loc, "保管期間 / retention", f.retention),
                 at(a, field_loc(f.locs, "retention_reason", f.loc), "その妥当性 / justification", f.retention_reason)},
                {"retention:" + a.affair + "/" + file}));
        }
}
}  // namespace

PIAGRAPH_RULE(C11, kInfo, run)

}  // namespace piagraph::checks
