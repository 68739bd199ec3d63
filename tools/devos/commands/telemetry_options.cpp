#include "commands/telemetry_options.hpp"

#include <devos/engine/repo_paths.hpp>
#include <filesystem>

namespace devos::cli {

std::vector<Option> telemetryOptions() {
    return {value("--db", "PATH",
                  "the telemetry store: a SQLite file (default: DEVOS_DATABASE_URL, else\n"
                  "<repo>/.devos/telemetry.db)"),
            choice("--format", "FORMAT", {"text", "json"}, "text (default) or json", "text")};
}

std::string currentRepoRoot() {
    const std::string here = std::filesystem::current_path().string();
    std::string root = engine::findRepoRoot(here);
    return root.empty() ? here : root;
}

} // namespace devos::cli
