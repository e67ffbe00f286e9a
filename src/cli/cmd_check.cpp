// piagraph check: builds one graph from all inputs, runs the rules, prints text, JSON or SARIF,
// applies a baseline of accepted findings, and sets the exit code for CI.
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>
#include <set>

#include "commands.hpp"
#include "piagraph/checks.hpp"
#include "piagraph/graph.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/io.hpp"
#include "piagraph/pipeline.hpp"

namespace piagraph::cli {

namespace {

using nlohmann::json;

struct CheckOptions {
    std::vector<std::string> inputs;
    std::string format = "text";
    std::string output;
    std::string baseline;
    std::string write_baseline;
    std::string fail_on = "error";
};

Severity severity_from(const std::string& s) {
    if (s == "info") return Severity::info;
    if (s == "warning") return Severity::warning;
    return Severity::error;
}

struct BaselineEntry {
    std::string fingerprint, rule, reason, accepted_by, accepted_at;
};

std::vector<BaselineEntry> read_baseline(const std::string& path) {
    IngestOptions options;
    std::string bytes = read_file_bytes(path, options.max_bytes);
    json j;
    try {
        j = json::parse(bytes);
    } catch (const json::parse_error& e) {
        throw InputError(path, 0,
                         {std::string("ベースラインの JSON が読めません: ") + e.what(),
                          std::string("cannot parse the baseline JSON: ") + e.what()});
    }
    const json* list = j.is_array() ? &j : (j.is_object() && j.contains("accepted") ? &j["accepted"] : nullptr);
    if (!list || !list->is_array())
        throw InputError(
            path, 0, {"ベースラインには \"accepted\" の配列が必要です", "the baseline needs an \"accepted\" array"});
    std::vector<BaselineEntry> out;
    for (const auto& e : *list) {
        if (!e.is_object() || !e.contains("fingerprint") || !e["fingerprint"].is_string())
            throw InputError(path, 0,
                             {"ベースラインの各項目には文字列の fingerprint が必要です",
                              "every baseline entry needs a string \"fingerprint\""});
        auto str = [&](const char* k) { return e.contains(k) && e[k].is_string() ? e[k].get<std::string>() : ""; };
        out.push_back({str("fingerprint"), str("rule"), str("reason"), str("accepted_by"), str("accepted_at")});
    }
    return out;
}

std::string today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string baseline_json(const std::vector<Finding>& findings, const std::vector<BaselineEntry>& previous) {
    std::map<std::string, BaselineEntry> kept;
    for (const auto& e : previous) kept[e.fingerprint] = e;
    const char* user = std::getenv("USER");
    json list = json::array();
    std::set<std::string> seen;
    for (const auto& f : findings) {
        if (!seen.insert(f.fingerprint).second) continue;
        BaselineEntry e{f.fingerprint, f.rule, "", user ? user : "", today()};
        if (auto it = kept.find(f.fingerprint); it != kept.end()) e = it->second, e.rule = f.rule;
        list.push_back({{"fingerprint", e.fingerprint},
                        {"rule", e.rule},
                        {"reason", e.reason},
                        {"accepted_by", e.accepted_by},
                        {"accepted_at", e.accepted_at},
                        {"message", f.message.ja}});
    }
    return json{{"accepted", list}}.dump(2) + "\n";
}

// A URI reference for a file path: unreserved bytes and '/' kept, the rest percent-encoded.
std::string to_uri(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else
            out += '%', out += hex[c >> 4], out += hex[c & 15];
    }
    return out;
}

json finding_json(const Finding& f, Lang lang) {
    json locs = json::array();
    for (const auto& l : f.locations) {
        json o{{"file", l.file}, {"line", l.line}};
        if (l.end_line && l.end_line != l.line) o["end_line"] = l.end_line;
        if (l.page > 0) o["page"] = l.page;
        if (!l.note.empty()) o["note"] = l.note;
        locs.push_back(o);
    }
    return {{"rule", f.rule},
            {"kind", f.kind},
            {"severity", severity_name(f.severity)},
            {"message", f.message.in(lang)},
            {"message_ja", f.message.ja},
            {"message_en", f.message.en},
            {"assessment", f.assessment},
            {"locations", locs},
            {"subjects", f.subjects},
            {"about", f.about},
            {"fingerprint", f.fingerprint}};
}

std::string sarif_level(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "note";
    }
    return "warning";
}

