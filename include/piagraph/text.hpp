// UTF-8 text helpers shared by every stage: normalisation for matching, trimming, splitting.
#pragma once

#include <string.h>  // memmem (GNU)

#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace piagraph::text {

// NFKC (utf8proc): full-width digits and letters become ASCII, ＣＳ -> CS, （ -> (.
std::string nfkc(std::string_view s);

// What PDF fonts map some glyphs to where the form's character was meant, as that character:
// - the CJK radicals (住⺠ with U+2EA0, ⼊⼿ with U+2F0A), as the unified ideograph Unicode gives as
//   their equivalent (EquivalentUnifiedIdeograph.txt); some have no NFKC mapping, so NFKC alone
//   leaves them;
// - the dots mapped for the katakana middle dot (行政機関‧独立行政法人等 with U+2027, or U+00B7,
//   U+2219, U+22C5), as ・ where they touch kana or kanji.
std::string fold_glyph_variants(std::string s);

// A text laid out with spaces whose runs a tool turned into tabs (unexpand, an editor's "tabify"):
// on most lines that hold a tab, a tab stands beside a space, where a text of tab-separated cells
// has almost none. Each tab becomes the spaces to the next column of eight (columns in code
// points); any other text is returned as it is.
std::string with_layout_tabs_expanded(std::string s);

// Each no-break space (U+00A0, an HTML conversion's &nbsp;) as a space: a reader that parts words
// or cells at spaces finds it there.
std::string with_plain_spaces(std::string s);

// Characters set apart one by one (a cell justified to its width, 均等割り付け, or text with letter
// spacing, as pdftotext writes them: "提 供 先 1", "③ 他 の シ ス テ ム と の 接 続", "公  表  日",
// "①      事    務     の     名   称") joined again: three single kana, kanji or digits at least
// (a field's circled number may open them), alone between gaps of one space each, or of two and
// more that differ only as a justified cell's columns round; two of them kana or kanji where one
// space parts them, three where more do. The spaces taken out follow the run, so that what comes
// after it keeps its column. Words set apart by spaces ("地方税 国保", "部 署") and numbers alone
// (1 2 3) are kept.
std::string join_spaced_characters(std::string s);

// The key used to match names: NFKC, no white space (PDF line breaks split names), the
// long-vowel mark dropped at word ends (サーバ/サーバー), 〇/◯ folded to ○.
std::string match_key(std::string_view s);

// NFKC with every white space (ASCII, U+3000, U+00A0) removed: how labels are compared.
std::string nfkc_compact(std::string_view s);
// The opening of nfkc_compact(s), `bytes` long at least where the key is: for "does it open with"
// tests on long lines, which need not normalise the whole line.
std::string nfkc_compact_head(std::string_view s, size_t bytes);

// Trims ASCII white space, the ideographic space U+3000 and U+00A0.
std::string trim(std::string_view s);
// The same without a copy: a view into s.
std::string_view trim_view(std::string_view s);

// Whether c is white space as text:: reads it: ASCII space, tab, CR, LF, U+3000 and U+00A0.
bool is_space(char32_t c);
// Length in bytes of the white space (ASCII, U+3000, U+00A0) that starts at s[i], 0 if none.
size_t space_at(std::string_view s, size_t i);

// Collapses runs of white space (ASCII and U+3000) into one ASCII space and trims.
std::string squeeze(std::string_view s);

// The non-empty parts joined by sep ("a、b", never "a、、b").
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// At most max_chars code points; a cut text ends in "…".
std::string shorten(std::string_view s, size_t max_chars);

// Defined here, not in text.cpp: the readers call them for nearly every line and label, and a
// call that cannot be inlined costs more than the comparison.
// glibc's memmem, not string_view::find: find runs memchr on the needle's first byte and then
// memcmp, and in Japanese UTF-8 that lead byte (0xE3 for kana, 0xE4–0xE9 for kanji) is nearly
// every third byte.
inline bool contains(std::string_view hay, std::string_view needle) {
    return needle.empty() || ::memmem(hay.data(), hay.size(), needle.data(), needle.size()) != nullptr;
}
inline bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}
inline bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Splits on '\n', dropping a trailing '\r' of each line.
std::vector<std::string> split_lines(std::string_view s);

// Code points of a UTF-8 string (invalid bytes become U+FFFD).
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);
std::string to_utf8(char32_t c);

// Escapes & < > " ' for XML and HTML text and attributes; NUL bytes are dropped. The one
// markup escaper: render (SVG, GraphML) and report (HTML) both use it.
std::string escape_markup(std::string_view s);

// Number of code points.
size_t length(std::string_view s);
// length(s) > chars, read no further than the code point that decides it (cells can be long).
bool longer_than(std::string_view s, size_t chars);
// The bytes of the code point at s[i] (an invalid byte is one), and where the last one starts.
size_t char_bytes(std::string_view s, size_t i);
size_t last_char_start(std::string_view s);

// Columns the text takes in a fixed-pitch font: two for a wide (CJK) character, one for others.
size_t display_width(std::string_view s);

// Parses an integer written with ASCII, full-width or kanji digits (一二三…十百千); -1 if none.
int parse_number(std::string_view s);

// The readers normalise and key the same labels and cells again and again (the layout rebuild, the
// markdown and the pdftext reader each read every line): Compute's results for short texts are
// remembered, per thread and per function, in a table of kMemoSlots slots, each text in the slot its
// hash picks, where it replaces the text held before. A lookup is one hash and one compare.
template <auto Compute, typename Value = std::invoke_result_t<decltype(Compute), std::string_view>>
Value remembered(std::string_view s) {
    constexpr size_t kMemoMaxBytes = 256, kMemoSlots = size_t{1} << 14;
    if (s.size() > kMemoMaxBytes) return Compute(s);
    struct Slot {
        size_t hash = 0;
        bool used = false;
        std::string key;
        Value value;
    };
    thread_local std::vector<Slot> slots(kMemoSlots);
    const size_t hash = std::hash<std::string_view>{}(s);
    Slot& slot = slots[hash & (kMemoSlots - 1)];
    if (slot.used && slot.hash == hash && slot.key == s) return slot.value;
    slot.value = Compute(s);
    slot.key.assign(s);
    slot.hash = hash;
    slot.used = true;
    return slot.value;
}

}  // namespace piagraph::text
