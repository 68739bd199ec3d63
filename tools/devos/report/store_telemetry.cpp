// readTelemetry over the runtime's TelemetryStore (SQLite or PostgreSQL).
#include "report/report_aggregate.hpp"
#include "report/report_telemetry.hpp"

#include <devos/entrypoints/store_factory.hpp>
#include <filesystem>
#include <set>

namespace devos::report {

foundation::Expected<TelemetrySummary> readTelemetry(const TelemetrySource& source) {
    std::error_code ec;
    if (!source.db && source.databaseUrl.empty() && !std::filesystem::exists(source.defaultPath, ec))
        return TelemetrySummary{};
    auto opened = entrypoints::openTelemetryStore(source.db, source.databaseUrl, source.defaultPath);
    if (!opened)
        return std::unexpected(opened.error());
    ports::TelemetryStore& store = *opened->store;
    contracts::FailureQuery newest;
    newest.limit = 10000;
    auto failures = store.queryFailures(newest);
    if (!failures)
        return std::unexpected(failures.error());
    std::vector<FailureRecord> records;
    std::set<std::string> runs;
    for (const auto& f : *failures) {
        records.push_back({f.ts, f.runId, f.suite, f.testName, f.patternId, f.message});
        runs.insert(f.runId);
    }
    std::vector<PassRecord> passes;
    for (const auto& run : runs) {
        auto passed = store.passedTests(run);
        if (!passed)
            return std::unexpected(passed.error());
        for (const auto& p : *passed)
            passes.push_back({run, p.suite, p.testName});
    }
    contracts::AttemptQuery recent;
    recent.limit = 50;
    auto attempts = store.attempts(recent);
    if (!attempts)
        return std::unexpected(attempts.error());
    TelemetrySummary t;
    t.present = true;
    t.source = opened->name;
    t.failuresPerDay = failuresPerDay(records, 60);
    t.topPatterns = topPatterns(records, 10);
    t.flakyTests = flakyTests(records, passes);
    for (const auto& a : *attempts)
        t.proposals.push_back({a.proposalId, a.status, a.riskScore, a.patternId, a.description, a.branch,
                               contracts::outcomeStateName(a.outcome.state)});
    return t;
}

} // namespace devos::report
