// The team telemetry store over libpq. One connection behind a mutex; a broken connection is
// reset on the next call, and while the server is unreachable every call fails with
// ErrorKind::Unavailable (the client spools). Event batches go through COPY into a temporary
// staging table and then INSERT ... ON CONFLICT DO NOTHING, because COPY alone cannot skip
// replayed ids. An ingest with failures NOTIFYs devos_failures, delivered at commit.
#include "pg_result.hpp"
#include "pg_schema.hpp"

#include <cstring>
#include <devos/adapters/postgres_store.hpp>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;
using contracts::Expected;
using contracts::fail;

constexpr const char* kNowMillis = "(extract(epoch FROM clock_timestamp()) * 1000)::BIGINT";

// COPY text format: backslash escapes for the separators, \N for NULL.
void appendCopyField(std::string& line, const std::string& value, bool nullIfEmpty) {
    if (nullIfEmpty && value.empty()) {
        line += "\\N";
        return;
    }
    for (char c : value) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\t':
            line += "\\t";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        default:
            line += c;
        }
    }
}

class PostgresStore final : public ports::TelemetryStore {
public:
    explicit PostgresStore(std::string url) : url_(std::move(url)) {}
    ~PostgresStore() override {
        if (conn_)
            PQfinish(conn_);
    }

    Expected<void> migrate() override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return c;
        return inTransaction([&]() -> Expected<void> {
            if (auto r = run("SELECT pg_advisory_xact_lock(4242001)"); !r)
                return r;
            if (auto r = run("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                             "name TEXT NOT NULL,"
                             " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
                !r)
                return r;
            for (const auto& m : pgMigrations()) {
                auto done = pgExec(conn_, "SELECT 1 FROM schema_migrations WHERE version = $1",
                                   {std::to_string(m.version)});
                if (!pgOk(done))
                    return error("read schema_migrations");
                if (PQntuples(done.get()) > 0)
                    continue;
                if (auto r = run(m.sql); !r)
                    return r;
                if (!pgOk(pgExec(conn_, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                                 {std::to_string(m.version), m.name})))
                    return error("record migration");
            }
            return enableTimescaleWhenAvailable();
        });
    }

    Expected<void> ingest(const contracts::IngestBatch& batch) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return c;
        return inTransaction([&]() -> Expected<void> {
            const auto& r = batch.run;
            auto run = pgExec(conn_,
                              "INSERT INTO test_runs VALUES "
                              "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,NULLIF($15, ''))"
                              " ON CONFLICT (run_id) DO NOTHING",
                              {r.runId, std::to_string(r.startedAt),
                               r.source == contracts::RunSource::Ci ? "ci" : "local", r.repository, r.branch,
                               r.commitSha, r.ciProvider, r.ciJobId, r.tool, std::to_string(r.total),
                               std::to_string(r.passed), std::to_string(r.failed), std::to_string(r.skipped),
                               std::to_string(r.durationMs), r.ingestKey});
            if (!pgOk(run))
                return error("insert test run " + r.runId, run);
            long long written = std::atoll(PQcmdTuples(run.get()));
            long long newFailures = 0;
            for (const auto& f : batch.testFailures) {
                auto res = pgExec(conn_,
                                  "INSERT INTO test_failures VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)"
                                  " ON CONFLICT (failure_id) DO NOTHING",
                                  {f.id, f.runId, std::to_string(f.ts), f.suite, f.testName, f.file,
                                   std::to_string(f.line), f.message, f.stackTrace, f.patternId,
                                   std::to_string(f.durationMs)});
                if (!pgOk(res))
                    return error("insert test failure " + f.id, res);
                newFailures += std::atoll(PQcmdTuples(res.get()));
            }
            for (const auto& f : batch.lintFailures) {
                auto res = pgExec(conn_,
                                  "INSERT INTO lint_failures VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)"
                                  " ON CONFLICT (failure_id) DO NOTHING",
                                  {f.id, f.runId, std::to_string(f.ts), f.tool, f.ruleId, f.level, f.file,
                                   std::to_string(f.line), std::to_string(f.column), f.message, f.patternId});
                if (!pgOk(res))
                    return error("insert lint failure " + f.id, res);
                newFailures += std::atoll(PQcmdTuples(res.get()));
            }
            long long passes = 0;
            for (const auto& t : batch.passedTests) {
                auto res = pgExec(conn_, "INSERT INTO test_passes VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                                  {r.runId, t.suite, t.testName});
                if (!pgOk(res))
                    return error("insert passed test " + t.testName, res);
                passes += std::atoll(PQcmdTuples(res.get()));
            }
            written += passes;
            contracts::FailureTermCounts terms;
            for (const auto& e : batch.embeddings) {
                long long inserted = 0;
                if (auto stored = insertEmbedding(e, &inserted); !stored)
                    return stored;
                if (inserted == 1)
                    contracts::tallyFailureTerms(e, terms);
            }
            if (auto counted = addTermCounts(terms); !counted)
                return counted;
            if (newFailures > 0)
                if (!pgOk(pgExec(conn_, "SELECT pg_notify($1, $2)", {kFailuresChannel, r.runId})))
                    return error("notify " + std::string(kFailuresChannel));
            return audit("ingest_run", "test_runs", written + newFailures, r.runId);
        });
    }

