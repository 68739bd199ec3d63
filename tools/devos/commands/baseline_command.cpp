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

  create   record every current error and warning as accepted (refused on CI whatever the flags, and
           when the file exists unless --force): the starting point when adopting DevOS in an
           existing repo
  update   drop the entries that no longer match a finding (fixed); never adds new ones, so the
           baseline only shrinks

The baseline defaults to .devos/baseline.json in the repo root. Entries carry no line numbers.
When a translation unit cannot be analysed the baseline is left unchanged and the exit code is 1.
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
    if (args.positionals().size() != 1 ||
        (args.positionals()[0] != "create" && args.positionals()[0] != "update")) {
        std::fprintf(stderr,
                     "devos baseline: %s (accepted: create, update)\n  hint: see `devos baseline --help`\n",
                     args.positionals().empty() ? "give the action"
                                                : ("unknown action '" + args.positionals()[0] + "'").c_str());
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
    std::string path =
        args.valueOr("--baseline", (fs::path(analysis->root) / ".devos" / "baseline.json").string());
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    // CI must never accept findings: creating or replacing the baseline there is refused, whatever
    // the flags (update only shrinks it, so it stays allowed).
    if (verb == "create" && onCi()) {
        std::fprintf(
            stderr,
            "devos baseline: refusing to %s %s on CI (CI is set): a baseline is a reviewed decision\n"
            "  hint: create it locally, review it and commit it; on CI only `devos baseline update` "
            "(which never adds entries) runs\n",
            exists ? "replace" : "create", path.c_str());
        return kUsage;
    }
    // A TU that could not be analysed has no findings: its accepted entries would look fixed (dropped by
    // update) and its current findings would be missing (from create). Keep the file and fail.
    if (!analysis->failedFiles.empty()) {
        std::string files;
        for (const auto& failed : analysis->failedFiles)
            files += (files.empty() ? "" : ", ") + failed;
        std::fprintf(
            stderr,
            "devos baseline: %s left unchanged: %zu translation unit(s) could not be analysed (%s); "
            "their entries cannot be told fixed\n  hint: make them compile (see `devos check -p %s`) "
            "and run `devos baseline %s` again\n",
            path.c_str(), analysis->failedFiles.size(), files.c_str(), request.buildDir.c_str(),
            verb.c_str());
        return kFindings;
    }
    if (verb == "create") {
        if (exists && !args.has("--force")) {
            std::fprintf(stderr,
                         "devos baseline: %s exists; use `devos baseline update` to shrink it, or --force to "
                         "replace it\n",
                         path.c_str());
            return kUsage;
        }
        auto baseline = check::Baseline::fromFindings(analysis->findings);
        if (auto ok = baseline.save(path); !ok) {
            std::fprintf(stderr, "devos baseline: %s\n", ok.error().render().c_str());
            return foundation::exitCodeOf(ok.error().kind);
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
        return foundation::exitCodeOf(ok.error().kind);
    }
    std::printf("devos baseline: dropped %zu fixed entries, %zu remain in %s\n", dropped,
                baseline->entries().size(), path.c_str());
    return kSuccess;
}

} // namespace devos::cli
