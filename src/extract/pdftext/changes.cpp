// (別添) 変更箇所 in a pdftotext-like conversion.
#include <algorithm>
#include <bitset>
#include <string_view>

#include "reader.hpp"

namespace piagraph::extract_detail::pdftext {

namespace {

// Whether two paragraphs of a 変更箇所 row read as two versions of one passage: both short
// (a department, a date), or sharing many pairs of adjacent characters (Jaccard >= 0.3, counted on
// 4,096 hashed slots: cheap, and close enough for a threshold). A heading and a long body printed
// one after the other in one column are not.
bool before_and_after(const std::string& first, const std::string& second) {
    constexpr size_t kShortChars = 60;
    if (text::length(first) <= kShortChars && text::length(second) <= kShortChars) return true;
    auto bigrams = [](const std::string& s) {
        std::bitset<4096> slots;
        const std::u32string u = text::to_u32(s);  // as written: a rough likeness needs no normalising
        for (size_t i = 0; i + 1 < u.size(); ++i) slots.set(((u[i] * 0x9E3779B1u) ^ u[i + 1]) & 4095u);
        return slots;
    };
    const auto x = bigrams(first), y = bigrams(second);
    const size_t either = (x | y).count();
    return either > 0 && static_cast<double>((x & y).count()) / static_cast<double>(either) >= 0.3;
}

// The 提出時期 word (事前/事後) of a 変更箇所 line standing as a word of its own (between white
// space or the line's ends), with the text on either side of it; word is "" when there is none.
struct TimingCell {
    std::string word, before, after;
};
TimingCell timing_cell(const std::string& line) {
    const auto& words = FormLabels::get().spellings("change_timing");
    for (size_t i = 0; i < line.size();) {
        if (const size_t space = text::space_at(line, i)) {
            i += space;
            continue;
        }
        size_t end = i;
        while (end < line.size() && text::space_at(line, end) == 0) ++end;
        const std::string_view word = std::string_view(line).substr(i, end - i);
        if (std::find(words.begin(), words.end(), word) != words.end())
            return {std::string(word), text::trim(line.substr(0, i)), text::trim(line.substr(end))};
        i = end;
    }
    return {};
}

}  // namespace

// (別添) 変更箇所: a row opens with its date; the item cell is the first run of short lines after
// it; the value text follows in paragraphs until 事前/事後. pdftotext prints the 変更前 and 変更後
// cells one after the other: two paragraphs that read as two versions are before and after, any
// other text is kept whole in `text` (diff still finds what it mentions). The rows are history and
// never feed current values.
void read_changes(const Layout& layout, Assessment& a) {
    constexpr size_t kItemChars = 20;
    constexpr int kItemLines = 4;
    ChangeRow* open = nullptr;
    int item_lines = 0;
    bool item_done = false;
    std::vector<std::string> paragraphs;
    int previous_no = 0;
    auto close = [&] {
        if (!open) return;
        if (paragraphs.size() == 2 && before_and_after(paragraphs[0], paragraphs[1])) {
            open->before = paragraphs[0];
            open->after = paragraphs[1];
        } else {
            for (const auto& p : paragraphs) open->text += (open->text.empty() ? "" : "\n") + p;
        }
        paragraphs.clear();
    };
    const FormLabels& labels = FormLabels::get();
    const auto& header_words = labels.spellings("change_header");
    const auto& refs = labels.spellings("change_item_refs");
    auto starts_with_any = [](const std::string& s, const std::vector<std::string>& words) {
        return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return text::starts_with(s, w); });
    };
    for (const Line& l : layout.lines) {
        if (l.region != Region::changes || l.text.empty()) continue;
        // Dates, items and the table's header are short lines, whose compact form the layout has
        // made (Line::compact); long lines are paragraph text.
        const std::string& c = l.compact;
        if (std::any_of(header_words.begin(), header_words.end(),
                        [&](const std::string& w) { return !c.empty() && text::contains(c, w); }))
            continue;  // the table's header, repeated on each page
        const bool after_gap = previous_no > 0 && l.no > previous_no + 1;
        previous_no = l.no;
        if (is_day_date(c)) {
            close();
            a.changes.push_back({});
            open = &a.changes.back();
            open->date = l.text;
            open->loc = Loc::at(l.no);
            item_lines = 0;
            item_done = false;
            continue;
        }
        if (!open) continue;
        open->loc.end_line = l.no;
        // 提出時期: "事後" alone, or "… 事後 組織改編のため" with the cells around it on its line.
        if (const auto timing = timing_cell(l.text); !timing.word.empty()) {
            open->timing = timing.word;
            if (!timing.before.empty()) {
                if (paragraphs.empty() || after_gap) paragraphs.emplace_back();
                paragraphs.back() += timing.before;
            }
            open->explanation = timing.after;
            close();
            continue;
        }
        if (!open->timing.empty()) continue;  // past the timing: the next row's explanation
        // An item line refers to the form: Ⅱ－５, ②事務の内容, （別添１）, 提供先1, 移転先No.8.
        const bool short_line = !c.empty() && text::length(c) <= kItemChars;
        const bool form_reference =
            short_line && ((c[0] == 'I' || c[0] == 'V' || c[0] == 'X') || circled_number(l.text) > 0 ||
                           starts_with_entry_word(c) || starts_with_any(c, refs));
        if (!item_done && short_line && (item_lines == 0 || !after_gap || form_reference) && item_lines < kItemLines) {
            open->item += open->item.empty() ? l.text : " " + l.text;
            ++item_lines;
            continue;
        }
        item_done = true;
        if (paragraphs.empty() || after_gap)
            paragraphs.push_back(l.text);
        else
            paragraphs.back() += l.text;  // a paragraph's lines are one cell cut by the page width
    }
    close();
}

}  // namespace piagraph::extract_detail::pdftext
