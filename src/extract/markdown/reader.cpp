// parse_markdown: the markdown-like conversion. Rows are tab-separated label/value pairs with HTML
// fragments; the reader follows the form's own structure (roman sections, numbered items, ①…
// fields, numbered entries such as システム3 / 委託事項2 / 移転先5) and never a file's line numbers.
// This file is the driver: it splits the text into assessments and their items and hands each row
// to the file that reads that part of the form.
#include "reader.hpp"

#include <algorithm>
#include <optional>
#include <regex>
#include <set>
#include <utility>

#include "../form_labels.hpp"
#include "../page_furniture.hpp"
#include "../parsers.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

namespace markdown {

void widen(Loc& loc, int line) {
    if (!loc.known()) loc = Loc::at(line);
    if (line > loc.end_line) loc.end_line = line;
}

std::string method_label(const OptionHit& hit) {
    const std::string& other = Dictionary::get().form_label("other_option");
    if (hit.label == other && !hit.detail.empty()) return other + "(" + hit.detail + ")";
    return hit.label;
}

std::string cell_text(const std::string& value) { return strip_html(value); }  // which squeezes white space

void read_text(std::map<std::string, Loc>& locs, const char* field, const std::string& value, std::string& out,
               int line) {
    out = cell_text(value);
    locs[field] = Loc::at(line);
}

Assessment& OpenAssessment::at(int line) {
    if (!a_) {
        a_.emplace();
        a_->loc = Loc::at(line);
    }
    widen(a_->loc, line);
    return *a_;
}

Assessment OpenAssessment::take() {
    Assessment a = std::move(*a_);
    a_.reset();
    return a;
}

std::optional<Sub> basic_item(const std::string& title, int number) {
    const FormLabels& labels = FormLabels::get();
    if (labels.in("sub_systems", title)) return Sub::systems;
    if (labels.in("sub_affair", title)) return Sub::affair;
    if (labels.in("sub_file_names", title) && number != 1) return Sub::file_names;  // II-1 is "1."
    if (labels.in("sub_number_use", title)) return Sub::number_use;
    if (labels.in("sub_linkage", title)) return Sub::linkage;
    if (labels.in("sub_department", title)) return Sub::department;
    if (labels.in("sub_other_bodies", title)) return Sub::other_bodies;
    return std::nullopt;
}

std::optional<Sub> files_item(const std::string& title, int number) {
    const FormLabels& labels = FormLabels::get();
    if (labels.in("sub_file_names", title)) return number == 1 ? std::optional(Sub::file_names) : std::nullopt;
    if (labels.in("sub_acquisition", title)) return Sub::acquisition;
    if (labels.in("sub_entrust", title)) return Sub::entrust;
    if (labels.in("sub_flows", title)) return Sub::flows;
    if (labels.in("sub_storage", title)) return Sub::storage;
    if (labels.in("sub_basic_info", title)) return Sub::basic_info;
    if (labels.in("sub_remarks", title)) return Sub::remarks;
    return std::nullopt;
}

namespace {

// The title of a roman heading (I 基本情報 -> 基本情報), if the row is one.
std::optional<std::string> roman_title(const Row& r) {
    if (r.cells.size() != 1) return std::nullopt;
    if (r.cells[0].size() > kMaxLabelBytes) return std::nullopt;
    static const std::regex roman(R"(^(VIII|VII|VI|IV|IX|V|III|II|I)\s*(?:\.|,|、)?\s*(.+)$)");
    const std::string& n = r.head;
    if (n.empty() || (n[0] != 'I' && n[0] != 'V')) return std::nullopt;  // before the regex
    std::smatch m;
    if (!std::regex_match(n, m, roman)) return std::nullopt;
    std::string title = m[2].str();
    // Not a sentence that happens to start with an I.
    if (!(title[0] & 0x80) && title[0] != ' ') return std::nullopt;
    return title;
}

// The section a roman heading (I 基本情報, II …) opens, if the row is one.
std::optional<Section> roman_section(const Row& r) {
    const auto found = roman_title(r);
    if (!found) return std::nullopt;
    const std::string& title = *found;
    const FormLabels& labels = FormLabels::get();
    if (labels.in("section_other", title)) return Section::other;
    if (labels.in("section_basic", title)) return Section::basic;
    if (labels.in("section_files", title)) return Section::files;
    if (labels.in("section_risk", title)) return Section::risk;
    return std::nullopt;
}

// The title of an annex heading ((別添1) 事務の内容 …), if the row is one.
std::optional<std::string> annex_title(const Row& r) {
    if (r.cells.size() != 1) return std::nullopt;
    if (r.cells[0].size() > kMaxLabelBytes) return std::nullopt;
    static const std::regex annex(R"(^\(\s*)" + regex_alternatives(FormLabels::get().spellings("annex")) +
                                  R"(\s*[0-9]+\s*\)\s*(.*)$)");
    const std::string& n = r.head;
    if (n.empty() || n[0] != '(') return std::nullopt;  // before the regex
    std::smatch m;
    if (!std::regex_match(n, m, annex)) return std::nullopt;
    return m[1].str();
}

// The number and title of a numbered heading (3. 特定個人情報の入手・使用), if the row opens as one.
std::optional<std::pair<int, std::string>> numbered_title(const Row& r) {
    if (r.cells.empty()) return std::nullopt;
    if (r.cells[0].size() > kMaxLabelBytes) return std::nullopt;
    static const std::regex numbered(R"(^([0-9]+)\s*\.\s*(.+)$)");
    const std::string& n = r.head;
    if (n.empty() || n[0] < '0' || n[0] > '9') return std::nullopt;  // before the regex
    std::smatch m;
    if (!std::regex_match(n, m, numbered) || m[1].length() > 2) return std::nullopt;
    return std::pair{std::stoi(m[1].str()), m[2].str()};
}

// The option group a choice field reads, "" for a text field.
std::string choice_group(const std::string& key, bool flow_is_transfer) {
    static const std::pair<const char*, const char*> groups[] = {
        {"system_connections", "connections"},  {"sources", "source_kinds"},
        {"methods", "acquisition_methods"},     {"entrust_choice", "entrust_choice"},
        {"entrust_methods", "entrust_methods"}, {"resubcontract", "resubcontract_choice"},
        {"flow_choice", "provision_transfer"},  {"linkage_status", "linkage_status"},
        {"population", "population"},           {"retention", "retention"},
        {"file_population", "persons"},         {"user_count", "users"}};
    const FormLabels& labels = FormLabels::get();
    for (const auto& [field, group] : groups)
        if (labels.is(field, key)) return group;
    if (labels.is("flow_methods", key)) return flow_is_transfer ? "transfer_methods" : "provision_methods";
    return "";
}

class Reader {
public:
    explicit Reader(const Document& doc) : doc_(doc), labels_(FormLabels::get()) {}

