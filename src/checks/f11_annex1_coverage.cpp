// PPC-F11: a 全項目 別添1 with no (備考) step, or a 入手元, 提供先, 移転先 or 委託事項 that no step mentions.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-F11",
    "annex1-coverage",
    Severity::warning,
    {"別添1 事務の内容に情報の流れが書かれていない", "別添1 does not describe a flow"},
    {"全項目評価書の別添1 事務の内容は、事務における特定個人情報の流れを具体的に記載するものです（審査の観点(8)）。"
     "（備考）に手順がない、または II の入手元・提供先・移転先・委託事項のうち、どの手順にも現れないものが"
     "あります。図と（備考）にその流れを加えてください。",
     "The 別添1 事務の内容 of a 全項目評価書 describes the flow of 特定個人情報 in the affair (審査の観点 (8)). "
     "Its (備考) has no step, or a 入手元, 提供先, 移転先 or 委託事項 of II appears in no step. Add the flow to "
     "the diagram and its (備考)."},
    {"全項目評価書の「別添1 事務の内容（備考）」の手順と、各ファイルの「II-3 ①入手元」（区分と（ ）内の名称）、"
     "「II-5 提供先N・移転先N」の名称、「II-4 委託事項N」の委託先名を読みます。名称の一部（区切りで分けた名称、"
     "末尾の長・大臣・知事を除いた名称、局・部を除いた課の名称、「…に掲げる」の後の名称）、名称の別名（都道府県なら"
     "県税事務所や住基ネット、機構なら市町村CS など）、入手元の区分の語、移転先ならどの手順も移転先を名指し"
     "しないときの他業務システム・他部署などの総称、情報提供ネットワークシステムによる提供ならその語、委託なら"
     "「委託」の語が手順にあれば記載ありとみなします（語は辞書 checks/annex1）。別紙を参照する提供先・移転先は"
     "判断しません。別添1 の見出しが読めたときだけ手順がないと判断します。",
     "The 別添1 (備考) steps of a 全項目評価書, each file's II-3 ① 入手元 (category and the names in （ ）), the names "
     "of II-5 提供先N/移転先N and the contractors of II-4 委託事項N. A part of a name (split at separators, without "
     "a trailing 長/大臣/知事, a section without its 局/部, what follows …に掲げる), an alias of the party (a "
     "県税事務所 or 住基ネット for a 都道府県, 市町村CS for 機構), a word of the 入手元 category, a generic word for "
     "a 移転先 (他業務システム, 他部署) when no step names a 移転先, an NWS word for a provision through "
     "情報提供ネットワークシステム, or the word 委託 for an entrustment, found in a step, counts as a mention "
     "(words in the dictionary, checks/annex1). 提供先/移転先 that refer to a 別紙 are not judged. Missing steps "
     "are reported only when the 別添1 heading was read."}};

struct Words {
    std::vector<std::string> separators, roles, levels, nws, entrust, companies, cuts, transfer;
    std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> aliases;  // party words, step words
    size_t min_chars = 2;
};

std::vector<std::string> keys_of(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const auto& w : words) out.push_back(text::match_key(w));
    return out;
}

// The parts of a name that a step may use for it (match keys), and the step words of the
// parties it names (都道府県 -> 県税事務所, 市町村CS …).
std::vector<std::string> parts_of(const std::string& name, const Words& w) {
    std::string k = text::match_key(name);
    for (const auto& sep : w.separators) {
        const std::string s = text::match_key(sep);
        for (size_t at = k.find(s); !s.empty() && at != std::string::npos; at = k.find(s, at + 1))
            k.replace(at, s.size(), "\n");
    }
    std::vector<std::string> out;
    auto add = [&](const std::string& p) {
        if (text::length(p) >= w.min_chars) out.push_back(p);
    };
    for (std::string p : text::split_lines(k)) {
        if (const size_t open = p.find('('); open != std::string::npos && open > 0) p = p.substr(0, open);
        for (const auto& c : w.companies) {
            const std::string m = text::match_key(c);
            for (size_t at = p.find(m); !m.empty() && at != std::string::npos; at = p.find(m)) p.erase(at, m.size());
        }
        add(p);
        for (const auto& c : w.cuts) {  // …に掲げる情報照会者: the party is what follows
            const std::string m = text::match_key(c);
            const size_t at = p.rfind(m);
            if (at != std::string::npos && at + m.size() < p.size()) add(p.substr(at + m.size()));
        }
        for (const auto& r : w.roles) {
            const std::string m = text::match_key(r);
            if (text::ends_with(p, m)) {
                add(p.substr(0, p.size() - m.size()));
                break;
            }
        }
        for (const auto& l : w.levels) {
            const std::string m = text::match_key(l);
            const size_t at = p.rfind(m);
            if (at != std::string::npos && at + m.size() < p.size()) add(p.substr(at + m.size()));
        }
    }
    for (const auto& [party, step_words] : w.aliases)
        if (contains_any(name, party))
            for (const auto& k : keys_of(step_words)) out.push_back(k);
    return out;
}

bool mentioned(const std::string& steps, const std::vector<std::string>& keys) {
    return std::any_of(keys.begin(), keys.end(),
                       [&steps](const std::string& k) { return !k.empty() && steps.find(k) != std::string::npos; });
}

