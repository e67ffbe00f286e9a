// PPC-T12: a flow described in prose (② system functions, 別添1 steps) with no structured
// counterpart: no ③ connection between the two systems, no 入手元 of the sending party's kind.
#include <set>

#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-T12",
    "undeclared-flow",
    Severity::warning,
    {"記載のない情報の流れ", "flow described in text but not declared"},
    {"システムの機能や別添1の説明文には情報の流れが書かれているのに、③他のシステムとの接続や①入手元に"
     "対応する記載がありません。記載のない流れは接続図やリスク対策の評価から漏れます。"
     "接続・入手元を追加するか、説明文を直してください。",
     "The functions of a system or a 別添1 step describe a flow that has no counterpart in ③ "
     "connections or ① sources, so the linkage map and the risk measures miss it. Declare it, or "
     "correct the text."},
    {"「I-2 システムN ②システムの機能」で連携・送信などと書かれた他のシステム名を「③他のシステムとの"
     "接続」と、「別添1 事務の内容（備考）」の手順で「他市町村から」などと書かれた送り手を「II-3 ①入手元」"
     "と照らします。特定個人情報保護評価指針の審査の観点（事務における特定個人情報の流れの記載）によります。",
     "Other systems named with a flow verb (連携, 送信 …) in I-2 システムN ② 機能, against ③ 他のシステム"
     "との接続; senders written as \"他市町村から\" and the like in the 別添1 (備考) steps, against II-3 ① "
     "入手元. It rests on the review viewpoints of the 特定個人情報保護評価指針 (the flow of the data "
     "described)."}};

// Words that make a mention a flow, and the parties whose sending implies a 入手元 kind; the
// rule's own structural table (source kind by its index in options.source_kinds).
const std::vector<std::string> kFlowVerbs{"連携", "送信", "受信", "受領", "取り込",
                                          "取込", "送付", "配信", "転送", "照会"};
const std::vector<std::pair<std::string, size_t>> kSenders{{"他市町村", 3}, {"他市区町村", 3}, {"他の市町村", 3},
                                                           {"他団体", 3},   {"国税庁", 2},     {"税務署", 2}};
const std::vector<std::string> kFrom{"から", "より"};

// Sentences of a text (split on 。 and line breaks).
std::vector<std::string> sentences(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (const auto& line : text::split_lines(s)) {
        size_t start = 0;
        for (size_t at; (at = line.find("。", start)) != std::string::npos; start = at + 3)
            out.push_back(cur + line.substr(start, at - start)), cur.clear();
        cur += line.substr(start);
        if (!cur.empty()) out.push_back(cur), cur.clear();
    }
    return out;
}

bool declared_between(const System& a, const System& b, const std::string& key_a, const std::string& key_b,
                      const Graph& graph) {
    const std::string k1 = "connects:" + std::min(key_a, key_b) + "|" + std::max(key_a, key_b);
    if (graph.find_edge(k1)) return true;
    // A ③ box that denotes the other system counts as declaring it.
    auto covers = [&](const System& by, const std::string& other_key) {
        const Vertex* v = graph.find(other_key);
        if (!v) return false;
        for (const auto& box : by.connections)
            if (graph.g[*v].boxes.count(box)) return true;
        return false;
    };
    return covers(a, key_b) || covers(b, key_a);
}

void systems_in_functions(const Graph& graph, const RuleInfo& info, const Assessment& a, std::vector<Finding>& out) {
    std::set<std::pair<std::string, std::string>> reported;
    for (const auto& s : a.systems) {
        const std::string key_s = system_key(s.name);
        for (const auto& sentence : sentences(s.functions)) {
            const std::string sk = text::match_key(sentence);
            if (!contains_any(sentence, kFlowVerbs)) continue;
            for (const auto& t : a.systems) {
                const std::string key_t = system_key(t.name);
                if (key_t == key_s) continue;
                const std::string name_t = text::match_key(normalize_system_name(t.name));
                size_t pos = sk.find(name_t);
                if (name_t.empty() || pos == std::string::npos) continue;
                // Not when the mention is part of a longer system name (宛名システム in 統合宛名システム).
                bool inside_longer = false;
                for (const auto& u : a.systems) {
                    const std::string name_u = text::match_key(normalize_system_name(u.name));
                    if (name_u.size() <= name_t.size() || name_u.find(name_t) == std::string::npos) continue;
                    for (size_t p = sk.find(name_u); p != std::string::npos; p = sk.find(name_u, p + 1))
                        if (pos >= p && pos < p + name_u.size()) inside_longer = true;
                }
                if (inside_longer || declared_between(s, t, key_s, key_t, graph)) continue;
                auto pair = std::minmax(key_s, key_t);
                if (!reported.insert(pair).second) continue;
                out.push_back(finding(
                    info, a,
                    {"「" + normalize_system_name(s.name) + "」の②機能に「" + normalize_system_name(t.name) +
                         "」との連携が書かれていますが、どちらの③にも接続の記載がありません",
                     "the functions of \"" + normalize_system_name(s.name) + "\" describe a flow with \"" +
                         normalize_system_name(t.name) + "\" but neither ③ declares the connection"},
                    {at(a, s.loc, "②機能", sentence), at(a, t.loc, "接続先 / other end", t.name)}, {key_s, key_t}));
            }
        }
    }
}

void senders_in_steps(const RuleInfo& info, const Assessment& a, std::vector<Finding>& out) {
    if (a.files.empty()) return;
    std::set<std::string> kinds;
    for (const auto& f : a.files)
        for (const auto& src : f.sources) kinds.insert(text::match_key(src.kind));
    if (kinds.empty()) return;  // sources unknown (lost marks): PPC-C10 reports that
    for (const auto& f : a.files)
        if (!a.was_read(file_item(a, f, "sources"))) return;  // a 入手元 not read may be the one: PPC-X01
    std::set<std::string> reported;
    for (const auto& step : a.attachment1_steps) {
        const std::string sk = text::match_key(step.text);
        for (const auto& [sender, kind_index] : kSenders) {
            const std::string kind = option("source_kinds", kind_index);
            if (kinds.count(text::match_key(kind)) || reported.count(kind)) continue;
            const std::string key = text::match_key(sender);
            for (size_t p = sk.find(key); p != std::string::npos; p = sk.find(key, p + 1)) {
                // "…から" within a few characters after the party: it sends to us.
                std::string after = text::to_utf8(text::to_u32(sk.substr(p + key.size())).substr(0, 4));
                if (!contains_any(after, kFrom)) continue;
                const FileBlock& f = a.files.front();
                out.push_back(finding(
                    info, a,
                    {"別添1" + (step.label.empty() ? std::string() : " " + step.label) + "に「" + sender +
                         "」からの入手が書かれていますが、どのファイルの①入手元にも「" + kind + "」がありません",
                     "別添1 describes data received from " + sender + ", but no file declares the source \"" + kind +
                         "\""},
                    {at(a, step.loc, "別添1", step.text), at(a, field_loc(f.locs, "sources", f.loc), "①入手元")},
                    {"sender:" + a.affair + "/" + kind}));
                reported.insert(kind);
                break;
            }
        }
    }
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    for (const auto& a : graph.assessments) {
        systems_in_functions(graph, info, a, out);
        senders_in_steps(info, a, out);
    }
}
}  // namespace

PIAGRAPH_RULE(T12, kInfo, run)

}  // namespace piagraph::checks
