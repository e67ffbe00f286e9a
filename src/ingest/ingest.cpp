#include "piagraph/ingest.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

#include "pdf_text.hpp"
#include "piagraph/error.hpp"
#include "piagraph/io.hpp"
#include "piagraph/text.hpp"
#include "text_repairs.hpp"

namespace piagraph {

namespace {

// Converts with iconv; returns false if any byte sequence is invalid or incomplete.
bool convert(std::string_view bytes, const char* from, std::string& out, size_t& bad_offset) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.assign(bytes.size() * 2 + 16, '\0');
    char* in_ptr = const_cast<char*>(bytes.data());
    size_t in_left = bytes.size();
    char* out_ptr = out.data();
    size_t out_left = out.size();
    bool ok = true;
    while (in_left > 0) {
        size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
        if (r != static_cast<size_t>(-1)) continue;
        if (errno == E2BIG) {
            size_t used = static_cast<size_t>(out_ptr - out.data());
            out.resize(out.size() * 2);
            out_ptr = out.data() + used;
            out_left = out.size() - used;
            continue;
        }
        ok = false;
        bad_offset = bytes.size() - in_left;
        break;
    }
    out.resize(static_cast<size_t>(out_ptr - out.data()));
    iconv_close(cd);
    return ok;
}

// Offset of the first invalid UTF-8 sequence, or npos. `truncated` is set when the only
// problem is an incomplete sequence at the very end.
size_t invalid_utf8(std::string_view s, bool& truncated) {
    truncated = false;
    size_t i = 0, n = s.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || (len == 2 && c < 0xC2)) return i;
        if (i + len > n) {
            for (size_t k = i + 1; k < n; ++k)
                if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) return i;
            truncated = true;
            return i;
        }
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::string::npos;
}

int line_at(std::string_view bytes, size_t offset) {
    offset = std::min(offset, bytes.size());
    return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'));
}

// UTF-16 without a BOM: ASCII (newlines, tabs, digits, HTML) puts a NUL in the high byte of its
// code unit, and no UTF-8 text has NULs. Japanese characters of the form U+xx00 (U+3000, 一 …)
// put a few NULs on the other side, so the side with clearly more NULs wins.
const char* sniff_utf16(std::string_view bytes) {
    size_t even = 0, odd = 0, probe = std::min<size_t>(bytes.size(), 64 * 1024);
    for (size_t i = 0; i < probe; ++i)
        if (bytes[i] == '\0') (i % 2 ? odd : even)++;
    if (probe < 8 || bytes.size() % 2 != 0) return nullptr;
    if (odd >= 2 && odd > 4 * even) return "UTF-16LE";
    if (even >= 2 && even > 4 * odd) return "UTF-16BE";
    return nullptr;
}

// Valid multi-byte UTF-8 sequences versus invalid bytes. UTF-8 Japanese text with a corrupt byte
// has hundreds of the former per one of the latter; Shift_JIS text read as UTF-8 has many
// invalid bytes and only chance sequences.
bool mostly_utf8(std::string_view s) {
    size_t valid = 0, invalid = 0, i = 0, n = s.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = (c >> 5) == 0x6 && c >= 0xC2 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (ok) {
            ++valid;
            i += len;
        } else {
            ++invalid;
            ++i;
        }
    }
    return valid >= 16 && invalid * 50 < valid;
}

// Control bytes other than tab, newline, carriage return and form feed mean binary data.
size_t first_control(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return i;
        if (c == 0x7F) return i;
    }
    return std::string::npos;
}

InputError binary_error(const std::string& path, int line) {
    return InputError(
        path, line,
        {"テキストファイルでも PDF でもありません（バイナリデータ）", "neither a text file nor a PDF (binary data)"});
}

}  // namespace

bool is_json_model(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '{';
}

const char* format_name(TextFormat f) { return f == TextFormat::markdown ? "markdown" : "pdftext"; }

