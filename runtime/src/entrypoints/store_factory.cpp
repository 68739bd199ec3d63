#include <devos/adapters/sqlite_store.hpp>
#include <devos/adapters/vector_file.hpp>
#include <devos/entrypoints/store_factory.hpp>
#include <devos/foundation/hash.hpp>
#include <filesystem>
#if DEVOS_HAS_POSTGRES
#include <devos/adapters/postgres_store.hpp>
#endif

namespace devos::entrypoints {

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
        const auto cacheDir = std::filesystem::path(defaultPath).parent_path() /
                              ("vectors-" + foundation::hex64(foundation::fnv1a64(databaseUrl)));
        return OpenedStore{std::move(*store), "PostgreSQL", cacheDir.string()};
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
