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
// Invalid for another URL scheme, or PostgreSQL in a build without it.
[[nodiscard]] contracts::Expected<OpenedStore> openTelemetryStore(const std::optional<std::string>& dbPath,
                                                                  const std::string& databaseUrl,
                                                                  const std::string& defaultPath);

// DEVOS_DATABASE_URL, or "" when it is not set: the one place a command reads it.
[[nodiscard]] std::string databaseUrlFromEnvironment();

// The store of the repository at `repoRoot` that every `devos` command and MCP tool opens: the SQLite
// file `dbPath` when given, else DEVOS_DATABASE_URL, else `<repoRoot>/.devos/telemetry.db`.
[[nodiscard]] contracts::Expected<OpenedStore>
openRepoTelemetryStore(const std::optional<std::string>& dbPath, const std::string& repoRoot);

// The vector file cache (adapters::makeVectorFileCache, fp16 rows) of `opened`'s vectorDir, or null
// when it has none.
[[nodiscard]] std::unique_ptr<ports::FailureVectorCache> openVectorCache(const OpenedStore& opened);

} // namespace devos::entrypoints
