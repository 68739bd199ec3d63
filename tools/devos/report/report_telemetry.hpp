#pragma once
// The trends section's data from the telemetry store `devos ingest` writes (SQLite, or PostgreSQL
// through DEVOS_DATABASE_URL), read-only except for the vectors of failures stored without one of the
// built-in embedder's model, which the clusters embed first (as devos search does). Without the
// runtime in this build, only "no store".
#include "report/report_data.hpp"

#include <devos/foundation/error.hpp>
#include <optional>
#include <string>

namespace devos::report {

// Which store to read: `db` (--db) when given, else PostgreSQL when DEVOS_DATABASE_URL is set, else
// <repoRoot>/.devos/telemetry.db when it exists; none of them: a summary with present = false.
struct TelemetrySource {
    std::optional<std::string> db;
    std::string repoRoot;
};

// Failures per day (the last 60 days with data), the top 10 recurring patterns, flaky tests, the
// similar-incident clusters of those 60 days (or a note why there are none) and the newest 50
// self-heal attempts, from the newest 10000 stored test failures. An error when a store that was
// named cannot be opened or read.
[[nodiscard]] foundation::Expected<TelemetrySummary> readTelemetry(const TelemetrySource& source);

} // namespace devos::report
