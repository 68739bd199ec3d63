// devos link: the merge step of cross-TU purity. Reads the effect summaries the plugin wrote beside
// the object files (or the --tu edges wrote), reports every TU's findings once, plus what only the
// whole program shows (purity.transitive, purity.unknown-effect).
#include "check/summary_link.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"

#include <cstdio>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "link",
    .usage = "usage: devos link [SUMMARY...] [--objects-list FILE]... [options]",
    .about = "Merges effect summaries (<object>.devos.json written by the plugin, or the summaries of\n"
             "`devos check --tu` edges) and reports the findings of every TU plus cross-TU purity.",
    .options =
        concat(concat({repeated("--objects-list", "FILE",
                                "a file with one object path per line; reads <object>.devos.json for each"),
                       value("--root", "DIR", "repo root (default: found from the current directory)"),
                       value("--config", "FILE", "a repo config to use instead of .devos/devos.yml")},
                      findingReportOptions()),
               {flag("--verify",
                     "compare findings with the `// expected-error {{...}}` and `// linked-error {{...}}`\n"
                     "markers in the sources under --root; exit 0 only when they agree")}),
    .notes = "exit codes: 0 no error-level findings, 1 findings or a missing summary, 2 usage or "
             "configuration error",
};

} // namespace

int runLink(const std::vector<std::string>& argv) {
    FindingReport report;
    auto args = startFindingCommand(kCommandLine, argv, report);
    if (!args)
        return args.error();
    if (args->positionals().empty() && args->values("--objects-list").empty())
        return usageError("link", "nothing to link: give the effect summaries (<object>.devos.json) or "
                                  "--objects-list <file>\n  hint: see `devos link --help`");
    auto linked = check::linkSummaries({.summaryFiles = args->positionals(),
                                        .objectLists = args->values("--objects-list"),
                                        .root = args->valueOr("--root", ""),
                                        .configFile = args->valueOr("--config", "")});
    if (!linked)
        return stopOn("link", linked.error());
    report.findings = std::move(linked->findings);
    report.failedFiles = std::move(linked->missingSummaries);
    report.policy = &linked->policy;
    report.root = linked->root;
    report.automationId = "devos/layering/";
    if (args->has("--verify")) {
        for (const auto& failed : report.failedFiles)
            std::fprintf(stderr, "devos link: error: %s\n", failed.c_str());
        return verifyAgainstMarkers("link", report, linked->summaries);
    }
    return reportFindings(std::move(report));
}

} // namespace devos::cli
