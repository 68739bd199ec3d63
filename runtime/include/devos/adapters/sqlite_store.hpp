#pragma once
#include <devos/contracts/error.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <memory>
#include <string>

namespace devos::adapters {

// Opens (creating when missing, with its parent folders) the embedded SQLite telemetry store at
// `path` in WAL mode with foreign keys on, and migrates it. ":memory:" gives a private store.
[[nodiscard]] contracts::Expected<std::unique_ptr<ports::TelemetryStore>>
openSqliteStore(const std::string& path);

} // namespace devos::adapters