std::string render_sarif(const std::vector<Finding>& findings, Lang lang) {
    json rules_json = json::array();
    std::map<std::string, int> index;
    for (const auto& r : rules()) {
        const RuleInfo& i = r->info();
        index[i.id] = static_cast<int>(rules_json.size());
        rules_json.push_back({{"id", i.id},
                              {"name", i.kind},
                              {"shortDescription", {{"text", i.title.in(lang)}}},
                              {"fullDescription", {{"text", i.help.in(lang)}}},
                              {"help", {{"text", i.help.in(lang)}}},
                              {"defaultConfiguration", {{"level", sarif_level(i.severity)}}},
                              {"properties", {{"kind", i.kind}}}});
    }
    json results = json::array();
    for (const auto& f : findings) {
        json locs = json::array();
        for (const auto& l : f.locations) {
            json phys{{"artifactLocation", {{"uri", to_uri(l.file)}}}};
            if (l.line > 0) {
                phys["region"] = {{"startLine", l.line}};
                if (l.end_line > l.line) phys["region"]["endLine"] = l.end_line;
            }
            json loc{{"physicalLocation", phys}};
            if (!l.note.empty()) loc["message"] = {{"text", l.note}};
            if (l.page > 0) loc["properties"] = {{"page", l.page}};  // lines are of the PDF's text
            locs.push_back(loc);
        }
        json r{{"ruleId", f.rule},
               {"level", sarif_level(f.severity)},
               {"message", {{"text", f.message.in(lang)}}},
               {"locations", locs},
               {"partialFingerprints", {{"piagraph/v1", f.fingerprint}}},
               {"properties", {{"kind", f.kind}, {"assessment", f.assessment}}}};
        if (auto it = index.find(f.rule); it != index.end()) r["ruleIndex"] = it->second;
        results.push_back(r);
    }
    json sarif{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", json::array({{{"tool",
                                       {{"driver",
                                         {{"name", "piagraph"},
                                          {"version", "0.1.0"},
                                          {"informationUri", "https://github.com/piagraph/piagraph"},
                                          {"rules", rules_json}}}}},
                                      {"results", results}}})}};
    return sarif.dump(2) + "\n";
}

// "file:line", with the PDF page when there is one ("評価書.pdf:60 (p.2)").
std::string place(const Location& l) {
    return l.file + (l.line > 0 ? ":" + std::to_string(l.line) : "") +
           (l.page > 0 ? " (p." + std::to_string(l.page) + ")" : "");
}

std::string render_text(const std::vector<Finding>& findings, const std::vector<BaselineEntry>& stale,
                        size_t suppressed, Lang lang) {
    std::string out;
    const bool ja = lang == Lang::ja;
    std::map<Severity, int> count;
    for (const auto& f : findings) {
        ++count[f.severity];
        const Location* first = f.locations.empty() ? nullptr : &f.locations.front();
        std::string where = first ? place(*first) : "";
        out += where + (where.empty() ? "" : ": ") + severity_name(f.severity) + " [" + f.rule + " " + f.kind + "] " +
               f.message.in(lang) + "\n";
        for (size_t i = 1; i < f.locations.size(); ++i) {
            const auto& l = f.locations[i];
            out += "    " + place(l) + (l.note.empty() ? "" : "  (" + l.note + ")") + "\n";
        }
    }
    for (const auto& e : stale)
        out += (ja ? "ベースラインの項目に該当する指摘がありません（削除できます）: "
                   : "stale baseline entry (no such finding any more): ") +
               e.fingerprint + " " + e.rule + (e.reason.empty() ? "" : " — " + e.reason) + "\n";
    const std::string n = std::to_string(findings.size());
    if (ja)
        out += n + " 件の指摘（エラー " + std::to_string(count[Severity::error]) + "、警告 " +
               std::to_string(count[Severity::warning]) + "、情報 " + std::to_string(count[Severity::info]) + "）" +
               (suppressed ? "、ベースラインで " + std::to_string(suppressed) + " 件を除外" : "") + "\n";
    else
        out += n + " finding(s) (" + std::to_string(count[Severity::error]) + " error, " +
               std::to_string(count[Severity::warning]) + " warning, " + std::to_string(count[Severity::info]) +
               " info)" + (suppressed ? ", " + std::to_string(suppressed) + " suppressed by the baseline" : "") + "\n";
    return out;
}

