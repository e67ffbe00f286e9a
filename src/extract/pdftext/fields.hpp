// Form-aware pieces of the pdftotext-like parser: which label a line carries, the text that
// belongs to a label, option groups resolved by bracket accounting, and the assignment of
// scattered items to the entries (システムN, 委託事項N, 提供先N, 移転先N) whose headers may be
// printed before or after them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "layout.hpp"

namespace piagraph::extract_detail::pdftext {

// What a label line announces. Anchors (acq, entrust, flow_*) only tell which part of II a
// nearby checkbox row belongs to.
enum class Field {
    none,
    published,
    number,
    title,
    organization,
    affair,
    sys_name,
    sys_func,
    sys_conn,
    basis,  // 法令上の根拠 (I-5 without number, I-6 ②, II-5 ①)
    linkage_status,
    department,
    acq_source,
    acq_method,
    acq,
    entrust,
    entrust_item,
    entrust_methods,
    entrust_contractor,
    entrust_resub,
    entrust_permission,
    entrust_resub_items,
    flows,
    flow_generic,
    provide,
    provide_methods,
    transfer,
    transfer_methods,
    storage,
    file_type,  // ①ファイルの種類: one per II block, so it opens one where the headings were lost
    other,
};

Field field_of(const Line& line);
// The field a label (label_of form: NFKC, no spaces, no number) announces.
Field field_of_label(const std::string& label);
bool is_label_line(const Line& line);
// A line that can name a II block: "（２）住民票ファイル", or a short line that is no label, no
// checkbox row and no sentence.
bool is_file_name_line(const Line& line);

// The text a label announces: the value on the label's line, then the following lines of the
// page up to the next label, checkbox row or option list. With allow_gaps, single blank lines
// inside the text are kept (multi-paragraph legal bases).
struct Text {
    std::string value;
    int end = 0;  // index of the last line used
};
Text text_after(const Layout& layout, int index, bool allow_gaps);
// The same for a name, one paragraph: it ends before a list set under it (1. …, 【…】).
Text name_after(const Layout& layout, int index);
// The name an entry's header announces (提供先１ | 市町村長): its text after the header, past what a
// sheet's raw order set between them - the boxes and counts of the row above (提供・移転の有無's
// ☑ 提供を行っている … （ 5 ）件), the tails of a count's option list beside it (未満) and a column
// title of the page's print titles (備考). Where blocks of text run on from there to the entry's ①
// (the entry before's last values, set after the header), the last of them.
Text entry_name_after(const Layout& layout, int index);
// The text block printed above a label whose own value is empty (pdftotext emits some value
// cells before their label): the nearest run of non-label lines above it on its page; `end` is
// the index of its first line.
Text text_before(const Layout& layout, int index);
// A page printed label column first (label_column_pages) sets an entry's name in the label column
// right above its ① (市町村長 | ①法令上の根拠): the line with text above line `first_field`, where it
// is no label, header, row of boxes or option list; empty otherwise.
Text entry_name_above(const Layout& layout, int first_field);
// The block under an entry's header, on its page and before the next label or header, that cites an
// article: ①法令上の根拠's value where the label column left it empty. Empty where none does.
Text article_under_header(const Layout& layout, int header);
// The name pdfminer sets between an entry's ① label and ①'s value (移転先1 | ①法令上の根拠 |
// 健康福祉部国保年金課 | 番号法第9条…): the first line after label `basis_label` where it reads as a
// name and cites no article while the line after it does; empty where the label holds its value.
Text name_before_article(const Layout& layout, int basis_label);
// The name pdftotext's raw order sets above an entry's ① (or above the header right above it), after
// the last value of the entry before (⑦ … 都度 | 健康福祉部保険年金課 | 移転先1 | ①法令上の根拠): the
// nearest line of text above label `basis_label` on its page, passing over `header` and a field's
// number set apart, where it reads as a recipient, ends as a name does (not in kana: no verb's or a
// sentence's tail), names no form and is no label's value. Empty otherwise.
Text name_above_entry(const Layout& layout, int basis_label, int header);
// The value of a label set right above the next fields of its item (①部署 | ②所属長の役職名 | 保健福祉課
// | …: a sheet's row of labels that pdftotext printed before its values): the first value line after
// that run of labels, which is the first label's; an empty value where no such run follows it.
Text first_value_past_labels(const Layout& layout, int index);

// その他's （detail） continued on the lines after a system's last row of boxes, past blank lines and
// page numbers. Where `open` is nullopt, a detail printed apart from its box (［○］その他 | ］既存住民
// 基本台帳システム | （ 広域連合電算処理システム ）): a line that opens with the bracket. Else the
// bracket is open already, and `open` the text so far: the rest of a detail its row cut (［○］その他
// （児童手当システム、健 | -3- | 康福祉総合システム）), or a bracket printed alone among the rows. No
// box on them, up to the line that closes the bracket. Lines a blank line parts on a page are blocks
// of their own: names apart, not one name wrapped.
std::string detail_below(const Layout& layout, int row, const std::optional<std::string>& open);

// A checkbox of a resolved option group.
struct Choice {
    std::string label;  // standard label of the group
    std::string detail;
    bool checked = false;
    int line = 0;
};
// Resolves the boxes of one group instance written over `rows` (line indices): whole boxes,
// closers with their own mark, and openers/orphan marks paired with unmarked closers by the
// form's column order (an opener after label L belongs to the option after L). Unclosed
// （detail are completed from a dangling "text ）" line of the same page.
std::vector<Choice> resolve_group(const Layout& layout, const std::vector<int>& rows, const std::string& group);

// Boxes whose marks a conversion set apart from their options (pdftotext writes the ☑ drawn in a
// cell of its own away from the column of options: 本人又は本人の代理人 | 評価実施機関内の他部署 | … | ☑ | ☑):
// on each page of the lines `idx`, the lines that are an option of the group alone and the lines
// that are a mark alone, paired in order where there are as many of each; nothing elsewhere.
std::vector<Choice> detached_choices(const Layout& layout, const std::vector<int>& idx, const std::string& group);

// Assigns items to entry headers. Items carry a slot: an entry takes at most one item per
// non-empty slot. Headers on the item's page win (in the page's reading direction, which is
// bottom-up when the last header of the page has nothing after it), else the entry still open
// from earlier pages.
struct Head {
    int index = 0;  // line index
    int number = 0;
    const char* kind = nullptr;  // the form_labels key of its header (entry_provision …)
};
struct Item {
    int index = 0;
    std::string slot;    // "" = unlimited
    bool first = false;  // the entry's first field (①): glued to a header right above it
    // The only kind of entry that can hold it (a 移転方法 row with 庁内連携システム goes to a 移転先,
    // whatever header is nearest on a scrambled page); nullptr: any.
    const char* head_kind = nullptr;
};
// The pages printed label column first, each with its headers by line (indices into heads): the
// headers number upwards, one ① per header stands above the first header and none below it (a ①
// under its header is a page printed in rows), and the fields above it count up to each ① (a page
// read bottom-up counts down).
using LabelColumnPages = std::map<int, std::vector<size_t>>;
LabelColumnPages label_column_pages(const Layout& layout, const std::vector<Head>& heads,
                                    const std::vector<Item>& items);
// Each item's header (index into heads), or -1. On `label_columns` (label_column_pages of the same
// heads and items) the label column's items pair with the headers in order.
std::vector<int> assign_items(const Layout& layout, const std::vector<Head>& heads, const std::vector<Item>& items,
                              const LabelColumnPages& label_columns);
// The last header above line `line`, or -1.
int head_before(const std::vector<Head>& heads, int line);

}  // namespace piagraph::extract_detail::pdftext
