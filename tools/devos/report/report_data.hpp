#pragma once
// What `devos report` shows, as plain data: the gates, the findings with their rule texts and chains,
// the layer graph, and the telemetry trends. Filled from the build folder and the store
// (report_inputs, report_telemetry), rendered by html_report and markdown_report.
#include <string>
#include <vector>

namespace devos::report {

// One gate row as the summary table shows it (the per-file parts folded).
struct GateEntry {
    std::string name;
    std::string status; // passed, failed, advisory, skipped
    long findings = 0;
    double seconds = 0;
    std::string note; // why it was skipped or failed without running
};

// One numbered step of a finding's path: an include chain or a cross-TU call chain.
struct ChainStep {
    std::string file;
    unsigned line = 0;
    std::string message;
};

// Where a finding stands against the repo's acceptances.
enum class FindingState { New, Baselined, Allowed };

// One finding of a gate's SARIF (new), a baseline entry (baselined) or a devos-allow comment (allowed).
struct FindingEntry {
    std::string rule;
    std::string level; // error, warning, note, none
    std::string file;
    unsigned line = 0;
    std::string message;
    std::string gate; // the gate whose SARIF run carried it ("layering"); empty for acceptances
    std::string fingerprint;
    FindingState state = FindingState::New;
    std::string expires;   // allowed: the comment's `until` date
    std::string chainKind; // "include", "call" or "" (no chain)
    std::vector<ChainStep> steps;
};

// A rule's documentation as the SARIF rule descriptor carries it.
struct RuleText {
    std::string id;
    std::string summary;
    std::string why;
    std::string instead;
    std::string allowed;
};

// One layer of the graph and the layers it may include.
struct LayerNode {
    std::string name;
    std::vector<std::string> mayInclude;
};

// An edge of the layer graph: allowed by the policy, or taken by findings (violations > 0), or both.
struct LayerEdge {
    std::string from;
    std::string to;
    bool allowed = false;
    long violations = 0;
};

// Failures of one UTC day.
struct DayCount {
    std::string day; // YYYY-MM-DD
    long failures = 0;
};

// A failure pattern seen more than once.
struct PatternCount {
    std::string patternId;
    long occurrences = 0;
    std::string example; // the newest failure's test and first message line
};

// A test that failed in one run and passed in another.
struct FlakyTest {
    std::string test; // suite.name
    long failed = 0;
    long passed = 0;
};

// Failures of different patterns whose texts are alike (cosine similarity at or above the search
// threshold): one cause that the pattern ids split.
struct IncidentCluster {
    long failures = 0;
    std::vector<std::string> patternIds; // the leading pattern first, then by failures
    std::string example;                 // the leading pattern's newest failure: test and first line
    std::string firstSeen;               // YYYY-MM-DD (UTC) of the oldest failure
    std::string lastSeen;                // and of the newest
};

// One self-heal attempt.
struct ProposalEntry {
    std::string id;
    std::string status;
    int risk = 0;
    std::string patternId;
    std::string description;
    std::string branch;
    std::string outcome; // open, merged, rejected, reverted, recurred (devos heal sync)
};

// The telemetry trends; `present` is false when no store was read.
struct TelemetrySummary {
    bool present = false;
    std::string source; // the store's name in messages
    std::vector<DayCount> failuresPerDay;
    std::vector<PatternCount> topPatterns;
    std::vector<FlakyTest> flakyTests;
    std::vector<IncidentCluster> clusters;
    std::string clustersNote; // why there are no clusters to show beyond "none" (no runtime, no vectors)
    std::vector<ProposalEntry> proposals;
};

// Everything one report shows. Ordering is stable: findings by (state, file, line, rule, message).
struct ReportData {
    std::string title;               // "DevOS report"
    std::string generatedFor;        // a caption (build folder), no timestamp unless the caller passes one
    std::vector<std::string> inputs; // the files read, for the footer
    std::vector<GateEntry> gates;
    std::vector<FindingEntry> findings;
    std::vector<RuleText> rules;
    std::vector<LayerNode> layers;
    std::vector<LayerEdge> edges;
    TelemetrySummary telemetry;
};

} // namespace devos::report
