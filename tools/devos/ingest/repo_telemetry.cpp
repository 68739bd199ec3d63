#include "ingest/repo_telemetry.hpp"

#include "scan/repo_secret_rules.hpp"

namespace devos::ingest {

foundation::Expected<std::unique_ptr<entrypoints::Telemetry>>
openRepoTelemetry(const std::string& repoRoot, const std::optional<std::string>& db, bool search) {
    auto gitleaksConfig = scan::repoGitleaksConfigPath(repoRoot);
    if (!gitleaksConfig)
        return std::unexpected(gitleaksConfig.error());
    entrypoints::TelemetryRequest request = entrypoints::repoTelemetryRequest(repoRoot, db);
    request.gitleaksConfig = std::move(*gitleaksConfig);
    request.search = search;
    return entrypoints::Telemetry::open(std::move(request));
}

} // namespace devos::ingest