    std::vector<Assessment> run() {
        // A page's form feed is no part of the row its first line holds (a cover starting a page).
        for (size_t i = 0; i < doc_.lines.size(); ++i)
            line(doc_.first_line + static_cast<int>(i), std::string(without_form_feeds(doc_.lines[i])));
        flush_pending();
        finish_assessment();
        return std::move(out_);
    }

private:
    const Document& doc_;
    const FormLabels& labels_;
    std::vector<Assessment> out_;
    OpenAssessment a_;
    Section section_ = Section::cover;
    Sub sub_ = Sub::none;
    // The 項目一覧 being read, from its title on.
    struct Contents {
        bool seen_text = false;
        bool gap = false;               // a blank line after its last entry read
        std::string section;            // its last section heading (Ⅲ リスク対策), as a key
        std::set<std::string> entries;  // its lines, as compact keys under their section's
    };
    Contents contents_;
    std::optional<Row> pending_field_;  // a field label waiting for its value or more options
    bool collecting_names_ = false;     // the lines after a ファイル名 heading
    bool file_has_type_ = false;        // the open II block has had its ①ファイルの種類
    int risk_file_ = -1;
    CoverReading cover_;
    System* system_ = nullptr;
    FileBlock* file_ = nullptr;
    EntrustReading entrust_;
    FlowReading flow_;
    ProcedureReading procedure_;
    RemarksReading remarks_;

    Assessment& a(int line) { return a_.at(line); }

