#pragma once
#include <devos/contracts/error.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <memory>
#include <optional>
#include <string>

namespace devos::entrypoints {

// An open, migrated store and a name for it in messages (the SQLite path, or "PostgreSQL").
struct OpenedStore {
    std::unique_ptr<ports::TelemetryStore> store;
    std::string name;
};

// The store a command asked for: the SQLite file `dbPath` when given; else PostgreSQL when
// `databaseUrl` (DEVOS_DATABASE_URL) is a postgresql:// URL; else the SQLite file `defaultPath`.
// Invalid for another URL scheme, or PostgreSQL in a build without it.
[[nodiscard]] contracts::Expected<OpenedStore> openTelemetryStore(const std::optional<std::string>& dbPath,
                                                                  const std::string& databaseUrl,
                                                                  const std::string& defaultPath);

} // namespace devos::entrypoints
