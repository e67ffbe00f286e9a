#include "piagraph/extract.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "budget.hpp"
#include "common.hpp"
#include "coverage.hpp"
#include "form_labels.hpp"
#include "layout_rows.hpp"
#include "line_repairs.hpp"
#include "page_furniture.hpp"
#include "parsers.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/error.hpp"
#include "piagraph/io.hpp"
#include "piagraph/limits.hpp"
#include "piagraph/text.hpp"
#include "readings.hpp"
#include "table_text.hpp"

namespace piagraph {

namespace {

using extract_detail::compact_key;
using extract_detail::FormLabels;
using extract_detail::without_row_markup;

// A cover title: 特定個人情報保護評価書（全項目評価書） and nothing much else on the line.
// Cover lines are short; long lines (prose, record lists) are skipped without normalising them.
constexpr size_t kMaxCoverLineBytes = 600;

bool is_title_line(const std::string& line) {
    if (line.size() > kMaxCoverLineBytes || !text::contains(line, FormLabels::get().filter_char("title"))) return false;
    const std::string k = compact_key(without_row_markup(line));  // a page's first line opens with \f
    for (const auto& title : FormLabels::get().spellings("title")) {
        if (!text::starts_with(k, title) || k.size() > title.size() + 60) continue;
        for (const auto& form : Dictionary::get().form_names())
            if (text::contains(k, compact_key(form))) return true;
    }
    return false;
}

bool is_number_line(const std::string& line) {
    if (line.size() > kMaxCoverLineBytes || !text::contains(line, FormLabels::get().filter_char("number")))
        return false;
    const std::string k = compact_key(without_row_markup(line));
    for (const auto& label : FormLabels::get().spellings("number"))
        if (text::starts_with(k, label)) return true;
    return false;
}

// Where section I of an assessment quoted without its cover starts: its ①事務の名称 comes again after
// the systems of the one before it (a fragment converted twice repeats I-1 with nothing between).
// The start is the section's heading (Ⅰ 基本情報) or item (１．特定個人情報ファイルを取り扱う事務) just above.
std::vector<size_t> section_one_restarts(const std::vector<std::string>& lines, const std::vector<size_t>& covers) {
    constexpr size_t kHeadingSpan = 8;  // lines above the label
    std::vector<size_t> restarts;
    std::optional<size_t> last_affair;
    bool systems_since = false;
    // Both labels end in the same kanji (名称): most lines are passed over by one search for it.
    const std::string& name_char = FormLabels::get().filter_char("affair_name");
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].size() > kMaxCoverLineBytes || !text::contains(lines[i], name_char)) continue;
        if (extract_detail::opens_with_field_label(lines[i], "system_name", 1) ||
            extract_detail::opens_with_field_label(lines[i], "system_name", 3))
            systems_since = true;
        if (!extract_detail::opens_with_field_label(lines[i], "affair_name", 1)) continue;
        const bool cover_between = std::any_of(covers.begin(), covers.end(),
                                               [&](size_t c) { return last_affair && c > *last_affair && c <= i; });
        if (last_affair && systems_since && !cover_between) {
            size_t start = i;
            for (size_t k = i; k-- > 0 && i - k <= kHeadingSpan && k > *last_affair;) {
                const std::string key = compact_key(without_row_markup(lines[k]));
                if (FormLabels::get().in("sub_affair", key) ||
                    (text::starts_with(key, "I") && FormLabels::get().in("section_basic", key)))
                    start = k;
            }
            restarts.push_back(start);
        }
        last_affair = i;
        systems_since = false;
    }
    return restarts;
}

