// devos deps: the versions find_package resolved (build/devos/dependencies.json, written by the
// DevOS dependency provider, or derived from the CMake File API reply) against the repo's
// dependency floors and bans.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"
#include "dependencies/build_record.hpp"
#include "dependencies/dependency_check.hpp"

#include <cstdio>
#include <devos/engine/policy.hpp>
#include <devos/engine/repo_paths.hpp>
#include <filesystem>

namespace devos::cli {
namespace {

const char* kHelp = R"(usage: devos deps -p <build-dir> [options]

Checks the packages a configure resolved against the repo's dependency policy
(.devos/devos.yml `dependencies: { floors: {Name: "3.0"}, bans: {Name: "reason"} }`):
  dependency.floor  a package resolved below its floor (warning when its version is unknown)
  dependency.ban    a banned package was found
at the find_package call. The record is <build-dir>/devos/dependencies.json, written when the
build is configured with the DevOS dependency provider (exact)
  -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<prefix>/lib/cmake/DevOS/DevOSDependencyProvider.cmake
and otherwise derived from what CMake knows: the cache (<Pkg>_DIR, find_package's results,
<Pkg>_VERSION, pkg-config's <prefix>_VERSION) and the codemodel's link items and imported targets,
from the File API reply (queries cache-v2, codemodel-v2 and cmakeFiles-v1; devos_enable_gates
writes them).

options:
  -p, --build-dir DIR   the configured build directory (required)
  --record FILE         the provider's dependency record to read
  --source SOURCE       auto (default: the provider's record when it exists, else CMake's),
                        provider or cmake
  --root DIR            repo root (default: found from the current directory)
  --config FILE         a repo config to use instead of .devos/devos.yml
  --format FORMAT       text (default), json, sarif or agent
  -o, --output FILE     write the report to FILE
  --sarif-output FILE   also write SARIF to FILE
  --baseline FILE       accepted findings (default: .devos/baseline.json when it exists)
  --no-baseline         ignore the baseline

exit codes: 0 no error-level findings, 1 findings, 2 usage error, bad config or no/invalid record
)";

} // namespace

int runDeps(const std::vector<std::string>& argv) {
    Args args({"--build-dir", "--record", "--source", "--root", "--config", "--format", "--output",
               "--sarif-output", "--baseline"},
              {"--no-baseline", "--help"}, {{"-p", "--build-dir"}, {"-o", "--output"}, {"-h", "--help"}});
    FindingReport report;
    if (auto stop = startFindingCommand(args, argv, "deps", kHelp, report))
        return *stop;
    auto buildDir = args.value("--build-dir");
    if (auto problem = cli::buildDirProblem(args)) {
        std::fprintf(stderr, "devos deps: %s\n", problem->c_str());
        return kUsage;
    }
    auto record = dependencies::loadBuildRecord(*buildDir, args.valueOr("--record", ""),
                                                args.valueOr("--source", "auto"));
    if (!record) {
        std::fprintf(stderr, "devos deps: %s\n", record.error().render().c_str());
        return kUsage;
    }
    std::string found = engine::findRepoRoot(std::filesystem::current_path().string());
    std::string root = args.valueOr("--root", found);
    auto policy = engine::Policy::forRepo(root, args.valueOr("--config", ""));
    if (!policy) {
        std::fprintf(stderr, "devos deps: %s\n", policy.error().render().c_str());
        return kUsage;
    }
    report.findings = dependencies::checkDependencies(record->dependencies, *policy, root);
    report.runProperties["dependencyRecord"] = record->source;
    report.policy = &*policy;
    report.root = root;
    report.automationId = "devos/deps/";
    return reportFindings(std::move(report));
}

} // namespace devos::cli
