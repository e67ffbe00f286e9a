// The baseline of accepted findings: reading it, writing it, and filtering findings through it.
#include <cstdlib>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "piagraph/findings_output.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/io.hpp"

namespace piagraph {

using nlohmann::json;

std::vector<BaselineEntry> parse_baseline(const std::string& json_text, const std::string& path) {
    check_json_depth(json_text, path);
    json j;
    try {
        j = json::parse(json_text);
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

std::vector<BaselineEntry> read_baseline(const std::string& path) {
    // A baseline is read under the same size limit as an assessment.
    return parse_baseline(read_file_bytes(path, IngestOptions{}.max_bytes), path);
}

BaselineStamp baseline_stamp_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
    const char* user = std::getenv("USER");
    return {user ? user : "", date};
}

std::string baseline_json(const std::vector<Finding>& findings, const std::vector<BaselineEntry>& previous,
                          const BaselineStamp& stamp) {
    std::map<std::string, BaselineEntry> kept;
    for (const auto& e : previous) kept[e.fingerprint] = e;
    json list = json::array();
    std::set<std::string> seen;
    for (const auto& f : findings) {
        if (!seen.insert(f.fingerprint).second) continue;
        BaselineEntry e{f.fingerprint, f.rule, "", stamp.accepted_by, stamp.accepted_at};
        // The rule id follows the finding, so a renamed rule does not leave a stale id behind.
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

BaselinedFindings apply_baseline(const std::vector<Finding>& findings, const std::vector<BaselineEntry>& baseline) {
    std::set<std::string> accepted;
    for (const auto& e : baseline) accepted.insert(e.fingerprint);
    BaselinedFindings out;
    std::set<std::string> matched;
    for (const auto& f : findings) {
        if (accepted.count(f.fingerprint)) {
            matched.insert(f.fingerprint);
            continue;
        }
        out.shown.push_back(f);
    }
    for (const auto& e : baseline)
        if (!matched.count(e.fingerprint)) out.stale.push_back(e);
    out.suppressed = findings.size() - out.shown.size();
    return out;
}

}  // namespace piagraph