// The covers that open an assessment each. A run of covers alike (title and 評価書番号) is a
// running header printed atop every page when its span holds fewer assessments (their ①事務の名称)
// than covers: then only its first opens one (section_one_restarts finds any others).
std::vector<size_t> without_running_headers(const std::vector<std::string>& lines, const std::vector<size_t>& starts,
                                            const std::vector<size_t>& numbers) {
    constexpr size_t kNumberValueSpan = 5;  // a label cell, blank lines, 評価書名 above its value, then its value
    // The title, and the number its 評価書番号 gives: on that line, or the next one written that is no
    // label (評価書番号 | 評価書名 | 2: the cover's header row over its values, in pdftotext's raw order).
    const auto cover_key = [&](size_t k) {
        std::string number = compact_key(without_row_markup(lines[numbers[k]]));
        for (const auto& label : FormLabels::get().spellings("number"))
            if (text::starts_with(number, label)) number.erase(0, label.size());
        for (size_t i = numbers[k] + 1; number.empty() && i < lines.size() && i <= numbers[k] + kNumberValueSpan; ++i)
            if (number = compact_key(without_row_markup(lines[i])); FormLabels::get().is("title_field", number))
                number.clear();
        return compact_key(without_row_markup(lines[starts[k]])) + "|" + number;
    };
    std::vector<std::string> keys;
    for (size_t k = 0; k < starts.size(); ++k) keys.push_back(cover_key(k));
    std::vector<size_t> kept;
    for (size_t first = 0, next = 0; first < starts.size(); first = next) {
        next = first + 1;
        while (next < starts.size() && keys[next] == keys[first]) ++next;
        const size_t end = next < starts.size() ? starts[next] : lines.size();
        size_t affairs = 0;
        for (size_t i = starts[first]; i < end; ++i)
            affairs += extract_detail::opens_with_field_label(lines[i], "affair_name", 1) ? 1 : 0;
        if (affairs >= next - first)
            kept.insert(kept.end(), starts.begin() + static_cast<long>(first),
                        starts.begin() + static_cast<long>(next));
        else
            kept.push_back(starts[first]);
    }
    return kept;
}

// Where each quoted assessment starts (0-based line indexes). A title counts only when a
// 評価書番号 follows it before the next title (page headers of pdftotext repeat the title alone).
std::vector<size_t> assessment_starts(const std::vector<std::string>& lines) {
    constexpr size_t kCoverSpan = 40;
    std::vector<size_t> titles, numbers;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (is_title_line(lines[i])) titles.push_back(i);
        if (is_number_line(lines[i])) numbers.push_back(i);
    }
    std::vector<size_t> starts, start_numbers;  // each cover's title, and its 評価書番号's line
    for (size_t t = 0; t < titles.size(); ++t) {
        const size_t limit = std::min(t + 1 < titles.size() ? titles[t + 1] : lines.size(), titles[t] + kCoverSpan);
        for (size_t n : numbers)
            if (n > titles[t] && n < limit) {
                starts.push_back(titles[t]);
                start_numbers.push_back(n);
                break;
            }
    }
    if (starts.empty() && numbers.size() > 1) starts = start_numbers = numbers;
    starts = without_running_headers(lines, starts, start_numbers);
    const std::vector<size_t> restarts = section_one_restarts(lines, starts);
    if (restarts.empty()) return starts;
    if (starts.empty()) starts.push_back(0);  // the first assessment, with or without its cover
    starts.insert(starts.end(), restarts.begin(), restarts.end());
    std::sort(starts.begin(), starts.end());
    return starts;
}

// A document's whole text, from its lines as they are now.
void join_lines(Document& doc) {
    doc.text.clear();
    for (const auto& line : doc.lines) {
        doc.text += line;
        doc.text += '\n';
    }
}

// Lines [from, to) of the document, numbered as in the whole: a part costs its own size only, so
// a file of N assessments costs N times one.
Document part_of(const Document& doc, size_t from, size_t to) {
    Document part;
    part.path = doc.path;
    part.encoding = doc.encoding;
    part.first_line = doc.first_line + static_cast<int>(from);
    to = std::min(to, doc.lines.size());
    part.lines.assign(doc.lines.begin() + static_cast<long>(from), doc.lines.begin() + static_cast<long>(to));
    // Each quoted assessment in its own conversion (a set concatenated from tab rows and pdftotext);
    // an excerpt with a few tab rows, too few to tell, keeps the document's.
    const TextFormat own = detect_format(part.lines);
    const bool tab_rows = std::any_of(part.lines.begin(), part.lines.end(),
                                      [](const std::string& l) { return l.find('\t') != std::string::npos; });
    part.format = own == TextFormat::pdftext && tab_rows ? doc.format : own;
    join_lines(part);
    return part;
}

// The key of the field label that opens a line (①事務の名称 …, ① 事務の名称 …), "" if none does.
std::string opening_field_label(std::string_view line) {
    const std::string_view cell = without_row_markup(line);
    size_t end = extract_detail::next_space(cell);
    std::string key = extract_detail::label_key(cell.substr(0, std::min(end, cell.size())));
    if (key.empty() && end < cell.size()) {  // a number set apart from its label's words
        end = extract_detail::next_space(cell, extract_detail::after_space(cell, end));
        key = extract_detail::label_key(cell.substr(0, std::min(end, cell.size())));
    }
    return FormLabels::get().is_field_label(key) ? key : std::string();
}

