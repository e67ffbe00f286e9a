// piagraph-synth: the example assessments read as templates (GitHub issue 13, item 4). A template is
// the example's lines, each carrying the deliberate defects (examples/expected-findings.json) whose
// finding points at it, and the places where a document can grow: the numbered 委託事項/提供先/移転先
// blocks of each file, the 別添1 (備考) steps and the 別添3 変更箇所 table.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace synth {

// A defect planted on a line. `cell` is which non-empty tab cell of the row the finding points at:
// a conversion that puts each cell on its own line (pdftotext) moves the finding to that cell's line.
struct Planted {
    std::string kind;
    int cell = 0;
    std::string needs_file;  // an organisation-wide defect whose silent end is this template ("" = none)
};

struct Line {
    std::string text;
    std::vector<Planted> planted;
};

enum BlockType { kEntrust = 0, kProvision = 1, kTransfer = 2, kBlockTypes = 3 };

struct Block {
    int number = 0;
    std::size_t begin = 0, end = 0;  // lines [begin, end)
    std::string subject;             // its last non-empty header cell ("" for an empty form block)
};

struct Group {  // a `委託事項6～10` row: blocks 6 to 10 follow it
    int first = 0, last = 0;
    std::size_t at = 0;
};

// One file's blocks of one type, with the row declaring their count ((N) 件).
struct Run {
    BlockType type = kEntrust;
    std::vector<Group> groups;
    std::vector<Block> blocks;
    std::size_t count_row = std::string::npos;
    int count_index = 0;  // which (N) 件 of that row: 提供・移転の有無 declares provisions, then transfers
};

struct Prototype {  // a filled block of some template, cloned to grow a document
    BlockType type = kEntrust;
    std::string origin;  // the template it is from
    std::vector<Line> lines;
    std::string subject;
    bool defective = false;
    bool unmentioned = false;  // its defect is that 別添1 does not mention it: add no (備考) step
    bool network = false;      // a provision through 情報提供ネットワークシステム
};

struct Template {
    std::string name;  // file name in examples/midori
    std::string form;  // 全項目, 重点 or 基礎
    std::vector<Line> lines;
    std::vector<Run> runs;
    std::size_t steps_end = std::string::npos;    // where new 別添1 (備考) steps go
    int last_step = 0;                            // the number of the last (備考) step
    std::size_t changes_end = std::string::npos;  // where new 変更箇所 rows go
    std::size_t change_columns = 0;
    bool refuses_network = false;  // a file of it does not provide through 情報提供ネットワークシステム
    std::string department;        // I-7 ① 部署
};

// The pieces between separators, empty ones kept: split(text, '\n') joined by '\n' is text.
std::vector<std::string> split(const std::string& text, char separator);
std::vector<std::string> cells_of(const std::string& line);
std::string label_of(const std::string& line);
std::string last_cell(const std::string& line);

// Reads examples/midori/*.txt with their defects from examples/expected-findings.json.
std::vector<Template> load_templates(const std::string& examples_dir);
// Finds the runs, (備考) steps and 変更箇所 table of t.lines.
void index_template(Template& t);
// The filled blocks of a template, except those whose defect is reported once per document.
std::array<std::vector<Prototype>, kBlockTypes> prototypes_of(const Template& t);

// A file's section II (特定個人情報ファイルの概要) with no defect outside its blocks, cut down to the
// first block of each run (counts set to match): a 全項目 grows by more files made of it.
struct Section {
    std::vector<Line> lines;
    std::string file_name;   // as its `(1) 住民基本台帳ファイル` line names it
    std::string department;  // of the template it is from (I-7 ①), for the one of the document it joins
};
std::vector<Section> clean_sections(const Template& t);
bool is_section_heading(const std::string& label);  // II 特定個人情報ファイルの概要
// That heading in the body (followed by a blank line; in the 項目一覧 list the next item follows).
bool starts_section(const std::vector<Line>& lines, std::size_t i);
// Where more sections go (before the 別添2 after the last section II), npos if nowhere.
std::size_t sections_end(const std::vector<Line>& lines);
// The (index)th "(N) 件" of a count row, as `change` makes it.
std::string recount(const std::string& row, int index, int (*change)(int old, int arg), int arg);

}  // namespace synth
