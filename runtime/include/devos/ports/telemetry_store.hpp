#pragma once
#include <cstddef>
#include <cstdint>
#include <devos/contracts/audit_entry.hpp>
#include <devos/contracts/error.hpp>
#include <devos/contracts/failure_query.hpp>
#include <devos/contracts/heal_claim.hpp>
#include <devos/contracts/ingest_batch.hpp>
#include <devos/contracts/metric_sample.hpp>
#include <devos/contracts/recorded_fix.hpp>
#include <devos/contracts/selfheal_attempt.hpp>
#include <devos/contracts/stored_embedding.hpp>
#include <devos/contracts/telemetry_event.hpp>
#include <devos/contracts/telemetry_table.hpp>
#include <devos/contracts/unembedded_failures.hpp>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace devos::ports {

// Where telemetry lives (seed §5.3 schema). Every write is idempotent on its ULID and leaves an
// audit_log row; a store that cannot be reached fails with ErrorKind::Unavailable (the client
// spools then). Implementations are safe to call from several threads.
class TelemetryStore {
public:
    virtual ~TelemetryStore() = default;

    // Applies the versioned migrations not yet in schema_migrations; a no-op when up to date.
    [[nodiscard]] virtual contracts::Expected<void> migrate() = 0;
    // Stores a run, its test failures, lint failures, the names of the tests that passed and the
    // failures' vectors (counting their terms) in one transaction: all or nothing. Rows and vectors
    // whose id already exists are left as they are; a run whose non-empty ingest key is already stored fails
    // (Storage) and writes nothing.
    [[nodiscard]] virtual contracts::Expected<void> ingest(const contracts::IngestBatch& batch) = 0;
    // Stores events in one transaction; returns how many were new (replayed ids are ignored).
    [[nodiscard]] virtual contracts::Expected<std::size_t>
    recordEvents(std::span<const contracts::TelemetryEvent> events) = 0;
    // The newest `limit` events, newest first.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::TelemetryEvent>>
    recentEvents(int limit) = 0;
    // A run by id, or nullopt.
    [[nodiscard]] virtual contracts::Expected<std::optional<contracts::TestRun>>
    findRun(const contracts::Ulid& runId) = 0;
    // The run stored with this ingest key (TestRun::ingestKey), or nullopt: a retried ingest finds
    // the run it already stored.
    [[nodiscard]] virtual contracts::Expected<std::optional<contracts::TestRun>>
    findRunByIngestKey(const std::string& ingestKey) = 0;
    // Test failures matching `query`, newest first.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::TestFailure>>
    queryFailures(const contracts::FailureQuery& query) = 0;
    // The lint failures of one run, in file/line order.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::LintFailure>>
    lintFailures(const contracts::Ulid& runId) = 0;
    // A lint failure by id, or nullopt.
    [[nodiscard]] virtual contracts::Expected<std::optional<contracts::LintFailure>>
    findLintFailure(const contracts::Ulid& failureId) = 0;
    // Number of rows in a table.
    [[nodiscard]] virtual contracts::Expected<long long> count(contracts::TelemetryTable table) = 0;
    // The newest `limit` audit rows, newest first.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::AuditEntry>> auditRows(int limit) = 0;
    // Inserts or replaces the vector of (ownerKind, ownerId, model).
    [[nodiscard]] virtual contracts::Expected<void>
    putEmbedding(const contracts::StoredEmbedding& embedding) = 0;
    // Every vector stored under `model`, ordered by (ownerKind, ownerId).
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::StoredEmbedding>>
    loadEmbeddings(const std::string& model) = 0;
    // A number that moves, and never comes back, whenever a test or lint failure vector of `model` is
    // stored or removed: a new vector adds exactly 1, a replaced or removed one adds 2^32, and a new
    // store starts at a random value; 0 while the model has none. Vector caches compare it to theirs.
    [[nodiscard]] virtual contracts::Expected<std::uint64_t>
    failureVectorGeneration(const std::string& model) = 0;
    // Calls `visit` for every test and lint failure vector of `model`, ordered by (ownerKind, ownerId),
    // from one consistent snapshot, and returns that snapshot's failureVectorGeneration. Stops at, and
    // returns, the first error of `visit`.
    [[nodiscard]] virtual contracts::Expected<std::uint64_t> visitFailureVectors(
        const std::string& model,
        const std::function<contracts::Expected<void>(const contracts::StoredEmbedding&)>& visit) = 0;
    // The stored test and lint failures that `query` selects and that have no vector of its model.
    [[nodiscard]] virtual contracts::Expected<contracts::UnembeddedFailures>
    unembeddedFailures(const contracts::UnembeddedQuery& query) = 0;
    // Stores the vectors whose (ownerKind, ownerId, model) is not stored yet, counting their terms, in
    // one transaction with one audit row (a stored one is left as it is); returns how many were new.
    [[nodiscard]] virtual contracts::Expected<std::size_t>
    addEmbeddings(std::span<const contracts::StoredEmbedding> embeddings) = 0;
    // How many failure vectors of `model` were stored with each of `terms` (StoredEmbedding::terms),
    // in the order asked (0 for a term none has), and how many were stored with terms at all.
    [[nodiscard]] virtual contracts::Expected<contracts::TermFrequencies>
    termFrequencies(const std::string& model, std::span<const std::string> terms) = 0;
    // The tests that passed in a run, in (suite, test) order.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::TestCaseName>>
    passedTests(const contracts::Ulid& runId) = 0;
    // Adds a fix to the fix memory (selfheal_fixes); false when its id or its failure already has one.
    [[nodiscard]] virtual contracts::Expected<bool> recordFix(const contracts::RecordedFix& fix) = 0;
    // Fixes matching `query`, newest first.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::RecordedFix>>
    fixes(const contracts::FixQuery& query) = 0;
    // Inserts a selfheal_proposals row, or updates the row of the same proposal id (status, outcome).
    [[nodiscard]] virtual contracts::Expected<void>
    saveAttempt(const contracts::SelfHealAttempt& attempt) = 0;
    // Attempts matching `query`, newest first, at most query.limit.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::SelfHealAttempt>>
    attempts(const contracts::AttemptQuery& query) = 0;
    // Writes the outcome columns of a proposal (selfheal_proposals) or a fix (selfheal_fixes) row;
    // false when no row has that id.
    [[nodiscard]] virtual contracts::Expected<bool> recordOutcome(contracts::OutcomeSubject subject,
                                                                  const contracts::Ulid& id,
                                                                  const contracts::FixOutcome& outcome) = 0;
    // Claims a failure for a heal in one serialized transaction (PostgreSQL: an advisory transaction
    // lock; SQLite: BEGIN IMMEDIATE), so the caps hold across processes.
    [[nodiscard]] virtual contracts::Expected<contracts::ClaimResult>
    claimFailure(const contracts::ClaimRequest& request) = 0;
    // Marks `daemonId`'s claim of a failure done with the heal's status and proposal; false when the
    // claim is not (any more) this daemon's.
    [[nodiscard]] virtual contracts::Expected<bool>
    finishClaim(const contracts::Ulid& failureId, const std::string& daemonId, const std::string& status,
                const contracts::Ulid& proposalId, contracts::EpochMillis now) = 0;
    // Deletes `daemonId`'s unfinished claim of a failure, so it is healed later (a cap, the kill switch).
    [[nodiscard]] virtual contracts::Expected<void> releaseClaim(const contracts::Ulid& failureId,
                                                                 const std::string& daemonId) = 0;
    // Extends the lease of every unfinished claim of `daemonId` to `leaseUntil` (the heartbeat).
    [[nodiscard]] virtual contracts::Expected<void> renewClaims(const std::string& daemonId,
                                                                contracts::EpochMillis leaseUntil) = 0;
    // Test failures at or after `since`, oldest first, at most `limit`, that no claim has finished
    // and no live claim (lease at or after `now`) of another daemon than `daemonId` holds: a
    // daemon's own unfinished claims (a heal the store's outage interrupted) are pending for it.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::TestFailure>>
    pendingFailures(contracts::EpochMillis since, contracts::EpochMillis now, const std::string& daemonId,
                    int limit) = 0;
    // Stores metrics_samples rows in one transaction; returns how many were new (replayed ids ignored).
    [[nodiscard]] virtual contracts::Expected<std::size_t>
    recordMetrics(std::span<const contracts::MetricSample> samples) = 0;
    // The samples named `name` at or after `since`, oldest first.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::MetricSample>>
    metrics(const std::string& name, contracts::EpochMillis since) = 0;
    // How many attempts match `query` (its limit ignored).
    [[nodiscard]] virtual contracts::Expected<long long>
    countAttempts(const contracts::AttemptQuery& query) = 0;
};

} // namespace devos::ports