// A text whose cover was lost (a conversion begun at page 2, a cover kept apart) is still an
// assessment when lines open with the form's own field labels: several distinct ones, as one
// quoted in prose does not make a form.
bool holds_field_labels(const Document& doc) {
    constexpr size_t kMinDistinctLabels = 4;
    std::set<std::string, std::less<>> seen;
    for (const auto& line : doc.lines) {
        if (line.size() > kMaxCoverLineBytes) continue;
        if (std::string key = opening_field_label(line); !key.empty()) seen.insert(std::move(key));
        if (seen.size() >= kMinDistinctLabels) return true;
    }
    return false;
}

bool looks_like_assessment(const Document& doc) {
    const auto& titles = FormLabels::get().spellings("title");
    for (const auto& line : doc.lines) {
        if (is_number_line(line)) return true;
        if (line.size() > kMaxCoverLineBytes) continue;
        const std::string k = compact_key(line);
        for (const auto& t : titles)
            if (text::contains(k, t)) return true;
    }
    return holds_field_labels(doc);
}

// What a reading holds beyond the text it was cut from, at the sizes of its entries.
std::size_t reading_bytes(const std::vector<Assessment>& found) {
    std::size_t n = 0;
    for (const auto& a : found) {
        n += sizeof(Assessment) + a.systems.size() * sizeof(System) + a.attachment1_steps.size() * sizeof(Step) +
             a.changes.size() * sizeof(ChangeRow) + a.coverage.size() * sizeof(CoverageItem);
        for (const auto& f : a.files)
            n += sizeof(FileBlock) + (f.provisions.size() + f.transfers.size()) * sizeof(Flow) +
                 f.entrustments.size() * sizeof(Entrustment) + f.sources.size() * sizeof(Source);
    }
    return n;
}

// One reading of a part, within the document's budget: the time is checked before it, what it
// made is counted after it.
template <class Reader>
std::vector<Assessment> read_within(extract_detail::DocumentBudget& budget, const Document& part, Reader reader) {
    budget.check_time();
    auto found = reader(part);
    budget.charge(reading_bytes(found));
    return found;
}

// Whether a reading found anything of an assessment (a reader opens one at a title line, which a
// page header may repeat).
bool has_content(const Assessment& a) {
    return !a.form.empty() || !a.number.empty() || !a.affair.empty() || !a.systems.empty() || !a.files.empty();
}

// One part of a document through the parser its conversion needs. pdftotext output whose label
// and value cells were printed side by side (or one under the other) reads best as rebuilt rows;
// where both readings apply (rebuilt rows, and the text as written), the one that finds more of
// the form's items wins.
std::vector<Assessment> parse_part(const Document& part, extract_detail::DocumentBudget& budget) {
    budget.check_time();
    // The text as it came, read by the parser of its conversion (a markdown-like text whose rows
    // lost their tabs, label and value with spaces between, reads there too).
    const auto own_parser =
        part.format == TextFormat::markdown ? extract_detail::parse_markdown : extract_detail::parse_pdftext;
    auto rows = extract_detail::rows_from_layout(part);
    if (!rows) return read_within(budget, part, own_parser);
    budget.charge(extract_detail::document_bytes(*rows));
    auto from_rows = read_within(budget, *rows, extract_detail::parse_markdown);
    auto as_written = read_within(budget, part, own_parser);
    // A reading's empty assessments pair with nothing: without them the readings pair one to one.
    for (auto* reading : {&from_rows, &as_written})
        reading->erase(
            std::remove_if(reading->begin(), reading->end(), [](const Assessment& a) { return !has_content(a); }),
            reading->end());
    return extract_detail::merge_readings(std::move(from_rows), std::move(as_written));
}

[[noreturn]] void not_an_assessment(const Document& doc) {
    throw InputError(doc.path, 0,
                     {"特定個人情報保護評価書として認識できません（表紙の「特定個人情報保護評価書」や評価書番号、"
                      "I 基本情報などの項目が見つかりません）",
                      "not recognised as a specific personal information protection assessment "
                      "(特定個人情報保護評価書): no cover title, 評価書番号 or section I items found"});
}

