// devos report [-p <build>] [--sarif FILE] [--root DIR] [--db PATH] [-o FILE] [--format html|md]:
// options -> report::makeReport -> the page on stdout or a line naming the file.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "report/report_use_case.hpp"

#include <cstdio>

namespace devos::cli {
namespace {

const char* kHelp =
    R"(usage: devos report [-p <build>] [--sarif FILE] [--root DIR] [--db PATH] [-o FILE] [--format html|md]
                    [--caption TEXT]

Writes one self-contained report of a build folder: every gate with status and time (from the
results check-fast / check-full leave in <build>/devos), the findings of the merged SARIF (the newer
of <build>/devos/full.sarif and fast.sarif, or --sarif) with each rule's why / instead / allowed and
the include or call chain as numbered steps, the repo's baselined and allowed (devos-allow, with
expiry) findings apart, the layer graph, and telemetry trends (failures per day, recurring
patterns, flaky tests, self-heal attempts) from the store `devos ingest` writes (--db,
DEVOS_DATABASE_URL, or <repo>/.devos/telemetry.db when it exists).

html: one file, inline CSS, SVG and script, no network request; the same inputs give the same bytes.
md: the same numbers as markdown, for agents and pull-request comments.
Without -o the report goes to stdout. The repo root is --root, else the build's CMAKE_HOME_DIRECTORY.

Exit codes: 0 written, 1 the output or the store failed, 2 usage error or an input that cannot be
read (a missing build folder, no gate results, a broken SARIF): the message names the file.
)";

} // namespace

int runReport(const std::vector<std::string>& argv) {
    Args args({"--build-dir", "--sarif", "--root", "--db", "--output", "--format", "--caption"}, {"--help"},
              {{"-p", "--build-dir"}, {"-o", "--output"}, {"-h", "--help"}});
    if (!args.parse(argv) || !args.positionals().empty()) {
        std::fprintf(stderr, "devos report: %s\n%s",
                     args.error().empty() ? "unexpected argument" : args.error().c_str(), kHelp);
        return kUsage;
    }
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kSuccess;
    }
    report::ReportRequest request;
    request.inputs = {args.valueOr("--build-dir", "build"), args.value("--sarif"), args.value("--root"), {}};
    request.telemetry = {args.value("--db"), ""};
    request.format = args.valueOr("--format", "html");
    request.output = args.value("--output");
    request.caption = args.valueOr("--caption", "");
    auto outcome = report::makeReport(request);
    if (!outcome) {
        std::fprintf(stderr, "devos report: %s\n", outcome.error().render().c_str());
        return foundation::exitCodeOf(outcome.error().kind);
    }
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
