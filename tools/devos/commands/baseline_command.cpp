// devos baseline create|update: the ratcheting baseline of accepted findings.
#include "check/baseline.hpp"
#include "check/repo_analysis.hpp"
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace devos::cli {
namespace {

const char* kHelp = R"(usage: devos baseline create|update -p <build-dir> [--baseline FILE] [--force]

  create   record every current error and warning as accepted (refused on CI, and when the file
           exists unless --force): the starting point when adopting DevOS in an existing repo
  update   drop the entries that no longer match a finding (fixed); never adds new ones, so the
           baseline only shrinks

The baseline defaults to .devos/baseline.json in the repo root. Entries carry no line numbers.
)";

bool onCi() {
    const char* ci = std::getenv("CI");
    return ci && *ci && std::string(ci) != "false" && std::string(ci) != "0";
}

} // namespace

int runBaseline(const std::vector<std::string>& argv) {
    Args args({"--build-dir", "--baseline", "--root", "--jobs"}, {"--force", "--help"},
              {{"-p", "--build-dir"}, {"-h", "--help"}});
    if (!args.parse(argv)) {
        std::fprintf(stderr, "devos baseline: %s\n", args.error().c_str());
        return kUsage;
    }
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kSuccess;
    }
    if (args.positionals().size() != 1 || (args.positionals()[0] != "create" && args.positionals()[0] != "update")) {
        std::fputs(kHelp, stderr);
        return kUsage;
    }
    const std::string verb = args.positionals()[0];
    check::AnalysisRequest request;
    request.buildDir = args.valueOr("--build-dir", "build");
    request.root = args.valueOr("--root", "");
    auto analysis = check::analyzeRepo(request);
    if (!analysis) {
        std::fprintf(stderr, "devos baseline: %s\n", analysis.error().render().c_str());
        return kUsage;
    }
    std::string path = args.valueOr("--baseline", (fs::path(analysis->root) / ".devos" / "baseline.json").string());
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (verb == "create") {
        if (onCi() && !exists) {
            std::fprintf(stderr, "devos baseline: refusing to create %s on CI (CI is set): a baseline is a reviewed "
                                 "decision; create it locally and commit it\n", path.c_str());
            return kUsage;
        }
        if (exists && !args.has("--force")) {
            std::fprintf(stderr, "devos baseline: %s exists; use `devos baseline update` to shrink it, or --force to "
                                 "replace it\n", path.c_str());
            return kUsage;
        }
        auto baseline = check::Baseline::fromFindings(analysis->findings);
        if (auto ok = baseline.save(path); !ok) {
            std::fprintf(stderr, "devos baseline: %s\n", ok.error().render().c_str());
            return kUsage;
        }
        std::printf("devos baseline: wrote %zu entries to %s\n", baseline.entries().size(), path.c_str());
        return kSuccess;
    }
    auto baseline = check::Baseline::load(path);
    if (!baseline) {
        std::fprintf(stderr, "devos baseline: %s\n", baseline.error().render().c_str());
        return kUsage;
    }
    size_t dropped = baseline->dropFixed(analysis->findings);
    if (auto ok = baseline->save(path); !ok) {
        std::fprintf(stderr, "devos baseline: %s\n", ok.error().render().c_str());
        return kUsage;
    }
    std::printf("devos baseline: dropped %zu fixed entries, %zu remain in %s\n", dropped, baseline->entries().size(),
                path.c_str());
    return kSuccess;
}

} // namespace devos::cli
