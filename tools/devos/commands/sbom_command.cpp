// devos sbom: an SPDX 2.3 SBOM of the packages find_package resolved (build/devos/dependencies.json,
// written by the DevOS dependency provider, or derived from the CMake File API reply), each with the
// Debian package that provides it and its license, and the repo's license policy
// (.devos/devos.yml `licenses:`) against them.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"
#include "dependencies/build_record.hpp"
#include "sbom/dpkg_database.hpp"
#include "sbom/license_check.hpp"
#include "sbom/package_origin.hpp"
#include "sbom/spdx_document.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <devos/engine/policy.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace devos::cli {
namespace {

const char* kHelp = R"(usage: devos sbom -p <build-dir> [options]

Writes an SPDX 2.3 JSON SBOM of the packages a configure resolved (one per find_package, with
the Debian package that provides it, its license from /usr/share/doc/<package>/copyright and a
purl) and checks their licenses against the repo's license policy
(.devos/devos.yml `licenses: { allow: [MIT, ...], deny: [GPL-3.0-only, ...] }`):
  dependency.license  a denied license, or one not on the allow list (an unknown license under an
                      allow list is a warning)
at the find_package call. The record is <build-dir>/devos/dependencies.json, written when the
build is configured with the DevOS dependency provider (exact)
  -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<prefix>/lib/cmake/DevOS/DevOSDependencyProvider.cmake
and otherwise derived from the CMake File API reply (see `devos deps --help`); the SBOM's
creationInfo.comment says which.
`created` is SOURCE_DATE_EPOCH when it is set (reproducible output), else now.

options:
  -p, --build-dir DIR   the configured build directory (required)
  --record FILE         the provider's dependency record to read
  --source SOURCE       auto (default: the provider's record when it exists, else CMake's),
                        provider or cmake
  -o, --output FILE     the SBOM (default: <build-dir>/devos/sbom.spdx.json)
  --root DIR            repo root (default: found from the current directory)
  --config FILE         a repo config to use instead of .devos/devos.yml
  --format FORMAT       the license findings as text (default), json, sarif or agent, on stdout
  --sarif-output FILE   also write the findings as SARIF to FILE
  --baseline FILE       accepted findings (default: .devos/baseline.json when it exists)
  --no-baseline         ignore the baseline

exit codes: 0 no error-level findings, 1 findings, 2 usage error, bad config or no/invalid record
)";

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

int runSbom(const std::vector<std::string>& argv) {
    Args args({"--build-dir", "--record", "--source", "--root", "--config", "--format", "--output",
               "--sarif-output", "--baseline"},
              {"--no-baseline", "--help"}, {{"-p", "--build-dir"}, {"-o", "--output"}, {"-h", "--help"}});
    FindingReport report;
    if (auto stop = startFindingCommand(args, argv, "sbom", kHelp, report))
        return *stop;
    report.output.reset(); // -o is the SBOM here; the findings go to stdout
    auto buildDir = args.value("--build-dir");
    if (auto problem = cli::buildDirProblem(args)) {
        std::fprintf(stderr, "devos sbom: %s\n", problem->c_str());
        return kUsage;
    }
    fs::path devosDir = fs::path(*buildDir) / "devos";
    auto record = dependencies::loadBuildRecord(*buildDir, args.valueOr("--record", ""),
                                                args.valueOr("--source", "auto"));
    if (!record) {
        std::fprintf(stderr, "devos sbom: %s\n", record.error().render().c_str());
        return kUsage;
    }
    std::string root = args.valueOr("--root", engine::findRepoRoot(fs::current_path().string()));
    auto policy = engine::Policy::forRepo(root, args.valueOr("--config", ""));
    if (!policy) {
        std::fprintf(stderr, "devos sbom: %s\n", policy.error().render().c_str());
        return kUsage;
    }

    const std::set<std::string> asked = sbom::evidencePaths(record->dependencies);
    sbom::DpkgDatabase dpkg = sbom::DpkgDatabase::load("/var/lib/dpkg", &asked);
    sbom::SbomDocument document{.projectName = projectName(*buildDir, root),
                                .toolVersion = DEVOS_VERSION,
                                .created = creationTime(),
                                .packages = {},
                                .recordSource = record->source};
    for (const auto& dep : record->dependencies)
        if (dep.found)
            document.packages.push_back(sbom::describePackage(dep, dpkg));
    std::string sbomPath = args.valueOr("--output", (devosDir / "sbom.spdx.json").string());
    if (auto written = writeOutputFile(sbomPath, sbom::renderSpdx(document)); !written) {
        std::fprintf(stderr, "devos sbom: %s\n", written.error().render().c_str());
        return foundation::exitCodeOf(written.error().kind);
    }

    report.findings = sbom::checkLicenses(document.packages, *policy, root);
    report.runProperties["dependencyRecord"] = record->source;
    report.policy = &*policy;
    report.root = root;
    report.automationId = "devos/sbom/";
    return reportFindings(std::move(report));
}

} // namespace devos::cli
