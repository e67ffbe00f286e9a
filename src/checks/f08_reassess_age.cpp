// PPC-F08: the assessment (公表日, or its latest 変更日) is more than five years old.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-F08",
    "reassess-age",
    Severity::info,
    {"評価から5年を経過", "assessment older than five years"},
    {"特定個人情報保護評価に関する規則第15条により、評価書の公表から5年を経過する前に評価を再実施するよう"
     "努めます。公表日と変更箇所の最新の変更日のうち遅い方から5年を過ぎています。再評価の予定を確認して"
     "ください（努力義務のため情報）。",
     "Under 規則第15条 a body should re-assess within five years of publication. The later of the 公表日 and "
     "the latest 変更日 is more than five years ago: check when the re-assessment is planned (an effort "
     "duty, so information only)."},
    {"「公表日」と「変更箇所」の変更日を読み、遅い方をチェック実行日（環境変数 PIAGRAPH_TODAY で指定可能）と"
     "比べます。年数は辞書 checks/reassessment。規則第15条によります。",
     "The 公表日 and the 変更箇所 dates, the later of them against the date of the check (PIAGRAPH_TODAY "
     "overrides it). The number of years is in the dictionary (checks/reassessment); 規則第15条."}};

std::string& injected_date() {
    static std::string date;
    return date;
}

// "2020-03-27" plus `years` years (29 February falls back to 28: the anniversary still comes).
std::string years_after(const std::string& date, int years) {
    if (date.size() < 10) return "";
    std::string out = std::to_string(std::stoi(date.substr(0, 4)) + years) + date.substr(4, 6);
    if (out.substr(5) == "02-29") out.replace(8, 2, "28");
    return out;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const int years = check_data("/reassessment/years").is_number() ? check_data("/reassessment/years").get<int>() : 5;
    const std::string today = check_date();
    for (const auto& a : graph.assessments) {
        // Without a read 公表日 the 変更日 alone would make the assessment look older than it is.
        if (blank(a.published) || !a.was_read("published")) continue;
        const std::string date = assessment_date(a), due = years_after(date, years);
        if (due.empty() || due >= today) continue;
        out.push_back(finding(info, a,
                              {"評価書の日付（" + date + "）から" + std::to_string(years) + "年を経過しています（" +
                                   today + "時点）。再評価の時期を確認してください",
                               "the assessment is dated " + date + ", more than " + std::to_string(years) +
                                   " years before " + today + ": check when it is re-assessed"},
                              {at(a, field_loc(a.locs, "published", a.loc), "公表日 / published", a.published)},
                              {business_key(a), "reassess-age:" + a.affair}));
    }
}
}  // namespace

std::string check_date() {
    if (!injected_date().empty()) return injected_date();
    if (const char* env = std::getenv("PIAGRAPH_TODAY"); env && *env) return env;
    const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{days};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

void set_check_date(const std::string& iso_date) { injected_date() = iso_date; }

PIAGRAPH_RULE(F08, kInfo, run)

}  // namespace piagraph::checks
