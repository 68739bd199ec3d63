// The embedded telemetry store: one SQLite file in WAL mode (readers never block the writer),
// foreign keys on, every write in one transaction with its audit row, INSERT OR IGNORE on ULIDs.
#include "sqlite_schema.hpp"
#include "sqlite_statement.hpp"

#include <algorithm>
#include <chrono>
#include <devos/adapters/sqlite_store.hpp>
#include <filesystem>
#include <iterator>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;
using contracts::Expected;
using contracts::fail;

constexpr const char* kNowMillis = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

class SqliteStore final : public ports::TelemetryStore {
public:
    SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    ~SqliteStore() override { sqlite3_close_v2(db_); }

    Expected<void> configure() {
        sqlite3_busy_timeout(db_, 5000);
        for (const char* pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"})
            if (auto r = exec(pragma); !r)
                return r;
        return {};
    }

    Expected<void> migrate() override {
        std::lock_guard lock(mutex_);
        if (auto r = exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name "
                          "TEXT NOT NULL,"
                          " applied_at INTEGER NOT NULL)");
            !r)
            return r;
        for (const auto& m : sqliteMigrations()) {
            auto applied = isApplied(m.version);
            if (!applied)
                return std::unexpected(applied.error());
            if (*applied)
                continue;
            auto migrated = inTransaction([&]() -> Expected<void> {
                // Another process may have applied it while this one waited for the write lock.
                auto appliedMeanwhile = isApplied(m.version);
                if (!appliedMeanwhile)
                    return std::unexpected(appliedMeanwhile.error());
                if (*appliedMeanwhile)
                    return {};
                if (auto r = exec(m.sql); !r)
                    return r;
                SqliteStatement record(db_, std::string("INSERT INTO schema_migrations VALUES (?, ?, ") +
                                                kNowMillis + ")");
                record.bind(1, static_cast<long long>(m.version));
                record.bind(2, std::string(m.name));
                return record.run() ? Expected<void>{} : storageError("record migration", record);
            });
            if (!migrated)
                return migrated;
        }
        return {};
    }

