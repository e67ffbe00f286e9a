#include "pdf_text.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <utf8proc.h>

#include <algorithm>
#include <memory>

#include "piagraph/error.hpp"
#include "piagraph/io.hpp"
#include "piagraph/text.hpp"
#include "text_repairs.hpp"

namespace piagraph {

namespace {

// Poppler reports recoverable damage on stderr by default; piagraph says one line of its own.
void silence_poppler() {
    static const bool once = [] {
        poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
        return true;
    }();
    (void)once;
}

// A complete PDF ends with %%EOF (trailing bytes after it are tolerated). Poppler would rebuild a
// truncated file's cross-reference table and quietly return its first pages only.
bool ends_like_pdf(std::string_view bytes) {
    const size_t tail = std::min<size_t>(bytes.size(), 2048);
    return bytes.substr(bytes.size() - tail).find("%%EOF") != std::string_view::npos;
}

InputError broken_pdf(const std::string& path) {
    return InputError(
        path, 0,
        {"PDF が壊れているか途中で切れています（読み込めません）", "the PDF is broken or truncated (cannot be read)"});
}

// What a page's text is: readable, empty (a scanned image, a blank page) or garbled (fonts
// without a Unicode mapping give private-use, replacement or unassigned code points).
enum class PageText { readable, empty, garbled };

bool garbage_code_point(char32_t c) {
    if (c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF)) return true;
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return category == UTF8PROC_CATEGORY_CN || category == UTF8PROC_CATEGORY_CO ||
           (category == UTF8PROC_CATEGORY_CC && c != '\t' && c != '\n' && c != '\r');
}

PageText classify(const std::u32string& text) {
    size_t visible = 0, garbage = 0;
    for (char32_t c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x3000) continue;
        ++visible;
        garbage += garbage_code_point(c);
    }
    if (visible == 0) return PageText::empty;
    // A real page has a stray symbol or two; a page in an unmapped font is mostly garbage.
    return garbage * 4 >= visible ? PageText::garbled : PageText::readable;
}

// The page's text without control characters, ending with a newline.
std::string clean_page(const std::u32string& text) {
    std::u32string out;
    out.reserve(text.size() + 1);
    for (char32_t c : text)
        if (c == '\n' || c == '\t' || utf8proc_category(static_cast<utf8proc_int32_t>(c)) != UTF8PROC_CATEGORY_CC)
            out += c;
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    out += U'\n';
    return text::to_utf8(out);
}

// 2000 -> "2,000", as the limit is written in messages.
std::string with_thousands(int n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
    return digits;
}

// The text of a page, or of each page of a sheet printed with two pages side by side (2-up, as
// offices print to save paper: a landscape sheet whose halves hold a page each, with its own header
// and footer), left then right. A sheet is two pages only where no word crosses its middle and each
// half holds some: a landscape page of the form (a wide table, 別添1's diagram) has words across it.
std::vector<std::u32string> page_texts(const poppler::document& pdf, int index) {
    constexpr size_t kMinWordsPerHalf = 3;
    std::unique_ptr<poppler::page> page(pdf.create_page(index));
    if (!page) return {};
    const auto text_in = [&](const poppler::rectf& r) {
        const poppler::byte_array utf8 = page->text(r, poppler::page::physical_layout).to_utf8();
        return text::to_u32(std::string_view(utf8.data(), utf8.size()));
    };
    const poppler::rectf sheet = page->page_rect();
    if (sheet.width() > sheet.height()) {
        const double middle = sheet.x() + sheet.width() / 2;
        size_t left = 0, right = 0;
        bool crosses = false;
        for (const poppler::text_box& box : page->text_list()) {
            const poppler::rectf b = box.bbox();
            crosses = crosses || (b.x() < middle && b.x() + b.width() > middle);
            (b.x() + b.width() <= middle ? left : right)++;
        }
        if (!crosses && left >= kMinWordsPerHalf && right >= kMinWordsPerHalf)
            return {text_in(poppler::rectf(sheet.x(), sheet.y(), middle - sheet.x(), sheet.height())),
                    text_in(poppler::rectf(middle, sheet.y(), sheet.x() + sheet.width() - middle, sheet.height()))};
    }
    return {text_in(poppler::rectf())};
}

}  // namespace