// The words the rule looks for, from the checks' data (/annex1).
Words words_of(const nlohmann::json& data) {
    Words w;
    w.separators = check_list("/annex1/separators");
    w.roles = check_list("/annex1/role_suffixes");
    w.levels = check_list("/department/levels");
    w.nws = check_list("/annex1/nws_words");
    w.entrust = check_list("/annex1/entrust_words");
    w.companies = check_list("/annex1/company_markers");
    w.cuts = check_list("/annex1/phrase_cuts");
    w.min_chars = data.value("min_chars", size_t{2});
    w.transfer = check_list("/annex1/transfer_words");
    for (const auto& entry : data.value("party_aliases", nlohmann::json::array()))
        w.aliases.emplace_back(entry.value("party", std::vector<std::string>{}),
                               entry.value("aliases", std::vector<std::string>{}));
    return w;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto& forms = Dictionary::get().form_names();
    if (forms.empty()) return;
    const auto& data = check_data("/annex1");
    if (!data.is_object()) return;
    const Words w = words_of(data);
    const auto& source_words = data.value("source_words", nlohmann::json::object());
    const std::string nws_method = option("provision_methods", 0);
    for (const auto& a : graph.assessments) {
        if (a.form != forms[0]) continue;
        if (a.attachment1_steps.empty()) {
            if (!label_found(a, "attachment1")) continue;  // no heading read: nothing to say (PPC-X01's)
            out.push_back(finding(
                info, a, {"別添1 事務の内容に（備考）の手順がありません", "the 別添1 事務の内容 has no (備考) step"},
                {at(a, a.coverage.at("attachment1").loc, "別添1 / annex 1")},
                {business_key(a), "annex1-steps:" + a.affair}));
            continue;
        }
        std::string steps;
        for (const auto& s : a.attachment1_steps) steps += text::match_key(s.text) + "\n";
        const Loc first_step = a.attachment1_steps.front().loc;
        auto report = [&](const std::string& what_ja, const std::string& what_en, const Loc& loc,
                          const std::string& quote, const std::string& subject) {
            out.push_back(finding(info, a,
                                  {what_ja + "が別添1（備考）のどの手順にも書かれていません",
                                   what_en + " appears in no 別添1 (備考) step"},
                                  {at(a, loc, "II / file", quote), at(a, first_step, "別添1（備考）")},
                                  {business_key(a), "annex1:" + a.affair + "/" + subject}));
        };
        std::set<std::string> done;  // one finding per party of the assessment
        // A generic step (他業務システムへ…) stands for the 移転先 only when no step names one of them.
        bool transfer_named = false;
        for (const auto& f : a.files)
            for (const auto& t : f.transfers)
                if (!empty_flow(t) && !refers_to_annex(t) && mentioned(steps, parts_of(t.recipient, w)))
                    transfer_named = true;
        const bool generic_transfers = !transfer_named && mentioned(steps, keys_of(w.transfer));
        for (const auto& f : a.files) {
            if (a.was_read(file_item(a, f, "sources")))
                for (const auto& src : f.sources) {
                    if (!done.insert("source:" + src.kind).second) continue;
                    auto keys = keys_of(source_words.value(src.kind, std::vector<std::string>{}));
                    for (const auto& p : parts_of(src.detail, w)) keys.push_back(p);
                    if (keys.empty() || mentioned(steps, keys)) continue;  // その他 without a name: not judged
                    report("入手元「" + src.kind + (blank(src.detail) ? "" : "（" + src.detail + "）") + "」",
                           "the 入手元 \"" + src.kind + "\"", src.loc.known() ? src.loc : f.loc, src.detail,
                           "source/" + src.kind);
                }
            for (int provision = 1; provision >= 0; --provision)
                for (const auto& fl : provision ? f.provisions : f.transfers) {
                    if (empty_flow(fl) || blank(fl.recipient) || refers_to_annex(fl)) continue;
                    if (!done.insert(std::string(provision ? "p:" : "t:") + fl.recipient).second) continue;
                    if (mentioned(steps, parts_of(fl.recipient, w))) continue;
                    if (provision && has_label(fl.methods, nws_method) && mentioned(steps, keys_of(w.nws))) continue;
                    if (!provision && generic_transfers) continue;
                    const std::string word = flow_word(provision, Lang::ja);
                    report(word + "「" + fl.recipient + "」",
                           flow_word(provision, Lang::en) + " \"" + fl.recipient + "\"", fl.loc, fl.recipient,
                           word + "/" + fl.recipient);
                }
            if (!f.entrustments.empty() && !mentioned(steps, keys_of(w.entrust)))
                for (const auto& e : f.entrustments) {
                    if (blank(e.item) && blank(e.contractor)) continue;
                    if (!done.insert("e:" + e.item + "/" + e.contractor).second) continue;
                    if (mentioned(steps, parts_of(e.contractor, w))) continue;
                    report("委託事項「" + e.item + "」", "the 委託事項 \"" + e.item + "\"", e.loc, e.item,
                           "entrust/" + e.item);
                }
        }
    }
}
}  // namespace

PIAGRAPH_RULE(F11, kInfo, run)

}  // namespace piagraph::checks
