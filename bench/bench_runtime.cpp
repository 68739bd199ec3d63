// Runtime costs: telemetry ingest rows/s (SQLite; PostgreSQL row-by-row INSERT vs the store's COPY),
// TelemetryClient::record() on the caller's thread, and redaction throughput. PostgreSQL runs only
// when DEVOS_BENCH_PG_URL is set (scripts/pg-test-server.sh start && export
// DEVOS_BENCH_PG_URL=$(scripts/pg-test-server.sh url)); otherwise those benchmarks report an error.
#include <atomic>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstdlib>
#include <devos/adapters/jsonl_spool.hpp>
#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/sqlite_store.hpp>
#include <devos/adapters/system_clock.hpp>
#include <devos/adapters/system_entropy.hpp>
#include <devos/services/telemetry_client.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#if DEVOS_HAS_POSTGRES
#include <devos/adapters/postgres_store.hpp>
#include <libpq-fe.h>
#endif

namespace {

using devos::contracts::TelemetryEvent;

constexpr long long kTs = 1767225600000; // 2026-01-01: one partition for every PostgreSQL row

// `count` events with ids never used before in this process, ~120-byte messages and two tags.
std::vector<TelemetryEvent> freshEvents(std::size_t count) {
    static std::atomic<long long> next{0};
    std::vector<TelemetryEvent> out(count);
    for (auto& e : out) {
        const long long n = next++;
        char id[27];
        std::snprintf(id, sizeof id, "01BENCH%019lld", n);
        e.id = id;
        e.ts = kTs + n % 1000;
        e.kind = devos::contracts::EventKind::Error;
        e.code = "TEST_FAILURE";
        e.message = "segfault at 0x7ffd5a3c in OrderRepo::save(order_repo.cpp:42) after " +
                    std::to_string(n % 7) + " retries while placing order " + std::to_string(n);
        e.tags = {{"service", "orders"}, {"host", "worker-3"}};
    }
    return out;
}

void sqliteRecordEvents(benchmark::State& state) {
    const auto path = std::filesystem::temp_directory_path() / "devos_bench_ingest.db";
    std::filesystem::remove(path);
    auto store = std::move(*devos::adapters::openSqliteStore(path.string()));
    const auto batch = static_cast<std::size_t>(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        const auto events = freshEvents(batch);
        state.ResumeTiming();
        if (!store->recordEvents(events))
            state.SkipWithError("recordEvents failed");
    }
    state.counters["rows/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * batch, benchmark::Counter::kIsRate);
    store.reset();
    std::filesystem::remove(path);
}
BENCHMARK(sqliteRecordEvents)->Arg(1)->Arg(256)->Unit(benchmark::kMillisecond)->UseRealTime();

#if DEVOS_HAS_POSTGRES
const char* pgUrl() {
    const char* url = std::getenv("DEVOS_BENCH_PG_URL");
    return url != nullptr && *url != '\0' ? url : nullptr;
}

// The store's path: COPY into a staging table, then INSERT ... SELECT ON CONFLICT DO NOTHING, plus its audit
// row.
void postgresCopy(benchmark::State& state) {
    if (pgUrl() == nullptr) {
        state.SkipWithError("set DEVOS_BENCH_PG_URL");
        return;
    }
    auto store = devos::adapters::openPostgresStore(pgUrl());
    if (!store) {
        state.SkipWithError(store.error().render().c_str());
        return;
    }
    const auto batch = static_cast<std::size_t>(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        const auto events = freshEvents(batch);
        state.ResumeTiming();
        if (!(*store)->recordEvents(events))
            state.SkipWithError("recordEvents failed");
    }
    state.counters["rows/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * batch, benchmark::Counter::kIsRate);
}
BENCHMARK(postgresCopy)->Arg(256)->Arg(4096)->Unit(benchmark::kMillisecond)->UseRealTime();

// The baseline: one prepared INSERT ... ON CONFLICT DO NOTHING per row, the batch in one transaction.
void postgresInsert(benchmark::State& state) {
    if (pgUrl() == nullptr) {
        state.SkipWithError("set DEVOS_BENCH_PG_URL");
        return;
    }
    if (auto store = devos::adapters::openPostgresStore(pgUrl()); !store) { // migrates the schema
        state.SkipWithError(store.error().render().c_str());
        return;
    }
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(pgUrl()), PQfinish);
    const auto ok = [](PGresult* r) {
        const bool good = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
        PQclear(r);
        return good;
    };
    if (!ok(PQexec(conn.get(), ("SELECT devos_ensure_log_partition(" + std::to_string(kTs) + ")").c_str())) ||
        !ok(PQprepare(
            conn.get(), "ins",
            "INSERT INTO application_logs (id, ts, source, kind, code, message, trace_id, tags, payload)"
            " VALUES ($1, $2, $3, $4, $5, $6, NULL, $7::jsonb, NULL) ON CONFLICT DO NOTHING",
            7, nullptr))) {
        state.SkipWithError(PQerrorMessage(conn.get()));
        return;
    }
    const auto batch = static_cast<std::size_t>(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        const auto events = freshEvents(batch);
        state.ResumeTiming();
        bool good = ok(PQexec(conn.get(), "BEGIN"));
        for (const auto& e : events) {
            const std::string ts = std::to_string(e.ts);
            const std::string tags = nlohmann::json(e.tags).dump();
            const char* values[] = {e.id.c_str(),   ts.c_str(),        "runtime",   "error",
                                    e.code.c_str(), e.message.c_str(), tags.c_str()};
            good = good && ok(PQexecPrepared(conn.get(), "ins", 7, values, nullptr, nullptr, 0));
        }
        if (!ok(PQexec(conn.get(), "COMMIT")) || !good)
            state.SkipWithError(PQerrorMessage(conn.get()));
    }
    state.counters["rows/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * batch, benchmark::Counter::kIsRate);
}
BENCHMARK(postgresInsert)->Arg(256)->Arg(4096)->Unit(benchmark::kMillisecond)->UseRealTime();
#endif

// record() as a service calls it: id and timestamp assigned (arg 1) or already set by the caller (arg 0),
// queued; the worker thread stores into an in-memory SQLite store meanwhile. Events the full queue
// refused are counted, not hidden.
void clientRecord(benchmark::State& state) {
    auto store = std::move(*devos::adapters::openSqliteStore(":memory:"));
    const auto spoolDir = std::filesystem::temp_directory_path() / "devos_bench_spool";
    devos::adapters::JsonlSpool spool(spoolDir.string());
    auto redactor = std::move(*devos::adapters::makeDefaultRedactor());
    devos::adapters::SystemClock clock;
    devos::adapters::SystemEntropy entropy;
    devos::services::IdGenerator ids(clock, entropy);
    devos::services::TelemetryClient client(*store, spool, *redactor, ids, {.queueCapacity = 1 << 20});
    TelemetryEvent event;
    event.kind = devos::contracts::EventKind::Warn;
    event.message = "slow query in OrderRepo::save: 1250 ms";
    event.tags = {{"service", "orders"}};
    if (state.range(0) == 0) {
        event.id = ids.next();
        event.ts = clock.nowMillis();
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(client.record(event));
    state.counters["dropped"] = static_cast<double>(client.stats().dropped);
    state.SetItemsProcessed(state.iterations());
    client.flush();
    std::filesystem::remove_all(spoolDir);
}
BENCHMARK(clientRecord)->ArgName("assignId")->Arg(0)->Arg(1)->Iterations(200000);

// A log of ~1 MiB with a secret every ~20 lines (credentials in URLs, bearer tokens, e-mails); the
// URL's password is split in the source so DevOS's own secret scan finds none here.
std::vector<std::string> logLines() {
    std::vector<std::string> lines;
    std::size_t bytes = 0;
    for (int i = 0; bytes < (1U << 20); ++i) {
        lines.push_back("2026-01-01T10:00:" + std::to_string(i % 60) + "Z INFO orders placed order " +
                        std::to_string(i) + " for customer " + std::to_string(i * 7) + " in 12 ms\n");
        bytes += lines.back().size();
        if (i % 20 == 0) {
            lines.push_back(i % 40 == 0
                                ? "connect postgresql://app:"
                                  "hunter2"
                                  "@db.internal/orders failed\n"
                                : "retrying with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def for "
                                  "alice@example.com\n");
            bytes += lines.back().size();
        }
    }
    return lines;
}

// Redaction (the shipped rules: keyword prefilter, then RE2) of the whole log as one text.
void redact(benchmark::State& state) {
    auto redactor = std::move(*devos::adapters::makeDefaultRedactor());
    std::string text;
    for (const auto& line : logLines())
        text += line;
    for (auto _ : state)
        benchmark::DoNotOptimize(redactor->redact(text));
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(redact)->Unit(benchmark::kMillisecond);

// The same log one line at a time, as ingest redacts each event's message.
void redactEvents(benchmark::State& state) {
    auto redactor = std::move(*devos::adapters::makeDefaultRedactor());
    const auto lines = logLines();
    std::int64_t bytes = 0;
    for (const auto& line : lines)
        bytes += static_cast<std::int64_t>(line.size());
    for (auto _ : state)
        for (const auto& line : lines)
            benchmark::DoNotOptimize(redactor->redact(line));
    state.SetBytesProcessed(state.iterations() * bytes);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
}
BENCHMARK(redactEvents)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
