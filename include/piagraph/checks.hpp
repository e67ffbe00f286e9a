// Stage 5: the rules. One rule per file under src/checks/, each registered with a stable id,
// its kind (DESIGN.md §3), a severity, messages in Japanese and English and a short doc line.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "piagraph/error.hpp"
#include "piagraph/graph.hpp"

namespace piagraph {

enum class Severity { info, warning, error };
const char* severity_name(Severity s);

struct Location {
    std::string file;
    int line = 0;
    int end_line = 0;
    std::string note;   // what this location shows ("declaring end", "silent end" …)
    std::string quote;  // the text it points at (lets a model without line numbers be anchored)
    int page = 0;       // the PDF page of `line` (0: not a PDF)
};

struct Finding {
    std::string rule;  // stable id, e.g. PPC-T01
    std::string kind;  // DESIGN kind, e.g. one-sided-connection
    Severity severity = Severity::warning;
    Message message;
    std::vector<Location> locations;
    std::string assessment;             // affair
    std::vector<std::string> subjects;  // what it is about, as the rule names it (for the fingerprint)
    std::vector<std::string> about;     // the graph keys of the nodes and edges it concerns (drawn on views)
    std::string fingerprint;            // stable across runs, for baselines
};

struct RuleInfo {
    std::string id;
    std::string kind;
    Severity severity = Severity::warning;
    Message title;
    Message help;   // what it checks, why it matters and how to fix it
    Message reads;  // the form items and the law it reads (piagraph rules --explain)
};

class Rule {
public:
    virtual ~Rule() = default;
    virtual const RuleInfo& info() const = 0;
    virtual void run(const Graph& graph, std::vector<Finding>& out) const = 0;
};

// A legal citation, normalised (REFERENCE §2.3): full-width digits, kanji numerals
// (第十九条第八号), 号/項 written for 別表 items. One parser serves every legal rule.
struct Citation {
    std::string law;  // 番号法 住基法 地方税法 施行令 提供命令 別表第一省令 主務省令 省令 条例 規則, or ""
    int article = 0;
    int article_sub = 0;  // 第30条の6 -> 6
    int paragraph = 0;
    int item = 0;        // 号
    std::string table;   // 別表 (current law), 別表第一, 別表第二 (repealed numbering), 別表第N of others
    int table_item = 0;  // 項 of a 別表
    bool table_item_written_as_go = false;  // 別表第一 第16号: should read 第16項
    std::string raw;                        // the text it was read from
    std::string era;                        // "pre-2024" (別表第一/第二 and their 省令), "post-2024", or ""
};

std::vector<Citation> parse_citations(std::string_view text);
// Whether the citations include 番号法 article/item (item 0: any or none).
bool cites(const std::vector<Citation>& cs, const std::string& law, int article, int item = 0);
bool mentions_law(const std::vector<Citation>& cs, const std::string& law);

// 令和6年5月27日 / 平成30年 / 2024-05-27 / 2024年5月 -> "2024-05-27" ("" if none; missing parts 01).
std::string parse_japanese_date(std::string_view text);

// The latest of the published date and the 変更箇所 dates, or "".
std::string assessment_date(const Assessment& a);

// Coverage (GitHub issue 9): the human name of a coverage item key, from data/dictionary.json
// report/coverage_labels ("files[0].provisions[2].basis" -> 「ファイル1 提供先3 法令上の根拠」,
// English "file 1, provision 3: legal basis"); the key itself when the dictionary has no label.
std::string coverage_label(const std::string& item, Lang lang = Lang::ja);
// Why an item was not read: the reason extract recorded, else the dictionary's default.
std::string coverage_why(const Assessment& a, const std::string& item, Lang lang = Lang::ja);
// The items of an assessment that were not read, in the order of the form (assessment items,
// then each file's items, its 提供先, 移転先 and 委託事項 by number); empty without coverage.
std::vector<std::string> unread_in_form_order(const Assessment& a);

// Stable id of a finding for baselines (rule, affair, subjects; not line numbers).
std::string fingerprint(const Finding& f);

// All registered rules, in id order.
const std::vector<std::unique_ptr<Rule>>& rules();

// Runs every rule over the graph; findings sorted by file, line, rule.
std::vector<Finding> run_checks(const Graph& graph);

// Fills each finding's `about`: its subjects that are graph keys, or else the nodes and edges
// whose evidence most narrowly covers the lines it points at (run_checks does this).
void attach_about(const Graph& graph, std::vector<Finding>& findings);

// Sorts findings by file, line, rule (the order every output shows them in).
void sort_findings(std::vector<Finding>& findings);

// Fills line numbers that a hand-made model lacks: each location with line 0 and a quote is
// looked up in the lines of its document (`lines`, else the file when it is a readable text or
// PDF; never a JSON model).
void anchor_locations(std::vector<Finding>& findings, const SourceLines& lines = {});

}  // namespace piagraph
