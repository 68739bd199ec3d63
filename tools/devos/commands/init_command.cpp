// devos init [DIR]: scaffolds an adopting repo. Never overwrites a file without --force; appends the
// CMake lines and the README section only where they are missing.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "init/grafana_files.hpp"
#include "init/init_templates.hpp"

#include <cctype>
#include <cstdio>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;

namespace devos::cli {
namespace {

const char* kHelp = R"help(usage: devos init [DIR] [--tier 0|1|2] [--force] [--format text|json]
       devos init --dashboards GRAFANA_DIR [--force] [--format text|json]

Scaffolds DevOS in DIR (default: the current directory): src/<layer>/ folders, .devos/devos.yml
(tier, layer paths), .devos/self-heal.yml (disabled, autonomy level 0), .clang-format, the
GitHub issue forms (.github/ISSUE_TEMPLATE/bet.yml, idea.yml, bug_report.yml), find_package(DevOS)
+ devos_enable_gates() in CMakeLists.txt and an "Architecture gates (DevOS)" README section.

Existing files are kept (--force overwrites the files init owns); CMakeLists.txt and README.md
get their lines appended only when they lack them, with or without --force. Running it twice
creates nothing the second time.

--dashboards writes only the Grafana dashboards (devos-telemetry.json, devos-self-heal.json) and
their provisioning files (provisioning/datasources, provisioning/dashboards) into GRAFANA_DIR.

exit codes: 0 done, 2 usage error or a file that cannot be written
)help";

// What happened to one file.
struct Outcome {
    std::string path;
    std::string action; // created, overwritten, appended, skipped, failed
    std::string reason;
};

// Replaces `path` with `text` (foundation::writeFileAtomically): "" when written, else why not.
std::string writeText(const fs::path& path, const std::string& text) {
    auto written =
        foundation::writeFileAtomically(path.string(), text, {.folders = foundation::MissingFolders::Create});
    return written ? std::string{} : written.error().message;
}

// A CMake project name from the folder name: letters, digits and '_'.
std::string projectName(const fs::path& dir) {
    std::string name = fs::weakly_canonical(dir).filename().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return name.empty() || std::isdigit(static_cast<unsigned char>(name[0])) ? "app" + name : name;
}

Outcome apply(const fs::path& dir, const init::ScaffoldFile& file, bool force, bool& ok) {
    fs::path path = dir / file.path;
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (exists && !file.appendText.empty()) {
        std::string text = foundation::readTextFile(path.string()).value_or(std::string{});
        if (text.find(file.marker) != std::string::npos)
            return {file.path, "skipped", "already has " + file.marker};
        std::string separator = text.empty() || text.ends_with('\n') ? "" : "\n";
        if (auto failed = writeText(path, text + separator + file.appendText); !failed.empty()) {
            ok = false;
            return {file.path, "failed", failed};
        }
        return {file.path, "appended", file.marker};
    }
    if (exists && !force)
        return {file.path, "skipped", "exists; --force overwrites it"};
    if (auto failed = writeText(path, file.text); !failed.empty()) {
        ok = false;
        return {file.path, "failed", failed};
    }
    return {file.path, exists ? "overwritten" : "created", ""};
}

} // namespace

int runInit(const std::vector<std::string>& argv) {
    Args args({"--tier", "--format", "--dashboards"}, {"--force", "--help"}, {{"-h", "--help"}});
    if (!args.parse(argv)) {
        std::fprintf(stderr, "devos init: %s\n", args.error().c_str());
        return kUsage;
    }
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kSuccess;
    }
    std::string tierText = args.valueOr("--tier", "1");
    std::string format = args.valueOr("--format", "text");
    if (tierText != "0" && tierText != "1" && tierText != "2") {
        std::fprintf(stderr, "devos init: --tier must be 0, 1 or 2, not '%s'\n", tierText.c_str());
        return kUsage;
    }
    if (auto problem = cli::notOneOf("--format", format, {"text", "json"})) {
        std::fprintf(stderr, "devos init: %s\n", problem->c_str());
        return kUsage;
    }
    const auto dashboards = args.value("--dashboards");
    if (dashboards && !args.positionals().empty()) {
        std::fprintf(stderr, "devos init: --dashboards takes its folder as its value, not also '%s'\n",
                     args.positionals()[0].c_str());
        return kUsage;
    }
    if (args.positionals().size() > 1) {
        std::fprintf(stderr, "devos init: give one folder, not %zu ('%s' is one too many)\n",
                     args.positionals().size(), args.positionals()[1].c_str());
        return kUsage;
    }
    fs::path dir = dashboards                   ? fs::path(*dashboards)
                   : args.positionals().empty() ? fs::current_path()
                                                : fs::path(args.positionals()[0]);
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        std::fprintf(stderr, "devos init: %s: error: not a directory\n", dir.string().c_str());
        return kUsage;
    }
    bool ok = true;
    std::vector<Outcome> outcomes;
    const auto toWrite =
        dashboards ? init::grafanaFiles() : init::scaffoldFiles(std::stoi(tierText), projectName(dir));
    for (const auto& file : toWrite)
        outcomes.push_back(apply(dir, file, args.has("--force"), ok));
    if (format == "json") {
        nlohmann::json files = nlohmann::json::array();
        for (const auto& o : outcomes)
            files.push_back({{"path", o.path}, {"action", o.action}, {"reason", o.reason}});
        std::printf("%s\n", nlohmann::json{{"directory", dir.string()}, {"files", files}}.dump(2).c_str());
    } else {
        size_t changed = 0;
        for (const auto& o : outcomes) {
            changed += o.action != "skipped" && o.action != "failed";
            std::printf("%-11s %s%s\n", o.action.c_str(), o.path.c_str(),
                        o.reason.empty() ? "" : (" (" + o.reason + ")").c_str());
        }
        std::printf("devos init: %zu written, %zu skipped in %s\n", changed, outcomes.size() - changed,
                    dir.string().c_str());
    }
    if (!ok) {
        std::fprintf(stderr,
                     "devos init: error: some files could not be written in %s (each is named above); "
                     "the files that were there are as they were\n",
                     dir.string().c_str());
        return kFindings;
    }
    return kSuccess;
}

} // namespace devos::cli
