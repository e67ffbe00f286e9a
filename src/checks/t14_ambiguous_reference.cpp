// PPC-T14: an ambiguous short name (機構, 中間サーバー等, 住基システム) used without a definition.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T14",
    "ambiguous-reference",
    Severity::info,
    {"複数の意味をもつ略称が定義なしで使われている", "ambiguous short name without a definition"},
    {"「機構」（地方公共団体情報システム機構か地方税共同機構か日本年金機構か）、「中間サーバー等」（自治体の中間"
     "サーバーか医療保険者等向け中間サーバー等か）、「住基システム」（既存住基か住基ネットか）は、評価書の中で"
     "「（以下「機構」という。）」のように定義しないと、どれを指すか読み手に分かりません。初出で正式名称と"
     "定義を記載してください。",
     "機構 (J-LIS, 地方税共同機構 or 日本年金機構), 中間サーバー等 (the municipal 中間サーバー or the "
     "医療保険者等向け中間サーバー等) and 住基システム (既存住基 or 住基ネット) are ambiguous unless the "
     "document defines them (（以下「機構」という。）). Give the full name and the definition at first use."},
    {"提供先・移転先の名称と②用途・③提供する情報、入手元の（ ）、システムの名称・②機能・③その他、委託内容・"
     "委託先名、保管場所、別添1の（備考）を読み、本文に「以下「…」」の定義があるかを見ます。略称と正式名称は辞書 "
     "checks/ambiguous_names。別名の解決（REFERENCE §4.3）によります。",
     "The names, ② 用途 and ③ 提供する情報 of 提供先/移転先, the （ ） of 入手元, system names, ② functions "
     "and ③ その他, 委託 items and contractors, 保管場所 and the 別添1 (備考), and whether the text defines "
     "the name (以下「…」). Short and full names are in the dictionary (checks/ambiguous_names); alias "
     "resolution, REFERENCE §4.3."}};

struct Field {
    std::string text;
    Loc loc;
};

std::vector<Field> named_fields(const Assessment& a) {
    std::vector<Field> out;
    for (const auto& s : a.systems) out.push_back({s.name + "、" + s.functions + "、" + join(s.other, "、"), s.loc});
    for (const auto& f : a.files) {
        for (const auto& src : f.sources) out.push_back({src.detail, src.loc.known() ? src.loc : f.loc});
        for (const auto* list : {&f.provisions, &f.transfers})
            for (const auto& p : *list) out.push_back({p.recipient + "、" + p.purpose + "、" + p.info, p.loc});
        for (const auto& e : f.entrustments) out.push_back({e.item + "、" + e.contractor, e.loc});
        out.push_back({f.storage, field_loc(f.locs, "storage", f.loc)});
    }
    for (const auto& st : a.attachment1_steps) out.push_back({st.text, st.loc});
    return out;
}

bool name_char(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x30A0 && c <= 0x30FF) ||
           c == 0x3005 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Whether the short name stands alone in the text: not inside a full name, not the tail of a
// longer name (日本年金機構: 金 before 機構).
bool stands_alone(const std::string& text, const std::string& shortname, const std::vector<std::string>& full) {
    std::string key = text::match_key(text);
    for (const auto& f : full)
        for (size_t at; !f.empty() && (at = key.find(text::match_key(f))) != std::string::npos;)
            key.replace(at, text::match_key(f).size(), "|");
    const std::u32string k = text::to_u32(key), s = text::to_u32(text::match_key(shortname));
    for (size_t at = k.find(s); !s.empty() && at != std::u32string::npos; at = k.find(s, at + 1))
        if (at == 0 || !name_char(k[at - 1])) return true;
    return false;
}

bool defined_in(const Graph& graph, const Assessment& a, const std::string& shortname) {
    std::vector<std::string> defs;
    for (const auto& m : check_list("/ambiguous_names/definition_markers")) defs.push_back(m + shortname + "」");
    if (const auto* lines = source_text_lines(graph, a.source_file))
        return std::any_of(lines->begin(), lines->end(), [&](const std::string& l) { return contains_any(l, defs); });
    const auto fields = named_fields(a);
    return std::any_of(fields.begin(), fields.end(), [&](const Field& f) { return contains_any(f.text, defs); });
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments) {
        const auto fields = named_fields(a);
        for (const auto& term : check_data("/ambiguous_names/terms")) {
            const std::string shortname = term.value("short", ""), meanings = term.value("meanings", "");
            const auto full = term.value("full", std::vector<std::string>{});
            auto hit = std::find_if(fields.begin(), fields.end(),
                                    [&](const Field& f) { return stands_alone(f.text, shortname, full); });
            if (hit == fields.end() || defined_in(graph, a, shortname)) continue;
            out.push_back(finding(info, a,
                                  {"「" + shortname + "」が定義なしで使われています（" + meanings + "のどれか不明）",
                                   "\"" + shortname + "\" is used without a definition (" + meanings + ")"},
                                  {at(a, hit->loc, "略称 / short name", shortname)},
                                  {"ambiguous:" + a.affair + "/" + shortname}));
        }
    }
}
}  // namespace

PIAGRAPH_RULE(T14, kInfo, run)

}  // namespace piagraph::checks
