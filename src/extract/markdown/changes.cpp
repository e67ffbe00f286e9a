// 変更箇所 of the markdown-like conversion: one change per dated row of its table, wrapped cells
// joined to the row before.
#include <algorithm>

#include "../form_labels.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::markdown {

bool change_table_header(const Row& r) {
    const FormLabels& labels = FormLabels::get();
    // (its other cells may have run together into one: 変更日 | 項目変更前の記載変更後の記載…)
    if (r.cells.size() < 2 || !labels.is("change_date", compact_key(r.cells[0]))) return false;
    return std::any_of(r.cells.begin() + 1, r.cells.end(),
                       [&](const std::string& c) { return labels.in("change_header", compact_key(c)); });
}

bool change_table_follows(const Document& doc, int n) {
    constexpr int kSpan = 60;
    const int last = std::min(n + kSpan, doc.first_line + static_cast<int>(doc.lines.size()) - 1);
    for (int at = n + 1; at <= last; ++at) {
        const Row r = row_at(doc, at);
        if (!r.cells.empty() && (change_table_header(r) || (r.cells.size() >= 2 && looks_like_date(r.cells[0]))))
            return true;
    }
    return false;
}

void read_change_row(const Row& r, Assessment& as) {
    if (FormLabels::get().is("change_date", compact_key(r.cells[0]))) return;
    const auto& c = r.all_cells;
    if (!looks_like_date(c[0]) || c.size() < 2) {
        // A wrapped cell; a markdown heading after the table (### 資料２ of minutes) is none.
        if (!as.changes.empty() && c.size() == 1 && c[0][0] != '#') {
            as.changes.back().explanation += cell_text(c[0]);
            widen(as.changes.back().loc, r.line);
        }
        return;
    }
    ChangeRow row;
    auto cell = [&](size_t i) { return i < c.size() ? cell_text(c[i]) : std::string(); };
    row.date = cell(0);
    row.item = cell(1);
    row.before = cell(2);
    row.after = cell(3);
    row.timing = cell(4);
    row.explanation = cell(5);
    row.loc = Loc::at(r.line);
    as.changes.push_back(std::move(row));
}

}  // namespace piagraph::extract_detail::markdown
