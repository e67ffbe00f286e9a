// 基礎 II/III しきい値判断 and VI 評価実施手続 in a pdftotext-like conversion.
#include <algorithm>
#include <tuple>

#include "reader.hpp"

namespace piagraph::extract_detail::pdftext {

// label), and VI 意見の聴取 ②実施日・期間 (the text after its label). 第三者点検 is not read here: its
// ①実施日 ②方法 share their labels with other items and pdftotext prints their values apart.
void read_procedure(const Layout& layout, Assessment& a) {
    const FormLabels& labels = FormLabels::get();
    static const std::tuple<const char*, const char*, std::string Assessment::*, const char*> choices[] = {
        {"kiso_population", "population", &Assessment::population, "population"},
        {"handlers", "handlers", &Assessment::handlers, "handlers"},
        {"serious_incident", "serious_incident", &Assessment::serious_incident, "serious_incident"},
        {"threshold_result", "threshold_result", &Assessment::threshold_result, "threshold_result"}};
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        // No region but the change table's old values is passed over: these labels are no other
        // item's, and a region is known from headings that a conversion may have lost.
        if (l.label.empty() || l.region == Region::changes) continue;
        const int idx = static_cast<int>(i);
        for (const auto& [label, group, out, field] : choices) {
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
