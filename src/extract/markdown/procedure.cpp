// The assessment's own choices and procedure in the markdown-like conversion: 基礎 II しきい値判断
// 項目 and III しきい値判断結果 (each a choice read by its own label), and VI 評価実施手続 (意見の
// 聴取 and 第三者点検).
#include <utility>

#include "../form_labels.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::markdown {

namespace {

const std::vector<AssessmentChoice>& assessment_choices() {
    static const std::vector<AssessmentChoice> choices{
        {"kiso_population", "population", &Assessment::population, "population"},
        {"handlers", "handlers", &Assessment::handlers, "handlers"},
        {"serious_incident", "serious_incident", &Assessment::serious_incident, "serious_incident"},
        {"threshold_result", "threshold_result", &Assessment::threshold_result, "threshold_result"}};
    return choices;
}

// A field of VI's item being read: 意見の聴取 ('c') or 第三者点検 ('r'); 0 when its heading was lost,
// where only a label no other item has is read (実施日・期間, not 第三者点検's ①実施日).
void read_procedure_field(const Row& r, Assessment& as, char item) {
    const FormLabels& labels = FormLabels::get();
    auto read = [&](std::string& out, const char* field) {
        out = cell_text(r.value);
        if (!as.locs.count(field)) as.locs[field] = Loc::at(r.line);  // 第三者点検: its ①
    };
    if ((item == 'c' || item == 0) && labels.is("comment_period", r.key))
        read(as.procedure.comment_period, "procedure.comment_period");
    else if ((item == 'c' || item == 0) && labels.is("shortening_reason", r.key))
        read(as.procedure.shortening_reason, "procedure.shortening_reason");
    else if (item == 'r' && labels.is("review_date", r.key))
        read(as.procedure.review_date, "procedure.review");
    else if (item == 'r' && labels.is("review_method", r.key))
        read(as.procedure.review_method, "procedure.review");
    else if (item == 'r' && labels.is("review_result", r.key))
        read(as.procedure.review_result, "procedure.review");
}

}  // namespace

void read_procedure_row(const Row& r, Assessment& as, ProcedureReading& reading) {
    const FormLabels& labels = FormLabels::get();
    if (reading.pending) {  // the row under a label that had no value on its own row (基礎 III)
        const AssessmentChoice* c = std::exchange(reading.pending, nullptr);
        if (const auto v = r.cells.size() == 1 ? selected_option(r.cells[0], c->group) : std::nullopt) {
            as.*(c->out) = *v;
            as.locs[c->field] = Loc::span(as.locs[c->field].line, r.line);
            return;
        }
    }
    if (r.first_circled == 0 && !r.head.empty() && r.head[0] >= '0' && r.head[0] <= '9') {  // 2. 国民・住民等 …
        reading.item = labels.in("sub_comment", r.head) ? 'c' : labels.in("sub_review", r.head) ? 'r' : 0;
        return;
    }
    for (const auto& c : assessment_choices()) {
        if (!labels.is(c.label, r.key)) continue;
        as.locs[c.field] = Loc::at(r.line);
        if (r.value.empty())
            reading.pending = &c;
        else if (const auto v = selected_option(r.value, c.group))
            as.*(c.out) = *v;
        return;
    }
    // 第三者点検 whose heading was lost: the first ①実施日 after 意見の聴取's 実施日・期間 is its own.
    if (reading.item != 'r' && labels.is("review_date", r.key) && as.locs.count("procedure.comment_period") &&
        !as.locs.count("procedure.review"))
        reading.item = 'r';
    read_procedure_field(r, as, reading.item);
}

}  // namespace piagraph::extract_detail::markdown
