// OUT/index.html: one page over the national index — counts of findings by rule and by
// organisation (each linking its report), the documents that failed; every table sortable by a
// small inline script. All text from documents is escaped with the report's html_escape.
#include <map>
#include <sstream>

#include "index.hpp"
#include "piagraph/checks.hpp"
#include "piagraph/report.hpp"

namespace piagraph::batch {

namespace {

const char* const kStyle = R"CSS(
body{font-family:"Noto Sans CJK JP","Hiragino Sans",sans-serif;margin:1.5rem;color:#222;line-height:1.5}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}
th{background:#f0f0f0;cursor:pointer;user-select:none}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
.meta{color:#555}.none{color:#888}
)CSS";

// Click a header to sort its table by that column (numbers as numbers); again to reverse.
const char* const kScript = R"JS(
(function () {
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, col) {
      th.tabIndex = 0;
      function sort() {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var numeric = th.classList.contains('n');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-v') || a.cells[col].textContent;
          var y = b.cells[col].getAttribute('data-v') || b.cells[col].textContent;
          var r = numeric ? (Number(x) - Number(y)) : x.localeCompare(y, 'ja');
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sort(); });
    });
  });
})();
)JS";

// A path as a URL path: every byte but the unreserved ones and "/" percent-encoded.
std::string url_path(const std::string& path) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string esc(const std::string& s) { return html_escape(s); }

}  // namespace

void write_index_html(Database& db, const std::string& path) {
    const BatchSummary total = summary_of(db);
    std::map<std::string, const RuleInfo*> rule_info;
    for (const auto& r : rules()) rule_info[r->info().id] = &r->info();

    AtomicFile file(path);
    auto& os = file.out();
    os << "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       << "<title>特定個人情報保護評価書 一括点検 索引</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    os << "<h1>特定個人情報保護評価書 一括点検 索引</h1>\n<p class=\"meta\">団体 " << total.organisations << "、文書 "
       << total.documents << "（読み取れなかったもの " << total.failed_documents << "）、評価書 " << total.assessments
       << " 件、点検結果 " << total.findings
       << " 件。索引データベース: <a href=\"index.sqlite\">index.sqlite</a>、点検結果の一覧: <a "
          "href=\"findings.jsonl\">findings.jsonl</a></p>\n";

    os << "<h2 id=\"by-rule\">規則ごとの点検結果</h2>\n<table class=\"sortable\" id=\"rules\"><thead><tr>"
       << "<th>規則</th><th>種類</th><th>重大度</th><th>内容</th><th class=\"n\">件数</th><th class=\"n\">団体数</th>"
       << "</tr></thead><tbody>\n";
    {
        Statement st(db,
                     "SELECT rule, kind, severity, count(*), count(DISTINCT org) FROM findings GROUP BY rule, kind, "
                     "severity ORDER BY count(*) DESC, rule");
        while (st.step()) {
            const std::string rule = st.text(0);
            auto it = rule_info.find(rule);
            const std::string title = it == rule_info.end() ? "" : it->second->title.ja;
            os << "<tr><td>" << esc(rule) << "</td><td>" << esc(st.text(1)) << "</td><td>" << esc(st.text(2))
               << "</td><td>" << esc(title) << "</td><td class=\"n\">" << st.integer(3) << "</td><td class=\"n\">"
               << st.integer(4) << "</td></tr>\n";
        }
    }
    os << "</tbody></table>\n";

    os << "<h2 id=\"by-organisation\">団体ごとの点検結果</h2>\n<table class=\"sortable\" "
          "id=\"organisations\"><thead><tr>"
       << "<th>フォルダ</th><th>評価実施機関</th><th class=\"n\">文書</th><th class=\"n\">評価書</th>"
       << "<th class=\"n\">点検結果</th><th class=\"n\">読み取れなかった文書</th><th>規則ごとの件数</th>"
       << "</tr></thead><tbody>\n";
    {
        Statement st(db,
                     "SELECT o.org, o.name, o.documents, o.assessments, o.findings, o.failed_documents, o.report, "
                     "(SELECT group_concat(rule || ' ' || n, '、') FROM (SELECT rule, count(*) AS n FROM findings f "
                     "WHERE f.org = o.org GROUP BY rule ORDER BY rule)) FROM organisations o ORDER BY o.org");
        while (st.step()) {
            const std::string org = st.text(0);
            os << "<tr><td>";
            if (st.is_null(6))
                os << esc(org);
            else
                os << "<a href=\"" << esc(url_path(st.text(6))) << "\">" << esc(org) << "</a>";
            const std::string name = st.text(1);
            os << "</td><td>" << (name.empty() ? "<span class=\"none\">（記載なし）</span>" : esc(name))
               << "</td><td class=\"n\">" << st.integer(2) << "</td><td class=\"n\">" << st.integer(3)
               << "</td><td class=\"n\">" << st.integer(4) << "</td><td class=\"n\">" << st.integer(5) << "</td><td>"
               << esc(st.text(7)) << "</td></tr>\n";
        }
    }
    os << "</tbody></table>\n";

    os << "<h2 id=\"failures\">読み取れなかった文書</h2>\n";
    if (total.failures.empty()) {
        os << "<p>ありません。</p>\n";
    } else {
        os << "<table class=\"sortable\" id=\"failure-list\"><thead><tr><th>フォルダ</th><th>文書</th>"
           << "<th>理由</th></tr></thead><tbody>\n";
        for (const auto& f : total.failures)
            os << "<tr><td>" << esc(f.organisation) << "</td><td>" << esc(f.file) << "</td><td>" << esc(f.error.ja)
               << "</td></tr>\n";
        os << "</tbody></table>\n";
    }
    os << "<script>" << kScript << "</script>\n</body>\n</html>\n";
    file.commit();
}

}  // namespace piagraph::batch
