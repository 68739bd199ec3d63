#pragma once
#include <algorithm>
#include <devos/ports/telemetry_store.hpp>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

namespace devos::doubles {

// A TelemetryStore that keeps every table in memory, with the port's idempotence and ordering, and can
// be told to behave like a server that is down.
class InMemoryTelemetryStore final : public ports::TelemetryStore {
public:
    contracts::Expected<void> migrate() override { return up(); }

    contracts::Expected<void> ingest(const contracts::IngestBatch& batch) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return ok;
        if (!batch.run.ingestKey.empty() && !runs_.contains(batch.run.runId))
            for (const auto& [id, run] : runs_)
                if (run.ingestKey == batch.run.ingestKey)
                    return contracts::fail(contracts::ErrorKind::Storage, "the ingest key is already stored");
        runs_.try_emplace(batch.run.runId, batch.run);
        for (const auto& f : batch.testFailures)
            failures_.try_emplace(f.id, f);
        for (const auto& f : batch.lintFailures)
            lint_.try_emplace(f.id, f);
        for (const auto& t : batch.passedTests)
            passes_.insert({batch.run.runId, t});
        for (const auto& e : batch.embeddings)
            embeddings_.try_emplace({e.model, e.ownerKind, e.ownerId}, e);
        audit("ingest_run", "test_runs", 1, batch.run.runId);
        return {};
    }

