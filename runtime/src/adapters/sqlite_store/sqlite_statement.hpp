#pragma once
#include <cstring>
#include <devos/contracts/error.hpp>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <vector>

namespace devos::adapters {

// A prepared SQLite statement that finalizes itself; bind() takes 1-based positions. Every result
// code is checked: a failed prepare or bind is kept (the first one), and step() and run() then
// report it instead of running a statement with a missing value.
class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
        check(sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr),
              "preparing it");
    }
    ~SqliteStatement() { sqlite3_finalize(stmt_); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // False when prepare, a bind or a step failed (error() says which and why).
    [[nodiscard]] bool ok() const { return rc_ == SQLITE_OK; }
    // What failed: "binding parameter 3: ...", "preparing it: ...", or SQLite's last message.
    [[nodiscard]] std::string error() const { return problem_.empty() ? sqlite3_errmsg(db_) : problem_; }

    void bind(int pos, const std::string& text) {
        checkBind(sqlite3_bind_text(stmt_, pos, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT),
                  pos);
    }
    // Binds NULL for an empty text.
    void bindOrNull(int pos, const std::string& text) {
        if (text.empty())
            checkBind(sqlite3_bind_null(stmt_, pos), pos);
        else
            bind(pos, text);
    }
    void bind(int pos, long long value) { checkBind(sqlite3_bind_int64(stmt_, pos, value), pos); }
    void bind(int pos, double value) { checkBind(sqlite3_bind_double(stmt_, pos, value), pos); }
    void bindBlob(int pos, const void* data, std::size_t size) {
        checkBind(sqlite3_bind_blob(stmt_, pos, data, static_cast<int>(size), SQLITE_TRANSIENT), pos);
    }

    // Steps once: SQLITE_ROW, SQLITE_DONE or an error code (a failed prepare's or bind's, without
    // stepping).
    int step() {
        if (rc_ != SQLITE_OK)
            return rc_;
        int rc = sqlite3_step(stmt_);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            check(rc, "running it");
        return rc;
    }
    // Runs a statement that returns no rows, then resets it for reuse; false when it failed.
    [[nodiscard]] bool run() {
        int rc = step();
        if (rc_ == SQLITE_OK) {
            sqlite3_reset(stmt_);
            sqlite3_clear_bindings(stmt_);
        }
        return rc == SQLITE_DONE;
    }

    [[nodiscard]] std::string text(int col) const {
        auto* p = sqlite3_column_text(stmt_, col);
        return p ? std::string(reinterpret_cast<const char*>(p),
                               static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
                 : std::string{};
    }
    [[nodiscard]] long long integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    [[nodiscard]] double real(int col) const { return sqlite3_column_double(stmt_, col); }
    [[nodiscard]] std::vector<float> floats(int col) const {
        std::vector<float> out(static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)) / sizeof(float));
        if (!out.empty())
            std::memcpy(out.data(), sqlite3_column_blob(stmt_, col), out.size() * sizeof(float));
        return out;
    }

private:
    void check(int rc, const std::string& doing) {
        if (rc == SQLITE_OK || rc_ != SQLITE_OK)
            return;
        rc_ = rc;
        problem_ = doing + ": " + sqlite3_errmsg(db_);
    }
    void checkBind(int rc, int pos) {
        if (rc == SQLITE_OK || rc_ != SQLITE_OK)
            return;
        rc_ = rc;
        problem_ = "binding parameter " + std::to_string(pos) + ": " + sqlite3_errstr(rc);
    }

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_OK;
    std::string problem_;
};

} // namespace devos::adapters
