#pragma once
#include <span>

namespace devos::adapters {

// One schema change; versions are applied in order and recorded in schema_migrations.
struct SqliteMigration {
    int version;
    const char* name;
    const char* sql;
};

// Every migration of the SQLite store, oldest first (seed §5.3 tables).
[[nodiscard]] std::span<const SqliteMigration> sqliteMigrations();

} // namespace devos::adapters
