#include "index.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <set>

#include "piagraph/checks.hpp"
#include "piagraph/report.hpp"
#include "piagraph/text.hpp"

namespace piagraph::batch {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Every table but meta carries `org` (the organisation's folder relative to ROOT) so the rows of
// shards merge by organisation. `file` is a document's path relative to ROOT, `line` 1-based (0:
// unknown), `affair` the assessment's 事務の名称 (its key within the organisation).
const char* const kSchema = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE organisations (
  org TEXT PRIMARY KEY,      -- folder relative to ROOT ("." for ROOT itself)
  name TEXT,                 -- 評価実施機関名 as written (several joined by "、")
  documents INTEGER,         -- documents in the folder
  failed_documents INTEGER,  -- of them, those that could not be read (see failures)
  assessments INTEGER,
  findings INTEGER,
  report TEXT                -- its report.html relative to OUT; NULL when none was written
);
CREATE TABLE assessments (
  org TEXT, file TEXT, seq INTEGER,  -- seq: 1, 2 … within the organisation
  organization TEXT, form TEXT, form_version TEXT, number TEXT, title TEXT, affair TEXT,
  published TEXT, department TEXT, population TEXT, linkage TEXT,
  coverage_items INTEGER, coverage_read INTEGER,  -- items of the form, and those read
  line INTEGER
);
CREATE TABLE systems (
  org TEXT, file TEXT, affair TEXT, no INTEGER, name TEXT,
  canonical_id TEXT,   -- the dictionary's standard system, or ''
  connections TEXT,    -- ③ boxes checked, joined by "、"
  other TEXT,          -- names in その他（）, joined by "、"
  functions TEXT, line INTEGER
);
CREATE TABLE connections (   -- one per pair of systems of the organisation's graph
  org TEXT, from_key TEXT, from_name TEXT, to_key TEXT, to_name TEXT,
  declared_by_from INTEGER, declared_by_to INTEGER,  -- which ends' ③ declare it
  affair TEXT, file TEXT, line INTEGER
);
CREATE TABLE files (         -- 特定個人情報ファイル
  org TEXT, file TEXT, affair TEXT, seq INTEGER, name TEXT,
  storage TEXT,              -- 保管場所 as written
  storage_classes TEXT,      -- inside,data_centre,jlis_platform,cloud (comma-separated)
  retention TEXT, line INTEGER
);
CREATE TABLE flows (
  org TEXT, file TEXT, affair TEXT, file_name TEXT,
  kind TEXT,                 -- 入手 | 提供 | 移転 | 委託
  no TEXT,
  party TEXT,                -- 入手元, 提供先, 移転先 or 委託先
  detail TEXT,               -- 入手元の詳細, ②用途, or ①委託内容
  basis TEXT,                -- 法令上の根拠 (提供・移転)
  methods TEXT,              -- joined by "、"
  line INTEGER
);
CREATE TABLE findings (
  org TEXT, seq INTEGER, file TEXT, line INTEGER,
  rule TEXT, kind TEXT, severity TEXT, message TEXT, message_en TEXT,
  affair TEXT, fingerprint TEXT
);
CREATE TABLE coverage (      -- the items of a form that were not read
  org TEXT, file TEXT, affair TEXT, item TEXT, label TEXT, why TEXT
);
CREATE TABLE failures (      -- documents (or folders) that could not be analysed
  org TEXT, file TEXT, line INTEGER, error TEXT, error_en TEXT
);
)SQL";

// Created once the rows are in (a bulk insert is faster without them).
const char* const kIndexes = R"SQL(
CREATE INDEX findings_rule ON findings(rule);
CREATE INDEX findings_org ON findings(org);
CREATE INDEX flows_org ON flows(org);
CREATE INDEX systems_org ON systems(org);
CREATE INDEX connections_org ON connections(org);
CREATE INDEX assessments_org ON assessments(org);
)SQL";

using text::join;

struct Relative {
    std::string prefix;  // ROOT + "/"
    std::string operator()(const std::string& path) const {
        if (!prefix.empty() && path.compare(0, prefix.size(), prefix) == 0) return path.substr(prefix.size());
        return path;
    }
};

}  // namespace

const std::string& schema_sql() {
    static const std::string all = std::string(kSchema) + kIndexes;
    return all;
}

const std::vector<std::string>& row_tables() {
    static const std::vector<std::string> tables = {"organisations", "assessments", "systems",  "connections", "files",
                                                    "flows",         "findings",    "coverage", "failures"};
    return tables;
}

void create_schema(Database& db) { db.exec(kSchema); }

