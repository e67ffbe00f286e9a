// The cover of a pdftotext-like conversion: 評価書番号, 評価書名, 公表日, 評価実施機関名.
#include <algorithm>

#include "reader.hpp"

namespace piagraph::extract_detail::pdftext {

namespace {

// among blocks of section I that a scrambled first page printed around them.
bool on_cover(const Line& l) {
    constexpr int kFrontPages = 2;
    return l.region == Region::cover || l.region == Region::toc || l.page < kFrontPages;
}

// The value of the cover label at line index `at`: on its line, else on the next line, else (with
// a check of what such a value looks like, on a cover whose blocks came out of order) the cover
// line nearest to the label that reads as one. The text and its 1-based line.
std::optional<std::pair<std::string, int>> cover_value(const Layout& layout, int at, bool (*valid)(std::string_view),
                                                       bool search) {
    auto ok = [&](const std::string& v) { return !v.empty() && (!valid || valid(v)); };
    const std::string same_line = value_after_label(layout.lines[at].text);
    if (ok(same_line)) return std::pair{same_line, layout.lines[at].no};
    // Labels side by side (評価書番号 評価書名 | 4 児童手当に関する事務 基礎項目評価書): their values
    // come on the next line in the same order, this label's first.
    if (!same_line.empty() && field_of_label(label_of(same_line)) != Field::none) {
        const int n = next_value_line(layout, at);
        if (n < 0) return std::nullopt;
        const std::string& values = layout.lines[n].text;
        const std::string first = values.substr(0, std::min(values.size(), next_space(values)));
        if (ok(first)) return std::pair{first, layout.lines[n].no};
        // A value centred on a row that the other's wrapped value makes taller (a title of two
        // lines, the number between them): a line of its own just below.
        constexpr int kCentredValueLines = 2;
        for (int k = 0, m = n; k < kCentredValueLines && valid; ++k)
            if (m = next_value_line(layout, m); m >= 0 && ok(layout.lines[m].text))
                return std::pair{layout.lines[m].text, layout.lines[m].no};
            else if (m < 0)
                break;
        return std::nullopt;
    }
    if (!same_line.empty()) return std::nullopt;
    if (const int n = next_value_line(layout, at); n >= 0 && ok(layout.lines[n].text))
        return std::pair{layout.lines[n].text, layout.lines[n].no};
    if (!search || !valid) return std::nullopt;
    // Within a cover's length of the label: a text whose page breaks were lost is one long "page",
    // and a date or a number far down (an 意見聴取 period, a count) is no cover value.
    constexpr int kCoverSearchLines = 60;
    const int count = static_cast<int>(layout.lines.size());
    for (int d = 1; d < std::min(count, kCoverSearchLines); ++d)
        for (const int k : {at - d, at + d}) {
            if (k < 0 || k >= count) continue;
            const Line& l = layout.lines[k];
            if (!on_cover(l) || l.text.empty() || is_label_line(l) || l.grid || !valid(l.text)) continue;
            return std::pair{l.text, l.no};
        }
    return std::nullopt;
}

// A 評価書名 ends with its form's name (…に関する事務 全項目評価書); one the cell wrapped before it
// (…事務 重点項 | 目評価書) goes on over the next line, which is joined to it. Its location.
Loc wrapped_title(const Layout& layout, int line_no, std::string& title) {
    const int at = line_no - 1;  // the layout numbers its lines from 1
    if (looks_like_assessment_title(title)) return Loc::at(line_no);
    for (int k = at + 1; k < static_cast<int>(layout.lines.size()); ++k) {
        const Line& l = layout.lines[k];
        // the number beside it, centred between its lines (…事務 | 14 | 重点項目評価書)
        if (l.text.empty() || (k == at + 1 && looks_like_assessment_number(l.text))) continue;
        if (is_label_line(l) || !looks_like_assessment_title(title + l.text)) break;
        title += l.text;
        return Loc::span(line_no, l.no);
    }
    return Loc::at(line_no);
}

// 評価書番号 and 評価書名 printed side by side, their values on one line under them (3　…に関する事務
// 重点項目評価書): the title is the rest of the number's line. `value_no` is that line's number. A
// number alone on its line stands centred beside a title of two lines: the line above it and the
// line below.
void read_title_beside_number(const Layout& layout, const Line& labels, int value_no, Assessment& a) {
    if (!a.title.empty() || field_of_label(label_of(value_after_label(labels.text))) != Field::title) return;
    const std::string& values = layout.lines[static_cast<size_t>(value_no - 1)].text;
    const size_t at = next_space(values);
    if (at == std::string::npos) {
        if (value_no < 2) return;
        const Line& above = layout.lines[static_cast<size_t>(value_no - 2)];  // the line before the number's
        if (above.text.empty() || is_label_line(above)) return;
        a.title = above.text;
        a.locs["title"] = wrapped_title(layout, above.no, a.title);
        return;
    }
    a.title = text::trim(values.substr(after_space(values, at)));
    if (!a.title.empty()) a.locs["title"] = wrapped_title(layout, value_no, a.title);
}

}  // namespace

void read_cover(const Layout& layout, Assessment& a) {
    const Dictionary& dict = Dictionary::get();
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        if (!on_cover(l) || l.text.empty()) continue;
        if (a.form.empty())
            for (const auto& f : dict.form_names())
                if (text::contains(text::match_key(l.text), text::match_key(f)) &&
                    text::contains(l.text, FormLabels::get().filter_char("title"))) {
                    a.form = f;
                    a.locs["form"] = Loc::at(l.no);
                }
        const Field field = field_of(l);
        const int idx = static_cast<int>(i);
        if (field == Field::published && a.published.empty()) {
            if (auto v = cover_value(layout, idx, looks_like_publication_date, true)) {
                a.published = date_to_its_day(v->first);
                a.locs["published"] = Loc::at(v->second);
            }
        } else if (field == Field::number && a.number.empty()) {
            if (auto v = cover_value(layout, idx, looks_like_assessment_number, true)) {
                a.number = v->first;
                a.locs["number"] = Loc::at(v->second);
                read_title_beside_number(layout, l, v->second, a);
            }
        } else if (field == Field::title && a.title.empty()) {
            auto v = cover_value(layout, idx, nullptr, false);
            // 評価書番号 and 評価書名 one above the other, then their values in that order (1 | 住民基本台帳に
            // 関する事務 | 全項目評価書): the number's line is not the title; the line after it is.
            if (v && looks_like_assessment_number(v->first))
                if (const int n = next_value_line(layout, v->second - 1); n >= 0 && !is_label_line(layout.lines[n]))
                    v = std::pair{layout.lines[n].text, layout.lines[n].no};
            if (v) {
                a.title = v->first;
                a.locs["title"] = wrapped_title(layout, v->second, a.title);
            }
        } else if (field == Field::organization && a.organization.empty()) {
            const std::string same_line = value_after_label(l.text);
            a.organization = same_line;
            if (!same_line.empty()) a.locs["organization"] = Loc::at(l.no);
        }
    }
    if (a.organization.empty()) {
        // The body's name printed without its label: a short cover line ending like 市長, 教育委員会 …
        for (const Line& l : layout.lines) {
            if (!on_cover(l) || l.text.empty() || is_label_line(l) || !looks_like_organization(l.text)) continue;
            a.organization = l.text;
            a.locs["organization"] = Loc::at(l.no);
            break;
        }
    }
}

// The selection nearest to the label at line index `at`, on the label's page and in its file

}  // namespace piagraph::extract_detail::pdftext
