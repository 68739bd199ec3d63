#pragma once
// The CLI side of `devos heal`: the request filled from options and the outcome printed, so the
// command file only maps options (the use case lives in services::SelfHealService).
#include <devos/contracts/error.hpp>
#include <devos/contracts/self_heal_outcome.hpp>
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
    std::string format = "text";
    bool keep = false;
};

// Runs one heal from the current folder's repository; prints the outcome to stdout (progress on
// stderr when it is a terminal). Exit code: 0 proposed, 1 stopped (or the store failed), 2 usage or
// configuration error.
[[nodiscard]] int runHealCommand(const HealCommandRequest& request);

// Runs `devos heal sync` in the current folder's repository: checks what became of each proposal and
// recorded fix and prints the changes. Exit code: 0 done, 1 the store failed, 2 usage or configuration.
[[nodiscard]] int runSyncCommand(const std::optional<std::string>& db, const std::string& format);

// Runs `devos heal report`: the self-heal numbers of the attempts in the last `window` (a duration
// such as "30d"), printed and recorded as selfheal.report.* metrics_samples rows. Exit code: 0 done,
// 1 the store failed, 2 usage or configuration.
[[nodiscard]] int runReportCommand(const std::optional<std::string>& db, const std::string& window,
                                   const std::string& format);

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
// --max-heals); one log line per event on stderr. Exit code: 0 after a clean stop, 2 usage or
// configuration error at start.
[[nodiscard]] int runDaemonCommand(const DaemonCommandRequest& request);

// The outcome as `devos heal` prints it: one line per step (`detect    FAIL …`), then for a stop the
// reason, the evidence and what to do.
[[nodiscard]] std::string outcomeText(const contracts::SelfHealOutcome& outcome);

} // namespace devos::heal
