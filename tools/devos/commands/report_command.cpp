// devos report [-p <build>] [--sarif FILE] [--root DIR] [--db PATH] [-o FILE] [--format html|md]:
// options -> report::makeReport -> the page on stdout or a line naming the file.
#include "cli/command_line.hpp"
#include "commands/commands.hpp"
#include "report/report_use_case.hpp"

#include <cstdio>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "report",
    .usage =
        R"(usage: devos report [-p <build>] [--sarif FILE] [--root DIR] [--db PATH] [-o FILE] [--format html|md]
                    [--caption TEXT])",
    .about = R"(Writes one self-contained report of a build folder: every gate with status and time (from the
results check-fast / check-full leave in <build>/devos), the findings of the merged SARIF (the newer
of <build>/devos/full.sarif and fast.sarif, or --sarif) with each rule's why / instead / allowed and
the include or call chain as numbered steps, the repo's baselined and allowed (devos-allow, with
expiry) findings apart, the layer graph, and telemetry trends (failures per day, recurring
patterns, flaky tests, self-heal attempts) from the store `devos ingest` writes (--db,
DEVOS_DATABASE_URL, or <repo>/.devos/telemetry.db when it exists).

html: one file, inline CSS, SVG and script, no network request; the same inputs give the same bytes.
md: the same numbers as markdown, for agents and pull-request comments.
Without -o the report goes to stdout. The repo root is --root, else the build's CMAKE_HOME_DIRECTORY.)",
    .options = {value("--build-dir", "DIR", "the build folder (default: build)", "build").withAlias("-p"),
                value("--sarif", "FILE",
                      "the findings to show (default: the newer of full.sarif and fast.sarif)"),
                value("--root", "DIR", "the repo root (default: the build's CMAKE_HOME_DIRECTORY)"),
                value("--db", "PATH",
                      "the telemetry store (default: DEVOS_DATABASE_URL, else <repo>/.devos/telemetry.db)"),
                value("--output", "FILE", "write the report there (default: stdout)").withAlias("-o"),
                value("--format", "FORMAT", "html (default) or md", "html"),
                value("--caption", "TEXT", "the line under the title (default: Build folder <build>)")},
    .notes =
        R"(Exit codes: 0 written, 1 the output or the store failed, 2 usage error or an input that cannot be
read (a missing build folder, no gate results, a broken SARIF): the message names the file.)",
};

} // namespace

int runReport(const std::vector<std::string>& argv) {
    auto args = readCommandLine(kCommandLine, argv);
    if (!args)
        return args.error();
    if (!args->positionals().empty())
        return usageError("report", "unexpected argument '" + args->positionals().front() + "' (see --help)");
    report::ReportRequest request;
    request.inputs = {*args->value("--build-dir"), args->value("--sarif"), args->value("--root"), {}};
    request.telemetry = {args->value("--db"), ""};
    request.format = *args->value("--format");
    request.output = args->value("--output");
    request.caption = args->valueOr("--caption", "");
    auto outcome = report::makeReport(request);
    if (!outcome)
        return stopOn("report", outcome.error(), Stage::Work);
    if (outcome->writtenTo.empty()) {
        std::fputs(outcome->text.c_str(), stdout);
        return kSuccess;
    }
    std::printf("report: %s (%zu gates, %ld findings: %ld new, %ld baselined, %ld allowed%s)\n",
                outcome->writtenTo.c_str(), outcome->gates, outcome->counts.total, outcome->counts.fresh,
                outcome->counts.baselined, outcome->counts.allowed, outcome->telemetry ? ", telemetry" : "");
    return kSuccess;
}

} // namespace devos::cli
