#include "page_furniture.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <regex>
#include <set>
#include <tuple>

#include "common.hpp"
#include "form_labels.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

namespace {

// Lines looked at on each edge of a page: a header or footer of one or two lines; deeper, as far as
// kDeepEdgeLines, a line of ASCII (a sheet's name, 「Page 12」: pdftotext's raw order may put a
// page's first cells before its header) or of Japanese, unless the pages it stands on open an
// assessment each (a cover's values in a set of covers are the form's own lines).
constexpr size_t kEdgeLines = 2;
constexpr size_t kDeepEdgeLines = 5;
// A running line is short (its characters but spaces: -layout sets a header's parts apart);
// longer lines are the form's text.
constexpr size_t kMaxFurnitureChars = 48;
// Its bytes, centred as a header is: three a character and the indentation of a wide page.
constexpr size_t furniture_bytes(size_t chars) { return chars * 3 + 200; }
constexpr size_t kMaxFurnitureBytes = furniture_bytes(kMaxFurnitureChars);
// A browser's header and footer are longer (the page's title, its address): a line up to this
// long at a page's very edge is one where it stands on nearly every page (kMinRunShare).
constexpr size_t kMaxLongFurnitureChars = 160;
// It repeats on at least this share of the pages, and on at least kMinPages of them; or, a header
// that names its assessment's form in a file of several (each sheet's name over its own pages), on
// nearly every page of a run of pages.
constexpr double kMinPageShare = 0.5;
constexpr size_t kMinPages = 3;
constexpr double kMinRunShare = 0.8;

// The line as it repeats from page to page: without its spaces, each run of digits one '#'.
std::string repeat_key(const std::string& line) {
    const std::string n = text::nfkc_compact(without_form_feeds(line));
    std::string key;
    for (char c : n) {
        const bool digit = c >= '0' && c <= '9';
        if (!digit)
            key += c;
        else if (key.empty() || key.back() != '#')
            key += '#';
    }
    return key;
}

// `key` (NFKC, no spaces) with every occurrence of each of `words` (keys too) taken out.
std::string without_words(std::string key, const std::vector<std::string>& words) {
    for (const auto& word : words)
        for (size_t at = word.empty() ? std::string::npos : key.find(word); at != std::string::npos;
             at = key.find(word))
            key.erase(at, word.size());
    return key;
}

bool names_a_form(const std::string& line) {
    const std::string k = text::match_key(line);
    const auto& forms = Dictionary::get().form_names();
    return std::any_of(forms.begin(), forms.end(),
                       [&](const std::string& f) { return text::contains(k, text::match_key(f)); });
}

// A line that names the form and says nothing more (特定個人情報保護評価書（全項目評価書）): the
// cover's title, which a running header may repeat. A header that goes on (… 評価書番号3 つばさ町
// 介護保険に関する事務, on one line as -layout sets it) is no title.
bool is_bare_title(const std::string& line) {
    static const std::vector<std::string> forms = [] {
        std::vector<std::string> out;
        for (const auto& form : Dictionary::get().form_names()) out.push_back(compact_key(form));
        return out;
    }();
    const std::string rest = without_words(
        without_words(compact_key(without_form_feeds(line)), FormLabels::get().spellings("title")), forms);
    return std::all_of(rest.begin(), rest.end(), [](char c) { return c == '(' || c == ')'; });
}

// A cover's label (評価書番号, 評価書名 …) opening the line: the form's own text, at the top of each
// page of a file that holds one assessment a page.
bool opens_with_cover_label(const std::string& line) {
    const auto& labels = FormLabels::get().spellings("cover");
    static const size_t longest = std::accumulate(labels.begin(), labels.end(), size_t{0},
                                                  [](size_t n, const std::string& l) { return std::max(n, l.size()); });
    const std::string k = text::nfkc_compact_head(without_form_feeds(line), longest);
    return std::any_of(labels.begin(), labels.end(), [&](const std::string& l) { return text::starts_with(k, l); });
}

// A label of the form's fields, or a numbered one (①…, 3. …): the form's own text, which the pages
// of a long list repeat near their tops, never a running header.
bool is_form_label(const std::string& line) {
    const std::string_view l = without_form_feeds(line);
    return FormLabels::get().is_field_label(label_key(l)) || circled_number(l) > 0 ||
           numbered_title(compact_key(l)).has_value();
}

bool is_ascii(const std::string& line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_blank(const std::string& line) { return text::trim_view(without_form_feeds(line)).empty(); }

// The characters of a line but its spaces.
size_t written_chars(std::string_view line) {
    const std::u32string u = text::to_u32(line);
    return static_cast<size_t>(std::count_if(
        u.begin(), u.end(), [](char32_t c) { return c != U' ' && c != U'\t' && c != 0x3000 && c != U'\f'; }));
}

// Whether a key holds a word: a letter of any script (any byte beyond ASCII is one).
bool has_letter(const std::string& key) {
    return std::any_of(key.begin(), key.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    });
}

// Each page's lines [from, to): a page starts at a line that begins with a form feed, as pdftotext
// and the PDF reader mark it.
std::vector<std::pair<size_t, size_t>> page_spans(const std::vector<std::string>& lines) {
    std::vector<std::pair<size_t, size_t>> spans;
    size_t start = 0;
    for (size_t i = 1; i < lines.size(); ++i)
        if (!lines[i].empty() && lines[i][0] == '\f') {
            spans.emplace_back(start, i);
            start = i;
        }
    spans.emplace_back(start, lines.size());
    return spans;
}

// The number printed at the foot of a page, or else at its top: its last or first lines that are
// not blank.
std::optional<int> number_of_page(const std::vector<std::string>& lines, size_t from, size_t to) {
    std::vector<size_t> written;
    for (size_t i = from; i < to; ++i)
        if (!is_blank(lines[i])) written.push_back(i);
    for (size_t k = 0; k < kEdgeLines && k < written.size(); ++k)
        if (const auto n = page_number(lines[written[written.size() - 1 - k]])) return n;
    for (size_t k = 0; k < kEdgeLines && k < written.size(); ++k)
        if (const auto n = page_number(lines[written[k]])) return n;
    return std::nullopt;
}

}  // namespace