    Expected<void> ingest(const contracts::IngestBatch& batch) override {
        std::lock_guard lock(mutex_);
        return inTransaction([&]() -> Expected<void> {
            const auto& r = batch.run;
            // ON CONFLICT (run_id): a replayed id is ignored, a stored ingest key is an error.
            SqliteStatement run(db_, "INSERT INTO test_runs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                                     " ON CONFLICT (run_id) DO NOTHING");
            run.bind(1, r.runId);
            run.bind(2, r.startedAt);
            run.bind(3, std::string(r.source == contracts::RunSource::Ci ? "ci" : "local"));
            run.bindOrNull(4, r.repository);
            run.bindOrNull(5, r.branch);
            run.bindOrNull(6, r.commitSha);
            run.bindOrNull(7, r.ciProvider);
            run.bindOrNull(8, r.ciJobId);
            run.bindOrNull(9, r.tool);
            run.bind(10, static_cast<long long>(r.total));
            run.bind(11, static_cast<long long>(r.passed));
            run.bind(12, static_cast<long long>(r.failed));
            run.bind(13, static_cast<long long>(r.skipped));
            run.bind(14, r.durationMs);
            run.bindOrNull(15, r.ingestKey);
            if (!run.run())
                return storageError("insert test run " + r.runId, run);
            long long written = sqlite3_changes(db_);
            SqliteStatement failure(db_,
                                    "INSERT OR IGNORE INTO test_failures VALUES (?,?,?,?,?,?,?,?,?,?,?)");
            for (const auto& f : batch.testFailures) {
                failure.bind(1, f.id);
                failure.bind(2, f.runId);
                failure.bind(3, f.ts);
                failure.bindOrNull(4, f.suite);
                failure.bind(5, f.testName);
                failure.bindOrNull(6, f.file);
                failure.bind(7, static_cast<long long>(f.line));
                failure.bind(8, f.message);
                failure.bindOrNull(9, f.stackTrace);
                failure.bind(10, f.patternId);
                failure.bind(11, f.durationMs);
                if (!failure.run())
                    return storageError("insert test failure " + f.id, failure);
                written += sqlite3_changes(db_);
            }
            SqliteStatement lint(db_, "INSERT OR IGNORE INTO lint_failures VALUES (?,?,?,?,?,?,?,?,?,?,?)");
            for (const auto& f : batch.lintFailures) {
                lint.bind(1, f.id);
                lint.bind(2, f.runId);
                lint.bind(3, f.ts);
                lint.bindOrNull(4, f.tool);
                lint.bind(5, f.ruleId);
                lint.bind(6, f.level);
                lint.bindOrNull(7, f.file);
                lint.bind(8, static_cast<long long>(f.line));
                lint.bind(9, static_cast<long long>(f.column));
                lint.bind(10, f.message);
                lint.bind(11, f.patternId);
                if (!lint.run())
                    return storageError("insert lint failure " + f.id, lint);
                written += sqlite3_changes(db_);
            }
            SqliteStatement pass(db_, "INSERT OR IGNORE INTO test_passes VALUES (?,?,?)");
            for (const auto& t : batch.passedTests) {
                pass.bind(1, r.runId);
                pass.bind(2, t.suite);
                pass.bind(3, t.testName);
                if (!pass.run())
                    return storageError("insert passed test " + t.testName);
                written += sqlite3_changes(db_);
            }
            contracts::FailureTermCounts terms;
            for (const auto& e : batch.embeddings) {
                if (auto stored = insertEmbedding(e, false); !stored)
                    return stored;
                if (sqlite3_changes(db_) == 1)
                    contracts::tallyFailureTerms(e, terms);
            }
            if (auto counted = addTermCounts(terms); !counted)
                return counted;
            return audit("ingest_run", "test_runs", written, r.runId);
        });
    }

    Expected<std::size_t> recordEvents(std::span<const contracts::TelemetryEvent> events) override {
        std::lock_guard lock(mutex_);
        long long written = 0;
        auto result = inTransaction([&]() -> Expected<void> {
            SqliteStatement insert(db_, "INSERT OR IGNORE INTO application_logs VALUES (?,?,?,?,?,?,?,?,?)");
            for (const auto& e : events) {
                insert.bind(1, e.id);
                insert.bind(2, e.ts);
                insert.bind(3, std::string(contracts::sourceName(e.source)));
                insert.bind(4, std::string(contracts::kindName(e.kind)));
                insert.bindOrNull(5, e.code);
                insert.bind(6, e.message);
                insert.bindOrNull(7, e.traceId);
                insert.bind(8, nlohmann::json(e.tags).dump());
                insert.bindOrNull(9, e.payloadJson);
                if (!insert.run())
                    return storageError("insert event " + e.id, insert);
                written += sqlite3_changes(db_);
            }
            return events.empty() ? Expected<void>{}
                                  : audit("record_events", "application_logs", written, events[0].id);
        });
        if (!result)
            return std::unexpected(result.error());
        return static_cast<std::size_t>(written);
    }

    Expected<std::vector<contracts::TelemetryEvent>> recentEvents(int limit) override {
        std::lock_guard lock(mutex_);
        SqliteStatement q(
            db_, "SELECT id, ts, source, kind, code, message, trace_id, tags, payload FROM application_logs"
                 " ORDER BY ts DESC, id DESC LIMIT ?");
        q.bind(1, static_cast<long long>(limit));
        std::vector<contracts::TelemetryEvent> out;
        int rc;
        while ((rc = q.step()) == SQLITE_ROW) {
            contracts::TelemetryEvent e;
            e.id = q.text(0);
            e.ts = q.integer(1);
            (void)contracts::parseSource(q.text(2), e.source);
            (void)contracts::parseKind(q.text(3), e.kind);
            e.code = q.text(4);
            e.message = q.text(5);
            e.traceId = q.text(6);
            e.tags = nlohmann::json::parse(q.text(7)).get<std::map<std::string, std::string>>();
            e.payloadJson = q.text(8);
            out.push_back(std::move(e));
        }
        if (rc != SQLITE_DONE)
            return storageError("read events", q);
        return out;
    }

    Expected<std::optional<contracts::TestRun>> findRun(const contracts::Ulid& runId) override {
        std::lock_guard lock(mutex_);
        return readRun("run_id", runId);
    }

    Expected<std::optional<contracts::TestRun>> findRunByIngestKey(const std::string& ingestKey) override {
        std::lock_guard lock(mutex_);
        return readRun("ingest_key", ingestKey);
    }

    Expected<std::vector<contracts::TestFailure>>
    queryFailures(const contracts::FailureQuery& query) override {
        std::lock_guard lock(mutex_);
        // Only the given conditions, so SQLite can use the primary key and the run and pattern
        // indexes ("?3 IS NULL OR failure_id = ?3" scanned the table: 70 ms a lookup at 100k failures).
        std::string sql = "SELECT " + std::string(kFailureColumns) + " FROM test_failures WHERE 1";
        if (query.runId)
            sql += " AND run_id = ?1";
        if (query.patternId)
            sql += " AND pattern_id = ?2";
        if (query.failureId)
            sql += " AND failure_id = ?3";
        if (query.suite)
            sql += " AND suite = ?5";
        if (query.testName)
            sql += " AND test_name = ?6";
        sql += " ORDER BY ts DESC, failure_id DESC LIMIT ?4";
        SqliteStatement q(db_, sql);
        if (query.runId)
            q.bind(1, *query.runId);
        if (query.patternId)
            q.bind(2, *query.patternId);
        if (query.failureId)
            q.bind(3, *query.failureId);
        q.bind(4, static_cast<long long>(query.limit));
        if (query.suite)
            q.bind(5, *query.suite);
        if (query.testName)
            q.bind(6, *query.testName);
        std::vector<contracts::TestFailure> out;
        int rc;
        while ((rc = q.step()) == SQLITE_ROW)
            out.push_back(failureAt(q));
        if (rc != SQLITE_DONE)
            return storageError("query failures", q);
        return out;
    }

    Expected<std::vector<contracts::LintFailure>> lintFailures(const contracts::Ulid& runId) override {
        std::lock_guard lock(mutex_);
        return readLintFailures("WHERE run_id = ? ORDER BY file, line, col, failure_id", runId);
    }

    Expected<std::optional<contracts::LintFailure>>
    findLintFailure(const contracts::Ulid& failureId) override {
        std::lock_guard lock(mutex_);
        auto found = readLintFailures("WHERE failure_id = ?", failureId);
        if (!found)
            return std::unexpected(found.error());
        return found->empty() ? std::nullopt : std::optional(std::move(found->front()));
    }

    Expected<long long> count(contracts::TelemetryTable table) override {
        std::lock_guard lock(mutex_);
        SqliteStatement q(db_, std::string("SELECT COUNT(*) FROM ") + contracts::tableName(table));
        if (q.step() != SQLITE_ROW)
            return storageError(std::string("count ") + contracts::tableName(table), q);
        return q.integer(0);
    }

    Expected<std::vector<contracts::AuditEntry>> auditRows(int limit) override {
        std::lock_guard lock(mutex_);
        SqliteStatement q(
            db_,
            "SELECT id, ts, action, table_name, row_count, subject FROM audit_log ORDER BY id DESC LIMIT ?");
        q.bind(1, static_cast<long long>(limit));
        std::vector<contracts::AuditEntry> out;
        int rc;
        while ((rc = q.step()) == SQLITE_ROW)
            out.push_back({q.integer(0), q.integer(1), q.text(2), q.text(3), q.integer(4), q.text(5)});
        if (rc != SQLITE_DONE)
            return storageError("read the audit log", q);
        return out;
    }

    Expected<void> putEmbedding(const contracts::StoredEmbedding& e) override {
        std::lock_guard lock(mutex_);
        return inTransaction([&]() -> Expected<void> {
            if (auto stored = insertEmbedding(e); !stored)
                return stored;
            return audit("put_embedding", "embeddings", 1, e.ownerKind + ":" + e.ownerId);
        });
    }

    Expected<std::vector<contracts::StoredEmbedding>> loadEmbeddings(const std::string& model) override {
        std::lock_guard lock(mutex_);
        SqliteStatement q(db_, "SELECT owner_kind, owner_id, vector FROM embeddings WHERE model = ? ORDER BY "
                               "owner_kind, owner_id");
        q.bind(1, model);
        std::vector<contracts::StoredEmbedding> out;
        int rc;
        while ((rc = q.step()) == SQLITE_ROW)
            out.push_back({q.text(0), q.text(1), model, q.floats(2)});
        if (rc != SQLITE_DONE)
            return storageError("load the embeddings of " + model, q);
        return out;
    }

    Expected<std::uint64_t> failureVectorGeneration(const std::string& model) override {
        std::lock_guard lock(mutex_);
        return readGeneration(model);
    }

    Expected<std::uint64_t> visitFailureVectors(
        const std::string& model,
        const std::function<Expected<void>(const contracts::StoredEmbedding&)>& visit) override {
        std::lock_guard lock(mutex_);
        if (auto r = exec("BEGIN"); !r) // one read snapshot for the generation and the rows
            return std::unexpected(r.error());
        auto result = [&]() -> Expected<std::uint64_t> {
            auto generation = readGeneration(model);
            if (!generation)
                return generation;
            SqliteStatement q(
                db_, "SELECT owner_kind, owner_id, vector FROM embeddings WHERE model = ? AND"
                     " owner_kind IN ('lint_failure', 'test_failure') ORDER BY owner_kind, owner_id");
            q.bind(1, model);
            int rc;
            while ((rc = q.step()) == SQLITE_ROW)
                if (auto ok = visit({q.text(0), q.text(1), model, q.floats(2)}); !ok)
                    return std::unexpected(std::move(ok.error()));
            if (rc != SQLITE_DONE)
                return storageError("read failure vectors of " + model);
            return generation;
        }();
        (void)exec("COMMIT");
        return result;
    }

    Expected<contracts::UnembeddedFailures>
    unembeddedFailures(const contracts::UnembeddedQuery& query) override {
        std::lock_guard lock(mutex_);
        // Walks each table in primary-key order from the cursor; the embeddings primary key answers
        // NOT EXISTS, so a batch costs its own rows plus the embedded ones it skips.
        contracts::UnembeddedFailures out;
        SqliteStatement tests(db_, "SELECT " + std::string(kFailureColumns) +
                                       " FROM test_failures t WHERE failure_id > ?1 AND NOT EXISTS (SELECT 1"
                                       " FROM embeddings e WHERE e.owner_kind = 'test_failure' AND"
                                       " e.owner_id = t.failure_id AND e.model = ?2) ORDER BY failure_id"
                                       " LIMIT ?3");
        tests.bind(1, query.afterTestId);
        tests.bind(2, query.model);
        tests.bind(3, static_cast<long long>(query.limit));
        int rc;
        while ((rc = tests.step()) == SQLITE_ROW)
            out.tests.push_back(failureAt(tests));
        if (rc != SQLITE_DONE)
            return storageError("list test failures without a vector of " + query.model, tests);
        if (out.tests.size() >= query.limit)
            return out;
        SqliteStatement lints(db_, "SELECT failure_id FROM lint_failures l WHERE failure_id > ?1 AND NOT"
                                   " EXISTS (SELECT 1 FROM embeddings e WHERE e.owner_kind = 'lint_failure'"
                                   " AND e.owner_id = l.failure_id AND e.model = ?2) ORDER BY failure_id"
                                   " LIMIT ?3");
        lints.bind(1, query.afterLintId);
        lints.bind(2, query.model);
        lints.bind(3, static_cast<long long>(query.limit - out.tests.size()));
        std::vector<std::string> ids;
        while ((rc = lints.step()) == SQLITE_ROW)
            ids.push_back(lints.text(0));
        if (rc != SQLITE_DONE)
            return storageError("list lint failures without a vector of " + query.model, lints);
        for (const auto& id : ids) {
            auto lint = readLintFailures("WHERE failure_id = ?", id);
            if (!lint)
                return std::unexpected(std::move(lint.error()));
            std::ranges::move(*lint, std::back_inserter(out.lints));
        }
        return out;
    }

    Expected<std::size_t> addEmbeddings(std::span<const contracts::StoredEmbedding> embeddings) override {
        std::lock_guard lock(mutex_);
        long long added = 0;
        auto done = inTransaction([&]() -> Expected<void> {
            contracts::FailureTermCounts terms;
            for (const auto& e : embeddings) {
                if (auto stored = insertEmbedding(e, false); !stored)
                    return stored;
                if (sqlite3_changes(db_) == 1) {
                    ++added;
                    contracts::tallyFailureTerms(e, terms);
                }
            }
            if (auto counted = addTermCounts(terms); !counted)
                return counted;
            return audit("add_embeddings", "embeddings", added,
                         embeddings.empty() ? "" : embeddings.front().model);
        });
        if (!done)
            return std::unexpected(std::move(done.error()));
        return static_cast<std::size_t>(added);
    }

    Expected<contracts::TermFrequencies> termFrequencies(const std::string& model,
                                                         std::span<const std::string> terms) override {
        std::lock_guard lock(mutex_);
        // One statement per search (per 500 terms, under SQLite's bound-parameter limit), as
        // PostgreSQL's `= ANY($2)`: the total ('') and each term.
        constexpr std::size_t kTermsPerStatement = 500;
        std::map<std::string, long long, std::less<>> counts;
        for (std::size_t first = 0; first == 0 || first < terms.size(); first += kTermsPerStatement) {
            const std::size_t n = std::min(kTermsPerStatement, terms.size() - first);
            std::string sql = "SELECT term, failures FROM failure_terms WHERE model = ? AND term IN (''";
            for (std::size_t i = 0; i < n; ++i)
                sql += ", ?";
            SqliteStatement q(db_, sql + ")");
            q.bind(1, model);
            for (std::size_t i = 0; i < n; ++i)
                q.bind(static_cast<int>(i) + 2, terms[first + i]);
            int rc;
            while ((rc = q.step()) == SQLITE_ROW)
                counts[q.text(0)] = q.integer(1);
            if (rc != SQLITE_DONE)
                return storageError("read the term frequencies of " + model, q);
        }
        contracts::TermFrequencies out{0, std::vector<long long>(terms.size(), 0)};
        if (auto total = counts.find(""); total != counts.end())
            out.failures = total->second;
        for (std::size_t i = 0; i < terms.size(); ++i)
            if (auto it = counts.find(terms[i]); it != counts.end())
                out.withTerm[i] = it->second;
        return out;
    }

    Expected<std::vector<contracts::TestCaseName>> passedTests(const contracts::Ulid& runId) override {
        std::lock_guard lock(mutex_);
        SqliteStatement q(
            db_, "SELECT suite, test_name FROM test_passes WHERE run_id = ? ORDER BY suite, test_name");
        q.bind(1, runId);
        std::vector<contracts::TestCaseName> out;
        int rc;
        while ((rc = q.step()) == SQLITE_ROW)
            out.push_back({q.text(0), q.text(1)});
        if (rc != SQLITE_DONE)
            return storageError("read passed tests");
        return out;
    }

    Expected<bool> recordFix(const contracts::RecordedFix& f) override {
        std::lock_guard lock(mutex_);
        long long written = 0;
        auto result = inTransaction([&]() -> Expected<void> {
            SqliteStatement q(
                db_, "INSERT OR IGNORE INTO selfheal_fixes (fix_id, ts, source, pattern_id, failure_id, "
                     "suite, test_name,"
                     " failing_run_id, fixing_run_id, failing_commit, fixing_commit, diff, diff_truncated,"
                     " proposal_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            q.bind(1, f.id);
            q.bind(2, f.ts);
            q.bind(3, std::string(contracts::fixSourceName(f.source)));
            q.bind(4, f.patternId);
            q.bind(5, f.failureId);
            q.bindOrNull(6, f.suite);
            q.bindOrNull(7, f.testName);
            q.bindOrNull(8, f.failingRunId);
            q.bindOrNull(9, f.fixingRunId);
            q.bindOrNull(10, f.failingCommit);
            q.bindOrNull(11, f.fixingCommit);
            q.bind(12, f.diff);
            q.bind(13, static_cast<long long>(f.diffTruncated ? 1 : 0));
            q.bindOrNull(14, f.proposalId);
            if (!q.run())
                return storageError("record fix " + f.id);
            written = sqlite3_changes(db_);
            return audit("record_fix", "selfheal_fixes", written, f.id);
        });
        if (!result)
            return std::unexpected(result.error());
        return written > 0;
    }

    Expected<std::vector<contracts::RecordedFix>> fixes(const contracts::FixQuery& query) override {
        std::lock_guard lock(mutex_);
        SqliteStatement q(
            db_, "SELECT fix_id, ts, source, pattern_id, failure_id, suite, test_name, failing_run_id,"
                 " fixing_run_id, failing_commit, fixing_commit, diff, diff_truncated, proposal_id, " +
                     std::string(kOutcomeColumns) +
                     " FROM selfheal_fixes WHERE (?1 IS NULL OR pattern_id = ?1) AND (?2 IS NULL OR"
                     " failure_id = ?2) ORDER BY ts DESC, fix_id DESC LIMIT ?3");
        if (query.patternId)
            q.bind(1, *query.patternId);
        if (query.failureId)
            q.bind(2, *query.failureId);
        q.bind(3, static_cast<long long>(query.limit));
        std::vector<contracts::RecordedFix> out;
        int rc;
        while ((rc = q.step()) == SQLITE_ROW) {
            contracts::RecordedFix f;
            f.id = q.text(0);
            f.ts = q.integer(1);
            (void)contracts::parseFixSource(q.text(2), f.source);
            f.patternId = q.text(3);
            f.failureId = q.text(4);
            f.suite = q.text(5);
            f.testName = q.text(6);
            f.failingRunId = q.text(7);
            f.fixingRunId = q.text(8);
            f.failingCommit = q.text(9);
            f.fixingCommit = q.text(10);
            f.diff = q.text(11);
            f.diffTruncated = q.integer(12) != 0;
            f.proposalId = q.text(13);
            f.outcome = outcomeAt(q, 14);
            out.push_back(std::move(f));
        }
        if (rc != SQLITE_DONE)
            return storageError("read fixes");
        return out;
    }

    Expected<void> saveAttempt(const contracts::SelfHealAttempt& a) override {
        std::lock_guard lock(mutex_);
        return inTransaction([&]() -> Expected<void> {
            SqliteStatement q(
                db_,
                "INSERT INTO selfheal_proposals (proposal_id, ts, pattern_id, trigger_id, status, "
                "description,"
                " risk_score, confidence, agent, branch, commit_sha, bundle, reason, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (proposal_id) DO UPDATE SET"
                " status = excluded.status, description = excluded.description, risk_score ="
                " excluded.risk_score, confidence = excluded.confidence, agent = excluded.agent, branch ="
                " excluded.branch, commit_sha = excluded.commit_sha, bundle = excluded.bundle, reason ="
                " excluded.reason, updated_at = excluded.updated_at");
            q.bind(1, a.proposalId);
            q.bind(2, a.ts);
            q.bind(3, a.patternId);
            q.bind(4, a.triggerId);
            q.bind(5, a.status);
            q.bindOrNull(6, a.description);
            q.bind(7, static_cast<long long>(a.riskScore));
            q.bind(8, static_cast<long long>(a.confidence));
            q.bindOrNull(9, a.agent);
            q.bindOrNull(10, a.branch);
            q.bindOrNull(11, a.commitSha);
            q.bindOrNull(12, a.bundle);
            q.bindOrNull(13, a.reason);
            q.bind(14, a.updatedAt);
            if (!q.run())
                return storageError("save self-heal attempt " + a.proposalId);
            return audit("save_attempt", "selfheal_proposals", 1, a.proposalId);
        });
    }

    Expected<std::vector<contracts::SelfHealAttempt>>
    attempts(const contracts::AttemptQuery& query) override {
        std::lock_guard lock(mutex_);
        SqliteStatement q(db_,
                          "SELECT proposal_id, ts, pattern_id, trigger_id, status, description, risk_score,"
                          " confidence, agent, branch, commit_sha, bundle, reason, updated_at, " +
                              std::string(kOutcomeColumns) + " FROM selfheal_proposals " +
                              attemptWhere(query) + " ORDER BY ts DESC, proposal_id DESC LIMIT ?");
        int next = bindAttemptQuery(q, query);
        q.bind(next, static_cast<long long>(query.limit));
        std::vector<contracts::SelfHealAttempt> out;
        int rc;
        while ((rc = q.step()) == SQLITE_ROW)
            out.push_back({q.text(0), q.integer(1), q.text(2), q.text(3), q.text(4), q.text(5),
                           static_cast<int>(q.integer(6)), static_cast<int>(q.integer(7)), q.text(8),
                           q.text(9), q.text(10), q.text(11), q.text(12), q.integer(13), outcomeAt(q, 14)});
        if (rc != SQLITE_DONE)
            return storageError("read self-heal attempts");
        return out;
    }

    Expected<bool> recordOutcome(contracts::OutcomeSubject subject, const contracts::Ulid& id,
                                 const contracts::FixOutcome& o) override {
        std::lock_guard lock(mutex_);
        const bool proposal = subject == contracts::OutcomeSubject::Proposal;
        const std::string table = proposal ? "selfheal_proposals" : "selfheal_fixes";
        long long written = 0;
        auto result = inTransaction([&]() -> Expected<void> {
            SqliteStatement q(db_, "UPDATE " + table +
                                       " SET outcome = ?, merged_at = ?, merged_commit = ?, reverted_by = ?,"
                                       " recurred_failure_id = ?, outcome_changed_at = ? WHERE " +
                                       (proposal ? "proposal_id" : "fix_id") + " = ?");
            q.bind(1, std::string(contracts::outcomeStateName(o.state)));
            q.bind(2, o.mergedAt);
            q.bindOrNull(3, o.mergedCommit);
            q.bindOrNull(4, o.revertedBy);
            q.bindOrNull(5, o.recurredFailureId);
            q.bind(6, o.changedAt);
            q.bind(7, id);
            if (!q.run())
                return storageError("record the outcome of " + id);
            written = sqlite3_changes(db_);
            return audit("record_outcome", table.c_str(), written, id);
        });
        if (!result)
            return std::unexpected(result.error());
        return written > 0;
    }

    Expected<contracts::ClaimResult> claimFailure(const contracts::ClaimRequest& r) override {
        std::lock_guard lock(mutex_);
        auto result = contracts::ClaimResult::AtCapacity;
        auto done = inTransaction([&]() -> Expected<void> {
            SqliteStatement existing(
                db_, "SELECT daemon_id, state, lease_until FROM selfheal_claims WHERE failure_id = ?");
            existing.bind(1, r.failureId);
            const int rc = existing.step();
            if (rc != SQLITE_ROW && rc != SQLITE_DONE)
                return storageError("read the claim of " + r.failureId, existing);
            const bool mine = rc == SQLITE_ROW && existing.text(0) == r.daemonId;
            if (rc == SQLITE_ROW) {
                if (existing.text(1) == "done") {
                    result = contracts::ClaimResult::Done;
                    return {};
                }
                if (!mine && existing.integer(2) >= r.now) {
                    result = contracts::ClaimResult::Taken;
                    return {};
                }
            }
            if (!mine) {
                SqliteStatement live(
                    db_, "SELECT (SELECT COUNT(*) FROM selfheal_claims WHERE state = 'claimed' AND"
                         " lease_until >= ?1 AND failure_id <> ?2), (SELECT COUNT(*) FROM"
                         " selfheal_proposals WHERE status = 'proposed' AND outcome = 'open')");
                live.bind(1, r.now);
                live.bind(2, r.failureId);
                if (live.step() != SQLITE_ROW)
                    return storageError("count the claims", live);
                if (live.integer(0) >= r.maxInFlight || live.integer(1) >= r.maxOpenProposals)
                    return {};
            }
            SqliteStatement claim(db_,
                                  "INSERT OR REPLACE INTO selfheal_claims (failure_id, daemon_id, claimed_at,"
                                  " lease_until, state) VALUES (?, ?, ?, ?, 'claimed')");
            claim.bind(1, r.failureId);
            claim.bind(2, r.daemonId);
            claim.bind(3, r.now);
            claim.bind(4, r.now + r.leaseMillis);
            if (!claim.run())
                return storageError("claim " + r.failureId, claim);
            result = contracts::ClaimResult::Claimed;
            return audit("claim", "selfheal_claims", 1, r.failureId);
        });
        if (!done)
            return std::unexpected(done.error());
        return result;
    }

    Expected<bool> finishClaim(const contracts::Ulid& failureId, const std::string& daemonId,
                               const std::string& status, const contracts::Ulid& proposalId,
                               contracts::EpochMillis now) override {
        std::lock_guard lock(mutex_);
        long long written = 0;
        auto done = inTransaction([&]() -> Expected<void> {
            SqliteStatement q(
                db_, "UPDATE selfheal_claims SET state = 'done', status = ?, proposal_id = ?,"
                     " finished_at = ? WHERE failure_id = ? AND daemon_id = ? AND state = 'claimed'");
            q.bind(1, status);
            q.bindOrNull(2, proposalId);
            q.bind(3, now);
            q.bind(4, failureId);
            q.bind(5, daemonId);
            if (!q.run())
                return storageError("finish the claim of " + failureId, q);
            written = sqlite3_changes(db_);
            return audit("finish_claim", "selfheal_claims", written, failureId);
        });
        if (!done)
            return std::unexpected(done.error());
        return written > 0;
    }

    Expected<void> releaseClaim(const contracts::Ulid& failureId, const std::string& daemonId) override {
        std::lock_guard lock(mutex_);
        return inTransaction([&]() -> Expected<void> {
            SqliteStatement q(db_, "DELETE FROM selfheal_claims WHERE failure_id = ? AND daemon_id = ? AND"
                                   " state = 'claimed'");
            q.bind(1, failureId);
            q.bind(2, daemonId);
            if (!q.run())
                return storageError("release the claim of " + failureId, q);
            return audit("release_claim", "selfheal_claims", sqlite3_changes(db_), failureId);
        });
    }

    Expected<void> renewClaims(const std::string& daemonId, contracts::EpochMillis leaseUntil) override {
        std::lock_guard lock(mutex_);
        return inTransaction([&]() -> Expected<void> {
            SqliteStatement q(db_, "UPDATE selfheal_claims SET lease_until = ? WHERE daemon_id = ? AND"
                                   " state = 'claimed'");
            q.bind(1, leaseUntil);
            q.bind(2, daemonId);
            if (!q.run())
                return storageError("renew the claims of " + daemonId, q);
            return {};
        });
    }

    Expected<std::vector<contracts::TestFailure>> pendingFailures(contracts::EpochMillis since,
                                                                  contracts::EpochMillis now,
                                                                  const std::string& daemonId,
                                                                  int limit) override {
        std::lock_guard lock(mutex_);
        SqliteStatement q(
            db_, "SELECT " + std::string(kFailureColumns) +
                     " FROM test_failures f WHERE ts >= ?1 AND NOT EXISTS (SELECT 1 FROM"
                     " selfheal_claims c WHERE c.failure_id = f.failure_id AND (c.state = 'done' OR"
                     " (c.lease_until >= ?2 AND c.daemon_id <> ?4))) ORDER BY ts, failure_id LIMIT ?3");
        q.bind(1, since);
        q.bind(2, now);
        q.bind(3, static_cast<long long>(limit));
        q.bind(4, daemonId);
        std::vector<contracts::TestFailure> out;
        int rc;
        while ((rc = q.step()) == SQLITE_ROW)
            out.push_back(failureAt(q));
        if (rc != SQLITE_DONE)
            return storageError("read pending failures", q);
        return out;
    }

    Expected<std::size_t> recordMetrics(std::span<const contracts::MetricSample> samples) override {
        std::lock_guard lock(mutex_);
        long long written = 0;
        auto result = inTransaction([&]() -> Expected<void> {
            SqliteStatement insert(db_, "INSERT OR IGNORE INTO metrics_samples VALUES (?,?,?,?,?)");
            for (const auto& m : samples) {
                insert.bind(1, m.id);
                insert.bind(2, m.ts);
                insert.bind(3, m.name);
                insert.bind(4, m.value);
                insert.bind(5, nlohmann::json(m.tags).dump());
                if (!insert.run())
                    return storageError("insert metric " + m.id, insert);
                written += sqlite3_changes(db_);
            }
            return samples.empty() ? Expected<void>{}
                                   : audit("record_metrics", "metrics_samples", written, samples[0].id);
        });
        if (!result)
            return std::unexpected(result.error());
        return static_cast<std::size_t>(written);
    }

    Expected<std::vector<contracts::MetricSample>> metrics(const std::string& name,
                                                           contracts::EpochMillis since) override {
        std::lock_guard lock(mutex_);
        SqliteStatement q(db_,
                          "SELECT sample_id, ts, name, value, tags FROM metrics_samples WHERE name = ? AND"
                          " ts >= ? ORDER BY ts, sample_id");
        q.bind(1, name);
        q.bind(2, since);
        std::vector<contracts::MetricSample> out;
        int rc;
        while ((rc = q.step()) == SQLITE_ROW)
            out.push_back({q.text(0), q.integer(1), q.text(2), q.real(3),
                           nlohmann::json::parse(q.text(4)).get<std::map<std::string, std::string>>()});
        if (rc != SQLITE_DONE)
            return storageError("read metrics " + name, q);
        return out;
    }

    Expected<long long> countAttempts(const contracts::AttemptQuery& query) override {
        std::lock_guard lock(mutex_);
        SqliteStatement q(db_, "SELECT COUNT(*) FROM selfheal_proposals " + attemptWhere(query));
        (void)bindAttemptQuery(q, query);
        if (q.step() != SQLITE_ROW)
            return storageError("count self-heal attempts");
        return q.integer(0);
    }

private:
    // A test failure from the columns kFailureColumns names.
    static constexpr const char* kFailureColumns =
        "failure_id, run_id, ts, suite, test_name, file, line, message,"
        " stack_trace, pattern_id, duration_ms";
    static contracts::TestFailure failureAt(SqliteStatement& q) {
        contracts::TestFailure f;
        f.id = q.text(0);
        f.runId = q.text(1);
        f.ts = q.integer(2);
        f.suite = q.text(3);
        f.testName = q.text(4);
        f.file = q.text(5);
        f.line = static_cast<unsigned>(q.integer(6));
        f.message = q.text(7);
        f.stackTrace = q.text(8);
        f.patternId = q.text(9);
        f.durationMs = q.integer(10);
        return f;
    }

    // The outcome columns, in the order outcomeAt reads them.
    static constexpr const char* kOutcomeColumns =
        "outcome, merged_at, merged_commit, reverted_by, recurred_failure_id, outcome_changed_at";

    // The outcome read from kOutcomeColumns starting at column `first`.
    static contracts::FixOutcome outcomeAt(SqliteStatement& q, int first) {
        contracts::FixOutcome o;
        (void)contracts::parseOutcomeState(q.text(first), o.state);
        o.mergedAt = q.integer(first + 1);
        o.mergedCommit = q.text(first + 2);
        o.revertedBy = q.text(first + 3);
        o.recurredFailureId = q.text(first + 4);
        o.changedAt = q.integer(first + 5);
        return o;
    }

    // The WHERE clause of an attempt query: one `?` per set filter and per status.
    static std::string attemptWhere(const contracts::AttemptQuery& query) {
        std::string where = "WHERE 1 = 1";
        if (query.patternId)
            where += " AND pattern_id = ?";
        if (query.triggerId)
            where += " AND trigger_id = ?";
        if (query.since)
            where += " AND ts >= ?";
        if (!query.statuses.empty()) {
            where += " AND status IN (";
            for (std::size_t i = 0; i < query.statuses.size(); ++i)
                where += i == 0 ? "?" : ", ?";
            where += ")";
        }
        return where;
    }

    // Binds attemptWhere's parameters from position 1; returns the next free position.
    static int bindAttemptQuery(SqliteStatement& q, const contracts::AttemptQuery& query) {
        int pos = 1;
        if (query.patternId)
            q.bind(pos++, *query.patternId);
        if (query.triggerId)
            q.bind(pos++, *query.triggerId);
        if (query.since)
            q.bind(pos++, *query.since);
        for (const auto& status : query.statuses)
            q.bind(pos++, status);
        return pos;
    }

    // The lint_failures rows selected by `where` with its one parameter.
    Expected<std::vector<contracts::LintFailure>> readLintFailures(const std::string& where,
                                                                   const std::string& param) {
        SqliteStatement q(db_,
                          "SELECT failure_id, run_id, ts, tool, rule_id, level, file, line, col, message,"
                          " pattern_id FROM lint_failures " +
                              where);
        q.bind(1, param);
        std::vector<contracts::LintFailure> out;
        int rc;
        while ((rc = q.step()) == SQLITE_ROW) {
            contracts::LintFailure f;
            f.id = q.text(0);
            f.runId = q.text(1);
            f.ts = q.integer(2);
            f.tool = q.text(3);
            f.ruleId = q.text(4);
            f.level = q.text(5);
            f.file = q.text(6);
            f.line = static_cast<unsigned>(q.integer(7));
            f.column = static_cast<unsigned>(q.integer(8));
            f.message = q.text(9);
            f.patternId = q.text(10);
            out.push_back(std::move(f));
        }
        if (rc != SQLITE_DONE)
            return storageError("read lint failures", q);
        return out;
    }

    Expected<std::uint64_t> readGeneration(const std::string& model) {
        SqliteStatement q(db_, "SELECT generation FROM vector_generations WHERE model = ?");
        q.bind(1, model);
        const int rc = q.step();
        if (rc == SQLITE_DONE)
            return 0;
        if (rc != SQLITE_ROW)
            return storageError("read the vector generation of " + model, q);
        return static_cast<std::uint64_t>(q.integer(0));
    }

    // The run whose `column` (run_id or ingest_key) is `value`, or nullopt.
    Expected<std::optional<contracts::TestRun>> readRun(const std::string& column, const std::string& value) {
        SqliteStatement q(db_,
                          "SELECT run_id, started_at, source, repository, branch, commit_sha, ci_provider,"
                          " ci_job_id, tool, total, passed, failed, skipped, duration_ms, ingest_key"
                          " FROM test_runs WHERE " +
                              column + " = ?");
        q.bind(1, value);
        int rc = q.step();
        if (rc == SQLITE_DONE)
            return std::optional<contracts::TestRun>{};
        if (rc != SQLITE_ROW)
            return storageError("read run " + value, q);
        contracts::TestRun r;
        r.runId = q.text(0);
        r.startedAt = q.integer(1);
        r.source = q.text(2) == "ci" ? contracts::RunSource::Ci : contracts::RunSource::Local;
        r.repository = q.text(3);
        r.branch = q.text(4);
        r.commitSha = q.text(5);
        r.ciProvider = q.text(6);
        r.ciJobId = q.text(7);
        r.tool = q.text(8);
        r.total = static_cast<int>(q.integer(9));
        r.passed = static_cast<int>(q.integer(10));
        r.failed = static_cast<int>(q.integer(11));
        r.skipped = static_cast<int>(q.integer(12));
        r.durationMs = q.integer(13);
        r.ingestKey = q.text(14);
        return std::optional{r};
    }

    // Adds `counts` to failure_terms, inside the caller's transaction.
    Expected<void> addTermCounts(const contracts::FailureTermCounts& counts) {
        if (counts.empty())
            return {};
        SqliteStatement q(db_, "INSERT INTO failure_terms VALUES (?, ?, ?) ON CONFLICT (model, term)"
                               " DO UPDATE SET failures = failures + excluded.failures");
        for (const auto& [key, n] : counts) {
            q.bind(1, key.first);
            q.bind(2, key.second);
            q.bind(3, n);
            if (!q.run())
                return storageError("count the terms of " + key.first, q);
        }
        return {};
    }

    // Inserts one vector, inside the caller's transaction; a stored one is replaced, or with
    // `replace` false left as it is.
    Expected<void> insertEmbedding(const contracts::StoredEmbedding& e, bool replace = true) {
        SqliteStatement q(db_, replace ? "INSERT INTO embeddings VALUES (?,?,?,?,?) ON CONFLICT (owner_kind,"
                                         " owner_id, model) DO UPDATE SET dims = excluded.dims,"
                                         " vector = excluded.vector"
                                       : "INSERT INTO embeddings VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING");
        q.bind(1, e.ownerKind);
        q.bind(2, e.ownerId);
        q.bind(3, e.model);
        q.bind(4, static_cast<long long>(e.vector.size()));
        q.bindBlob(5, e.vector.data(), e.vector.size() * sizeof(float));
        if (!q.run())
            return storageError("store embedding of " + e.ownerKind + " " + e.ownerId, q);
        return {};
    }

    Expected<bool> isApplied(int version) {
        SqliteStatement check(db_, "SELECT 1 FROM schema_migrations WHERE version = ?");
        check.bind(1, static_cast<long long>(version));
        int rc = check.step();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return storageError("read the applied migrations", check);
        return rc == SQLITE_ROW;
    }

    std::unexpected<contracts::Error> storageError(const std::string& what) const {
        return fail(ErrorKind::Storage, what + " failed: " + sqlite3_errmsg(db_), path_);
    }
    // `what` failed in `statement`: its own error (a failed bind is not in sqlite3_errmsg).
    std::unexpected<contracts::Error> storageError(const std::string& what,
                                                   const SqliteStatement& statement) const {
        return fail(ErrorKind::Storage, what + " failed: " + statement.error(), path_);
    }

    // Outside a transaction, SQLITE_BUSY that the busy handler never saw (a new file's switch to WAL
    // or another connection's WAL recovery) is retried for up to 5 s; inside one it is an error.
    Expected<void> exec(const char* sql) {
        for (int attempt = 0;; ++attempt) {
            char* message = nullptr;
            const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
            if (rc == SQLITE_OK)
                return {};
            std::string text = message ? message : "unknown error";
            sqlite3_free(message);
            if ((rc & 0xff) == SQLITE_BUSY && sqlite3_get_autocommit(db_) != 0 && attempt < 100) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                continue;
            }
            return fail(ErrorKind::Storage, text, path_);
        }
    }

    template <typename F> Expected<void> inTransaction(F&& body) {
        if (auto r = exec("BEGIN IMMEDIATE"); !r)
            return r;
        auto result = body();
        if (!result) {
            (void)exec("ROLLBACK");
            return result;
        }
        if (auto r = exec("COMMIT"); !r) {
            (void)exec("ROLLBACK");
            return r;
        }
        return {};
    }

    Expected<void> audit(const char* action, const char* table, long long rows, const std::string& subject) {
        SqliteStatement q(
            db_, std::string("INSERT INTO audit_log (ts, action, table_name, row_count, subject) VALUES (") +
                     kNowMillis + ", ?, ?, ?, ?)");
        q.bind(1, std::string(action));
        q.bind(2, std::string(table));
        q.bind(3, rows);
        q.bind(4, subject);
        return q.run() ? Expected<void>{} : storageError("write audit row", q);
    }

    sqlite3* db_;
    std::string path_;
    std::mutex mutex_;
};

} // namespace

Expected<std::unique_ptr<ports::TelemetryStore>> openSqliteStore(const std::string& path) {
    if (path != ":memory:") {
        std::error_code ec;
        auto parent = std::filesystem::path(path).parent_path();
        if (!parent.empty())
            std::filesystem::create_directories(parent, ec);
        if (ec)
            return fail(ErrorKind::Io, "cannot create folder " + parent.string() + ": " + ec.message(), path);
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        return fail(ErrorKind::Unavailable, "cannot open telemetry database: " + message, path, 0,
                    "check that the folder is writable");
    }
    auto store = std::make_unique<SqliteStore>(db, path);
    if (auto r = store->configure(); !r)
        return std::unexpected(r.error());
    if (auto r = store->migrate(); !r)
        return std::unexpected(r.error());
    return std::unique_ptr<ports::TelemetryStore>(std::move(store));
}

} // namespace devos::adapters
