#pragma once
#include <devos/contracts/error.hpp>
#include <devos/ports/failure_vector_cache.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <memory>
#include <optional>
#include <string>

namespace devos::entrypoints {

// An open, migrated store, a name for it in messages (the SQLite path, or "PostgreSQL"), and the
// folder of its vector files: `<sqlite path>.vectors`, or for PostgreSQL a local cache of the team's
// store, `$XDG_CACHE_HOME` (or `~/.cache`)`/devos/vectors-<hash of the URL>`; empty for ":memory:".
struct OpenedStore {
    std::unique_ptr<ports::TelemetryStore> store;
    std::string name;
    std::string vectorDir;
};

// The store a command asked for: the SQLite file `dbPath` when given; else PostgreSQL when
// `databaseUrl` (DEVOS_DATABASE_URL) is a postgresql:// URL; else the SQLite file `defaultPath`.
// Commands open it through entrypoints::Telemetry, which reads the variable.
// Invalid for another URL scheme, or PostgreSQL in a build without it.
[[nodiscard]] contracts::Expected<OpenedStore> openTelemetryStore(const std::optional<std::string>& dbPath,
                                                                  const std::string& databaseUrl,
                                                                  const std::string& defaultPath);

// The vector file cache (adapters::makeVectorFileCache, fp16 rows) of `opened`'s vectorDir, or null
// when it has none.
[[nodiscard]] std::unique_ptr<ports::FailureVectorCache> openVectorCache(const OpenedStore& opened);

} // namespace devos::entrypoints
