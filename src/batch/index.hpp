// The national index of a batch (internal to src/batch): its schema, the rows of one
// organisation, and the files written from it (findings.jsonl, index.html).
#pragma once

#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "piagraph/batch.hpp"
#include "piagraph/pipeline.hpp"
#include "sqlite.hpp"

namespace piagraph::batch {

// The index's tables that hold an organisation's rows (every one has an `org` column), in the
// order they are created; `meta` is apart.
const std::vector<std::string>& row_tables();

const std::string& schema_sql();    // the tables and their indexes
void create_schema(Database& db);   // the tables
void create_indexes(Database& db);  // once the rows are in
// Fast settings for a database file that is renamed into place only when complete.
void set_bulk_pragmas(Database& db);

// The rows of one organisation: {"organisations": [[...]], "assessments": [[...]], ...}, each row
// an array in the table's column order. `analysis` is null when no document could be read.
struct OrgFacts {
    std::string org;   // relative path
    std::string root;  // ROOT as the paths given to analyse() start
    std::size_t documents = 0;
    std::vector<BatchFailure> failures;
    std::string report;  // OUT-relative path of its report.html, "" when none
};
nlohmann::json organisation_rows(const OrgFacts& facts, const Analysis* analysis);

// Inserts the rows of one organisation (prepared statements kept between calls).
class RowWriter {
public:
    explicit RowWriter(Database& db) : db_(db) {}
    void insert(const nlohmann::json& rows);

private:
    Database& db_;
    std::map<std::string, std::unique_ptr<Statement>> statements_;
};

// A file written in pieces and renamed into place by commit(); removed if never committed.
class AtomicFile {
public:
    explicit AtomicFile(const std::string& path);
    ~AtomicFile();
    std::ofstream& out() { return out_; }
    void commit();

private:
    std::string path_, tmp_;
    std::ofstream out_;
    bool committed_ = false;
};

// A fresh temporary path beside `path` (".name.tmpNNN").
std::string temp_path_beside(const std::string& path);

// A file written under a temporary name beside `path` and moved into place by commit(); removed
// when it goes out of scope uncommitted, so a failed run leaves no half-written index.
class TempFileBeside {
public:
    explicit TempFileBeside(std::string path);
    ~TempFileBeside();
    TempFileBeside(const TempFileBeside&) = delete;
    TempFileBeside& operator=(const TempFileBeside&) = delete;
    const std::string& temp() const { return tmp_; }
    void commit();  // throws InputError when the file cannot be moved into place

private:
    std::string path_, tmp_;
    bool committed_ = false;
};

// findings.jsonl: one finding a line, in the order of the organisations and their findings.
void write_findings_jsonl(Database& db, const std::string& path, Lang lang);
// index.html: counts of findings by rule and by organisation, the failures, sortable tables.
void write_index_html(Database& db, const std::string& path);
// The totals of the index (organisations, documents, assessments, findings, failures).
BatchSummary summary_of(Database& db);
// meta(key, value).
void set_meta(Database& db, const std::string& key, const std::string& value);

}  // namespace piagraph::batch