    void finish_assessment() {
        if (!a_) return;
        auto& s = a_->systems;
        s.erase(std::remove_if(s.begin(), s.end(), [](const System& x) { return text::trim(x.name).empty(); }),
                s.end());
        // A block converted twice (an HTML table, then the same rows): one system, one entry.
        std::vector<System> once;
        for (auto& x : s)
            if (std::none_of(once.begin(), once.end(),
                             [&](const System& kept) { return kept.no == x.no && kept.name == x.name; }))
                once.push_back(std::move(x));
        s = std::move(once);
        for (auto& f : a_->files) merge_repeated_entries(f);
        settle_files(*a_);
        out_.push_back(a_.take());
        system_ = nullptr;
        file_ = nullptr;
        entrust_.open = nullptr;
        flow_.open = nullptr;
        section_ = Section::cover;
        sub_ = Sub::none;
        risk_file_ = -1;
        cover_ = {};  // no line of this cover is the next one's value
    }

    // Whether the assessment being read has anything of sections I or II yet.
    bool has_body() const { return a_ && (!a_->systems.empty() || !a_->files.empty() || !a_->affair.empty()); }

    void reset_entries() {
        system_ = nullptr;
        entrust_.open = nullptr;
        flow_.open = nullptr;
        collecting_names_ = false;
        pending_field_.reset();
    }

    // ---- headings --------------------------------------------------------------------------

    // A title line: the form of the assessment being read, or the cover of the next one.
    bool title_line(const std::string& t, int n) {
        const std::string form = titled_form(t);
        if (form.empty()) return false;
        // A title alone starts nothing: page headers and 概要書 headings repeat it. A cover does
        // (the title, then 評価書番号/評価書名 …), and so does section I starting over.
        if (has_body() && cover_follows(doc_, n)) finish_assessment();
        auto& as = a(n);
        if (as.form.empty()) {
            as.form = form;
            as.locs["form"] = Loc::at(n);
        }
        if (!has_body()) section_ = Section::cover;
        return true;
    }

    bool roman_heading(const Row& r) {
        const auto s = roman_section(r);
        if (s) enter(*s);
        return s.has_value();
    }

    bool annex_heading(const Row& r) {
        const auto title = annex_title(r);
        if (!title) return false;
        if (labels_.in("annex_changes", *title)) {
            // The 変更箇所 table holds old values and is read to the next cover: only a heading its
            // table follows opens it (a 項目一覧 entry cut off by a blank line does not), or one met
            // after section II was read, where the annex is (pdftotext's raw order may put its
            // table's cells pages away from its heading).
            if (change_table_follows(doc_, r.line) || (a_ && !a_->files.empty())) enter(Section::changes);
        } else if (labels_.in("annex_affair", *title)) {
            enter(Section::annex_affair);
            mark_annex(a(r.line), r.line);
        } else
            enter(Section::annex_records);
        return true;
    }

    void enter(Section s) {
        // The 変更箇所 table repeats old values: once in it, nothing but change rows until a new cover.
        if (section_ == Section::changes && s != Section::changes) return;
        section_ = s;
        sub_ = Sub::none;
        remarks_.in_remarks = false;
        procedure_.item = 0;
        procedure_.pending = nullptr;
        reset_entries();
        file_ = nullptr;
    }