std::optional<int> page_number(const std::string& line) {
    constexpr size_t kMaxChars = 20;
    // Most lines are refused before they are normalised: too long, or no digit (full-width ones
    // are EF BC 90..99).
    const std::string_view raw = text::trim_view(without_form_feeds(line));
    const auto kana_or_kanji = [](char c) {  // the lead bytes of kanji (E4..E9); kana are E3 81..83
        const auto b = static_cast<unsigned char>(c);
        return b >= 0xE4 && b <= 0xE9;
    };
    if (raw.empty() || raw.size() > kMaxChars * 3 ||
        std::none_of(raw.begin(), raw.end(), [](char c) { return (c >= '0' && c <= '9') || c == '\xBC'; }) ||
        std::any_of(raw.begin(), raw.end(), kana_or_kanji) || raw.find("\xE3\x81") != std::string_view::npos ||
        raw.find("\xE3\x82") != std::string_view::npos || raw.find("\xE3\x83") != std::string_view::npos)
        return std::nullopt;
    std::u32string u = text::to_u32(text::trim(text::nfkc(raw)));
    if (u.empty() || u.size() > kMaxChars) return std::nullopt;
    for (char32_t& c : u)  // the dashes around a number, as one
        if (is_dash(c)) c = U'-';
    const std::string n = text::to_utf8(u);
    static const std::regex number(R"(^(?:(?:page|p\.?)\s*)?[-\s]*([0-9]{1,4})\s*(?:(?:/|of)\s*[0-9]{1,4})?[-\s]*$)",
                                   std::regex::icase);
    std::smatch m;
    if (!std::regex_match(n, m, number)) return std::nullopt;
    return std::stoi(m[1].str());
}

std::optional<std::vector<size_t>> printed_page_order(const std::vector<std::string>& lines) {
    constexpr double kMinNumberedShare = 0.8;
    const auto spans = page_spans(lines);
    if (spans.size() < kMinPages) return std::nullopt;
    // Each page sorts by its number, or by the number of the page before it (then after that page).
    std::vector<std::tuple<int, int, size_t>> keys;
    std::set<int> numbers;
    int last = -1;
    for (size_t p = 0; p < spans.size(); ++p) {
        const auto n = number_of_page(lines, spans[p].first, spans[p].second);
        if (n && !numbers.insert(*n).second) return std::nullopt;  // a number printed twice
        if (n) last = *n;
        keys.emplace_back(last, n ? 0 : 1, p);
    }
    const double pages = static_cast<double>(spans.size());
    if (static_cast<double>(numbers.size()) < kMinNumberedShare * pages) return std::nullopt;
    // The numbers of one run of pages: about as many as the pages they number.
    if (static_cast<double>(*numbers.rbegin() - *numbers.begin() + 1) > 1.2 * pages + 1) return std::nullopt;
    const auto before = [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    };
    if (std::is_sorted(keys.begin(), keys.end(), before)) return std::nullopt;
    std::vector<std::tuple<int, int, size_t>> sorted = keys;
    std::stable_sort(sorted.begin(), sorted.end(), before);
    std::vector<size_t> order;
    order.reserve(lines.size());
    for (const auto& key : sorted)
        for (size_t i = spans[std::get<2>(key)].first; i < spans[std::get<2>(key)].second; ++i) order.push_back(i);
    return order;
}

