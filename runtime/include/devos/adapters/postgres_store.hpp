#pragma once
#include <chrono>
#include <devos/contracts/error.hpp>
#include <devos/ports/failure_wakeup.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <memory>
#include <optional>
#include <string>

namespace devos::adapters {

// The channel on which the PostgreSQL store announces each ingested run that has failures; the
// payload is the run id.
inline constexpr const char* kFailuresChannel = "devos_failures";

// Connects to PostgreSQL (`postgresql://...` or a libpq keyword string) and migrates the schema:
// versioned migrations, monthly range partitions of application_logs, COPY for event batches,
// NOTIFY devos_failures on ingest, TimescaleDB only when the extension is available. A server
// that cannot be reached fails with ErrorKind::Unavailable; later calls reconnect.
[[nodiscard]] contracts::Expected<std::unique_ptr<ports::TelemetryStore>>
openPostgresStore(const std::string& url);

// A LISTEN devos_failures connection, for daemons that react to new failures.
class FailureListener {
public:
    virtual ~FailureListener() = default;
    // The next notified run id, or nullopt after `timeout` or as soon as `interruptFd` (when not -1)
    // is readable.
    [[nodiscard]] virtual contracts::Expected<std::optional<std::string>>
    next(std::chrono::milliseconds timeout, int interruptFd = -1) = 0;
};

// Connects and LISTENs on devos_failures.
[[nodiscard]] contracts::Expected<std::unique_ptr<FailureListener>> listenForFailures(const std::string& url);

// The daemon's wakeup on PostgreSQL: LISTEN devos_failures (connecting on the first wait and again
// after a lost connection), returning early when `interruptFd` (-1: none) is readable.
[[nodiscard]] std::unique_ptr<ports::FailureWakeup> makePgFailureWakeup(const std::string& url,
                                                                        int interruptFd);

} // namespace devos::adapters
