// piagraph-synth: reading the example assessments as templates (see template.hpp).
#include "template.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "piagraph/io.hpp"
#include "piagraph/limits.hpp"
#include "piagraph/text.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace synth {
namespace {

// Which cell of its row a finding of these kinds points at; every other kind points at the label.
const std::map<std::string, int> kFindingCell = {{"department", 1}, {"retention-band", 1}, {"threshold-form", 1}};
// Kinds reported at the first occurrence in a document only: a clone of their block would not be.
const std::set<std::string> kOncePerDocument = {"ambiguous-reference"};

std::string read(const fs::path& p) { return piagraph::read_file_bytes(p.string(), piagraph::limits::kMaxTextBytes); }

struct Header {
    BlockType type;
    int first = 0, last = 0;  // last != 0: a group row (委託事項6～10)
};

bool header_of(const std::string& line, Header& h) {
    static const std::regex re("^(委託事項|提供先|移転先)([0-9]+)(?:～([0-9]+))?$");
    const std::string l = label_of(line);
    std::smatch m;
    const bool maybe = l.rfind("委託事項", 0) == 0 || l.rfind("提供先", 0) == 0 || l.rfind("移転先", 0) == 0;
    if (!maybe || !std::regex_match(l, m, re)) return false;
    h.type = m[1] == "委託事項" ? kEntrust : m[1] == "提供先" ? kProvision : kTransfer;
    h.first = std::stoi(m[2]);
    h.last = m[3].matched ? std::stoi(m[3]) : 0;
    return true;
}

// A block ends at the next block or group row, a numbered item (6. 特定個人情報の保管・消去) or a blank line.
bool ends_block(const std::string& line) {
    static const std::regex item("^[0-9]+\\. .*");
    Header h;
    const std::string l = label_of(line);
    return l.empty() || header_of(line, h) || std::regex_match(l, item);
}

// The row declaring a run's count: the 委託の有無 / 提供・移転の有無 of the same numbered item above it.
void find_count_row(const std::vector<Line>& lines, Run& run) {
    static const std::regex item("^[0-9]+\\. .*");
    const std::string want = run.type == kEntrust ? "委託の有無" : "提供・移転の有無";
    for (std::size_t i = run.blocks.front().begin; i-- > 0;) {
        const std::string l = label_of(lines[i].text);
        if (std::regex_match(l, item)) return;
        if (l.rfind(want, 0) == 0) {
            run.count_row = i;
            run.count_index = run.type == kTransfer ? 1 : 0;
            return;
        }
    }
}

void find_steps(Template& t) {
    static const std::regex step("^([0-9]+)\\. .*");
    std::size_t i = 0;
    while (i < t.lines.size() && label_of(t.lines[i].text) != "(備考)") ++i;
    while (i + 1 < t.lines.size() && label_of(t.lines[i + 1].text).empty()) ++i;  // the blank line after it
    if (i + 1 >= t.lines.size()) return;
    for (++i; i < t.lines.size() && !label_of(t.lines[i].text).empty(); ++i) {
        std::smatch m;
        const std::string l = label_of(t.lines[i].text);
        if (std::regex_match(l, m, step)) t.last_step = std::stoi(m[1]);
    }
    if (t.last_step > 0) t.steps_end = i;
}

void find_changes(Template& t) {
    for (std::size_t i = 0; i < t.lines.size(); ++i)
        if (label_of(t.lines[i].text) == "変更日") {
            t.change_columns = cells_of(t.lines[i].text).size();
            std::size_t e = i + 1;
            while (e < t.lines.size() && !label_of(t.lines[e].text).empty()) ++e;
            t.changes_end = e;
        }
}

std::string form_of(const std::vector<Line>& lines) {
    for (const char* form : {"全項目", "重点", "基礎"})
        for (std::size_t i = 0; i < std::min<std::size_t>(lines.size(), 10); ++i)
            if (lines[i].text.find(std::string("(") + form) != std::string::npos) return form;
    return "";
}

void plant_examples(Template& t, const json& findings) {
    for (const auto& d : findings) {
        if (fs::path(d["file"].get<std::string>()).filename().string() != t.name) continue;
        const std::size_t line = d["lines"][0].get<std::size_t>();
        if (line == 0 || line > t.lines.size()) continue;
        Planted p;
        p.kind = d["kind"].get<std::string>();
        const auto cell = kFindingCell.find(p.kind);
        if (cell != kFindingCell.end()) p.cell = cell->second;
        if (d.contains("silent_end"))
            p.needs_file = fs::path(d["silent_end"]["file"].get<std::string>()).filename().string();
        t.lines[line - 1].planted.push_back(p);
    }
}

}  // namespace

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t at = text.find(separator); at != std::string::npos; at = text.find(separator, from)) {
        out.push_back(text.substr(from, at - from));
        from = at + 1;
    }
    out.push_back(text.substr(from));
    return out;
}

