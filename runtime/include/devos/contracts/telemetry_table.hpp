#pragma once

namespace devos::contracts {

// The tables of the telemetry schema (seed §5.3), for counts and audits.
enum class TelemetryTable {
    ApplicationLogs,
    TestRuns,
    TestFailures,
    LintFailures,
    SelfhealProposals,
    TraceSpans,
    MetricsSamples,
    AuditLog,
    Embeddings,
    TestPasses,
    SelfhealFixes,
};

// The SQL name of a table ("application_logs" ...).
[[nodiscard]] const char* tableName(TelemetryTable t);

} // namespace devos::contracts