// The cover's number and title cells read one line apart (a title of two lines beside a number at
// the foot of its cell: 評価書番号 | 評価書名 | 地方税 … 事務 | 14 重点項目評価書): the number read is no
// number and the title opens with one. The number goes back to its field; what was read as the
// number begins the title where the title's rest is the form's name alone.
void settle_number_and_title(Assessment& a) {
    using extract_detail::looks_like_assessment_number;
    if (looks_like_assessment_number(a.number)) return;
    const std::string title = text::trim(a.title);
    const size_t space = title.find(' ');
    if (space == std::string::npos || !looks_like_assessment_number(title.substr(0, space))) return;
    const std::string rest = text::trim(title.substr(space + 1));
    // No number read, and the title opens with one: both cells' values on one line under their
    // labels (評価書番号 | 評価書名 | 4 児童手当に関する事務 基礎項目評価書).
    if (a.number.empty()) {
        a.number = title.substr(0, space);
        a.title = rest;
        if (const auto at = a.locs.find("title"); at != a.locs.end()) a.locs["number"] = at->second;
        return;
    }
    a.title = extract_detail::is_form_name(rest) ? text::trim(a.number) + " " + rest : rest;
    a.number = title.substr(0, space);
    if (const auto at = a.locs.find("title"); at != a.locs.end()) a.locs["number"] = at->second;
}

// The cover's title is the affair's name followed by the form's (住民基本台帳に関する事務 全項目評価書).
// A title that is only the number was read from the number's cell: it is no title. Where the
// affair's own row was not read, the title names it.
void settle_affair_and_title(Assessment& a) {
    const std::string title = text::trim(a.title);
    if (!title.empty() && title == text::trim(a.number)) {
        a.title.clear();
        a.locs.erase("title");
        return;
    }
    if (!a.affair.empty() || title.empty()) return;
    for (const std::string& form : Dictionary::get().form_names()) {
        if (!title.ends_with(form)) continue;
        const std::string affair = text::trim(title.substr(0, title.size() - form.size()));
        if (affair.empty() || !extract_detail::looks_like_affair_name(affair) || extract_detail::is_form_name(affair))
            return;
        a.affair = affair;
        if (const auto at = a.locs.find("title"); at != a.locs.end()) a.locs["affair"] = at->second;
        return;
    }
}

// A legal basis printed as a dash (② 法令上の根拠 | －, beside 実施しない) cites nothing: its label was
// read and its value is empty.
void blank_dashed_bases(Assessment& a) {
    for (std::string* basis : {&a.individual_number_basis, &a.linkage.basis})
        if (extract_detail::is_dash_only(*basis)) basis->clear();
    for (auto& f : a.files)
        for (auto* flows : {&f.provisions, &f.transfers})
            for (auto& flow : *flows)
                if (extract_detail::is_dash_only(flow.basis)) flow.basis.clear();
}

// An assessment quoted without its cover (a review board's 資料2) names its form, if at all, in the
// heading set just above its first line (住民基本台帳に関する事務　重点項目評価書（案）): the line
// ends with the form's name, a draft's （案） aside.
void form_from_heading_above(Assessment& a, const Document& doc) {
    constexpr int kMaxLinesAbove = 8;
    if (!a.form.empty() || !a.loc.known()) return;
    const int first = std::max(doc.first_line, a.loc.line - kMaxLinesAbove);
    for (int line = a.loc.line - 1; line >= first; --line) {
        const auto at = static_cast<size_t>(line - doc.first_line);
        if (at >= doc.lines.size()) continue;
        std::string key = compact_key(doc.lines[at]);
        for (const auto& mark : extract_detail::written_list("draft_marks"))
            if (const std::string draft = compact_key(mark); key.ends_with(draft))
                key.resize(key.size() - draft.size());
        for (const auto& form : Dictionary::get().form_names())
            if (key.ends_with(compact_key(form))) {
                a.form = form;
                a.locs["form"] = Loc::at(line);
                return;
            }
    }
}

void finish(Assessment& a, const Document& doc, const std::map<std::string, std::string>& definitions) {
    a.source_file = doc.path;
    form_from_heading_above(a, doc);
    blank_dashed_bases(a);
    settle_number_and_title(a);
    settle_affair_and_title(a);
    extract_detail::drop_numbered_group_titles(a.attachment1_steps);
    const auto& dict = Dictionary::get();
    for (auto& s : a.systems) {
        s.normalized_name = extract_detail::normalize_name(s.name);
        const StandardSystem* standard = dict.resolve_standard(s.normalized_name);
        if (!standard) {
            auto it = definitions.find(s.normalized_name);
            if (it != definitions.end()) standard = dict.resolve_standard(it->second);
        }
        s.canonical_id = standard ? standard->id : "";
    }
    extract_detail::compute_coverage(a);
}

