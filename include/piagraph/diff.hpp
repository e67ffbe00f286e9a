// Compares two editions of an assessment: what was added, removed or changed in the parts that
// carry the graph (systems, connections, files, sources, methods, contractors, recipients, legal
// bases, storage), and which of those changes the new edition's 変更箇所 table does not mention.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "piagraph/error.hpp"
#include "piagraph/model.hpp"

namespace piagraph {

enum class DiffOp { added, removed, changed };
const char* diff_op_name(DiffOp op);
const Message& diff_op_label(DiffOp op);  // 追加 / added …

// What part of the assessment a change is about.
enum class DiffCategory { system, connection, file, source, method, contractor, recipient, legal_basis, storage };
const char* diff_category_name(DiffCategory c);
const Message& diff_category_label(DiffCategory c);  // システム / system …

struct DiffItem {
    DiffCategory category = DiffCategory::system;
    DiffOp op = DiffOp::changed;
    std::string assessment;  // affair of the assessment it belongs to
    std::string file;        // the 特定個人情報ファイル it belongs to, "" for assessment-level items
    std::string subject;     // what changed, as a person reads it ("既存住基 → 庁内連携システム")
    std::string field;       // for `changed`: which field ("法令上の根拠", "提供方法" …)
    std::string before;      // old value ("" when added)
    std::string after;       // new value ("" when removed)
    Loc old_loc;
    Loc new_loc;
    // Whether the new edition's 変更箇所 table mentions it; nullopt when there is no table.
    std::optional<bool> in_change_table;
    Loc change_row_loc;  // the 変更箇所 row that mentions it
    // Graph ends for the diff diagram: the system/party names an edge joins, or one name for a node.
    std::string from;
    std::string to;
};

struct AssessmentDiff {
    std::string affair;
    std::string old_file;
    std::string new_file;
    bool has_change_table = false;  // the new edition has a 変更箇所 table
    std::vector<DiffItem> items;
    // Connections present in both editions (system name, target): grey context in the diagram.
    std::vector<std::pair<std::string, std::string>> context_edges;
};

struct ModelDiff {
    std::vector<AssessmentDiff> assessments;
    // Assessments present in only one edition (by affair).
    std::vector<std::string> only_old;
    std::vector<std::string> only_new;
    bool empty() const;
    std::size_t change_count() const;
    std::size_t unmentioned_count() const;  // changes missing from a 変更箇所 table
};

// Pairs the assessments of the two editions by affair (a single assessment on each side pairs
// even when its affair was renamed) and compares each pair.
ModelDiff diff_assessments(const std::vector<Assessment>& old_edition, const std::vector<Assessment>& new_edition);

// Human-readable report, Japanese or English.
std::string diff_to_text(const ModelDiff& diff, Lang lang);
// Machine-readable report (key names are stable).
nlohmann::json diff_to_json(const ModelDiff& diff);
// The diff diagram is drawn by the render stage (diff_scene in piagraph/render.hpp).

}  // namespace piagraph
