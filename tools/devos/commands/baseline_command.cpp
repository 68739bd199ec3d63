// devos baseline create|update: the ratcheting baseline of accepted findings.
#include "check/baseline_ratchet.hpp"
#include "check/repo_analysis.hpp"
#include "cli/command_line.hpp"
#include "commands/commands.hpp"

#include <cstdio>
#include <filesystem>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "baseline",
    .usage = "usage: devos baseline create|update -p <build-dir> [--baseline FILE] [--force]",
    .about =
        R"(  create   record every current error and warning as accepted (refused on CI whatever the flags, and
           when the file exists unless --force): the starting point when adopting DevOS in an
           existing repo
  update   drop the entries that no longer match a finding (fixed); never adds new ones, so the
           baseline only shrinks

The baseline defaults to .devos/baseline.json in the repo root. Entries carry no line numbers.
When a translation unit cannot be analysed the baseline is left unchanged and the exit code is 1.)",
    .options = {value("--build-dir", "DIR", "build directory holding compile_commands.json (default: build)",
                      "build")
                    .withAlias("-p"),
                value("--baseline", "FILE",
                      "the baseline file (default: .devos/baseline.json in the repo root)"),
                value("--root", "DIR", "repo root (default: found from the sources: .devos/ or .git)"),
                number("--jobs", "N", 1, 256, "translation units checked in parallel (default: one per core)")
                    .withAlias("-j"),
                flag("--force", "create: replace an existing baseline")},
    .notes =
        "exit codes: 0 written, 1 left unchanged (a TU could not be analysed) or not writable, 2 usage or\n"
        "configuration error, or refused",
};

} // namespace

int runBaseline(const std::vector<std::string>& argv) {
    auto args = readCommandLine(kCommandLine, argv);
    if (!args)
        return args.error();
    const auto& verbs = args->positionals();
    if (verbs.size() != 1 || (verbs[0] != "create" && verbs[0] != "update"))
        return usageError("baseline", (verbs.empty() ? std::string("give the action")
                                                     : "unknown action '" + verbs[0] + "'") +
                                          " (accepted: create, update)\n  hint: see `devos baseline --help`");
    const std::string& verb = verbs[0];
    check::AnalysisRequest request;
    request.buildDir = *args->value("--build-dir");
    request.root = args->valueOr("--root", "");
    request.jobs = static_cast<unsigned>(args->number("--jobs").value_or(0));
    auto analysis = check::analyzeRepo(request);
    if (!analysis)
        return stopOn("baseline", analysis.error());
    const std::string path = args->valueOr(
        "--baseline", (std::filesystem::path(analysis->root) / ".devos" / "baseline.json").string());
    auto ratcheted = check::ratchetBaseline(
        {.action = verb == "create" ? check::BaselineAction::Create : check::BaselineAction::Update,
         .path = path,
         .force = args->has("--force"),
         .onCi = check::runningOnCi(),
         .findings = std::move(analysis->findings),
         .unanalysed = analysis->failedFiles});
    if (!ratcheted)
        return stopOn("baseline", ratcheted.error(), Stage::Work);
    if (!ratcheted->written) {
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
    if (verb == "create")
        std::printf("devos baseline: wrote %zu entries to %s\n", ratcheted->entries, path.c_str());
    else
        std::printf("devos baseline: dropped %zu fixed entries, %zu remain in %s\n", ratcheted->dropped,
                    ratcheted->entries, path.c_str());
    return kSuccess;
}

} // namespace devos::cli
