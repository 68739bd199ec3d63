#pragma once
// `devos heal`'s use cases over entrypoints::SelfHealApp (the loop itself is services::SelfHealService)
// for the git repository around a working folder: each takes a request and returns its outcome; the
// command maps options to the request and prints the outcome (heal/heal_output.hpp).
#include <devos/contracts/self_heal_outcome.hpp>
#include <devos/foundation/error.hpp>
#include <devos/logic/heal_report.hpp>
#include <devos/services/outcome_sync.hpp>
#include <functional>
#include <optional>
#include <string>

namespace devos::heal {

// Everything `devos heal --failure|--latest` takes.
struct HealCommandRequest {
    std::optional<std::string> failureId;
    bool latest = false;
    std::string buildDir; // -p, as given
    std::string agent;    // "", "playbook", "chat", "auto"
    std::optional<std::string> db;
    bool keep = false;
    std::string workingDir;                           // the repository is the one around it
    std::function<void(const std::string&)> progress; // one line per step as it runs; may be null
};

// Runs one heal. Invalid outside a git repository; the telemetry's and the loop's errors otherwise.
// A heal that stopped is an outcome (proposed == false), not an error.
[[nodiscard]] foundation::Expected<contracts::SelfHealOutcome> healFailure(const HealCommandRequest& request);

// What `devos heal sync` checks: the repository around `workingDir` and its store.
struct SyncRequest {
    std::string workingDir;
    std::optional<std::string> db;
};

// What became of each proposal and recorded fix, and in which store.
struct SyncOutcome {
    std::string storeName;
    services::OutcomeSyncReport report;
};

// Checks and records the outcomes. Invalid outside a git repository.
[[nodiscard]] foundation::Expected<SyncOutcome> syncOutcomes(const SyncRequest& request);

// What `devos heal report` covers: the attempts of the last `window` (a duration such as "30d").
struct HealReportRequest {
    std::string workingDir;
    std::optional<std::string> db;
    std::string window = "30d";
};

// The numbers, recorded as selfheal.report.* metrics_samples rows (and exported over OTLP when a
// collector is configured: exportError says why that failed, the report stands).
struct HealReportOutcome {
    std::string storeName;
    std::string window;
    contracts::EpochMillis since = 0;
    logic::HealReport report;
    std::optional<foundation::Error> exportError;
};

// Invalid for a window that is not a duration.
[[nodiscard]] foundation::Expected<HealReportOutcome> reportHeals(const HealReportRequest& request);

// Everything `devos heal --daemon` takes.
struct DaemonCommandRequest {
    std::string buildDir; // -p, as given
    std::optional<std::string> db;
    std::string daemonId;         // --daemon-id; empty: host, pid and start time
    std::string window = "1 day"; // --window: how far back a failure may be at start
    long pollMs = 5000;
    long heartbeatMs = 30000;
    int maxHeals = 0;
};

// Runs the self-heal daemon in the current folder's repository until SIGTERM or SIGINT (or
// --max-heals); one log line per event on stderr, the totals on stdout. Exit code: 0 after a clean
// stop, 2 usage or configuration error at start.
[[nodiscard]] int runDaemonCommand(const DaemonCommandRequest& request);

} // namespace devos::heal