// PDF input: every location also names its page, and each page that could not be read becomes a
// not_found coverage item of the assessment it lies in (the last one starting before it).
void add_pages(std::vector<Assessment>& assessments, const Document& doc) {
    for (auto& a : assessments) extract_detail::for_each_loc(a, [&doc](Loc& l) { l.page = doc.page_of(l.line); });
    for (int page : doc.unread_pages) {
        const int line = doc.page_starts[static_cast<size_t>(page - 1)];
        Assessment* owner = &assessments.front();
        for (auto& a : assessments)
            if (a.loc.known() && a.loc.line <= line) owner = &a;
        extract_detail::cover_unread_page(*owner, page);
    }
}

// The document as the readers take it, in one copy made only when a line changes: the rows of a
// spreadsheet's text and of grid tables joined (table_text.hpp), its running headers and footers
// (page_furniture.hpp) blanked but for the form feed that starts a page, its lines repaired
// (line_repairs.hpp), and the rows of a table written on one line each given a line of its own.
// `source_lines` maps the copy's line numbers back to the input's; empty when no line was split
// (the numbers are the same).
struct CleanedDocument {
    Document doc;
    std::vector<int> source_lines;

    // The input's number of line `line` of the copy.
    int source_line(int line) const {
        const auto at = static_cast<size_t>(line - doc.first_line);
        return source_lines.empty() || line < doc.first_line || at >= source_lines.size() ? line : source_lines[at];
    }
    // Each location of an assessment read from the copy, numbered as in the input.
    void restore_source_lines(Assessment& a) const {
        if (source_lines.empty()) return;
        extract_detail::for_each_loc(a, [&](Loc& l) {
            if (!l.known()) return;
            l.line = source_line(l.line);
            l.end_line = std::max(l.line, source_line(l.end_line));
        });
    }
};

// The rows of each table written on one line given a line of their own, and the title of an item
// merged into its first row's label cell a line of its own (table_text.hpp), in `out`
// (copied from `doc` when a line splits): the input's line number of each line of the copy, or
// nothing when no line splits.
std::vector<int> split_table_rows(const Document& doc, std::optional<Document>& out) {
    const std::vector<std::string>& lines = out ? out->lines : doc.lines;
    std::map<size_t, std::vector<std::string>> titled = extract_detail::title_column_rows(lines);
    titled.merge(extract_detail::numbers_joined(lines));  // a line both would replace stays the title's
    std::vector<int> source_lines;                        // filled from the first line split on
    std::vector<std::string> split;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        // What replaces the line: a title's lines (maybe none), or a table's rows; the line itself.
        // A field's number the title's piece stood before is joined to its label there again (the
        // line's repairs saw the piece first).
        const auto title = titled.find(i);
        std::vector<std::string> rows;
        if (title != titled.end()) {
            rows = title->second;
            for (auto& row : rows)
                if (auto joined = extract_detail::with_field_number_joined(row)) row = std::move(*joined);
        } else if (rows = extract_detail::table_rows_of(line); rows.empty())
            rows = extract_detail::titled_label_rows(line);
        if (title == titled.end() && rows.empty()) {  // the line stays as it is
            if (source_lines.empty()) continue;
            rows.push_back(line);
        }
        if (source_lines.empty())  // the lines before, as they are
            for (size_t k = 0; k < i; ++k) {
                split.push_back(lines[k]);
                source_lines.push_back(doc.first_line + static_cast<int>(k));
            }
        for (auto& row : rows) {
            split.push_back(std::move(row));
            source_lines.push_back(doc.first_line + static_cast<int>(i));
        }
    }
    if (!source_lines.empty()) {
        if (!out) out = doc;
        out->lines = std::move(split);
    }
    return source_lines;
}