    contracts::Expected<std::size_t>
    recordEvents(std::span<const contracts::TelemetryEvent> events) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        std::size_t added = 0;
        for (const auto& e : events)
            added += events_.try_emplace(e.id, e).second ? 1 : 0;
        audit("record_events", "application_logs", static_cast<long long>(added),
              events.empty() ? "" : events.front().id);
        return added;
    }

    contracts::Expected<std::vector<contracts::TelemetryEvent>> recentEvents(int limit) override {
        std::lock_guard lock(mutex_);
        std::vector<contracts::TelemetryEvent> out;
        for (auto it = events_.rbegin(); it != events_.rend() && std::ssize(out) < limit; ++it)
            out.push_back(it->second);
        return out;
    }

    contracts::Expected<std::optional<contracts::TestRun>> findRun(const contracts::Ulid& runId) override {
        std::lock_guard lock(mutex_);
        const auto it = runs_.find(runId);
        return it == runs_.end() ? std::nullopt : std::optional(it->second);
    }

    contracts::Expected<std::optional<contracts::TestRun>>
    findRunByIngestKey(const std::string& ingestKey) override {
        std::lock_guard lock(mutex_);
        for (const auto& [id, run] : runs_)
            if (run.ingestKey == ingestKey)
                return std::optional(run);
        return std::nullopt;
    }

    contracts::Expected<std::vector<contracts::TestFailure>>
    queryFailures(const contracts::FailureQuery& query) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        std::vector<contracts::TestFailure> out;
        for (auto it = failures_.rbegin(); it != failures_.rend() && std::ssize(out) < query.limit; ++it) {
            const auto& f = it->second;
            if ((!query.runId || f.runId == *query.runId) &&
                (!query.patternId || f.patternId == *query.patternId) &&
                (!query.failureId || f.id == *query.failureId) && (!query.suite || f.suite == *query.suite) &&
                (!query.testName || f.testName == *query.testName))
                out.push_back(f);
        }
        return out;
    }

    contracts::Expected<std::vector<contracts::LintFailure>>
    lintFailures(const contracts::Ulid& runId) override {
        std::lock_guard lock(mutex_);
        std::vector<contracts::LintFailure> out;
        for (const auto& [id, f] : lint_)
            if (f.runId == runId)
                out.push_back(f);
        std::ranges::sort(out, {}, [](const auto& f) { return std::tie(f.file, f.line); });
        return out;
    }

    contracts::Expected<std::optional<contracts::LintFailure>>
    findLintFailure(const contracts::Ulid& failureId) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        const auto it = lint_.find(failureId);
        return it == lint_.end() ? std::nullopt : std::optional(it->second);
    }

    contracts::Expected<long long> count(contracts::TelemetryTable table) override {
        std::lock_guard lock(mutex_);
        using T = contracts::TelemetryTable;
        switch (table) {
        case T::ApplicationLogs:
            return std::ssize(events_);
        case T::TestRuns:
            return std::ssize(runs_);
        case T::TestFailures:
            return std::ssize(failures_);
        case T::LintFailures:
            return std::ssize(lint_);
        case T::AuditLog:
            return std::ssize(audit_);
        case T::Embeddings:
            return std::ssize(embeddings_);
        case T::TestPasses:
            return std::ssize(passes_);
        case T::SelfhealFixes:
            return std::ssize(fixes_);
        case T::SelfhealProposals:
            return std::ssize(attempts_);
        default:
            return 0;
        }
    }

    contracts::Expected<std::vector<contracts::AuditEntry>> auditRows(int limit) override {
        std::lock_guard lock(mutex_);
        std::vector<contracts::AuditEntry> out;
        for (auto it = audit_.rbegin(); it != audit_.rend() && std::ssize(out) < limit; ++it)
            out.push_back(*it);
        return out;
    }

    contracts::Expected<void> putEmbedding(const contracts::StoredEmbedding& embedding) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return ok;
        auto& slot = embeddings_[{embedding.model, embedding.ownerKind, embedding.ownerId}];
        if (isFailureKind(
                embedding.ownerKind)) // as the stores' triggers: 1 per new vector, 2^32 per replaced one
            generations_[embedding.model] += slot.model.empty() ? 1 : std::uint64_t{1} << 32;
        slot = embedding;
        audit("put_embedding", "embeddings", 1, embedding.ownerId);
        return {};
    }

    contracts::Expected<std::vector<contracts::StoredEmbedding>>
    loadEmbeddings(const std::string& model) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        std::vector<contracts::StoredEmbedding> out;
        for (const auto& [key, e] : embeddings_)
            if (std::get<0>(key) == model)
                out.push_back(e);
        return out;
    }

    contracts::Expected<std::uint64_t> failureVectorGeneration(const std::string& model) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        const auto it = generations_.find(model);
        return it == generations_.end() ? 0 : it->second;
    }

    contracts::Expected<std::uint64_t> visitFailureVectors(
        const std::string& model,
        const std::function<contracts::Expected<void>(const contracts::StoredEmbedding&)>& visit) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        std::vector<const contracts::StoredEmbedding*> rows;
        for (const auto& [key, e] : embeddings_)
            if (std::get<0>(key) == model && isFailureKind(e.ownerKind))
                rows.push_back(&e);
        std::ranges::sort(rows, {}, [](const auto* e) { return std::tie(e->ownerKind, e->ownerId); });
        for (const auto* e : rows)
            if (auto ok = visit(*e); !ok)
                return std::unexpected(std::move(ok.error()));
        const auto it = generations_.find(model);
        return it == generations_.end() ? 0 : it->second;
    }

    contracts::Expected<contracts::UnembeddedFailures>
    unembeddedFailures(const contracts::UnembeddedQuery& query) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        contracts::UnembeddedFailures out;
        const auto lacks = [&](std::string_view kind, const std::string& id) {
            return !embeddings_.contains({query.model, std::string(kind), id});
        };
        for (auto it = failures_.upper_bound(query.afterTestId);
             it != failures_.end() && out.tests.size() < query.limit; ++it)
            if (lacks(contracts::kTestFailureOwner, it->first))
                out.tests.push_back(it->second);
        for (auto it = lint_.upper_bound(query.afterLintId);
             it != lint_.end() && out.tests.size() + out.lints.size() < query.limit; ++it)
            if (lacks(contracts::kLintFailureOwner, it->first))
                out.lints.push_back(it->second);
        return out;
    }

    contracts::Expected<std::size_t>
    addEmbeddings(std::span<const contracts::StoredEmbedding> embeddings) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        std::size_t added = 0;
        for (const auto& e : embeddings)
            if (embeddings_.try_emplace({e.model, e.ownerKind, e.ownerId}, e).second) {
                ++added;
                if (isFailureKind(e.ownerKind))
                    generations_[e.model] += 1;
            }
        audit("add_embeddings", "embeddings", static_cast<long long>(added),
              embeddings.empty() ? "" : embeddings.front().model);
        return added;
    }

    contracts::Expected<contracts::TermFrequencies>
    termFrequencies(const std::string& model, std::span<const std::string> terms) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        contracts::TermFrequencies out{0, std::vector<long long>(terms.size(), 0)};
        for (const auto& [key, e] : embeddings_) {
            if (e.model != model || !isFailureKind(e.ownerKind) || e.terms.empty())
                continue;
            ++out.failures;
            for (std::size_t i = 0; i < terms.size(); ++i)
                out.withTerm[i] += std::ranges::binary_search(e.terms, terms[i]) ? 1 : 0;
        }
        return out;
    }

    contracts::Expected<std::vector<contracts::TestCaseName>>
    passedTests(const contracts::Ulid& runId) override {
        std::lock_guard lock(mutex_);
        std::vector<contracts::TestCaseName> out;
        for (const auto& [run, test] : passes_)
            if (run == runId)
                out.push_back(test);
        return out;
    }

    contracts::Expected<bool> recordFix(const contracts::RecordedFix& fix) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        for (const auto& [id, f] : fixes_)
            if (f.failureId == fix.failureId)
                return false;
        const bool added = fixes_.try_emplace(fix.id, fix).second;
        audit("record_fix", "selfheal_fixes", added ? 1 : 0, fix.id);
        return added;
    }

    contracts::Expected<std::vector<contracts::RecordedFix>>
    fixes(const contracts::FixQuery& query) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        std::vector<contracts::RecordedFix> out;
        for (const auto& [id, f] : fixes_)
            if ((!query.patternId || f.patternId == *query.patternId) &&
                (!query.failureId || f.failureId == *query.failureId))
                out.push_back(f);
        std::ranges::sort(
            out, [](const auto& a, const auto& b) { return std::tie(a.ts, a.id) > std::tie(b.ts, b.id); });
        if (std::ssize(out) > query.limit)
            out.resize(static_cast<std::size_t>(query.limit));
        return out;
    }

    contracts::Expected<void> saveAttempt(const contracts::SelfHealAttempt& attempt) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return ok;
        auto [it, added] = attempts_.try_emplace(attempt.proposalId, attempt);
        if (!added) {
            const auto ts = it->second.ts;
            const auto outcome = it->second.outcome;
            it->second = attempt;
            it->second.ts = ts;
            it->second.outcome = outcome;
        }
        audit("save_attempt", "selfheal_proposals", 1, attempt.proposalId);
        return {};
    }

    contracts::Expected<std::vector<contracts::SelfHealAttempt>>
    attempts(const contracts::AttemptQuery& query) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        std::vector<contracts::SelfHealAttempt> out;
        for (auto it = attempts_.rbegin(); it != attempts_.rend() && std::ssize(out) < query.limit; ++it)
            if (matches(it->second, query))
                out.push_back(it->second);
        return out;
    }

    contracts::Expected<bool> recordOutcome(contracts::OutcomeSubject subject, const contracts::Ulid& id,
                                            const contracts::FixOutcome& outcome) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        const bool proposal = subject == contracts::OutcomeSubject::Proposal;
        bool found = false;
        if (proposal) {
            if (auto it = attempts_.find(id); it != attempts_.end()) {
                it->second.outcome = outcome;
                found = true;
            }
        } else if (auto it = fixes_.find(id); it != fixes_.end()) {
            it->second.outcome = outcome;
            found = true;
        }
        audit("record_outcome", proposal ? "selfheal_proposals" : "selfheal_fixes", found ? 1 : 0, id);
        return found;
    }

    contracts::Expected<contracts::ClaimResult> claimFailure(const contracts::ClaimRequest& r) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        auto it = claims_.find(r.failureId);
        const bool mine = it != claims_.end() && it->second.daemonId == r.daemonId;
        if (it != claims_.end()) {
            if (it->second.done)
                return contracts::ClaimResult::Done;
            if (!mine && it->second.leaseUntil >= r.now)
                return contracts::ClaimResult::Taken;
        }
        if (!mine) {
            const auto live = std::ranges::count_if(claims_, [&](const auto& kv) {
                return !kv.second.done && kv.second.leaseUntil >= r.now && kv.first != r.failureId;
            });
            const auto open = std::ranges::count_if(attempts_, [](const auto& kv) {
                return kv.second.status == "proposed" &&
                       kv.second.outcome.state == contracts::OutcomeState::Open;
            });
            if (live >= r.maxInFlight || open >= r.maxOpenProposals)
                return contracts::ClaimResult::AtCapacity;
        }
        claims_[r.failureId] = {r.daemonId, r.now + r.leaseMillis, false};
        audit("claim", "selfheal_claims", 1, r.failureId);
        return contracts::ClaimResult::Claimed;
    }

    contracts::Expected<bool> finishClaim(const contracts::Ulid& failureId, const std::string& daemonId,
                                          const std::string&, const contracts::Ulid&,
                                          contracts::EpochMillis) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        auto it = claims_.find(failureId);
        if (it == claims_.end() || it->second.daemonId != daemonId || it->second.done)
            return false;
        it->second.done = true;
        return true;
    }

    contracts::Expected<void> releaseClaim(const contracts::Ulid& failureId,
                                           const std::string& daemonId) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return ok;
        if (auto it = claims_.find(failureId);
            it != claims_.end() && it->second.daemonId == daemonId && !it->second.done)
            claims_.erase(it);
        return {};
    }

    contracts::Expected<void> renewClaims(const std::string& daemonId,
                                          contracts::EpochMillis leaseUntil) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return ok;
        for (auto& [id, c] : claims_)
            if (c.daemonId == daemonId && !c.done)
                c.leaseUntil = leaseUntil;
        return {};
    }

    contracts::Expected<std::vector<contracts::TestFailure>> pendingFailures(contracts::EpochMillis since,
                                                                             contracts::EpochMillis now,
                                                                             const std::string& daemonId,
                                                                             int limit) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        std::vector<contracts::TestFailure> out;
        for (const auto& [id, f] : failures_) {
            auto c = claims_.find(id);
            if (f.ts >= since &&
                (c == claims_.end() ||
                 (!c->second.done && (c->second.leaseUntil < now || c->second.daemonId == daemonId))) &&
                std::ssize(out) < limit)
                out.push_back(f);
        }
        return out;
    }

    contracts::Expected<std::size_t>
    recordMetrics(std::span<const contracts::MetricSample> samples) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        std::size_t added = 0;
        for (const auto& m : samples)
            added += metrics_.try_emplace(m.id, m).second ? 1 : 0;
        return added;
    }

    contracts::Expected<std::vector<contracts::MetricSample>> metrics(const std::string& name,
                                                                      contracts::EpochMillis since) override {
        std::lock_guard lock(mutex_);
        std::vector<contracts::MetricSample> out;
        for (const auto& [id, m] : metrics_)
            if (m.name == name && m.ts >= since)
                out.push_back(m);
        return out;
    }

    contracts::Expected<long long> countAttempts(const contracts::AttemptQuery& query) override {
        std::lock_guard lock(mutex_);
        if (auto ok = up(); !ok)
            return std::unexpected(ok.error());
        return std::ranges::count_if(attempts_, [&](const auto& kv) { return matches(kv.second, query); });
    }

    // When true every write and every failure or embedding read fails with ErrorKind::Unavailable.
    bool down = false;

