// Helpers that both parsers of the extract stage need: checkbox marks in every spelling met in
// the wild, option groups of the forms (REFERENCE §1.4), counts, names and per-document
// definitions. They take one value (a cell, a line or a few joined lines) and know nothing about
// where it came from. Signatures are stable: add new functions rather than change these.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "piagraph/model.hpp"

namespace piagraph::extract_detail {

// The longest row label of the forms is about 25 characters (75 bytes) with its number and ※;
// Japanese prose has no spaces, so a whole paragraph line would otherwise be one "label".
constexpr size_t kMaxLabelCellBytes = 120;

// The state of one checkbox/radio spelling. nullopt: the token is not a mark at all.
// Checked: [○] [ ○ ] [〇] [ O ] 【○】 ■ ☑, <input checked="" type="checkbox"/>, [<input checked …/>],
// <input type="radio"/> (a radio input without "checked" is how one converter writes a filled
// circle: see the 001 annotation notes), a bare ○ standing alone.
// Unchecked: [] [ ] 【 】 □ ☐ <input type="checkbox"/>, [<input type="checkbox"/>].
std::optional<bool> mark_state(std::string_view token);
// The text after a closing bracket that closes nothing before it: what stands before that bracket
// is the tail of the value above, which a raw conversion set after the next entry's header
// (提供先３ | で） | 個人情報保護委員会). The text itself when every closer has its opener.
std::string without_dangling_tail(const std::string& s);
// Whether a compact text (NFKC, no white space) holds every column title of the 変更箇所 table's
// before/after cells (変更前の記載, 変更後の記載): its header row, however its cells were written.
bool holds_change_column_titles(std::string_view compact);
// A line of the printed list of a choice's options (＜選択肢＞ …, 1) …).
bool is_option_list_line(const std::string& text);
// Whether a cell is a group label of the form (再委託, over its ④-⑥ rows): no field's value.
bool is_group_label(const std::string& t);
// Whether a text holds a box bracket: [ ] 【 】.
bool has_box_bracket(std::string_view s);
// Whether a text may hold a checkbox mark: a bracket, a tag or a character reference, or a mark or
// box glyph (○ ● ◎ ■ □ ☑ ✓ …). Prose holds none; it need not be read for marks.
bool may_hold_mark(std::string_view s);
// The text with each box glyph that opens a token (■紙, □ 電子メール, ☑ ☐ ☒) written as the bracketed
// box the form prints ([○] 紙, [ ] 電子メール), for a reader that knows boxes by their brackets.
std::string box_glyphs_as_brackets(std::string_view s);

// The character an HTML numeric character reference at s[at] (&#9675; &#x25CB;) stands for, and the
// reference's length in bytes; nullopt for anything else (no reference, too many digits, a control
// character or no character at all).
std::optional<std::pair<char32_t, size_t>> numeric_reference(std::string_view s, size_t at);

// Removes HTML tags (tags whose name is ASCII, so ＜選択肢＞ and <執務室における措置> stay), turns
// them into spaces, decodes &amp; &lt; &gt; &quot; &nbsp; and squeezes white space.
std::string strip_html(std::string_view s);
// The same, with each checkbox or radio <input> written as the text forms print it: [○] checked,
// [ ] not (for a reader of plain text, which knows no tags).
std::string html_as_text(std::string_view s);

// One option label of a group found in a value.
struct OptionHit {
    std::string label;  // the standard label (dictionary option), e.g. 電子記録媒体(フラッシュメモリを除く。)
    std::string written;          // as written, e.g. 市内連携システム
    std::optional<bool> mark;     // the mark right before it: true checked, false unchecked, nullopt none
    bool radio_inferred = false;  // the mark was an unchecked-looking radio input read as checked
    bool bracketed = false;       // written as [label] (a selected value next to ＜選択肢＞)
    bool in_option_list = false;  // after ＜選択肢＞: part of the printed list, not a choice
    std::string detail;           // text in the （） right after it, trimmed
    std::optional<int> count;     // "(N) 件" right after it
};

// Every option of `group` (a key of dictionary "options") found in the value, in reading order.
// Works on raw cells with HTML, tab-joined columns and column-major serialisations.
std::vector<OptionHit> find_options(std::string_view value, const std::string& group);

// A multi-choice group read from a value.
struct Choices {
    std::vector<OptionHit> hits;     // everything found (before ＜選択肢＞)
    std::vector<OptionHit> checked;  // the hits marked as checked
    bool any_mark = false;           // at least one mark (checked or not) was present
    bool lost_marks = false;         // no checked mark, yet a detail or a count is filled
};
Choices read_choices(std::string_view value, const std::string& group);
// A choice's row whose value holds text and none of its options (another row's value, the boxes
// printed apart from their label): no reading of the choice, so no absence may be said of it. An
// empty value (or a dash) is a reading: nothing is written.
bool holds_no_option(const Choices& choices, std::string_view value);

// A single-choice group: the checked option, else a bracketed value ([実施する]), else a bare
// value before ＜選択肢＞ (再委託しない ＜選択肢＞ 1) …), else a lone option in the first <div>
// followed by the list. nullopt when nothing is selected or the selection is ambiguous.
std::optional<std::string> selected_option(std::string_view value, const std::string& group);
// Whether a text is nothing but options of ④本人の数's list (4) 100万人以上1,000万人未満): the end of
// that list, which a sheet prints beside a 提供先N or 移転先N header centred on its entry's rows.
bool is_persons_option_list(std::string_view text);
// Whether a text is a piece of a count's option list (対象人数, 本人の数, 使用者数): options alone,
// or the tail of one that its cell wrapped (未満 of 1,000人以上1万人 / 未満), which a raw conversion
// sets where an entry's name or a recipient is looked for.
bool is_count_option_piece(std::string_view text);
// Whether an entry's name (a 提供先/移転先's recipient, a system's name) names nothing: empty, no
// word at all (a page number - 14 -), a piece of a count's option list that a sheet printed
// beside the entry's header, an option of 提供・移転の有無 (行っていない, its box lost), or a time
// (転入届を受理した都度: the entry's 時期・頻度 read as its name).
bool names_nothing(const std::string& name);
// Whether a value is nothing but numbered options of a group's list (3) 未定, 2) 実施しない 3) 未定),
// the first maybe without its number, or one option alone (its number left on the line above): the
// end of a selection's option list that a printed row set beside the next label.
bool only_listed_options(std::string_view value, const std::string& group);
// A choice of `group` written as boxes that opens a value ([○] 実施する [ ] 実施しない …, ①'s boxes
// read into ②'s value, 【○】実施する 【】実施しない 【】未定番号法第19条…): the boxes with their
// options, and the value's rest; nullopt where the value opens otherwise.
std::optional<std::pair<std::string, std::string>> leading_boxed_choice(std::string_view value,
                                                                        const std::string& group);

// "(7) 件", "（ 64 ）件" -> the number; nullopt for "() 件" or none. The first one in the value.
std::optional<int> parse_count(std::string_view value);

// How the forms write counts, dates and numbers (data/dictionary.json "written": count_unit 件,
// year 年, eras …); a key the dictionary lacks throws std::out_of_range.
const std::string& written(const std::string& key);
const std::vector<std::string>& written_list(const std::string& key);
// "(?:a|b|c)": the words as alternatives of a regular expression, each matched literally.
std::string regex_alternatives(const std::vector<std::string>& words);
// A line that is only a count of entries ("（ 3 ）　件"), the number it holds; nullopt otherwise.
std::optional<int> count_line(std::string_view line);
// Whether a line is a count alone, its number written or left blank: (2) 件, ( ) 件.
bool is_count_line(std::string_view line);

// "1. 滞納処分ファイル 2. 交渉記録ファイル" (or "（1）… （2）…") -> both names; a line without numbering is one name,
// and text before the first number is one too.
std::vector<std::string> parse_name_list(const std::string& value);
// Adds the names of one more line of a list of file names (parse_name_list) to `names`. A narrow
// cell cuts a name inside its closing word or before it (国民健康保険ファイ | ル, 本人確認情報 |
// ファイル): a line that finishes the word the last name left unfinished joins that name (true then).
bool append_name_line(std::vector<std::string>& names, const std::string& line);
// The names a line lists when it lists only names of files (…ファイル, each a name's length): I-3's
// value once its item title is lost; empty for any other line.
std::vector<std::string> listed_file_names(const std::string& line);
// Forms without II blocks (基礎項目評価書) still name their files in section I: one block per name,
// where no block was read.
void files_from_names(Assessment& as);
// The systems a ③システムの名称 lists (基礎項目評価書: names only, no connection boxes), numbered
// from 1, each located at `line`.
std::vector<System> listed_systems(const std::string& value, int line);

// Splits a list of names on 、 , ， ; and full-width/half-width white space is kept inside names.
std::vector<std::string> split_names(std::string_view s);

// True when the text reads as a sentence (…していない。, …のため) rather than a list of names
// (dictionary "statement_markers").
bool is_statement(std::string_view s);

// A dash or bar as documents print one: -, hyphen to horizontal bar (U+2010..2015), minus (U+2212),
// the full-width hyphen (U+FF0D) and the prolonged sound mark (U+30FC) a dash is often typed as.
bool is_dash(char32_t c);

// True when the text is only dashes and white space: a cell the form marks as having nothing
// (移転先1 | —), no value.
bool is_dash_only(std::string_view s);

// A 提供先/移転先 entry the form left empty: no recipient (or a dash), no basis, no method.
bool is_empty_flow(const Flow& flow);

// Whether a text found where ①法令上の根拠's value was looked for is a recipient's name: it names
// someone, reads as a name (short, no sentence) and cites no article.
bool reads_as_recipient(std::string_view text);
// Whether a short text names a party (a contractor, a recipient): it holds a company's marker
// (株式会社 …) or an outside body's name, or ends as an organisation or a department does (…組合,
// …課), and is no sentence, box or time (dictionary parties).
bool names_a_party(std::string_view text);

// pdfminer sets an entry's name in the value column after its ① label (提供先11 | ①法令上の根拠 |
// 架空県知事 | 番号法第19条…), where it is read as the basis: a flow that names no one, whose basis
// reads as a recipient, takes it as its recipient.
void name_from_basis(Flow& flow);

// A 提供先/移転先 block for a range of entries (提供先２～４) names its recipients each after its
// number (① 他の市区町村長 ② 都道府県知事 ③ 厚生労働大臣), and they share the block's fields: one flow
// each, numbered on from the block's number. Any other block is itself.
std::vector<Flow> flows_of_each_recipient(const Flow& flow);

// The name for matching: Dictionary::normalize_system_name (NFKC, trailing bracketed parts such as
// (以下「住基ネット」という。) and (税務システム内) dropped).
std::string normalize_name(std::string_view name);

// Per-document definitions X（以下「Y」という。） / X(以下「Y」): Y -> X. X is the run of name
// characters right before the bracket.
std::map<std::string, std::string> find_definitions(const std::vector<std::string>& lines);

// A label cell reduced for matching: NFKC, no white space, ※ and a leading ①… / 1. dropped.
std::string label_key(std::string_view label);
// The text without the ※ marks that follow required labels (①事務の名称 ※).
std::string without_note_marks(std::string s);

// A laid-out value line stands at least this many columns from the left edge: a line indented less
// is a label's, or a text row of the form's full width (the risk tables), which no label sits beside.
// The layout rebuild parts value lines from labels by it; the markdown reader knows a value line no
// row took by it.
inline constexpr size_t kMinValueIndent = 8;

// The leading circled number of a label (① -> 1), 0 when none.
int circled_number(std::string_view label);

// A box's brackets, half- and full-width ([ ] ［ ］), and those a selection or a mark may be written
// in as well (【 】).
inline bool is_box_open(char32_t c) { return c == U'[' || c == 0xFF3B; }   // [ ［
inline bool is_box_close(char32_t c) { return c == U']' || c == 0xFF3D; }  // ] ］
inline bool is_mark_open(char32_t c) { return is_box_open(c) || c == 0x3010; }
inline bool is_mark_close(char32_t c) { return is_box_close(c) || c == 0x3011; }

// A box printed as a glyph (■ □ ☑ ☐ ☒), and of those the unchecked ones.
bool is_box_glyph(char32_t c);
bool is_unchecked_box_glyph(char32_t c);

// The bytes of a circled number in UTF-8 (① … ⑳, ㉑ … ㊿ alike).
inline constexpr size_t kCircledNumberBytes = 3;

// The circled number ① … ⑳ for 1 … 20.
std::string circled(int n);

// A field's number as NFKC writes ① … ⑳ (1 … 20 in ASCII digits) at the start of s: the number
// and its digits' bytes; {0, 0} for none.
std::pair<int, size_t> digits_of_circled(std::string_view s);

// The full-width colon (：) that labels end with, beside ':'.
inline constexpr std::string_view kWideColon = "\xEF\xBC\x9A";

// The bytes of a markdown list item's marker and its space at the start of s ("- ", "* ", "+ "); 0
// for none.
size_t list_marker_bytes(std::string_view s);
// The field number that opens a label line: circled (①), or written in brackets where a converter
// had no ① ((1), （１）); 0 when none. For lines known to be labels of the form.
int leading_field_number(std::string_view label);
// A field or item number written in brackets, (1) or （１）, at the start of t: the number and its
// length in bytes; {0, 0} when none. Read from the bytes: it is asked for every label key.
std::pair<int, size_t> bracketed_number(std::string_view t);

// A letter of a word: Latin, kana or a CJK ideograph (not the CJK symbols and brackets).
bool is_letter(char32_t c);

// Where the next white space (ASCII or ideographic: a label and its value are written with either
// between them) at or after `from` is; npos when none.
size_t next_space(std::string_view s, size_t from = 0);
// Where the text goes on after the white space at `at`.
size_t after_space(std::string_view s, size_t at);
// The line without the markup that starts a table row or a heading (| # * >), or a page's form feed.
std::string_view without_row_markup(std::string_view line);
// Whether a line opens with the field label `key` (a form_labels key) numbered `circled`
// (①事務の名称 国民健康保険に関する事務), in a row or on its own. The label's words are looked for
// in the bytes first: most lines have none.
bool opens_with_field_label(std::string_view line, const char* key, int circled);

// Whether a line (NFKC, trimmed) may be the rest of a heading's title that a conversion wrapped onto
// it: short, and no line of its own (not a tab row, an item such as 2. 基本情報, or a label ①…).
bool could_continue_title(std::string_view line);

// The label that opens a 別添1 step (① or 1-①): `written` as in the text, `label` with ASCII
// digits and '-' (1-①), `end` the byte offset after it. nullopt when the text opens no step.
struct StepStart {
    std::string written, label;
    size_t end = 0;
};
std::optional<StepStart> step_start(std::string_view text);
// A step of (備考) written as a plain numbered list (1. 被保険者から…受け付ける。): its number as
// `expected` wants it (the list's next), then a sentence, not a group's short title (２．送付先情報
// 通知に関する事務), or nothing (its text on the lines below). Its label is the number (1).
std::optional<StepStart> numbered_step_start(std::string_view text, size_t expected);
// How many steps from `first` on are labelled by a plain number (numbered_step_start).
size_t numbered_steps(const std::vector<Step>& steps, size_t first = 0);
// Where a (備考) labels its steps 1-① or ①, its lines numbered 1. 2. are its groups' titles
// (１．住民票の記載…に関する事務), no steps: they are dropped.
void drop_numbered_group_titles(std::vector<Step>& steps);

// Whether a text cites an article of law (…第N条, …条例): what a legal basis holds.
bool cites_article(std::string_view s);

// A date as the forms write it (令和4年1月31日, 平成30年５月): 年 and a digit.
bool looks_like_date(std::string_view s);
// A whole date down to its day and nothing else (令和6年12月2日, 平成元年4月1日), as the 変更日 column
// writes it; `compact` is NFKC without white space.
bool is_day_date(const std::string& compact);

// What the cover's values look like, for covers whose cells came out of order: 評価書番号 a short
// number (3, 12); 公表日 a short date with its month, neither the form's version ([平成30年５月
// 様式３]) nor a period (1年未満); 評価実施機関名 a short name ending like 市長, 教育委員会
// (dictionary parties.organization_suffixes); 評価書名 a short line naming a form (…事務 全項目評価書).
bool looks_like_assessment_number(std::string_view s);
bool looks_like_publication_date(std::string_view s);
// A publication date up to its day: a cell joined to the next (令和7年3月14日 ［令和６年10月 様式３］)
// ends there; any other value as it is.
std::string date_to_its_day(const std::string& v);
bool looks_like_organization(std::string_view s);
bool looks_like_assessment_title(std::string_view s);
// An affair's name (住民基本台帳に関する事務): a name, not a sentence of the declaration beside it.
bool looks_like_affair_name(std::string_view s);
// A form's name alone (全項目評価書 …, any spacing or width).
bool is_form_name(std::string_view s);
// The cover's fields whose values have a look (form_labels keys).
inline constexpr const char* kCoverValueFields[] = {"number", "title_field", "organization", "published"};
// The form's version line ([令和６年10月 様式４], 平成26年4月 様式4), in any width, brackets or not.
bool looks_like_form_version(std::string_view s);
// Whether a line looks like the value of cover field `field` (one of kCoverValueFields).
bool looks_like_cover_value(const std::string& field, std::string_view value);
// Whether a line is no value of `field` (any other cover label too, for `field` ""), wherever it
// stands: it looks like another cover field's value and not like this one's, or like the form's
// version ([平成30年５月 様式３]).
bool looks_like_other_cover_value(const std::string& field, std::string_view value);

// Calls fn on every Loc of the assessment: its fields', entries' and coverage items'.
void for_each_loc(Assessment& a, const std::function<void(Loc&)>& fn);

// Moves every line number of the assessment by `delta` (a parser that numbers a part from 1).
void shift_lines(Assessment& a, int delta);

// File blocks with the same names are one file met twice (section III repeats the names, a
// converter may emit a table twice): the later block only fills what the first one lacks. So does
// a block whose names are sentences, no file's name: it is the block before, read on.
void merge_repeated_files(std::vector<FileBlock>& files);

// Entries one after another under the same number are one entry met again (a sheet's merged
// 委託事項1 cell printed anew after a page break, a table converted twice): the later part only
// fills what the first one lacks.
void merge_repeated_entries(FileBlock& file);

// The assessment's own choices (基礎 II しきい値判断項目, III しきい値判断結果), each a selection read by
// its own label, in both readers.
struct AssessmentChoice {
    const char* label;  // form_labels key
    const char* group;  // options key
    std::string Assessment::*out;
    const char* field;  // locs and coverage key
};
const std::vector<AssessmentChoice>& assessment_choices();

// VI's text fields: the item that holds each ('c' 意見の聴取, 'r' 第三者点検), and whether its label is
// that item's alone (read where the item's title was lost: 実施日・期間, not 第三者点検's ①実施日).
struct ProcedureText {
    const char* label;  // form_labels key
    char item;
    bool own_label;
    std::string Procedure::*out;
    const char* field;  // locs and coverage key
};
const std::vector<ProcedureText>& procedure_texts();

// The number and title of a line (compact: NFKC without white space) that opens like an item of
// the form: １．…, up to two digits.
std::optional<std::pair<int, std::string>> numbered_title(const std::string& compact);

}  // namespace piagraph::extract_detail
