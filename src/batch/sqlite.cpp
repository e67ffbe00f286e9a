#include "sqlite.hpp"

namespace piagraph::batch {

Database::Database(const std::string& path) : path_(path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string error = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw InputError(path, 0,
                         {"索引データベースを開けません: " + error, "cannot open the index database: " + error});
    }
}

Database::~Database() { sqlite3_close(db_); }

void Database::fail(const std::string& what) {
    const std::string error = sqlite3_errmsg(db_);
    throw InputError(
        path_, 0,
        {"索引データベースのエラー（" + what + "）: " + error, "index database error (" + what + "): " + error});
}

void Database::exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string error = message ? message : "?";
        sqlite3_free(message);
        throw InputError(path_, 0,
                         {"索引データベースのエラー: " + error + "（" + sql.substr(0, 80) + "）",
                          "index database error: " + error + " (" + sql.substr(0, 80) + ")"});
    }
}

Statement::Statement(Database& db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
        db.fail(sql.substr(0, 80));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::bind(int index, const std::string& value) {
    if (sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        db_.fail("bind");
}

void Statement::bind(int index, const nlohmann::json& value) {
    int rc = SQLITE_OK;
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        rc = sqlite3_bind_text(stmt_, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    } else if (value.is_boolean()) {
        rc = sqlite3_bind_int64(stmt_, index, value.get<bool>() ? 1 : 0);
    } else if (value.is_number_integer()) {
        rc = sqlite3_bind_int64(stmt_, index, value.get<long long>());
    } else if (value.is_number()) {
        rc = sqlite3_bind_double(stmt_, index, value.get<double>());
    } else {
        rc = sqlite3_bind_null(stmt_, index);
    }
    if (rc != SQLITE_OK) db_.fail("bind");
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail("step");
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

long long Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

nlohmann::json Statement::value(int column) const {
    switch (sqlite3_column_type(stmt_, column)) {
        case SQLITE_INTEGER:
            return integer(column);
        case SQLITE_FLOAT:
            return sqlite3_column_double(stmt_, column);
        case SQLITE_NULL:
            return nullptr;
        default:
            return text(column);
    }
}

}  // namespace piagraph::batch
