#include "piagraph/text.hpp"

#include <string.h>
#include <utf8proc.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "piagraph/limits.hpp"

namespace piagraph {
extern const char* const kEquivalentIdeographsTxt;
}

namespace piagraph::text {

namespace {

std::string nfkc_slow(std::string_view s) {
    utf8proc_uint8_t* out = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                          &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
    if (n < 0 || out == nullptr) return std::string(s);  // invalid UTF-8: leave as is
    std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
    std::free(out);
    return r;
}

// What NFKC does to one BMP code point wherever it stands, worked out once, on first sight:
//  inert  - it stays as it is;
//  simple - it becomes a short fixed run of inert code points (full-width forms, U+3000, ①, ㈱);
//  active - anything else: it may compose with its neighbours (marks, Hangul jamo, half-width
//           voiced marks), or its mapping is long.
// A starter that is neither a mark nor a jamo composes with nothing before it, and an inert run
// composes with nothing after it unless what follows is active; so a string of inert and simple
// code points normalises code point by code point.
class NfkcTable {
public:
    enum State : unsigned char { unknown, inert, simple, active };
    struct Entry {
        State state;
        std::string_view mapping;  // for simple
    };

    static NfkcTable& get() {
        static NfkcTable table;
        return table;
    }

    Entry lookup(char32_t c) {
        if (c < 0x80) return {inert, {}};  // ASCII is NFKC and composes with nothing before it
        if (c >= 0x10000) return {active, {}};
        auto s = static_cast<State>(state_[c].load(std::memory_order_acquire));
        if (s == unknown) s = compute(c);
        if (s != simple) return {s, {}};
        return {s, std::string_view(mapping_[c].bytes, mapping_[c].size)};
    }

private:
    struct Mapping {
        char bytes[15];
        unsigned char size;
    };
    std::atomic<unsigned char> state_[0x10000] = {};
    Mapping mapping_[0x10000] = {};
    std::mutex compute_mutex_;

    static bool starter_that_composes_with_nothing_before(char32_t c) {
        const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
        const bool mark = p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_MC ||
                          p->category == UTF8PROC_CATEGORY_ME;
        const bool jamo = (c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF);
        return p->combining_class == 0 && !mark && !jamo && !(c >= 0xD800 && c <= 0xDFFF);
    }

