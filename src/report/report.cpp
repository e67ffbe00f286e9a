#include "piagraph/report.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph {

std::string html_escape(std::string_view s) { return text::escape_markup(s); }

namespace {

using text::match_key;

const char* const kNotStated = "評価書に記載がありません";
const char* const kUnread = "読み取れませんでした";

// Squeezed first: a report cell shows a text on one line.
std::string shorten(const std::string& s, size_t max_chars) { return text::shorten(text::squeeze(s), max_chars); }

const nlohmann::json& report_vocabulary() { return Dictionary::get().raw().at("report"); }

std::vector<std::string> vocabulary_list(const nlohmann::json& node, const char* key) {
    std::vector<std::string> out;
    if (node.contains(key))
        for (const auto& v : node[key]) out.push_back(v.get<std::string>());
    return out;
}

bool contains_any(const std::string& hay_key, const std::vector<std::string>& words) {
    for (const auto& w : words)
        if (auto k = match_key(w); !k.empty() && text::contains(hay_key, k)) return true;
    return false;
}

// The 保管場所 text in blocks: a ＜…＞ header starts a block (＜執務室における措置＞ …).
struct Block {
    std::string header;
    std::string body;
};

std::vector<Block> storage_blocks(const std::string& storage) {
    std::vector<Block> out;
    const std::u32string u = text::to_u32(storage);
    Block current;
    for (size_t i = 0; i < u.size(); ++i) {
        char32_t c = u[i];
        if (c == U'＜' || c == U'<' || c == U'〈') {
            size_t close = u.find_first_of(U"＞>〉", i + 1);
            if (close != std::u32string::npos && close - i < 80) {
                if (!text::trim(current.body).empty() || !current.header.empty()) out.push_back(current);
                current = Block{text::to_utf8(u.substr(i + 1, close - i - 1)), ""};
                i = close;
                continue;
            }
        }
        current.body += text::to_utf8(c);
    }
    if (!text::trim(current.body).empty() || !current.header.empty()) out.push_back(current);
    return out;
}

std::vector<std::string> sentences(const std::string& body) {
    std::vector<std::string> out;
    std::string current;
    for (char32_t c : text::to_u32(body)) {
        current += text::to_utf8(c);
        if (c == U'。') {
            if (auto t = text::trim(current); !t.empty()) out.push_back(t);
            current.clear();
        }
    }
    if (auto t = text::trim(current); !t.empty()) out.push_back(t);
    return out;
}

struct StorageClass {
    std::string id, label;
    std::vector<std::string> words;
};

const std::vector<StorageClass>& storage_classes() {
    static const std::vector<StorageClass> classes = [] {
        std::vector<StorageClass> out;
        const auto& v = report_vocabulary();
        for (const auto& c : v.at("storage_classes"))
            out.push_back(
                {c.at("id").get<std::string>(), c.at("label").get<std::string>(), vocabulary_list(c, "words")});
        return out;
    }();
    return classes;
}

// The match key without the names of standard systems that contain a place word, so that
// 庁内連携システム does not read as 庁内 (places such as ガバメントクラウド, kind "location", stay).
std::string place_key(const std::string& s) {
    static const std::vector<std::string> system_names = [] {
        std::vector<std::string> out;
        for (const auto& sys : Dictionary::get().systems()) {
            if (sys.kind == "location") continue;
            for (const auto& alias : sys.aliases) {
                const std::string k = match_key(alias);
                for (const auto& c : storage_classes())
                    if (contains_any(k, c.words)) {
                        out.push_back(k);
                        break;
                    }
            }
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
        return out;
    }();
    std::string key = match_key(s);
    for (const auto& name : system_names)
        for (auto p = key.find(name); p != std::string::npos; p = key.find(name, p)) key.replace(p, name.size(), "|");
    return key;
}

// The first class whose word the text contains (the classes are ordered most specific first).
const StorageClass* class_of(const std::string& s) {
    const std::string key = place_key(s);
    for (const auto& c : storage_classes())
        if (contains_any(key, c.words)) return &c;
    return nullptr;
}

std::string form_short(const std::string& form) {
    const FormInfo* f = Dictionary::get().form_of(form);
    return f ? f->short_name : std::string();
}

const char* severity_ja(Severity s) {
    switch (s) {
        case Severity::error:
            return "エラー";
        case Severity::warning:
            return "警告";
        case Severity::info:
            return "情報";
    }
    return "情報";
}

std::string file_title(const FileBlock& f) {
    if (f.names.empty()) return "（名称なし）";
    std::string out;
    for (const auto& n : f.names) out += (out.empty() ? "" : "、") + text::squeeze(n);
    return out;
}

std::string yes_no(const std::optional<bool>& b, const char* yes, const char* no) { return b ? (*b ? yes : no) : ""; }

using text::join;

// Text or the plain "not stated" marker.
std::string or_not_stated(const std::string& s) {
    auto t = text::squeeze(s);
    return t.empty() ? std::string("<span class=\"none\">") + kNotStated + "</span>" : html_escape(t);
}

// Coverage (GitHub issue 9): an item whose label was never read is not "not stated". The coverage
// key of a file's field ("files[1].storage"), found by the file's place in the assessment ("" for
// a file that is not one of its blocks: counted as read).
std::string file_item(const Assessment& a, const FileBlock& f, const std::string& field) {
    for (size_t i = 0; i < a.files.size(); ++i)
        if (&a.files[i] == &f) return "files[" + std::to_string(i) + "]." + field;
    return "";
}

std::string flow_item(const Assessment& a, const FileBlock& f, const char* list, size_t index,
                      const std::string& field) {
    const std::string file = file_item(a, f, "");
    return file.empty() ? "" : file + list + "[" + std::to_string(index) + "]." + field;
}

// 「読み取れませんでした（<item>: <why>）」 when the item was not read; "" when it was (or when
// the model records no coverage, as a hand-written one).
std::string unread_note(const Assessment& a, const std::string& item) {
    if (item.empty() || a.was_read(item)) return "";
    return "<span class=\"unread\">" + std::string(kUnread) + "（" + html_escape(coverage_label(item, Lang::ja)) +
           ": " + html_escape(coverage_why(a, item, Lang::ja)) + "）</span>";
}

// The first of the items that was not read, as unread_note says it; "" if all were read.
std::string unread_note(const Assessment& a, const std::vector<std::string>& items) {
    for (const auto& item : items)
        if (auto note = unread_note(a, item); !note.empty()) return note;
    return "";
}

// The value; or, when it is empty, 読み取れませんでした if one of its items was not read, else
// 評価書に記載がありません (its label was read, or the model records no coverage).
std::string stated(const Assessment& a, const std::vector<std::string>& items, const std::string& s) {
    if (!text::squeeze(s).empty()) return html_escape(text::squeeze(s));
    const std::string note = unread_note(a, items);
    return note.empty() ? or_not_stated("") : note;
}

std::string stated(const Assessment& a, const std::string& item, const std::string& s) {
    return stated(a, std::vector<std::string>{item}, s);
}

// The same item of every file ("files[0].entrust", "files[1].entrust" …).
std::vector<std::string> each_file(const Assessment& a, const std::string& field) {
    std::vector<std::string> out;
    for (const auto& f : a.files) out.push_back(file_item(a, f, field));
    return out;
}

// Whether a form (its short name: 基礎 / 重点 / 全項目) has an outline field (report/form_fields).
bool form_has_field(const std::string& form, const std::string& id) {
    const auto& v = report_vocabulary();
    if (form.empty()) return true;  // unknown form: assume it has
    for (const auto& field : v.at("form_fields"))
        if (field.at("id").get<std::string>() == id) return field.at("sections").contains(form);
    return true;
}

// A fact of a file as the board should read it: the value, or why there is none - the choice's
// mark was lost in conversion, the form has no such field, or the document does not say.
std::string file_fact(const Assessment& a, const FileBlock& f, const std::string& value, const char* mark_key,
                      const char* form_field, const std::string& item = "") {
    if (!text::squeeze(value).empty()) return html_escape(text::squeeze(value));
    const auto mark = f.marks.find(mark_key);
    if (mark != f.marks.end() && mark->second == "none")
        return "<span "
               "class=\"none\">選択肢は印刷されていますが、選択の印が読み取れません（変換で失われた可能性）</span>";
    if (!form_has_field(form_short(a.form), form_field))
        return "<span class=\"bydesign\">この様式（" + html_escape(a.form) + "）には欄がありません</span>";
    return stated(a, item, "");
}

// --- the page ------------------------------------------------------------------------------------

// Only the <svg> element itself: render's output may start with an XML prolog and a DOCTYPE.
std::string inline_svg(const std::string& svg) {
    const auto start = svg.find("<svg");
    const auto end = svg.rfind("</svg>");
    if (start == std::string::npos || end == std::string::npos || end < start) return "";
    return svg.substr(start, end + 6 - start);
}

class Page {
public:
    explicit Page(const ReportInput& in) : in_(in) {}

    std::string build() {
        head();
        overview();
        diagrams();
        file_cards();
        findings();
        outline();
        answers();
        os_ << "<footer class=\"muted\"><p>piagraph が評価書の記載から自動で作成した資料です。"
               "判断の根拠は各項目に示した評価書の記載箇所で確認してください。</p></footer>\n";
        os_ << "<script>" << report_script() << "</script>\n</body>\n</html>\n";
        return os_.str();
    }

private:
    const ReportInput& in_;
    std::ostringstream os_;

    std::string organization() const {
        std::set<std::string> orgs;
        for (const auto& a : in_.assessments)
            if (!text::trim(a.organization).empty()) orgs.insert(text::squeeze(a.organization));
        return join(std::vector<std::string>(orgs.begin(), orgs.end()), "、");
    }

    void head() {
        const std::string org = organization();
        const std::string title = (org.empty() ? std::string() : org + " ") + "特定個人情報保護評価書 点検資料";
        os_ << "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
            << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            << "<title>" << html_escape(title) << "</title>\n<style>" << report_style()
            << "</style>\n</head>\n<body>\n";
        os_ << "<header><h1>" << html_escape(title)
            << "</h1>\n<p class=\"meta\">入力: " << html_escape(join(in_.inputs, "、")) << "<br>評価書 "
            << in_.assessments.size() << " 件、点検結果 " << in_.findings.size() << " 件</p></header>\n";
        os_ << "<nav><h2>目次</h2><ol>"
            << "<li><a href=\"#overview\">概要</a></li><li><a href=\"#diagrams\">図</a></li>"
            << "<li><a href=\"#files\">ファイルごとの概要</a></li><li><a href=\"#findings\">点検結果</a></li>"
            << "<li><a href=\"#outline\">様式の項目と記載状況</a></li><li><a "
               "href=\"#answers\">審査でよく問われる点への回答</a></li>"
            << "</ol></nav>\n";
    }

    size_t finding_count(const Assessment& a) const {
        return std::count_if(in_.findings.begin(), in_.findings.end(),
                             [&](const Finding& f) { return f.assessment == a.affair; });
    }

    void overview() {
        os_ << "<section id=\"overview\"><h2>1. 概要</h2>\n";
        const std::string org = organization();
        std::string org_unread;  // the body's name, when no assessment's could be read
        for (const auto& a : in_.assessments)
            if (org_unread.empty()) org_unread = unread_note(a, "organization");
        os_ << "<p>評価実施機関: " << (org.empty() && !org_unread.empty() ? org_unread : or_not_stated(org))
            << "</p>\n";
        os_ << "<table class=\"sortable\"><thead><tr><th>評価書番号</th><th>事務</th><th>様式</th><th>公表日</th>"
               "<th>担当部署</th><th>情報提供NWSによる情報連携</th><th>システム数</th><th>ファイル数</th><th>点検結果</"
               "th>"
               "</tr></thead><tbody>\n";
        for (const auto& a : in_.assessments) {
            os_ << "<tr><td>" << (a.number.empty() ? unread_note(a, "number") : html_escape(a.number)) << "</td><td>"
                << stated(a, "affair", a.affair) << "</td><td>" << or_not_stated(a.form) << "</td><td>"
                << (a.published.empty() ? unread_note(a, "published") : html_escape(a.published)) << "</td><td>"
                << stated(a, "department", a.department) << "</td><td>" << stated(a, "linkage.status", a.linkage.status)
                << "</td><td>" << a.systems.size() << "</td><td>" << a.files.size() << "</td><td>" << finding_count(a)
                << "</td></tr>\n";
        }
        os_ << "</tbody></table>\n";
        unread_items();
        os_ << "</section>\n";
    }

    // The items extract could not read, per assessment (only for models that record coverage).
    void unread_items() {
        if (std::all_of(in_.assessments.begin(), in_.assessments.end(),
                        [](const Assessment& a) { return a.coverage.empty(); }))
            return;
        os_ << "<h3 id=\"unread\">読み取れなかった項目</h3>\n"
               "<p>評価書の中に項目のラベルが見つからず、値を読み取れなかった項目です。これらの項目は「"
            << kNotStated << "」とは扱わず、記載漏れの点検もしていません。原本（PDF）で確認してください。</p>\n<ul>\n";
        for (const auto& a : in_.assessments) {
            if (a.coverage.empty()) continue;
            const auto unread = unread_in_form_order(a);
            os_ << "<li>" << html_escape(a.affair.empty() ? a.source_file : a.affair) << ": ";
            if (unread.empty()) os_ << "すべての項目を読み取りました";
            for (size_t i = 0; i < unread.size(); ++i)
                os_ << (i ? "、" : "") << "<span class=\"unread\">" << html_escape(coverage_label(unread[i], Lang::ja))
                    << "</span>（" << html_escape(coverage_why(a, unread[i], Lang::ja)) << "）";
            os_ << "</li>\n";
        }
        os_ << "</ul>\n";
    }

    void diagrams() {
        os_ << "<section id=\"diagrams\"><h2>2. 図</h2>\n";
        if (in_.diagrams.empty())
            os_ << "<p class=\"muted\">"
                << html_escape(in_.diagrams_note.empty() ? "図は作成されていません。" : in_.diagrams_note) << "</p>\n";
        else
            os_ << "<p class=\"muted\">図をクリックすると原寸で開きます（スクロールで移動）。"
                   "別添1の手順は図の横の一覧にあり、番号の付いた矢印が図の中の手順です。</p>\n";
        for (size_t i = 0; i < in_.diagrams.size(); ++i) diagram(in_.diagrams[i], i);
        os_ << "</section>\n";
    }

    // One figure: the diagram, its steps beside it, and a <dialog> that shows it at 100 %.
    void diagram(const ReportDiagram& d, size_t index) {
        const std::string svg = inline_svg(d.svg);
        const std::string dialog_id = "full-" + std::to_string(index);
        os_ << "<figure class=\"diagram\"><figcaption>" << html_escape(d.title) << "</figcaption>\n";
        os_ << "<div class=\"diagram-body" << (d.steps.empty() ? "" : " with-steps") << "\"><div class=\"picture\">";
        if (svg.empty())
            os_ << "<p class=\"muted\">図を埋め込めませんでした。</p>";
        else
            os_ << svg;
        os_ << "</div>\n";
        if (!d.steps.empty()) step_list(d.steps);
        os_ << "</div>\n";
        if (!svg.empty())
            os_ << "<button type=\"button\" class=\"open-full\" data-dialog=\"" << dialog_id
                << "\">原寸で開く</button>\n<dialog class=\"full\" id=\"" << dialog_id << "\" aria-label=\""
                << html_escape(d.title) << "\"><form method=\"dialog\"><button>閉じる</button> <span>"
                << html_escape(d.title) << "</span></form><div class=\"pan\"></div></dialog>\n";
        if (!d.note.empty()) os_ << "<p class=\"muted\">" << html_escape(d.note) << "</p>\n";
        os_ << "</figure>\n";
    }

    void step_list(const std::vector<ReportStep>& steps) {
        const size_t drawn =
            std::count_if(steps.begin(), steps.end(), [](const ReportStep& s) { return !s.css_class.empty(); });
        os_ << "<div class=\"steps\"><p class=\"muted\">備考（別添1の手順）: " << steps.size() << " 件、うち " << drawn
            << " 件を図に番号付きの矢印で表示</p><ol class=\"steps\">\n";
        for (const ReportStep& s : steps) {
            os_ << "<li";
            if (!s.css_class.empty()) os_ << " tabindex=\"0\" data-step=\"" << html_escape(s.css_class) << "\"";
            os_ << "><strong>" << html_escape(s.label) << "</strong> " << html_escape(text::squeeze(s.text));
            if (s.css_class.empty())
                os_ << " <span class=\"muted\">（図にはなし: 出どころと行き先を特定できません）</span>";
            os_ << "</li>\n";
        }
        os_ << "</ol></div>\n";
    }

    void storage_tags(const Assessment& a, const FileBlock& f) {
        const auto places = classify_storage(f.storage);
        if (places.empty()) {
            os_ << "<p>" << stated(a, file_item(a, f, "storage"), "") << "</p>\n";
            return;
        }
        os_ << "<ul>\n";
        for (const auto& p : places)
            os_ << "<li><span class=\"tag " << html_escape(p.class_id) << "\">" << html_escape(p.label) << "</span>"
                << html_escape(shorten(p.excerpt, 160)) << "</li>\n";
        os_ << "</ul>\n";
    }

    void file_cards() {
        os_ << "<section id=\"files\"><h2>3. ファイルごとの概要</h2>\n";
        for (const auto& a : in_.assessments) {
            if (a.files.empty())
                os_ << "<p>" << html_escape(a.affair) << ": 特定個人情報ファイルの概要（II）は"
                    << (form_short(a.form) == "基礎" ? "この様式（基礎項目評価書）にはありません。"
                        : !unread_note(a, "files").empty() ? unread_note(a, "files")
                                                           : std::string(kNotStated))
                    << "</p>\n";
            for (const auto& f : a.files) file_card(a, f);
        }
        os_ << "</section>\n";
    }

    void file_card(const Assessment& a, const FileBlock& f) {
        os_ << "<article class=\"card\"><h3>" << html_escape(file_title(f)) << "</h3>\n";
        os_ << "<p class=\"muted\">事務: " << html_escape(a.affair) << "（" << html_escape(a.form) << "）</p>\n";
        os_ << "<table><tbody>\n<tr><th style=\"width:11em\">保有する情報</th><td>"
            << html_escape(text::squeeze(a.affair)) << "のための特定個人情報ファイル（" << html_escape(file_title(f))
            << "）</td></tr>\n";
        os_ << "<tr><th>対象人数（事務）</th><td>" << or_not_stated(a.population) << "</td></tr>\n";
        os_ << "<tr><th>対象となる本人の数</th><td>" << file_fact(a, f, f.population, "population", "population")
            << "</td></tr>\n";
        os_ << "<tr><th>対象となる本人の範囲</th><td>"
            << file_fact(a, f, f.population_scope, "population_scope", "population") << "</td></tr>\n";
        os_ << "<tr><th>使用部署（庁内で使う部署）</th><td>"
            << file_fact(a, f, f.user_departments, "user_departments", "users") << "</td></tr>\n";
        os_ << "<tr><th>使用者数</th><td>" << file_fact(a, f, f.user_count, "user_count", "users") << "</td></tr>\n";
        os_ << "<tr><th>入手元</th><td>";
        if (f.sources.empty()) os_ << file_fact(a, f, "", "sources", "acquisition", file_item(a, f, "sources"));
        for (const auto& s : f.sources)
            os_ << html_escape(s.kind) << (s.detail.empty() ? "" : "（" + html_escape(text::squeeze(s.detail)) + "）")
                << (s.inferred ? "（印はないが詳細の記載から推定）" : "") << "<br>";
        os_ << "</td></tr>\n<tr><th>入手方法</th><td>"
            << file_fact(a, f, join(f.methods, "、"), "methods", "acquisition", file_item(a, f, "methods"))
            << "</td></tr>\n";
        os_ << "<tr><th>保管期間</th><td>"
            << file_fact(a, f, f.retention, "retention", "retention", file_item(a, f, "retention")) << "</td></tr>\n";
        os_ << "<tr><th>消去方法</th><td>"
            << file_fact(a, f, f.erasure, "erasure", "erasure", file_item(a, f, "erasure"))
            << "</td></tr>\n</tbody></table>\n";

        os_ << "<h4>提供先・移転先</h4>\n";
        if (f.provisions.empty() && f.transfers.empty()) {
            os_ << "<p>"
                << (f.no_flows.value_or(false) ? "提供・移転を行っていない旨の記載があります。"
                                               : stated(a, file_item(a, f, "provision_transfer"), ""))
                << "</p>\n";
        } else {
            os_ << "<table class=\"sortable\"><thead><tr><th "
                   "style=\"width:4em\">区分</th><th>相手</th><th>法令上の根拠</th>"
                   "<th>方法</th><th>用途</th></tr></thead><tbody>\n";
            auto rows = [&](const std::vector<Flow>& flows, const char* kind, const char* list) {
                for (size_t i = 0; i < flows.size(); ++i) {
                    const Flow& fl = flows[i];
                    os_ << "<tr><td>" << kind << "</td><td>" << or_not_stated(fl.recipient) << "</td><td>"
                        << stated(a, flow_item(a, f, list, i, "basis"), fl.basis) << "</td><td>"
                        << stated(a, flow_item(a, f, list, i, "methods"), join(fl.methods, "、")) << "</td><td>"
                        << html_escape(shorten(fl.purpose, 120)) << "</td></tr>\n";
                }
            };
            rows(f.provisions, "提供", "provisions");
            rows(f.transfers, "移転", "transfers");
            os_ << "</tbody></table>\n";
        }
        declared_counts(f);

        os_ << "<h4>委託先・再委託先</h4>\n";
        if (f.entrustments.empty()) {
            os_ << "<p>"
                << (f.entrust && !*f.entrust ? "委託しない旨の記載があります。"
                                             : stated(a, file_item(a, f, "entrust"), ""))
                << "</p>\n";
        } else {
            os_ << "<table class=\"sortable\"><thead><tr><th>委託内容</th><th>委託先</th><th "
                   "style=\"width:7em\">再委託</th>"
                   "<th>再委託先</th><th>再委託の許諾方法</th></tr></thead><tbody>\n";
            for (size_t i = 0; i < f.entrustments.size(); ++i) {
                const Entrustment& e = f.entrustments[i];
                const bool resub = e.resubcontract.value_or(false);
                os_ << "<tr><td>" << or_not_stated(e.item) << "</td><td>"
                    << stated(a, flow_item(a, f, "entrustments", i, "contractor"), e.contractor) << "</td><td>"
                    << stated(a, flow_item(a, f, "entrustments", i, "resubcontract"),
                              yes_no(e.resubcontract, "再委託する", "再委託しない"))
                    << "</td><td>" << (resub ? or_not_stated(e.resubcontractor) : html_escape(e.resubcontractor))
                    << "</td><td>"
                    << (resub ? or_not_stated(e.permission_method) : html_escape(shorten(e.permission_method, 120)))
                    << "</td></tr>\n";
            }
            os_ << "</tbody></table>\n";
        }

        os_ << "<h4>保管場所</h4>\n";
        storage_tags(a, f);
        os_ << "</article>\n";
    }

    void declared_counts(const FileBlock& f) {
        const auto& c = f.declared_counts;
        auto one = [&](const std::optional<int>& declared, size_t listed, const char* what) {
            if (!declared || *declared == static_cast<int>(listed)) return;
            os_ << "<p class=\"muted\">" << what << "は (" << *declared << ") 件と記載され、個別の記載は " << listed
                << " 件です（別紙参照などで省略されている可能性があります）。</p>\n";
        };
        one(c.provisions, f.provisions.size(), "提供先");
        one(c.transfers, f.transfers.size(), "移転先");
        one(c.entrustments, f.entrustments.size(), "委託");
    }

    // The source lines a finding rests on, re-read from the document (line numbers shown);
    // without the document, the words the check kept; failing both, a plain note.
    void quote_lines(const Location& loc) {
        auto it = in_.source_lines.find(loc.file);
        const bool have_lines =
            it != in_.source_lines.end() && loc.line > 0 && loc.line <= static_cast<int>(it->second.size());
        if (have_lines) {
            const auto& lines = it->second;
            const int last =
                std::min<int>({std::max(loc.end_line, loc.line), loc.line + 7, static_cast<int>(lines.size())});
            std::string quoted;
            for (int l = loc.line; l <= last; ++l)
                quoted += std::to_string(l) + ": " + shorten(lines[static_cast<size_t>(l - 1)], 200) + "\n";
            if (loc.end_line > last) quoted += "…\n";
            os_ << "<pre class=\"quote\">" << html_escape(quoted) << "</pre>\n";
        } else if (!loc.quote.empty()) {
            os_ << "<pre class=\"quote\">" << html_escape(shorten(loc.quote, 400)) << "</pre>\n";
        } else if (loc.line > 0) {
            os_ << "<p class=\"muted\">（原文 " << html_escape(loc.file) << " を読めないため引用できません）</p>\n";
        }
    }

    void findings() {
        os_ << "<section id=\"findings\"><h2>4. 点検結果</h2>\n";
        if (in_.findings.empty()) {
            os_ << "<p>点検で指摘事項は見つかりませんでした。</p>\n</section>\n";
            return;
        }
        os_ << "<table class=\"sortable\"><thead><tr><th style=\"width:5em\">重要度</th><th "
               "style=\"width:7em\">規則</th>"
               "<th style=\"width:12em\">事務</th><th>内容と根拠の記載</th></tr></thead><tbody>\n";
        for (const auto& f : in_.findings) {
            os_ << "<tr><td class=\"sev-" << severity_name(f.severity) << "\">" << severity_ja(f.severity)
                << "</td><td>" << html_escape(f.rule) << "<br><span class=\"muted\">" << html_escape(f.kind)
                << "</span></td><td>" << html_escape(f.assessment) << "</td><td><p lang=\""
                << (in_.lang == Lang::en ? "en" : "ja") << "\">" << html_escape(f.message.in(in_.lang)) << "</p>\n";
            for (const auto& loc : f.locations) {
                os_ << "<div class=\"muted\">" << html_escape(loc.file);
                if (loc.page > 0) os_ << " p." << loc.page;
                if (loc.line > 0)
                    os_ << " " << loc.line << (loc.end_line > loc.line ? "–" + std::to_string(loc.end_line) : "")
                        << "行";
                if (!loc.note.empty()) os_ << "（" << html_escape(loc.note) << "）";
                os_ << "</div>\n";
                quote_lines(loc);
            }
            os_ << "</td></tr>\n";
        }
        os_ << "</tbody></table>\n</section>\n";
    }

    // Whether the model holds a value for an outline field (data/dictionary.json report/form_fields).
    static bool has_field(const Assessment& a, const std::string& id) {
        auto any_file = [&](auto pred) { return std::any_of(a.files.begin(), a.files.end(), pred); };
        if (id == "systems") return !a.systems.empty();
        if (id == "connections")
            return std::any_of(a.systems.begin(), a.systems.end(),
                               [](const System& s) { return !s.connections.empty() || !s.other.empty(); });
        if (id == "individual_number_basis") return !text::trim(a.individual_number_basis).empty();
        if (id == "linkage") return !text::trim(a.linkage.status).empty();
        if (id == "department") return !text::trim(a.department).empty();
        if (id == "files") return !a.files.empty() || !a.file_names.empty();
        if (id == "acquisition")
            return any_file([](const FileBlock& f) { return !f.sources.empty() || !f.methods.empty(); });
        if (id == "entrustment")
            return any_file([](const FileBlock& f) { return !f.entrustments.empty() || f.entrust.has_value(); });
        if (id == "flows")
            return any_file([](const FileBlock& f) {
                return !f.provisions.empty() || !f.transfers.empty() || f.provides || f.transfers_flag || f.no_flows;
            });
        if (id == "storage") return any_file([](const FileBlock& f) { return !text::trim(f.storage).empty(); });
        if (id == "retention") return any_file([](const FileBlock& f) { return !text::trim(f.retention).empty(); });
        if (id == "erasure") return any_file([](const FileBlock& f) { return !text::trim(f.erasure).empty(); });
        if (id == "population")
            return any_file([](const FileBlock& f) { return !f.population.empty() || !f.population_scope.empty(); });
        if (id == "users")
            return any_file([](const FileBlock& f) { return !f.user_departments.empty() || !f.user_count.empty(); });
        if (id == "attachment1") return !a.attachment1_steps.empty();
        if (id == "changes") return !a.changes.empty();
        return false;
    }

    // The coverage items of an outline field (none for the fields coverage does not track).
    static std::vector<std::string> items_of_field(const Assessment& a, const std::string& id) {
        if (id == "systems" || id == "individual_number_basis" || id == "department" || id == "attachment1")
            return {id};
        if (id == "linkage") return {"linkage.status"};
        if (id == "files") return {"files", "file_names"};
        if (id == "acquisition") {
            auto out = each_file(a, "sources");
            for (auto& m : each_file(a, "methods")) out.push_back(std::move(m));
            return out;
        }
        if (id == "entrustment") return each_file(a, "entrust");
        if (id == "flows") return each_file(a, "provision_transfer");
        if (id == "storage" || id == "retention" || id == "erasure") return each_file(a, id);
        return {};
    }

    void outline() {
        os_ << "<section id=\"outline\"><h2>5. 様式の項目と記載状況</h2>\n"
               "<p>様式（基礎項目・重点項目・全項目）によって、もともと記載欄のない項目があります。"
               "「この様式には欄がない」項目は記載漏れではありません。</p>\n";
        const auto& v = report_vocabulary();
        for (const auto& a : in_.assessments) {
            const std::string form = form_short(a.form);
            os_ << "<h3>" << html_escape(a.affair) << "（" << or_not_stated(a.form) << "）</h3>\n";
            if (form.empty()) os_ << "<p class=\"none\">様式を判別できないため、欄の有無は判定していません。</p>\n";
            os_ << "<table><thead><tr><th>項目</th><th "
                   "style=\"width:12em\">この様式での位置</th><th>記載状況</th></tr></thead><tbody>\n";
            for (const auto& field : v.at("form_fields")) {
                const std::string id = field.at("id").get<std::string>();
                const auto& sections = field.at("sections");
                const bool in_form = !form.empty() && sections.contains(form);
                const bool present = has_field(a, id);
                os_ << "<tr><td>" << html_escape(field.at("label").get<std::string>()) << "</td><td>"
                    << (in_form ? html_escape(sections.at(form).get<std::string>()) : "—") << "</td><td>";
                const auto items = items_of_field(a, id);
                const std::string unread = unread_note(a, items);
                if (present)
                    os_ << "<span class=\"present\">記載あり</span>";
                else if (!unread.empty())
                    os_ << unread;
                else if (in_form && !a.coverage.empty() && !items.empty())
                    os_ << "<span class=\"absent\">" << kNotStated << "</span>";  // its label was read
                else if (in_form || form.empty())
                    os_ << "<span class=\"absent\">記載が見つかりません（記載漏れ又は読み取り漏れの可能性）</span>";
                else
                    os_ << "<span class=\"bydesign\">この様式には欄がない（記載なしで正常）</span>";
                os_ << "</td></tr>\n";
            }
            os_ << "</tbody></table>\n";
        }
        os_ << "</section>\n";
    }

    // --- answers to the board's questions ---

    struct Mention {
        std::string who;                   // the system as written
        std::vector<StoragePlace> places;  // where the storage text puts it
        std::string operator_text;         // a sentence naming its operator
    };

    static std::string sentence_with(const std::string& text_in, const std::vector<std::string>& words) {
        for (const auto& s : sentences(text_in))
            if (contains_any(match_key(s), words)) return s;
        return "";
    }

    // Storage blocks whose header or body names the system (by any alias of its canonical entry).
    static std::vector<StoragePlace> places_of(const Assessment& a, const StandardSystem& sys) {
        std::vector<StoragePlace> out;
        for (const auto& f : a.files)
            for (const auto& b : storage_blocks(f.storage)) {
                const std::string header_key = match_key(b.header);
                const std::string block_text = b.header + " " + b.body;
                if (!contains_any(header_key, sys.aliases) && !contains_any(match_key(b.body), sys.aliases)) continue;
                for (const auto& p : classify_storage(block_text))
                    if (std::none_of(out.begin(), out.end(),
                                     [&](const StoragePlace& q) { return q.class_id == p.class_id; }))
                        out.push_back(p);
            }
        return out;
    }

    void answer_system(const Assessment& a, const std::vector<std::string>& ids, const char* question) {
        os_ << "<dt>" << question << "</dt><dd>";
        const auto& dict = Dictionary::get();
        const auto jlis_words = vocabulary_list(report_vocabulary().at("operator_words"), "jlis");
        bool any = false;
        for (const auto& s : a.systems) {
            const StandardSystem* sys = dict.resolve_standard(s.name);
            if (!sys || std::find(ids.begin(), ids.end(), sys->id) == ids.end()) continue;
            any = true;
            os_ << "<p><strong>" << html_escape(text::squeeze(s.name)) << "</strong>（システム" << s.no << "）</p><ul>";
            std::string op = sentence_with(s.functions, jlis_words);
            for (const auto& f : a.files)
                if (op.empty()) op = sentence_with(f.storage, jlis_words);
            // Said from the system's functions and the storage texts: one of those unread may say it.
            const std::string storage_unread = unread_note(a, each_file(a, "storage"));
            const std::string none =
                storage_unread.empty() ? "<span class=\"none\">" + std::string(kNotStated) + "</span>" : storage_unread;
            os_ << "<li>運用主体: "
                << (op.empty() ? none
                               : "地方公共団体情報システム機構（J-LIS）に関する記載あり: 「" +
                                     html_escape(shorten(op, 160)) + "」")
                << "</li>";
            std::vector<StoragePlace> places = places_of(a, *sys);
            if (sys->id == "chukan_server")
                if (const StandardSystem* platform = dict.system_by_id("chukan_platform"))
                    for (const auto& p : places_of(a, *platform))
                        if (std::none_of(places.begin(), places.end(),
                                         [&](const StoragePlace& q) { return q.class_id == p.class_id; }))
                            places.push_back(p);
            os_ << "<li>設置場所: ";
            if (places.empty()) os_ << none;
            for (const auto& p : places)
                os_ << "<span class=\"tag " << html_escape(p.class_id) << "\">" << html_escape(p.label) << "</span>"
                    << html_escape(shorten(p.excerpt, 120)) << " ";
            bool inside =
                std::any_of(places.begin(), places.end(), [](const StoragePlace& p) { return p.class_id == "inside"; });
            bool outside = std::any_of(places.begin(), places.end(), [](const StoragePlace& p) {
                return p.class_id != "inside" && p.class_id != "unknown";
            });
            if (!places.empty())
                os_ << "<br>庁内か: "
                    << (inside && outside ? "庁内と庁外の双方の記載があります"
                        : inside          ? "庁内"
                        : outside         ? "庁外"
                                          : "記載からは判別できません");
            os_ << "</li></ul>";
        }
        if (!any) {
            const std::string unread = unread_note(a, "systems");
            if (unread.empty())
                os_ << "<p>該当するシステムは<span class=\"none\">" << kNotStated << "</span></p>";
            else
                os_ << "<p>該当するシステムは" << unread << "</p>";
        }
        os_ << "</dd>\n";
    }

    void answers() {
        os_ << "<section id=\"answers\"><h2>6. 審査でよく問われる点への回答</h2>\n"
               "<p>評価書に書かれていることだけを示します。書かれていないことは「"
            << kNotStated << "」と、項目そのものを読み取れなかったところは「" << kUnread << "」と示します。</p>\n";
        for (const auto& a : in_.assessments) {
            os_ << "<h3>" << html_escape(a.affair) << "</h3>\n<dl class=\"qa\">\n";
            answer_files(a);
            answer_system(a, {"chukan_server", "chukan_platform"}, "中間サーバーは誰が運用し、庁内にあるか");
            answer_system(a, {"togo_atena", "atena"}, "宛名システムは誰が運用し、庁内にあるか");
            answer_access(a);
            answer_copies(a);
            answer_retention(a);
            answer_entrustment(a);
            os_ << "</dl>\n";
        }
        os_ << "</section>\n";
    }

    // What each file is about, where it comes from and where it goes; files made from the same
    // sources by the same methods are said to share them (how the files relate, as far as the
    // document says).
    void answer_files(const Assessment& a) {
        os_ << "<dt>それぞれのファイルは何で、ファイル同士はどう関係するか</dt><dd>";
        if (a.files.empty()) {
            os_ << stated(a, "files", "") << "</dd>\n";
            return;
        }
        os_ << "<table><thead><tr><th>ファイル</th><th>対象となる本人</th><th>入手元・入手方法</th>"
               "<th>提供先・移転先</th><th>委託</th></tr></thead><tbody>\n";
        std::map<std::string, std::vector<std::string>> by_origin;  // sources and methods -> files
        for (const auto& f : a.files) {
            std::string origin;
            for (const auto& src : f.sources)
                origin +=
                    (origin.empty() ? "" : "、") + src.kind + (src.detail.empty() ? "" : "（" + src.detail + "）");
            if (!f.methods.empty()) origin += (origin.empty() ? "" : " ／ ") + join(f.methods, "、");
            if (!origin.empty()) by_origin[text::squeeze(origin)].push_back(file_title(f));
            os_ << "<tr><td>" << html_escape(file_title(f)) << "</td><td>"
                << file_fact(a, f, f.population_scope, "population_scope", "population") << "（"
                << file_fact(a, f, f.population, "population", "population") << "）</td><td>"
                << stated(a, {file_item(a, f, "sources"), file_item(a, f, "methods")}, origin) << "</td><td>提供 "
                << f.provisions.size() << " 件、移転 " << f.transfers.size() << " 件</td><td>" << f.entrustments.size()
                << " 件</td></tr>\n";
        }
        os_ << "</tbody></table>\n";
        for (const auto& [origin, names] : by_origin)
            if (names.size() > 1)
                os_ << "<p>" << html_escape(join(names, "、")) << " は同じ入手元・入手方法（" << html_escape(origin)
                    << "）から作られます。</p>\n";
        os_ << "</dd>\n";
    }

    void answer_access(const Assessment& a) {
        os_ << "<dt>庁内で誰がデータを見られるか、その法令上の根拠</dt><dd><ul>";
        os_ << "<li>担当部署: " << stated(a, "department", a.department) << "</li>";
        os_ << "<li>個人番号の利用の法令上の根拠: "
            << stated(a, "individual_number_basis", shorten(a.individual_number_basis, 300)) << "</li>";
        for (const auto& f : a.files)
            os_ << "<li>" << html_escape(file_title(f))
                << " を使う部署（使用の主体）: " << file_fact(a, f, f.user_departments, "user_departments", "users")
                << "（使用者数 " << file_fact(a, f, f.user_count, "user_count", "users") << "）</li>";
        bool any_transfer = false;
        for (const auto& f : a.files)
            for (size_t i = 0; i < f.transfers.size(); ++i) {
                const Flow& t = f.transfers[i];
                any_transfer = true;
                os_ << "<li>移転先（庁内の他部署）: " << or_not_stated(t.recipient)
                    << " — 根拠: " << stated(a, flow_item(a, f, "transfers", i, "basis"), t.basis) << "</li>";
            }
        if (!any_transfer)
            os_ << "<li>移転先（庁内の他部署）: " << stated(a, each_file(a, "provision_transfer"), "") << "</li>";
        os_ << "</ul></dd>\n";
    }

    void answer_copies(const Assessment& a) {
        os_ << "<dt>複製はどこに保管されるか</dt><dd>";
        if (a.files.empty()) os_ << stated(a, "files", "");
        for (const auto& f : a.files) {
            os_ << "<p>" << html_escape(file_title(f)) << ":</p>";
            storage_tags(a, f);
        }
        os_ << "</dd>\n";
    }

    void answer_retention(const Assessment& a) {
        const auto& v = report_vocabulary();
        const auto erasure_words = vocabulary_list(v, "erasure_words");
        const auto period_words = vocabulary_list(v, "period_words");
        const std::string no_period = v.value("no_period", "");
        os_ << "<dt>保管期間と消去（両者の記載は整合しているか）</dt><dd><ul>";
        if (a.files.empty()) os_ << "<li>" << stated(a, "files", "") << "</li>";
        for (const auto& f : a.files) {
            os_ << "<li>" << html_escape(file_title(f)) << ": 保管期間 "
                << file_fact(a, f, f.retention, "retention", "retention", file_item(a, f, "retention"))
                << "／消去方法: ";
            if (!text::squeeze(f.erasure).empty()) {
                os_ << "「" << html_escape(shorten(f.erasure, 200)) << "」";
            } else if (const std::string erase = sentence_with(f.storage, erasure_words); !erase.empty()) {
                os_ << "（消去方法の欄ではなく保管場所の記載から）「" << html_escape(shorten(erase, 160)) << "」";
            } else {
                os_ << file_fact(a, f, "", "erasure", "erasure", file_item(a, f, "erasure"));
            }
            // The one plain contradiction: no period set, yet erasure when the period runs out.
            if (!no_period.empty() && match_key(f.retention) == match_key(no_period) &&
                contains_any(match_key(f.erasure), period_words))
                os_ << " <span class=\"none\">要確認: 保管期間は「" << html_escape(no_period)
                    << "」ですが、消去方法は期間の経過による消去を述べています。</span>";
            os_ << "</li>";
        }
        os_ << "</ul></dd>\n";
    }

    void answer_entrustment(const Assessment& a) {
        os_ << "<dt>委託の連鎖（委託先の正式名称とすべての再委託先）</dt><dd>";
        bool any = false;
        std::set<std::string> seen;  // several files often list the same contract
        for (const auto& f : a.files)
            for (size_t i = 0; i < f.entrustments.size(); ++i) {
                const Entrustment& e = f.entrustments[i];
                const std::string key = match_key(e.item) + "|" + match_key(e.contractor) + "|" +
                                        yes_no(e.resubcontract, "1", "0") + "|" + match_key(e.resubcontractor);
                if (!seen.insert(key).second) continue;
                if (!any) os_ << "<ul>";
                any = true;
                os_ << "<li>" << or_not_stated(e.item)
                    << " → 委託先: " << stated(a, flow_item(a, f, "entrustments", i, "contractor"), e.contractor);
                if (e.resubcontract && *e.resubcontract)
                    os_ << " → 再委託先: " << or_not_stated(e.resubcontractor);
                else if (e.resubcontract)
                    os_ << "（再委託しない）";
                else
                    os_ << "（再委託の有無: " << stated(a, flow_item(a, f, "entrustments", i, "resubcontract"), "")
                        << "）";
                os_ << "</li>";
            }
        if (any)
            os_ << "</ul>";
        else if (const std::string unread = unread_note(a, each_file(a, "entrust")); !unread.empty())
            os_ << "委託について" << unread;
        else
            os_ << "<span class=\"none\">委託について" << kNotStated << "</span>";
        os_ << "</dd>\n";
    }
};

}  // namespace

std::vector<StoragePlace> classify_storage(const std::string& storage_text) {
    std::vector<StoragePlace> out;
    if (text::trim(storage_text).empty()) return out;
    auto add = [&](const StorageClass& c, const std::string& excerpt) {
        for (const auto& p : out)
            if (p.class_id == c.id && p.excerpt == excerpt) return;
        out.push_back({c.id, c.label, excerpt});
    };
    for (const auto& block : storage_blocks(storage_text)) {
        const std::string header = text::squeeze(block.header);
        const StorageClass* block_class = header.empty() ? nullptr : class_of(header);
        if (block_class) {
            const auto first = sentences(block.body);
            add(*block_class,
                "＜" + header + "＞" + (first.empty() ? std::string() : " " + text::squeeze(first.front())));
        }
        for (const auto& s : sentences(block.body)) {
            const StorageClass* c = class_of(s);
            if (!c || c == block_class) continue;
            // A サーバー室 under ＜データセンター…＞ or ＜中間サーバー・プラットフォーム…＞ is a room
            // there, not in the city hall.
            if (block_class && block_class->id != "inside" && c->id == "inside") continue;
            add(*c, text::squeeze(s));
        }
    }
    if (out.empty()) out.push_back({"unknown", "場所の種類を判別できない記載", text::squeeze(storage_text)});
    return out;
}

std::string render_report_html(const ReportInput& input) { return Page(input).build(); }

// Generated by CMake from styles/report.css and styles/report.js.
extern const char* const kReportStyle;
extern const char* const kReportScript;

const char* report_style() { return kReportStyle; }
const char* report_script() { return kReportScript; }

}  // namespace piagraph