    Expected<std::size_t> recordEvents(std::span<const contracts::TelemetryEvent> events) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return std::unexpected(c.error());
        long long written = 0;
        auto result = inTransaction([&]() -> Expected<void> {
            if (events.empty())
                return {};
            std::set<long long> days;
            for (const auto& e : events)
                days.insert(e.ts / 86400000);
            for (long long day : days)
                if (!pgOk(pgExec(conn_, "SELECT devos_ensure_log_partition($1)",
                                 {std::to_string(day * 86400000)})))
                    return error("create the application_logs partition");
            if (auto r = run("CREATE TEMP TABLE IF NOT EXISTS devos_log_staging (LIKE application_logs)"
                             " ON COMMIT DELETE ROWS");
                !r)
                return r;
            auto copy = pgExec(
                conn_, "COPY devos_log_staging (id, ts, source, kind, code, message, trace_id, tags, payload)"
                       " FROM STDIN");
            if (PQresultStatus(copy.get()) != PGRES_COPY_IN)
                return error("start COPY", copy);
            std::string data;
            for (const auto& e : events) {
                appendCopyField(data, e.id, false);
                data += '\t';
                data += std::to_string(e.ts) + '\t' + contracts::sourceName(e.source) + '\t' +
                        contracts::kindName(e.kind) + '\t';
                appendCopyField(data, e.code, true);
                data += '\t';
                appendCopyField(data, e.message, false);
                data += '\t';
                appendCopyField(data, e.traceId, true);
                data += '\t';
                appendCopyField(data, nlohmann::json(e.tags).dump(), false);
                data += '\t';
                appendCopyField(data, e.payloadJson, true);
                data += '\n';
            }
            if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1 ||
                PQputCopyEnd(conn_, nullptr) != 1)
                return error("send COPY data");
            PgResult copied(PQgetResult(conn_), PQclear);
            while (PGresult* extra = PQgetResult(conn_))
                PQclear(extra);
            if (!pgOk(copied))
                return error("COPY events", copied);
            auto moved = pgExec(
                conn_, "INSERT INTO application_logs SELECT * FROM devos_log_staging ON CONFLICT DO NOTHING");
            if (!pgOk(moved))
                return error("insert events", moved);
            written = std::atoll(PQcmdTuples(moved.get()));
            return audit("record_events", "application_logs", written, events[0].id);
        });
        if (!result)
            return std::unexpected(result.error());
        return static_cast<std::size_t>(written);
    }

    Expected<std::vector<contracts::TelemetryEvent>> recentEvents(int limit) override {
        auto rows = query(
            "SELECT id, ts, source, kind, code, message, trace_id, tags::text, payload FROM application_logs"
            " ORDER BY ts DESC, id DESC LIMIT $1",
            {std::to_string(limit)});
        if (!rows)
            return std::unexpected(rows.error());
        std::vector<contracts::TelemetryEvent> out;
        for (int i = 0; i < PQntuples(rows->get()); ++i) {
            contracts::TelemetryEvent e;
            e.id = pgText(*rows, i, 0);
            e.ts = std::atoll(pgText(*rows, i, 1).c_str());
            (void)contracts::parseSource(pgText(*rows, i, 2), e.source);
            (void)contracts::parseKind(pgText(*rows, i, 3), e.kind);
            e.code = pgText(*rows, i, 4);
            e.message = pgText(*rows, i, 5);
            e.traceId = pgText(*rows, i, 6);
            e.tags = nlohmann::json::parse(pgText(*rows, i, 7)).get<std::map<std::string, std::string>>();
            e.payloadJson = pgText(*rows, i, 8);
            out.push_back(std::move(e));
        }
        return out;
    }

    Expected<std::optional<contracts::TestRun>> findRun(const contracts::Ulid& runId) override {
        return readRun("run_id", runId);
    }

    Expected<std::optional<contracts::TestRun>> findRunByIngestKey(const std::string& ingestKey) override {
        return readRun("ingest_key", ingestKey);
    }

    Expected<std::vector<contracts::TestFailure>> queryFailures(const contracts::FailureQuery& q) override {
        auto rows =
            query("SELECT " + std::string(kFailureColumns) +
                      " FROM test_failures WHERE ($1::text IS NULL OR run_id = $1) AND ($2::text IS NULL OR"
                      " pattern_id = $2) AND ($3::text IS NULL OR failure_id = $3) AND ($5::text IS NULL OR "
                      "suite = "
                      "$5) AND"
                      " ($6::text IS NULL OR test_name = $6) ORDER BY ts DESC, failure_id DESC LIMIT $4",
                  {q.runId.value_or(""), q.patternId.value_or(""), q.failureId.value_or(""),
                   std::to_string(q.limit), q.suite.value_or(""), q.testName.value_or("")},
                  true);
        if (!rows)
            return std::unexpected(rows.error());
        return failuresOf(*rows);
    }

    Expected<std::vector<contracts::LintFailure>> lintFailures(const contracts::Ulid& runId) override {
        return readLintFailures("WHERE run_id = $1 ORDER BY file, line, col, failure_id", {runId});
    }

    Expected<std::optional<contracts::LintFailure>>
    findLintFailure(const contracts::Ulid& failureId) override {
        auto found = readLintFailures("WHERE failure_id = $1", {failureId});
        if (!found)
            return std::unexpected(found.error());
        return found->empty() ? std::nullopt : std::optional(std::move(found->front()));
    }

    Expected<long long> count(contracts::TelemetryTable table) override {
        auto rows = query(std::string("SELECT COUNT(*) FROM ") + contracts::tableName(table), {});
        if (!rows)
            return std::unexpected(rows.error());
        return std::atoll(pgText(*rows, 0, 0).c_str());
    }

    Expected<std::vector<contracts::AuditEntry>> auditRows(int limit) override {
        auto rows = query(
            "SELECT id, ts, action, table_name, row_count, subject FROM audit_log ORDER BY id DESC LIMIT $1",
            {std::to_string(limit)});
        if (!rows)
            return std::unexpected(rows.error());
        std::vector<contracts::AuditEntry> out;
        for (int i = 0; i < PQntuples(rows->get()); ++i) {
            auto t = [&](int c) { return pgText(*rows, i, c); };
            out.push_back({std::atoll(t(0).c_str()), std::atoll(t(1).c_str()), t(2), t(3),
                           std::atoll(t(4).c_str()), t(5)});
        }
        return out;
    }

    Expected<contracts::UnembeddedFailures> unembeddedFailures(const contracts::UnembeddedQuery& q) override {
        contracts::UnembeddedFailures out;
        auto tests = query("SELECT " + std::string(kFailureColumns) +
                               " FROM test_failures t WHERE failure_id > $1 AND NOT EXISTS (SELECT 1 FROM"
                               " embeddings e WHERE e.owner_kind = 'test_failure' AND e.owner_id ="
                               " t.failure_id AND e.model = $2) ORDER BY failure_id LIMIT $3",
                           {q.afterTestId, q.model, std::to_string(q.limit)});
        if (!tests)
            return std::unexpected(tests.error());
        out.tests = failuresOf(*tests);
        if (out.tests.size() >= q.limit)
            return out;
        auto lints = readLintFailures(
            "l WHERE failure_id > $1 AND NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.owner_kind ="
            " 'lint_failure' AND e.owner_id = l.failure_id AND e.model = $2) ORDER BY failure_id LIMIT $3",
            {q.afterLintId, q.model, std::to_string(q.limit - out.tests.size())});
        if (!lints)
            return std::unexpected(lints.error());
        out.lints = std::move(*lints);
        return out;
    }

    Expected<std::size_t> addEmbeddings(std::span<const contracts::StoredEmbedding> embeddings) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return std::unexpected(c.error());
        long long added = 0;
        auto done = inTransaction([&]() -> Expected<void> {
            contracts::FailureTermCounts terms;
            for (const auto& e : embeddings) {
                const long long before = added;
                if (auto stored = insertEmbedding(e, &added); !stored)
                    return stored;
                if (added > before)
                    contracts::tallyFailureTerms(e, terms);
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
        auto rows = query("SELECT term, failures FROM failure_terms WHERE model = $1 AND"
                          " (term = '' OR term = ANY($2::text[]))",
                          {model, arrayLiteral(terms)});
        if (!rows)
            return std::unexpected(rows.error());
        contracts::TermFrequencies out{0, std::vector<long long>(terms.size(), 0)};
        for (int r = 0; r < PQntuples(rows->get()); ++r) {
            const std::string term = pgText(*rows, r, 0);
            const long long n = std::atoll(pgText(*rows, r, 1).c_str());
            if (term.empty())
                out.failures = n;
            for (std::size_t i = 0; i < terms.size(); ++i)
                if (terms[i] == term)
                    out.withTerm[i] = n;
        }
        return out;
    }

    Expected<void> putEmbedding(const contracts::StoredEmbedding& e) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return c;
        return inTransaction([&]() -> Expected<void> {
            if (auto stored = insertEmbedding(e); !stored)
                return stored;
            return audit("put_embedding", "embeddings", 1, e.ownerKind + ":" + e.ownerId);
        });
    }

    Expected<std::vector<contracts::StoredEmbedding>> loadEmbeddings(const std::string& model) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return std::unexpected(c.error());
        const char* values[1] = {model.c_str()};
        PgResult rows(PQexecParams(conn_,
                                   "SELECT owner_kind, owner_id, vector FROM embeddings WHERE model = $1"
                                   " ORDER BY owner_kind, owner_id",
                                   1, nullptr, values, nullptr, nullptr, 1),
                      PQclear);
        if (!pgOk(rows))
            return error("load embeddings", rows);
        std::vector<contracts::StoredEmbedding> out;
        for (int i = 0; i < PQntuples(rows.get()); ++i) {
            auto bytes = static_cast<std::size_t>(PQgetlength(rows.get(), i, 2));
            std::vector<float> vector(bytes / sizeof(float));
            if (!vector.empty())
                std::memcpy(vector.data(), PQgetvalue(rows.get(), i, 2), vector.size() * sizeof(float));
            out.push_back({std::string(PQgetvalue(rows.get(), i, 0),
                                       static_cast<std::size_t>(PQgetlength(rows.get(), i, 0))),
                           std::string(PQgetvalue(rows.get(), i, 1),
                                       static_cast<std::size_t>(PQgetlength(rows.get(), i, 1))),
                           model, std::move(vector)});
        }
        return out;
    }

    Expected<std::uint64_t> failureVectorGeneration(const std::string& model) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return std::unexpected(c.error());
        return readGeneration(model);
    }

    // One REPEATABLE READ transaction (the generation and the rows of one snapshot); rows come through
    // a cursor, 1024 at a time, so a million vectors never sit in one result.
    Expected<std::uint64_t> visitFailureVectors(
        const std::string& model,
        const std::function<Expected<void>(const contracts::StoredEmbedding&)>& visit) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return std::unexpected(c.error());
        if (auto r = run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !r)
            return std::unexpected(r.error());
        auto result = [&]() -> Expected<std::uint64_t> {
            auto generation = readGeneration(model);
            if (!generation)
                return generation;
            const char* values[1] = {model.c_str()};
            PgResult declared(
                PQexecParams(conn_,
                             "DECLARE devos_vectors NO SCROLL CURSOR FOR SELECT owner_kind, owner_id,"
                             " vector FROM embeddings WHERE model = $1 AND owner_kind IN"
                             " ('lint_failure', 'test_failure') ORDER BY owner_kind, owner_id",
                             1, nullptr, values, nullptr, nullptr, 1),
                PQclear);
            if (!pgOk(declared))
                return error("read failure vectors of " + model, declared);
            for (;;) {
                PgResult rows(PQexecParams(conn_, "FETCH 1024 FROM devos_vectors", 0, nullptr, nullptr,
                                           nullptr, nullptr, 1),
                              PQclear);
                if (!pgOk(rows))
                    return error("read failure vectors of " + model, rows);
                const int n = PQntuples(rows.get());
                for (int i = 0; i < n; ++i) {
                    auto cell = [&](int c) {
                        return std::string(PQgetvalue(rows.get(), i, c),
                                           static_cast<std::size_t>(PQgetlength(rows.get(), i, c)));
                    };
                    const auto bytes = static_cast<std::size_t>(PQgetlength(rows.get(), i, 2));
                    std::vector<float> vector(bytes / sizeof(float));
                    if (!vector.empty())
                        std::memcpy(vector.data(), PQgetvalue(rows.get(), i, 2),
                                    vector.size() * sizeof(float));
                    if (auto ok = visit({cell(0), cell(1), model, std::move(vector)}); !ok)
                        return std::unexpected(std::move(ok.error()));
                }
                if (n == 0)
                    return generation;
            }
        }();
        (void)run(result ? "COMMIT" : "ROLLBACK");
        return result;
    }

    Expected<std::vector<contracts::TestCaseName>> passedTests(const contracts::Ulid& runId) override {
        auto rows = query(
            "SELECT suite, test_name FROM test_passes WHERE run_id = $1 ORDER BY suite, test_name", {runId});
        if (!rows)
            return std::unexpected(rows.error());
        std::vector<contracts::TestCaseName> out;
        for (int i = 0; i < PQntuples(rows->get()); ++i)
            out.push_back({pgText(*rows, i, 0), pgText(*rows, i, 1)});
        return out;
    }

    Expected<bool> recordFix(const contracts::RecordedFix& f) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return std::unexpected(c.error());
        long long written = 0;
        auto result = inTransaction([&]() -> Expected<void> {
            auto res = pgExec(
                conn_,
                "INSERT INTO selfheal_fixes (fix_id, ts, source, pattern_id, failure_id, suite, test_name,"
                " failing_run_id, fixing_run_id, failing_commit, fixing_commit, diff, diff_truncated,"
                " proposal_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)"
                " ON CONFLICT DO NOTHING",
                {f.id, std::to_string(f.ts), contracts::fixSourceName(f.source), f.patternId, f.failureId,
                 f.suite, f.testName, f.failingRunId, f.fixingRunId, f.failingCommit, f.fixingCommit, f.diff,
                 f.diffTruncated ? "true" : "false", f.proposalId});
            if (!pgOk(res))
                return error("record fix " + f.id, res);
            written = std::atoll(PQcmdTuples(res.get()));
            return audit("record_fix", "selfheal_fixes", written, f.id);
        });
        if (!result)
            return std::unexpected(result.error());
        return written > 0;
    }

    Expected<std::vector<contracts::RecordedFix>> fixes(const contracts::FixQuery& q) override {
        auto rows =
            query("SELECT fix_id, ts, source, pattern_id, failure_id, suite, test_name, failing_run_id,"
                  " fixing_run_id, failing_commit, fixing_commit, diff, diff_truncated, proposal_id, " +
                      std::string(kOutcomeColumns) +
                      " FROM selfheal_fixes WHERE ($1::text IS NULL OR pattern_id = $1) AND ($2::text IS NULL"
                      " OR failure_id = $2) ORDER BY ts DESC, fix_id DESC LIMIT $3",
                  {q.patternId.value_or(""), q.failureId.value_or(""), std::to_string(q.limit)}, true);
        if (!rows)
            return std::unexpected(rows.error());
        std::vector<contracts::RecordedFix> out;
        for (int i = 0; i < PQntuples(rows->get()); ++i) {
            auto t = [&](int c) { return pgText(*rows, i, c); };
            contracts::RecordedFix f;
            f.id = t(0);
            f.ts = std::atoll(t(1).c_str());
            (void)contracts::parseFixSource(t(2), f.source);
            f.patternId = t(3);
            f.failureId = t(4);
            f.suite = t(5);
            f.testName = t(6);
            f.failingRunId = t(7);
            f.fixingRunId = t(8);
            f.failingCommit = t(9);
            f.fixingCommit = t(10);
            f.diff = t(11);
            f.diffTruncated = t(12) == "t";
            f.proposalId = t(13);
            f.outcome = outcomeAt(*rows, i, 14);
            out.push_back(std::move(f));
        }
        return out;
    }

    Expected<void> saveAttempt(const contracts::SelfHealAttempt& a) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return c;
        return inTransaction([&]() -> Expected<void> {
            auto res = pgExec(
                conn_,
                "INSERT INTO selfheal_proposals (proposal_id, ts, pattern_id, trigger_id, status, "
                "description,"
                " risk_score, confidence, agent, branch, commit_sha, bundle, reason, updated_at)"
                " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) ON CONFLICT (proposal_id) DO "
                "UPDATE SET"
                " status = excluded.status, description = excluded.description, risk_score = "
                "excluded.risk_score,"
                " confidence = excluded.confidence, agent = excluded.agent, branch = excluded.branch, "
                "commit_sha ="
                " excluded.commit_sha, bundle = excluded.bundle, reason = excluded.reason, updated_at ="
                " excluded.updated_at",
                {a.proposalId, std::to_string(a.ts), a.patternId, a.triggerId, a.status, a.description,
                 std::to_string(a.riskScore), std::to_string(a.confidence), a.agent, a.branch, a.commitSha,
                 a.bundle, a.reason, std::to_string(a.updatedAt)},
                true);
            if (!pgOk(res))
                return error("save self-heal attempt " + a.proposalId, res);
            return audit("save_attempt", "selfheal_proposals", 1, a.proposalId);
        });
    }

    Expected<std::vector<contracts::SelfHealAttempt>> attempts(const contracts::AttemptQuery& q) override {
        auto params = attemptParams(q);
        params.push_back(std::to_string(q.limit));
        auto rows = query("SELECT proposal_id, ts, pattern_id, trigger_id, status, description, risk_score,"
                          " confidence, agent, branch, commit_sha, bundle, reason, updated_at, " +
                              std::string(kOutcomeColumns) + " FROM selfheal_proposals " + attemptWhere(q) +
                              " ORDER BY ts DESC, proposal_id DESC LIMIT $" + std::to_string(params.size()),
                          params);
        if (!rows)
            return std::unexpected(rows.error());
        std::vector<contracts::SelfHealAttempt> out;
        for (int i = 0; i < PQntuples(rows->get()); ++i) {
            auto t = [&](int c) { return pgText(*rows, i, c); };
            out.push_back({t(0), std::atoll(t(1).c_str()), t(2), t(3), t(4), t(5), std::atoi(t(6).c_str()),
                           std::atoi(t(7).c_str()), t(8), t(9), t(10), t(11), t(12),
                           std::atoll(t(13).c_str()), outcomeAt(*rows, i, 14)});
        }
        return out;
    }

    Expected<bool> recordOutcome(contracts::OutcomeSubject subject, const contracts::Ulid& id,
                                 const contracts::FixOutcome& o) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return std::unexpected(c.error());
        const bool proposal = subject == contracts::OutcomeSubject::Proposal;
        const std::string table = proposal ? "selfheal_proposals" : "selfheal_fixes";
        long long written = 0;
        auto result = inTransaction([&]() -> Expected<void> {
            auto res =
                pgExec(conn_,
                       "UPDATE " + table +
                           " SET outcome = $1, merged_at = $2::BIGINT, merged_commit = $3, reverted_by = $4,"
                           " recurred_failure_id = $5, outcome_changed_at = $6::BIGINT WHERE " +
                           (proposal ? "proposal_id" : "fix_id") + " = $7",
                       {contracts::outcomeStateName(o.state), std::to_string(o.mergedAt), o.mergedCommit,
                        o.revertedBy, o.recurredFailureId, std::to_string(o.changedAt), id},
                       true);
            if (!pgOk(res))
                return error("record the outcome of " + id, res);
            written = std::atoll(PQcmdTuples(res.get()));
            return audit("record_outcome", table.c_str(), written, id);
        });
        if (!result)
            return std::unexpected(result.error());
        return written > 0;
    }

    Expected<contracts::ClaimResult> claimFailure(const contracts::ClaimRequest& r) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return std::unexpected(c.error());
        auto result = contracts::ClaimResult::AtCapacity;
        const std::string now = std::to_string(r.now);
        auto done = inTransaction([&]() -> Expected<void> {
            // Every claim of every daemon goes through this lock, so the caps are counted consistently.
            if (auto locked = pgExec(conn_, "SELECT pg_advisory_xact_lock(7341013)"); !pgOk(locked))
                return error("lock the claims", locked);
            auto existing = pgExec(
                conn_, "SELECT daemon_id, state, lease_until FROM selfheal_claims WHERE failure_id = $1",
                {r.failureId});
            if (!pgOk(existing))
                return error("read the claim of " + r.failureId, existing);
            const bool found = PQntuples(existing.get()) > 0;
            const bool mine = found && pgText(existing, 0, 0) == r.daemonId;
            if (found) {
                if (pgText(existing, 0, 1) == "done") {
                    result = contracts::ClaimResult::Done;
                    return {};
                }
                if (!mine && std::atoll(pgText(existing, 0, 2).c_str()) >= r.now) {
                    result = contracts::ClaimResult::Taken;
                    return {};
                }
            }
            if (!mine) {
                auto live = pgExec(conn_,
                                   "SELECT (SELECT COUNT(*) FROM selfheal_claims WHERE state = 'claimed' AND"
                                   " lease_until >= $1::BIGINT AND failure_id <> $2), (SELECT COUNT(*) FROM"
                                   " selfheal_proposals WHERE status = 'proposed' AND outcome = 'open')",
                                   {now, r.failureId});
                if (!pgOk(live))
                    return error("count the claims", live);
                if (std::atoll(pgText(live, 0, 0).c_str()) >= r.maxInFlight ||
                    std::atoll(pgText(live, 0, 1).c_str()) >= r.maxOpenProposals)
                    return {};
            }
            auto claim = pgExec(
                conn_,
                "INSERT INTO selfheal_claims (failure_id, daemon_id, claimed_at, lease_until, state)"
                " VALUES ($1, $2, $3::BIGINT, $4::BIGINT, 'claimed') ON CONFLICT (failure_id) DO UPDATE"
                " SET daemon_id = excluded.daemon_id, claimed_at = excluded.claimed_at,"
                " lease_until = excluded.lease_until, state = 'claimed'",
                {r.failureId, r.daemonId, now, std::to_string(r.now + r.leaseMillis)});
            if (!pgOk(claim))
                return error("claim " + r.failureId, claim);
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
        if (auto c = connect(); !c)
            return std::unexpected(c.error());
        long long written = 0;
        auto done = inTransaction([&]() -> Expected<void> {
            auto res = pgExec(
                conn_,
                "UPDATE selfheal_claims SET state = 'done', status = $1, proposal_id = $2,"
                " finished_at = $3::BIGINT WHERE failure_id = $4 AND daemon_id = $5 AND state = 'claimed'",
                {status, proposalId, std::to_string(now), failureId, daemonId}, true);
            if (!pgOk(res))
                return error("finish the claim of " + failureId, res);
            written = std::atoll(PQcmdTuples(res.get()));
            return audit("finish_claim", "selfheal_claims", written, failureId);
        });
        if (!done)
            return std::unexpected(done.error());
        return written > 0;
    }

    Expected<void> releaseClaim(const contracts::Ulid& failureId, const std::string& daemonId) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return c;
        return inTransaction([&]() -> Expected<void> {
            auto res = pgExec(conn_,
                              "DELETE FROM selfheal_claims WHERE failure_id = $1 AND daemon_id = $2 AND"
                              " state = 'claimed'",
                              {failureId, daemonId});
            if (!pgOk(res))
                return error("release the claim of " + failureId, res);
            return audit("release_claim", "selfheal_claims", std::atoll(PQcmdTuples(res.get())), failureId);
        });
    }

    Expected<void> renewClaims(const std::string& daemonId, contracts::EpochMillis leaseUntil) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return c;
        auto res = pgExec(conn_,
                          "UPDATE selfheal_claims SET lease_until = $1::BIGINT WHERE daemon_id = $2 AND"
                          " state = 'claimed'",
                          {std::to_string(leaseUntil), daemonId});
        if (!pgOk(res))
            return error("renew the claims of " + daemonId, res);
        return {};
    }

    Expected<std::vector<contracts::TestFailure>> pendingFailures(contracts::EpochMillis since,
                                                                  contracts::EpochMillis now,
                                                                  const std::string& daemonId,
                                                                  int limit) override {
        auto rows = query(
            "SELECT " + std::string(kFailureColumns) +
                " FROM test_failures f WHERE ts >= $1::BIGINT AND NOT EXISTS (SELECT 1 FROM"
                " selfheal_claims c WHERE c.failure_id = f.failure_id AND (c.state = 'done' OR"
                " (c.lease_until >= $2::BIGINT AND c.daemon_id <> $4))) ORDER BY ts, failure_id LIMIT $3",
            {std::to_string(since), std::to_string(now), std::to_string(limit), daemonId});
        if (!rows)
            return std::unexpected(rows.error());
        return failuresOf(*rows);
    }

    Expected<std::size_t> recordMetrics(std::span<const contracts::MetricSample> samples) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return std::unexpected(c.error());
        long long written = 0;
        auto result = inTransaction([&]() -> Expected<void> {
            for (const auto& m : samples) {
                char value[64];
                std::snprintf(value, sizeof value, "%.17g", m.value);
                auto res = pgExec(
                    conn_,
                    "INSERT INTO metrics_samples (sample_id, ts, name, value, tags) VALUES ($1, $2::BIGINT,"
                    " $3, $4::DOUBLE PRECISION, $5::JSONB) ON CONFLICT DO NOTHING",
                    {m.id, std::to_string(m.ts), m.name, value, nlohmann::json(m.tags).dump()});
                if (!pgOk(res))
                    return error("insert metric " + m.id, res);
                written += std::atoll(PQcmdTuples(res.get()));
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
        auto rows =
            query("SELECT sample_id, ts, name, value, tags::text FROM metrics_samples WHERE name = $1 AND"
                  " ts >= $2::BIGINT ORDER BY ts, sample_id",
                  {name, std::to_string(since)});
        if (!rows)
            return std::unexpected(rows.error());
        std::vector<contracts::MetricSample> out;
        for (int i = 0; i < PQntuples(rows->get()); ++i)
            out.push_back(
                {pgText(*rows, i, 0), std::atoll(pgText(*rows, i, 1).c_str()), pgText(*rows, i, 2),
                 std::strtod(pgText(*rows, i, 3).c_str(), nullptr),
                 nlohmann::json::parse(pgText(*rows, i, 4)).get<std::map<std::string, std::string>>()});
        return out;
    }

    Expected<long long> countAttempts(const contracts::AttemptQuery& q) override {
        auto rows = query("SELECT COUNT(*) FROM selfheal_proposals " + attemptWhere(q), attemptParams(q));
        if (!rows)
            return std::unexpected(rows.error());
        return std::atoll(pgText(*rows, 0, 0).c_str());
    }

private:
    // The test failure columns, in the order failuresOf reads them.
    static constexpr const char* kFailureColumns =
        "failure_id, run_id, ts, suite, test_name, file, line, message,"
        " stack_trace, pattern_id, duration_ms";
    static std::vector<contracts::TestFailure> failuresOf(const PgResult& rows) {
        std::vector<contracts::TestFailure> out;
        for (int i = 0; i < PQntuples(rows.get()); ++i) {
            auto t = [&](int c) { return pgText(rows, i, c); };
            out.push_back({t(0), t(1), std::atoll(t(2).c_str()), t(3), t(4), t(5),
                           static_cast<unsigned>(std::atoll(t(6).c_str())), t(7), t(8), t(9),
                           std::atoll(t(10).c_str())});
        }
        return out;
    }

    // The outcome columns, in the order outcomeAt reads them.
    static constexpr const char* kOutcomeColumns =
        "outcome, merged_at, merged_commit, reverted_by, recurred_failure_id, outcome_changed_at";

    // The outcome read from kOutcomeColumns of row `row`, starting at column `first`.
    static contracts::FixOutcome outcomeAt(const PgResult& rows, int row, int first) {
        contracts::FixOutcome o;
        (void)contracts::parseOutcomeState(pgText(rows, row, first), o.state);
        o.mergedAt = std::atoll(pgText(rows, row, first + 1).c_str());
        o.mergedCommit = pgText(rows, row, first + 2);
        o.revertedBy = pgText(rows, row, first + 3);
        o.recurredFailureId = pgText(rows, row, first + 4);
        o.changedAt = std::atoll(pgText(rows, row, first + 5).c_str());
        return o;
    }

    // The WHERE clause of an attempt query, numbering its parameters in attemptParams' order.
    static std::string attemptWhere(const contracts::AttemptQuery& q) {
        std::string where = "WHERE TRUE";
        int n = 0;
        if (q.patternId)
            where += " AND pattern_id = $" + std::to_string(++n);
        if (q.triggerId)
            where += " AND trigger_id = $" + std::to_string(++n);
        if (q.since)
            where += " AND ts >= $" + std::to_string(++n) + "::BIGINT";
        if (!q.statuses.empty()) {
            where += " AND status IN (";
            for (std::size_t i = 0; i < q.statuses.size(); ++i)
                where += (i == 0 ? "$" : ", $") + std::to_string(++n);
            where += ")";
        }
        return where;
    }

    static std::vector<std::string> attemptParams(const contracts::AttemptQuery& q) {
        std::vector<std::string> params;
        if (q.patternId)
            params.push_back(*q.patternId);
        if (q.triggerId)
            params.push_back(*q.triggerId);
        if (q.since)
            params.push_back(std::to_string(*q.since));
        params.insert(params.end(), q.statuses.begin(), q.statuses.end());
        return params;
    }

    // The lint_failures rows selected by `where` with its parameters.
    Expected<std::vector<contracts::LintFailure>> readLintFailures(const std::string& where,
                                                                   const std::vector<std::string>& params) {
        auto rows =
            query("SELECT failure_id, run_id, ts, tool, rule_id, level, file, line, col, message, pattern_id"
                  " FROM lint_failures " +
                      where,
                  params);
        if (!rows)
            return std::unexpected(rows.error());
        std::vector<contracts::LintFailure> out;
        for (int i = 0; i < PQntuples(rows->get()); ++i) {
            auto t = [&](int c) { return pgText(*rows, i, c); };
            out.push_back({t(0), t(1), std::atoll(t(2).c_str()), t(3), t(4), t(5), t(6),
                           static_cast<unsigned>(std::atoll(t(7).c_str())),
                           static_cast<unsigned>(std::atoll(t(8).c_str())), t(9), t(10)});
        }
        return out;
    }

    // Opens or resets the connection; Unavailable while the server cannot be reached.
    Expected<void> connect() {
        if (conn_ && PQstatus(conn_) == CONNECTION_OK)
            return {};
        if (conn_)
            PQreset(conn_);
        else {
            conn_ = PQconnectdb(url_.c_str());
            // NOTICEs ("relation ... already exists, skipping" from idempotent DDL) are not for the
            // user of a library; errors still come back through each result. Kept across PQreset.
            PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
        }
        if (PQstatus(conn_) != CONNECTION_OK)
            return fail(ErrorKind::Unavailable,
                        std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(conn_), {}, 0,
                        "is the server running? check DEVOS_DATABASE_URL");
        return {};
    }

    std::unexpected<contracts::Error> error(const std::string& what,
                                            const PgResult& result = PgResult(nullptr, PQclear)) {
        std::string message = result ? PQresultErrorMessage(result.get()) : "";
        if (message.empty())
            message = PQerrorMessage(conn_);
        bool lost = PQstatus(conn_) != CONNECTION_OK;
        return fail(lost ? ErrorKind::Unavailable : ErrorKind::Storage, what + " failed: " + message);
    }

    // The generation of `model`'s failure vectors (0 when it has none); the caller holds the connection.
    Expected<std::uint64_t> readGeneration(const std::string& model) {
        auto r = pgExec(conn_, "SELECT generation FROM vector_generations WHERE model = $1", {model});
        if (!pgOk(r))
            return error("read the vector generation of " + model, r);
        return PQntuples(r.get()) == 0 ? 0 : std::stoull(pgText(r, 0, 0));
    }

    Expected<void> run(const char* sql) {
        PgResult r(PQexec(conn_, sql), PQclear);
        return pgOk(r) ? Expected<void>{} : error("run SQL", r);
    }

    Expected<PgResult> query(const std::string& sql, const std::vector<std::string>& params,
                             bool nullIfEmpty = false) {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return std::unexpected(c.error());
        auto r = pgExec(conn_, sql, params, nullIfEmpty);
        if (!pgOk(r))
            return error("query", r);
        return r;
    }

    template <typename F> Expected<void> inTransaction(F&& body) {
        if (auto r = run("BEGIN"); !r)
            return r;
        auto result = body();
        if (!result) {
            (void)run("ROLLBACK");
            return result;
        }
        return run("COMMIT");
    }

    // The run whose `column` (run_id or ingest_key) is `value`, or nullopt.
    Expected<std::optional<contracts::TestRun>> readRun(const std::string& column, const std::string& value) {
        auto rows = query("SELECT run_id, started_at, source, repository, branch, commit_sha, ci_provider,"
                          " ci_job_id, tool, total, passed, failed, skipped, duration_ms, ingest_key"
                          " FROM test_runs WHERE " +
                              column + " = $1",
                          {value});
        if (!rows)
            return std::unexpected(rows.error());
        if (PQntuples(rows->get()) == 0)
            return std::optional<contracts::TestRun>{};
        auto t = [&](int c) { return pgText(*rows, 0, c); };
        contracts::TestRun r{t(0),
                             std::atoll(t(1).c_str()),
                             t(2) == "ci" ? contracts::RunSource::Ci : contracts::RunSource::Local,
                             t(3),
                             t(4),
                             t(5),
                             t(6),
                             t(7),
                             t(8),
                             std::atoi(t(9).c_str()),
                             std::atoi(t(10).c_str()),
                             std::atoi(t(11).c_str()),
                             std::atoi(t(12).c_str()),
                             std::atoll(t(13).c_str()),
                             t(14)};
        return std::optional{r};
    }

    // Adds `counts` to failure_terms inside the caller's transaction, in key order (so concurrent
    // ingests lock the rows in one order and never deadlock).
    Expected<void> addTermCounts(const contracts::FailureTermCounts& counts) {
        std::vector<std::string> models;
        std::vector<std::string> terms;
        std::vector<std::string> failures;
        for (const auto& [key, n] : counts) {
            models.push_back(key.first);
            terms.push_back(key.second);
            failures.push_back(std::to_string(n));
        }
        if (counts.empty())
            return {};
        auto r = pgExec(
            conn_,
            "INSERT INTO failure_terms SELECT model, term, failures FROM unnest($1::text[], $2::text[], "
            "$3::bigint[])"
            " WITH ORDINALITY AS u(model, term, failures, o) ORDER BY o"
            " ON CONFLICT (model, term) DO UPDATE SET failures = failure_terms.failures + excluded.failures",
            {arrayLiteral(models), arrayLiteral(terms), arrayLiteral(failures)});
        if (!pgOk(r))
            return error("count the terms of " + models.front(), r);
        return {};
    }

    // A PostgreSQL array literal of `items`, each quoted: {"a","b \"c\""}.
    static std::string arrayLiteral(std::span<const std::string> items) {
        std::string out = "{";
        for (std::size_t i = 0; i < items.size(); ++i) {
            out += i == 0 ? "\"" : ",\"";
            for (char c : items[i]) {
                if (c == '"' || c == '\\')
                    out += '\\';
                out += c;
            }
            out += '"';
        }
        return out + "}";
    }

    // Inserts or replaces one vector, inside the caller's transaction; with `inserted`, a stored
    // vector is left as it is and `*inserted` counts the new ones.
    Expected<void> insertEmbedding(const contracts::StoredEmbedding& e, long long* inserted = nullptr) {
        std::string dims = std::to_string(e.vector.size());
        const char* values[5] = {e.ownerKind.c_str(), e.ownerId.c_str(), e.model.c_str(), dims.c_str(),
                                 reinterpret_cast<const char*>(e.vector.data())};
        int lengths[5] = {0, 0, 0, 0, static_cast<int>(e.vector.size() * sizeof(float))};
        int formats[5] = {0, 0, 0, 0, 1};
        PgResult res(
            PQexecParams(
                conn_,
                inserted != nullptr
                    ? "INSERT INTO embeddings VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING"
                    : "INSERT INTO embeddings VALUES ($1, $2, $3, $4, $5) ON CONFLICT (owner_kind, owner_id,"
                      " model) DO UPDATE SET dims = excluded.dims, vector = excluded.vector",
                5, nullptr, values, lengths, formats, 0),
            PQclear);
        if (!pgOk(res))
            return error("store embedding of " + e.ownerKind + " " + e.ownerId, res);
        if (inserted != nullptr)
            *inserted += std::atoll(PQcmdTuples(res.get()));
        return {};
    }

    Expected<void> audit(const char* action, const char* table, long long rows, const std::string& subject) {
        auto r = pgExec(
            conn_,
            std::string("INSERT INTO audit_log (ts, action, table_name, row_count, subject) VALUES (") +
                kNowMillis + ", $1, $2, $3, $4)",
            {action, table, std::to_string(rows), subject});
        return pgOk(r) ? Expected<void>{} : error("write audit row", r);
    }

    // TimescaleDB is optional: when the server offers it, metrics_samples becomes a hypertable
    // (integer time in ms, weekly chunks); Debian's PostgreSQL does not ship it, so this is skipped.
    Expected<void> enableTimescaleWhenAvailable() {
        auto available = pgExec(conn_, "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'");
        if (!pgOk(available))
            return error("look for TimescaleDB", available);
        if (PQntuples(available.get()) == 0)
            return {};
        if (auto r = run("CREATE EXTENSION IF NOT EXISTS timescaledb"); !r)
            return r;
        return run("SELECT create_hypertable('metrics_samples', 'ts', chunk_time_interval => 604800000,"
                   " if_not_exists => TRUE, migrate_data => TRUE)");
    }

    std::string url_;
    std::mutex mutex_;
    PGconn* conn_ = nullptr;
};

} // namespace

Expected<std::unique_ptr<ports::TelemetryStore>> openPostgresStore(const std::string& url) {
    auto store = std::make_unique<PostgresStore>(url);
    if (auto r = store->migrate(); !r)
        return std::unexpected(r.error());
    return std::unique_ptr<ports::TelemetryStore>(std::move(store));
}

} // namespace devos::adapters