std::optional<std::vector<size_t>> page_starts_by_number(const std::vector<std::string>& lines) {
    constexpr size_t kMinPageLines = 10;  // a page of the form holds more lines than this
    if (std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return !l.empty() && l[0] == '\f'; }))
        return std::nullopt;
    // The page number lines, each one more than the one before.
    std::vector<size_t> numbered;
    int expected = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        const auto n = page_number(lines[i]);
        // The first is page 1, or 2 after a cover that prints none.
        if (!n || (expected > 0 ? *n != expected : *n > 2) ||
            (!numbered.empty() && i - numbered.back() < kMinPageLines))
            continue;
        numbered.push_back(i);
        expected = *n + 1;
    }
    if (numbered.size() < kMinPages) return std::nullopt;
    // At the top when the first stands among the text's first lines, else at the foot.
    size_t written_before = 0;
    for (size_t i = 0; i < numbered.front(); ++i) written_before += is_blank(lines[i]) ? 0 : 1;
    const bool at_top = written_before < kEdgeLines + 1;
    std::vector<size_t> starts;
    for (size_t k = 0; k < numbered.size(); ++k) {
        const size_t start = at_top ? numbered[k] : numbered[k] + 1;
        if (start > 0 && start < lines.size()) starts.push_back(start);
    }
    return starts.empty() ? std::nullopt : std::optional(starts);
}

std::string_view without_form_feeds(std::string_view line) {
    const size_t from = line.find_first_not_of('\f');
    return from == std::string_view::npos ? std::string_view() : line.substr(from);
}