private:
    static bool isFailureKind(const std::string& kind) {
        return kind == contracts::kTestFailureOwner || kind == contracts::kLintFailureOwner;
    }

    contracts::Expected<void> up() const {
        if (down)
            return contracts::fail(contracts::ErrorKind::Unavailable, "in-memory store is down");
        return {};
    }
    static bool matches(const contracts::SelfHealAttempt& a, const contracts::AttemptQuery& q) {
        return (!q.patternId || a.patternId == *q.patternId) &&
               (!q.triggerId || a.triggerId == *q.triggerId) && (!q.since || a.ts >= *q.since) &&
               (q.statuses.empty() || std::ranges::find(q.statuses, a.status) != q.statuses.end());
    }
    void audit(std::string action, std::string table, long long rows, std::string subject) {
        audit_.push_back(
            {std::ssize(audit_) + 1, 0, std::move(action), std::move(table), rows, std::move(subject)});
    }

    std::mutex mutex_;
    std::map<std::string, contracts::TestRun> runs_;
    std::map<std::string, contracts::TestFailure> failures_; // ULID order is time order
    std::map<std::string, contracts::LintFailure> lint_;
    std::map<std::string, contracts::TelemetryEvent> events_;
    std::vector<contracts::AuditEntry> audit_;
    std::map<std::tuple<std::string, std::string, std::string>, contracts::StoredEmbedding> embeddings_;
    std::map<std::string, std::uint64_t> generations_; // per model, as the stores' vector_generations
    std::set<std::pair<std::string, contracts::TestCaseName>> passes_;
    std::map<std::string, contracts::RecordedFix> fixes_;
    std::map<std::string, contracts::SelfHealAttempt> attempts_; // ULID order is time order
    struct Claim {
        std::string daemonId;
        contracts::EpochMillis leaseUntil = 0;
        bool done = false;
    };
    std::map<std::string, Claim> claims_;
    std::map<std::string, contracts::MetricSample> metrics_; // ULID order is time order
};

} // namespace devos::doubles
