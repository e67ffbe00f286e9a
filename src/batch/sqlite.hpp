// A thin RAII wrapper over the SQLite C API for the batch index (internal to src/batch).
#pragma once

#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <string>

#include "piagraph/error.hpp"

namespace piagraph::batch {

class Statement;

class Database {
public:
    // Opens (creating) the database file; throws InputError naming it.
    explicit Database(const std::string& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one or more statements without results; throws InputError on error.
    void exec(const std::string& sql);
    sqlite3* handle() { return db_; }
    const std::string& path() const { return path_; }
    [[noreturn]] void fail(const std::string& what);

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

class Statement {
public:
    Statement(Database& db, const std::string& sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    int columns() const { return sqlite3_column_count(stmt_); }
    int parameters() const { return sqlite3_bind_parameter_count(stmt_); }
    // Binds a JSON value: string -> TEXT, integer/boolean -> INTEGER, number -> REAL, null -> NULL.
    void bind(int index, const nlohmann::json& value);
    void bind(int index, const std::string& value);
    // Steps once: true while a row is available.
    bool step();
    void reset();
    std::string text(int column) const;
    long long integer(int column) const;
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    // The column as JSON (TEXT -> string, INTEGER -> integer, REAL -> number, NULL -> null).
    nlohmann::json value(int column) const;

private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace piagraph::batch
