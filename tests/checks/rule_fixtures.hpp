// What the rule tests share (tests/checks/test_rules*.cpp): a sound assessment built by hand that
// every rule is quiet on, the builders of its systems and flows, the findings of one rule, and
// the example city (examples/midori/) read by extract.
//
// Every registered rule X (PPC-X) has tests named Rules.X_Fires… (it fires on a real input: the
// example city, a fixture or a model built here) and Rules.X_Quiet… (it stays quiet on a close
// case that is fine); test_rule_docs.cpp fails when one is missing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "piagraph/checks.hpp"
#include "piagraph/extract.hpp"
#include "piagraph/graph.hpp"
#include "test_support.hpp"

namespace piagraph::rule_test {

// システムN spanning lines 10N to 10N+3 (its ③ not placed on a line of its own).
inline System sys(int no, const std::string& name, std::vector<std::string> boxes,
                  std::vector<std::string> other = {}) {
    System s = test::make_system(no, name, std::move(boxes), std::move(other), no * 10);
    s.loc = Loc::span(no * 10, no * 10 + 3);
    s.connections_loc = Loc{};
    return s;
}

inline Flow flow(const std::string& recipient, const std::string& basis, std::vector<std::string> methods,
                 int line = 100) {
    Flow f;
    f.recipient = recipient;
    f.basis = basis;
    f.methods = std::move(methods);
    f.loc = Loc::span(line, line + 6);
    return f;
}

// A sound assessment: every rule is quiet on it.
inline Assessment sound() {
    Assessment a;
    a.organization = "テスト市長";
    a.affair = "介護保険に関する事務";
    a.source_file = "t.txt";
    a.published = "令和7年1月10日";
    a.individual_number_basis = "番号法第9条第1項 別表第100項";  // 介護保険 (PPC-L02)
    a.linkage = {"実施する", "番号法第19条第8号に基づく利用特定個人情報の提供に関する命令第2条の表", Loc::at(20)};
    a.systems = {sys(1, "介護保険システム", {"庁内連携システム"}),
                 sys(2, "団体内統合宛名システム", {"庁内連携システム"}, {"中間サーバー"}),
                 sys(3, "中間サーバー", {"情報提供ネットワークシステム", "宛名システム等"}),
                 sys(4, "庁内連携システム", {"宛名システム等"}, {"介護保険システム"})};
    FileBlock f;
    f.names = {"介護保険ファイル"};
    f.sources = {{"本人又は本人の代理人", "", false, Loc::at(60)},
                 {"評価実施機関内の他部署", "市民課", false, Loc::at(60)}};
    f.methods = {"紙", "庁内連携システム"};
    f.provisions = {flow("厚生労働大臣", "番号法第19条第8号", {"情報提供ネットワークシステム"}, 100),
                    flow("国税庁長官", "番号法第19条第10号、同法施行令第22条", {"紙"}, 110)};
    f.transfers = {flow("福祉部障害福祉課", "番号法第9条第1項 別表第68項", {"庁内連携システム"}, 120)};
    Entrustment e;
    e.item = "システム保守";
    e.contractor = "株式会社テスト";
    e.resubcontract = true;
    e.permission_method = "書面による承認";
    e.resubcontract_items = "保守の一部";
    e.resubcontractor = "株式会社テスト保守";
    e.loc = Loc::at(80);
    f.entrustments = {e};
    f.entrust = true;
    f.provides = true;
    f.transfers_flag = true;
    f.declared_counts = {2, 1, 1};
    f.loc = Loc::span(60, 130);
    a.files = {f};
    return a;
}

inline std::vector<Finding> of_rule(const std::vector<Assessment>& as, const std::string& rule) {
    std::vector<Finding> out;
    for (auto& f : run_checks(build_graph(as)))
        if (f.rule == rule) out.push_back(f);
    return out;
}

inline std::vector<Finding> of_rule(const Assessment& a, const std::string& rule) {
    return of_rule(std::vector<Assessment>{a}, rule);
}

// The assessments of examples/midori/<name> as extract reads them (read once per test binary).
inline const std::vector<Assessment>& midori(const std::string& name) {
    static std::map<std::string, std::vector<Assessment>> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        const auto path = test::source_dir() / "examples" / "midori" / name;
        it = cache.emplace(name, extract_file(path.string()).assessments).first;
    }
    return it->second;
}

// The example city's documents, merged as `piagraph check examples/midori/` merges them.
inline std::vector<Assessment> midori_all(const std::vector<std::string>& names) {
    std::vector<Assessment> all;
    for (const auto& n : names)
        for (const auto& a : midori(n)) all.push_back(a);
    return all;
}

// Whether some finding's Japanese message contains the text.
inline bool mentions(const std::vector<Finding>& findings, const std::string& text) {
    for (const auto& f : findings)
        if (f.message.ja.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace piagraph::rule_test