std::vector<std::string> cells_of(const std::string& line) { return split(line, '\t'); }

std::string label_of(const std::string& line) {
    for (const auto& c : cells_of(line)) {
        std::string t = piagraph::text::trim(c);
        if (!t.empty()) return t;
    }
    return "";
}

std::string last_cell(const std::string& line) {
    const auto cells = cells_of(line);
    for (auto c = cells.rbegin(); c != cells.rend(); ++c) {
        std::string t = piagraph::text::trim(*c);
        if (!t.empty()) return t;
    }
    return "";
}

std::vector<Run> scan_runs(const std::vector<Line>& lines) {
    std::vector<Run> runs;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Header h;
        if (!header_of(lines[i].text, h)) continue;
        if (runs.empty() || runs.back().type != h.type) runs.push_back(Run{h.type, {}, {}, std::string::npos, 0});
        Run& run = runs.back();
        if (h.last != 0) {
            run.groups.push_back(Group{h.first, h.last, i});
            continue;
        }
        Block b{h.first, i, i + 1, ""};
        while (b.end < lines.size() && !ends_block(lines[b.end].text)) ++b.end;
        if (cells_of(lines[i].text).size() > 1 && last_cell(lines[i].text) != label_of(lines[i].text))
            b.subject = last_cell(lines[i].text);
        run.blocks.push_back(b);
    }
    for (auto& run : runs)
        if (!run.blocks.empty()) find_count_row(lines, run);
    return runs;
}

std::vector<Template> load_templates(const std::string& examples_dir) {
    const fs::path examples(examples_dir);
    const json findings = json::parse(read(examples / "expected-findings.json"))["findings"];
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(examples / "midori"))
        if (e.path().extension() == ".txt") names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    std::vector<Template> out;
    for (const auto& name : names) {
        Template t;
        t.name = name;
        for (auto& l : split(read(examples / "midori" / name), '\n')) t.lines.push_back(Line{l, {}});
        t.form = form_of(t.lines);
        for (const auto& l : t.lines) {
            if (l.text.find("[○] 接続しない(提供)") != std::string::npos) t.refuses_network = true;
            if (t.department.empty() && label_of(l.text) == "①部署") t.department = last_cell(l.text);
        }
        plant_examples(t, findings);
        index_template(t);
        out.push_back(std::move(t));
    }
    return out;
}

std::array<std::vector<Prototype>, kBlockTypes> prototypes_of(const Template& t) {
    std::array<std::vector<Prototype>, kBlockTypes> out;
    for (const auto& run : t.runs)
        for (const auto& b : run.blocks) {
            if (b.subject.empty()) continue;
            Prototype p;
            p.type = run.type;
            p.subject = b.subject;
            p.origin = t.name;
            p.network = run.type == kProvision && b.subject.find("情報照会者") != std::string::npos;
            p.lines.assign(t.lines.begin() + static_cast<std::ptrdiff_t>(b.begin),
                           t.lines.begin() + static_cast<std::ptrdiff_t>(b.end));
            bool once = false;
            for (const auto& l : p.lines)
                for (const auto& d : l.planted) {
                    p.defective = true;
                    if (d.kind == "annex1-coverage") p.unmentioned = true;
                    if (kOncePerDocument.count(d.kind)) once = true;
                }
            if (!once) out[run.type].push_back(std::move(p));
        }
    return out;
}

