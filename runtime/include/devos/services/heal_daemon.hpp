#pragma once
#include <atomic>
#include <chrono>
#include <devos/contracts/error.hpp>
#include <devos/ports/config_file_reader.hpp>
#include <devos/ports/failure_wakeup.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/services/id_generator.hpp>
#include <devos/services/outcome_sync.hpp>
#include <devos/services/self_heal_service.hpp>
#include <functional>
#include <string>

namespace devos::services {

// How `devos heal --daemon` runs.
struct DaemonSettings {
    std::string repoRoot; // absolute
    std::string buildDir; // -p, absolute; may be empty (commands: in the config)
    std::string daemonId; // unique per process: host, pid and start time
    contracts::EpochMillis window =
        86'400'000;                       // failures ingested longer ago than this at start are left alone
    std::chrono::milliseconds poll{5000}; // the longest wait between two looks at the store
    std::chrono::milliseconds heartbeat{30000}; // how often the heartbeat event and the lease renewal go out
    contracts::EpochMillis lease = 600'000; // a claim whose daemon has not renewed it this long is taken over
    int maxHeals = 0;                       // stop after this many heals (0: never); tests and benchmarks
};

// What one daemon did.
struct DaemonStats {
    int healed = 0;   // heals run to an outcome (a proposal or a stop reason)
    int proposed = 0; // of which proposals
    int released = 0; // claims given back (a cap, the kill switch or a pause seen by the heal)
    int outages = 0;  // times the store was unavailable
};

// The self-heal daemon (issue 13 part 1): waits for failures (LISTEN or polling), claims each in the
// store (one heal per failure across restarts and daemons; the concurrency caps counted there), runs
// the heal, and records the claim's end. The config (kill switch, pausedPatterns, caps) is re-read
// on every pass. A store outage keeps the claims and retries with backoff (0.5 s doubling to 30 s);
// a heal that stopped on a cap or the kill switch gives its claim back. A stop request is honoured
// between heals: the heal in progress finishes, so no branch is left half made. A heartbeat event
// (selfheal.daemon.heartbeat) renews this daemon's claims and, with an OutcomeSync, records what
// became of the proposals and fixes (devos heal sync) on the same beat.
class HealDaemon {
public:
    HealDaemon(ports::TelemetryStore& store, SelfHealService& heal, const ports::ConfigFileReader& config,
               ports::FailureWakeup& wakeup, const ports::HealWorkspace& workspace, IdGenerator& ids,
               std::function<void(const std::string&)> log, OutcomeSync* outcomes = nullptr)
        : store_(store), heal_(heal), config_(config), wakeup_(wakeup), workspace_(workspace), ids_(ids),
          log_(std::move(log)), outcomes_(outcomes) {}

    // Runs until `stop` is set (or maxHeals heals); the stats.
    [[nodiscard]] DaemonStats run(const DaemonSettings& settings, const std::atomic<bool>& stop);

private:
    ports::TelemetryStore& store_;
    SelfHealService& heal_;
    const ports::ConfigFileReader& config_;
    ports::FailureWakeup& wakeup_;
    const ports::HealWorkspace& workspace_;
    IdGenerator& ids_;
    std::function<void(const std::string&)> log_;
    OutcomeSync* outcomes_;
};

} // namespace devos::services
