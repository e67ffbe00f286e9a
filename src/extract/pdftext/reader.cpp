// The pdftotext-like reader's driver (GitHub issue 2). The text of a page comes in scrambled order, so
// values are put back by the form's structure: the region of each page (I, 別添1, II per file,
// …), the label sequence of each section, the option lists of each checkbox group and the
// bracket accounting of its rows, and the entry headers (システムN, 委託事項N, 提供先N, 移転先N)
// that content may precede or follow. Never by line numbers of a particular document.
#include "reader.hpp"

#include <algorithm>

#include "../parsers.hpp"

namespace piagraph::extract_detail {

namespace pdftext {

// Whether a text is one of the spellings of a form label (data/dictionary.json form_labels).
bool spelled(const std::string& text, const char* key) {
    const auto& spellings = FormLabels::get().spellings(key);
    return std::find(spellings.begin(), spellings.end(), text) != spellings.end();
}

const std::string& other_option() { return Dictionary::get().form_label("other_option"); }

int first_line_of(const Layout& layout, Region region) {
    for (const Line& l : layout.lines)
        if (l.region == region && !l.text.empty()) return l.no;
    return 0;
}

// The next non-blank line of the page that is not a label, for label/value pairs printed on
// separate lines.
int next_value_line(const Layout& layout, int index) {
    const int last = layout.pages[layout.lines[index].page].last;
    for (int i = index + 1; i <= last; ++i) {
        const Line& l = layout.lines[i];
        if (l.text.empty()) continue;
        if (is_label_line(l) || l.grid) return -1;
        return i;
    }
    return -1;
}

std::optional<Selection> nearest_selection(const Layout& layout, int at, const std::string& group) {
    const Page& page = layout.pages[layout.lines[at].page];
    std::optional<Selection> best;
    for (int k = page.first; k <= page.last; ++k) {
        if (layout.lines[k].file != layout.lines[at].file) continue;
        if (best && std::abs(k - at) >= std::abs(best->index - at)) continue;
        for (const Fragment& f : layout.lines[k].fragments)
            if (f.kind == Fragment::Kind::selection)
                if (auto option = Dictionary::get().standard_option(group, f.value)) {
                    best = Selection{*option, k};
                    break;
                }
    }
    return best;
}

// What a label line announces among the 対象となる本人の数 of a II block: 'e' for 対象となる本人の数 (II-2 ②, or

}  // namespace pdftext

using namespace pdftext;

std::vector<Assessment> parse_pdftext(const Document& doc) {
    const Layout layout = build_layout(doc);
    Assessment a;
    read_cover(layout, a);
    read_basic(layout, a);
    read_systems(layout, a);
    for (int f = 0; f < layout.file_count; ++f) {
        FileBlock fb;
        read_file(layout, f, fb);
        if (!fb.names.empty() || !fb.sources.empty()) a.files.push_back(std::move(fb));
    }
    merge_repeated_files(a.files);  // a block read twice (a page's blocks out of order) is one file
    for (FileBlock& fb : a.files) merge_repeated_entries(fb);
    for (const FileBlock& fb : a.files) {
        for (const auto& n : fb.names) a.file_names.push_back(n);
        if (!a.locs.count("file_names") && fb.locs.count("names")) a.locs["file_names"] = fb.locs.at("names");
    }
    if (a.file_names.empty()) read_listed_file_names(layout, a);
    files_from_names(a);
    read_procedure(layout, a);
    if (layout.file_count > 0 || first_line_of(layout, Region::annex_flow) > 0) read_steps(layout, a);
    read_changes(layout, a);
    a.loc = Loc::span(1, static_cast<int>(doc.lines.size()));
    // The layout numbers a part's lines from 1 (line index + 1 throughout this parser).
    shift_lines(a, doc.first_line - 1);
    std::vector<Assessment> out;
    if (!a.affair.empty() || !a.systems.empty() || !a.files.empty()) out.push_back(std::move(a));
    return out;
}

}  // namespace piagraph::extract_detail
