// The one citation parser of the legal rules (REFERENCE §2.3), and the dates they depend on.
#include <algorithm>
#include <regex>

#include "piagraph/checks.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph {

namespace {

// Law names as they are written (data/dictionary.json checks/law_names), in the file's order:
// longest first within a meaning, the first match at a position wins.
struct LawName {
    std::string written;
    std::string law;
    std::string era;
};
const std::vector<LawName>& law_names() {
    static const std::vector<LawName> names = [] {
        std::vector<LawName> out;
        for (const auto& n : Dictionary::get().raw().at("checks").at("law_names"))
            out.push_back(
                {n.at("written").get<std::string>(), n.at("law").get<std::string>(), n.at("era").get<std::string>()});
        return out;
    }();
    return names;
}

bool is_kanji_digit(char32_t c) {
    return std::u32string_view(U"〇一二三四五六七八九十百千").find(c) != std::u32string_view::npos;
}

// NFKC, then kanji numerals after 第 (and before 条/項/号) as ASCII digits: 第十九条第八号 -> 第19条第8号.
std::string normalise(std::string_view in) {
    std::u32string s = text::to_u32(text::nfkc(in));
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        if (is_kanji_digit(s[i]) &&
            ((i > 0 && (s[i - 1] == U'第' || s[i - 1] == U'条')) || (i + 1 < s.size() && is_kanji_digit(s[i + 1])))) {
            size_t j = i;
            while (j < s.size() && is_kanji_digit(s[j])) ++j;
            char32_t next = j < s.size() ? s[j] : 0;
            bool numeral_position = (i > 0 && s[i - 1] == U'第') || next == U'条' || next == U'項' || next == U'号';
            int n = numeral_position ? text::parse_number(text::to_utf8(s.substr(i, j - i))) : -1;
            if (n >= 0) {
                out += text::to_u32(std::to_string(n));
                i = j;
                continue;
            }
        }
        if (s[i] != U' ' && s[i] != U'\u3000') out.push_back(s[i]);
        ++i;
    }
    return text::to_utf8(out);
}

struct LawMention {
    size_t begin, end;
    std::string law, era;
};

std::vector<LawMention> law_mentions(const std::string& s) {
    std::vector<LawMention> out;
    std::string last;
    for (size_t i = 0; i < s.size();) {
        bool hit = false;
        for (const auto& n : law_names()) {
            std::string_view w = n.written;
            if (s.compare(i, w.size(), w) != 0) continue;
            std::string law = n.law;
            if (law.empty()) law = last;
            out.push_back({i, i + w.size(), law, n.era});
            if (law != "施行令" && !law.empty()) last = law;
            i += w.size();
            hit = true;
            break;
        }
        if (!hit) ++i;
    }
    return out;
}

int read_int(const std::string& s, size_t& i) {
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j == i) return -1;
    int n = std::stoi(s.substr(i, std::min<size_t>(j - i, 6)));
    i = j;
    return n;
}

bool skip(const std::string& s, size_t& i, std::string_view word) {
    if (s.compare(i, word.size(), word) != 0) return false;
    i += word.size();
    return true;
}

// The law mentioned last before `pos`, if any.
const LawMention* law_before(const std::vector<LawMention>& laws, size_t pos) {
    const LawMention* best = nullptr;
    for (const auto& m : laws)
        if (m.end <= pos) best = &m;
    return best;
}

// 第N条(のM)(第P項)(第Q号) citations, each with the law named before it.
void add_article_citations(const std::string& s, const std::vector<LawMention>& laws, std::vector<Citation>& out) {
    // At most six digits per number: a longer one (a damaged text) is no citation, and stoi never
    // overflows.
    static const std::regex article(R"(第(\d{1,6})条(?:の(\d{1,6}))?(?:(?:第)?(\d{1,6})項)?(?:(?:第)?(\d{1,6})号)?)");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), article); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        Citation c;
        size_t pos = static_cast<size_t>(m.position(0));
        if (const LawMention* l = law_before(laws, pos)) {
            c.law = l->law;
            c.era = l->era;
        }
        // 第2条 right after a 命令's name belongs to it; a bare 第9条/第19条 is the 番号法's.
        int art = std::stoi(m[1].str());
        if (c.law.empty() && (art == 9 || art == 19)) c.law = "番号法";
        c.article = art;
        c.article_sub = m[2].matched ? std::stoi(m[2].str()) : 0;
        c.paragraph = m[3].matched ? std::stoi(m[3].str()) : 0;
        c.item = m[4].matched ? std::stoi(m[4].str()) : 0;
        c.raw = m[0].str();
        out.push_back(c);
    }
}

