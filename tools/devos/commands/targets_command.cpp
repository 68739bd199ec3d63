// devos targets: target-level layering from the CMake File API codemodel. Each target's layer comes
// from its sources; a link to a target of a forbidden layer, or an I/O library linked by a pure
// target, is reported at the target_link_libraries call in CMakeLists.txt.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "codemodel/file_api.hpp"
#include "codemodel/target_layering.hpp"
#include "commands/commands.hpp"
#include "commands/finding_report.hpp"

#include <cstdio>
#include <devos/engine/policy.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/process.hpp>
#include <filesystem>
#include <fstream>

namespace devos::cli {
namespace {

const char* kHelp = R"(usage: devos targets -p <build-dir> [options]

Checks the layering of the build graph: reads the CMake File API codemodel (v2, any minor) of a
configured build directory, gives each target the layer of its sources, and reports
  target.layer-link  a target linking a target of a layer it may not depend on
  target.io-library  a contracts/ or logic/ target linking an I/O library (rules/purity.yml)
at the CMakeLists.txt line of the target_link_libraries call. A target whose sources span several
layers is checked as the lowest pure layer among them. The build directory needs the query file
<build-dir>/.cmake/api/v1/query/codemodel-v2 (empty) before cmake runs.

options:
  -p, --build-dir DIR   the configured build directory (required)
  --root DIR            repo root (default: found from the CMake source directory)
  --config FILE         a repo config to use instead of .devos/devos.yml
  --format FORMAT       text (default), json, sarif or agent
  -o, --output FILE     write the report to FILE
  --sarif-output FILE   also write SARIF to FILE
  --baseline FILE       accepted findings (default: .devos/baseline.json when it exists)
  --no-baseline         ignore the baseline
  --refresh             when the reply is missing, create the query and re-run cmake on the build
                        directory (--cmake PATH names the cmake to run; default: cmake on PATH)

exit codes: 0 no error-level findings, 1 findings, 2 usage error, or no codemodel in the build directory
)";

} // namespace

int runTargets(const std::vector<std::string>& argv) {
    Args args({"--build-dir", "--root", "--config", "--format", "--output", "--sarif-output", "--baseline",
               "--cmake"},
              {"--no-baseline", "--refresh", "--help"},
              {{"-p", "--build-dir"}, {"-o", "--output"}, {"-h", "--help"}});
    FindingReport report;
    if (auto stop = startFindingCommand(args, argv, "targets", kHelp, report))
        return *stop;
    auto buildDir = args.value("--build-dir");
    if (auto problem = cli::buildDirProblem(args)) {
        std::fprintf(stderr, "devos targets: %s\n", problem->c_str());
        return kUsage;
    }
    auto model = codemodel::readCodemodel(*buildDir);
    if (!model && args.has("--refresh")) {
        // The reply of a query written during a configure appears only after the next one: run it
        // now (same build directory, same cache, so the generated build files do not change).
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(*buildDir) / ".cmake/api/v1/query", ec);
        std::ofstream(std::filesystem::path(*buildDir) / ".cmake/api/v1/query/codemodel-v2");
        auto configure = foundation::runProcess({args.valueOr("--cmake", "cmake"), *buildDir});
        if (configure.exitCode != 0)
            std::fputs(configure.output.c_str(), stderr);
        model = codemodel::readCodemodel(*buildDir);
    }
    if (!model) {
        std::fprintf(stderr, "devos targets: %s\n", model.error().render().c_str());
        return kUsage;
    }
    std::string found = engine::findRepoRoot(model->sourceDir);
    std::string root = args.valueOr("--root", found.empty() ? model->sourceDir : found);
    auto policy = engine::Policy::forRepo(root, args.valueOr("--config", ""));
    if (!policy) {
        std::fprintf(stderr, "devos targets: %s\n", policy.error().render().c_str());
        return kUsage;
    }
    auto io = codemodel::IoLibraries::fromRules();
    if (!io) {
        std::fprintf(stderr, "devos targets: %s\n", io.error().render().c_str());
        return kUsage;
    }
    report.findings = codemodel::checkTargets(*model, *policy, *io, root);
    report.policy = &*policy;
    report.root = root;
    report.automationId = "devos/targets/";
    return reportFindings(std::move(report));
}

} // namespace devos::cli
