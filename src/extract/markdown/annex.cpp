// 別添1 事務の内容 of the markdown-like conversion: the numbered steps of its (備考), each with the
// lines that continue it.
#include "../form_labels.hpp"
#include "piagraph/text.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::markdown {

void mark_annex(Assessment& as, int line) {
    if (!as.locs.count("attachment1")) as.locs["attachment1"] = Loc::at(line);
}

void open_remarks(Assessment& as, RemarksReading& reading) {
    reading.in_remarks = true;
    reading.first_step = as.attachment1_steps.size();
    reading.step_column = std::string::npos;
}

namespace {

// The digits that open a step whose ① a normalised text writes as 1, glued to its text (1個人住民税
// システムから…): only the number that comes next in the remarks (after `steps` steps), so that a
// line opening with a count (4情報, 1万人) is no step; 0 if none.
size_t next_glued_step(const std::string& body, size_t steps) {
    const auto [number, digits] = digits_of_circled(body);
    const bool glued = digits > 0 && digits < body.size() && static_cast<unsigned char>(body[digits]) >= 0x80;
    return glued && static_cast<size_t>(number) == steps + 1 ? digits : 0;
}

}  // namespace

void read_annex_row(const Row& r, std::string_view raw, Assessment& as, RemarksReading& reading) {
    const std::string t = text::trim(raw);
    // (備考) alone, or beside its title (（１）…の流れ) as a laid-out page sets its label cell: the
    // remarks open.
    if (FormLabels::get().in("remarks", t)) {
        const std::string key = compact_key(t);
        const auto& spellings = FormLabels::get().spellings("remarks");
        if (text::length(key) <= 6 ||
            std::any_of(spellings.begin(), spellings.end(), [&](const std::string& s) { return key.starts_with(s); })) {
            open_remarks(as, reading);
            return;
        }
    }
    if (!reading.in_remarks) return;
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
    std::string label = start ? start->label : std::string();
    if (start) body = text::trim(body.substr(start->end));
    if (!start)
        if (const size_t digits = next_glued_step(body, as.attachment1_steps.size() - reading.first_step)) {
            label = circled(std::stoi(body.substr(0, digits)));
            body = text::trim(body.substr(digits));
        }
    if (!start && label.empty())
        if (const auto numbered =
                numbered_step_start(body, numbered_steps(as.attachment1_steps, reading.first_step) + 1)) {
            label = numbered->label;
            body = text::trim(body.substr(numbered->end));
        }
    // The steps' labels stand in one column; a label elsewhere is a diagram's (an arrow's ⑩ 届出
    // set amid the boxes of the next diagram), which the steps go on past.
    if (!label.empty()) {
        constexpr size_t kColumnSlack = 2;
        const size_t column = text::length(raw.substr(0, raw.find(start ? start->written : body)));
        if (reading.step_column == std::string::npos) reading.step_column = column;
        if (column > reading.step_column + kColumnSlack || column + kColumnSlack < reading.step_column) return;
    }
    body = cell_text(body);
    if (bullet || !label.empty()) {
        as.attachment1_steps.push_back(Step{label, body, Loc::at(r.line)});
        return;
    }
    // A continuation of the step before (PDF line breaks), never a block heading 【…】.
    if (text::starts_with(body, "【") && text::ends_with(body, "】")) return;
    if (as.attachment1_steps.size() > reading.first_step) {
        auto& last = as.attachment1_steps.back();
        last.text += body;
        widen(last.loc, r.line);
    }
}

void release_from_last_step(Assessment& as, const Document& doc, int line) {
    if (as.attachment1_steps.empty()) return;
    Step& last = as.attachment1_steps.back();
    const Row r = row_at(doc, line);
    const std::string body = r.cells.empty() ? std::string() : cell_text(r.cells[0]);
    if (last.loc.end_line != line || last.loc.line == line || !text::ends_with(last.text, body)) return;
    last.text.erase(last.text.size() - body.size());
    last.loc.end_line = line - 1;
}

}  // namespace piagraph::extract_detail::markdown
