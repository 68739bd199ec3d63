#pragma once
// Helpers for the PostgreSQL tests: the server comes from scripts/pg-test-server.sh (the ctest
// fixture `pg` starts it and sets DEVOS_TEST_PG_URL); without it the tests skip, visibly.
#include "pg_result.hpp"

#include <cstdlib>
#include <optional>
#include <string>

namespace devos::adapters::testing {

inline constexpr const char* kNoServer =
    "DEVOS_TEST_PG_URL is not set: no PostgreSQL to test against (run through ctest, or "
    "export DEVOS_TEST_PG_URL=$(scripts/pg-test-server.sh start))";

// The test server's URL, when there is one.
inline std::optional<std::string> testPgUrl() {
    const char* url = std::getenv("DEVOS_TEST_PG_URL");
    return url && *url ? std::optional<std::string>(url) : std::nullopt;
}

// Drops every table of the test database so that each test starts empty; false on failure.
inline bool resetDatabase(const std::string& url) {
    PGconn* conn = PQconnectdb(url.c_str());
    bool ok = PQstatus(conn) == CONNECTION_OK &&
              pgOk(PgResult(PQexec(conn, "SET client_min_messages = warning; DROP SCHEMA public CASCADE;"
                                         " CREATE SCHEMA public"),
                            PQclear));
    PQfinish(conn);
    return ok;
}

// Runs scripts/pg-test-server.sh with `command` (kill, restart ...); true when it succeeded.
inline bool pgServer(const std::string& command) {
    std::string line = std::string(DEVOS_PG_SCRIPT) + " " + command;
    return std::system(line.c_str()) == 0;
}

} // namespace devos::adapters::testing
