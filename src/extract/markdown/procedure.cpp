// The assessment's own choices and procedure in the markdown-like conversion: 基礎 II しきい値判断
// 項目 and III しきい値判断結果 (each a choice read by its own label), and VI 評価実施手続 (意見の
// 聴取 and 第三者点検).
#include <algorithm>
#include <utility>

#include "../form_labels.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::markdown {

namespace {

// A field of VI's item being read (`item` 0: its heading was lost).
void read_procedure_field(const Row& r, Assessment& as, char item) {
    const FormLabels& labels = FormLabels::get();
    for (const auto& t : procedure_texts()) {
        if ((item != t.item && !(item == 0 && t.own_label)) || !labels.is(t.label, r.key)) continue;
        as.procedure.*t.out = cell_text(r.value);
        if (!as.locs.count(t.field)) as.locs[t.field] = Loc::at(r.line);  // 第三者点検: its ①
        return;
    }
}

}  // namespace

bool procedure_text_label(const std::string& key) {
    const auto& texts = procedure_texts();
    return std::any_of(texts.begin(), texts.end(),
                       [&](const ProcedureText& t) { return FormLabels::get().is(t.label, key); });
}

bool procedure_own_label(const std::string& key) {
    const FormLabels& labels = FormLabels::get();
    const auto& choices = assessment_choices();
    const auto& texts = procedure_texts();
    return std::any_of(choices.begin(), choices.end(),
                       [&](const AssessmentChoice& c) { return labels.is(c.label, key); }) ||
           std::any_of(texts.begin(), texts.end(),
                       [&](const ProcedureText& t) { return t.own_label && labels.is(t.label, key); });
}

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
