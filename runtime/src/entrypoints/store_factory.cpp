#include <cstdlib>
#include <devos/adapters/sqlite_store.hpp>
#include <devos/adapters/vector_file.hpp>
#include <devos/entrypoints/store_factory.hpp>
#include <devos/foundation/hash.hpp>
#include <filesystem>
#if DEVOS_HAS_POSTGRES
#include <devos/adapters/postgres_store.hpp>
#endif

namespace devos::entrypoints {
namespace {

// The local cache of a PostgreSQL store's vector files: $XDG_CACHE_HOME (or ~/.cache)/devos/vectors-<hash
// of the URL>, never inside a checkout; empty (no cache) when neither variable is set.
std::string postgresVectorDir(const std::string& databaseUrl) {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/')
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/')
        base = std::filesystem::path(home) / ".cache";
    else
        return {};
    return (base / "devos" / ("vectors-" + foundation::hex64(foundation::fnv1a64(databaseUrl)))).string();
}

} // namespace

contracts::Expected<OpenedStore> openTelemetryStore(const std::optional<std::string>& dbPath,
                                                    const std::string& databaseUrl,
                                                    const std::string& defaultPath) {
    if (!dbPath && !databaseUrl.empty()) {
        if (!databaseUrl.starts_with("postgres://") && !databaseUrl.starts_with("postgresql://"))
            return contracts::fail(contracts::ErrorKind::Invalid,
                                   "DEVOS_DATABASE_URL must start with postgresql://", {}, 0,
                                   "unset it to use the embedded store");
#if DEVOS_HAS_POSTGRES
        auto store = adapters::openPostgresStore(databaseUrl);
        if (!store)
            return std::unexpected(std::move(store.error()));
        return OpenedStore{std::move(*store), "PostgreSQL", postgresVectorDir(databaseUrl)};
#else
        return contracts::fail(contracts::ErrorKind::Invalid,
                               "DEVOS_DATABASE_URL names PostgreSQL, but this devos was built without it", {},
                               0, "rebuild with -DDEVOS_WITH_POSTGRES=ON or unset it");
#endif
    }
    std::string path = dbPath.value_or(defaultPath);
    auto store = adapters::openSqliteStore(path);
    if (!store)
        return std::unexpected(std::move(store.error()));
    std::string vectorDir = path == ":memory:" ? "" : path + ".vectors";
    return OpenedStore{std::move(*store), std::move(path), std::move(vectorDir)};
}

std::unique_ptr<ports::FailureVectorCache> openVectorCache(const OpenedStore& opened) {
    if (opened.vectorDir.empty())
        return nullptr;
    return adapters::makeVectorFileCache(opened.vectorDir, *opened.store);
}

} // namespace devos::entrypoints