// 別表 references, each with the law named before it.
void add_table_citations(const std::string& s, const std::vector<LawMention>& laws, std::vector<Citation>& out) {
    // 別表 references: 別表第24項 (current law item 24), 別表第2の第3欄 (repealed table 2),
    // 別表第一 第16号 (table 1, item written as 号), 別表第1 of a 条例.
    const std::string table_word = "別表";
    for (size_t at = s.find(table_word); at != std::string::npos; at = s.find(table_word, at + 1)) {
        // Inside a 命令's name (別表第1の主務省令で定める…) the 別表 is part of the name.
        bool inside_name =
            std::any_of(laws.begin(), laws.end(), [&](const auto& l) { return at >= l.begin && at < l.end; });
        if (inside_name) continue;
        Citation c;
        const LawMention* l = law_before(laws, at);
        c.law = l ? l->law : "番号法";
        if (c.law == "提供命令" || c.law == "主務省令" || c.law == "別表第一省令" || c.law == "別表第二省令" ||
            c.law == "施行令")
            c.law = "番号法";
        size_t i = at + table_word.size();
        int n = -1;
        if (skip(s, i, "第")) n = read_int(s, i);
        if (n >= 0 && skip(s, i, "項")) {
            c.table = "別表";
            c.table_item = n;
        } else {
            if (n < 0)
                c.table = "別表";
            else if (c.law == "番号法" && n <= 2)
                c.table = n == 1 ? "別表第一" : "別表第二";
            else if (c.law == "番号法")
                c.table = "別表", c.table_item = n;
            else
                c.table = "別表第" + std::to_string(n);
            size_t j = i;
            skip(s, j, "の") || skip(s, j, "第");
            if (int item = read_int(s, j); item >= 0) {
                skip(s, j, "の");
                if (skip(s, j, "項"))
                    c.table_item = item;
                else if (skip(s, j, "号"))
                    c.table_item = item, c.table_item_written_as_go = true;
                i = j;
            }
        }
        if (c.law == "番号法") c.era = (c.table == "別表第一" || c.table == "別表第二") ? "pre-2024" : "post-2024";
        c.raw = s.substr(at, std::min(i, s.size()) - at);
        out.push_back(c);
    }
}

}  // namespace

std::vector<Citation> parse_citations(std::string_view input) {
    const std::string s = normalise(input);
    const auto laws = law_mentions(s);
    std::vector<Citation> out;
    add_article_citations(s, laws, out);
    add_table_citations(s, laws, out);
    // Laws named without an article (住基法, 条例 …) still count as cited.
    for (const auto& l : laws) {
        bool has = std::any_of(out.begin(), out.end(), [&](const Citation& c) { return c.law == l.law; });
        if (!has && !l.law.empty()) {
            Citation c;
            c.law = l.law;
            c.era = l.era;
            c.raw = s.substr(l.begin, l.end - l.begin);
            out.push_back(c);
        }
    }
    // A 命令 named after the 番号法 article it rests on carries that era.
    for (const auto& l : laws)
        if (!l.era.empty())
            for (auto& c : out)
                if (c.law == l.law && c.era.empty()) c.era = l.era;
    return out;
}

bool cites(const std::vector<Citation>& cs, const std::string& law, int article, int item) {
    return std::any_of(cs.begin(), cs.end(), [&](const Citation& c) {
        return c.law == law && c.article == article && (item == 0 || c.item == item);
    });
}

bool mentions_law(const std::vector<Citation>& cs, const std::string& law) {
    return std::any_of(cs.begin(), cs.end(), [&](const Citation& c) { return c.law == law; });
}

std::string parse_japanese_date(std::string_view input) {
    const std::string s = normalise(input);
    // Bounded digits, as in parse_citations: a longer number is no date, and stoi never overflows.
    static const std::regex era(R"((令和|平成|R|H)(\d{1,3}|元)年(?:(\d{1,2})月)?(?:(\d{1,2})日)?)");
    static const std::regex western(R"((\d{4})[-/年.](\d{1,2})(?:[-/月.](\d{1,2}))?)");
    std::smatch m;
    int y = 0, mo = 1, d = 1;
    if (std::regex_search(s, m, era)) {
        int n = m[2].str() == "元" ? 1 : std::stoi(m[2].str());
        bool reiwa = m[1].str() == "令和" || m[1].str() == "R";
        y = (reiwa ? 2018 : 1988) + n;
        if (m[3].matched) mo = std::stoi(m[3].str());
        if (m[4].matched) d = std::stoi(m[4].str());
    } else if (std::regex_search(s, m, western)) {
        y = std::stoi(m[1].str());
        mo = std::stoi(m[2].str());
        if (m[3].matched) d = std::stoi(m[3].str());
    } else {
        return "";
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
    return buf;
}

std::string assessment_date(const Assessment& a) {
    std::string latest = parse_japanese_date(a.published);
    for (const auto& c : a.changes) latest = std::max(latest, parse_japanese_date(c.date));
    return latest;
}

}  // namespace piagraph
