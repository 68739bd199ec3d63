// The team telemetry store over libpq. One connection behind a mutex; a broken connection is
// reset on the next call, and while the server is unreachable every call fails with
// ErrorKind::Unavailable (the client spools). Event batches go through COPY into a temporary
// staging table and then INSERT ... ON CONFLICT DO NOTHING, because COPY alone cannot skip
// replayed ids. An ingest with failures NOTIFYs devos_failures, delivered at commit.
#include "pg_result.hpp"
#include "pg_schema.hpp"

#include <cstring>
#include <devos/adapters/postgres_store.hpp>
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
                              "INSERT INTO test_runs VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)"
                              " ON CONFLICT (run_id) DO NOTHING",
                              {r.runId, std::to_string(r.startedAt),
                               r.source == contracts::RunSource::Ci ? "ci" : "local", r.repository, r.branch,
                               r.commitSha, r.ciProvider, r.ciJobId, r.tool, std::to_string(r.total),
                               std::to_string(r.passed), std::to_string(r.failed), std::to_string(r.skipped),
                               std::to_string(r.durationMs)});
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
        auto rows = query(
            "SELECT run_id, started_at, source, repository, branch, commit_sha, ci_provider, ci_job_id, tool,"
            " total, passed, failed, skipped, duration_ms FROM test_runs WHERE run_id = $1",
            {runId});
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
                             std::atoll(t(13).c_str())};
        return std::optional{r};
    }

    Expected<std::vector<contracts::TestFailure>> queryFailures(const contracts::FailureQuery& q) override {
        auto rows = query(
            "SELECT failure_id, run_id, ts, suite, test_name, file, line, message, stack_trace, pattern_id,"
            " duration_ms FROM test_failures WHERE ($1::text IS NULL OR run_id = $1) AND ($2::text IS NULL OR"
            " pattern_id = $2) AND ($3::text IS NULL OR failure_id = $3) ORDER BY ts DESC, failure_id DESC"
            " LIMIT $4",
            {q.runId.value_or(""), q.patternId.value_or(""), q.failureId.value_or(""),
             std::to_string(q.limit)},
            true);
        if (!rows)
            return std::unexpected(rows.error());
        std::vector<contracts::TestFailure> out;
        for (int i = 0; i < PQntuples(rows->get()); ++i) {
            auto t = [&](int c) { return pgText(*rows, i, c); };
            out.push_back({t(0), t(1), std::atoll(t(2).c_str()), t(3), t(4), t(5),
                           static_cast<unsigned>(std::atoll(t(6).c_str())), t(7), t(8), t(9),
                           std::atoll(t(10).c_str())});
        }
        return out;
    }

    Expected<std::vector<contracts::LintFailure>> lintFailures(const contracts::Ulid& runId) override {
        return readLintFailures("WHERE run_id = $1 ORDER BY file, line, col, failure_id", runId);
    }

    Expected<std::optional<contracts::LintFailure>>
    findLintFailure(const contracts::Ulid& failureId) override {
        auto found = readLintFailures("WHERE failure_id = $1", failureId);
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

    Expected<void> putEmbedding(const contracts::StoredEmbedding& e) override {
        std::lock_guard lock(mutex_);
        if (auto c = connect(); !c)
            return c;
        return inTransaction([&]() -> Expected<void> {
            std::string dims = std::to_string(e.vector.size());
            const char* values[5] = {e.ownerKind.c_str(), e.ownerId.c_str(), e.model.c_str(), dims.c_str(),
                                     reinterpret_cast<const char*>(e.vector.data())};
            int lengths[5] = {0, 0, 0, 0, static_cast<int>(e.vector.size() * sizeof(float))};
            int formats[5] = {0, 0, 0, 0, 1};
            PgResult res(
                PQexecParams(
                    conn_,
                    "INSERT INTO embeddings VALUES ($1, $2, $3, $4, $5) ON CONFLICT (owner_kind, owner_id,"
                    " model) DO UPDATE SET dims = excluded.dims, vector = excluded.vector",
                    5, nullptr, values, lengths, formats, 0),
                PQclear);
            if (!pgOk(res))
                return error("store embedding of " + e.ownerKind + " " + e.ownerId, res);
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

private:
    // The lint_failures rows selected by `where` with its one parameter.
    Expected<std::vector<contracts::LintFailure>> readLintFailures(const std::string& where,
                                                                   const std::string& param) {
        auto rows =
            query("SELECT failure_id, run_id, ts, tool, rule_id, level, file, line, col, message, pattern_id"
                  " FROM lint_failures " +
                      where,
                  {param});
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
