// The JSON model contract of ../shared/docs/DESIGN.md §3 as C++ types.
// Key names in to_json/from_json are the contract: other tools read them.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace piagraph {

inline constexpr const char* kSchema = "piagraph/1";

// A line range in the source document (1-based, inclusive). line == 0 means unknown. page is
// the PDF page the range starts on (1-based; 0 when the input was not a PDF).
struct Loc {
    int line = 0;
    int end_line = 0;
    int page = 0;
    bool known() const { return line > 0; }
    static Loc at(int l) { return Loc{l, l, 0}; }
    static Loc span(int a, int b) { return Loc{a, b < a ? a : b, 0}; }
};

struct Source {
    std::string kind;    // one of the six 入手元 labels
    std::string detail;  // the text in （）
    bool inferred = false;
    Loc loc;
};

struct Flow {  // a 提供先 or 移転先 entry
    std::string no;
    std::string recipient;
    std::string basis;
    std::vector<std::string> methods;  // standard labels; その他 as "その他(text)"
    std::string purpose;               // ②用途
    std::string info;                  // ③提供する情報
    std::string timing;                // ⑦時期・頻度
    std::string population;            // ④本人の数 (a band: 10万人以上100万人未満)
    std::string marks;                 // "none" when the method group lost every mark
    Loc loc;
    Loc basis_loc;
    std::map<std::string, Loc> locs;  // field (methods, purpose …) -> where its label was read
};

struct Entrustment {
    std::string no;
    std::string item;        // ①委託内容
    std::string contractor;  // 委託先名
    std::optional<bool> resubcontract;
    std::string resubcontractor;
    std::string permission_method;     // 再委託の許諾方法
    std::string resubcontract_items;   // 再委託事項
    std::vector<std::string> methods;  // 委託先への提供方法 (全項目)
    std::string population;  // ②対象となる本人の数 (全項目; a band: 10万人以上100万人未満)
    Loc loc;
    std::map<std::string, Loc> locs;  // field (contractor, resubcontract …) -> where its label was read
};

struct DeclaredCounts {
    std::optional<int> provisions;
    std::optional<int> transfers;
    std::optional<int> entrustments;
};

struct FileBlock {
    std::vector<std::string> names;
    std::vector<Source> sources;
    std::vector<std::string> methods;  // 入手方法
    std::vector<Entrustment> entrustments;
    std::vector<Flow> provisions;
    std::vector<Flow> transfers;
    DeclaredCounts declared_counts;
    std::string storage;
    std::string retention;         // II-6 ②保管期間
    std::string erasure;           // II-6 ③消去方法
    std::string population;        // II-2 ②対象となる本人の数 (a band: 10万人以上100万人未満)
    std::string population_scope;  // II-2 ③対象となる本人の範囲
    std::string user_departments;  // II-3 使用の主体: 使用部署 (who inside uses the file)
    std::string user_count;        // II-3 使用の主体: 使用者数 (a band: 100人以上500人未満)
    std::string department;        // II-2 ⑥事務担当部署
    std::string retention_reason;  // II-6 ②保管期間 その妥当性
    std::vector<std::string> record_categories;  // II-2 ④主な記録項目: the checked categories (地方税関係情報 …)
    std::optional<bool> entrust;                 // 委託の有無
    std::optional<bool> provides;                // 提供を行っている
    std::optional<bool> transfers_flag;        // 移転を行っている
    std::optional<bool> no_flows;              // 行っていない
    std::map<std::string, std::string> marks;  // group -> "none" | "inferred"
    std::map<std::string, bool> risk_flags;  // III 委託しない / 提供・移転しない / 接続しない（入手）…
    std::map<std::string, Loc> locs;         // field -> where it was read
    Loc loc;
};

struct System {
    int no = 0;
    std::string name;                      // as written
    std::string normalized_name;           // for matching: suffixes dropped, NFKC
    std::string canonical_id;              // standard system id from the dictionary, or ""
    std::vector<std::string> connections;  // the six standard box labels
    std::vector<std::string> other;        // names in その他（）
    bool other_checked = false;
    std::string functions;  // ②システムの機能
    std::string marks;      // "none" when ③ lost every mark
    Loc loc;
    Loc connections_loc;
};

struct Step {
    std::string label;
    std::string text;
    Loc loc;
};

struct ChangeRow {  // 変更箇所: history, never current values
    std::string date;
    std::string item;
    std::string before;
    std::string after;
    std::string timing;       // 事前 / 事後
    std::string explanation;  // 提出時期に係る説明
    std::string text;         // the row's value text where before and after cannot be told apart
    Loc loc;
};

