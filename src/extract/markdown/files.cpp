// The II file blocks of the markdown-like conversion: the fields of a block (its names, 基本情報,
// 保管・消去), where a block whose heading was lost starts, the III risk flags of each file, and
// the assessment's file list at its end. 入手, 委託 and 提供・移転 are read in flows.cpp.
#include <algorithm>
#include <regex>

#include "../form_labels.hpp"
#include "piagraph/text.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::markdown {

void read_selection(FileBlock& f, const char* field, const std::string& value, const char* group, std::string& out,
                    int line) {
    if (auto selected = selected_option(value, group)) {
        out = *selected;
        f.locs[field] = Loc::at(line);
    } else if (!find_options(value, group).empty()) {
        f.marks[field] = "none";
        f.locs[field] = Loc::at(line);
    }
}

void read_basic_info_row(const Row& r, FileBlock& f) {
    const FormLabels& labels = FormLabels::get();
    if (labels.is("file_population", r.key)) {
        read_selection(f, "population", r.value, "persons", f.population, r.line);
    } else if (labels.is("file_scope", r.key)) {
        read_text(f.locs, "population_scope", r.value, f.population_scope, r.line);
    } else if (labels.is("file_department", r.key)) {
        read_text(f.locs, "department", r.value, f.department, r.line);
    } else if (labels.is("record_categories", r.key)) {
        // ④主な記録項目: no category checked at all (not even 個人番号) is a group that lost its marks.
        for (const auto& hit : read_choices(r.value, "record_categories").checked)
            f.record_categories.push_back(hit.label);
        if (f.record_categories.empty()) f.marks["record_categories"] = "none";
        f.locs["record_categories"] = Loc::at(r.line);
    }
}

void read_storage_row(const Row& r, FileBlock& f) {
    const FormLabels& labels = FormLabels::get();
    if (labels.is("storage", r.key)) {
        read_text(f.locs, "storage", r.value, f.storage, r.line);
    } else if (labels.is("retention", r.key)) {
        read_selection(f, "retention", r.value, "retention", f.retention, r.line);
    } else if (labels.is("retention_reason", r.key) && f.locs.count("retention") && !f.locs.count("retention_reason")) {
        // ②保管期間 その妥当性: the row after 期間 (II-6 has no other その妥当性).
        read_text(f.locs, "retention_reason", r.value, f.retention_reason, r.line);
    } else if (labels.is("erasure", r.key)) {
        read_text(f.locs, "erasure", r.value, f.erasure, r.line);
    }
}

void read_risk_row(const Row& r, Assessment& as, int risk_file) {
    std::string joined;
    for (const auto& c : r.cells) joined += c + " ";
    if (!may_hold_mark(joined)) return;  // a flag is read from its mark: most rows of III are prose
    for (const auto& hit : find_options(joined, "risk_flags")) {
        if (!hit.mark) continue;
        if (as.files.empty()) files_from_names(as);
        // 基礎項目評価書 IV has one set of flags for the whole assessment: every file gets them.
        const size_t first = risk_file < 0 ? 0 : std::min(static_cast<size_t>(risk_file), as.files.size() - 1);
        const size_t last = risk_file < 0 ? as.files.size() : first + 1;
        for (size_t i = first; i < last && i < as.files.size(); ++i) {
            as.files[i].risk_flags[hit.label] = *hit.mark;
            as.files[i].locs["risk_flags"] = Loc::at(r.line);
        }
    }
}

namespace {

// The number of a list item that opens a line (2. 交渉記録ファイル), 0 for none.
int list_item_number(const std::string& text) {
    size_t i = 0;
    int number = 0;
    while (i < text.size() && i < 3 && text[i] >= '0' && text[i] <= '9') number = number * 10 + (text[i++] - '0');
    while (i < text.size() && text[i] == ' ') ++i;
    return i > 0 && i < text.size() && text[i] == '.' ? number : 0;
}

// The names of lines of a list of files, read one after the other (append_name_line).
std::vector<std::string> names_of(const std::vector<std::string>& lines) {
    std::vector<std::string> names;
    for (const auto& line : lines) append_name_line(names, line);
    return names;
}

}  // namespace

// A short single-cell line among the few lines above the block's first label ("個人住民税ファイル",
// "1. 滞納処分ファイル 2. 交渉記録ファイル"), past any item heading of the block that was kept
// (2. 基本情報); with the lines above it that the same list goes on from: its items before
// (1. 滞納処分ファイル | 2. 交渉記録ファイル), or the head of a name it finishes (国民健康保険ファイ | ル).
std::optional<std::pair<std::vector<std::string>, int>> file_names_above(const Document& doc, int line) {
    constexpr int kLookBack = 3;  // lines with text
    constexpr size_t kNameChars = 40;
    static const std::regex numbered(R"(^[0-9]+\s*\.\s*(.+)$)");
    auto names_line = [&](const Row& r) -> std::optional<std::string> {
        if (r.cells.size() != 1 || is_field_label(r.key) || r.first_circled > 0) return std::nullopt;
        std::string text = plain(r.cells[0]);
        const auto names = parse_name_list(text);
        if (names.empty() || std::any_of(names.begin(), names.end(), [](const std::string& n) {
                return text::longer_than(n, kNameChars) || FormLabels::get().in("illegible", n);
            }))
            return std::nullopt;
        return text;
    };
    for (int at = line - 1, seen = 0; at >= doc.first_line && seen < kLookBack; --at) {
        const Row r = row_at(doc, at);
        if (r.cells.empty()) continue;
        ++seen;
        if (r.cells.size() != 1 || is_field_label(r.key) || r.first_circled > 0) return std::nullopt;
        if (std::smatch m;
            std::regex_match(r.head, m, numbered) && (files_item(m[1].str(), 2) || basic_item(m[1].str(), 2)))
            continue;
        const auto text = names_line(r);
        if (!text) return std::nullopt;
        std::vector<std::string> lines{*text};
        for (; at > doc.first_line; --at) {
            const auto above = names_line(row_at(doc, at - 1));
            if (!above) break;
            const int item = list_item_number(lines.front());
            const bool item_before = item > 1 && list_item_number(*above) == item - 1;
            std::vector<std::string> above_names = parse_name_list(*above);
            if (!item_before && !append_name_line(above_names, lines.front())) break;
            lines.insert(lines.begin(), *above);
        }
        return std::pair{names_of(lines), at};
    }
    return std::nullopt;
}

void settle_files(Assessment& as) {
    for (auto& f : as.files) settle_flows(f);
    // Only blocks that hold something are files; a block met again (section III repeats the
    // file names, a converter may emit a table twice) adds only what the first one lacks.
    auto& files = as.files;
    files.erase(std::remove_if(files.begin(), files.end(), [](const FileBlock& f) { return f.names.empty(); }),
                files.end());
    merge_repeated_files(files);
    files_from_names(as);
}

}  // namespace piagraph::extract_detail::markdown