bool is_pdf(std::string_view bytes) {
    // The header may follow a few bytes of junk (the spec allows it within the first 1,024).
    return bytes.substr(0, std::min<size_t>(bytes.size(), 1024)).find("%PDF-") != std::string_view::npos;
}

int Document::page_of(int line) const {
    if (page_starts.empty() || line <= 0) return 0;
    auto it = std::upper_bound(page_starts.begin(), page_starts.end(), line);
    return static_cast<int>(it - page_starts.begin());
}

namespace ingest_detail {

Document decode_pdf(const std::string& bytes, const std::string& path, const IngestOptions& options) {
    if (bytes.size() > options.max_pdf_bytes) throw too_large_error(path, options.max_pdf_bytes);
    if (!ends_like_pdf(bytes)) throw broken_pdf(path);
    silence_poppler();
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) throw broken_pdf(path);
    // Asked before anything else: a locked document has no readable page tree.
    if (pdf->is_locked())
        throw InputError(
            path, 0,
            {"パスワードで保護された PDF です。保護を解除した PDF か、テキストに変換したものを指定してください",
             "the PDF is password-protected; give an unprotected PDF or its text"});
    if (pdf->pages() <= 0) throw broken_pdf(path);
    const int pages = pdf->pages();
    if (pages > options.max_pdf_pages) {
        const std::string limit = with_thousands(options.max_pdf_pages);
        throw InputError(
            path, 0,
            {"ページ数が多すぎます（" + std::to_string(pages) + " ページ、上限 " + limit +
                 " ページ）。評価書ごとに分けてください",
             "too many pages (" + std::to_string(pages) + ", limit " + limit + "); split it per assessment"});
    }
    Document doc;
    doc.path = path;
    doc.encoding = "PDF";
    int line = 1, empty = 0, garbled = 0;
    for (int i = 0; i < pages; ++i) {
        const std::vector<std::u32string> halves = page_texts(*pdf, i);
        std::u32string text;
        for (const auto& half : halves) text += half;
        const PageText kind = classify(text);
        // Page k starts on its own line; an unreadable page is an empty line, so the numbering
        // of the pages after it stays true. The pages of a 2-up sheet are parted as pages are.
        doc.page_starts.push_back(line);
        std::string page;
        if (kind == PageText::readable) {
            for (size_t h = 0; h < halves.size(); ++h) page += (h > 0 ? "\f" : "") + clean_page(halves[h]);
        } else {
            page = "\n";
            doc.unread_pages.push_back(i + 1);
            (kind == PageText::empty ? empty : garbled)++;
        }
        line += static_cast<int>(std::count(page.begin(), page.end(), '\n'));
        if (i > 0) doc.text += '\f';  // where pdftotext puts its page break: before the page
        doc.text += page;
    }
    if (empty == pages)
        throw InputError(path, 0,
                         {"文字情報がない PDF です（スキャン画像）。OCR したテキストを指定してください",
                          "the PDF has no text (a scanned image); give the text from OCR"});
    if (empty + garbled == pages)
        throw InputError(path, 0,
                         {"PDF のフォントに文字の対応表（ToUnicode）がなく、文字を読み取れません。OCR "
                          "したテキストを指定してください",
                          "the PDF's fonts have no Unicode mapping, so its characters cannot be read; give the "
                          "text from OCR"});
    doc.text = repaired_text(std::move(doc.text));
    doc.lines = text::split_lines(doc.text);
    doc.format = detect_format(doc.lines);
    return doc;
}

}  // namespace ingest_detail

}  // namespace piagraph
