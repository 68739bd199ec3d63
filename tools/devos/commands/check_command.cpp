// devos check: the LibTooling delivery of the checks, for any compiler's compile database.
#include "check/repo_analysis.hpp"
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"

#include <cstdio>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/depfile.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace devos::cli {
namespace {

const char* kHelp = R"(usage: devos check -p <build-dir> [files...] [options]

Runs every DevOS rule over the translation units of <build-dir>/compile_commands.json (written by
any compiler, g++ included), links their effect summaries for cross-TU purity, and reports findings.

options:
  -p, --build-dir DIR   build directory holding compile_commands.json (default: build)
  --format FORMAT       text (compiler style, default), json, sarif or agent (one line per finding)
  -o, --output FILE     write the report to FILE instead of standard output
  --baseline FILE       accepted findings (default: .devos/baseline.json when it exists)
  --no-baseline         ignore the baseline
  --root DIR            repo root (default: found from the sources: .devos/ or .git)
  -j, --jobs N          translation units checked in parallel (default: one per core)
  --no-cache            re-analyse every TU even when its inputs did not change
  --config FILE         a repo config to use instead of .devos/devos.yml
  --sarif-output FILE   also write SARIF to FILE (whatever --format is)
  --tu FILE             check one translation unit as a build edge: no cache, no cross-TU link;
                        with --summary FILE (its effect summary) and --depfile FILE (for Ninja)
  --verify              compare findings with the `// expected-error {{...}}` markers in the sources
                        (prefixes expected- and linked-); exit 0 only when they agree

exit codes: 0 no error-level findings, 1 findings (or a file failed to parse), 2 usage or configuration error
)";

// The outputs of a --tu build edge: the TU's effect summary (the edge's stamp, read by the link
// gate) and a Makefile-syntax depfile naming every file the TU read.
foundation::Expected<void> writeBuildEdgeOutputs(const check::Analysis& analysis,
                                                 const std::optional<std::string>& summary,
                                                 const std::optional<std::string>& depfile) {
    if (!summary)
        return {};
    if (analysis.summaries.empty())
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "no summary: the translation unit could not be analysed", *summary, 0);
    if (auto written = foundation::writeFileAtomically(
            *summary, engine::toJson(analysis.summaries.front()),
            {.folders = foundation::MissingFolders::Create, .what = "the effect summary"});
        !written)
        return written;
    if (depfile)
        return foundation::writeDepfile(*depfile, *summary, analysis.dependencies);
    return {};
}

} // namespace

int runCheck(const std::vector<std::string>& argv) {
    Args args({"--build-dir", "--format", "--output", "--baseline", "--root", "--jobs", "--config",
               "--sarif-output", "--tu", "--summary", "--depfile"},
              {"--no-baseline", "--no-cache", "--verify", "--help"},
              {{"-p", "--build-dir"}, {"-o", "--output"}, {"-j", "--jobs"}, {"-h", "--help"}});
    FindingReport report;
    if (auto stop = startFindingCommand(args, argv, "check", kHelp, report))
        return *stop;
    check::AnalysisRequest request;
    request.buildDir = args.valueOr("--build-dir", "build");
    request.files = args.positionals();
    request.root = args.valueOr("--root", "");
    request.useCache = !args.has("--no-cache");
    request.configFile = args.valueOr("--config", "");
    // --tu: one TU as a build edge (the g++ path of devos_enable_gates): no cache (Ninja decides
    // what is stale), no link (the gate links all summaries), summary and depfile for Ninja.
    const bool oneTu = args.has("--tu");
    if (oneTu) {
        if (!request.files.empty()) {
            std::fprintf(stderr, "devos check: --tu takes one file and no other file arguments\n");
            return kUsage;
        }
        request.files = {*args.value("--tu")};
        request.useCache = false;
        request.link = false;
        request.jobs = 1;
    }
    if (auto jobs = args.value("--jobs")) {
        char* end = nullptr;
        long n = std::strtol(jobs->c_str(), &end, 10);
        if (*end != '\0' || n < 1 || n > 256) {
            std::fprintf(stderr, "devos check: --jobs needs a number from 1 to 256, not '%s'\n",
                         jobs->c_str());
            return kUsage;
        }
        request.jobs = static_cast<unsigned>(n);
    }
    auto analysis = check::analyzeRepo(request);
    if (!analysis) {
        std::fprintf(stderr, "devos check: %s\n", analysis.error().render().c_str());
        return kUsage;
    }
    for (const auto& failed : analysis->failedFiles)
        std::fprintf(stderr, "devos check: error: %s could not be analysed (see the compiler errors above)\n",
                     failed.c_str());
    if (oneTu) {
        if (auto ok = writeBuildEdgeOutputs(*analysis, args.value("--summary"), args.value("--depfile"));
            !ok) {
            std::fprintf(stderr, "devos check: %s\n", ok.error().render().c_str());
            return kUsage;
        }
    }

    report.findings = std::move(analysis->findings);
    report.policy = analysis->policy.get();
    report.root = analysis->root;
    report.notifications = analysis->notifications;
    report.failedFiles = analysis->failedFiles;
    report.useBaseline = report.useBaseline && !oneTu;
    if (args.has("--verify"))
        return verifyAgainstMarkers("check", report, analysis->translationUnits);
    return reportFindings(std::move(report));
}

} // namespace devos::cli
