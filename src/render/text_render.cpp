// Label wrapping and the escaping of document text for DOT, Mermaid and XML.
#include <utf8proc.h>

#include "escape.hpp"
#include "piagraph/render.hpp"
#include "piagraph/text.hpp"

namespace piagraph {
namespace {

int display_width(char32_t c) {
    const int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
    return w < 0 ? 1 : w;
}

// Where a line may break after this character: Japanese punctuation and ASCII spaces.
bool break_after(char32_t c) {
    return c == U' ' || c == U'、' || c == U'。' || c == U'・' || c == U'）' || c == U')' || c == U'，' || c == U',' ||
           c == U'／' || c == U'/';
}

}  // namespace

std::string wrap_text(std::string_view input, int columns, int max_lines) {
    const std::u32string s = text::to_u32(text::squeeze(render_detail::clean_text(input)));
    std::vector<std::u32string> lines(1);
    int width = 0;
    size_t last_break = std::u32string::npos;  // index in the current line after which to break
    for (char32_t c : s) {
        const int w = display_width(c);
        std::u32string& line = lines.back();
        if (width + w > columns && !line.empty()) {
            std::u32string rest;
            // Break at punctuation when it leaves at least half a line behind.
            if (last_break != std::u32string::npos && last_break + 1 < line.size() &&
                (int)last_break * 2 >= (int)line.size()) {
                rest = line.substr(last_break + 1);
                line.resize(last_break + 1);
            }
            while (!line.empty() && line.back() == U' ') line.pop_back();
            lines.push_back(rest);
            width = 0;
            for (char32_t r : rest) width += display_width(r);
            last_break = std::u32string::npos;
        }
        if (lines.back().empty() && c == U' ') continue;
        lines.back().push_back(c);
        width += w;
        if (break_after(c)) last_break = lines.back().size() - 1;
    }
    const bool cut = max_lines > 0 && (int)lines.size() > max_lines;
    if (cut) {
        lines.resize(max_lines);
        std::u32string& last = lines.back();
        int lw = 0;
        for (char32_t c : last) lw += display_width(c);
        while (!last.empty() && lw + 2 > columns) {
            lw -= display_width(last.back());
            last.pop_back();
        }
        last += U'…';
    }
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i) out += '\n';
        out += text::to_utf8(lines[i]);
    }
    return out;
}

namespace render_detail {

std::string clean_text(std::string_view s) {
    std::u32string out;
    for (char32_t c : text::to_u32(s)) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) c = U' ';
        if ((c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF || c > 0x10FFFF) continue;
        out.push_back(c);
    }
    return text::to_utf8(out);
}

std::string graphviz_text(std::string_view s) {
    std::string out;
    for (const std::string& line : text::split_lines(s)) {
        if (!out.empty()) out += "\\n";
        for (char32_t c : text::to_u32(clean_text(line))) {
            if (c == U'\\') c = U'＼';
            if (c == U'&') c = U'＆';
            out += text::to_utf8(c);
        }
    }
    return out;
}

std::string mermaid_text(std::string_view s) {
    std::string out;
    for (const std::string& line : text::split_lines(s)) {
        if (!out.empty()) out += "<br/>";
        for (unsigned char ch : clean_text(line)) {
            switch (ch) {
                case '"':
                    out += "#quot;";
                    break;
                case '&':
                    out += "#amp;";
                    break;
                case '<':
                    out += "#lt;";
                    break;
                case '>':
                    out += "#gt;";
                    break;
                case '#':
                case '[':
                case ']':
                case '{':
                case '}':
                case '(':
                case ')':
                case '|':
                case ';':
                case '`':
                case '\\':
                case '%':
                case '*':
                case '_':
                case '~':
                    out += "#" + std::to_string(ch) + ";";
                    break;
                default:
                    out += static_cast<char>(ch);
            }
        }
    }
    return out;
}

std::string xml_text(std::string_view s) {
    std::string out;
    for (const std::string& line : text::split_lines(s)) {
        if (!out.empty()) out += "&#10;";
        out += text::escape_markup(clean_text(line));
    }
    return out;
}

}  // namespace render_detail
}  // namespace piagraph