void run_check(const CheckOptions& o, Context& ctx) {
    const Analysis analysis = analyse(o.inputs);
    print_warnings(ctx, analysis.inputs.warnings);
    const std::vector<Finding>& all = analysis.findings;

    std::vector<BaselineEntry> baseline;
    if (!o.baseline.empty()) baseline = read_baseline(o.baseline);
    std::set<std::string> accepted;
    for (const auto& e : baseline) accepted.insert(e.fingerprint);
    std::vector<Finding> shown;
    std::set<std::string> matched;
    for (const auto& f : all) {
        if (accepted.count(f.fingerprint)) {
            matched.insert(f.fingerprint);
            continue;
        }
        shown.push_back(f);
    }
    std::vector<BaselineEntry> stale;
    for (const auto& e : baseline)
        if (!matched.count(e.fingerprint)) stale.push_back(e);
    const size_t suppressed = all.size() - shown.size();

    std::string rendered;
    if (o.format == "json") {
        json list = json::array();
        for (const auto& f : shown) list.push_back(finding_json(f, ctx.lang));
        json stale_json = json::array();
        for (const auto& e : stale)
            stale_json.push_back({{"fingerprint", e.fingerprint}, {"rule", e.rule}, {"reason", e.reason}});
        rendered = json{{"findings", list}, {"suppressed", suppressed}, {"stale_baseline", stale_json}}.dump(2) + "\n";
    } else if (o.format == "sarif") {
        rendered = render_sarif(shown, ctx.lang);
    } else {
        rendered = render_text(shown, stale, suppressed, ctx.lang);
    }
    if (!o.write_baseline.empty()) write_file_atomic(o.write_baseline, baseline_json(all, baseline));
    if (o.output.empty())
        std::cout << rendered;
    else
        write_file_atomic(o.output, rendered);

    const Severity threshold = severity_from(o.fail_on);
    bool failing = std::any_of(shown.begin(), shown.end(), [&](const Finding& f) { return f.severity >= threshold; });
    ctx.exit_code = failing ? 1 : 0;
}

}  // namespace

void add_check_command(CLI::App& app, Context& ctx) {
    auto options = std::make_shared<CheckOptions>();
    auto* cmd = app.add_subcommand(
        "check", "評価書のグラフを点検し、指摘を表示する（終了コード: 0 指摘なし、1 指摘あり、2 入力エラー）");
    cmd->add_option("INPUT", options->inputs, "評価書の PDF・テキスト、JSON モデル、またはそれらのディレクトリ")
        ->required();
    cmd->add_option("--format", options->format, "出力形式 text|json|sarif（既定 text）")
        ->check(CLI::IsMember({"text", "json", "sarif"}));
    cmd->add_option("-o,--output", options->output, "出力ファイル（省略時は標準出力）");
    cmd->add_option("--baseline", options->baseline, "受け入れ済みの指摘の一覧（JSON）。該当する指摘を除外する");
    cmd->add_option("--write-baseline", options->write_baseline, "今回の指摘をベースラインとして書き出す");
    cmd->add_option("--fail-on", options->fail_on,
                    "この重大度以上の指摘があれば終了コード 1（info|warning|error、既定 error）")
        ->check(CLI::IsMember({"info", "warning", "error"}));
    cmd->callback([options, &ctx] { run_check(*options, ctx); });
}

}  // namespace piagraph::cli
