#include "sbom/sbom_gate.hpp"

#include "sbom/dpkg_database.hpp"
#include "sbom/license_check.hpp"
#include "sbom/package_origin.hpp"

#include <cstdlib>
#include <ctime>
#include <devos/engine/config_section.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace devos::sbom {
namespace {

// The time SPDX records as `created`: SOURCE_DATE_EPOCH (https://reproducible-builds.org) or now.
std::string creationTime() {
    std::time_t when = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
        when = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    std::tm utc{};
    gmtime_r(&when, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

// The CMake project name from the build's cache, else the repo folder's name.
std::string projectName(const std::string& buildDir, const std::string& root) {
    const std::string key = "CMAKE_PROJECT_NAME:STATIC=";
    std::string cache =
        foundation::readTextFile((fs::path(buildDir) / "CMakeCache.txt").string()).value_or("");
    if (size_t at = cache.find("\n" + key); at != std::string::npos) {
        size_t start = at + 1 + key.size();
        std::string name = cache.substr(start, cache.find('\n', start) - start);
        if (!name.empty())
            return name;
    }
    return fs::path(root).lexically_normal().filename().string();
}

} // namespace

foundation::Expected<SbomOutcome> describeBuild(const SbomRequest& request) {
    auto loaded = dependencies::loadRecordAndPolicy(request.record);
    if (!loaded)
        return std::unexpected(loaded.error());
    auto licenses = engine::gateSettings<LicenseRules>(loaded->policy);
    if (!licenses)
        return std::unexpected(licenses.error());
    const auto& dependencies = loaded->record.dependencies;
    const std::set<std::string> asked = evidencePaths(dependencies);
    DpkgDatabase dpkg = DpkgDatabase::load(request.dpkgAdminDir, &asked);
    SbomDocument document{.projectName = projectName(request.record.buildDir, loaded->root),
                          .toolVersion = request.toolVersion,
                          .created = creationTime(),
                          .packages = {},
                          .recordSource = loaded->record.source};
    for (const auto& dep : dependencies)
        if (dep.found)
            document.packages.push_back(describePackage(dep, dpkg));
    auto findings = checkLicenses(document.packages, *licenses, loaded->policy, loaded->root);
    std::string spdx = renderSpdx(document);
    return SbomOutcome{std::move(loaded->policy), std::move(loaded->root), std::move(document),
                       std::move(spdx), std::move(findings)};
}

} // namespace devos::sbom