    // A numbered item heading. Its title says which item (and so which section) follows: the
    // roman section headings are hints that real conversions lose, never gates.
    bool numbered_heading(const Row& r) {
        const auto heading = numbered_title(r);
        if (!heading) return false;
        const int number = heading->first;
        const std::string title = unwrapped_title(r, number, heading->second);
        // An item after section II (基礎 II しきい値判断項目, 監査, 開示請求 …) whose section heading was
        // lost: no label under it is one of I or II. Within III it stays III (重点 III holds 監査).
        const std::string key = label_key(title);
        // V's and VI's items end III whose heading was lost; VI's read their rows (意見の聴取, 第三者点検).
        if (labels_.is("items_after_risk", key) && section_ != Section::other) {
            enter(Section::other);
            return labels_.is("other_items", key);
        }
        if (labels_.is("other_items", key)) {
            if (section_ != Section::other && section_ != Section::risk) enter(Section::other);
            return true;
        }
        if (section_ == Section::risk) {
            if (!labels_.in("sub_file_names", title)) return false;
            ++risk_file_;
            return true;
        }
        if (labels_.in("risk_items", title)) {  // section III, its heading lost
            enter_risk();
            return true;
        }
        // "1. 滞納処分ファイル 2. 交渉記録ファイル", or a name a line (１．… | ２．…ファイル): the list, not an item
        if (section_ == Section::basic && sub_ == Sub::file_names && collecting_names_ && !basic_item(title, number) &&
            (number == 1 || !listed_file_names(title).empty()))
            return false;
        const bool in_files = section_ == Section::files;
        std::optional<Sub> s = in_files ? files_item(title, number) : basic_item(title, number);
        Section owner = in_files ? Section::files : Section::basic;
        if (!s) {
            if (auto other = in_files ? basic_item(title, number) : files_item(title, number)) {
                s = other;
                owner = in_files ? Section::basic : Section::files;
            }
        }
        // 別添1 groups its steps under numbered titles of its own (４．情報の提供・移転): only an item of
        // II under the form's own title ends it.
        if (section_ == Section::annex_affair &&
            (owner != Section::files || (s != Sub::file_names && !labels_.in("file_items", title))))
            return false;
        if (!s && open_names_after_systems(r)) return false;  // read by basic() as I-3's names
        if (!s) {
            // A line of a value under an empty label cell (| 1. 統合宛名管理機能：… as a laid-out text's
            // rows leave a centred label's first value line) is no other item.
            const bool under_empty_label = r.all_cells.size() >= 2 && r.all_cells[0].empty();
            // Nor is a line of a numbered list in a value (１．定期の予防接種（Ａ類疾病及びＢ類疾病）の対象者の
            // 抽出並びに…): the form's items have short titles, without a sentence's commas.
            constexpr size_t kMaxItemTitleChars = 30;
            const bool prose = text::length(heading->second) > kMaxItemTitleChars ||
                               text::contains(heading->second, "、") || text::contains(heading->second, "。");
            // Nor is a numbered line in a system's block (１．申請管理機能 | ：…, a ②システムの機能 listed by
            // number, which a conversion set a line a row): the items after the systems are the form's.
            const bool in_systems = sub_ == Sub::systems;
            // Nor is a line set in as far as a value column (a laid-out value line no row took).
            const std::string& raw = doc_.lines[static_cast<size_t>(r.line - doc_.first_line)];
            const bool set_in = raw.find_first_not_of(' ') >= kMinValueIndent;
            if (section_ != Section::basic || r.cells.size() != 1 || r.head.size() >= 120 || under_empty_label ||
                prose || in_systems || set_in)
                return false;
            s = Sub::none;  // another item of section I (理由, …): nothing to read
        }
        if (owner != section_) enter(owner);
        open_item(*s, r.line);
        // A converter that kept the names beside their title (| 3. 特定個人情報ファイル名 | 介護保険ファイル |).
        if (*s == Sub::file_names && r.cells.size() == 2) {
            const Row names = make_row(r.cells[1], r.line);
            owner == Section::files ? files(names) : basic(names);
        }
        return true;
    }

    // Whether a numbered heading's title names an item of the form.
    static bool known_item(int number, const std::string& title) {
        const FormLabels& labels = FormLabels::get();
        return labels.in("risk_items", title) || labels.is("other_items", label_key(title)) ||
               basic_item(title, number) || files_item(title, number);
    }

