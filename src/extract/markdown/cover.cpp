// The cover of the markdown-like conversion: the title line naming the form, 評価書番号, 評価書名,
// 評価実施機関名, 公表日 and the form version, each read from its own label wherever it appears on
// the cover.
#include <algorithm>
#include <regex>
#include <utility>

#include "../form_labels.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::markdown {

namespace {

constexpr const char* kCoverFields[] = {"number", "title_field", "organization", "published"};

void set_cover(Assessment& as, const std::string& field, const std::string& value, int n) {
    const std::string v = cell_text(value);
    if (field == "organization") as.organization = v;
    if (field == "published") as.published = v;
    if (field == "number") as.number = v;
    if (field == "title_field") as.title = v;
    as.locs[field == "title_field" ? "title" : field] = Loc::at(n);
}

// A cover label followed straight by another label: read, with an empty value (公表日 of a
// draft), which is what lets the report say 「記載がありません」 of it.
void drop_pending_cover(OpenAssessment& open, CoverReading& reading) {
    if (reading.pending_field.empty()) return;
    auto& as = open.at(reading.pending_line);
    if (!as.locs.count(reading.pending_field == "title_field" ? "title" : reading.pending_field))
        set_cover(as, reading.pending_field, "", reading.pending_line);
    reading.pending_field.clear();
}

// The form version ([令和６年10月 様式４]), kept as written (full-width digits and all) without
// the brackets around it. Returns false where the row is not one.
bool read_form_version(const Row& r, OpenAssessment& open) {
    static const std::regex version(R"(^(?:\[|【)?\s*()" + regex_alternatives(written_list("eras")) + R"(\S*)" +
                                    written("year") + R"(\S*)" + written("month") + R"(\s*)" + written("form_style") +
                                    R"(\S+?)\s*(?:\]|】)?$)");
    std::smatch m;
    const std::string t = text::trim(text::nfkc(r.cells[0]));
    if (!std::regex_match(t, m, version)) return false;
    std::u32string written = text::to_u32(text::trim(r.cells[0]));
    if (!written.empty() && (written.front() == U'[' || written.front() == U'［' || written.front() == U'【'))
        written.erase(0, 1);
    if (!written.empty() && (written.back() == U']' || written.back() == U'］' || written.back() == U'】'))
        written.pop_back();
    open.at(r.line).form_version = text::trim(text::to_utf8(written));
    open.at(r.line).locs["form_version"] = Loc::at(r.line);
    return true;
}

}  // namespace

std::string titled_form(const std::string& t) {
    const FormLabels& labels = FormLabels::get();
    if (t.size() > kMaxLabelBytes || !text::contains(t, labels.filter_char("title"))) return "";
    const std::string k = compact_key(plain(t));
    bool is_title = false;
    for (const auto& title : labels.spellings("title"))
        if (text::starts_with(k, title) && k.size() < title.size() + 40) is_title = true;
    if (!is_title) return "";
    std::string form;
    for (const auto& f : Dictionary::get().form_names())
        if (text::contains(k, compact_key(f))) form = f;
    return form;
}

bool read_cover_row(const Row& r, OpenAssessment& open, CoverReading& reading) {
    const FormLabels& labels = FormLabels::get();
    const std::string k = compact_key(r.cells[0]);
    if (read_form_version(r, open)) return false;
    if (reading.expect_number_title) {
        reading.expect_number_title = false;
        const std::string head = std::exchange(reading.title_head, {});
        if (!labels.is("cover", k)) {
            std::string number = r.cells[0], title = r.cells.size() >= 2 ? r.cells[1] : std::string();
            // Both values in one cell, their tab lost (8　個人住民税に関する事務 全項目評価書).
            const size_t space = r.cells.size() == 1 ? next_space(number) : std::string::npos;
            if (space != std::string::npos && looks_like_assessment_number(number.substr(0, space))) {
                title = text::trim(number.substr(space));
                number.resize(space);
            } else if (r.cells.size() == 1 && head.empty() && !looks_like_assessment_number(number)) {
                // No number: the first line of a title whose number is beside its last.
                reading.title_head = text::trim(number);
                reading.expect_number_title = true;
                set_cover(open.at(r.line), "title_field", reading.title_head, r.line);
                return false;
            }
            if (!head.empty()) title = title.empty() ? head : head + " " + title;
            set_cover(open.at(r.line), "number", number, r.line);
            if (!title.empty()) set_cover(open.at(r.line), "title_field", title, r.line);
            return false;
        }
    }
    if (labels.is("number", k) && r.cells.size() >= 2 && labels.is("title_field", compact_key(r.cells[1]))) {
        reading.expect_number_title = true;
        return false;
    }
    for (const char* field : kCoverFields) {
        if (!labels.is(field, k)) continue;
        drop_pending_cover(open, reading);
        if (r.cells.size() >= 2) {
            set_cover(open.at(r.line), field, r.value, r.line);
        } else {
            reading.pending_field = field;
            reading.pending_line = r.line;
        }
        return false;
    }
    const bool contents = labels.is("contents", k);
    if (contents || labels.is("cover", k)) {
        drop_pending_cover(open, reading);
        return contents;
    }
    if (!reading.pending_field.empty()) {
        set_cover(open.at(r.line), reading.pending_field, text::trim(r.cells[0]), r.line);
        reading.pending_field.clear();
    }
    return false;
}

bool cover_follows(const Document& doc, int n) {
    constexpr int kCoverSpan = 40;
    const FormLabels& labels = FormLabels::get();
    const int last = std::min(n + kCoverSpan, doc.first_line + static_cast<int>(doc.lines.size()) - 1);
    for (int at = n + 1; at <= last; ++at) {
        const Row r = row_at(doc, at);
        if (r.cells.empty()) continue;
        if (r.key.empty() || r.first_circled > 0) continue;
        for (const char* field : kCoverFields)
            if (labels.is(field, r.key)) return true;
    }
    return false;
}

}  // namespace piagraph::extract_detail::markdown
