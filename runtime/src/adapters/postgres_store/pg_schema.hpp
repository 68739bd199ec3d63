#pragma once
#include <span>

namespace devos::adapters {

// One PostgreSQL schema change, applied in order and recorded in schema_migrations.
struct PgMigration {
    int version;
    const char* name;
    const char* sql;
};

// Every migration of the PostgreSQL store, oldest first (seed §5.3 tables).
[[nodiscard]] std::span<const PgMigration> pgMigrations();

} // namespace devos::adapters
