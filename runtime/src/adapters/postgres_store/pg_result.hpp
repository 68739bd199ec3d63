#pragma once
#include <libpq-fe.h>
#include <memory>
#include <string>
#include <vector>

namespace devos::adapters {

// A PGresult that clears itself.
using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

// Runs `sql` with text parameters ("" binds NULL when `nullIfEmpty`); the result may be an error.
inline PgResult pgExec(PGconn* conn, const std::string& sql, const std::vector<std::string>& params = {},
                       bool nullIfEmpty = false) {
    std::vector<const char*> values;
    for (const auto& p : params)
        values.push_back(nullIfEmpty && p.empty() ? nullptr : p.c_str());
    return PgResult(PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                 nullptr, nullptr, 0),
                    PQclear);
}

// True when the result is a success (with or without rows).
inline bool pgOk(const PgResult& r) {
    auto s = PQresultStatus(r.get());
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_COPY_IN;
}

// The text of a cell ("" for NULL).
inline std::string pgText(const PgResult& r, int row, int col) {
    return PQgetisnull(r.get(), row, col) ? std::string{} : std::string(PQgetvalue(r.get(), row, col));
}

} // namespace devos::adapters
