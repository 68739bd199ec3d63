#include "adapters/sqlite_store/sqlite_statement.hpp"

#include <gtest/gtest.h>

namespace devos::adapters {
namespace {

class SqliteStatementTest : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db_, "CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL)", nullptr,
                               nullptr, nullptr),
                  SQLITE_OK);
    }
    void TearDown() override { sqlite3_close(db_); }
    long long rows() {
        SqliteStatement q(db_, "SELECT COUNT(*) FROM t");
        EXPECT_EQ(q.step(), SQLITE_ROW);
        return q.integer(0);
    }
    sqlite3* db_ = nullptr;
};

TEST_F(SqliteStatementTest, AStatementThatDoesNotPrepareNeverRuns) {
    SqliteStatement q(db_, "INSERT INTO missing VALUES (?)");
    EXPECT_FALSE(q.ok());
    q.bind(1, std::string("x"));
    EXPECT_NE(q.step(), SQLITE_ROW);
    EXPECT_NE(q.step(), SQLITE_DONE);
    EXPECT_FALSE(q.run());
    EXPECT_EQ(q.error(), "preparing it: no such table: missing");
}

TEST_F(SqliteStatementTest, AFailedBindStopsTheStatementAndNamesTheParameter) {
    SqliteStatement q(db_, "INSERT INTO t VALUES (?, ?)");
    q.bind(1, std::string("a"));
    q.bind(2, 7LL);
    q.bind(3, std::string("one too many"));
    EXPECT_FALSE(q.ok());
    EXPECT_FALSE(q.run()); // not run with what was bound: nothing is half-written
    EXPECT_EQ(q.error(), "binding parameter 3: column index out of range");
    EXPECT_EQ(rows(), 0);
}

TEST_F(SqliteStatementTest, AConstraintViolationIsAFailedRunWithSqlitesMessage) {
    SqliteStatement insert(db_, "INSERT INTO t VALUES (?, ?)");
    insert.bind(1, std::string("a"));
    insert.bind(2, 1LL);
    ASSERT_TRUE(insert.run()) << insert.error();
    insert.bind(1, std::string("b"));
    insert.bind(2, 2LL);
    ASSERT_TRUE(insert.run()) << insert.error(); // reset and reused
    insert.bind(1, std::string("a"));
    insert.bind(2, 2LL);
    EXPECT_FALSE(insert.run());
    EXPECT_EQ(insert.error(), "running it: UNIQUE constraint failed: t.id");
    EXPECT_EQ(rows(), 2);
}

TEST_F(SqliteStatementTest, ReadsRowsUntilDone) {
    ASSERT_EQ(sqlite3_exec(db_, "INSERT INTO t VALUES ('a', 1), ('b', 2)", nullptr, nullptr, nullptr),
              SQLITE_OK);
    SqliteStatement q(db_, "SELECT id, n FROM t ORDER BY id");
    std::string seen;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        seen += q.text(0) + std::to_string(q.integer(1));
    EXPECT_EQ(rc, SQLITE_DONE);
    EXPECT_TRUE(q.ok());
    EXPECT_EQ(seen, "a1b2");
}

} // namespace
} // namespace devos::adapters
