// devos check: the LibTooling delivery of the checks, for any compiler's compile database.
#include "check/build_edge.hpp"
#include "check/repo_analysis.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"

#include <cstdio>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "check",
    .usage = "usage: devos check -p <build-dir> [files...] [options]",
    .about =
        R"(Runs every DevOS rule over the translation units of <build-dir>/compile_commands.json (written by
any compiler, g++ included), links their effect summaries for cross-TU purity, and reports findings.)",
    .options = concat(
        concat({value("--build-dir", "DIR", "build directory holding compile_commands.json (default: build)",
                      "build")
                    .withAlias("-p")},
               findingReportOptions({.format =
                                         "text (compiler style, default), json, sarif or agent (one line per "
                                         "finding)",
                                     .output = "write the report to FILE instead of standard output"})),
        {value("--root", "DIR", "repo root (default: found from the sources: .devos/ or .git)"),
         number("--jobs", "N", 1, 256, "translation units checked in parallel (default: one per core)")
             .withAlias("-j"),
         flag("--no-cache", "re-analyse every TU even when its inputs did not change"),
         value("--config", "FILE", "a repo config to use instead of .devos/devos.yml"),
         value("--tu", "FILE",
               "check one translation unit as a build edge: no cache, no cross-TU link;\n"
               "with --summary FILE (its effect summary) and --depfile FILE (for Ninja)"),
         value("--summary", "FILE", "--tu: where to write the TU's effect summary"),
         value("--depfile", "FILE", "--tu: where to write the depfile of every file the TU read"),
         flag("--verify", "compare findings with the `// expected-error {{...}}` markers in the sources\n"
                          "(prefixes expected- and linked-); exit 0 only when they agree")}),
    .notes = "exit codes: 0 no error-level findings, 1 findings (or a file failed to parse), 2 usage or "
             "configuration "
             "error",
};

} // namespace

int runCheck(const std::vector<std::string>& argv) {
    FindingReport report;
    auto args = startFindingCommand(kCommandLine, argv, report);
    if (!args)
        return args.error();
    check::AnalysisRequest request;
    request.buildDir = *args->value("--build-dir");
    request.files = args->positionals();
    request.root = args->valueOr("--root", "");
    request.jobs = static_cast<unsigned>(args->number("--jobs").value_or(0));
    request.useCache = !args->has("--no-cache");
    request.configFile = args->valueOr("--config", "");
    const bool oneTu = args->has("--tu");
    if (oneTu && !request.files.empty())
        return usageError("check", "--tu takes one file and no other file arguments");
    auto analysis = oneTu ? check::checkBuildEdge({.analysis = request,
                                                   .file = *args->value("--tu"),
                                                   .summary = args->valueOr("--summary", ""),
                                                   .depfile = args->valueOr("--depfile", "")})
                          : check::analyzeRepo(request);
    if (!analysis)
        return stopOn("check", analysis.error());
    for (const auto& failed : analysis->failedFiles)
        std::fprintf(stderr, "devos check: error: %s could not be analysed (see the compiler errors above)\n",
                     failed.c_str());
    report.findings = std::move(analysis->findings);
    report.policy = analysis->policy.get();
    report.root = analysis->root;
    report.notifications = analysis->notifications;
    report.failedFiles = analysis->failedFiles;
    report.useBaseline = report.useBaseline && !oneTu;
    if (args->has("--verify"))
        return verifyAgainstMarkers("check", report, analysis->translationUnits);
    return reportFindings(std::move(report));
}

} // namespace devos::cli
