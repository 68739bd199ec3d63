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

// Each subcommand declares its command line; `devos gate --help` lists their usages.
const CommandLine kRun{
    .name = "gate run",
    .usage = R"(usage: devos gate run --name NAME --result FILE [--sarif FILE] [--diagnostics] [--advisory]
                      [--note TEXT] -- COMMAND...)",
    .about = R"(Runs COMMAND, records its status, findings and time in FILE, prints its output when it
fails, and exits 0 so that Ninja keeps going to the other gates (`gate report` fails the run).)",
    .options = {value("--name", "NAME", "the gate's row in the table").mandatory(),
                value("--result", "FILE", "where the gate's result goes").mandatory(),
                value("--sarif", "FILE", "count findings from the SARIF the command wrote"),
                flag("--diagnostics", "count compiler-style diagnostic lines"),
                flag("--advisory", "a failure is reported but does not fail the gate run (tier 0)"),
                value("--note", "TEXT",
                      "a line the table shows under the gate's row, such as where its\n"
                      "input came from")}};

// skip and fail take the same options.
std::vector<Option> recordOptions() {
    return {value("--name", "NAME", "the gate's row in the table").mandatory(),
            value("--result", "FILE", "where the gate's result goes").mandatory(),
            value("--reason", "TEXT", "the reason the table shows").mandatory()};
}

const CommandLine kSkip{
    .name = "gate skip",
    .usage = "usage: devos gate skip --name NAME --result FILE --reason TEXT",
    .about = "Records a gate that does not apply (the tier or the setup rules it out), skipped.",
    .options = recordOptions()};

const CommandLine kFail{
    .name = "gate fail",
    .usage = "usage: devos gate fail --name NAME --result FILE --reason TEXT",
    .about = "Records a required gate that cannot run (nothing to gate, a missing requirement), "
             "failed.",
    .options = recordOptions()};

const CommandLine kReport{
    .name = "gate report",
    .usage = R"(usage: devos gate report --title TITLE --stamp FILE [--sarif FILE] [--junit FILE]
                         [--report FILE --build-dir DIR] RESULT...)",
    .about = R"(Prints the summary table of the RESULT files, writes the merged SARIF and JUnit (and with
--report the HTML page of `devos report` over these results, with telemetry from
<repo>/.devos/telemetry.db when it exists), and exits 1, removing the stamp, when a required gate
failed, so that the next run reports it again.)",
    .options = {value("--title", "TITLE", "the table's title").mandatory(),
                value("--stamp", "FILE", "written when every required gate passed").mandatory(),
                value("--sarif", "FILE", "the merged SARIF"), value("--junit", "FILE", "the JUnit report"),
                value("--report", "FILE", "the HTML page of `devos report` (needs --sarif and --build-dir)"),
                value("--build-dir", "DIR", "the build folder the page reads")}};

// `devos gate --help`: every subcommand's usage and what it does.
std::string overview() {
    std::string text = "usage: devos gate run|skip|fail|report ...\n\nThe pieces the check-fast / check-full "
                       "Ninja edges are made of.\n";
    for (const CommandLine* sub : {&kRun, &kSkip, &kFail, &kReport})
        text += "\n" + sub->usage + "\n" + sub->about + "\n";
    return text + "\n`devos gate <subcommand> --help` lists its options.\n";
}

int gateRun(const std::vector<std::string>& argv) {
    auto dashes = std::find(argv.begin(), argv.end(), "--");
    std::vector<std::string> command;
    if (dashes != argv.end())
        command.assign(dashes + 1, argv.end());
    auto args = readCommandLine(kRun, {argv.begin(), dashes});
    if (!args)
        return args.error();
    if (command.empty() || !args->positionals().empty())
        return usageError("gate run", "the command to run goes after --, and nothing else before it");
    auto ran = gates::runGate({.name = *args->value("--name"),
                               .resultFile = *args->value("--result"),
                               .sarif = args->valueOr("--sarif", ""),
                               .note = args->valueOr("--note", ""),
                               .diagnostics = args->has("--diagnostics"),
                               .advisory = args->has("--advisory"),
                               .command = command});
    if (!ran)
        return stopOn("gate run", ran.error());
    if (!ran->ok)
        std::fputs(ran->output.c_str(), stdout);
    return kSuccess;
}

// skip and fail: a result recorded without running anything, `status` with the given reason.
int gateRecord(gates::GateStatus status, const std::vector<std::string>& argv) {
    const CommandLine& declared = status == gates::GateStatus::Skipped ? kSkip : kFail;
    auto args = readCommandLine(declared, argv);
    if (!args)
        return args.error();
    if (!args->positionals().empty())
        return usageError(declared.name, "unexpected argument '" + args->positionals().front() + "'");
    auto recorded =
        gates::recordGate(*args->value("--name"), *args->value("--result"), status, *args->value("--reason"));
    if (!recorded)
        return stopOn(declared.name, recorded.error());
    if (status == gates::GateStatus::Failed)
        std::printf("%s: %s\n", recorded->name.c_str(), recorded->note.c_str());
    return kSuccess;
}

int gateReport(const std::vector<std::string>& argv) {
    auto args = readCommandLine(kReport, argv);
    if (!args)
        return args.error();
    if (args->positionals().empty())
        return usageError("gate report", "needs the gates' RESULT files");
    if (args->has("--report") && (!args->has("--sarif") || !args->has("--build-dir")))
        return usageError("gate report", "--report needs --sarif and --build-dir");
    auto summary = gates::summarizeGates({.title = *args->value("--title"),
                                          .resultFiles = args->positionals(),
                                          .sarif = args->value("--sarif"),
                                          .junit = args->value("--junit"),
                                          .page = args->value("--report"),
                                          .buildDir = args->valueOr("--build-dir", ""),
                                          .stamp = *args->value("--stamp")});
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
        std::fputs(overview().c_str(), argv.empty() ? stderr : stdout);
        return argv.empty() ? kUsage : kSuccess;
    }
    std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (argv[0] == "run")
        return gateRun(rest);
    if (argv[0] == "skip")
        return gateRecord(gates::GateStatus::Skipped, rest);
    if (argv[0] == "fail")
        return gateRecord(gates::GateStatus::Failed, rest);
    if (argv[0] == "report")
        return gateReport(rest);
    return usageError("gate", "unknown subcommand '" + argv[0] + "' (run, skip, fail or report; see --help)");
}

} // namespace devos::cli
