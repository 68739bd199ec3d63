// devos sbom: an SPDX 2.3 SBOM of the packages find_package resolved (build/devos/dependencies.json,
// written by the DevOS dependency provider, or derived from the CMake File API reply), each with the
// Debian package that provides it and its license, and the repo's license policy
// (.devos/devos.yml `licenses:`) against them.
#include "commands/build_record_options.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"
#include "sbom/sbom_gate.hpp"

#include <filesystem>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "sbom",
    .usage = "usage: devos sbom -p <build-dir> [options]",
    .about = R"(Writes an SPDX 2.3 JSON SBOM of the packages a configure resolved (one per find_package, with
the Debian package that provides it, its license from /usr/share/doc/<package>/copyright and a
purl) and checks their licenses against the repo's license policy
(.devos/devos.yml `licenses: { allow: [MIT, ...], deny: [GPL-3.0-only, ...] }`):
  dependency.license  a denied license, or one not on the allow list (an unknown license under an
                      allow list is a warning)
at the find_package call. The record is <build-dir>/devos/dependencies.json, written when the
build is configured with the DevOS dependency provider (exact)
  -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<prefix>/lib/cmake/DevOS/DevOSDependencyProvider.cmake
and otherwise derived from the CMake File API reply (see `devos deps --help`); the SBOM's
creationInfo.comment says which.
`created` is SOURCE_DATE_EPOCH when it is set (reproducible output), else now.)",
    .options =
        concat(dependencyRecordOptions(),
               findingReportOptions(
                   {.format = "the license findings as text (default), json, sarif or agent, on stdout",
                    .output = "the SBOM (default: <build-dir>/devos/sbom.spdx.json)"})),
    .notes =
        "exit codes: 0 no error-level findings, 1 findings, 2 usage error, bad config or no/invalid record",
};

} // namespace

int runSbom(const std::vector<std::string>& argv) {
    FindingReport report;
    auto args = startFindingCommand(kCommandLine, argv, report);
    if (!args)
        return args.error();
    report.output.reset(); // -o is the SBOM here; the findings go to stdout
    if (auto problem = buildDirProblem(*args))
        return usageError("sbom", *problem);
    auto described =
        sbom::describeBuild({.record = dependencyRecordRequest(*args), .toolVersion = DEVOS_VERSION});
    if (!described)
        return stopOn("sbom", described.error());
    const std::string sbomPath = args->valueOr(
        "--output",
        (std::filesystem::path(*args->value("--build-dir")) / "devos" / "sbom.spdx.json").string());
    if (auto written = writeOutputFile(sbomPath, described->spdx); !written)
        return stopOn("sbom", written.error(), Stage::Work);
    report.findings = std::move(described->findings);
    report.runProperties["dependencyRecord"] = described->document.recordSource;
    report.policy = &described->policy;
    report.root = described->root;
    report.automationId = "devos/sbom/";
    return reportFindings(std::move(report));
}

} // namespace devos::cli