    State compute(char32_t c) {
        std::lock_guard<std::mutex> lock(compute_mutex_);
        auto s = static_cast<State>(state_[c].load(std::memory_order_relaxed));
        if (s != unknown) return s;
        s = active;
        if (starter_that_composes_with_nothing_before(c)) {
            const std::string alone = to_utf8(c);
            const std::string mapped = nfkc_slow(alone);
            if (mapped == alone) {
                s = inert;
            } else if (!mapped.empty() && mapped.size() <= sizeof(Mapping::bytes)) {
                bool all_inert = true;
                for (char32_t m : to_u32(mapped))
                    all_inert = all_inert && m < 0x10000 && starter_that_composes_with_nothing_before(m) &&
                                nfkc_slow(to_utf8(m)) == to_utf8(m);
                if (all_inert) {
                    mapped.copy(mapping_[c].bytes, mapped.size());
                    mapping_[c].size = static_cast<unsigned char>(mapped.size());
                    s = simple;
                }
            }
        }
        state_[c].store(s, std::memory_order_release);
        return s;
    }
};

// One well-formed UTF-8 sequence of at most three bytes (the BMP outside the surrogates) at s[i]:
// its code point and length; length 0 for anything else (left to utf8proc). Inlined: every text
// helper below runs it once per code point.
[[gnu::always_inline]] inline std::pair<char32_t, size_t> decode_bmp(std::string_view s, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const auto continues = [](unsigned char b) { return (b & 0xC0) == 0x80; };
    const unsigned char b0 = byte(0);
    if ((b0 & 0xF0) == 0xE0) {  // first: kana and kanji are three bytes
        if (i + 2 >= s.size() || !continues(byte(1)) || !continues(byte(2))) return {0, 0};
        const char32_t c = ((b0 & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
        return c >= 0x800 && (c < 0xD800 || c > 0xDFFF) ? std::pair{c, size_t{3}} : std::pair{char32_t{0}, size_t{0}};
    }
    if ((b0 & 0xE0) == 0xC0 && i + 1 < s.size() && continues(byte(1))) {
        const char32_t c = ((b0 & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
        return c >= 0x80 ? std::pair{c, size_t{2}} : std::pair{char32_t{0}, size_t{0}};
    }
    return {0, 0};
}

// What decode_bmp leaves: four-byte sequences, and invalid bytes (U+FFFD of length 1).
std::pair<char32_t, size_t> next_code_point_slow(std::string_view s, size_t i) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return {0xFFFD, 1};
    return {static_cast<char32_t>(cp), static_cast<size_t>(n)};
}

// The code point at s[i] and its length in bytes, read as every function here reads UTF-8: an
// invalid byte is U+FFFD of length 1.
[[gnu::always_inline]] inline std::pair<char32_t, size_t> next_code_point(std::string_view s, size_t i) {
    if (static_cast<unsigned char>(s[i]) < 0x80) return {static_cast<char32_t>(s[i]), 1};
    if (const auto bmp = decode_bmp(s, i); bmp.second > 0) return bmp;
    return next_code_point_slow(s, i);
}

// An invalid byte that next_code_point read as U+FFFD (a U+FFFD written in the text is 3 bytes).
bool invalid_byte(char32_t c, size_t len) { return c == 0xFFFD && len == 1; }

std::string nfkc_uncached(std::string_view s) {
    // Most document text (kanji, kana, ASCII, full-width forms) normalises code point by code
    // point from the table: inert runs are copied whole, simple code points replaced; anything
    // else (marks, jamo, invalid or 4-byte UTF-8) goes to utf8proc_map, ten times slower.
    std::string out;
    NfkcTable& table = NfkcTable::get();
    size_t copied = 0;  // s[copied, i) is inert and not yet in out
    size_t i = 0;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const auto [cp, n] = decode_bmp(s, i);
        if (n == 0) return nfkc_slow(s);
        const auto entry = table.lookup(cp);
        if (entry.state == NfkcTable::active) return nfkc_slow(s);
        if (entry.state == NfkcTable::simple) {
            if (out.empty()) out.reserve(s.size());
            out.append(s.data() + copied, i - copied);
            out += entry.mapping;
            copied = i + n;
        }
        i += n;
    }
    if (copied == 0) return std::string(s);
    out.append(s.data() + copied, s.size() - copied);
    return out;
}
// Radicals to ideographs, from Unicode's EquivalentUnifiedIdeograph.txt (compiled in): lines of
// "2EA0 ; 6C11" or "2E8C..2E8D ; 5C0F". Only the radicals' blocks are kept, so a lookup is an index.
class RadicalTable {
public:
    static constexpr char32_t kFirst = 0x2E80, kLast = 0x31EF;  // CJK radicals .. CJK strokes

    static const RadicalTable& get() {
        static const RadicalTable table;
        return table;
    }
    char32_t ideograph(char32_t c) const { return c >= kFirst && c <= kLast ? to_[c - kFirst] : 0; }

private:
    RadicalTable() {
        std::string_view data = kEquivalentIdeographsTxt;
        while (!data.empty()) {
            const size_t eol = data.find('\n');
            const std::string_view line = data.substr(0, eol);
            data.remove_prefix(eol == std::string_view::npos ? data.size() : eol + 1);
            const size_t semi = line.find(';');
            if (line.empty() || line[0] == '#' || semi == std::string_view::npos) continue;
            const std::string range(line.substr(0, semi)), target(line.substr(semi + 1));
            char* end = nullptr;
            const auto first = static_cast<char32_t>(std::strtoul(range.c_str(), &end, 16));
            const auto last =
                end[0] == '.' && end[1] == '.' ? static_cast<char32_t>(std::strtoul(end + 2, nullptr, 16)) : first;
            const auto to = static_cast<char32_t>(std::strtoul(target.c_str(), nullptr, 16));
            for (char32_t c = first; c <= last && c >= kFirst && c <= kLast; ++c) to_[c - kFirst] = to;
        }
        // The table gives the DOOR radical's traditional ideograph (U+6236); a Japanese font draws the
        // radical and the Japanese form (U+6238) with one glyph, so a PDF's text writes the radical
        // where the document printed the Japanese form (as pdfminer reads a family register system).
        to_[0x2F3E - kFirst] = 0x6238;
    }
    char32_t to_[kLast - kFirst + 1] = {};
};

std::string nfkc_compact_uncached(std::string_view s) {
    std::string n = nfkc(s);  // U+3000 and U+00A0 are ASCII spaces after NFKC
    n.erase(std::remove_if(n.begin(), n.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }),
            n.end());
    return n;
}

}  // namespace

std::string nfkc(std::string_view s) { return remembered<nfkc_uncached>(s); }

namespace {

bool is_kana_or_kanji(char32_t c) {
    return (c >= 0x3041 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           c == 0x3005;  // 々
}

bool is_middle_dot_lookalike(char32_t c) { return c == 0x00B7 || c == 0x2027 || c == 0x2219 || c == 0x22C5; }

// Whether the UTF-8 at s[i], which is E2, is a code point fold_glyph_variants folds: a radical
// (U+2E80..U+2FFF: E2 BA 80..E2 BF BF) or a dot (U+2027 E2 80 A7, U+2219 E2 88 99, U+22C5 E2 8B 85).
bool folded_at_e2(const std::string& s, size_t i) {
    const auto byte = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    const unsigned b1 = byte(1), b2 = byte(2);
    return (b1 >= 0xBA && b1 <= 0xBF) || (b1 == 0x80 && b2 == 0xA7) || (b1 == 0x88 && b2 == 0x99) ||
           (b1 == 0x8B && b2 == 0x85);
}

}  // namespace

std::string fold_glyph_variants(std::string s) {
    // The other code points folded: radicals U+31C0..U+31EF (E3 87 80..AF) and U+00B7 (C2 B7). Most
    // texts hold none of them, and are passed over by a search for their first bytes.
    size_t i = std::min(s.find("\xE3\x87"), s.find("\xC2\xB7"));
    for (size_t e2 = s.find('\xE2'); e2 != std::string::npos && e2 < i; e2 = s.find('\xE2', e2 + 1))
        if (folded_at_e2(s, e2)) i = e2;
    if (i == std::string::npos) return s;
    const RadicalTable& table = RadicalTable::get();
    const auto folded = [&](char32_t c) { return table.ideograph(c) != 0 ? table.ideograph(c) : c; };
    std::string out(s, 0, i);
    char32_t before = 0;  // the code point before i, as folded
    if (i > 0) {
        size_t k = i - 1;
        while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
        before = folded(next_code_point(s, k).first);
    }
    while (i < s.size()) {
        const auto [c, n] = next_code_point(s, i);
        char32_t to = folded(c);
        if (is_middle_dot_lookalike(c)) {
            const char32_t after = i + n < s.size() ? folded(next_code_point(s, i + n).first) : 0;
            if (is_kana_or_kanji(before) || is_kana_or_kanji(after)) to = U'\u30FB';
        }
        if (to != c)
            out += to_utf8(to);
        else
            out.append(s, i, n);
        before = to;
        i += n;
    }
    return out;
}

std::string with_layout_tabs_expanded(std::string s) {
    constexpr size_t kMinTabbedLines = 20, kTabStop = 8;
    constexpr double kMinBesideShare = 0.5;
    size_t tabbed = 0, beside = 0;
    for (size_t from = 0; from < s.size();) {
        const size_t eol = std::min(s.find('\n', from), s.size());
        const std::string_view line(s.data() + from, eol - from);
        if (line.find('\t') != std::string_view::npos) {
            ++tabbed;
            if (line.find("\t ") != std::string_view::npos || line.find(" \t") != std::string_view::npos) ++beside;
        }
        from = eol + 1;
    }
    if (tabbed < kMinTabbedLines || static_cast<double>(beside) < kMinBesideShare * static_cast<double>(tabbed))
        return s;
    // A tab is at most eight spaces: a text of tabs alone (damaged, or made to) would grow eightfold;
    // it stays as it is, as a text of the size the input limits allow.
    const auto tabs = static_cast<size_t>(std::count(s.begin(), s.end(), '\t'));
    if (s.size() + tabs * (kTabStop - 1) > limits::kMaxTextBytes) return s;
    std::string out;
    out.reserve(s.size() + s.size() / 4);
    size_t column = 0;  // in code points, from the line's start
    for (const char c : s) {
        if (c == '\t') {
            const size_t spaces = kTabStop - column % kTabStop;
            out.append(spaces, ' ');
            column += spaces;
            continue;
        }
        out += c;
        if (c == '\n')
            column = 0;
        else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++column;
    }
    return out;
}

namespace {

bool is_one_space(char32_t c) { return c == U' ' || c == 0x3000; }

// What a spread cell holds beside its kana and kanji: digits and the marks between words and
// numbers (委 託 事 項 6 ～ 1 0, ( 別 添 2 )) - not brackets or boxes, whose spaces are the form's own.
bool spreads_with_words(char32_t c) {
    static constexpr std::u32string_view kMarks = U"～〜~-－ー・、。，．()（）";
    return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19) || kMarks.find(c) != std::u32string_view::npos;
}

bool is_circled_number(char32_t c) { return (c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 && c <= 0x325F); }

// One line of join_spaced_characters.
// 年 月 日: the units of a date, as code points (this table, like the radicals', is below the dictionary).
bool is_date_unit(char32_t c) { return c == 0x5E74 || c == 0x6708 || c == 0x65E5; }

std::u32string join_spaced_line(const std::u32string& l) {
    // Three characters spaced out at least, each alone between spaces: one space each, or, in a
    // -layout text, gaps as a justified cell's characters fall on its columns (均等割り付け: uneven,
    // the last character at the cell's right edge, up to kMaxGap). Two of them kana or kanji where
    // one space parts them, three where more do: digits alone are a list of numbers (1 2 3), two
    // words apart are two words (部 署). A field's circled number may open the run (① 事 務).
    constexpr size_t kMinSpaced = 3, kMaxGap = 40;
    const auto spreadable = [&](size_t i) {
        return i < l.size() && (is_kana_or_kanji(l[i]) || spreads_with_words(l[i]));
    };
    const auto spaces_from = [&](size_t i) {
        size_t n = 0;
        while (i + n < l.size() && is_one_space(l[i + n])) ++n;
        return n;
    };
    // (or before a ※ set against it that ends the label: 入      手     元※)
    const auto alone_before_end_or_space = [&](size_t i) {
        const auto ends = [&](size_t k) { return k == l.size() || is_one_space(l[k]); };
        return ends(i + 1) || (i + 1 < l.size() && l[i + 1] == U'※' && ends(i + 2));
    };
    std::u32string out;
    for (size_t i = 0; i < l.size();) {
        // after a space, at a page's first line, or after a field's circled number set against it (①事 務)
        const bool after_number =
            i > 0 && is_circled_number(l[i - 1]) && (i == 1 || is_one_space(l[i - 2]) || l[i - 2] == U'\f');
        const bool opens = (spreadable(i) || is_circled_number(l[i])) &&
                           (i == 0 || is_one_space(l[i - 1]) || l[i - 1] == U'\f' || after_number);
        size_t last = i, count = 1, kana_or_kanji = is_kana_or_kanji(l[i]);
        size_t most = 0;  // the run's widest gap
        for (size_t gap = opens ? spaces_from(i + 1) : 0; gap > 0 && gap <= kMaxGap; gap = spaces_from(last + 1)) {
            const size_t next = last + gap + 1;
            // ※ ends a label (②事務の内容 ※), at the cell's right edge where it is justified
            const bool mark = count >= kMinSpaced && next < l.size() && l[next] == U'※';
            if (!(spreadable(next) || mark) || !alone_before_end_or_space(next)) break;
            most = std::max(most, gap);
            last = next;
            ++count;
            kana_or_kanji += is_kana_or_kanji(l[last]);
            if (mark) break;
        }
        // A date whose numbers a converter set apart (令和 7 年 2 月 10 日) is no cell spread out.
        const bool date = std::all_of(l.begin() + static_cast<long>(i), l.begin() + static_cast<long>(last) + 1,
                                      [](char32_t c) { return !is_kana_or_kanji(c) || is_date_unit(c); });
        if (count >= kMinSpaced && kana_or_kanji >= (most == 1 ? 2u : 3u) && !date) {
            for (size_t k = i; k <= last; ++k)
                if (!is_one_space(l[k])) out += l[k];
            const bool glued_mark = last + 1 < l.size() && l[last + 1] == U'※';  // set against the run
            if (glued_mark) out += l[++last];
            out.append(last + 1 - i - count - (glued_mark ? 1 : 0), U' ');  // what follows keeps its column
            i = last + 1;
        } else {
            out += l[i++];
        }
    }
    return out;
}

}  // namespace

std::string with_plain_spaces(std::string s) {
    constexpr std::string_view kNoBreakSpace = "\xC2\xA0";  // C2 only leads a 2-byte sequence: no false match
    if (s.find(kNoBreakSpace) == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    size_t copied = 0;
    for (size_t at = s.find(kNoBreakSpace); at != std::string::npos; at = s.find(kNoBreakSpace, copied)) {
        out.append(s, copied, at - copied);
        out += ' ';
        copied = at + kNoBreakSpace.size();
    }
    out.append(s, copied, std::string::npos);
    return out;
}

std::string join_spaced_characters(std::string s) {
    // Only the lines where a three-byte character stands alone between spaces are read again; they
    // are found by a search for the spaces (ASCII and U+3000), each kept until passed.
    constexpr std::string_view kWideSpace = "\xE3\x80\x80";
    const auto spaced_character_at = [&](size_t i) {
        const size_t n = space_at(s, i);
        if (i + n + 3 >= s.size()) return false;
        // Kana and kanji lead with E3..E9, the full-width digits and marks with EF; not ○ or ① (E2).
        const auto lead = static_cast<unsigned char>(s[i + n]);
        return ((lead >= 0xE3 && lead <= 0xE9) || lead == 0xEF) && space_at(s, i + n + 3) > 0;
    };
    std::string out;
    bool changed = false;
    size_t copied = 0;  // s[0, copied) is in out
    size_t next_ascii = s.find(' '), next_wide = s.find(kWideSpace);
    for (size_t at = 0;;) {
        const size_t i = std::min(next_ascii, next_wide);
        if (i == std::string::npos) break;
        at = i + 1;
        if (spaced_character_at(i)) {
            const size_t line_start = i == 0 ? 0 : s.rfind('\n', i - 1) + 1;  // npos + 1 == 0
            size_t line_end = s.find('\n', i);
            if (line_end == std::string::npos) line_end = s.size();
            out.append(s, copied, line_start - copied);
            out += to_utf8(join_spaced_line(to_u32(std::string_view(s).substr(line_start, line_end - line_start))));
            copied = at = line_end;
            changed = true;
        }
        if (next_ascii < at) next_ascii = s.find(' ', at);
        if (next_wide < at) next_wide = s.find(kWideSpace, at);
    }
    if (!changed) return s;
    out.append(s, copied, std::string::npos);
    return out;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0x3000 || c == 0xA0; }

std::string match_key(std::string_view s) {
    const std::string n = nfkc(s);
    std::string out;
    out.reserve(n.size());
    char32_t last = 0;
    size_t i = 0;
    while (i < n.size()) {
        const auto [c, len] = next_code_point(n, i);
        const std::string_view written = std::string_view(n).substr(i, len);
        i += len;
        if (is_space(c)) continue;
        char32_t mapped = c;
        if (c == U'〇' || c == U'◯') mapped = U'○';
        if (c == U'ｰ' || c == U'−' || c == U'－') mapped = U'ー';
        // サーバー/サーバ, インターフェイス/インタフェース: drop the long-vowel mark after katakana
        if (mapped == U'ー' && last >= 0x30A0 && last <= 0x30FF) continue;
        if (mapped == c && !invalid_byte(c, len))
            out += written;
        else
            out += to_utf8(mapped);
        last = mapped;
    }
    return out;
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

std::string_view trim_view(std::string_view s) {
    auto ws_prefix = [](std::string_view v) -> size_t {
        if (v.empty()) return 0;
        unsigned char c = static_cast<unsigned char>(v[0]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
        if (v.size() >= 3 && v.substr(0, 3) == "\xE3\x80\x80") return 3;  // U+3000
        if (v.size() >= 2 && v.substr(0, 2) == "\xC2\xA0") return 2;
        return 0;
    };
    auto ws_suffix = [](std::string_view v) -> size_t {
        if (v.empty()) return 0;
        unsigned char c = static_cast<unsigned char>(v.back());
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
        if (v.size() >= 3 && v.substr(v.size() - 3) == "\xE3\x80\x80") return 3;
        if (v.size() >= 2 && v.substr(v.size() - 2) == "\xC2\xA0") return 2;
        return 0;
    };
    while (size_t n = ws_prefix(s)) s.remove_prefix(n);
    while (size_t n = ws_suffix(s)) s.remove_suffix(n);
    return s;
}

size_t space_at(std::string_view s, size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == ' ' || b == '\t' || b == '\r' || b == '\n') return 1;
    auto byte = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    if (b == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
    if (b == 0xC2 && byte(1) == 0xA0) return 2;                     // U+00A0
    return 0;
}

std::string nfkc_compact(std::string_view s) { return remembered<nfkc_compact_uncached>(s); }

std::string nfkc_compact_head(std::string_view s, size_t bytes) {
    // NFKC changes a character only with the marks that follow it, so a key of a cut text is right
    // but for its last characters: kMargin bytes more than asked are made, and dropped.
    constexpr size_t kMargin = 32;
    for (size_t take = 2 * bytes + 2 * kMargin;; take *= 2) {
        if (take >= s.size()) return nfkc_compact(s);
        size_t cut = take;
        while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
        std::string key = nfkc_compact(s.substr(0, cut));
        if (key.size() < bytes + kMargin) continue;
        size_t end = key.size() - kMargin;
        while (end > 0 && (static_cast<unsigned char>(key[end]) & 0xC0) == 0x80) --end;
        key.resize(end);
        return key;
    }
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

std::string shorten(std::string_view s, size_t max_chars) {
    const std::u32string u = to_u32(s);
    if (u.size() <= max_chars) return std::string(s);
    return to_utf8(u.substr(0, max_chars)) + "…";
}

std::string squeeze(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (size_t i = 0; i < s.size();) {
        if (const size_t n = space_at(s, i)) {
            space = true;
            i += n;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        // The run of valid code points up to the next space or invalid byte is copied whole;
        // invalid bytes become U+FFFD, as everywhere in text:: (to_u32).
        const size_t run = i;
        while (i < s.size() && space_at(s, i) == 0) {
            const auto [c, n] = next_code_point(s, i);
            if (invalid_byte(c, n)) break;
            i += n;
        }
        out.append(s.data() + run, i - run);
        if (i < s.size() && space_at(s, i) == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

std::vector<std::string> split_lines(std::string_view s) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find('\n', start);
        if (end == std::string_view::npos) end = s.size();
        std::string_view line = s.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.emplace_back(line);
        if (end == s.size()) break;
        start = end + 1;
    }
    if (!lines.empty() && lines.back().empty() && !s.empty() && s.back() == '\n') lines.pop_back();
    return lines;
}

std::u32string to_u32(std::string_view s) {
    std::u32string out(s.size(), U'\0');  // at most one code point per byte
    size_t count = 0;
    for (size_t i = 0; i < s.size(); ++count) {
        const auto [c, n] = next_code_point(s, i);
        out[count] = c;
        i += n;
    }
    out.resize(count);
    return out;
}

namespace {
constexpr size_t kMaxUtf8Bytes = 4;

// c in UTF-8 at `to`, which has room for kMaxUtf8Bytes: the number of bytes written.
size_t encode_utf8(char32_t c, char* to) {
    if (c < 0x80) {
        to[0] = static_cast<char>(c);
        return 1;
    }
    if (c < 0x800) {
        to[0] = static_cast<char>(0xC0 | (c >> 6));
        to[1] = static_cast<char>(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        to[0] = static_cast<char>(0xE0 | (c >> 12));
        to[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        to[2] = static_cast<char>(0x80 | (c & 0x3F));
        return 3;
    }
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), reinterpret_cast<utf8proc_uint8_t*>(to));
    return static_cast<size_t>(n);
}
}  // namespace

std::string to_utf8(char32_t c) {
    char bytes[kMaxUtf8Bytes];
    return std::string(bytes, encode_utf8(c, bytes));
}

std::string to_utf8(std::u32string_view s) {
    std::string out(s.size() * kMaxUtf8Bytes, '\0');
    size_t size = 0;
    for (char32_t c : s) size += encode_utf8(c, out.data() + size);
    out.resize(size);
    return out;
}

size_t length(std::string_view s) {
    size_t count = 0;
    for (size_t i = 0; i < s.size(); ++count) i += next_code_point(s, i).second;
    return count;
}

bool longer_than(std::string_view s, size_t chars) {
    if (s.size() <= chars) return false;  // a code point is at least one byte
    size_t count = 0;
    for (size_t i = 0; i < s.size(); ++count) {
        if (count == chars) return true;
        i += next_code_point(s, i).second;
    }
    return false;
}

size_t char_bytes(std::string_view s, size_t i) { return next_code_point(s, i).second; }

size_t last_char_start(std::string_view s) {
    size_t at = s.empty() ? 0 : s.size() - 1;
    while (at > 0 && s.size() - at < 4 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    return at;
}

size_t display_width(std::string_view s) {
    size_t width = 0;
    for (size_t i = 0; i < s.size();) {
        const auto [c, len] = next_code_point(s, i);
        i += len;
        width += static_cast<size_t>(std::max(0, utf8proc_charwidth(static_cast<utf8proc_int32_t>(c))));
    }
    return width;
}

std::string escape_markup(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            case '\0':
                break;  // never meaningful in a document, and unsafe in markup
            default:
                out += c;
        }
    }
    return out;
}

int parse_number(std::string_view s) {
    std::u32string u = to_u32(nfkc(s));
    size_t i = 0;
    while (i < u.size() && !(u[i] >= U'0' && u[i] <= U'9') &&
           std::u32string_view(U"一二三四五六七八九十百千〇").find(u[i]) == std::u32string_view::npos)
        ++i;
    if (i == u.size()) return -1;
    if (u[i] >= U'0' && u[i] <= U'9') {
        long v = 0;
        while (i < u.size() && ((u[i] >= U'0' && u[i] <= U'9') || u[i] == U',')) {
            if (u[i] != U',') v = v * 10 + (u[i] - U'0');
            if (v > 100000000) return -1;
            ++i;
        }
        return static_cast<int>(v);
    }
    // kanji numerals: 十九, 百二十三, 二十
    static const std::u32string digits = U"〇一二三四五六七八九";
    int total = 0, current = 0;
    for (; i < u.size(); ++i) {
        auto d = digits.find(u[i]);
        if (d != std::u32string::npos) {
            current = static_cast<int>(d);
        } else if (u[i] == U'十' || u[i] == U'百' || u[i] == U'千') {
            int unit = u[i] == U'十' ? 10 : u[i] == U'百' ? 100 : 1000;
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        } else {
            break;
        }
    }
    return total + current;
}

}  // namespace piagraph::text
