// devos coverage: the unit tests' line coverage (gcovr over the build's .gcda counters) against the
// repo's `thresholds.coverage`; --reset zeroes the counters before the tests run again.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"
#include "coverage/coverage_check.hpp"
#include "coverage/coverage_summary.hpp"

#include <cstdio>
#include <devos/engine/policy.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>
#include <devos/foundation/process.hpp>
#include <filesystem>
#include <system_error>

namespace devos::cli {
namespace {

namespace fs = std::filesystem;

const char* kHelp = R"(usage: devos coverage -p <build-dir> [options]
       devos coverage --reset -p <build-dir>

Measures the unit tests' line coverage of first-party sources with gcovr over the .gcda counters
in the build directory (test sources, tests/ folders and the build directory itself are left out)
and checks it against .devos/devos.yml `thresholds: { coverage: <percent> }` (tier 2: 90 when
unset):
  coverage.threshold  line coverage below the threshold, at the config line, with the files
                      that have the most lines no test runs
The build must be compiled with --coverage (devos_enable_gates does it at tier 2, or with
-DDEVOS_COVERAGE=ON) and the tests must have run.

options:
  -p, --build-dir DIR     the build directory (required)
  --reset                 delete the build's .gcda counters and stop (run before the tests)
  --root DIR              repo root (default: found from the current directory)
  --config FILE           a repo config to use instead of .devos/devos.yml
  --gcov TOOL             the gcov matching the compiler, e.g. "llvm-cov-19 gcov" (default: gcov)
  --gcovr PATH            gcovr (default: gcovr on PATH)
  --summary-output FILE   gcovr's JSON summary (default: <build-dir>/devos/coverage-summary.json)
  --format FORMAT         text (default), json, sarif or agent
  -o, --output FILE       write the report to FILE
  --sarif-output FILE     also write SARIF to FILE
  --baseline FILE         accepted findings (default: .devos/baseline.json when it exists)
  --no-baseline           ignore the baseline

exit codes: 0 at or above the threshold, 1 below it, 2 usage error, bad config, gcovr failed or no
coverage data
)";

// Visits every .gcda counter file under `buildDir`; false when the folder cannot be read.
template <typename Visit> bool forEachCounterFile(const fs::path& buildDir, Visit visit) {
    std::error_code error;
    for (fs::recursive_directory_iterator it(buildDir, fs::directory_options::skip_permission_denied, error),
         end;
         !error && it != end; it.increment(error)) {
        if (it->path().extension() == ".gcda" && it->is_regular_file(error))
            visit(it->path());
    }
    return !error;
}

std::string regexEscape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace

int runCoverage(const std::vector<std::string>& argv) {
    Args args({"--build-dir", "--root", "--config", "--gcov", "--gcovr", "--summary-output", "--format",
               "--output", "--sarif-output", "--baseline"},
              {"--reset", "--no-baseline", "--help"},
              {{"-p", "--build-dir"}, {"-o", "--output"}, {"-h", "--help"}});
    FindingReport report;
    if (auto stop = startFindingCommand(args, argv, "coverage", kHelp, report))
        return *stop;
    auto buildDirArg = args.value("--build-dir");
    if (auto problem = cli::buildDirProblem(args)) {
        std::fprintf(stderr, "devos coverage: %s\n", problem->c_str());
        return kUsage;
    }
    std::error_code error;
    const fs::path buildDir = fs::weakly_canonical(*buildDirArg, error);
    if (error || !fs::is_directory(buildDir)) {
        std::fprintf(stderr,
                     "devos coverage: %s: error: not a build directory (pass the folder you built in)\n",
                     buildDirArg->c_str());
        return kUsage;
    }
    long counters = 0;
    const bool reset = args.has("--reset");
    if (!forEachCounterFile(buildDir, [&](const fs::path& path) {
            std::error_code ignored;
            counters += reset ? (fs::remove(path, ignored) ? 1 : 0) : 1;
        })) {
        std::fprintf(stderr, "devos coverage: %s: error: cannot read the build directory\n",
                     buildDir.c_str());
        return kUsage;
    }
    if (reset) {
        std::printf("devos coverage: %ld counter files removed\n", counters);
        return 0;
    }
    if (counters == 0) {
        std::fprintf(stderr,
                     "devos coverage: %s: error: no coverage data (no .gcda counters): build with --coverage "
                     "(tier 2, or -DDEVOS_COVERAGE=ON) and run the tests first\n",
                     buildDir.c_str());
        return kUsage;
    }
    const std::string root =
        fs::weakly_canonical(args.valueOr("--root", engine::findRepoRoot(fs::current_path().string())), error)
            .string();
    auto policy = engine::Policy::forRepo(root, args.valueOr("--config", ""));
    if (!policy) {
        std::fprintf(stderr, "devos coverage: %s\n", policy.error().render().c_str());
        return kUsage;
    }
    const std::string summaryPath =
        args.valueOr("--summary-output", (buildDir / "devos" / "coverage-summary.json").string());
    fs::create_directories(fs::path(summaryPath).parent_path(), error);
    std::vector<std::string> gcovr{args.valueOr("--gcovr", "gcovr"),
                                   "--root",
                                   root,
                                   "--gcov-executable",
                                   args.valueOr("--gcov", "gcov"),
                                   "--exclude",
                                   ".*_test\\.(c|cc|cpp|cxx)$",
                                   "--exclude",
                                   regexEscape(root) + "/(.+/)?tests?/.*",
                                   "--exclude",
                                   regexEscape(buildDir.string()) + "/.*",
                                   "--json-summary",
                                   summaryPath,
                                   buildDir.string()};
    const foundation::ProcessOutcome run = foundation::runProcess(gcovr);
    if (run.exitCode != 0) {
        std::fprintf(stderr, "devos coverage: gcovr failed (exit %d):\n%s", run.exitCode, run.output.c_str());
        if (run.exitCode == 127)
            std::fputs("install it with apt-get install gcovr, or pass --gcovr\n", stderr);
        return kUsage;
    }
    const auto text = foundation::readTextFile(summaryPath);
    if (!text) {
        std::fprintf(stderr, "devos coverage: %s: error: gcovr wrote no summary\n", summaryPath.c_str());
        return kUsage;
    }
    auto summary = coverage::parseGcovrSummary(*text, summaryPath);
    if (!summary) {
        std::fprintf(stderr, "devos coverage: %s\n", summary.error().render().c_str());
        return kUsage;
    }
    if (summary->linesTotal == 0) {
        std::fprintf(stderr,
                     "devos coverage: %s: error: no coverage data for first-party sources (only tests, build "
                     "outputs or files outside the repo were measured): check --root\n",
                     buildDir.c_str());
        return kUsage;
    }
    std::fprintf(
        stderr, "devos coverage: %s of first-party source lines run by the tests\n",
        coverage::describeCoverage(summary->percent(), summary->linesCovered, summary->linesTotal).c_str());
    report.findings = coverage::checkCoverage(*summary, *policy, root);
    report.policy = &*policy;
    report.root = root;
    report.automationId = "devos/coverage/";
    return reportFindings(std::move(report));
}

} // namespace devos::cli