TextFormat detect_format(const std::vector<std::string>& lines) {
    // Markdown-like conversions put a label and its value on one row (tab-separated, a pipe table
    // or an HTML table) and keep HTML fragments; pdftotext output has neither.
    size_t tab_rows = 0, html = 0;
    for (const auto& l : lines) {
        const size_t lead = l.find_first_not_of(" \t");
        if (l.find('\t') != std::string::npos || (lead != std::string::npos && l[lead] == '|')) ++tab_rows;
        if (l.find("<div") != std::string::npos || l.find("<input") != std::string::npos ||
            l.find("<p>") != std::string::npos || l.find("<ul") != std::string::npos ||
            l.find("<td") != std::string::npos || l.find("<tr") != std::string::npos)
            ++html;
    }
    return (tab_rows + html) * 20 >= lines.size() && tab_rows + html >= 5 ? TextFormat::markdown : TextFormat::pdftext;
}

Document decode_document(const std::string& raw, const std::string& path, const IngestOptions& options) {
    if (is_pdf(raw)) return ingest_detail::decode_pdf(raw, path, options);
    if (raw.size() > options.max_bytes) throw too_large_error(path, options.max_bytes);
    Document doc;
    doc.path = path;
    std::string_view bytes = raw;  // the document without its BOM
    std::string text;
    size_t bad = 0;
    auto starts = [&](const char* bom, size_t n) { return bytes.size() >= n && bytes.compare(0, n, bom, n) == 0; };
    if (starts("\xEF\xBB\xBF", 3)) {
        bytes.remove_prefix(3);
        doc.encoding = "UTF-8";
    } else if (starts("\xFF\xFE", 2) || starts("\xFE\xFF", 2)) {
        doc.encoding = starts("\xFF\xFE", 2) ? "UTF-16LE" : "UTF-16BE";
        bytes.remove_prefix(2);
    } else if (const char* enc = sniff_utf16(bytes)) {
        doc.encoding = enc;
    }
    if (doc.encoding.rfind("UTF-16", 0) == 0) {
        if (!convert(bytes, doc.encoding.c_str(), text, bad))
            throw InputError(path, 0,
                             {"UTF-16 として読めません（途中で切れているか壊れています）",
                              "not valid UTF-16 (truncated or corrupt)"});
    } else {
        bool truncated = false;
        size_t invalid = invalid_utf8(bytes, truncated);
        if (invalid == std::string::npos) {
            text = std::string(bytes);
            doc.encoding = "UTF-8";
        } else if (truncated) {
            throw InputError(path, line_at(bytes, invalid),
                             {"UTF-8 の文字が途中で切れています（ファイルが不完全です）",
                              "UTF-8 text ends in the middle of a character (truncated file)"});
        } else if (size_t ctl = first_control(bytes); ctl != std::string::npos) {
            throw binary_error(path, line_at(bytes, ctl));
        } else if (mostly_utf8(bytes)) {
            throw InputError(path, line_at(bytes, invalid),
                             {"UTF-8 として不正なバイト列があります（ファイルが壊れている可能性があります）",
                              "invalid UTF-8 byte sequence (the file may be corrupt)"});
        } else if (convert(bytes, "CP932", text, bad)) {
            doc.encoding = "CP932";
        } else {
            throw InputError(path, line_at(bytes, invalid),
                             {"文字コードを判別できません（UTF-8、Shift_JIS、UTF-16 のいずれでもありません）",
                              "unknown encoding (neither UTF-8, Shift_JIS nor UTF-16)"});
        }
    }
    if (size_t ctl = first_control(text); ctl != std::string::npos) throw binary_error(path, line_at(text, ctl));
    if (text::trim_view(text).empty()) throw InputError(path, 0, {"ファイルが空です", "the file is empty"});
    doc.text = ingest_detail::repaired_text(std::move(text));
    doc.lines = text::split_lines(doc.text);
    doc.format = detect_format(doc.lines);
    return doc;
}

Document load_document(const std::string& path, const IngestOptions& options) {
    return decode_document(read_file_bytes(path, options.read_limit()), path, options);
}

}  // namespace piagraph
