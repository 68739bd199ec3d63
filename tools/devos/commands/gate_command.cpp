// devos gate run|skip|report: the pieces the check-fast / check-full Ninja edges are made of.
// `run` wraps one gate's command and always succeeds (so Ninja keeps going past a failed gate);
// `skip` and `fail` record a gate that cannot run, with the reason the table shows;
// `report` folds every result into one table, SARIF and JUnit, and fails if a required gate failed.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "gates/diagnostic_line.hpp"
#include "gates/gate_report.hpp"
#include "report/report_use_case.hpp"

#include <algorithm>
#include <cstdio>
#include <devos/foundation/files.hpp>
#include <devos/foundation/process.hpp>
#include <devos/foundation/text.hpp>
#include <filesystem>

namespace fs = std::filesystem;

namespace devos::cli {
namespace {

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
        (removing the stamp) when a required gate failed, so the next run reports it again.
)";

int gateRun(const std::vector<std::string>& argv) {
    std::vector<std::string> own, command;
    auto dashes = std::find(argv.begin(), argv.end(), "--");
    own.assign(argv.begin(), dashes);
    if (dashes != argv.end())
        command.assign(dashes + 1, argv.end());
    Args args({"--name", "--result", "--sarif", "--note"}, {"--diagnostics", "--advisory"});
    if (!args.parse(own) || !args.has("--name") || !args.has("--result") || command.empty()) {
        std::fprintf(stderr, "devos gate run: %s\n%s",
                     args.error().empty() ? "needs --name, --result and -- COMMAND" : args.error().c_str(),
                     kHelp);
        return kUsage;
    }
    foundation::ProcessOutcome outcome = foundation::runProcess(command);
    gates::GateResult result;
    result.name = *args.value("--name");
    result.exitCode = outcome.exitCode;
    result.seconds = outcome.seconds;
    result.sarif = args.valueOr("--sarif", "");
    result.note = args.valueOr("--note", "");
    bool ok = outcome.exitCode == 0;
    std::string output = outcome.output;
    if (!result.sarif.empty()) {
        // A SARIF that cannot be read fails the gate: counting it as no findings would be a false green.
        auto counted = gates::countSarifFindings(result.sarif);
        ok = ok && counted;
        result.findings = counted ? *counted : 1;
        if (!counted)
            output += counted.error().render() + "\n";
    } else if (args.has("--diagnostics")) {
        // devos-allow(layer.logic-call): gate run's use case is still in this command until 2027-06-01
        result.findings = static_cast<long>(gates::diagnosticLines(output).size());
    } else {
        result.findings = ok ? 0 : 1;
    }
    result.status = ok ? "passed" : args.has("--advisory") ? "advisory" : "failed";
    if (!ok || args.has("--diagnostics"))
        result.detail = foundation::utf8Tail(output, 8000);
    if (!ok)
        std::fputs(output.c_str(), stdout);
    if (auto written = gates::writeGateResult(*args.value("--result"), result); !written) {
        std::fprintf(stderr, "devos gate run: %s\n", written.error().render().c_str());
        return kUsage;
    }
    return kSuccess;
}

// skip and fail: a result recorded without running anything, `status` with the given reason.
int gateRecord(const std::string& status, const std::vector<std::string>& argv) {
    Args args({"--name", "--result", "--reason"}, {});
    if (!args.parse(argv) || !args.has("--name") || !args.has("--result") || !args.has("--reason")) {
        std::fprintf(stderr, "devos gate %s: needs --name, --result and --reason\n",
                     status == "skipped" ? "skip" : "fail");
        return kUsage;
    }
    gates::GateResult result;
    result.name = *args.value("--name");
    result.status = status;
    result.note = *args.value("--reason");
    if (status == "failed") {
        result.exitCode = 1;
        result.findings = 1;
        std::printf("%s: %s\n", result.name.c_str(), result.note.c_str());
    }
    if (auto written = gates::writeGateResult(*args.value("--result"), result); !written) {
        std::fprintf(stderr, "devos gate: %s\n", written.error().render().c_str());
        return kUsage;
    }
    return kSuccess;
}

int gateReport(const std::vector<std::string>& argv) {
    Args args({"--title", "--sarif", "--junit", "--stamp", "--report", "--build-dir"}, {});
    if (!args.parse(argv) || !args.has("--title") || !args.has("--stamp") || args.positionals().empty() ||
        (args.has("--report") && (!args.has("--sarif") || !args.has("--build-dir")))) {
        std::fprintf(stderr,
                     "devos gate report: needs --title, --stamp and result files (--report needs --sarif "
                     "and --build-dir)\n");
        return kUsage;
    }
    std::vector<gates::GateResult> results;
    for (const auto& path : args.positionals()) {
        auto result = gates::readGateResult(path);
        if (!result) {
            std::fprintf(stderr, "devos gate report: %s\n", result.error().render().c_str());
            return kUsage;
        }
        results.push_back(std::move(*result));
    }
    auto rows = gates::foldResults(results);
    std::string title = *args.value("--title");
    std::fputs(gates::renderTable(title, rows).c_str(), stdout);
    // Every file is checked: a report that was not written must not leave a stamp saying it passed.
    std::string stamp = *args.value("--stamp");
    auto write = [&](const std::string& path, const std::string& text, std::string_view what) {
        auto written = foundation::writeFileAtomically(
            path, text, {.folders = foundation::MissingFolders::Create, .what = what});
        if (!written) {
            std::fprintf(stderr, "devos gate report: %s\n", written.error().render().c_str());
            std::error_code ec;
            fs::remove(stamp, ec);
        }
        return static_cast<bool>(written);
    };
    if (auto sarif = args.value("--sarif")) {
        if (!write(*sarif, gates::mergeSarif(rows), "the merged SARIF"))
            return kFindings;
        std::printf("  SARIF: %s\n", sarif->c_str());
    }
    if (auto junit = args.value("--junit")) {
        if (!write(*junit, gates::renderJunit("devos-" + title, rows), "the JUnit report"))
            return kFindings;
        std::printf("  JUnit: %s\n", junit->c_str());
    }
    if (auto page = args.value("--report")) {
        report::ReportRequest request;
        request.inputs = {*args.value("--build-dir"), args.value("--sarif"), std::nullopt,
                          args.positionals()};
        request.output = *page;
        request.caption = title + ", build folder " + request.inputs.buildDir;
        if (auto made = report::makeReport(request); !made) {
            std::fprintf(stderr, "devos gate report: %s\n", made.error().render().c_str());
            std::error_code ec;
            fs::remove(stamp, ec);
            return kFindings;
        }
        std::printf("  report: %s\n", page->c_str());
    }
    if (std::any_of(rows.begin(), rows.end(), gates::isFailure)) {
        std::error_code ec;
        fs::remove(stamp, ec);
        return kFindings;
    }
    return write(stamp, "passed\n", "the stamp") ? kSuccess : kFindings;
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
