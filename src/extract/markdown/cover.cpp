// The cover of the markdown-like conversion: the title line naming the form, 評価書番号, 評価書名,
// 評価実施機関名, 公表日 and the form version, each read from its own label wherever it appears on
// the cover.
#include <algorithm>
#include <utility>

#include "../common.hpp"
#include "../form_labels.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::markdown {

namespace {

// The model's key of a cover field (評価書名's is title).
std::string model_key(const std::string& field) { return field == "title_field" ? "title" : field; }

void set_cover(Assessment& as, const std::string& field, const std::string& value, int n) {
    const std::string v = cell_text(value);
    if (field == "organization") as.organization = v;
    if (field == "published") as.published = date_to_its_day(v);
    if (field == "number") as.number = v;
    if (field == "title_field") as.title = v;
    as.locs[model_key(field)] = Loc::at(n);
}

// A sentence is no value of the cover's cells (the declaration, a remark beside them).
bool is_sentence(std::string_view s) {
    constexpr size_t kMaxValueChars = 80;  // a title, the longest value, is a line of a cell
    return text::contains(s, "。") || text::longer_than(s, kMaxValueChars);
}

// Whether a line cannot be the value of cover field `field`: a sentence (the declaration beside
// the cover's cells), or what looks like another field's value and not like this one's.
bool is_no_cover_value(const std::string& field, std::string_view value) {
    return is_sentence(value) || looks_like_other_cover_value(field, value);
}

// A cover label followed straight by another label: its value is a loose line of the cover that
// looks like it (a cover whose blocks came out of order), else it is read with an empty value (公表日
// of a draft), which is what lets the report say 「記載がありません」 of it; a line further on that
// looks like its value fills it still.
void drop_pending_cover(OpenAssessment& open, CoverReading& reading) {
    if (reading.pending_field.empty()) return;
    const std::string field = std::exchange(reading.pending_field, {});
    auto& as = open.at(reading.pending_line);
    if (as.locs.count(model_key(field))) return;
    for (auto it = reading.loose.rbegin(); it != reading.loose.rend(); ++it) {
        if (!looks_like_cover_value(field, it->second)) continue;
        set_cover(as, field, it->second, it->first);
        reading.loose.erase(std::next(it).base());
        return;
    }
    set_cover(as, field, "", reading.pending_line);
    reading.emptied.emplace_back(field, reading.pending_line);
}

// A cover line no label took: the value of a label read empty before it where it looks like one,
// else kept for a label further on.
void keep_loose_line(OpenAssessment& open, CoverReading& reading, const std::string& line, int n) {
    for (auto it = reading.emptied.begin(); it != reading.emptied.end(); ++it) {
        if (!looks_like_cover_value(it->first, line)) continue;
        set_cover(open.at(it->second), it->first, line, n);
        reading.emptied.erase(it);
        return;
    }
    reading.loose.emplace_back(n, line);
}

// The form version ([令和６年10月 様式４]), kept as written (full-width digits and all) without
// the brackets around it. Returns false where the row is not one.
bool read_form_version(const Row& r, OpenAssessment& open) {
    if (!looks_like_form_version(r.cells[0])) return false;
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

namespace {

// The number and the title of a row under the header 評価書番号 | 評価書名: its two cells, or its one
// cell cut after a number (8　個人住民税に関する事務 全項目評価書, a tab lost).
std::pair<std::string, std::string> split_number_title(const Row& r) {
    std::string number = r.cells[0], title = r.cells.size() >= 2 ? r.cells[1] : std::string();
    const size_t space = r.cells.size() == 1 ? next_space(number) : std::string::npos;
    if (space != std::string::npos && looks_like_assessment_number(number.substr(0, space))) {
        title = text::trim(number.substr(space));
        number.resize(space);
    }
    return {number, title};
}

// The number and the title a row holds where both look like them; nullopt otherwise.
std::optional<CoverReading::NumberTitle> number_and_title(const Row& r) {
    if (r.cells.size() > 2) return std::nullopt;
    auto [number, title] = split_number_title(r);
    number = text::trim(number);
    title = text::trim(title);
    if (!looks_like_assessment_number(number) || !looks_like_assessment_title(title)) return std::nullopt;
    return CoverReading::NumberTitle{r.line, number, title};
}

// A header row (評価書番号 | 評価書名) whose next rows held no values: the number and title read
// before it, else the ones a row further on reads.
void number_title_apart_from_header(OpenAssessment& open, CoverReading& reading) {
    reading.header_unfilled = !reading.number_title;
    if (!reading.number_title) return;
    const auto& [line, number, title] = *reading.number_title;
    set_cover(open.at(line), "number", number, line);
    set_cover(open.at(line), "title_field", title, line);
    reading.number_title.reset();
}

}  // namespace

bool read_cover_row(const Row& r, OpenAssessment& open, CoverReading& reading) {
    const FormLabels& labels = FormLabels::get();
    const std::string k = compact_key(r.cells[0]);
    if (read_form_version(r, open)) return false;
    // The header's values are on the row after it; a sentence there (the declaration, set between
    // them by a reordered cover) is passed over.
    if (reading.expect_number_title && is_sentence(r.cells[0]) && !labels.is("cover", k)) {
        if (r.cells.size() == 1) keep_loose_line(open, reading, text::trim(r.cells[0]), r.line);
        return false;
    }
    if (!reading.expect_number_title)
        if (auto found = number_and_title(r)) {
            reading.number_title = std::move(found);
            if (reading.header_unfilled) {
                number_title_apart_from_header(open, reading);
                return false;
            }
        }
    if (reading.expect_number_title) {
        reading.expect_number_title = false;
        const std::string head = std::exchange(reading.title_head, {});
        if (labels.is("cover", k)) {
            number_title_apart_from_header(open, reading);
        } else {
            auto [number, title] = split_number_title(r);
            if (r.cells.size() == 1 && title.empty() && head.empty() && !looks_like_assessment_number(number)) {
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
    for (const char* field : kCoverValueFields) {
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
        if (contents && reading.expect_number_title) number_title_apart_from_header(open, reading);
        if (contents) {  // the cover ends: its loose lines are no later label's values
            reading.loose.clear();
            reading.emptied.clear();
            reading.header_unfilled = false;
        }
        return contents;
    }
    const std::string line = text::trim(r.cells[0]);
    if (!reading.pending_field.empty() && !is_no_cover_value(reading.pending_field, line)) {
        set_cover(open.at(r.line), reading.pending_field, line, r.line);
        reading.pending_field.clear();
        return false;
    }
    if (r.cells.size() == 1) keep_loose_line(open, reading, line, r.line);
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
        for (const char* field : kCoverValueFields)
            if (labels.is(field, r.key)) return true;
    }
    return false;
}

}  // namespace piagraph::extract_detail::markdown
