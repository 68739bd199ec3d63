// devos gate run|skip|report: the pieces the check-fast / check-full Ninja edges are made of.
// `run` wraps one gate's command and always succeeds (so Ninja keeps going past a failed gate);
// `skip` and `fail` record a gate that cannot run, with the reason the table shows;
// `report` folds every result into one table, SARIF and JUnit, and fails if a required gate failed.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "gates/gate_report.hpp"
#include "gates/process_runner.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace devos::cli {
namespace {

const char* kHelp =
    R"(usage: devos gate run --name NAME --result FILE [--sarif FILE] [--diagnostics] [--advisory] [--note TEXT]
                       -- COMMAND...
       devos gate skip --name NAME --result FILE --reason TEXT
       devos gate fail --name NAME --result FILE --reason TEXT
       devos gate report --title TITLE --sarif FILE --junit FILE --stamp FILE RESULT...

run     runs COMMAND, records status, findings and time in FILE, prints the output when it fails,
        and exits 0 so the other gates still run. --sarif: count findings from the SARIF the command
        wrote; --diagnostics: count compiler-style diagnostic lines; --advisory: a failure is
        reported but does not fail the gate run (tier 0); --note: a line the table shows under the
        gate's row, such as where its input came from.
skip    records a gate that does not apply, with the reason shown in the table.
fail    records a required gate that cannot run (nothing to gate, a missing requirement), failed,
        with the reason shown in the table.
report  prints the summary table, writes merged SARIF and JUnit, and exits 1 (removing the stamp)
        when a required gate failed, so the next run reports it again.
)";

long countSarifResults(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        return -1;
    try {
        auto log = nlohmann::json::parse(in);
        long n = 0;
        for (const auto& run : log.at("runs"))
            for (const auto& r : run.value("results", nlohmann::json::array()))
                n += r.value("level", "warning") != "note";
        return n;
    } catch (const nlohmann::json::exception&) {
        return -1;
    }
}

long countDiagnostics(const std::string& output) {
    static const std::regex line(R"(^[^:\n]+:\d+:\d+: (error|warning): )");
    long n = 0;
    std::istringstream in(output);
    for (std::string text; std::getline(in, text);)
        n += std::regex_search(text, line);
    return n;
}

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
    gates::ProcessOutcome outcome = gates::runProcess(command);
    gates::GateResult result;
    result.name = *args.value("--name");
    result.exitCode = outcome.exitCode;
    result.seconds = outcome.seconds;
    result.sarif = args.valueOr("--sarif", "");
    result.note = args.valueOr("--note", "");
    bool ok = outcome.exitCode == 0;
    result.status = ok ? "passed" : args.has("--advisory") ? "advisory" : "failed";
    if (!result.sarif.empty())
        result.findings = std::max(0L, countSarifResults(result.sarif));
    else if (args.has("--diagnostics"))
        result.findings = countDiagnostics(outcome.output);
    else
        result.findings = ok ? 0 : 1;
    if (!ok || args.has("--diagnostics"))
        result.detail = outcome.output.size() > 8000 ? outcome.output.substr(outcome.output.size() - 8000)
                                                     : outcome.output;
    if (!ok)
        std::fputs(outcome.output.c_str(), stdout);
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
    Args args({"--title", "--sarif", "--junit", "--stamp"}, {});
    if (!args.parse(argv) || !args.has("--title") || !args.has("--stamp") || args.positionals().empty()) {
        std::fprintf(stderr, "devos gate report: needs --title, --stamp and result files\n");
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
    auto write = [](const std::string& path, const std::string& text) {
        std::error_code ec;
        fs::create_directories(fs::path(path).parent_path(), ec);
        std::ofstream out(path, std::ios::trunc);
        out << text;
    };
    if (auto sarif = args.value("--sarif")) {
        write(*sarif, gates::mergeSarif(rows));
        std::printf("  SARIF: %s\n", sarif->c_str());
    }
    if (auto junit = args.value("--junit")) {
        write(*junit, gates::renderJunit("devos-" + title, rows));
        std::printf("  JUnit: %s\n", junit->c_str());
    }
    bool failed = std::any_of(rows.begin(), rows.end(), gates::isFailure);
    std::string stamp = *args.value("--stamp");
    std::error_code ec;
    if (failed) {
        fs::remove(stamp, ec);
        return kFindings;
    }
    write(stamp, "passed\n");
    return kSuccess;
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
