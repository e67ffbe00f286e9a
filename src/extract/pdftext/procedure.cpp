// 基礎 II/III しきい値判断 and VI 評価実施手続 in a pdftotext-like conversion.
#include <algorithm>

#include "reader.hpp"

namespace piagraph::extract_detail::pdftext {

namespace {

// 第三者点検's ①実施日 ②方法 ③結果, from its title at `title` to the next item or heading.
void read_review(const Layout& layout, int title, Assessment& a) {
    const FormLabels& labels = FormLabels::get();
    const auto field_at = [&](const Line& l) -> std::string Procedure::* {
        for (const auto& t : procedure_texts())
            if (t.item == 'r' && labels.is(t.label, l.label)) return t.out;
        return nullptr;
    };
    const auto ends_item = [](const Line& l) {
        return is_item_heading(l) || is_region_header(l) || is_numbered_title(l);
    };
    const int count = static_cast<int>(layout.lines.size());
    for (int k = title + 1; k < count; ++k) {
        const Line& l = layout.lines[k];
        if (l.text.empty()) continue;
        if (ends_item(l)) break;
        const auto out = field_at(l);
        if (!out || !(a.procedure.*out).empty()) continue;
        // The value: the rest of the label's line, then the lines up to the next of the three labels.
        std::string value = value_after_label(l.text);
        for (int v = k + 1; v < count; ++v) {
            const Line& next = layout.lines[v];
            if (next.text.empty()) continue;
            if (ends_item(next) || field_at(next) || is_label_line(next)) break;
            value += value.empty() ? next.text : " " + next.text;
        }
        a.procedure.*out = value;
        if (!value.empty() && !a.locs.count("procedure.review")) a.locs["procedure.review"] = Loc::at(l.no);
    }
}

}  // namespace

// 基礎 II/III's choices (each the selection nearest its label), VI 意見の聴取 ②実施日・期間 (the text after
// its label), and 第三者点検's fields under its own item title (their labels, ①実施日 ②方法, are other
// items' too: only the title tells them).
void read_procedure(const Layout& layout, Assessment& a) {
    const FormLabels& labels = FormLabels::get();
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        // No region but the change table's old values is passed over: these labels are no other
        // item's, and a region is known from headings that a conversion may have lost.
        const int idx = static_cast<int>(i);
        if (l.region != Region::changes && is_numbered_title(l) && labels.in("sub_review", l.text) &&
            !a.locs.count("procedure.review")) {
            read_review(layout, idx, a);
            continue;
        }
        if (l.label.empty() || l.region == Region::changes) continue;
        for (const auto& [label, group, out, field] : assessment_choices()) {
            if (!labels.is(label, l.label) || !(a.*out).empty()) continue;
            a.locs[field] = Loc::at(l.no);
            if (const auto sel = nearest_selection(layout, idx, group)) {
                a.*out = sel->value;
                a.locs[field] = Loc::span(std::min(idx, sel->index) + 1, std::max(idx, sel->index) + 1);
            }
        }
        if (labels.is("comment_period", l.label) && !a.locs.count("procedure.comment_period")) {
            const Text t = text_after(layout, idx, false);
            a.procedure.comment_period = t.value;
            if (!t.value.empty()) a.locs["procedure.comment_period"] = Loc::span(l.no, t.end + 1);
        }
    }
}

}  // namespace piagraph::extract_detail::pdftext