// The pages of `doc` in the order of their printed numbers (page_furniture.hpp), in `out`: the
// input's line number of each line of the copy, or nothing when the pages are in order. Each page
// but the first starts with a form feed, as pdftotext marks it.
std::vector<int> pages_in_printed_order(const Document& doc, std::optional<Document>& out) {
    const auto order = extract_detail::printed_page_order(doc.lines);
    if (!order) return {};
    out = doc;
    std::vector<int> source_lines;
    for (size_t k = 0; k < order->size(); ++k) {
        const size_t from = (*order)[k];
        std::string line(extract_detail::without_form_feeds(doc.lines[from]));
        const bool page_starts = k > 0 && from != (*order)[k - 1] + 1;
        const bool kept_feed = k > 0 && !page_starts && line.size() != doc.lines[from].size();
        if (page_starts || kept_feed) line.insert(line.begin(), '\f');
        out->lines[k] = std::move(line);
        source_lines.push_back(doc.first_line + static_cast<int>(from));
    }
    return source_lines;
}

// A text written double-spaced (a blank line after every line, as some tools copy or save a
// document): the same text single-spaced, each run of 2k+1 blank lines k blank lines, and in
// `source_lines` the input's number of each of its lines; nullopt for any other text. A text is
// double-spaced when hardly any two lines in a row hold text, and many lines do; a PDF's text keeps
// its lines, which number its pages.
std::optional<Document> single_spaced(const Document& doc, std::vector<int>& source_lines) {
    constexpr size_t kMinLines = 40;
    constexpr double kMinTextShare = 0.3, kMaxAdjacentShare = 0.01;
    if (!doc.page_starts.empty() || doc.lines.size() < kMinLines) return std::nullopt;
    const auto blank = [&](size_t i) { return text::trim_view(doc.lines[i]).empty(); };
    size_t written = 0, adjacent = 0;
    for (size_t i = 0; i < doc.lines.size(); ++i) {
        if (blank(i)) continue;
        ++written;
        if (i + 1 < doc.lines.size() && !blank(i + 1)) ++adjacent;
    }
    if (static_cast<double>(written) < kMinTextShare * static_cast<double>(doc.lines.size()) ||
        static_cast<double>(adjacent) > kMaxAdjacentShare * static_cast<double>(written))
        return std::nullopt;
    Document out = doc;
    out.lines.clear();
    source_lines.clear();
    for (size_t i = 0; i < doc.lines.size();) {
        if (!blank(i)) {
            out.lines.push_back(doc.lines[i]);
            source_lines.push_back(doc.first_line + static_cast<int>(i));
            ++i;
            continue;
        }
        size_t run = i;
        while (run < doc.lines.size() && blank(run)) ++run;
        for (size_t k = 0; k < (run - i - 1) / 2; ++k) {
            out.lines.push_back(doc.lines[i + k]);
            source_lines.push_back(doc.first_line + static_cast<int>(i + k));
        }
        i = run;
    }
    join_lines(out);
    return out;
}

std::optional<CleanedDocument> cleaned_from(const Document& doc);

// The document as the readers take it (cleaned_from): first single-spaced where it was written
// double-spaced, and with its form feeds again where it lost them but prints its page numbers.
std::optional<CleanedDocument> cleaned_document(const Document& input) {
    std::vector<int> single_lines;
    std::optional<Document> copy = single_spaced(input, single_lines);
    if (const auto starts = extract_detail::page_starts_by_number((copy ? *copy : input).lines)) {
        if (!copy) copy = input;
        for (const size_t i : *starts) copy->lines[i].insert(0, 1, '\f');
        join_lines(*copy);
    }
    if (!copy) return cleaned_from(input);
    std::optional<CleanedDocument> cleaned = cleaned_from(*copy);
    if (!cleaned) cleaned = CleanedDocument{*copy, {}};
    if (single_lines.empty()) return cleaned;
    if (cleaned->source_lines.empty())
        cleaned->source_lines = std::move(single_lines);
    else
        for (int& line : cleaned->source_lines) line = single_lines[static_cast<size_t>(line - input.first_line)];
    return cleaned;
}

