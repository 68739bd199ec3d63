#pragma once
#include <devos/contracts/metric_sample.hpp>
#include <devos/contracts/recorded_fix.hpp>
#include <devos/contracts/selfheal_attempt.hpp>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace devos::logic {

// What `devos heal report` counts (issue 13 part 5), read by the service from the store.
struct HealReportInput {
    std::vector<contracts::SelfHealAttempt> attempts;           // the attempts in the window
    std::vector<contracts::RecordedFix> fixes;                  // every recorded fix
    std::map<std::string, contracts::EpochMillis> failureTimes; // failure id -> when it failed
    std::map<std::string, long long> patternFailures;           // pattern id -> failures in the window
    std::vector<contracts::MetricSample> steps;                 // selfheal.step.millis samples in the window
};

// One pattern that came back after a fix, and what happened to the fix.
struct PatternRecurrence {
    std::string patternId;
    long long failures = 0; // failures of the pattern in the window
    std::string what;       // "fix 9b2e1aa reverted", "proposal 01J… recurred"
    bool escalated = false; // a self-heal fix of it merged and then recurred or was reverted
};

// One loop step's time over the window.
struct StepTime {
    std::string step;
    long long count = 0;
    double medianMillis = 0;
    double totalMillis = 0;
};

// The report. Acceptance: proposals that were merged (even if later reverted or recurred) over all
// proposals. MTTR with self-heal: failure → merge of its proposal; without: failure → the human fix
// recorded from history, over the patterns self-heal merged a fix for when any has one
// (samePatterns), else over every human fix.
struct HealReport {
    long long attempts = 0;
    long long proposed = 0;
    long long open = 0;
    long long merged = 0; // merged at some point (also those later reverted or recurred)
    long long rejected = 0;
    long long reverted = 0;
    long long recurred = 0;
    long long stopped = 0;
    std::vector<std::pair<std::string, long long>> stopReasons; // most first, then by name
    double acceptanceRate = 0;                                  // merged / proposed, 0..1
    std::optional<double> mttrWithMillis;
    long long mttrWithCount = 0;
    std::optional<double> mttrWithoutMillis;
    long long mttrWithoutCount = 0;
    bool samePatterns = false;
    std::vector<PatternRecurrence> recurring;
    std::vector<StepTime> steps; // in loop order
};

// Aggregates the report (pure).
[[nodiscard]] HealReport buildHealReport(const HealReportInput& input);

// The report as `devos heal report` prints it; `window` names the period ("30 days").
[[nodiscard]] std::string healReportText(const HealReport& report, const std::string& window);

// The report as metrics_samples rows (selfheal.report.*: attempts, proposed, merged, rejected,
// reverted, recurred, stopped{reason}, acceptance_rate, mttr_millis{with=selfheal|human},
// step_median_millis{step}), each at `now` with `tags` added, ids from `ids` in order.
[[nodiscard]] std::vector<contracts::MetricSample>
healReportSamples(const HealReport& report, contracts::EpochMillis now,
                  const std::map<std::string, std::string>& tags, std::span<const std::string> ids);

// How many samples healReportSamples writes for `report` (the ids to mint).
[[nodiscard]] std::size_t healReportSampleCount(const HealReport& report);

} // namespace devos::logic
