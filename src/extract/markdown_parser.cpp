// parse_markdown: the markdown-like conversion. Rows are tab-separated label/value pairs with HTML
// fragments; the parser follows the form's own structure (roman sections, numbered items, ①…
// fields, numbered entries such as システム3 / 委託事項2 / 移転先5) and never a file's line numbers.
#include <algorithm>
#include <optional>
#include <regex>
#include <set>
#include <utility>

#include "common.hpp"
#include "form_labels.hpp"
#include "parsers.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

namespace {

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

// One line split into cells. `label` is the field label (①… kept), `value` the rest joined.
struct Row {
    int line = 0;
    std::vector<std::string> all_cells;  // every tab cell, trimmed, empty ones kept
    std::vector<std::string> cells;      // the non-empty ones
    std::string label;
    std::string key;  // label_key(label)
    std::string value;
    std::string head;       // the first cell without decoration, NFKC, trimmed ("" when it is long)
    int first_circled = 0;  // the field number ①… that opens the first cell, 0 if none
};

// A cell without markdown/HTML decoration: "## 1. …", "**①事務の名称**", "<p>7. 備考</p>".
std::string plain(const std::string& cell) {
    std::string s = text::trim(strip_html(cell));
    while (!s.empty() && (s[0] == '#' || s[0] == '*' || s[0] == '>')) s = text::trim(s.substr(1));
    while (!s.empty() && s.back() == '*') s = text::trim(s.substr(0, s.size() - 1));
    return s;
}

// Markdown pipe tables (| a | b |) are rows like tab-separated ones; their |---| rules are not.
bool is_pipe_row(const std::string& raw) { return text::starts_with(text::trim(raw), "|"); }
bool is_pipe_rule(const std::string& raw) {
    const std::string t = text::trim(raw);
    return is_pipe_row(t) && t.find_first_not_of("|-: \t") == std::string::npos;
}

constexpr size_t kMaxLabelBytes = 600;

// Where an HTML table cell opens (<td …> or <th …>, not <thead>) at or after `from`; npos if none.
size_t cell_open(const std::string& raw, size_t from) {
    for (size_t at = raw.find("<t", from); at != std::string::npos; at = raw.find("<t", at + 2)) {
        if (at + 3 >= raw.size() || (raw[at + 2] != 'd' && raw[at + 2] != 'h')) continue;
        if (raw[at + 3] == '>' || raw[at + 3] == ' ') return at;
    }
    return std::string::npos;
}

// An HTML table row (<tr><td>label</td><td>value</td></tr>) as tab-separated cells, so that
// every table spelling reads as one row.
std::string html_row_as_tabs(const std::string& raw) {
    std::string out;
    for (size_t at = cell_open(raw, 0); at != std::string::npos;) {
        const size_t body = raw.find('>', at);
        if (body == std::string::npos) break;
        const size_t next = cell_open(raw, body);
        size_t end = std::min(raw.find("</t", body), next);
        if (end == std::string::npos) end = raw.size();
        if (!out.empty()) out += '\t';
        std::string cell = raw.substr(body + 1, end - body - 1);
        std::replace(cell.begin(), cell.end(), '\t', ' ');
        out += cell;
        at = next;
    }
    return out;
}

Row make_row(const std::string& raw_line, int line) {
    Row r;
    r.line = line;
    std::string raw = cell_open(raw_line, 0) == std::string::npos ? raw_line : html_row_as_tabs(raw_line);
    char separator = '\t';
    if (is_pipe_row(raw)) {
        raw = text::trim(raw).substr(1);
        if (!raw.empty() && raw.back() == '|') raw.pop_back();
        separator = '|';
    }
    size_t start = 0;
    while (true) {
        const size_t tab = raw.find(separator, start);
        r.all_cells.push_back(
            text::trim(raw.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    for (const auto& c : r.all_cells)
        if (!c.empty()) r.cells.push_back(c);
    if (r.cells.empty()) return r;
    // The openings of the first two cells without decoration, each stripped once. No label is
    // long; long cells (record item lists, prose) are not normalised whole.
    const std::string first = plain(r.cells[0].substr(0, kMaxLabelBytes));
    const std::string second = r.cells.size() >= 2 ? plain(r.cells[1].substr(0, kMaxLabelBytes)) : std::string();
    r.first_circled = circled_number(first);
    size_t label_at = 0;
    // "再委託 <tab> ⑦再委託の有無 <tab> value": the group word comes first, the field label second.
    if (r.cells.size() >= 2 && r.first_circled == 0 && circled_number(second) > 0) label_at = 1;
    r.label = r.cells[label_at];
    if (r.label.size() <= kMaxLabelBytes) r.key = label_key(label_at == 0 ? first : second);
    if (r.cells[0].size() <= kMaxLabelBytes) r.head = text::trim(text::nfkc(first));
    for (size_t i = label_at + 1; i < r.cells.size(); ++i) r.value += (r.value.empty() ? "" : " ") + r.cells[i];
    return r;
}

// "システム3" -> 3, "システム2～5" -> -1 (a range header, not an entry), otherwise 0.
int entry_number(const std::string& key, const std::string& cell) {
    const std::string k = compact_key(cell);
    for (const auto& prefix : FormLabels::get().spellings(key)) {
        if (!text::starts_with(k, prefix)) continue;
        const std::string rest = k.substr(prefix.size());
        static const std::regex single(R"(^([0-9]+)$)");
        static const std::regex range("^[0-9]+" + regex_alternatives(written_list("range_separators")) + "[0-9]+$");
        std::smatch m;
        if (std::regex_match(rest, m, single)) return std::stoi(m[1].str());
        if (std::regex_match(rest, range)) return -1;
    }
    return 0;
}

// "1. 滞納処分ファイル 2. 交渉記録ファイル" -> both names; a line without numbering is one name.
std::vector<std::string> parse_name_list(const std::string& value) {
    const std::u32string v = text::to_u32(text::squeeze(strip_html(value)));
    auto digit = [](char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); };
    // (where the number starts, where the name starts) for every "N." that opens a word
    std::vector<std::pair<size_t, size_t>> marks;
    for (size_t i = 0; i < v.size(); ++i) {
        if (!digit(v[i]) || (i > 0 && v[i - 1] != U' ')) continue;
        size_t j = i;
        while (j < v.size() && digit(v[j])) ++j;
        if (j < v.size() && (v[j] == U'.' || v[j] == U'．')) {
            size_t k = j + 1;
            while (k < v.size() && v[k] == U' ') ++k;
            marks.emplace_back(i, k);
            i = k;
        }
    }
    std::vector<std::string> out;
    if (marks.empty() || marks[0].first != 0) {
        if (!v.empty()) out.push_back(text::to_utf8(v));
        return out;
    }
    for (size_t i = 0; i < marks.size(); ++i) {
        const size_t stop = i + 1 < marks.size() ? marks[i + 1].first : v.size();
        std::string name = text::trim(text::to_utf8(v.substr(marks[i].second, stop - marks[i].second)));
        if (!name.empty()) out.push_back(name);
    }
    return out;
}

void widen(Loc& loc, int line) {
    if (!loc.known()) loc = Loc::at(line);
    if (line > loc.end_line) loc.end_line = line;
}

std::string method_label(const OptionHit& hit) {
    const std::string& other = Dictionary::get().form_label("other_option");
    if (hit.label == other && !hit.detail.empty()) return other + "(" + hit.detail + ")";
    return hit.label;
}

// A choice of the assessment read by its own label (基礎 II しきい値判断項目, III しきい値判断結果).
struct AssessmentChoice {
    const char* label;  // form_labels key
    const char* group;  // options key
    std::string Assessment::*out;
    const char* field;  // locs and coverage key
};
const std::vector<AssessmentChoice>& assessment_choices() {
    static const std::vector<AssessmentChoice> choices{
        {"kiso_population", "population", &Assessment::population, "population"},
        {"handlers", "handlers", &Assessment::handlers, "handlers"},
        {"serious_incident", "serious_incident", &Assessment::serious_incident, "serious_incident"},
        {"threshold_result", "threshold_result", &Assessment::threshold_result, "threshold_result"}};
    return choices;
}

class MarkdownParser {
public:
    explicit MarkdownParser(const Document& doc) : doc_(doc), labels_(FormLabels::get()) {}

    std::vector<Assessment> run() {
        for (size_t i = 0; i < doc_.lines.size(); ++i) line(doc_.first_line + static_cast<int>(i), doc_.lines[i]);
        flush_pending();
        finish_assessment();
        return std::move(out_);
    }

private:
    const Document& doc_;
    const FormLabels& labels_;
    std::vector<Assessment> out_;
    std::optional<Assessment> a_;
    Section section_ = Section::cover;
    Sub sub_ = Sub::none;
    bool contents_seen_text_ = false;
    std::set<std::string> contents_entries_;  // the 項目一覧's lines, as compact keys
    std::string pending_cover_;               // a cover label whose value is on a later line
    int pending_cover_line_ = 0;
    bool expect_number_title_ = false;
    System* system_ = nullptr;
    FileBlock* file_ = nullptr;
    Entrustment* entrustment_ = nullptr;
    Flow* flow_ = nullptr;
    bool flow_is_transfer_ = false;
    bool collecting_names_ = false;  // the lines after a ファイル名 heading
    bool in_remarks_ = false;
    bool file_has_type_ = false;  // the open II block has had its ①ファイルの種類
    size_t remarks_first_step_ = 0;
    int risk_file_ = -1;
    int last_entrust_no_ = 0;
    bool entrust_gap_ = false;  // an [illegible] gap swallowed the start of the next entry
    std::optional<Row> pending_field_;
    const AssessmentChoice* other_pending_ = nullptr;  // a section V/VI choice label waiting for its row
    char procedure_item_ = 0;                          // VI: 'c' 意見の聴取, 'r' 第三者点検, 0 another item

    Assessment& a(int line) {
        if (!a_) {
            a_.emplace();
            a_->loc = Loc::at(line);
        }
        widen(a_->loc, line);
        return *a_;
    }

    void finish_assessment() {
        if (!a_) return;
        auto& s = a_->systems;
        s.erase(std::remove_if(s.begin(), s.end(), [](const System& x) { return text::trim(x.name).empty(); }),
                s.end());
        for (auto& f : a_->files) {
            auto empty_flow = [](const Flow& x) { return x.recipient.empty() && x.basis.empty() && x.methods.empty(); };
            f.provisions.erase(std::remove_if(f.provisions.begin(), f.provisions.end(), empty_flow),
                               f.provisions.end());
            f.transfers.erase(std::remove_if(f.transfers.begin(), f.transfers.end(), empty_flow), f.transfers.end());
            auto empty_entrust = [](const Entrustment& e) {
                return e.item.empty() && e.contractor.empty() && !e.resubcontract && e.methods.empty() &&
                       e.permission_method.empty() && e.resubcontract_items.empty();
            };
            f.entrustments.erase(std::remove_if(f.entrustments.begin(), f.entrustments.end(), empty_entrust),
                                 f.entrustments.end());
            // A group with no checked box is "unknown" only when something says it was filled.
            // Only where the method label was read: an unread group is not an unmarked one.
            for (auto* flows : {&f.provisions, &f.transfers})
                for (auto& flow : *flows)
                    if (flow.methods.empty() && flow.marks.empty() && !flow.recipient.empty() &&
                        flow.locs.count("methods"))
                        flow.marks = "none";
        }
        // Only blocks that hold something are files; a block met again (section III repeats the
        // file names, a converter may emit a table twice) adds only what the first one lacks.
        auto& files = a_->files;
        files.erase(std::remove_if(files.begin(), files.end(), [](const FileBlock& f) { return f.names.empty(); }),
                    files.end());
        merge_repeated_files(files);
        files_from_names(*a_);
        out_.push_back(std::move(*a_));
        a_.reset();
        system_ = nullptr;
        file_ = nullptr;
        entrustment_ = nullptr;
        flow_ = nullptr;
        section_ = Section::cover;
        sub_ = Sub::none;
        risk_file_ = -1;
    }

    // Whether cover labels (評価書番号, 評価書名, 評価実施機関名, 公表日) follow line n closely.
    bool cover_follows(int n) const {
        constexpr int kCoverSpan = 40;
        const int last = std::min(n + kCoverSpan, doc_.first_line + static_cast<int>(doc_.lines.size()) - 1);
        for (int at = n + 1; at <= last; ++at) {
            const Row r = make_row(doc_.lines[static_cast<size_t>(at - doc_.first_line)], at);
            if (r.cells.empty()) continue;
            if (r.key.empty() || r.first_circled > 0) continue;
            for (const char* field : {"number", "title_field", "organization", "published"})
                if (labels_.is(field, r.key)) return true;
        }
        return false;
    }

    // Whether the header row of the 変更箇所 table follows line n closely.
    bool change_table_follows(int n) const {
        constexpr int kSpan = 60;
        const int last = std::min(n + kSpan, doc_.first_line + static_cast<int>(doc_.lines.size()) - 1);
        for (int at = n + 1; at <= last; ++at) {
            const Row r = make_row(doc_.lines[static_cast<size_t>(at - doc_.first_line)], at);
            if (!r.cells.empty() && (change_table_header(r) || (r.cells.size() >= 2 && looks_like_date(r.cells[0]))))
                return true;
        }
        return false;
    }

    // Whether the assessment being read has anything of sections I or II yet.
    bool has_body() const { return a_ && (!a_->systems.empty() || !a_->files.empty() || !a_->affair.empty()); }

    void reset_entries() {
        system_ = nullptr;
        entrustment_ = nullptr;
        flow_ = nullptr;
        collecting_names_ = false;
        pending_field_.reset();
    }

    // ---- headings --------------------------------------------------------------------------

    bool title_line(const std::string& t, int n) {
        if (t.size() > kMaxLabelBytes || !text::contains(t, labels_.filter_char("title"))) return false;
        const std::string k = compact_key(plain(t));
        bool is_title = false;
        for (const auto& title : labels_.spellings("title"))
            if (text::starts_with(k, title) && k.size() < title.size() + 40) is_title = true;
        if (!is_title) return false;
        std::string form;
        for (const auto& f : Dictionary::get().form_names())
            if (text::contains(k, compact_key(f))) form = f;
        if (form.empty()) return false;
        // A title alone starts nothing: page headers and 概要書 headings repeat it. A cover does
        // (the title, then 評価書番号/評価書名 …), and so does section I starting over.
        if (has_body() && cover_follows(n)) finish_assessment();
        auto& as = a(n);
        if (as.form.empty()) {
            as.form = form;
            as.locs["form"] = Loc::at(n);
        }
        if (!has_body()) section_ = Section::cover;
        return true;
    }

    bool roman_heading(const Row& r) {
        if (r.cells.size() != 1) return false;
        if (r.cells[0].size() > kMaxLabelBytes) return false;
        static const std::regex roman(R"(^(VIII|VII|VI|IV|IX|V|III|II|I)\s*(?:\.|,|、)?\s*(.+)$)");
        const std::string& n = r.head;
        if (n.empty() || (n[0] != 'I' && n[0] != 'V')) return false;  // before the regex
        std::smatch m;
        if (!std::regex_match(n, m, roman)) return false;
        const std::string title = m[2].str();
        // Not a sentence that happens to start with an I.
        if (!(title[0] & 0x80) && title[0] != ' ') return false;
        Section s;
        if (labels_.in("section_other", title))
            s = Section::other;
        else if (labels_.in("section_basic", title))
            s = Section::basic;
        else if (labels_.in("section_files", title))
            s = Section::files;
        else if (labels_.in("section_risk", title))
            s = Section::risk;
        else
            return false;
        enter(s);
        return true;
    }

    bool annex_heading(const Row& r) {
        if (r.cells.size() != 1) return false;
        if (r.cells[0].size() > kMaxLabelBytes) return false;
        static const std::regex annex(R"(^\(\s*)" + regex_alternatives(labels_.spellings("annex")) +
                                      R"(\s*[0-9]+\s*\)\s*(.*)$)");
        const std::string& n = r.head;
        if (n.empty() || n[0] != '(') return false;  // before the regex
        std::smatch m;
        if (!std::regex_match(n, m, annex)) return false;
        const std::string title = m[1].str();
        if (labels_.in("annex_changes", title)) {
            // The 変更箇所 table holds old values and is read to the next cover: only a heading its
            // table follows opens it (a 項目一覧 entry cut off by a blank line does not).
            if (change_table_follows(r.line)) enter(Section::changes);
        } else if (labels_.in("annex_affair", title)) {
            enter(Section::annex_affair);
            if (!a(r.line).locs.count("attachment1")) a(r.line).locs["attachment1"] = Loc::at(r.line);
        } else
            enter(Section::annex_records);
        return true;
    }

    void enter(Section s) {
        // The 変更箇所 table repeats old values: once in it, nothing but change rows until a new cover.
        if (section_ == Section::changes && s != Section::changes) return;
        section_ = s;
        sub_ = Sub::none;
        in_remarks_ = false;
        procedure_item_ = 0;
        other_pending_ = nullptr;
        reset_entries();
        file_ = nullptr;
    }

    // The item of section I a numbered heading's title names (1. 特定個人情報ファイルを取り扱う事務 …).
    std::optional<Sub> basic_item(const std::string& title, int number) const {
        if (labels_.in("sub_systems", title)) return Sub::systems;
        if (labels_.in("sub_affair", title)) return Sub::affair;
        if (labels_.in("sub_file_names", title) && number != 1) return Sub::file_names;  // II-1 is "1."
        if (labels_.in("sub_number_use", title)) return Sub::number_use;
        if (labels_.in("sub_linkage", title)) return Sub::linkage;
        if (labels_.in("sub_department", title)) return Sub::department;
        if (labels_.in("sub_other_bodies", title)) return Sub::other_bodies;
        return std::nullopt;
    }

    // The item of a II block a numbered heading's title names.
    std::optional<Sub> files_item(const std::string& title, int number) const {
        if (labels_.in("sub_file_names", title)) return number == 1 ? std::optional(Sub::file_names) : std::nullopt;
        if (labels_.in("sub_acquisition", title)) return Sub::acquisition;
        if (labels_.in("sub_entrust", title)) return Sub::entrust;
        if (labels_.in("sub_flows", title)) return Sub::flows;
        if (labels_.in("sub_storage", title)) return Sub::storage;
        if (labels_.in("sub_basic_info", title)) return Sub::basic_info;
        if (labels_.in("sub_remarks", title)) return Sub::remarks;
        return std::nullopt;
    }

    // A numbered item heading. Its title says which item (and so which section) follows: the
    // roman section headings are hints that real conversions lose, never gates.
    bool numbered_heading(const Row& r) {
        if (r.cells.empty()) return false;
        if (r.cells[0].size() > kMaxLabelBytes) return false;
        static const std::regex numbered(R"(^([0-9]+)\s*\.\s*(.+)$)");
        const std::string& n = r.head;
        if (n.empty() || n[0] < '0' || n[0] > '9') return false;  // before the regex
        std::smatch m;
        if (!std::regex_match(n, m, numbered) || m[1].length() > 2) return false;
        const int number = std::stoi(m[1].str());
        const std::string title = m[2].str();
        if (section_ == Section::risk) {
            if (!labels_.in("sub_file_names", title)) return false;
            ++risk_file_;
            return true;
        }
        if (labels_.in("risk_items", title)) {  // section III, its heading lost
            enter_risk();
            return true;
        }
        if (section_ == Section::basic && sub_ == Sub::file_names && collecting_names_ && number == 1 &&
            !basic_item(title, number))
            return false;  // "1. 滞納処分ファイル 2. 交渉記録ファイル": the list, not an item
        const bool in_files = section_ == Section::files;
        std::optional<Sub> s = in_files ? files_item(title, number) : basic_item(title, number);
        Section owner = in_files ? Section::files : Section::basic;
        if (!s) {
            if (auto other = in_files ? basic_item(title, number) : files_item(title, number)) {
                s = other;
                owner = in_files ? Section::basic : Section::files;
            }
        }
        // 別添1 groups its steps under numbered titles of its own: only an item of II ends it.
        if (section_ == Section::annex_affair && owner != Section::files) return false;
        if (!s) {
            if (section_ != Section::basic || r.cells.size() != 1 || n.size() >= 120) return false;
            s = Sub::none;  // another item of section I (理由, …): nothing to read
        }
        if (owner != section_) enter(owner);
        open_item(*s, r.line);
        return true;
    }

    // Section III met through its own items: the file block its "1. 特定個人情報ファイル名" opened
    // is the same file as the II block of that name.
    void enter_risk() {
        const FileBlock* repeated = section_ == Section::files ? file_ : nullptr;
        enter(Section::risk);
        risk_file_ = -1;
        if (!repeated || !a_) return;
        for (size_t i = 0; i < a_->files.size(); ++i)
            if (a_->files[i].names == repeated->names && &a_->files[i] != repeated) {
                risk_file_ = static_cast<int>(i);
                break;
            }
    }

    // Starts reading item `s` of the current section.
    void open_item(Sub s, int line) {
        sub_ = s;
        reset_entries();
        if (s == Sub::systems && !a(line).locs.count("systems")) a(line).locs["systems"] = Loc::at(line);
        if (s != Sub::file_names) return;
        collecting_names_ = true;
        if (section_ != Section::files) return;
        file_has_type_ = false;
        auto& as = a(line);
        as.files.emplace_back();
        file_ = &as.files.back();
        file_->loc = Loc::at(line);
        last_entrust_no_ = 0;
        entrust_gap_ = false;
    }

    // Labels and entry headers that belong to one item of the form: where the item's heading was
    // lost (or never converted), the label itself says what is being read.
    std::optional<std::pair<Section, Sub>> item_of_label(const Row& r) const {
        using P = std::pair<Section, Sub>;
        const std::string& cell = r.cells[0];
        if (entry_number("entry_system", cell) != 0) return P{Section::basic, Sub::systems};
        if (entry_number("entry_entrust", cell) != 0) return P{Section::files, Sub::entrust};
        if (entry_number("entry_provision", cell) != 0 || entry_number("entry_transfer", cell) != 0)
            return P{Section::files, Sub::flows};
        const std::string& k = r.key;
        if (k.empty()) return std::nullopt;
        // 基礎項目評価書 names its systems inside I-1 (③システムの名称).
        if (labels_.is("system_name", k) || labels_.is("system_functions", k) || labels_.is("system_connections", k))
            return sub_ == Sub::affair && !labels_.is("system_connections", k)
                       ? std::nullopt
                       : std::optional(P{Section::basic, Sub::systems});
        if (labels_.is("affair_name", k)) return P{Section::basic, Sub::affair};
        if (labels_.is("linkage_status", k)) return P{Section::basic, Sub::linkage};
        if (labels_.is("department", k)) return P{Section::basic, Sub::department};
        if (labels_.is("sources", k) || labels_.is("methods", k)) return P{Section::files, Sub::acquisition};
        if (labels_.is("entrust_choice", k)) return P{Section::files, Sub::entrust};
        if (labels_.is("flow_choice", k)) return P{Section::files, Sub::flows};
        if (labels_.is("storage", k) || labels_.is("erasure", k)) return P{Section::files, Sub::storage};
        if (labels_.is("file_population", k) && !entrustment_) return P{Section::files, Sub::basic_info};
        // 法令上の根拠 without a number is I-5 個人番号の利用; ② after ①実施の有無 is I-6's.
        if (labels_.is("basis", k) && section_ != Section::files) {
            if (r.first_circled == 0) return P{Section::basic, Sub::number_use};
            if (sub_ != Sub::linkage && a_ && a_->locs.count("linkage.status")) return P{Section::basic, Sub::linkage};
        }
        return std::nullopt;
    }

    // Moves the reading to the item a row's label belongs to, when that is not the current one.
    void follow_label(const Row& r) {
        if (section_ == Section::changes || section_ == Section::risk) return;
        const auto item = item_of_label(r);
        if (!item || (item->first == section_ && item->second == sub_)) return;
        // A 委託事項/提供先 entry's own labels stay with it.
        if (item->first == section_ && (sub_ == Sub::entrust || sub_ == Sub::flows) && item->second == Sub::basic_info)
            return;
        if (item->first != section_) enter(item->first);
        open_item(item->second, r.line);
    }

    // ---- the line dispatcher ---------------------------------------------------------------

    void line(int n, const std::string& raw) {
        const std::string t = text::trim(raw);
        if (t.empty()) {
            if (section_ == Section::contents && contents_seen_text_) section_ = Section::cover;
            return;
        }
        if (is_pipe_rule(raw)) return;
        const Row r = make_row(raw, n);
        if (r.cells.empty()) return;
        if (pending_field_) {
            if (absorb(r)) return;
            flush_pending();
        }
        if (title_line(t, n)) return;
        if (section_ == Section::contents) {
            // The 項目一覧 lists the headings; it ends at a blank line, or where a heading it listed
            // comes again or a row with a value starts (conversions that keep no blank line).
            const std::string key = compact_key(r.head);
            if (r.cells.size() < 2 && r.first_circled == 0 && !contents_entries_.count(key)) {
                contents_entries_.insert(key);
                contents_seen_text_ = true;
                return;
            }
            section_ = Section::cover;
        }
        if (section_ == Section::changes) {
            change_row(r);
            return;
        }
        if (annex_heading(r) || roman_heading(r) || numbered_heading(r)) return;
        if (change_table_header(r)) {
            enter(Section::changes);
            return;
        }
        if (remarks_heading(r)) return;
        if (file_type_label(r)) return;
        follow_label(r);
        if (file_) widen(file_->loc, n);
        // A label whose value is on the next line, or a choice group whose options may go on over the
        // next lines, waits for them.
        if ((section_ == Section::basic || section_ == Section::files) && is_field_label(r.key) &&
            (r.cells.size() == 1 || !choice_group(r.key).empty())) {
            pending_field_ = r;
            return;
        }
        dispatch(r);
    }

    // ①ファイルの種類 comes once in each II block: a second one opens the next block where its
    // headings (Ⅱ …, 1. 特定個人情報ファイル名) were lost, named by the short line just above it.
    bool file_type_label(const Row& r) {
        if (!labels_.is("file_type", r.key) || section_ == Section::risk || section_ == Section::changes) return false;
        if (section_ == Section::files && file_ && !file_has_type_) {
            file_has_type_ = true;
            return false;
        }
        if (section_ != Section::files) enter(Section::files);
        open_item(Sub::file_names, r.line);
        collecting_names_ = false;
        file_has_type_ = true;
        if (const auto names = file_names_above(r.line)) {
            file_->names = names->first;
            file_->loc = Loc::at(names->second);
            file_->locs["names"] = Loc::at(names->second);
            release_from_last_step(names->second);
        }
        sub_ = Sub::basic_info;
        return false;  // the label's own row is read as usual
    }

    // The line naming a II block ends the 別添1 notes before it: taken back from the last step,
    // which read it as a continuation.
    void release_from_last_step(int line) {
        if (!a_ || a_->attachment1_steps.empty()) return;
        Step& last = a_->attachment1_steps.back();
        const Row r = make_row(doc_.lines[static_cast<size_t>(line - doc_.first_line)], line);
        const std::string body = r.cells.empty() ? std::string() : text::squeeze(strip_html(r.cells[0]));
        if (last.loc.end_line != line || last.loc.line == line || !text::ends_with(last.text, body)) return;
        last.text.erase(last.text.size() - body.size());
        last.loc.end_line = line - 1;
    }

    // The names of a II block whose heading was lost: a short single-cell line among the few lines
    // above its first label ("個人住民税ファイル", "1. 滞納処分ファイル 2. 交渉記録ファイル"), past
    // any item heading of the block that was kept (2. 基本情報).
    std::optional<std::pair<std::vector<std::string>, int>> file_names_above(int line) const {
        constexpr int kLookBack = 3;  // lines with text
        constexpr size_t kNameChars = 40;
        static const std::regex numbered(R"(^[0-9]+\s*\.\s*(.+)$)");
        for (int at = line - 1, seen = 0; at >= doc_.first_line && seen < kLookBack; --at) {
            const Row r = make_row(doc_.lines[static_cast<size_t>(at - doc_.first_line)], at);
            if (r.cells.empty()) continue;
            ++seen;
            if (r.cells.size() != 1 || is_field_label(r.key) || r.first_circled > 0) return std::nullopt;
            if (std::smatch m;
                std::regex_match(r.head, m, numbered) && (files_item(m[1].str(), 2) || basic_item(m[1].str(), 2)))
                continue;
            const auto names = parse_name_list(text::squeeze(strip_html(r.cells[0])));
            if (names.empty() || std::any_of(names.begin(), names.end(), [&](const std::string& n) {
                    return text::length(n) > kNameChars || labels_.in("illegible", n);
                }))
                return std::nullopt;
            return std::pair{names, at};
        }
        return std::nullopt;
    }

    // (備考) of 別添1 事務の内容: the numbered steps follow, wherever the annex heading went.
    bool remarks_heading(const Row& r) {
        if (section_ == Section::annex_affair || r.cells.size() != 1 || !labels_.is("remarks", r.key)) return false;
        enter(Section::annex_affair);
        auto& as = a(r.line);
        if (!as.locs.count("attachment1")) as.locs["attachment1"] = Loc::at(r.line);
        in_remarks_ = true;
        remarks_first_step_ = as.attachment1_steps.size();
        return true;
    }

    // The header row of the 変更箇所 table (変更日 | 項目 | 変更前の記載 …), which opens it where its
    // (別添) heading was lost.
    bool change_table_header(const Row& r) const {
        if (r.cells.size() < 3 || !labels_.is("change_date", compact_key(r.cells[0]))) return false;
        return std::any_of(r.cells.begin() + 1, r.cells.end(),
                           [&](const std::string& c) { return labels_.in("change_header", compact_key(c)); });
    }

    void flush_pending() {
        if (!pending_field_) return;
        const Row row = std::move(*pending_field_);
        pending_field_.reset();
        dispatch(row);
    }

    // Takes a line into the waiting row: its missing value, or more options of its choice group.
    bool absorb(const Row& r) {
        Row& p = *pending_field_;
        if (p.value.empty()) {
            if (!could_be_value(r)) return false;
            p.value = r.cells[0];
            p.cells.push_back(r.cells[0]);
            return true;
        }
        const std::string group = choice_group(p.key);
        if (group.empty() || !could_be_value(r) || looks_like_heading(r)) return false;
        if (find_options(r.cells[0], group).empty()) return false;
        p.value += " " + r.cells[0];
        return true;
    }

    // The option group a choice field reads, "" for a text field.
    std::string choice_group(const std::string& key) const {
        static const std::pair<const char*, const char*> groups[] = {
            {"system_connections", "connections"},  {"sources", "source_kinds"},
            {"methods", "acquisition_methods"},     {"entrust_choice", "entrust_choice"},
            {"entrust_methods", "entrust_methods"}, {"resubcontract", "resubcontract_choice"},
            {"flow_choice", "provision_transfer"},  {"linkage_status", "linkage_status"},
            {"population", "population"},           {"retention", "retention"},
            {"file_population", "persons"},         {"user_count", "users"}};
        for (const auto& [field, group] : groups)
            if (labels_.is(field, key)) return group;
        if (labels_.is("flow_methods", key)) return flow_is_transfer_ ? "transfer_methods" : "provision_methods";
        return "";
    }

    // Whether a row's first cell (Row::head) opens like a heading: 5. …, (別添1) …, II …
    static bool looks_like_heading(const Row& r) {
        static const std::regex heading(R"(^([0-9]+\s*\.|\(\s*)" +
                                        regex_alternatives(FormLabels::get().spellings("annex")) +
                                        R"(|(VIII|VII|VI|IV|IX|V|III|II|I)\s))");
        return !r.head.empty() && std::regex_search(r.head, heading);
    }

    static bool is_field_label(const std::string& key) { return FormLabels::get().is_field_label(key); }

    // A single cell that is not itself a label, a numbered field or an entry header.
    bool could_be_value(const Row& r) const {
        if (r.cells.size() != 1 || is_field_label(r.key) || r.first_circled > 0) return false;
        for (const char* entry : {"entry_system", "entry_entrust", "entry_provision", "entry_transfer"})
            if (entry_number(entry, r.cells[0]) != 0) return false;
        return !labels_.in("illegible", r.cells[0]) && !looks_like_heading(r);
    }

    void dispatch(const Row& r) {
        switch (section_) {
            case Section::cover:
                cover(r);
                break;
            case Section::basic:
                basic(r);
                break;
            case Section::files:
                files(r);
                break;
            case Section::risk:
                risk(r);
                break;
            case Section::other:
                other(r);
                break;
            case Section::annex_affair:
                annex_affair(r, text::trim(doc_.lines[static_cast<size_t>(r.line - doc_.first_line)]));
                break;
            default:
                break;
        }
    }

    // ---- cover -------------------------------------------------------------------------------

    void set_cover(const std::string& field, const std::string& value, int n) {
        auto& as = a(n);
        const std::string v = text::squeeze(strip_html(value));
        if (field == "organization") as.organization = v;
        if (field == "published") as.published = v;
        if (field == "number") as.number = v;
        if (field == "title_field") as.title = v;
        as.locs[field == "title_field" ? "title" : field] = Loc::at(n);
    }

    // A cover label followed straight by another label: read, with an empty value (公表日 of a
    // draft), which is what lets the report say 「記載がありません」 of it.
    void drop_pending_cover() {
        if (pending_cover_.empty()) return;
        auto& as = a(pending_cover_line_);
        if (!as.locs.count(pending_cover_ == "title_field" ? "title" : pending_cover_))
            set_cover(pending_cover_, "", pending_cover_line_);
        pending_cover_.clear();
    }

    void cover(const Row& r) {
        const std::string k = compact_key(r.cells[0]);
        // form version: [令和６年10月 様式４]
        static const std::regex version(R"(^(?:\[|【)?\s*()" + regex_alternatives(written_list("eras")) + R"(\S*)" +
                                        written("year") + R"(\S*)" + written("month") + R"(\s*)" +
                                        written("form_style") + R"(\S+?)\s*(?:\]|】)?$)");
        std::smatch m;
        const std::string t = text::trim(text::nfkc(r.cells[0]));
        if (std::regex_match(t, m, version)) {
            // Kept as written (full-width digits and all), without the brackets around it.
            std::u32string written = text::to_u32(text::trim(r.cells[0]));
            if (!written.empty() && (written.front() == U'[' || written.front() == U'［' || written.front() == U'【'))
                written.erase(0, 1);
            if (!written.empty() && (written.back() == U']' || written.back() == U'］' || written.back() == U'】'))
                written.pop_back();
            a(r.line).form_version = text::trim(text::to_utf8(written));
            a(r.line).locs["form_version"] = Loc::at(r.line);
            return;
        }
        if (expect_number_title_) {
            expect_number_title_ = false;
            if (!labels_.is("cover", k)) {
                set_cover("number", r.cells[0], r.line);
                if (r.cells.size() >= 2) set_cover("title_field", r.cells[1], r.line);
                return;
            }
        }
        if (labels_.is("number", k) && r.cells.size() >= 2 && labels_.is("title_field", compact_key(r.cells[1]))) {
            expect_number_title_ = true;
            return;
        }
        for (const char* field : {"number", "title_field", "organization", "published"}) {
            if (!labels_.is(field, k)) continue;
            drop_pending_cover();
            if (r.cells.size() >= 2) {
                set_cover(field, r.value, r.line);
            } else {
                pending_cover_ = field;
                pending_cover_line_ = r.line;
            }
            return;
        }
        if (labels_.is("contents", k)) {
            drop_pending_cover();
            section_ = Section::contents;
            contents_seen_text_ = false;
            contents_entries_.clear();
            return;
        }
        if (labels_.is("cover", k)) {
            drop_pending_cover();
            return;
        }
        if (!pending_cover_.empty()) {
            set_cover(pending_cover_, text::trim(r.cells[0]), r.line);
            pending_cover_.clear();
        }
    }

    // ---- I 基本情報 --------------------------------------------------------------------------

    void basic(const Row& r) {
        auto& as = a(r.line);
        switch (sub_) {
            case Sub::affair:
                if (labels_.is("affair_name", r.key)) {
                    if (restart_section_one(r.line)) return basic(r);
                    as.affair = text::squeeze(strip_html(r.value));
                    as.locs["affair"] = Loc::at(r.line);
                } else if (labels_.is("population", r.key)) {
                    as.population = selected_option(r.value, "population").value_or("");
                } else if (labels_.is("system_name", r.key)) {
                    // 基礎項目評価書: system names only, no connection boxes.
                    for (const auto& name : parse_name_list(r.value)) {
                        for (const auto& part : split_names(name)) {
                            System s;
                            s.no = static_cast<int>(as.systems.size()) + 1;
                            s.name = part;
                            s.loc = Loc::at(r.line);
                            as.systems.push_back(std::move(s));
                        }
                    }
                }
                break;
            case Sub::systems:
                systems(r);
                break;
            case Sub::file_names:
                if (collecting_names_ && r.cells.size() == 1) {
                    for (auto& name : parse_name_list(r.cells[0])) as.file_names.push_back(name);
                    as.locs["file_names"] =
                        Loc::span(as.locs["file_names"].known() ? as.locs["file_names"].line : r.line, r.line);
                } else {
                    collecting_names_ = false;
                }
                break;
            case Sub::number_use:
                if (labels_.is("basis", r.key)) {
                    as.individual_number_basis = text::squeeze(strip_html(r.value));
                    as.locs["individual_number_basis"] = Loc::at(r.line);
                }
                break;
            case Sub::linkage:
                if (labels_.is("linkage_status", r.key)) {
                    as.linkage.status = selected_option(r.value, "linkage_status").value_or("");
                    widen(as.linkage.loc, r.line);
                    as.locs["linkage.status"] = Loc::at(r.line);
                } else if (labels_.is("basis", r.key)) {
                    as.linkage.basis = text::squeeze(strip_html(r.value));
                    widen(as.linkage.loc, r.line);
                    as.locs["linkage.basis"] = Loc::at(r.line);
                }
                break;
            case Sub::department:
                if (labels_.is("department", r.key)) {
                    as.department = text::squeeze(strip_html(r.value));
                    as.locs["department"] = Loc::at(r.line);
                }
                break;
            default:
                break;
        }
    }

    // Section I starting over (①事務の名称 again after systems or files were read): the next
    // assessment of a text that quotes several without their covers.
    bool restart_section_one(int line) {
        if (!a_ || a_->affair.empty() || (a_->systems.empty() && a_->files.empty())) return false;
        finish_assessment();
        a(line);
        section_ = Section::basic;
        sub_ = Sub::affair;
        return true;
    }

    void systems(const Row& r) {
        auto& as = a(r.line);
        const int no = entry_number("entry_system", r.cells[0]);
        if (no != 0) {
            system_ = nullptr;
            if (no < 0) return;  // システム2～5: a range header
            as.systems.emplace_back();
            system_ = &as.systems.back();
            system_->no = no;
            system_->loc = Loc::at(r.line);
            if (r.cells.size() >= 2 && !labels_.is("system_name", label_key(r.cells[1]))) system_->name = r.value;
            return;
        }
        if (!system_) return;
        widen(system_->loc, r.line);
        if (labels_.is("system_name", r.key)) {
            system_->name = text::squeeze(strip_html(r.value));
        } else if (labels_.is("system_functions", r.key)) {
            system_->functions = text::squeeze(strip_html(r.value));
        } else if (labels_.is("system_connections", r.key)) {
            const Choices c = read_choices(r.value, "connections");
            system_->connections_loc = Loc::at(r.line);
            const std::string& other = Dictionary::get().form_label("other_option");
            bool any_checked = false;
            for (const auto& hit : c.hits) {
                if (hit.label == other) {
                    if (hit.mark.value_or(false)) system_->other_checked = true;
                    if (!hit.detail.empty() && !is_statement(hit.detail))
                        for (auto& name : split_names(hit.detail)) system_->other.push_back(name);
                } else if (hit.mark.value_or(false)) {
                    if (std::find(system_->connections.begin(), system_->connections.end(), hit.label) ==
                        system_->connections.end())
                        system_->connections.push_back(hit.label);
                }
                if (hit.mark.value_or(false)) any_checked = true;
                if (hit.mark.value_or(false) && hit.radio_inferred) system_->marks = "inferred";
            }
            if (!any_checked && !system_->other.empty()) system_->marks = "none";
        }
    }

    // ---- II ファイルの概要 --------------------------------------------------------------------

    FileBlock& file(int line) {
        if (!file_) {
            auto& as = a(line);
            as.files.emplace_back();
            file_ = &as.files.back();
            file_->loc = Loc::at(line);
        }
        return *file_;
    }

    void files(const Row& r) {
        if (sub_ == Sub::file_names) {
            if (collecting_names_ && r.cells.size() == 1) {
                auto& f = file(r.line);
                for (auto& name : parse_name_list(r.cells[0])) f.names.push_back(name);
                f.locs["names"] = Loc::at(r.line);
            } else {
                collecting_names_ = false;
            }
            return;
        }
        switch (sub_) {
            case Sub::basic_info:
                basic_info(r);
                break;
            case Sub::acquisition:
                acquisition(r);
                break;
            case Sub::entrust:
                entrust(r);
                break;
            case Sub::flows:
                flows(r);
                break;
            case Sub::storage:
                storage(r);
                break;
            default:
                break;
        }
    }

    // A single choice of a file (a band, a period): the selected option, or - where the option
    // list is printed but nothing is selected (a mark lost in conversion) - marks[field] = "none".
    static void read_selection(FileBlock& f, const char* field, const std::string& value, const char* group,
                               std::string& out, int line) {
        if (auto selected = selected_option(value, group)) {
            out = *selected;
            f.locs[field] = Loc::at(line);
        } else if (!find_options(value, group).empty()) {
            f.marks[field] = "none";
            f.locs[field] = Loc::at(line);
        }
    }

    // A text field of a file, without its markup, and where it was read.
    static void read_text(FileBlock& f, const char* field, const std::string& value, std::string& out, int line) {
        out = text::squeeze(strip_html(value));
        f.locs[field] = Loc::at(line);
    }

    // II-2 基本情報: whom the file is about.
    void basic_info(const Row& r) {
        auto& f = file(r.line);
        if (labels_.is("file_population", r.key)) {
            read_selection(f, "population", r.value, "persons", f.population, r.line);
        } else if (labels_.is("file_scope", r.key)) {
            read_text(f, "population_scope", r.value, f.population_scope, r.line);
        } else if (labels_.is("file_department", r.key)) {
            read_text(f, "department", r.value, f.department, r.line);
        } else if (labels_.is("record_categories", r.key)) {
            // ④主な記録項目: no category checked at all (not even 個人番号) is a group that lost its marks.
            for (const auto& hit : read_choices(r.value, "record_categories").checked)
                f.record_categories.push_back(hit.label);
            if (f.record_categories.empty()) f.marks["record_categories"] = "none";
            f.locs["record_categories"] = Loc::at(r.line);
        }
    }

    // "⑦使用の主体 <tab> 使用部署 ※ <tab> value": a group label followed by the field's own label
    // in the next cell. Returns that field's key and value, or the row's own when it has none.
    std::pair<std::string, std::string> field_after_group(const Row& r, const char* group) const {
        if (!labels_.is(group, r.key)) return {r.key, r.value};
        const auto label_at = std::find(r.cells.begin(), r.cells.end(), r.label);
        if (label_at == r.cells.end() || label_at + 1 == r.cells.end()) return {r.key, r.value};
        std::string value;
        for (auto it = label_at + 2; it != r.cells.end(); ++it) value += (value.empty() ? "" : " ") + *it;
        return {label_key(plain(label_at[1].substr(0, kMaxLabelBytes))), value};
    }

    void acquisition(const Row& r) {
        auto& f = file(r.line);
        const auto [key, value] = field_after_group(r, "use_subject");
        if (labels_.is("user_departments", key)) {
            read_text(f, "user_departments", value, f.user_departments, r.line);
            return;
        }
        if (labels_.is("user_count", key)) {
            read_selection(f, "user_count", value, "users", f.user_count, r.line);
            return;
        }
        if (labels_.is("sources", r.key)) {
            const Choices c = read_choices(r.value, "source_kinds");
            for (const auto& hit : c.checked) {
                f.sources.push_back(Source{hit.label, hit.detail, hit.radio_inferred, Loc::at(r.line)});
                if (hit.radio_inferred) f.marks["sources"] = "inferred";
            }
            if (c.lost_marks) f.marks["sources"] = "none";
            f.locs["sources"] = Loc::at(r.line);
        } else if (labels_.is("methods", r.key)) {
            const Choices c = read_choices(r.value, "acquisition_methods");
            for (const auto& hit : c.checked) {
                f.methods.push_back(method_label(hit));
                if (hit.radio_inferred) f.marks["methods"] = "inferred";
            }
            if (c.lost_marks) f.marks["methods"] = "none";
            f.locs["methods"] = Loc::at(r.line);
        }
    }

    void entrust(const Row& r) {
        auto& f = file(r.line);
        if (labels_.in("illegible", r.cells[0])) {
            // What follows the gap may belong to an entry whose header was swallowed.
            entrust_gap_ = entrustment_ != nullptr;
            if (entrust_gap_) {
                f.entrustments.emplace_back();
                entrustment_ = &f.entrustments.back();
                entrustment_->loc = Loc::at(r.line);
            }
            return;
        }
        const int no = entry_number("entry_entrust", r.cells[0]);
        if (no != 0) {
            settle_gap(f, no);
            entrustment_ = nullptr;
            if (no < 0) return;
            f.entrustments.emplace_back();
            entrustment_ = &f.entrustments.back();
            entrustment_->no = std::to_string(no);
            entrustment_->item = text::squeeze(strip_html(r.value));
            entrustment_->loc = Loc::at(r.line);
            last_entrust_no_ = no;
            return;
        }
        if (labels_.is("entrust_choice", r.key)) {
            if (auto v = selected_option(r.value, "entrust_choice")) {
                f.entrust = *v == Dictionary::get().options("entrust_choice").front();
            } else {
                f.marks["entrust"] = "none";
            }
            f.declared_counts.entrustments = parse_count(r.value);
            f.locs["entrust"] = Loc::at(r.line);
            return;
        }
        if (!entrustment_) return;
        auto& e = *entrustment_;
        widen(e.loc, r.line);
        const std::string v = text::squeeze(strip_html(r.value));
        if (labels_.is("entrust_content", r.key)) {
            if (e.item.empty()) e.item = v;
        } else if (labels_.is("contractor", r.key)) {
            e.contractor = v;
            e.locs["contractor"] = Loc::at(r.line);
        } else if (labels_.is("resubcontract", r.key)) {
            e.locs["resubcontract"] = Loc::at(r.line);
            if (auto s = selected_option(r.value, "resubcontract_choice"))
                e.resubcontract = *s == Dictionary::get().options("resubcontract_choice").front();
        } else if (labels_.is("permission_method", r.key)) {
            e.permission_method = v;
            e.locs["permission_method"] = Loc::at(r.line);
        } else if (labels_.is("resubcontract_items", r.key)) {
            e.resubcontract_items = v;
            e.locs["resubcontract_items"] = Loc::at(r.line);
        } else if (labels_.is("resubcontractor", r.key)) {
            e.resubcontractor = v;
        } else if (labels_.is("entrust_methods", r.key)) {
            for (const auto& hit : read_choices(r.value, "entrust_methods").checked)
                e.methods.push_back(method_label(hit));
        } else if (labels_.is("file_population", r.key)) {
            e.population = selected_option(r.value, "persons").value_or("");
            e.locs["population"] = Loc::at(r.line);
        }
    }

    // The entry opened at an [illegible] gap: it stands for the missing 委託事項 when the numbering
    // skips one; otherwise its fields belong to the entry before the gap.
    void settle_gap(FileBlock& f, int next_no) {
        if (!entrust_gap_) return;
        entrust_gap_ = false;
        if (f.entrustments.size() < 2) return;
        Entrustment gap = f.entrustments.back();
        f.entrustments.pop_back();
        if (next_no < 0 || next_no > last_entrust_no_ + 1) {
            gap.no = std::to_string(last_entrust_no_ + 1);
            f.entrustments.push_back(std::move(gap));
            return;
        }
        auto& prev = f.entrustments.back();
        if (prev.contractor.empty()) prev.contractor = gap.contractor;
        if (!prev.resubcontract) prev.resubcontract = gap.resubcontract;
        if (prev.permission_method.empty()) prev.permission_method = gap.permission_method;
        if (prev.resubcontract_items.empty()) prev.resubcontract_items = gap.resubcontract_items;
        if (prev.methods.empty()) prev.methods = gap.methods;
        widen(prev.loc, gap.loc.end_line);
    }

    void flows(const Row& r) {
        auto& f = file(r.line);
        if (labels_.is("flow_choice", r.key)) {
            const auto& labels = Dictionary::get().options("provision_transfer");
            const Choices c = read_choices(r.value, "provision_transfer");
            for (const auto& hit : c.hits) {
                if (!hit.count) continue;
                if (hit.label == labels[0]) f.declared_counts.provisions = hit.count;
                if (hit.label == labels[1]) f.declared_counts.transfers = hit.count;
            }
            if (!c.checked.empty()) {
                auto checked = [&](const std::string& l) {
                    return std::any_of(c.checked.begin(), c.checked.end(),
                                       [&](const OptionHit& h) { return h.label == l; });
                };
                f.provides = checked(labels[0]);
                f.transfers_flag = checked(labels[1]);
                f.no_flows = checked(labels[2]);
            } else if (c.lost_marks) {
                f.marks["provision_transfer"] = "none";
            }
            f.locs["provision_transfer"] = Loc::at(r.line);
            return;
        }
        const int provision_no = entry_number("entry_provision", r.cells[0]);
        const int transfer_no = provision_no ? 0 : entry_number("entry_transfer", r.cells[0]);
        if (provision_no || transfer_no) {
            flow_ = nullptr;
            const int no = provision_no ? provision_no : transfer_no;
            if (no < 0) return;
            flow_is_transfer_ = transfer_no != 0;
            auto& list = flow_is_transfer_ ? f.transfers : f.provisions;
            list.emplace_back();
            flow_ = &list.back();
            flow_->no = std::to_string(no);
            flow_->recipient = text::squeeze(strip_html(r.value));
            flow_->loc = Loc::at(r.line);
            return;
        }
        if (!flow_) return;
        widen(flow_->loc, r.line);
        const std::string v = text::squeeze(strip_html(r.value));
        if (labels_.is("basis", r.key)) {
            flow_->basis = v;
            flow_->basis_loc = Loc::at(r.line);
        } else if (labels_.is("purpose", r.key)) {
            flow_->purpose = v;
        } else if (labels_.is("info", r.key)) {
            flow_->info = v;
            flow_->locs["info"] = Loc::at(r.line);
        } else if (labels_.is("timing", r.key)) {
            flow_->timing = v;
        } else if (labels_.is("flow_population", r.key)) {
            flow_->population = selected_option(r.value, "persons").value_or("");
            flow_->locs["population"] = Loc::at(r.line);
        } else if (labels_.is("flow_methods", r.key)) {
            flow_->locs["methods"] = Loc::at(r.line);
            const Choices c = read_choices(r.value, flow_is_transfer_ ? "transfer_methods" : "provision_methods");
            for (const auto& hit : c.checked) {
                flow_->methods.push_back(method_label(hit));
                if (hit.radio_inferred) flow_->marks = "inferred";
            }
            if (c.checked.empty()) flow_->marks = "none";
        }
    }

    void storage(const Row& r) {
        auto& f = file(r.line);
        if (labels_.is("storage", r.key)) {
            read_text(f, "storage", r.value, f.storage, r.line);
        } else if (labels_.is("retention", r.key)) {
            read_selection(f, "retention", r.value, "retention", f.retention, r.line);
        } else if (labels_.is("retention_reason", r.key) && f.locs.count("retention") &&
                   !f.locs.count("retention_reason")) {
            // ②保管期間 その妥当性: the row after 期間 (II-6 has no other その妥当性).
            read_text(f, "retention_reason", r.value, f.retention_reason, r.line);
        } else if (labels_.is("erasure", r.key)) {
            read_text(f, "erasure", r.value, f.erasure, r.line);
        }
    }

    // ---- 基礎 II しきい値判断項目, III しきい値判断結果, VI 評価実施手続 ------------------------------

    void other(const Row& r) {
        auto& as = a(r.line);
        if (other_pending_) {  // the row under a label that had no value on its own row (基礎 III)
            const AssessmentChoice* c = std::exchange(other_pending_, nullptr);
            if (const auto v = r.cells.size() == 1 ? selected_option(r.cells[0], c->group) : std::nullopt) {
                as.*(c->out) = *v;
                as.locs[c->field] = Loc::span(as.locs[c->field].line, r.line);
                return;
            }
        }
        if (r.first_circled == 0 && !r.head.empty() && r.head[0] >= '0' && r.head[0] <= '9') {  // 2. 国民・住民等 …
            procedure_item_ = labels_.in("sub_comment", r.head) ? 'c' : labels_.in("sub_review", r.head) ? 'r' : 0;
            return;
        }
        for (const auto& c : assessment_choices()) {
            if (!labels_.is(c.label, r.key)) continue;
            as.locs[c.field] = Loc::at(r.line);
            if (r.value.empty())
                other_pending_ = &c;
            else if (const auto v = selected_option(r.value, c.group))
                as.*(c.out) = *v;
            return;
        }
        auto read = [&](std::string& out, const char* field) {
            out = text::squeeze(strip_html(r.value));
            if (!as.locs.count(field)) as.locs[field] = Loc::at(r.line);  // 第三者点検: its ①
        };
        if (procedure_item_ == 'c' && labels_.is("comment_period", r.key))
            read(as.procedure.comment_period, "procedure.comment_period");
        else if (procedure_item_ == 'c' && labels_.is("shortening_reason", r.key))
            read(as.procedure.shortening_reason, "procedure.shortening_reason");
        else if (procedure_item_ == 'r' && labels_.is("review_date", r.key))
            read(as.procedure.review_date, "procedure.review");
        else if (procedure_item_ == 'r' && labels_.is("review_method", r.key))
            read(as.procedure.review_method, "procedure.review");
        else if (procedure_item_ == 'r' && labels_.is("review_result", r.key))
            read(as.procedure.review_result, "procedure.review");
    }

    // ---- III リスク対策 -----------------------------------------------------------------------

    void risk(const Row& r) {
        auto& as = a(r.line);
        std::string joined;
        for (const auto& c : r.cells) joined += c + " ";
        for (const auto& hit : find_options(joined, "risk_flags")) {
            if (!hit.mark) continue;
            if (as.files.empty()) files_from_names(as);
            // 基礎項目評価書 IV has one set of flags for the whole assessment: every file gets them.
            const size_t first = risk_file_ < 0 ? 0 : std::min(static_cast<size_t>(risk_file_), as.files.size() - 1);
            const size_t last = risk_file_ < 0 ? as.files.size() : first + 1;
            for (size_t i = first; i < last && i < as.files.size(); ++i) {
                as.files[i].risk_flags[hit.label] = *hit.mark;
                as.files[i].locs["risk_flags"] = Loc::at(r.line);
            }
        }
    }

    // Forms without II blocks (基礎項目評価書) still name their files in section I.
    void files_from_names(Assessment& as) {
        if (!as.files.empty() || as.file_names.empty()) return;
        FileBlock f;
        f.names = as.file_names;
        f.loc = as.locs["file_names"];
        f.locs["names"] = f.loc;
        for (const auto& name : as.file_names) {
            FileBlock one = f;
            one.names = {name};
            as.files.push_back(std::move(one));
        }
        file_ = nullptr;
    }

    // ---- 別添1 事務の内容 ---------------------------------------------------------------------

    void annex_affair(const Row& r, const std::string& t) {
        auto& as = a(r.line);
        if (labels_.in("remarks", t) && text::length(compact_key(t)) <= 6) {
            in_remarks_ = true;
            remarks_first_step_ = as.attachment1_steps.size();
            return;
        }
        if (!in_remarks_) return;
        std::string body = t;
        bool bullet = false;
        for (const std::string& b : written_list("bullets")) {
            if (text::starts_with(body, b)) {
                body = text::trim(body.substr(b.size()));
                bullet = true;
                break;
            }
        }
        const auto start = step_start(body);
        const std::string label = start ? start->written : std::string();
        if (start) body = text::trim(body.substr(start->end));
        body = text::squeeze(strip_html(body));
        if (bullet || !label.empty()) {
            as.attachment1_steps.push_back(Step{label, body, Loc::at(r.line)});
            return;
        }
        // A continuation of the step before (PDF line breaks), never a block heading 【…】.
        if (text::starts_with(body, "【") && text::ends_with(body, "】")) return;
        if (as.attachment1_steps.size() > remarks_first_step_) {
            auto& last = as.attachment1_steps.back();
            last.text += body;
            widen(last.loc, r.line);
        }
    }

    // ---- 変更箇所 -----------------------------------------------------------------------------

    void change_row(const Row& r) {
        auto& as = a(r.line);
        if (labels_.is("change_date", compact_key(r.cells[0]))) return;
        const auto& c = r.all_cells;
        if (!looks_like_date(c[0]) || c.size() < 2) {
            if (!as.changes.empty() && c.size() == 1) {  // a wrapped cell
                as.changes.back().explanation += text::squeeze(strip_html(c[0]));
                widen(as.changes.back().loc, r.line);
            }
            return;
        }
        ChangeRow row;
        auto cell = [&](size_t i) { return i < c.size() ? text::squeeze(strip_html(c[i])) : std::string(); };
        row.date = cell(0);
        row.item = cell(1);
        row.before = cell(2);
        row.after = cell(3);
        row.timing = cell(4);
        row.explanation = cell(5);
        row.loc = Loc::at(r.line);
        as.changes.push_back(std::move(row));
    }
};

}  // namespace

std::vector<Assessment> parse_markdown(const Document& doc) { return MarkdownParser(doc).run(); }

}  // namespace piagraph::extract_detail
