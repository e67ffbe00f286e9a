// (別添1) 事務の内容 in a pdftotext-like conversion.
#include "reader.hpp"

namespace piagraph::extract_detail::pdftext {

// (別添1) (備考): numbered steps "1-①." with their continuation lines.
void read_steps(const Layout& layout, Assessment& a) {
    bool in_notes = false;
    Step* open = nullptr;
    for (const Line& l : layout.lines) {
        if (l.region != Region::annex_flow) {
            in_notes = false;
            open = nullptr;
            continue;
        }
        if (l.text.empty()) continue;
        if (spelled(text::nfkc_compact(l.text), "remarks")) {
            in_notes = true;
            continue;
        }
        if (!in_notes) continue;
        const auto start = step_start(l.text);
        if (start) {
            const std::u32string u = text::to_u32(std::string_view(l.text).substr(start->end));
            size_t i = 0;
            while (i < u.size() && (u[i] == U'.' || u[i] == U'．' || u[i] == U'、' || u[i] == U' ' || u[i] == 0x3000))
                ++i;
            a.attachment1_steps.push_back({start->label, text::trim(text::to_utf8(u.substr(i))), Loc::at(l.no)});
            open = &a.attachment1_steps.back();
            continue;
        }
        if (const std::string n = text::nfkc(l.text.substr(0, 3)); !n.empty() && n[0] >= '0' && n[0] <= '9') {
            // "２．送付先情報通知に関する事務": a group title, not step text
            open = nullptr;
            continue;
        }
        if (open) {
            open->text += " " + l.text;
            open->loc.end_line = l.no;
        }
    }
}

}  // namespace piagraph::extract_detail::pdftext
