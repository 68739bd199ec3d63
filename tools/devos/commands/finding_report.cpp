#include "commands/finding_report.hpp"

#include "check/baseline.hpp"
#include "check/marker_verification.hpp"
#include "cli/args.hpp"
#include "cli/command.hpp"

#include <cstdio>
#include <devos/foundation/files.hpp>
#include <devos/output/agent_writer.hpp>
#include <devos/output/json_writer.hpp>
#include <devos/output/sarif_writer.hpp>
#include <devos/output/text_writer.hpp>
#include <unistd.h>

namespace devos::cli {

foundation::Expected<void> writeOutputFile(const std::string& path, const std::string& text) {
    return foundation::writeFileAtomically(
        path, text, {.folders = foundation::MissingFolders::Create, .what = "the report"});
}

int verifyAgainstMarkers(const char* command, const FindingReport& report, unsigned translationUnits) {
    auto problems = check::markerMismatches(report.findings, report.root);
    for (const auto& p : problems)
        std::fprintf(stderr, "devos %s --verify: %s\n", command, p.c_str());
    std::printf("devos %s --verify: %zu findings in %u translation units, %zu mismatches\n", command,
                report.findings.size(), translationUnits, problems.size());
    return problems.empty() && report.failedFiles.empty() ? kSuccess : kFindings;
}

std::vector<Option> findingReportOptions(const ReportOptionHelp& help) {
    return {choice("--format", "FORMAT", {"text", "json", "sarif", "agent"}, help.format, "text"),
            value("--output", "FILE", help.output).withAlias("-o"),
            value("--sarif-output", "FILE", "also write SARIF to FILE"),
            value("--baseline", "FILE", "accepted findings (default: .devos/baseline.json when it exists)"),
            flag("--no-baseline", "ignore the baseline")};
}

void readReportOptions(const Args& args, FindingReport& report) {
    report.format = args.valueOr("--format", "text");
    report.output = args.value("--output");
    report.sarifOutput = args.value("--sarif-output");
    report.useBaseline = !args.has("--no-baseline");
    report.baselinePath = args.value("--baseline");
}

std::expected<Args, int> startFindingCommand(const CommandLine& command, const std::vector<std::string>& argv,
                                             FindingReport& report) {
    auto args = readCommandLine(command, argv);
    if (args)
        readReportOptions(*args, report);
    return args;
}

int reportFindings(FindingReport r) {
    if (r.useBaseline)
        if (auto applied = check::applyRepoBaseline(r.findings, *r.policy, r.root, r.baselinePath);
            !applied) {
            std::fprintf(stderr, "devos: %s\n", applied.error().render().c_str());
            return exitCodeOf(applied.error(), Stage::Setup);
        }
    output::Report report;
    report.findings = r.findings;
    report.catalog = &r.policy->catalog;
    report.repoRoot = r.root;
    report.toolVersion = DEVOS_VERSION;
    report.automationId = r.automationId;
    report.toolNotifications = r.notifications;
    report.runProperties = r.runProperties;
    for (const auto& failed : r.failedFiles)
        report.toolNotifications.push_back(failed + " could not be analysed (it does not compile)");

    std::string text;
    if (r.format == "json")
        text = output::renderJson(report);
    else if (r.format == "sarif")
        text = output::renderSarif(report);
    else if (r.format == "agent")
        text = output::renderAgent(report);
    else
        text = output::renderText(report, !r.output && isatty(fileno(stdout)));
    if (r.output) {
        if (auto written = writeOutputFile(*r.output, text); !written) {
            std::fprintf(stderr, "devos: %s\n", written.error().render().c_str());
            return exitCodeOf(written.error(), Stage::Work);
        }
    } else {
        std::fputs(text.c_str(), stdout);
    }
    if (r.sarifOutput)
        if (auto written = writeOutputFile(*r.sarifOutput, output::renderSarif(report)); !written) {
            std::fprintf(stderr, "devos: %s\n", written.error().render().c_str());
            return exitCodeOf(written.error(), Stage::Work);
        }
    if (r.format == "text")
        for (const auto& n : r.notifications)
            std::fprintf(stderr, "devos: note: %s\n", n.c_str());

    bool failed = !r.failedFiles.empty();
    for (const auto& f : r.findings)
        failed = failed || (f.level == engine::Level::Error && !f.baselined);
    return failed ? kFindings : kSuccess;
}

} // namespace devos::cli