bool is_section_heading(const std::string& label) {
    return label.rfind("II ", 0) == 0 && label.find("特定個人情報ファイルの概要") != std::string::npos;
}

bool starts_section(const std::vector<Line>& lines, std::size_t i) {
    return is_section_heading(label_of(lines[i].text)) && i + 1 < lines.size() && label_of(lines[i + 1].text).empty();
}

void index_template(Template& t) {
    t.runs = scan_runs(t.lines);
    find_steps(t);
    find_changes(t);
}

std::string recount(const std::string& row, int index, int (*change)(int old, int arg), int arg) {
    static const std::regex count(R"(\((\s*)([0-9]+)(\s*)\)(\s*件))");
    int k = 0;
    for (auto m = std::sregex_iterator(row.begin(), row.end(), count); m != std::sregex_iterator(); ++m, ++k)
        if (k == index) {
            const std::size_t at = static_cast<std::size_t>(m->position(2));
            return row.substr(0, at) + std::to_string(change(std::stoi((*m)[2]), arg)) +
                   row.substr(at + static_cast<std::size_t>((*m)[2].length()));
        }
    return row;
}

namespace {

bool after_sections(const std::string& label) {
    return label.rfind("III ", 0) == 0 || label.rfind("(別添", 0) == 0 || label.rfind("（別添", 0) == 0;
}

// The section cut down to the first block of each run, its counts set to match.
Section cut_down(std::vector<Line> lines) {
    std::vector<bool> drop(lines.size(), false);
    const auto runs = scan_runs(lines);
    for (const auto& run : runs)
        for (const auto& b : run.blocks)
            if (b.number >= 2)
                for (std::size_t i = b.begin; i < b.end; ++i) drop[i] = true;
    for (const auto& run : runs)
        if (run.count_row != std::string::npos)
            lines[run.count_row].text = recount(
                lines[run.count_row].text, run.count_index, [](int, int kept) { return kept; }, 1);
    Section s;
    static const std::regex file_name(R"(^\(1\)\s*(.+)$)");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (drop[i]) continue;
        std::smatch m;
        const std::string l = label_of(lines[i].text);
        if (s.file_name.empty() && std::regex_match(l, m, file_name)) s.file_name = m[1];
        s.lines.push_back(std::move(lines[i]));
    }
    return s;
}

}  // namespace

std::size_t sections_end(const std::vector<Line>& lines) {
    std::size_t last = std::string::npos;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (starts_section(lines, i)) last = i;
    for (std::size_t i = last; last != std::string::npos && i < lines.size(); ++i)
        if (after_sections(label_of(lines[i].text))) return i;
    return std::string::npos;
}

std::vector<Section> clean_sections(const Template& t) {
    std::vector<Section> out;
    const std::size_t end = sections_end(t.lines);
    if (t.form != "全項目" || end == std::string::npos) return out;
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < end; ++i)
        if (starts_section(t.lines, i)) starts.push_back(i);
    starts.push_back(end);
    const auto runs = scan_runs(t.lines);
    for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
        bool clean = true;
        for (std::size_t i = starts[k]; i < starts[k + 1] && clean; ++i) {
            bool in_block = false;
            for (const auto& run : runs)
                for (const auto& b : run.blocks) in_block = in_block || (i >= b.begin && i < b.end && b.number >= 2);
            clean = in_block || t.lines[i].planted.empty();
        }
        if (!clean) continue;
        Section s = cut_down({t.lines.begin() + static_cast<std::ptrdiff_t>(starts[k]),
                              t.lines.begin() + static_cast<std::ptrdiff_t>(starts[k + 1])});
        s.department = t.department;
        if (!s.file_name.empty()) out.push_back(std::move(s));
    }
    return out;
}

}  // namespace synth
