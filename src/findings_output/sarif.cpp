// The findings as a SARIF 2.1.0 log, the format code-scanning tools (GitHub, GitLab, IDEs) read.
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "piagraph/findings_output.hpp"

#ifndef PIAGRAPH_VERSION
#error "PIAGRAPH_VERSION comes from CMake (project(piagraph VERSION …))"
#endif

namespace piagraph {

namespace {

using nlohmann::json;

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

// The driver's rules array, and each rule id's index in it (a result's ruleIndex).
json rules_json(Lang lang, std::map<std::string, int>& index) {
    json out = json::array();
    for (const auto& r : rules()) {
        const RuleInfo& i = r->info();
        index[i.id] = static_cast<int>(out.size());
        out.push_back({{"id", i.id},
                       {"name", i.kind},
                       {"shortDescription", {{"text", i.title.in(lang)}}},
                       {"fullDescription", {{"text", i.help.in(lang)}}},
                       {"help", {{"text", i.help.in(lang)}}},
                       {"defaultConfiguration", {{"level", sarif_level(i.severity)}}},
                       {"properties", {{"kind", i.kind}}}});
    }
    return out;
}

json location_json(const Location& l) {
    json phys{{"artifactLocation", {{"uri", to_uri(l.file)}}}};
    if (l.line > 0) {
        phys["region"] = {{"startLine", l.line}};
        if (l.end_line > l.line) phys["region"]["endLine"] = l.end_line;
    }
    json loc{{"physicalLocation", phys}};
    if (!l.note.empty()) loc["message"] = {{"text", l.note}};
    if (l.page > 0) loc["properties"] = {{"page", l.page}};  // lines are of the PDF's text
    return loc;
}

json result_json(const Finding& f, Lang lang, const std::map<std::string, int>& index) {
    json locs = json::array();
    for (const auto& l : f.locations) locs.push_back(location_json(l));
    json r{{"ruleId", f.rule},
           {"level", sarif_level(f.severity)},
           {"message", {{"text", f.message.in(lang)}}},
           {"locations", locs},
           {"partialFingerprints", {{"piagraph/v1", f.fingerprint}}},
           {"properties", {{"kind", f.kind}, {"assessment", f.assessment}}}};
    if (auto it = index.find(f.rule); it != index.end()) r["ruleIndex"] = it->second;
    return r;
}

}  // namespace

std::string findings_sarif(const std::vector<Finding>& findings, Lang lang) {
    std::map<std::string, int> index;
    json driver_rules = rules_json(lang, index);
    json results = json::array();
    for (const auto& f : findings) results.push_back(result_json(f, lang, index));
    json sarif{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", json::array({{{"tool",
                                       {{"driver",
                                         {{"name", "piagraph"},
                                          {"version", PIAGRAPH_VERSION},
                                          {"informationUri", "https://github.com/piagraph/piagraph"},
                                          {"rules", driver_rules}}}}},
                                      {"results", results}}})}};
    return sarif.dump(2) + "\n";
}

}  // namespace piagraph