// VI 評価実施手続 (全項目; V in 重点): 国民・住民等からの意見の聴取 and 第三者点検, as written.
struct Procedure {
    std::string comment_period;     // 意見の聴取 ②実施日・期間
    std::string shortening_reason;  // 意見の聴取 ③期間を短縮する特段の理由
    std::string review_date;        // 第三者点検 ①実施日
    std::string review_method;      // 第三者点検 ②方法
    std::string review_result;      // 第三者点検 ③結果
};

struct Linkage {
    std::string status;
    std::string basis;
    Loc loc;
};

// Whether an item of the form was read: its label was found (at `loc`), or not. An item whose
// label was found with an empty value is found: only then may a tool say 「記載がありません」.
struct CoverageItem {
    bool found = false;
    Loc loc;
    std::string why;  // not found: why, when known ("page 12 unreadable", …)
};

struct Assessment {
    std::string organization;
    std::string form;          // 全項目評価書 / 重点項目評価書 / 基礎項目評価書
    std::string form_version;  // e.g. 令和６年10月 様式４
    std::string number;
    std::string title;
    std::string affair;
    std::string published;
    std::string individual_number_basis;
    Linkage linkage;
    std::string department;
    std::string population;
    std::string handlers;          // 基礎 II-2 取扱者数 (500人以上 / 500人未満)
    std::string serious_incident;  // 基礎 II-3 重大事故 (発生あり / 発生なし)
    std::string threshold_result;  // 基礎 III しきい値判断結果 (the selected option)
    Procedure procedure;           // VI 評価実施手続
    std::vector<System> systems;
    std::vector<std::string> file_names;  // I-3
    std::vector<FileBlock> files;
    std::vector<Step> attachment1_steps;
    std::vector<ChangeRow> changes;
    std::map<std::string, Loc> locs;  // header field -> where it was read
    // Every item of the assessment's form (dictionary "coverage_items"), keys such as "affair",
    // "linkage.basis" or "files[0].sources": read or not. Empty for a model written by hand:
    // then every item counts as read.
    std::map<std::string, CoverageItem> coverage;
    // Whether `item` was read (true when the model carries no coverage at all).
    bool was_read(const std::string& item) const;
    // Whether the assessment's form has `item` at all (基礎 has no ③ connections, no II blocks);
    // true when the model carries no coverage.
    bool form_has(const std::string& item) const;
    // The coverage keys not found, in key order.
    std::vector<std::string> unread_items() const;
    std::string source_file;  // which document it came from (for merged graphs)
    Loc loc;
};

struct SourceInfo {
    std::string file;
    std::string format;  // markdown | pdftext | json
};

struct Model {
    std::string schema = kSchema;
    SourceInfo source;
    std::vector<Assessment> assessments;
};

void to_json(nlohmann::json& j, const Loc& v);
void from_json(const nlohmann::json& j, Loc& v);
void to_json(nlohmann::json& j, const Source& v);
void from_json(const nlohmann::json& j, Source& v);
void to_json(nlohmann::json& j, const Flow& v);
void from_json(const nlohmann::json& j, Flow& v);
void to_json(nlohmann::json& j, const Entrustment& v);
void from_json(const nlohmann::json& j, Entrustment& v);
void to_json(nlohmann::json& j, const DeclaredCounts& v);
void from_json(const nlohmann::json& j, DeclaredCounts& v);
void to_json(nlohmann::json& j, const FileBlock& v);
void from_json(const nlohmann::json& j, FileBlock& v);
void to_json(nlohmann::json& j, const System& v);
void from_json(const nlohmann::json& j, System& v);
void to_json(nlohmann::json& j, const Step& v);
void from_json(const nlohmann::json& j, Step& v);
void to_json(nlohmann::json& j, const ChangeRow& v);
void from_json(const nlohmann::json& j, ChangeRow& v);
void to_json(nlohmann::json& j, const CoverageItem& v);
void from_json(const nlohmann::json& j, CoverageItem& v);
void to_json(nlohmann::json& j, const Procedure& v);
void from_json(const nlohmann::json& j, Procedure& v);
void to_json(nlohmann::json& j, const Linkage& v);
void from_json(const nlohmann::json& j, Linkage& v);
void to_json(nlohmann::json& j, const Assessment& v);
void from_json(const nlohmann::json& j, Assessment& v);
void to_json(nlohmann::json& j, const Model& v);
void from_json(const nlohmann::json& j, Model& v);

// Reads a model from JSON text; throws InputError naming the file and the line of a syntax
// error or of the object with a wrong type.
Model parse_model_json(const std::string& text, const std::string& file);

}  // namespace piagraph
