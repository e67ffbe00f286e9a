// PPC-L11: a tax recipient (国税庁, 税務署, 他市町村長, 都道府県知事) without a tax basis.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-L11",
    "tax-recipient-basis",
    Severity::warning,
    {"税務の提供先に税務の根拠がない", "tax recipient without a tax basis"},
    {"国税庁長官・税務署長・他市町村長・都道府県知事への地方税・国税に関する提供は、番号法第19条第10号（改正前は"
     "第8号・第9号）と施行令第22条、または地方税法の規定（情報連携なら第19条第8号）によります。根拠にこれらが"
     "ありません。提供の根拠を確かめて記載してください。根拠が空欄の提供先は PPC-L04 が報告します。",
     "Provision of tax information to 国税庁長官, a 税務署長, another 市町村長 or a 都道府県知事 rests on "
     "番号法 第19条第10号 (第8号/第9号 before 2021) with 施行令第22条, or on 地方税法 (第19条第8号 for "
     "情報連携). The basis cites none of them: check and cite it. An empty basis is PPC-L04's."},
    {"「II-5 提供先N」の名称、②用途、③提供する情報（空欄なら事務の名称）に税の語があるかと、「①法令上の根拠」を"
     "読みます。提供先の種類、税の語と号の対応は辞書 checks/recipients・checks/article19_items にあります。"
     "番号法第19条第10号、施行令第21条・第22条によります。",
     "II-5 提供先N: its name, ② 用途 and ③ 提供する情報 (else the affair) for tax words, and ① 法令上の根拠. "
     "Recipient classes, tax words and the 号 numbering are in the dictionary (checks/recipients, "
     "checks/article19_items). It rests on 番号法 第19条第10号 and 施行令第21条・第22条."}};

bool tax_basis(const std::vector<Citation>& cs, const std::string& basis) {
    // Any era's tax or 情報連携 号: a stale number is PPC-L08's, not a missing basis.
    if (cites_19_kind(cs, basis, "tax", "*") || cites_19_kind(cs, basis, "nws", "*")) return true;
    for (const auto& law : check_list("/recipients/tax_laws"))
        if (mentions_law(cs, law)) return true;
    for (int article : check_data("/recipients/tax_order_articles").get<std::vector<int>>())
        if (cites(cs, "施行令", article)) return true;
    return false;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto recipients = check_list("/recipients/tax"), content = check_list("/recipients/tax_content");
    for_each_flow(graph, [&](const Assessment& a, const FileBlock& f, const Flow& p, bool provision) {
        if (!provision || blank(p.basis) || !a.was_read(flow_item(a, f, p, true, "basis"))) return;
        if (!contains_any(p.recipient, recipients)) return;
        const std::string about = blank(p.purpose) && blank(p.info) ? a.affair : p.purpose + p.info;
        if (!contains_any(p.recipient + about, content)) return;
        if (tax_basis(parse_citations(p.basis), p.basis)) return;
        out.push_back(finding(info, a,
                              {"税務の提供先「" + p.recipient + "」の根拠に番号法第19条第10号・施行令第22条・" +
                                   "地方税法の規定がありません",
                               "tax recipient \"" + p.recipient + "\": the basis cites neither 番号法 第19条第10号, " +
                                   "施行令第22条 nor 地方税法"},
                              {at(a, basis_loc(p), "提供先 / provision", p.basis)}, {"tax-basis:" + p.recipient}));
    });
}
}  // namespace

PIAGRAPH_RULE(L11, kInfo, run)

}  // namespace piagraph::checks
