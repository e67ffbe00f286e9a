#include "piagraph/text.hpp"

#include <utf8proc.h>

#include <cstdlib>

namespace piagraph::text {

std::string nfkc(std::string_view s) {
    if (s.empty()) return {};
    utf8proc_uint8_t* out = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                          &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
    if (n < 0 || out == nullptr) return std::string(s);  // invalid UTF-8: leave as is
    std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
    std::free(out);
    return r;
}

namespace {
bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0x3000 || c == 0xA0; }
}  // namespace

std::string match_key(std::string_view s) {
    std::u32string in = to_u32(nfkc(s));
    std::u32string out;
    out.reserve(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        char32_t c = in[i];
        if (is_space(c)) continue;
        if (c == U'〇' || c == U'◯') c = U'○';
        if (c == U'ｰ' || c == U'−' || c == U'－') c = U'ー';
        // サーバー/サーバ, インターフェイス/インタフェース: drop the long-vowel mark after katakana
        if (c == U'ー' && !out.empty() && out.back() >= 0x30A0 && out.back() <= 0x30FF) continue;
        out.push_back(c);
    }
    return to_utf8(out);
}

std::string trim(std::string_view s) {
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
    return std::string(s);
}

std::string squeeze(std::string_view s) {
    std::u32string in = to_u32(s), out;
    bool space = false;
    for (char32_t c : in) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(U' ');
        space = false;
        out.push_back(c);
    }
    return to_utf8(out);
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
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
    std::u32string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(static_cast<char32_t>(cp));
        i += static_cast<size_t>(n);
    }
    return out;
}

std::string to_utf8(char32_t c) {
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
    return std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
}

std::string to_utf8(std::u32string_view s) {
    std::string out;
    out.reserve(s.size() * 3);
    for (char32_t c : s) out += to_utf8(c);
    return out;
}

size_t length(std::string_view s) { return to_u32(s).size(); }

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
