#pragma once
// The pure arithmetic of `devos report`: finding order and counts, the layer graph's edges, and the
// telemetry trends from plain failure, pass and attempt records.
#include "report/report_data.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace devos::report {

// "new", "baselined" or "allowed".
[[nodiscard]] const char* stateName(FindingState state);

// The report's stable order: new before baselined before allowed, then file, line, rule, message.
void sortFindings(std::vector<FindingEntry>& findings);

// The numbers the page header, the markdown and the browser test agree on.
struct FindingCounts {
    long total = 0;
    long fresh = 0; // state New
    long baselined = 0;
    long allowed = 0;
    long errors = 0; // new findings of level error
    long warnings = 0;
    std::vector<std::pair<std::string, long>> byRule; // by count, descending, then rule
    std::vector<std::pair<std::string, long>> byFile; // by count, descending, then file
};
[[nodiscard]] FindingCounts countFindings(const std::vector<FindingEntry>& findings);

// The layer edge a layering finding takes, from its message ("logic/ may not include adapters/ (...)").
[[nodiscard]] std::optional<std::pair<std::string, std::string>> violatedEdge(const FindingEntry& finding);

// The policy's allowed edges plus the edges new findings take (with counts), sorted by (from, to);
// edges naming a layer not in `layers` are left out.
[[nodiscard]] std::vector<LayerEdge> layerEdges(const std::vector<LayerNode>& layers,
                                                const std::vector<FindingEntry>& findings);

// One stored test failure, as the trends need it.
struct FailureRecord {
    long long ts = 0; // milliseconds since the epoch, UTC
    std::string runId;
    std::string suite;
    std::string test;
    std::string patternId;
    std::string message;
    std::string failureId; // the store's id: the key of the failure's stored vector
};

// A test that passed in a run.
struct PassRecord {
    std::string runId;
    std::string suite;
    std::string test;
};

// YYYY-MM-DD of a UTC millisecond timestamp.
[[nodiscard]] std::string utcDay(long long epochMillis);

// Failures per UTC day from the first to the last day with failures (days between at 0), at most the
// last `maxDays` of them.
[[nodiscard]] std::vector<DayCount> failuresPerDay(const std::vector<FailureRecord>& failures, int maxDays);

// Patterns seen at least twice, most frequent first (ties by pattern id), at most `limit`.
[[nodiscard]] std::vector<PatternCount> topPatterns(const std::vector<FailureRecord>& failures, int limit);

// Tests that failed in one run and passed in another, by failures descending then name.
[[nodiscard]] std::vector<FlakyTest> flakyTests(const std::vector<FailureRecord>& failures,
                                                const std::vector<PassRecord>& passes);

// The failures of the report's time window: those on the last `maxDays` UTC days up to the newest
// failure's day (the window failuresPerDay draws), in input order.
[[nodiscard]] std::vector<FailureRecord> failuresInWindow(const std::vector<FailureRecord>& failures,
                                                          int maxDays);

// A pattern as clustering sees it: its failure count and its newest failure (an index into the
// failures it was taken from), whose vector stands for the pattern.
struct PatternRepresentative {
    std::string patternId;
    long failures = 0;
    std::size_t newest = 0;
};

// The patterns of `failures`, most failures first (ties by pattern id), at most `limit`: the order in
// which similarIncidentClusters picks leaders.
[[nodiscard]] std::vector<PatternRepresentative>
patternRepresentatives(const std::vector<FailureRecord>& failures, std::size_t limit);

// Greedy leader clustering: in `patterns` order, a pattern not yet in a cluster leads one and takes
// every pattern of `similar[leader]` (indexes into `patterns`, similarity at or above the threshold)
// not yet in one. Clusters that join at least two patterns, by failures descending, then leading id.
[[nodiscard]] std::vector<IncidentCluster>
similarIncidentClusters(const std::vector<FailureRecord>& failures,
                        const std::vector<PatternRepresentative>& patterns,
                        const std::vector<std::vector<std::size_t>>& similar);

} // namespace devos::report
