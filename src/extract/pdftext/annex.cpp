// (別添1) 事務の内容 in a pdftotext-like conversion.
#include <map>
#include <utility>

#include "reader.hpp"

namespace piagraph::extract_detail::pdftext {

namespace {

// The text of a step line after its label ("1-①." or "1-①、"), and whether a separator followed the
// label: the 備考 list writes one, a box of the diagram ("1-①異動届提出") does not.
std::pair<std::string, bool> step_text(const std::string& line, const StepStart& start) {
    const std::u32string u = text::to_u32(std::string_view(line).substr(start.end));
    size_t i = 0;
    bool separated = false;
    for (; i < u.size() && (u[i] == U'.' || u[i] == U'．' || u[i] == U'、' || u[i] == U' ' || u[i] == 0x3000); ++i)
        separated = separated || (u[i] != U' ' && u[i] != 0x3000);  // a mark, not a space
    return {text::trim(text::to_utf8(u.substr(i))), separated};
}

}  // namespace

// (別添1) (備考): numbered steps "1-①." with their continuation lines. A page's blocks may come out
// of order, so a step written with its separator is read wherever it stands in the annex; after the
// (備考) heading any "1-①" line is one. Where a label comes twice, the one under (備考) is kept.
void read_steps(const Layout& layout, Assessment& a) {
    bool in_notes = false;
    Step* open = nullptr;
    std::map<std::string, std::pair<size_t, bool>> seen;  // label -> step index, read under (備考)
    for (const Line& l : layout.lines) {
        if (l.region != Region::annex_flow) {
            in_notes = false;
            open = nullptr;
            continue;
        }
        if (l.text.empty()) {
            if (!in_notes) open = nullptr;  // outside the notes a step's lines are one block
            continue;
        }
        if (spelled(text::nfkc_compact(l.text), "remarks")) {
            in_notes = true;
            open = nullptr;
            continue;
        }
        if (const auto start = step_start(l.text)) {
            auto [body, separated] = step_text(l.text, *start);
            open = nullptr;
            if (!in_notes && !separated) continue;  // a box of the diagram
            Step step{start->label, std::move(body), Loc::at(l.no)};
            const auto it = seen.find(step.label);
            if (it == seen.end()) {
                seen[step.label] = {a.attachment1_steps.size(), in_notes};
                a.attachment1_steps.push_back(std::move(step));
                open = &a.attachment1_steps.back();
            } else if (in_notes && !it->second.second) {
                it->second.second = true;
                open = &(a.attachment1_steps[it->second.first] = std::move(step));
            }
            continue;
        }
        if (const auto numbered =
                in_notes ? numbered_step_start(l.text, numbered_steps(a.attachment1_steps) + 1) : std::nullopt) {
            a.attachment1_steps.push_back(
                Step{numbered->label, text::trim(l.text.substr(numbered->end)), Loc::at(l.no)});
            open = &a.attachment1_steps.back();
            continue;
        }
        if (const std::string n = text::nfkc(l.text.substr(0, 3)); !n.empty() && n[0] >= '0' && n[0] <= '9') {
            // "２．送付先情報通知に関する事務": a group title, not step text
            open = nullptr;
            continue;
        }
        if (open) {
            open->text += open->text.empty() ? l.text : " " + l.text;
            open->loc.end_line = l.no;
        }
    }
}

}  // namespace piagraph::extract_detail::pdftext
