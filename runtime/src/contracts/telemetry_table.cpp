#include <devos/contracts/telemetry_table.hpp>

namespace devos::contracts {

const char* tableName(TelemetryTable t) {
    switch (t) {
    case TelemetryTable::ApplicationLogs:
        return "application_logs";
    case TelemetryTable::TestRuns:
        return "test_runs";
    case TelemetryTable::TestFailures:
        return "test_failures";
    case TelemetryTable::LintFailures:
        return "lint_failures";
    case TelemetryTable::SelfhealProposals:
        return "selfheal_proposals";
    case TelemetryTable::TraceSpans:
        return "trace_spans";
    case TelemetryTable::MetricsSamples:
        return "metrics_samples";
    case TelemetryTable::AuditLog:
        return "audit_log";
    case TelemetryTable::Embeddings:
        return "embeddings";
    case TelemetryTable::TestPasses:
        return "test_passes";
    case TelemetryTable::SelfhealFixes:
        return "selfheal_fixes";
    }
    return "application_logs";
}

} // namespace devos::contracts
