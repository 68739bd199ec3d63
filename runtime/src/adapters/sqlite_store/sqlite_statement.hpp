#pragma once
#include <cstring>
#include <devos/contracts/error.hpp>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <vector>

namespace devos::adapters {

// A prepared SQLite statement that finalizes itself; bind() takes 1-based positions.
class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
        rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    }
    ~SqliteStatement() { sqlite3_finalize(stmt_); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // False when prepare failed (error() says why).
    [[nodiscard]] bool ok() const { return rc_ == SQLITE_OK; }
    [[nodiscard]] std::string error() const { return sqlite3_errmsg(db_); }

    void bind(int pos, const std::string& text) {
        sqlite3_bind_text(stmt_, pos, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
    // Binds NULL for an empty text.
    void bindOrNull(int pos, const std::string& text) {
        if (text.empty())
            sqlite3_bind_null(stmt_, pos);
        else
            bind(pos, text);
    }
    void bind(int pos, long long value) { sqlite3_bind_int64(stmt_, pos, value); }
    void bindBlob(int pos, const void* data, std::size_t size) {
        sqlite3_bind_blob(stmt_, pos, data, static_cast<int>(size), SQLITE_TRANSIENT);
    }

    // Steps once: SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(stmt_); }
    // Runs a statement that returns no rows, then resets it for reuse.
    [[nodiscard]] bool run() {
        int rc = sqlite3_step(stmt_);
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        return rc == SQLITE_DONE;
    }

    [[nodiscard]] std::string text(int col) const {
        auto* p = sqlite3_column_text(stmt_, col);
        return p ? std::string(reinterpret_cast<const char*>(p),
                               static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
                 : std::string{};
    }
    [[nodiscard]] long long integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    [[nodiscard]] std::vector<float> floats(int col) const {
        std::vector<float> out(static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)) / sizeof(float));
        if (!out.empty())
            std::memcpy(out.data(), sqlite3_column_blob(stmt_, col), out.size() * sizeof(float));
        return out;
    }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    int rc_;
};

} // namespace devos::adapters
