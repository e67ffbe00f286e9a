// The diff as a person reads it (Japanese or English text) and as a program reads it (JSON).
// The words here are messages, like a rule's: what the form says comes from the model.
#include <sstream>

#include "piagraph/diff.hpp"
#include "piagraph/text.hpp"

namespace piagraph {

namespace {

struct Names {
    Message op[3];
    Message category[9];
};

const Names& names() {
    static const Names n{{{"追加", "added"}, {"削除", "removed"}, {"変更", "changed"}},
                         {{"システム", "system"},
                          {"接続", "connection"},
                          {"ファイル", "file"},
                          {"入手元", "source"},
                          {"方法", "method"},
                          {"委託先", "contractor"},
                          {"提供先・移転先", "recipient"},
                          {"法令上の根拠", "legal basis"},
                          {"保管", "storage"}}};
    return n;
}

std::string loc_text(const Loc& l, Lang lang) {
    if (!l.known()) return "";
    std::string r = std::to_string(l.line);
    if (l.end_line > l.line) r += "-" + std::to_string(l.end_line);
    return lang == Lang::ja ? r + "行" : "line " + r;
}

using text::shorten;

}  // namespace

const char* diff_op_name(DiffOp op) {
    switch (op) {
        case DiffOp::added:
            return "added";
        case DiffOp::removed:
            return "removed";
        case DiffOp::changed:
            return "changed";
    }
    return "changed";
}

const char* diff_category_name(DiffCategory c) {
    switch (c) {
        case DiffCategory::system:
            return "system";
        case DiffCategory::connection:
            return "connection";
        case DiffCategory::file:
            return "file";
        case DiffCategory::source:
            return "source";
        case DiffCategory::method:
            return "method";
        case DiffCategory::contractor:
            return "contractor";
        case DiffCategory::recipient:
            return "recipient";
        case DiffCategory::legal_basis:
            return "legal_basis";
        case DiffCategory::storage:
            return "storage";
    }
    return "system";
}

const Message& diff_op_label(DiffOp op) { return names().op[static_cast<int>(op)]; }

const Message& diff_category_label(DiffCategory c) { return names().category[static_cast<int>(c)]; }

std::string diff_to_text(const ModelDiff& diff, Lang lang) {
    const bool ja = lang == Lang::ja;
    std::ostringstream os;
    for (const auto& a : diff.only_old) os << (ja ? "削除された評価書: " : "assessment removed: ") << a << "\n";
    for (const auto& a : diff.only_new) os << (ja ? "追加された評価書: " : "assessment added: ") << a << "\n";
    for (const auto& d : diff.assessments) {
        os << (ja ? "【" : "== ") << d.affair << (ja ? "】" : " ==") << "\n";
        if (d.items.empty()) os << (ja ? "  変更なし\n" : "  no change\n");
        for (const auto& item : d.items) {
            const char mark = item.op == DiffOp::added ? '+' : item.op == DiffOp::removed ? '-' : '~';
            os << "  " << mark << " " << diff_op_label(item.op).in(lang) << " "
               << diff_category_label(item.category).in(lang) << ": ";
            if (!item.file.empty() && item.category != DiffCategory::file)
                os << (ja ? "ファイル「" : "file \"") << item.file << (ja ? "」 " : "\" ");
            os << item.subject;
            if (item.op == DiffOp::changed)
                os << (ja ? "　" : " ") << item.field << (ja ? "：「" : ": \"") << shorten(item.before, 80)
                   << (ja ? "」→「" : "\" -> \"") << shorten(item.after, 80) << (ja ? "」" : "\"");
            std::string where;
            if (auto l = loc_text(item.old_loc, lang); !l.empty()) where += (ja ? "旧 " : "old ") + l;
            if (auto l = loc_text(item.new_loc, lang); !l.empty())
                where += (where.empty() ? "" : ", ") + std::string(ja ? "新 " : "new ") + l;
            if (!where.empty()) os << "  (" << where << ")";
            if (item.in_change_table && !*item.in_change_table)
                os << (ja ? "  ※変更箇所に記載なし" : "  [not in the change table]");
            os << "\n";
        }
        if (!d.items.empty() && !d.has_change_table)
            os << (ja ? "  （新しい版に変更箇所の表がないため、記載の有無は判定していません）\n"
                      : "  (the new edition has no change table: mention not checked)\n");
    }
    const auto unmentioned = diff.unmentioned_count();
    if (ja)
        os << "変更 " << diff.change_count() << " 件（うち変更箇所に記載のないもの " << unmentioned << " 件）\n";
    else
        os << diff.change_count() << " change(s), " << unmentioned << " not in the change table\n";
    return os.str();
}

nlohmann::json diff_to_json(const ModelDiff& diff) {
    nlohmann::json j;
    j["schema"] = "piagraph-diff/1";
    j["only_old"] = diff.only_old;
    j["only_new"] = diff.only_new;
    j["change_count"] = diff.change_count();
    j["unmentioned_count"] = diff.unmentioned_count();
    j["assessments"] = nlohmann::json::array();
    for (const auto& d : diff.assessments) {
        nlohmann::json ja;
        ja["affair"] = d.affair;
        ja["old_file"] = d.old_file;
        ja["new_file"] = d.new_file;
        ja["has_change_table"] = d.has_change_table;
        ja["items"] = nlohmann::json::array();
        for (const auto& i : d.items) {
            nlohmann::json ji;
            ji["category"] = diff_category_name(i.category);
            ji["op"] = diff_op_name(i.op);
            ji["subject"] = i.subject;
            if (!i.file.empty()) ji["file"] = i.file;
            if (!i.field.empty()) ji["field"] = i.field;
            if (!i.before.empty()) ji["before"] = i.before;
            if (!i.after.empty()) ji["after"] = i.after;
            if (i.old_loc.known()) ji["old_loc"] = i.old_loc;
            if (i.new_loc.known()) ji["new_loc"] = i.new_loc;
            if (i.in_change_table) ji["in_change_table"] = *i.in_change_table;
            if (i.change_row_loc.known()) ji["change_row_loc"] = i.change_row_loc;
            ja["items"].push_back(std::move(ji));
        }
        j["assessments"].push_back(std::move(ja));
    }
    return j;
}

}  // namespace piagraph
