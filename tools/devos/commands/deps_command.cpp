// devos deps: the versions find_package resolved (build/devos/dependencies.json, written by the
// DevOS dependency provider, or derived from the CMake File API reply) against the repo's
// dependency floors and bans.
#include "commands/build_record_options.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"
#include "dependencies/dependency_gate.hpp"

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "deps",
    .usage = "usage: devos deps -p <build-dir> [options]",
    .about = R"(Checks the packages a configure resolved against the repo's dependency policy
(.devos/devos.yml `dependencies: { floors: {Name: "3.0"}, bans: {Name: "reason"} }`):
  dependency.floor  a package resolved below its floor (warning when its version is unknown)
  dependency.ban    a banned package was found
at the find_package call. The record is <build-dir>/devos/dependencies.json, written when the
build is configured with the DevOS dependency provider (exact)
  -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<prefix>/lib/cmake/DevOS/DevOSDependencyProvider.cmake
and otherwise derived from what CMake knows: the cache (<Pkg>_DIR, find_package's results,
<Pkg>_VERSION, pkg-config's <prefix>_VERSION) and the codemodel's link items and imported targets,
from the File API reply (queries cache-v2, codemodel-v2 and cmakeFiles-v1; devos_enable_gates
writes them).)",
    .options = concat(dependencyRecordOptions(), findingReportOptions()),
    .notes =
        "exit codes: 0 no error-level findings, 1 findings, 2 usage error, bad config or no/invalid record",
};

} // namespace

int runDeps(const std::vector<std::string>& argv) {
    FindingReport report;
    auto args = startFindingCommand(kCommandLine, argv, report);
    if (!args)
        return args.error();
    if (auto problem = buildDirProblem(*args))
        return usageError("deps", *problem);
    auto checked = dependencies::checkBuildDependencies(dependencyRecordRequest(*args));
    if (!checked)
        return stopOn("deps", checked.error());
    report.findings = std::move(checked->findings);
    report.runProperties["dependencyRecord"] = checked->record.source;
    report.policy = &checked->policy;
    report.root = checked->root;
    report.automationId = "devos/deps/";
    return reportFindings(std::move(report));
}

} // namespace devos::cli
