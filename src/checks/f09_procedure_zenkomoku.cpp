// PPC-F09: 全項目評価書 VI 評価実施手続: 意見の聴取 shorter than 30 days without a stated reason, or
// (地方公共団体) 第三者点検 left empty (指針 第5の3; 特定個人情報保護評価に関する規則第7条第4項).
#include <regex>

#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-F09",
    "procedure-全項目",
    Severity::warning,
    {"全項目評価の手続（意見聴取・第三者点検）の不備", "全項目評価 procedure: public comment or third-party review"},
    {"全項目評価では、国民・住民等から原則30日以上意見を聴取し（指針 第5の3）、地方公共団体等はその後に第三者点検を"
     "受けます（規則第7条第4項）。意見聴取の期間が30日に満たないのに期間を短縮する特段の理由がない、または第三者点検"
     "の欄がすべて空欄です。意見聴取中の案であれば、点検の実施後に記載してください。",
     "A 全項目評価 takes public comment for 30 days or more in principle (指針 第5の3), and a local government "
     "then has it checked by a third party (規則第7条第4項). The comment period is shorter than 30 days "
     "with no reason for shortening it, or every field of 第三者点検 is empty. For a draft still under "
     "public comment, fill them in after the review."},
    {"全項目評価書の「VI 2. 国民・住民等からの意見の聴取」②実施日・期間（日付から数えた日数、両端を含む。書かれた"
     "「N日間」も読みます）と③期間を短縮する特段の理由、「VI 3. 第三者点検」①実施日 ②方法 ③結果を読みます。第三者"
     "点検は評価実施機関名が地方公共団体のもの（辞書 checks/procedure/local_government_words）だけを点検します。"
     "日数の下限も辞書 checks/procedure にあります。",
     "Reads VI 2. 国民・住民等からの意見の聴取 ② 実施日・期間 (the days between its dates, both ends included, "
     "or a written N日間) and ③ 期間を短縮する特段の理由, and VI 3. 第三者点検 ①–③ of a 全項目評価書. "
     "第三者点検 is checked only where the 評価実施機関名 is a local government's (dictionary "
     "checks/procedure/local_government_words); the minimum of days is in checks/procedure too."}};

// Days since 1970-01-01 of an ISO date (the civil calendar).
long days_of(const std::string& iso) {
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// The length in days (both ends included) of a period written as 令和6年12月2日から令和7年1月6日まで,
// 令和7年(2025年)12月1日～令和8年(2026年)1月5日 or 令和7年4月1日から4月30日; else a written
// "（36日間）"; nullopt when neither can be read.
std::optional<long> period_days(const std::string& period) {
    std::string t = text::nfkc(period);
    static const std::regex western_year(R"(\(\s*\d{4}\s*年\s*\))");
    t = std::regex_replace(t, western_year, "");
    for (const char* separator : {"~", "〜", "から", "－", "―"}) {
        const size_t at = t.find(separator);
        if (at == std::string::npos) continue;
        const std::string left = t.substr(0, at), right = t.substr(at + std::string(separator).size());
        const std::string start = parse_japanese_date(left);
        std::string end = parse_japanese_date(right);
        static const std::regex month_day(R"((\d{1,2})月(\d{1,2})日)");
        std::smatch m;
        if (start.size() == 10 && end.empty() && std::regex_search(right, m, month_day)) {
            int year = std::stoi(start.substr(0, 4));
            const int month = std::stoi(m[1].str()), day = std::stoi(m[2].str());
            if (month < std::stoi(start.substr(5, 2))) ++year;
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
            end = buf;
        }
        // Both must name a day: "令和7年" alone parses as the year's first day.
        static const std::regex has_day(R"(\d{1,2}日)");
        if (start.size() == 10 && end.size() == 10 && std::regex_search(left, has_day) &&
            std::regex_search(right, has_day) && end >= start)
            return days_of(end) - days_of(start) + 1;
        break;
    }
    static const std::regex written(R"((\d+)\s*日間)");
    std::smatch m;
    if (std::regex_search(t, m, written)) return std::stol(m[1].str());
    return std::nullopt;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto& forms = Dictionary::get().form_names();
    if (forms.empty()) return;
    const auto& settings = check_data("/procedure");
    const long min_days = settings.is_object() ? settings.value("min_comment_days", 30L) : 30L;
    const auto local_words = check_list("/procedure/local_government_words");
    for (const auto& a : graph.assessments) {
        if (a.form != forms[0]) continue;
        const Procedure& p = a.procedure;
        if (label_found(a, "procedure.comment_period")) {
            const Loc where = field_loc(a.locs, "procedure.comment_period", a.loc);
            const auto days = period_days(p.comment_period);
            if (blank(p.comment_period))
                out.push_back(finding(info, a,
                                      {"国民・住民等からの意見の聴取の実施日・期間が記載されていません",
                                       "the public comment period (意見の聴取 ②実施日・期間) is empty"},
                                      {at(a, where, "意見の聴取 / public comment")},
                                      {business_key(a), "procedure:" + a.affair}));
            else if (days && *days < min_days && blank(p.shortening_reason))
                out.push_back(
                    finding(info, a,
                            {"意見の聴取の期間が" + std::to_string(*days) + "日で" + std::to_string(min_days) +
                                 "日に満たないのに、期間を短縮する特段の理由が記載されていません",
                             "public comment ran for " + std::to_string(*days) + " days, fewer than " +
                                 std::to_string(min_days) + ", and no reason for shortening it is given"},
                            {at(a, where, "意見の聴取 / public comment", p.comment_period)},
                            {business_key(a), "procedure:" + a.affair}));
        }
        if (label_found(a, "procedure.review") && contains_any(a.organization, local_words) && blank(p.review_date) &&
            blank(p.review_method) && blank(p.review_result)) {
            // A draft (公表日 read but empty) is published for comment before its review: information.
            const bool draft = blank(a.published) && label_found(a, "published");
            out.push_back(finding(
                info, a,
                {std::string(
                     "第三者点検（①実施日・②方法・③結果）が記載されていません（地方公共団体の全項目評価書は第三者"
                     "点検が必要です") +
                     (draft ? "。公表日のない案: 点検の実施後に記載してください）" : "）"),
                 std::string("第三者点検 (①–③) is empty; a local government's 全項目評価 needs a third-party review") +
                     (draft ? " (a draft without 公表日: fill it in after the review)" : "")},
                {at(a, field_loc(a.locs, "procedure.review", a.loc), "第三者点検 / review")},
                {business_key(a), "review:" + a.affair}, Severity::info, draft));
        }
    }
}
}  // namespace

PIAGRAPH_RULE(F09, kInfo, run)

}  // namespace piagraph::checks
