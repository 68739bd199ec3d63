// devos coverage: the unit tests' line coverage (gcovr over the build's .gcda counters) against the
// repo's `thresholds.coverage`; --reset zeroes the counters before the tests run again.
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"
#include "coverage/coverage_check.hpp"
#include "coverage/coverage_gate.hpp"

#include <cstdio>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "coverage",
    .usage = "usage: devos coverage -p <build-dir> [options]\n"
             "       devos coverage --reset -p <build-dir>",
    .about =
        R"(Measures the unit tests' line coverage of first-party sources with gcovr over the .gcda counters
in the build directory (test sources, tests/ folders and the build directory itself are left out)
and checks it against .devos/devos.yml `thresholds: { coverage: <percent> }` (tier 2: 90 when
unset):
  coverage.threshold  line coverage below the threshold, at the config line, with the files
                      that have the most lines no test runs
The build must be compiled with --coverage (devos_enable_gates does it at tier 2, or with
-DDEVOS_COVERAGE=ON) and the tests must have run.)",
    .options =
        concat({value("--build-dir", "DIR", "the build directory (required)").withAlias("-p"),
                flag("--reset", "delete the build's .gcda counters and stop (run before the tests)"),
                value("--root", "DIR", "repo root (default: found from the current directory)"),
                value("--config", "FILE", "a repo config to use instead of .devos/devos.yml"),
                value("--gcov", "TOOL",
                      "the gcov matching the compiler, e.g. \"llvm-cov-19 gcov\" (default: gcov)", "gcov"),
                value("--gcovr", "PATH", "gcovr (default: gcovr on PATH)", "gcovr"),
                value("--summary-output", "FILE",
                      "gcovr's JSON summary (default: <build-dir>/devos/coverage-summary.json)")},
               findingReportOptions()),
    .notes =
        "exit codes: 0 at or above the threshold, 1 below it, 2 usage error, bad config, gcovr failed or no\n"
        "coverage data",
};

} // namespace

int runCoverage(const std::vector<std::string>& argv) {
    FindingReport report;
    auto args = startFindingCommand(kCommandLine, argv, report);
    if (!args)
        return args.error();
    if (auto problem = buildDirProblem(*args))
        return usageError("coverage", *problem);
    const std::string buildDir = *args->value("--build-dir");
    if (args->has("--reset")) {
        auto removed = coverage::resetCoverageCounters(buildDir);
        if (!removed)
            return stopOn("coverage", removed.error());
        std::printf("devos coverage: %ld counter files removed\n", *removed);
        return kSuccess;
    }
    auto measured = coverage::measureCoverage({.buildDir = buildDir,
                                               .root = args->valueOr("--root", ""),
                                               .configFile = args->valueOr("--config", ""),
                                               .gcov = *args->value("--gcov"),
                                               .gcovr = *args->value("--gcovr"),
                                               .summaryOutput = args->valueOr("--summary-output", "")});
    if (!measured)
        return stopOn("coverage", measured.error());
    const auto& summary = measured->summary;
    std::fprintf(
        stderr, "devos coverage: %s of first-party source lines run by the tests\n",
        coverage::describeCoverage(summary.percent(), summary.linesCovered, summary.linesTotal).c_str());
    report.findings = std::move(measured->findings);
    report.policy = &measured->policy;
    report.root = measured->root;
    report.automationId = "devos/coverage/";
    return reportFindings(std::move(report));
}

} // namespace devos::cli