std::optional<CleanedDocument> cleaned_from(const Document& doc) {
    std::optional<Document> out;
    // Pages first: the repairs below look at each page's edges.
    const std::vector<int> page_lines = pages_in_printed_order(doc, out);
    const auto line_of = [&](size_t i) -> std::string& {
        if (!out) out = doc;
        return out->lines[i];
    };
    // Whole-text repairs first: they join rows whose cells run over several lines.
    bool rows_rebuilt = false;
    for (const auto repair : {extract_detail::spreadsheet_records, extract_detail::grid_table_rows,
                              extract_detail::framed_pipe_rows, extract_detail::joined_html_rows})
        if (auto lines = repair(out ? out->lines : doc.lines)) {
            line_of(0);
            out->lines = std::move(*lines);
            rows_rebuilt = true;
        }
    for (size_t i : extract_detail::page_furniture(out ? out->lines : doc.lines)) {
        std::string& line = line_of(i);
        line.resize(line.size() - extract_detail::without_form_feeds(line).size());  // its form feeds only
    }
    const extract_detail::TextRepairs repairs = extract_detail::repairs_needed(out ? out->lines : doc.lines);
    for (size_t i = 0; i < doc.lines.size(); ++i)
        if (std::optional<std::string> repaired =
                extract_detail::repaired_line(out ? out->lines[i] : doc.lines[i], repairs))
            line_of(i) = std::move(*repaired);
    for (const auto joined : {extract_detail::cut_labels_joined, extract_detail::marks_joined,
                              extract_detail::centred_entry_headers_moved, extract_detail::count_pieces_joined})
        for (auto& [i, line] : joined(out ? out->lines : doc.lines)) line_of(i) = std::move(line);
    for (auto& [i, line] : extract_detail::cut_options_joined(out ? out->lines : doc.lines, true))
        line_of(i) = std::move(line);
    std::vector<int> source_lines = split_table_rows(doc, out);
    if (!page_lines.empty()) {  // the lines split were numbered as the pages were put in order
        if (source_lines.empty())
            source_lines = page_lines;
        else
            for (int& line : source_lines) line = page_lines[static_cast<size_t>(line - doc.first_line)];
    }
    if (!out) return std::nullopt;
    // Rows rebuilt from a spreadsheet's text or a table are rows: a text taken for pdftotext's
    // (a CSV has no tab) is read as rows when they now say so.
    if ((rows_rebuilt || !source_lines.empty()) && out->format == TextFormat::pdftext)
        out->format = detect_format(out->lines);
    join_lines(*out);
    return CleanedDocument{std::move(*out), std::move(source_lines)};
}

}  // namespace

namespace extract_detail {

Document cleaned_document(const Document& doc) {
    std::optional<CleanedDocument> cleaned = cleaned_from(doc);
    return cleaned ? std::move(cleaned->doc) : doc;
}

}  // namespace extract_detail

Model extract_file(const std::string& path, const IngestOptions& options, const ExtractOptions& extract) {
    return extract_document(load_document(path, options), extract);
}

Model extract_document(const Document& input, const ExtractOptions& options) {
    const std::optional<CleanedDocument> cleaned = cleaned_document(input);
    const Document& doc = cleaned ? cleaned->doc : input;
    const auto source_line = [&cleaned](int line) { return cleaned ? cleaned->source_line(line) : line; };
    extract_detail::DocumentBudget budget(doc.path, options);
    budget.charge(extract_detail::document_bytes(doc));
    if (!looks_like_assessment(doc)) not_an_assessment(doc);
    Model model;
    model.source = {doc.path, format_name(doc.format)};
    const std::vector<size_t> starts = assessment_starts(doc.lines);
    std::vector<Assessment> found;
    if (starts.size() <= 1) {
        found = parse_part(doc, budget);
    } else {
        for (size_t i = 0; i < starts.size(); ++i) {
            const size_t from = i == 0 ? 0 : starts[i];
            const size_t to = i + 1 < starts.size() ? starts[i + 1] : doc.lines.size();
            const Document part = part_of(doc, from, to);
            budget.charge(extract_detail::document_bytes(part));
            for (auto& a : parse_part(part, budget)) found.push_back(std::move(a));
        }
    }
    const auto definitions = extract_detail::find_definitions(doc.lines);
    for (auto& a : found) {
        if (!has_content(a)) continue;
        if (a.systems.size() > limits::kMaxSystemsPerAssessment)
            throw too_many_systems_error(doc.path, source_line(a.systems[limits::kMaxSystemsPerAssessment].loc.line),
                                         a.systems.size(), "");
        finish(a, doc, definitions);
        if (cleaned) cleaned->restore_source_lines(a);
        model.assessments.push_back(std::move(a));
    }
    if (model.assessments.empty()) not_an_assessment(doc);
    if (!doc.page_starts.empty()) add_pages(model.assessments, doc);
    return model;
}

}  // namespace piagraph
