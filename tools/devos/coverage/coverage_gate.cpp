#include "coverage/coverage_gate.hpp"

#include "coverage/coverage_check.hpp"

#include <devos/engine/config_section.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>
#include <devos/foundation/process.hpp>
#include <filesystem>
#include <system_error>

namespace devos::coverage {
namespace {

namespace fs = std::filesystem;
using foundation::ErrorKind;

// The canonical build folder, or an error naming the folder as given.
foundation::Expected<fs::path> buildFolder(const std::string& given) {
    std::error_code error;
    fs::path dir = fs::weakly_canonical(given, error);
    if (error || !fs::is_directory(dir))
        return foundation::fail(ErrorKind::Invalid, "not a build directory (pass the folder you built in)",
                                given);
    return dir;
}

// Visits every .gcda counter file under `buildDir`; an error when the folder cannot be read.
template <typename Visit>
foundation::Expected<void> forEachCounterFile(const fs::path& buildDir, Visit visit) {
    std::error_code error;
    for (fs::recursive_directory_iterator it(buildDir, fs::directory_options::skip_permission_denied, error),
         end;
         !error && it != end; it.increment(error)) {
        if (it->path().extension() == ".gcda" && it->is_regular_file(error))
            visit(it->path());
    }
    if (error)
        return foundation::fail(ErrorKind::Io, "cannot read the build directory", buildDir.string());
    return {};
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

foundation::Expected<long> resetCoverageCounters(const std::string& buildDir) {
    auto dir = buildFolder(buildDir);
    if (!dir)
        return std::unexpected(dir.error());
    long removed = 0;
    auto visited = forEachCounterFile(*dir, [&](const fs::path& path) {
        std::error_code ignored;
        removed += fs::remove(path, ignored) ? 1 : 0;
    });
    if (!visited)
        return std::unexpected(visited.error());
    return removed;
}

foundation::Expected<CoverageOutcome> measureCoverage(const CoverageRequest& request) {
    auto buildDir = buildFolder(request.buildDir);
    if (!buildDir)
        return std::unexpected(buildDir.error());
    long counters = 0;
    if (auto visited = forEachCounterFile(*buildDir, [&](const fs::path&) { ++counters; }); !visited)
        return std::unexpected(visited.error());
    if (counters == 0)
        return foundation::fail(ErrorKind::NotFound,
                                "no coverage data (no .gcda counters): build with --coverage (tier 2, or "
                                "-DDEVOS_COVERAGE=ON) and run the tests first",
                                buildDir->string());
    std::error_code error;
    const std::string root =
        fs::weakly_canonical(
            request.root.empty() ? engine::findRepoRoot(fs::current_path().string()) : request.root, error)
            .string();
    auto policy = engine::Policy::forRepo(root, request.configFile);
    if (!policy)
        return std::unexpected(policy.error());
    auto thresholds = engine::gateSettings<Thresholds>(*policy);
    if (!thresholds)
        return std::unexpected(thresholds.error());
    const std::string summaryPath = request.summaryOutput.empty()
                                        ? (*buildDir / "devos" / "coverage-summary.json").string()
                                        : request.summaryOutput;
    fs::create_directories(fs::path(summaryPath).parent_path(), error);
    const foundation::ProcessOutcome run = foundation::runProcess(
        {request.gcovr, "--root", root, "--gcov-executable", request.gcov, "--exclude",
         ".*_test\\.(c|cc|cpp|cxx)$", "--exclude", regexEscape(root) + "/(.+/)?tests?/.*", "--exclude",
         regexEscape(buildDir->string()) + "/.*", "--json-summary", summaryPath, buildDir->string()});
    if (run.exitCode != 0)
        return foundation::fail(
            ErrorKind::Unavailable,
            "gcovr failed (exit " + std::to_string(run.exitCode) + "):\n" + run.output, "", 0,
            run.exitCode == 127 ? "install it with apt-get install gcovr, or pass --gcovr" : "");
    const auto text = foundation::readTextFile(summaryPath);
    if (!text)
        return foundation::fail(ErrorKind::NotFound, "gcovr wrote no summary", summaryPath);
    auto summary = parseGcovrSummary(*text, summaryPath);
    if (!summary)
        return std::unexpected(summary.error());
    if (summary->linesTotal == 0)
        return foundation::fail(
            ErrorKind::NotFound,
            "no coverage data for first-party sources (only tests, build outputs or files "
            "outside the repo were measured): check --root",
            buildDir->string());
    auto findings = checkCoverage(*summary, *thresholds, *policy, root);
    return CoverageOutcome{std::move(*policy), root, std::move(*summary), std::move(findings)};
}

} // namespace devos::coverage