namespace {

// A line near a page's edge that may repeat from page to page.
struct Edge {
    size_t line;
    std::string key;  // which edge, and the line as it repeats
    // A line that may be the form's own on a page that opens an assessment: a cover's label row, the
    // form's title, or a line of Japanese below the page's first lines (its cover's values).
    bool own_on_cover_pages = false;
    bool long_line = false;  // longer than kMaxFurnitureChars
};

struct Page {
    std::vector<size_t> written;                 // its lines that are not blank
    std::vector<std::optional<Edge>> top, foot;  // per written line near that edge
    // It opens an assessment of its own: its cover (two rows of its labels, where a running header
    // repeats one: 評価書番号3) or its ①事務の名称. In a file of assessments one a page, the cover's
    // label rows at the top of each are the form's own lines.
    bool opens_assessment = false;
    std::vector<std::string> cover_rows;  // its lines that open with a cover's label (compact)
    bool affair_row = false;              // it holds a ①事務の名称 row
};

// Lines [from, to) as a page: its edge lines, its first and its last kEdgeLines lines that are not
// blank, apart (a page number at the foot is not the cover's number at the top).
Page read_page(const std::vector<std::string>& lines, size_t from, size_t to) {
    Page page;
    for (size_t i = from; i < to; ++i) {
        if (is_blank(lines[i])) continue;
        page.written.push_back(i);
        if (opens_with_cover_label(lines[i]))
            page.cover_rows.push_back(compact_key(without_form_feeds(lines[i])));
        else if (!page.affair_row)
            page.affair_row = opens_with_field_label(lines[i], "affair_name", 1);
    }
    const size_t n = page.written.size();
    page.top.resize(std::min(n, kDeepEdgeLines));
    page.foot.resize(std::min(n, kDeepEdgeLines));
    for (size_t k = 0; k < n; ++k) {
        const bool top = k < kDeepEdgeLines, foot = k + kDeepEdgeLines >= n;
        if (!top && !foot) continue;
        const std::string& line = lines[page.written[k]];
        const bool deep = k >= kEdgeLines && k + kEdgeLines < n;
        const size_t most = deep ? kMaxFurnitureChars : kMaxLongFurnitureChars;
        if (line.size() > furniture_bytes(most)) continue;
        const size_t chars = written_chars(line);
        if (chars > most) continue;
        if (is_form_label(line)) continue;
        const std::string key = repeat_key(line);
        if (!has_letter(key)) continue;  // bare page numbers: the readers know them
        const bool own = (deep && !is_ascii(line)) || opens_with_cover_label(line) || names_a_form(line);
        const bool long_line = chars > kMaxFurnitureChars;
        if (top) page.top[k] = Edge{page.written[k], "top " + key, own, long_line};
        if (foot) page.foot[n - 1 - k] = Edge{page.written[k], "foot " + key, own, long_line};
    }
    return page;
}

// Which pages open an assessment: two cover rows, or a ①事務の名称 row. A cover row that stands word
// for word, its value with it (評価書番号 7, 評価書名 …に関する事務 全項目評価書), on `needed` pages at
// least is a running header's, which pdftotext's raw order sets on lines of their own atop every
// page: it opens nothing. A set of covers one a page prints a number and a title of its own on each.
void mark_assessment_openings(std::vector<Page>& pages, size_t needed) {
    constexpr size_t kCoverRows = 2;
    const auto& labels = FormLabels::get().spellings("cover");
    std::map<std::string, std::set<size_t>> pages_of;  // a cover row with its value -> its pages
    for (size_t p = 0; p < pages.size(); ++p)
        for (const std::string& row : pages[p].cover_rows)
            if (!without_words(row, labels).empty())  // not a row of labels alone (評価書番号 | 評価書名)
                pages_of[row].insert(p);
    for (Page& page : pages) {
        const auto own = std::count_if(page.cover_rows.begin(), page.cover_rows.end(), [&](const std::string& row) {
            const auto it = pages_of.find(row);
            return it == pages_of.end() || it->second.size() < needed;
        });
        page.opens_assessment = static_cast<size_t>(own) >= kCoverRows || page.affair_row;
    }
}

// The runs of digits a line prints, as numbers, in order (in NFKC: ４／４５ prints 4 and 45).
std::vector<long> printed_numbers(const std::string& line) {
    std::vector<long> numbers;
    const std::string n = text::nfkc_compact(without_form_feeds(line));
    for (size_t i = 0; i < n.size();) {
        if (n[i] < '0' || n[i] > '9') {
            ++i;
            continue;
        }
        const size_t end = std::min(n.find_first_not_of("0123456789", i), n.size());
        numbers.push_back(end - i > 9 ? 0 : std::stol(n.substr(i, end - i)));  // no page number
        i = end;
    }
    return numbers;
}

// A line met on a page: the page, the line, and the numbers it prints where they matter.
struct Seen {
    size_t page, line;
    std::vector<long> numbers;
};

// Whether a repeated line stands once on each page it stands on (its places in page order).
bool once_a_page(const std::vector<Seen>& on) {
    return std::adjacent_find(on.begin(), on.end(), [](const Seen& a, const Seen& b) { return a.page == b.page; }) ==
           on.end();
}

// Lines anywhere on a page that print the page's running number beside the same words on most
// pages (たちばな市（4／45）): a footer that pdftotext's raw order put amid the page's cells, between
// its label column and its values. Its number runs on with the pages (the page k pages on prints a
// number k higher), which the form's own lines that repeat (システム1 atop each page of systems) do
// not. Only pages that open no assessment count: in a set of covers one a page, each cover's
// number may run on with the pages as well.
std::vector<size_t> numbered_running_lines(const std::vector<std::string>& lines, const std::vector<Page>& pages,
                                           size_t needed) {
    std::map<std::string, std::vector<Seen>> seen;  // repeat key -> its lines, page by page
    for (size_t p = 0; p < pages.size(); ++p)
        for (const size_t i : pages[p].written) {
            const std::string& line = lines[i];
            if (line.size() > kMaxFurnitureBytes || written_chars(line) > kMaxFurnitureChars) continue;
            const std::string key = repeat_key(line);
            if (key.find('#') == std::string::npos || !has_letter(key) || is_form_label(line) ||
                opens_with_cover_label(line) || names_a_form(line))
                continue;
            seen[key].push_back({p, i, printed_numbers(line)});
        }
    std::vector<size_t> out;
    for (const auto& [key, on] : seen) {
        if (!once_a_page(on)) continue;
        const size_t runs = on.front().numbers.size();
        for (size_t r = 0; r < runs; ++r) {
            // The page's number less its place among the pages (pages before the first numbered one
            // make it negative).
            const auto offset = [&](const Seen& s) -> std::optional<long> {
                if (s.numbers.size() != runs) return std::nullopt;
                return s.numbers[r] - static_cast<long>(s.page);
            };
            const std::optional<long> first = offset(on.front());
            if (!first || !std::all_of(on.begin(), on.end(), [&](const Seen& s) { return offset(s) == first; }))
                continue;
            // Counted on the pages that open no assessment: a set of covers numbered one a page is
            // no footer.
            const auto beyond_covers =
                std::count_if(on.begin(), on.end(), [&](const Seen& s) { return !pages[s.page].opens_assessment; });
            if (static_cast<size_t>(beyond_covers) < needed) break;
            for (const Seen& s : on) out.push_back(s.line);
            break;
        }
    }
    return out;
}

// A table's column title alone on its line (項目, 内容: dictionary column_titles), or its titles on
// one line (項目 | 記載内容), on most pages: the table header the printer repeats atop each page the
// table crosses, twice on a page that holds two tables. pdftotext's raw order sets 内容 after the
// page's label column, amid the cells.
std::vector<size_t> column_title_lines(const std::vector<std::string>& lines, const std::vector<Page>& pages,
                                       size_t needed) {
    static const std::vector<std::string> titles = Dictionary::get().list("/column_titles");
    // A title, or the titles of a table's columns on one line (項目 | 記載内容).
    const std::function<bool(std::string_view)> titles_only = [&](std::string_view key) {
        return std::any_of(titles.begin(), titles.end(), [&](const std::string& t) {
            return key.starts_with(t) && (key.size() == t.size() || titles_only(key.substr(t.size())));
        });
    };
    std::map<std::string, std::pair<std::set<size_t>, std::vector<size_t>>> seen;  // title -> pages, lines
    for (size_t p = 0; p < pages.size(); ++p)
        for (const size_t i : pages[p].written) {
            if (lines[i].size() > kMaxFurnitureBytes) continue;
            const std::string key = compact_key(without_form_feeds(lines[i]));
            if (key.empty() || !titles_only(key)) continue;
            seen[key].first.insert(p);
            seen[key].second.push_back(i);
        }
    std::vector<size_t> out;
    for (const auto& [title, at] : seen)
        if (at.first.size() >= needed) out.insert(out.end(), at.second.begin(), at.second.end());
    return out;
}

// Lines that repeat word for word on most pages, once a page, wherever they stand: lines of ASCII
// alone (a browser's file:///… or https://… address and print time, a file's name), as the form
// writes its text in Japanese; and a line that names the form (the document's title a browser prints
// atop each page), on the pages that open no assessment (a cover keeps its own). pdftotext's raw
// order puts them amid the page as often as at its edge.
std::vector<size_t> repeated_lines(const std::vector<std::string>& lines, const std::vector<Page>& pages,
                                   size_t needed) {
    constexpr size_t kMinChars = 8;                 // shorter ones (- 3 -, (1)) are the form's or the page number
    std::map<std::string, std::vector<Seen>> seen;  // the line -> its places, page by page
    for (size_t p = 0; p < pages.size(); ++p)
        for (const size_t i : pages[p].written) {
            const std::string t = text::trim(without_form_feeds(lines[i]));
            if (t.size() > kMaxFurnitureBytes || written_chars(t) > kMaxFurnitureChars) continue;
            const bool ascii = t.size() >= kMinChars && is_ascii(t) && has_letter(t);
            if (ascii || (!pages[p].opens_assessment && names_a_form(t) && !is_form_label(t)))
                seen[t].push_back({p, i, {}});
        }
    std::vector<size_t> out;
    for (const auto& [line, on] : seen) {
        if (!once_a_page(on) || on.size() < needed) continue;
        for (const Seen& s : on) out.push_back(s.line);
    }
    return out;
}

// A running header found at the edge of most pages stands deeper on some (a cell of the header
// that a converter's order reads after the page's first rows): there it is the same furniture, once
// a page, on the pages without a cover's rows (a cover keeps its own lines: みどり市長 under 評価実施
// 機関名 may be a running header's words as well).
std::vector<size_t> running_lines_deeper(const std::vector<std::string>& lines, const std::vector<Page>& pages,
                                         const std::vector<size_t>& at_edges, size_t needed) {
    const std::set<size_t> edge_lines(at_edges.begin(), at_edges.end());
    std::map<std::string, std::set<size_t>> pages_of;  // a line found at an edge -> its pages
    for (size_t p = 0; p < pages.size(); ++p)
        for (const size_t i : pages[p].written)
            if (edge_lines.count(i)) pages_of[text::trim(without_form_feeds(lines[i]))].insert(p);
    std::vector<size_t> out;
    for (size_t p = 0; p < pages.size(); ++p) {
        if (!pages[p].cover_rows.empty()) continue;
        std::map<std::string, std::vector<size_t>> here;
        for (const size_t i : pages[p].written) {
            const std::string t = text::trim(without_form_feeds(lines[i]));
            const auto found = pages_of.find(t);
            // The form's title stays on a page that opens an assessment, as at the edges.
            if (found != pages_of.end() && found->second.size() >= needed && !found->second.count(p) &&
                !(pages[p].opens_assessment && is_bare_title(t)))
                here[t].push_back(i);
        }
        for (const auto& [line, at] : here)
            if (at.size() == 1) out.push_back(at.front());
    }
    return out;
}

}  // namespace

