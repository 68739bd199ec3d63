#include <algorithm>
#include <devos/services/heal_reporter.hpp>

namespace devos::services {

contracts::Expected<logic::HealReport> HealReporter::report(contracts::EpochMillis since,
                                                            const std::string& window) {
    logic::HealReportInput in;
    contracts::AttemptQuery attempts;
    attempts.since = since;
    attempts.limit = 1'000'000;
    auto rows = store_.attempts(attempts);
    if (!rows)
        return std::unexpected(rows.error());
    in.attempts = std::move(*rows);
    contracts::FixQuery fixes;
    fixes.limit = 1'000'000;
    auto recorded = store_.fixes(fixes);
    if (!recorded)
        return std::unexpected(recorded.error());
    in.fixes = std::move(*recorded);
    const auto timeOf = [&](const std::string& failureId) -> contracts::Expected<void> {
        if (failureId.empty() || in.failureTimes.contains(failureId))
            return {};
        contracts::FailureQuery q;
        q.failureId = failureId;
        q.limit = 1;
        auto found = store_.queryFailures(q);
        if (!found)
            return std::unexpected(found.error());
        if (!found->empty())
            in.failureTimes[failureId] = found->front().ts;
        return {};
    };
    for (const auto& a : in.attempts)
        if (auto t = timeOf(a.triggerId); !t)
            return std::unexpected(t.error());
    for (const auto& f : in.fixes)
        if (auto t = timeOf(f.failureId); !t)
            return std::unexpected(t.error());
    const auto came = [](const contracts::FixOutcome& o) {
        return o.state == contracts::OutcomeState::Recurred || o.state == contracts::OutcomeState::Reverted;
    };
    std::vector<std::string> patterns;
    for (const auto& a : in.attempts)
        if (came(a.outcome))
            patterns.push_back(a.patternId);
    for (const auto& f : in.fixes)
        if (came(f.outcome))
            patterns.push_back(f.patternId);
    for (const auto& pattern : patterns) {
        if (in.patternFailures.contains(pattern))
            continue;
        contracts::FailureQuery q;
        q.patternId = pattern;
        q.limit = 1'000'000;
        auto found = store_.queryFailures(q);
        if (!found)
            return std::unexpected(found.error());
        in.patternFailures[pattern] =
            std::ranges::count_if(*found, [&](const contracts::TestFailure& f) { return f.ts >= since; });
    }
    auto steps = store_.metrics("selfheal.step.millis", since);
    if (!steps)
        return std::unexpected(steps.error());
    in.steps = std::move(*steps);
    auto report = logic::buildHealReport(in);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < logic::healReportSampleCount(report); ++i)
        ids.push_back(ids_.next());
    const auto samples = logic::healReportSamples(report, ids_.now(), {{"window", window}}, ids);
    if (auto written = store_.recordMetrics(samples); !written)
        return std::unexpected(written.error());
    exportFailure_.reset();
    if (exporter_ != nullptr)
        if (auto sent = exporter_->exportMetrics(samples); !sent)
            exportFailure_ = std::move(sent.error());
    return report;
}

} // namespace devos::services
