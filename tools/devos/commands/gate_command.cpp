// devos gate run|skip|report: the pieces the check-fast / check-full Ninja edges are made of.
// `run` wraps one gate's command and always succeeds (so Ninja keeps going past a failed gate);
// `skip` and `fail` record a gate that cannot run, with the reason the table shows;
// `report` folds every result into one table, SARIF and JUnit, and fails if a required gate failed.
#include "cli/command_line.hpp"
#include "commands/commands.hpp"
#include "gates/gate_run.hpp"
#include "gates/gate_summary.hpp"

#include <algorithm>
#include <cstdio>

namespace devos::cli {
namespace {

// The subcommands share one help text (the usage of all four); each declares its own options.
const char* kHelp =
    R"(usage: devos gate run --name NAME --result FILE [--sarif FILE] [--diagnostics] [--advisory] [--note TEXT]
                       -- COMMAND...
       devos gate skip --name NAME --result FILE --reason TEXT
       devos gate fail --name NAME --result FILE --reason TEXT
       devos gate report --title TITLE --sarif FILE --junit FILE --stamp FILE [--report FILE --build-dir DIR]
                         RESULT...

run     runs COMMAND, records status, findings and time in FILE, prints the output when it fails,
        and exits 0 so the other gates still run. --sarif: count findings from the SARIF the command
        wrote; --diagnostics: count compiler-style diagnostic lines; --advisory: a failure is
        reported but does not fail the gate run (tier 0); --note: a line the table shows under the
        gate's row, such as where its input came from.
skip    records a gate that does not apply, with the reason shown in the table.
fail    records a required gate that cannot run (nothing to gate, a missing requirement), failed,
        with the reason shown in the table.
report  prints the summary table, writes merged SARIF and JUnit (and with --report the HTML page of
        `devos report` over these results, telemetry from <repo>/.devos/telemetry.db when it exists), and exits 1
        (removing the stamp) when a required gate failed, so the next run reports it again.)";

const std::vector<Option> kRunOptions{
    value("--name", "NAME", "the gate's row in the table"),
    value("--result", "FILE", "where the gate's result goes"),
    value("--sarif", "FILE", "count findings from the SARIF the command wrote"),
    value("--note", "TEXT", "a line the table shows under the gate's row"),
    flag("--diagnostics", "count compiler-style diagnostic lines"),
    flag("--advisory", "a failure does not fail the gate run")};
const std::vector<Option> kRecordOptions{value("--name", "NAME", "the gate's row in the table"),
                                         value("--result", "FILE", "where the gate's result goes"),
                                         value("--reason", "TEXT", "the reason the table shows")};
const std::vector<Option> kReportOptions{value("--title", "TITLE", "the table's title"),
                                         value("--sarif", "FILE", "the merged SARIF"),
                                         value("--junit", "FILE", "the JUnit report"),
                                         value("--stamp", "FILE", "written when every required gate passed"),
                                         value("--report", "FILE", "the HTML page of `devos report`"),
                                         value("--build-dir", "DIR", "the build folder the page reads")};

int printHelp() {
    std::fputs(kHelp, stdout);
    return kSuccess;
}

int gateRun(const std::vector<std::string>& argv) {
    auto dashes = std::find(argv.begin(), argv.end(), "--");
    std::vector<std::string> own(argv.begin(), dashes);
    std::vector<std::string> command;
    if (dashes != argv.end())
        command.assign(dashes + 1, argv.end());
    Args args(kRunOptions);
    if (args.parse(own) && args.has("--help"))
        return printHelp();
    if (!args.error().empty() || !args.has("--name") || !args.has("--result") || command.empty()) {
        std::fprintf(stderr, "devos gate run: %s\n%s",
                     args.error().empty() ? "needs --name, --result and -- COMMAND" : args.error().c_str(),
                     kHelp);
        return kUsage;
    }
    auto ran = gates::runGate({.name = *args.value("--name"),
                               .resultFile = *args.value("--result"),
                               .sarif = args.valueOr("--sarif", ""),
                               .note = args.valueOr("--note", ""),
                               .diagnostics = args.has("--diagnostics"),
                               .advisory = args.has("--advisory"),
                               .command = command});
    if (!ran)
        return stopOn("gate run", ran.error());
    if (!ran->ok)
        std::fputs(ran->output.c_str(), stdout);
    return kSuccess;
}

// skip and fail: a result recorded without running anything, `status` with the given reason.
int gateRecord(const std::string& status, const std::vector<std::string>& argv) {
    Args args(kRecordOptions);
    if (args.parse(argv) && args.has("--help"))
        return printHelp();
    if (!args.error().empty() || !args.has("--name") || !args.has("--result") || !args.has("--reason"))
        return usageError(status == "skipped" ? "gate skip" : "gate fail",
                          "needs --name, --result and --reason");
    auto recorded =
        gates::recordGate(*args.value("--name"), *args.value("--result"), status, *args.value("--reason"));
    if (!recorded)
        return stopOn("gate", recorded.error());
    if (status == "failed")
        std::printf("%s: %s\n", recorded->name.c_str(), recorded->note.c_str());
    return kSuccess;
}

int gateReport(const std::vector<std::string>& argv) {
    Args args(kReportOptions);
    if (args.parse(argv) && args.has("--help"))
        return printHelp();
    if (!args.error().empty() || !args.has("--title") || !args.has("--stamp") || args.positionals().empty() ||
        (args.has("--report") && (!args.has("--sarif") || !args.has("--build-dir"))))
        return usageError("gate report",
                          "needs --title, --stamp and result files (--report needs --sarif and --build-dir)");
    auto summary = gates::summarizeGates({.title = *args.value("--title"),
                                          .resultFiles = args.positionals(),
                                          .sarif = args.value("--sarif"),
                                          .junit = args.value("--junit"),
                                          .page = args.value("--report"),
                                          .buildDir = args.valueOr("--build-dir", ""),
                                          .stamp = *args.value("--stamp")});
    if (!summary)
        return stopOn("gate report", summary.error());
    std::fputs(summary->table.c_str(), stdout);
    for (const auto& [what, path] : summary->written)
        std::printf("  %s: %s\n", what.c_str(), path.c_str());
    if (summary->failure)
        std::fprintf(stderr, "devos gate report: %s\n", summary->failure->render().c_str());
    return summary->passed ? kSuccess : kFindings;
}

} // namespace

int runGate(const std::vector<std::string>& argv) {
    if (argv.empty() || argv[0] == "--help" || argv[0] == "-h") {
        std::fputs(kHelp, argv.empty() ? stderr : stdout);
        return argv.empty() ? kUsage : kSuccess;
    }
    std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (argv[0] == "run")
        return gateRun(rest);
    if (argv[0] == "skip")
        return gateRecord("skipped", rest);
    if (argv[0] == "fail")
        return gateRecord("failed", rest);
    if (argv[0] == "report")
        return gateReport(rest);
    std::fprintf(stderr, "devos gate: unknown subcommand '%s'\n%s", argv[0].c_str(), kHelp);
    return kUsage;
}

} // namespace devos::cli