std::vector<size_t> page_furniture(const std::vector<std::string>& lines) {
    std::vector<Page> pages;
    for (const auto& [from, to] : page_spans(lines)) pages.push_back(read_page(lines, from, to));
    if (pages.size() < kMinPages) return {};
    const size_t needed =
        std::max(kMinPages, static_cast<size_t>(kMinPageShare * static_cast<double>(pages.size()) + 0.5));
    mark_assessment_openings(pages, needed);
    std::map<std::string, std::set<size_t>> pages_of;  // edge key -> the pages it stands on
    for (size_t p = 0; p < pages.size(); ++p)
        for (const auto* edges : {&pages[p].top, &pages[p].foot})
            for (const auto& e : *edges)
                if (e) pages_of[e->key].insert(p);
    // A line of the form's own kind is a running header (評価書番号3, the affair's name atop every
    // page of one assessment) where most of the pages it stands on open no assessment, and only in
    // the page's header (or footer) block: no cover's label row stands between it and the page's
    // edge. The cover page's own lines (みどり市長 under 公表日) stay.
    const auto cover_of_each = [&](const std::set<size_t>& on) {
        const auto own = std::count_if(on.begin(), on.end(), [&](size_t p) { return pages[p].opens_assessment; });
        return static_cast<double>(own) >= kMinPageShare * static_cast<double>(on.size());
    };
    // On enough of the pages, or, naming a form, on nearly every page from the first it stands on to
    // the last (the form's own lines, a checkbox list atop the pages of 17 systems, are no header).
    const auto repeats = [&](const std::set<size_t>& on, const std::string& line) {
        const size_t span = on.empty() ? 0 : *on.rbegin() - *on.begin() + 1;
        return on.size() >= needed || (on.size() >= kMinPages && names_a_form(line) &&
                                       static_cast<double>(on.size()) >= kMinRunShare * static_cast<double>(span));
    };
    std::vector<size_t> out;
    const auto take_block = [&](const Page& page, const std::vector<std::optional<Edge>>& edges, bool from_top) {
        bool block = true;  // no cover's label row and no longer line between the edge and here
        for (size_t k = 0; k < edges.size(); ++k) {
            const std::string& line = lines[page.written[from_top ? k : page.written.size() - 1 - k]];
            const std::optional<Edge>& e = edges[k];
            const std::set<size_t>* on = e ? &pages_of[e->key] : nullptr;
            // The form's title stays on the pages that open an assessment (their cover's title);
            // atop every other page it is the running header's.
            const bool runs = e && repeats(*on, line) && !(is_bare_title(line) && page.opens_assessment) &&
                              (!e->long_line ||
                               static_cast<double>(on->size()) >= kMinRunShare * static_cast<double>(pages.size())) &&
                              !(e->own_on_cover_pages && (cover_of_each(*on) || !block));
            // pdftotext's raw order may put a page's first cells amid its header's lines: the block
            // ends at a cover's own label row (公表日 above its みどり市長) or at a longer line.
            if (runs)
                out.push_back(e->line);
            else if (opens_with_cover_label(line) || written_chars(line) > kMaxFurnitureChars)
                block = false;
        }
    };
    for (const Page& page : pages) {
        take_block(page, page.top, true);
        take_block(page, page.foot, false);
    }
    for (const size_t i : running_lines_deeper(lines, pages, out, needed)) out.push_back(i);
    for (const size_t i : numbered_running_lines(lines, pages, needed)) out.push_back(i);
    for (const size_t i : repeated_lines(lines, pages, needed)) out.push_back(i);
    for (const size_t i : column_title_lines(lines, pages, needed)) out.push_back(i);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace piagraph::extract_detail
