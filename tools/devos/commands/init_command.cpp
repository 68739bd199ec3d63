// devos init [DIR]: scaffolds an adopting repo. Never overwrites a file without --force; appends the
// CMake lines and the README section only where they are missing.
#include "cli/command_line.hpp"
#include "commands/commands.hpp"
#include "init/scaffold.hpp"

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace devos::cli {
namespace {

const CommandLine kCommandLine{
    .name = "init",
    .usage = "usage: devos init [DIR] [--tier 0|1|2] [--force] [--format text|json]\n"
             "       devos init --dashboards GRAFANA_DIR [--force] [--format text|json]",
    .about =
        R"help(Scaffolds DevOS in DIR (default: the current directory): src/<layer>/ folders, .devos/devos.yml
(tier, layer paths), .devos/self-heal.yml (disabled, autonomy level 0), .clang-format, the
GitHub issue forms (.github/ISSUE_TEMPLATE/bet.yml, idea.yml, bug_report.yml), find_package(DevOS)
+ devos_enable_gates() in CMakeLists.txt and an "Architecture gates (DevOS)" README section.

Existing files are kept (--force overwrites the files init owns); CMakeLists.txt and README.md
get their lines appended only when they lack them, with or without --force. Running it twice
creates nothing the second time.

--dashboards writes only the Grafana dashboards (devos-telemetry.json, devos-self-heal.json) and
their provisioning files (provisioning/datasources, provisioning/dashboards) into GRAFANA_DIR.)help",
    .options = {choice("--tier", "TIER", {"0", "1", "2"}, "the tier the config starts at (default: 1)", "1"),
                flag("--force", "overwrite the files init owns"),
                value("--dashboards", "GRAFANA_DIR",
                      "write only the Grafana dashboards and provisioning files"),
                choice("--format", "FORMAT", {"text", "json"}, "text (default) or json", "text")},
    .notes = "exit codes: 0 done, 1 a file that cannot be written, 2 usage error",
};

void print(const init::ScaffoldOutcome& outcome, const std::string& format) {
    if (format == "json") {
        nlohmann::json files = nlohmann::json::array();
        for (const auto& o : outcome.files)
            files.push_back({{"path", o.path}, {"action", o.action}, {"reason", o.reason}});
        std::printf("%s\n", nlohmann::json{{"directory", outcome.dir}, {"files", files}}.dump(2).c_str());
        return;
    }
    size_t changed = 0;
    for (const auto& o : outcome.files) {
        changed += o.action != "skipped" && o.action != "failed";
        std::printf("%-11s %s%s\n", o.action.c_str(), o.path.c_str(),
                    o.reason.empty() ? "" : (" (" + o.reason + ")").c_str());
    }
    std::printf("devos init: %zu written, %zu skipped in %s\n", changed, outcome.files.size() - changed,
                outcome.dir.c_str());
}

} // namespace

int runInit(const std::vector<std::string>& argv) {
    auto args = readCommandLine(kCommandLine, argv);
    if (!args)
        return args.error();
    const auto dashboards = args->value("--dashboards");
    const auto& folders = args->positionals();
    if (dashboards && !folders.empty())
        return usageError("init",
                          "--dashboards takes its folder as its value, not also '" + folders[0] + "'");
    if (folders.size() > 1)
        return usageError("init", "give one folder, not " + std::to_string(folders.size()) + " ('" +
                                      folders[1] + "' is one too many)");
    const std::string dir = dashboards        ? *dashboards
                            : folders.empty() ? std::filesystem::current_path().string()
                                              : folders[0];
    auto scaffolded = init::scaffoldRepo({.dir = dir,
                                          .tier = static_cast<int>(*args->number("--tier")),
                                          .force = args->has("--force"),
                                          .dashboards = dashboards.has_value()});
    if (!scaffolded)
        return stopOn("init", scaffolded.error());
    print(*scaffolded, *args->value("--format"));
    if (!scaffolded->complete) {
        std::fprintf(stderr,
                     "devos init: error: some files could not be written in %s (each is named above); "
                     "the files that were there are as they were\n",
                     dir.c_str());
        return kFindings;
    }
    return kSuccess;
}

} // namespace devos::cli
