// devos targets: target-level layering from the CMake File API codemodel. Each target's layer comes
// from its sources; a link to a target of a forbidden layer, or an I/O library linked by a pure
// target, is reported at the target_link_libraries call in CMakeLists.txt.
#include "codemodel/target_gate.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"

#include <cstdio>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "targets",
    .usage = "usage: devos targets -p <build-dir> [options]",
    .about =
        R"(Checks the layering of the build graph: reads the CMake File API codemodel (v2, any minor) of a
configured build directory, gives each target the layer of its sources, and reports
  target.layer-link  a target linking a target of a layer it may not depend on
  target.io-library  a contracts/ or logic/ target linking an I/O library (rules/purity.yml)
at the CMakeLists.txt line of the target_link_libraries call. A target whose sources span several
layers is checked as the lowest pure layer among them. The build directory needs the query file
<build-dir>/.cmake/api/v1/query/codemodel-v2 (empty) before cmake runs.)",
    .options = concat(
        concat({value("--build-dir", "DIR", "the configured build directory (required)").withAlias("-p"),
                value("--root", "DIR", "repo root (default: found from the CMake source directory)"),
                value("--config", "FILE", "a repo config to use instead of .devos/devos.yml")},
               findingReportOptions()),
        {flag("--refresh", "when the reply is missing, create the query and re-run cmake on the build\n"
                           "directory (--cmake PATH names the cmake to run; default: cmake on PATH)"),
         value("--cmake", "PATH", "the cmake --refresh runs (default: cmake on PATH)", "cmake")}),
    .notes = "exit codes: 0 no error-level findings, 1 findings, 2 usage error, or no codemodel in the build "
             "directory",
};

} // namespace

int runTargets(const std::vector<std::string>& argv) {
    FindingReport report;
    auto args = startFindingCommand(kCommandLine, argv, report);
    if (!args)
        return args.error();
    if (auto problem = buildDirProblem(*args))
        return usageError("targets", *problem);
    auto checked = codemodel::checkBuildTargets({.buildDir = *args->value("--build-dir"),
                                                 .root = args->valueOr("--root", ""),
                                                 .configFile = args->valueOr("--config", ""),
                                                 .refresh = args->has("--refresh"),
                                                 .cmake = *args->value("--cmake")});
    if (!checked)
        return stopOn("targets", checked.error());
    std::fputs(checked->configureOutput.c_str(), stderr);
    report.findings = std::move(checked->findings);
    report.policy = &checked->policy;
    report.root = checked->root;
    report.automationId = "devos/targets/";
    return reportFindings(std::move(report));
}

} // namespace devos::cli
