// piagraph rules: the rule catalogue, like clang-tidy's -list-checks; --explain ID prints a
// rule's documentation (what it checks, why, the form items and law it reads, how to fix it).
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "piagraph/checks.hpp"
#include "piagraph/text.hpp"

namespace piagraph::cli {

namespace {

// "t01", "T01" and "PPC-T01" name the same rule.
const Rule* find_rule(const std::string& id) {
    std::string wanted = id;
    std::transform(wanted.begin(), wanted.end(), wanted.begin(), [](unsigned char c) { return std::toupper(c); });
    for (const auto& r : rules()) {
        const std::string& rid = r->info().id;
        if (rid == wanted || (rid.size() > wanted.size() && text::ends_with(rid, "-" + wanted))) return r.get();
    }
    return nullptr;
}

std::string explain(const RuleInfo& i, Lang lang) {
    const bool ja = lang == Lang::ja;
    std::string out = i.id + "  " + i.title.in(lang) + "\n";
    out += (ja ? "種類: " : "kind: ") + i.kind + (ja ? "　重大度: " : "   severity: ") + severity_name(i.severity) +
           "\n\n";
    out += (ja ? "内容と対処:\n  " : "What it checks, why, how to fix:\n  ") + i.help.in(lang) + "\n";
    if (!i.reads.in(lang).empty())
        out += (ja ? "\n読む項目と法令:\n  " : "\nForm items and law it reads:\n  ") + i.reads.in(lang) + "\n";
    return out;
}

std::string catalogue(Lang lang) {
    std::string out;
    for (const auto& r : rules()) {
        const RuleInfo& i = r->info();
        std::string kind = i.kind;
        kind.resize(std::max<size_t>(kind.size(), 26), ' ');
        std::string severity = severity_name(i.severity);
        severity.resize(8, ' ');
        out += i.id + "  " + kind + " " + severity + " " + i.title.in(lang) + "\n";
    }
    out += std::to_string(rules().size()) + (lang == Lang::ja ? " 規則（piagraph rules --explain ID で説明）\n"
                                                              : " rules (piagraph rules --explain ID)\n");
    return out;
}

}  // namespace

void add_rules_command(CLI::App& app, Context& ctx) {
    auto explain_id = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("rules", "点検規則の一覧（ID・種類・重大度・名前）。--explain ID で規則の説明");
    cmd->add_option("--explain", *explain_id, "この規則の説明を表示する（例: PPC-T01 または T01）");
    cmd->callback([explain_id, &ctx] {
        if (explain_id->empty()) {
            std::cout << catalogue(ctx.lang);
            return;
        }
        const Rule* rule = find_rule(*explain_id);
        if (!rule)
            throw InputError("piagraph rules", 0,
                             {"規則「" + *explain_id + "」はありません（piagraph rules で一覧を表示）",
                              "no rule \"" + *explain_id + "\" (piagraph rules lists them)"});
        std::cout << explain(rule->info(), ctx.lang);
    });
}

}  // namespace piagraph::cli
