// devos link: the merge step of cross-TU purity. Reads the effect summaries the plugin wrote beside
// the object files (or the --tu edges wrote), reports every TU's findings once, plus what only the
// whole program shows (purity.transitive, purity.unknown-effect).
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"

#include <cstdio>
#include <devos/engine/policy.hpp>
#include <devos/engine/purity_linker.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace devos::cli {
namespace {

const char* kHelp = R"(usage: devos link [SUMMARY...] [--objects-list FILE]... [options]

Merges effect summaries (<object>.devos.json written by the plugin, or the summaries of
`devos check --tu` edges) and reports the findings of every TU plus cross-TU purity.

options:
  --objects-list FILE   a file with one object path per line; reads <object>.devos.json for each
  --root DIR            repo root (default: found from the current directory)
  --config FILE         a repo config to use instead of .devos/devos.yml
  --format FORMAT       text (default), json, sarif or agent
  -o, --output FILE     write the report to FILE
  --sarif-output FILE   also write SARIF to FILE
  --baseline FILE       accepted findings (default: .devos/baseline.json when it exists)
  --no-baseline         ignore the baseline
  --verify              compare findings with the `// expected-error {{...}}` and `// linked-error {{...}}`
                        markers in the sources under --root; exit 0 only when they agree

exit codes: 0 no error-level findings, 1 findings or a missing summary, 2 usage or configuration error
)";

} // namespace

int runLink(const std::vector<std::string>& argv) {
    Args args(
        {"--objects-list", "--root", "--config", "--format", "--output", "--sarif-output", "--baseline"},
        {"--no-baseline", "--verify", "--help"}, {{"-o", "--output"}, {"-h", "--help"}});
    FindingReport report;
    if (auto stop = startFindingCommand(args, argv, "link", kHelp, report))
        return *stop;
    std::vector<std::string> summaryFiles = args.positionals();
    if (summaryFiles.empty() && args.values("--objects-list").empty()) {
        std::fprintf(stderr,
                     "devos link: nothing to link: give the effect summaries (<object>.devos.json) or "
                     "--objects-list <file>\n  hint: see `devos link --help`\n");
        return kUsage;
    }
    std::vector<std::string> missing;
    for (const auto& list : args.values("--objects-list")) {
        auto text = foundation::readTextFile(list);
        if (!text) {
            std::fprintf(stderr, "devos link: %s: error: cannot read the objects list\n", list.c_str());
            return kUsage;
        }
        std::istringstream lines(*text);
        for (std::string object; std::getline(lines, object);) {
            if (object.empty())
                continue;
            std::string summary = object + ".devos.json";
            std::error_code ec;
            if (fs::exists(summary, ec))
                summaryFiles.push_back(summary);
            else if (object.ends_with(".cpp.o") || object.ends_with(".cc.o") || object.ends_with(".cxx.o"))
                missing.push_back(object);
        }
    }
    std::string root = args.valueOr("--root", engine::findRepoRoot(fs::current_path().string()));
    if (std::error_code ec; args.value("--root") && !fs::is_directory(root, ec)) {
        std::fprintf(stderr, "devos link: %s: error: --root is not a folder\n", root.c_str());
        return kUsage;
    }
    auto policy = engine::Policy::forRepo(root, args.valueOr("--config", ""));
    if (!policy) {
        std::fprintf(stderr, "devos link: %s\n", policy.error().render().c_str());
        return kUsage;
    }
    std::vector<engine::EffectSummary> summaries;
    for (const auto& file : summaryFiles) {
        auto text = foundation::readTextFile(file);
        if (!text) {
            std::fprintf(stderr, "devos link: %s: error: cannot read the effect summary\n", file.c_str());
            return kUsage;
        }
        auto summary = engine::summaryFromJson(*text, file);
        if (!summary) {
            std::fprintf(stderr, "devos link: %s\n", summary.error().render().c_str());
            return kUsage;
        }
        report.findings.insert(report.findings.end(), summary->findings.begin(), summary->findings.end());
        summaries.push_back(std::move(*summary));
    }
    auto linked = engine::PurityLinker(*policy).link(summaries);
    report.findings.insert(report.findings.end(), linked.begin(), linked.end());
    engine::sortAndDeduplicate(report.findings);
    for (const auto& object : missing)
        report.failedFiles.push_back(object + " (no effect summary: was it compiled with the DevOS plugin?)");
    report.policy = &*policy;
    report.root = root;
    report.automationId = "devos/layering/";
    if (args.has("--verify")) {
        for (const auto& failed : report.failedFiles)
            std::fprintf(stderr, "devos link: error: %s\n", failed.c_str());
        return verifyAgainstMarkers("link", report, static_cast<unsigned>(summaries.size()));
    }
    return reportFindings(std::move(report));
}

} // namespace devos::cli
