// devos explain <rule> | --list: prints a rule's documentation from the catalog the checks use.
#include "cli/command_line.hpp"
#include "commands/commands.hpp"

#include <cstdio>
#include <devos/engine/policy.hpp>
#include <devos/engine/repo_paths.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "explain",
    .usage = "usage: devos explain <rule-id> [--format text|json|markdown]\n"
             "       devos explain --list [--format text|json]",
    .about = "Prints what a rule forbids, why, what to do instead and what is allowed, with the level that\n"
             "applies in this repo (.devos/devos.yml above the current directory).",
    .options = {choice("--format", "FORMAT", {"text", "json", "markdown"}, "text (default), json or markdown",
                       "text"),
                flag("--list", "every rule id with its level and summary")},
    .notes = "exit codes: 0 done, 2 usage error, an unknown rule or a bad repo config",
};

nlohmann::json ruleJson(const engine::Rule& r) {
    return {{"id", r.id},           {"name", r.name}, {"level", engine::levelName(r.level)},
            {"summary", r.summary}, {"why", r.why},   {"instead", r.instead},
            {"allowed", r.allowed}, {"tags", r.tags}};
}

} // namespace

int runExplain(const std::vector<std::string>& argv) {
    auto args = readCommandLine(kCommandLine, argv);
    if (!args)
        return args.error();
    const std::string format = args->valueOr("--format", "text");
    auto policy = engine::Policy::forRepo(engine::findRepoRoot(std::filesystem::current_path().string()));
    if (!policy)
        return stopOn("explain", policy.error());
    const auto& catalog = policy->catalog;
    if (args->has("--list")) {
        if (format == "json") {
            nlohmann::json all = nlohmann::json::array();
            for (const auto& r : catalog.rules())
                all.push_back(ruleJson(r));
            std::printf("%s\n", all.dump(2).c_str());
        } else {
            for (const auto& r : catalog.rules())
                std::printf("%-24s %-8s %s\n", r.id.c_str(), engine::levelName(r.level), r.summary.c_str());
        }
        return kSuccess;
    }
    if (args->positionals().empty()) {
        return usageError("explain", "give a rule id, or --list for all of them");
    }
    if (args->positionals().size() > 1) {
        return usageError("explain", "give one rule id, not " + std::to_string(args->positionals().size()) +
                                         " ('" + args->positionals()[1] + "' is one too many)");
    }
    const engine::Rule* rule = catalog.find(args->positionals()[0]);
    if (!rule) {
        std::fprintf(stderr,
                     "devos explain: unknown rule '%s'\n  hint: `devos explain --list` shows every rule id\n",
                     args->positionals()[0].c_str());
        return kUsage;
    }
    if (format == "json") {
        std::printf("%s\n", ruleJson(*rule).dump(2).c_str());
    } else if (format == "markdown") {
        std::printf("%s", catalog.helpMarkdown(*rule).c_str());
    } else {
        std::printf(
            "%s (%s, level %s)\n  %s\n\nwhy:     %s\ninstead: %s\nallowed: %s\n\nsuppress one occurrence:\n"
            "  // devos-allow(%s): <reason> until YYYY-MM-DD\n",
            rule->id.c_str(), rule->name.c_str(), engine::levelName(rule->level), rule->summary.c_str(),
            rule->why.c_str(), rule->instead.c_str(), rule->allowed.c_str(), rule->id.c_str());
    }
    return kSuccess;
}

} // namespace devos::cli