    // A title the conversion wrapped onto the next line (2. 特定個人情報の入手（情報提供ネットワークシステムを通 |
    // じた入手を除く。）): joined with that line when only the two together name an item.
    std::string unwrapped_title(const Row& r, int number, const std::string& title) const {
        size_t next = static_cast<size_t>(r.line - doc_.first_line) + 1;
        if (r.cells.size() != 1 || known_item(number, title)) return title;
        while (next < doc_.lines.size() && is_pipe_rule(doc_.lines[next])) ++next;
        if (next >= doc_.lines.size()) return title;
        const Row tail = make_row(doc_.lines[next], r.line + 1);
        if (tail.cells.size() != 1 || !could_continue_title(tail.head)) return title;
        const std::string joined = title + tail.head;
        return known_item(number, joined) ? joined : title;
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

    // The field number (②…) of the first row after line n, past the rest of an option list (the
    // lines of a ＜選択肢＞ cell beside the row above); 0 if that row has none.
    int next_field_number(int n) const {
        constexpr int kSpan = 12;
        const int last = std::min(n + kSpan, doc_.first_line + static_cast<int>(doc_.lines.size()) - 1);
        for (int at = n + 1; at <= last; ++at) {
            const Row next = row_at(doc_, at);
            if (next.cells.empty() || (next.cells.size() == 1 && is_option_list_line(next.cells[0]))) continue;
            return next.first_circled;
        }
        return 0;
    }

    // Starts reading item `s` of the current section. The title of the item whose entry is being
    // read (委託事項2), printed amid the entry's rows (a sheet's merged cell, centred on the item's
    // rows over pages: ② | ４．特定個人情報ファイルの取扱いの委託 | ③委託先名), opens nothing where a
    // field past an entry's first follows it: the entry goes on.
    void open_item(Sub s, int line) {
        constexpr int kFirstField = 1;
        if (s == sub_ && ((s == Sub::entrust && entrust_.open) || (s == Sub::flows && flow_.open)) &&
            next_field_number(line) > kFirstField)
            return;
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
        entrust_.last_no = 0;
        entrust_.gap = false;
    }

    // Labels and entry headers that belong to one item of the form: where the item's heading was
    // lost (or never converted), the label itself says what is being read.
    std::optional<std::pair<Section, Sub>> item_of_label(const Row& r) const {
        using P = std::pair<Section, Sub>;
        if (entry_number("entry_system", r) != 0) return P{Section::basic, Sub::systems};
        if (entry_number("entry_entrust", r) != 0) return P{Section::files, Sub::entrust};
        if (entry_number("entry_provision", r) != 0 || entry_number("entry_transfer", r) != 0)
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
        if (labels_.is("file_population", k) && !entrust_.open) return P{Section::files, Sub::basic_info};
        if (procedure_own_label(k)) return P{Section::other, Sub::none};
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
            contents_.gap = section_ == Section::contents && contents_.seen_text;
            return;
        }
        if (is_pipe_rule(raw)) return;
        const Row r = make_row(raw, n);
        if (r.cells.empty()) return;
        // An entry's header with its first field beside it (システム１ | ①システムの名称 | 住民記録システム,
        // as a sheet sets the entry's cell in the row of its first field): the header, then the field.
        if (r.cells.size() >= 2 && r.label != r.cells[0] && entry_header_cell(r.cells[0])) {
            line(n, r.cells[0]);
            std::string rest;
            for (size_t c = 1; c < r.cells.size(); ++c) rest += (c == 1 ? "" : "\t") + r.cells[c];
            line(n, rest);
            return;
        }
        if (pending_field_) {
            if (absorb(r)) return;
            flush_pending();
        }
        if (title_line(t, n)) return;
        if (section_ == Section::contents) {
            // The 項目一覧 lists the headings; it ends where a heading it listed comes again or a row
            // with a value starts, or at a blank line after which no heading follows (a laid-out
            // page sets its entries a blank line apart: Ⅰ 基本情報 | | １．… | | （別添２） 変更箇所).
            // An item is keyed by its section's heading: II and III both list 1. 特定個人情報ファイル名.
            const bool section_heading = roman_title(r).has_value();
            const std::string key = (section_heading ? "" : contents_.section + "/") + compact_key(r.head);
            const bool listed = !contents_.gap || looks_like_heading(r);
            contents_.gap = false;
            if (listed && r.cells.size() < 2 && r.first_circled == 0 && !contents_.entries.count(key)) {
                if (section_heading) contents_.section = key;
                contents_.entries.insert(key);
                contents_.seen_text = true;
                return;
            }
            section_ = Section::cover;
        }
        if (section_ == Section::changes) {
            if (!section_one_starts_over(r)) {
                read_change_row(r, a(r.line));
                return;
            }
            finish_assessment();  // the next quoted assessment, its cover not quoted
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
        if (((section_ == Section::basic || section_ == Section::files) &&
             ((is_field_label(r.key) && (r.cells.size() == 1 || !choice_group(r.key, flow_.is_transfer).empty())) ||
              named_entry_alone(r))) ||
            (section_ == Section::other && r.cells.size() == 1 && procedure_text_label(r.key))) {
            pending_field_ = r;
            return;
        }
        dispatch(r);
    }

    // A cell that is an entry's header alone (システム１, 委託事項２, 提供先３, 移転先１), not a range's.
    static bool entry_header_cell(const std::string& cell) {
        const Row header = make_row(cell, 0);
        return header.cells.size() == 1 && std::any_of(std::begin(kEntryKeys), std::end(kEntryKeys),
                                                       [&](const char* key) { return entry_number(key, header) > 0; });
    }

    // An entry header that names its entry (委託事項1, 提供先1, 移転先1: not システム1) alone on its line:
    // one cell a line puts the name on the next.
    static bool named_entry_alone(const Row& r) {
        return r.cells.size() == 1 && (entry_number("entry_entrust", r) > 0 || entry_number("entry_provision", r) > 0 ||
                                       entry_number("entry_transfer", r) > 0);
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
        if (const auto names = file_names_above(doc_, r.line)) {
            file_->names = names->first;
            file_->loc = Loc::at(names->second);
            file_->locs["names"] = Loc::at(names->second);
            if (a_) release_from_last_step(*a_, doc_, names->second);
        }
        sub_ = Sub::basic_info;
        return false;  // the label's own row is read as usual
    }

    // (備考) of 別添1 事務の内容: the numbered steps follow, wherever the annex heading went.
    bool remarks_heading(const Row& r) {
        if (section_ == Section::annex_affair || r.cells.size() != 1 || !labels_.is("remarks", r.key)) return false;
        enter(Section::annex_affair);
        auto& as = a(r.line);
        mark_annex(as, r.line);
        open_remarks(as, remarks_);
        return true;
    }

    void flush_pending() {
        if (!pending_field_) return;
        const Row row = std::move(*pending_field_);
        pending_field_.reset();
        dispatch(row);
    }

    // Whether a text leaves a bracket open: more （ than ） after NFKC.
    static bool leaves_open(std::string_view value) {
        const auto count = [&](std::string_view ascii, std::string_view wide) {
            size_t n = static_cast<size_t>(std::count(value.begin(), value.end(), ascii[0]));
            for (size_t at = value.find(wide); at != std::string_view::npos; at = value.find(wide, at + wide.size()))
                ++n;
            return n;
        };
        return count("(", "\uFF08") > count(")", "\uFF09");
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
        const std::string group = choice_group(p.key, flow_.is_transfer);
        if (group.empty() || !could_be_value(r) || looks_like_heading(r)) return false;
        // A line of options, the rest of an option its cell wrapped (… [  ] 庁内連 | 携システム), or of
        // an option's open （detail） (その他（ 中間サーバー、 | 自治体連携システム ）).
        constexpr size_t kMaxWrappedTailChars = 20;  // an option's rest: a few characters of a short label
        const std::string joined = p.value + " " + r.cells[0];
        if (find_options(r.cells[0], group).empty() && !leaves_open(p.value) &&
            (text::longer_than(r.cells[0], kMaxWrappedTailChars) ||
             find_options(joined, group).size() <= find_options(p.value, group).size()))
            return false;
        p.value = joined;
        return true;
    }

    void dispatch(const Row& r) {
        switch (section_) {
            case Section::cover:
                if (read_cover_row(r, a_, cover_)) {
                    section_ = Section::contents;
                    contents_ = Contents{};
                }
                break;
            case Section::basic:
                basic(r);
                break;
            case Section::files:
                files(r);
                break;
            case Section::risk:
                read_risk_row(r, a(r.line), risk_file_);
                break;
            case Section::other:
                read_procedure_row(r, a(r.line), procedure_);
                break;
            case Section::annex_affair:
                read_annex_row(r, doc_.lines[static_cast<size_t>(r.line - doc_.first_line)], a(r.line), remarks_);
                break;
            default:
                break;
        }
    }

    // ---- I 基本情報 --------------------------------------------------------------------------

    // I-3's (基礎: I-2's) names whose item title (3. 特定個人情報ファイル名) was lost: a line after the systems that
    // lists only names of files (…ファイル), where section I named none yet. Opens that item; true if so.
    bool open_names_after_systems(const Row& r) {
        // 基礎 lists its systems in I-1 (③システムの名称): its I-2 names follow them there.
        const bool after_systems = sub_ == Sub::systems || (sub_ == Sub::affair && a_ && !a_->systems.empty());
        if (section_ != Section::basic || !after_systems || r.cells.size() != 1 || is_field_label(r.key) ||
            (a_ && !a_->file_names.empty()))
            return false;
        if (listed_file_names(plain(r.cells[0])).empty() && !name_cut_in_two(r)) return false;
        open_item(Sub::file_names, r.line);
        return true;
    }

    // The text of a row under 特定個人情報ファイル名's title that names files: a line alone, or the
    // title again as the label of the names' row (特定個人情報ファイル名 | 住民票ファイル), as a template's
    // two-column table prints it under the numbered title. nullopt for any other row.
    std::optional<std::string> names_of_row(const Row& r) const {
        if (r.cells.size() == 1) return plain(r.cells[0]);
        if (r.cells.size() == 2 && labels_.in("sub_file_names", r.cells[0])) return plain(r.cells[1]);
        return std::nullopt;
    }

    // A line whose last name of a file the next line finishes (国民健康保険ファイ | ル): a narrow column cut it.
    bool name_cut_in_two(const Row& r) const {
        const Row next = row_at(doc_, r.line + 1);
        if (next.cells.size() != 1) return false;
        std::vector<std::string> names = parse_name_list(plain(r.cells[0]));
        return append_name_line(names, plain(next.cells[0])) && !listed_file_names(names.front()).empty();
    }

    void basic(const Row& r) {
        auto& as = a(r.line);
        if (open_names_after_systems(r)) return basic(r);
        if (sub_ == Sub::affair && labels_.is("affair_name", r.key) && restart_section_one(r.line)) return basic(r);
        if (sub_ != Sub::file_names) {
            read_section_one_row(sub_, r, as, system_);
        } else if (const auto names = collecting_names_ ? names_of_row(r) : std::nullopt) {
            append_name_line(as.file_names, *names);  // without a converter's marks (### 1. …)
            as.locs["file_names"] =
                Loc::span(as.locs["file_names"].known() ? as.locs["file_names"].line : r.line, r.line);
        } else {
            collecting_names_ = false;
        }
    }

    // A heading of section I alone on its row (I 基本情報) after the 変更箇所 table: the table has ended
    // and the next assessment starts, quoted without its cover (minutes, a set of excerpts).
    bool section_one_starts_over(const Row& r) const {
        if (!has_body()) return false;
        // The heading as the form writes it, not a change row's item that names it (Ⅰ 基本情報 6).
        const auto title = roman_title(r);
        return title && labels_.is("section_basic", compact_key(*title)) && affair_follows(r.line);
    }

    // Whether the first field below line n is ①事務の名称, as the form opens section I: a change row's
    // item cut into lines names section I and then the field it changed (Ⅰ 関連情報 | 1.特定個人情報
    // ファイルを取り扱う事務 | ③システムの名称).
    bool affair_follows(int n) const {
        constexpr int kSpan = 12;
        const int last = std::min(n + kSpan, doc_.first_line + static_cast<int>(doc_.lines.size()) - 1);
        for (int at = n + 1; at <= last; ++at) {
            const Row next = row_at(doc_, at);
            if (next.first_circled > 0) return labels_.is("affair_name", next.key);
        }
        return false;
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
        switch (sub_) {
            case Sub::file_names:
                file_names(r);
                break;
            case Sub::basic_info:
                read_basic_info_row(r, file(r.line));
                break;
            case Sub::acquisition:
                read_acquisition_row(r, file(r.line));
                break;
            case Sub::entrust:
                read_entrust_row(r, file(r.line), entrust_);
                break;
            case Sub::flows:
                read_flow_row(r, file(r.line), flow_);
                break;
            case Sub::storage:
                read_storage_row(r, file(r.line));
                break;
            default:
                break;
        }
    }

    // II-1 特定個人情報ファイル名: the lines under the heading name the block's files.
    void file_names(const Row& r) {
        const auto names = collecting_names_ ? names_of_row(r) : std::nullopt;
        if (!names) {
            collecting_names_ = false;
            return;
        }
        auto& f = file(r.line);
        append_name_line(f.names, *names);
        f.locs["names"] = Loc::at(r.line);
    }
};

}  // namespace

}  // namespace markdown

std::vector<Assessment> parse_markdown(const Document& doc) { return markdown::Reader(doc).run(); }

}  // namespace piagraph::extract_detail