void create_indexes(Database& db) { db.exec(kIndexes); }

void set_bulk_pragmas(Database& db) { db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"); }

void set_meta(Database& db, const std::string& key, const std::string& value) {
    Statement st(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
    st.bind(1, key);
    st.bind(2, value);
    st.step();
}

json organisation_rows(const OrgFacts& facts, const Analysis* analysis) {
    const Relative rel{facts.root.empty() ? "" : facts.root + "/"};
    const std::string& org = facts.org;
    json rows = json::object();
    for (const auto& t : row_tables()) rows[t] = json::array();
    std::set<std::string> names;
    std::size_t assessments = 0, findings = 0;
    if (analysis) {
        int seq = 0;
        for (const auto& a : analysis->inputs.assessments) {
            ++assessments;
            if (!a.organization.empty()) names.insert(a.organization);
            const std::string file = rel(a.source_file);
            std::size_t read = 0;
            for (const auto& item : a.coverage)
                if (item.second.found) ++read;
            rows["assessments"].push_back({org, file, ++seq, a.organization, a.form, a.form_version, a.number, a.title,
                                           a.affair, a.published, a.department, a.population, a.linkage.status,
                                           a.coverage.size(), read, a.loc.line});
            for (const auto& s : a.systems)
                rows["systems"].push_back({org, file, a.affair, s.no, s.name, s.canonical_id, join(s.connections, "、"),
                                           join(s.other, "、"), s.functions, s.loc.line});
            for (std::size_t i = 0; i < a.files.size(); ++i) {
                const FileBlock& f = a.files[i];
                const std::string name = f.names.empty() ? "" : f.names.front();
                std::vector<std::string> classes;
                for (const auto& place : classify_storage(f.storage))
                    if (std::find(classes.begin(), classes.end(), place.class_id) == classes.end())
                        classes.push_back(place.class_id);
                rows["files"].push_back({org, file, a.affair, i + 1, join(f.names, "、"), f.storage, join(classes, ","),
                                         f.retention, f.loc.line});
                const std::string methods = join(f.methods, "、");
                for (const auto& s : f.sources)
                    rows["flows"].push_back({org, file, a.affair, name, "入手", "", s.kind, s.detail, "", methods,
                                             s.loc.known() ? s.loc.line : f.loc.line});
                for (const auto& fl : f.provisions)
                    rows["flows"].push_back({org, file, a.affair, name, "提供", fl.no, fl.recipient, fl.purpose,
                                             fl.basis, join(fl.methods, "、"), fl.loc.line});
                for (const auto& fl : f.transfers)
                    rows["flows"].push_back({org, file, a.affair, name, "移転", fl.no, fl.recipient, fl.purpose,
                                             fl.basis, join(fl.methods, "、"), fl.loc.line});
                for (const auto& en : f.entrustments)
                    rows["flows"].push_back({org, file, a.affair, name, "委託", en.no, en.contractor, en.item, "",
                                             join(en.methods, "、"), en.loc.line});
            }
            for (const auto& item : unread_in_form_order(a))
                rows["coverage"].push_back(
                    {org, file, a.affair, item, coverage_label(item, Lang::ja), coverage_why(a, item, Lang::ja)});
        }
        for (const auto& o : analysis->organisations) {
            const GraphBase& g = o.graph.g;
            for (auto e : boost::make_iterator_range(boost::edges(g))) {
                const EdgeProps& p = g[e];
                if (p.kind != EdgeKind::connects) continue;
                const NodeProps& from = g[boost::source(e, g)];
                const NodeProps& to = g[boost::target(e, g)];
                const Evidence* ev = p.evidence.empty() ? nullptr : &p.evidence.front();
                rows["connections"].push_back({org, from.key, from.label, to.key, to.label, p.declared_by_source,
                                               p.declared_by_target, p.assessment, ev ? rel(ev->file) : "",
                                               ev ? ev->line : 0});
            }
        }
        int fseq = 0;
        for (const auto& f : analysis->findings) {
            ++findings;
            const Location* at = f.locations.empty() ? nullptr : &f.locations.front();
            rows["findings"].push_back({org, ++fseq, at ? rel(at->file) : "", at ? at->line : 0, f.rule, f.kind,
                                        severity_name(f.severity), f.message.ja, f.message.en, f.assessment,
                                        f.fingerprint});
        }
    }
    for (const auto& failure : facts.failures)
        rows["failures"].push_back({org, failure.file, failure.line, failure.error.ja, failure.error.en});
    std::vector<std::string> name_list(names.begin(), names.end());
    rows["organisations"].push_back({org, join(name_list, "、"), facts.documents, facts.failures.size(), assessments,
                                     findings, facts.report.empty() ? json(nullptr) : json(facts.report)});
    return rows;
}

void RowWriter::insert(const json& rows) {
    for (const auto& table : row_tables()) {
        auto it = rows.find(table);
        if (it == rows.end() || !it->is_array() || it->empty()) continue;
        auto& st = statements_[table];
        if (!st) {
            std::string sql = "INSERT INTO " + table + " VALUES (";
            for (std::size_t i = 0; i < it->front().size(); ++i) sql += i ? ",?" : "?";
            st = std::make_unique<Statement>(db_, sql + ")");
        }
        for (const auto& row : *it) {
            if (!row.is_array() || static_cast<int>(row.size()) != st->parameters())
                db_.fail("row of " + table + " has " + std::to_string(row.size()) + " values");
            for (std::size_t i = 0; i < row.size(); ++i) st->bind(static_cast<int>(i + 1), row[i]);
            st->step();
            st->reset();
        }
    }
}

std::string temp_path_beside(const std::string& path) {
    const fs::path target(path);
    static thread_local std::mt19937_64 random{std::random_device{}()};
    return (target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(random() % 1000000000)))
        .string();
}

TempFileBeside::TempFileBeside(std::string path) : path_(std::move(path)), tmp_(temp_path_beside(path_)) {}

TempFileBeside::~TempFileBeside() {
    std::error_code ec;
    if (!committed_) std::filesystem::remove(tmp_, ec);
}

void TempFileBeside::commit() {
    std::error_code ec;
    std::filesystem::rename(tmp_, path_, ec);
    if (ec) throw InputError(path_, 0, {"出力ファイルを置き換えられません", "cannot move the output file into place"});
    committed_ = true;
}

AtomicFile::AtomicFile(const std::string& path) : path_(path), tmp_(temp_path_beside(path)) {
    out_.open(tmp_, std::ios::binary | std::ios::trunc);
    if (!out_)
        throw InputError(path, 0,
                         {std::string("出力ファイルを作成できません: ") + std::strerror(errno),
                          std::string("cannot create the output file: ") + std::strerror(errno)});
}

AtomicFile::~AtomicFile() {
    if (committed_) return;
    out_.close();
    std::error_code ec;
    fs::remove(tmp_, ec);
}

void AtomicFile::commit() {
    out_.flush();
    const bool ok = static_cast<bool>(out_);
    out_.close();
    std::error_code ec;
    if (!ok) throw InputError(path_, 0, {"出力ファイルの書き込みに失敗しました", "writing the output file failed"});
    fs::rename(tmp_, path_, ec);
    if (ec) throw InputError(path_, 0, {"出力ファイルを置き換えられません", "cannot move the output file into place"});
    committed_ = true;
}

void write_findings_jsonl(Database& db, const std::string& path, Lang lang) {
    AtomicFile file(path);
    Statement st(db,
                 "SELECT org, file, line, rule, kind, severity, message, message_en FROM findings ORDER BY org, seq");
    while (st.step()) {
        json j = {{"organisation", st.text(0)},
                  {"file", st.text(1)},
                  {"line", st.integer(2)},
                  {"rule", st.text(3)},
                  {"kind", st.text(4)},
                  {"severity", st.text(5)},
                  {"message", lang == Lang::ja ? st.text(6) : st.text(7)}};
        file.out() << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    }
    file.commit();
}

BatchSummary summary_of(Database& db) {
    BatchSummary s;
    Statement totals(db,
                     "SELECT count(*), coalesce(sum(documents),0), coalesce(sum(assessments),0), "
                     "coalesce(sum(findings),0) FROM organisations");
    if (totals.step()) {
        s.organisations = static_cast<std::size_t>(totals.integer(0));
        s.documents = static_cast<std::size_t>(totals.integer(1));
        s.assessments = static_cast<std::size_t>(totals.integer(2));
        s.findings = static_cast<std::size_t>(totals.integer(3));
    }
    Statement failures(db, "SELECT org, file, error, error_en, line FROM failures ORDER BY org, file");
    while (failures.step())
        s.failures.push_back({failures.text(0),
                              failures.text(1),
                              {failures.text(2), failures.text(3)},
                              static_cast<int>(failures.integer(4))});
    s.failed_documents = s.failures.size();
    return s;
}

}  // namespace piagraph::batch

namespace piagraph {
const char* batch_index_schema() { return batch::schema_sql().c_str(); }
}  // namespace piagraph
