// The markdown-like reader's internal declarations. reader.cpp drives it (lines into rows, rows
// into the form's sections and items, items into assessments); the other files read the content
// of one part of the form each: cover.cpp the cover, systems.cpp section I, files.cpp the II file
// blocks and their III risk flags, flows.cpp 入手/委託/提供・移転, procedure.cpp 基礎 II/III and
// VI, annex.cpp 別添1, changes.cpp 変更箇所. rows.cpp splits a line into cells.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../common.hpp"
#include "piagraph/ingest.hpp"
#include "piagraph/model.hpp"

namespace piagraph::extract_detail::markdown {

// No label is longer: longer cells (record item lists, prose) are never normalised whole.
constexpr size_t kMaxLabelBytes = 600;

// The part of the form being read, and the item of it.
enum class Section { cover, contents, basic, files, risk, other, annex_affair, annex_records, changes };
enum class Sub {
    none,
    affair,
    systems,
    file_names,
    number_use,
    linkage,
    department,
    other_bodies,
    basic_info,
    acquisition,
    entrust,
    flows,
    storage,
    remarks
};

// ---- rows.cpp: one line split into cells ---------------------------------------------------

// One line split into cells. `label` is the field label (①… kept), `value` the rest joined.
struct Row {
    int line = 0;
    std::vector<std::string> all_cells;  // every tab cell, trimmed, empty ones kept
    std::vector<std::string> cells;      // the non-empty ones
    std::string label;
    std::string key;  // label_key(label)
    std::string value;
    std::string head;       // the first cell without decoration, NFKC, trimmed ("" when it is long)
    std::string first_key;  // compact_key of the first cell as written ("" when it is long)
    int first_circled = 0;  // the field number ①… that opens the first cell, 0 if none
};

// A cell without markdown/HTML decoration: "## 1. …", "**①事務の名称**", "<p>7. 備考</p>".
std::string plain(const std::string& cell);
// A markdown pipe table's |---| rule, which is no row.
bool is_pipe_rule(const std::string& raw);
// A line as cells: tab-separated, a pipe table row or an HTML table row alike.
Row make_row(const std::string& raw_line, int line);
// Line `line` of the document as a row; a row without cells beyond the document's lines.
Row row_at(const Document& doc, int line);

// A row whose first cell is "システム3" -> 3, "システム2～5" -> -1 (a range header, not an entry; its
// first number, 2, in `range_from` when given), otherwise 0. `key` is the entry's form_labels key
// (entry_system …).
int entry_number(const std::string& key, const Row& r, int* range_from = nullptr);
// Whether a row's first cell (Row::head) opens like a heading: 5. …, (別添1) …, II …
bool looks_like_heading(const Row& r);
bool is_field_label(const std::string& key);
// A single cell that is not itself a label, a numbered field or an entry header.
bool could_be_value(const Row& r);

// ---- reader.cpp: the driver ------------------------------------------------------------------

// Makes `loc` cover `line` as well.
void widen(Loc& loc, int line);
// A checked option as the model names a method: その他 keeps its detail.
std::string method_label(const OptionHit& hit);
// A cell's text without its markup and with its white space squeezed.
std::string cell_text(const std::string& value);
// A text field: its value without markup into `out`, and where its label was read into `locs`.
void read_text(std::map<std::string, Loc>& locs, const char* field, const std::string& value, std::string& out,
               int line);

// The assessment being read. It is made at the first line that sets something of it, and each
// line that does widens its location.
class OpenAssessment {
public:
    Assessment& at(int line);
    explicit operator bool() const { return a_.has_value(); }
    Assessment& operator*() { return *a_; }
    Assessment* operator->() { return &*a_; }
    const Assessment* operator->() const { return &*a_; }
    // Hands the assessment over and closes it.
    Assessment take();

private:
    std::optional<Assessment> a_;
};

// The item of section I / of a II block that a numbered heading's title names.
std::optional<Sub> basic_item(const std::string& title, int number);
std::optional<Sub> files_item(const std::string& title, int number);

// ---- cover.cpp --------------------------------------------------------------------------------

// A cover label whose value has not come yet.
struct CoverReading {
    std::string pending_field;  // a cover label whose value is on a later line
    int pending_line = 0;
    bool expect_number_title = false;  // a 評価書番号 | 評価書名 header row: the values are on the next row
    // The first line of a title of two lines whose number stands at the foot of its cell, beside the
    // title's last line (地方税…事務 | 14 重点項目評価書).
    std::string title_head;
    // Lines of the cover that no label took, kept for a label whose value is not beside it (a cover
    // whose blocks came out of order): the line and its text.
    std::vector<std::pair<int, std::string>> loose;
    // Cover labels read with an empty value, to be filled by a loose line further on that looks
    // like their value: the field and its label's line.
    std::vector<std::pair<std::string, int>> emptied;
    // A row of the cover that reads as the number and the title (4 | 児童手当に関する事務 基礎項目評価書)
    // seen before their header row came: their values where the header's next row holds none.
    struct NumberTitle {
        int line = 0;
        std::string number, title;
    };
    std::optional<NumberTitle> number_title;
    bool header_unfilled = false;  // a header row whose values were found neither after it nor before
};
// The form a title line names (特定個人情報保護評価書(全項目評価書)), "" where the line is no title.
std::string titled_form(const std::string& t);
// Reads a cover row. Returns true where the row opens the 項目一覧.
bool read_cover_row(const Row& r, OpenAssessment& open, CoverReading& reading);
// Whether cover labels (評価書番号, 評価書名, 評価実施機関名, 公表日) follow line n closely.
bool cover_follows(const Document& doc, int n);

// ---- systems.cpp: section I --------------------------------------------------------------------

// Reads a row of item `sub` of section I (not its file names, which the driver collects).
// `system` is the システムN entry being read, if any.
void read_section_one_row(Sub sub, const Row& r, Assessment& as, System*& system);

// ---- files.cpp: the II file blocks -------------------------------------------------------------

// A single choice of a file (a band, a period): the selected option, or - where the option
// list is printed but nothing is selected (a mark lost in conversion) - marks[field] = "none".
void read_selection(FileBlock& f, const char* field, const std::string& value, const char* group, std::string& out,
                    int line);
// II-2 基本情報: whom the file is about.
void read_basic_info_row(const Row& r, FileBlock& f);
// II-6 保管・消去.
void read_storage_row(const Row& r, FileBlock& f);
// III (基礎 IV) リスク対策: the checked flags of file `risk_file` (-1: of every file).
void read_risk_row(const Row& r, Assessment& as, int risk_file);
// The names of a II block whose heading was lost, and the line they are on.
std::optional<std::pair<std::vector<std::string>, int>> file_names_above(const Document& doc, int line);
// What makes the assessment's file list at its end: empty entries and blocks dropped, blocks met
// again merged.
void settle_files(Assessment& as);

// ---- flows.cpp: 入手・使用, 委託, 提供・移転 ---------------------------------------------------------

// II-3 入手・使用.
void read_acquisition_row(const Row& r, FileBlock& f);

// The 委託事項N entry being read.
struct EntrustReading {
    Entrustment* open = nullptr;
    int last_no = 0;   // the number of the last entry header read
    bool gap = false;  // an [illegible] gap swallowed the start of the next entry
};
// II-4 特定個人情報ファイルの取扱いの委託.
void read_entrust_row(const Row& r, FileBlock& f, EntrustReading& reading);

// The 提供先N / 移転先N entry being read.
struct FlowReading {
    Flow* open = nullptr;
    bool is_transfer = false;        // the last entry header read was a 移転先
    bool recipient_pending = false;  // its header held only the tail of the value above
};
// II-5 特定個人情報の提供・移転.
void read_flow_row(const Row& r, FileBlock& f, FlowReading& reading);
// Entries that hold nothing dropped; a flow whose method label was read without a checked box
// marked.
void settle_flows(FileBlock& f);

// ---- procedure.cpp: 基礎 II しきい値判断項目, III しきい値判断結果, VI 評価実施手続 ---------------------------------

// A choice of the assessment read by its own label (基礎 II しきい値判断項目, III しきい値判断結果).
struct ProcedureReading {
    const AssessmentChoice* pending = nullptr;  // a choice label waiting for its row
    char item = 0;                              // VI: 'c' 意見の聴取, 'r' 第三者点検, 0 another item
};
void read_procedure_row(const Row& r, Assessment& as, ProcedureReading& reading);
// A label of VI's text fields (実施日・期間, 第三者点検's 実施日, 方法, 結果): one cell a line puts its value
// on the next line.
bool procedure_text_label(const std::string& key);
// A label that no item outside 基礎 II/III and VI has (the しきい値判断 questions, 実施日・期間): it
// moves the reading to them where their headings were lost.
bool procedure_own_label(const std::string& key);

// ---- annex.cpp: 別添1 事務の内容 -----------------------------------------------------------------

struct RemarksReading {
    bool in_remarks = false;  // past the (備考) heading, where the numbered steps are
    size_t first_step = 0;    // the assessment's first step under this (備考)
    // The column its first step's label stands at; npos before it.
    size_t step_column = std::string::npos;
};
// Where 別添1 starts: its first heading or (備考).
void mark_annex(Assessment& as, int line);
// The (備考) of 別添1: the numbered steps follow.
void open_remarks(Assessment& as, RemarksReading& reading);
// A line of 別添1 (`raw`: the line as the text holds it).
void read_annex_row(const Row& r, std::string_view raw, Assessment& as, RemarksReading& reading);
// The line naming a II block ends the 別添1 notes before it: taken back from the last step,
// which read it as a continuation.
void release_from_last_step(Assessment& as, const Document& doc, int line);

// ---- changes.cpp: 変更箇所 --------------------------------------------------------------------------

// The header row of the 変更箇所 table (変更日 | 項目 | 変更前の記載 …).
bool change_table_header(const Row& r);
// Whether the header row of the 変更箇所 table (or its first dated row) follows line n closely.
bool change_table_follows(const Document& doc, int n);
void read_change_row(const Row& r, Assessment& as);

}  // namespace piagraph::extract_detail::markdown
