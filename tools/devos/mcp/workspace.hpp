#pragma once
// The repo a `devos mcp` server answers about, and the state it keeps warm between calls: the
// policy (reloaded when .devos/devos.yml changes) and the latest check's findings.
#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace devos::mcp {

// Where the server looks: the repo root, its build folder, the config file and the telemetry store.
struct WorkspacePaths {
    std::string root;              // absolute
    std::string buildDir;          // absolute; holds compile_commands.json and devos/ gate results
    std::string configFile;        // empty: <root>/.devos/devos.yml when it exists
    std::optional<std::string> db; // --db: a SQLite file instead of DEVOS_DATABASE_URL / .devos/telemetry.db
};

// The findings of the latest devos_check in this server, for layer_map's violations per edge.
struct CheckSnapshot {
    std::vector<engine::Finding> findings;
    std::vector<std::string> checkedFiles;
};

class McpWorkspace {
public:
    explicit McpWorkspace(WorkspacePaths paths) : paths_(std::move(paths)) {}

    [[nodiscard]] const WorkspacePaths& paths() const { return paths_; }
    // The repo policy, parsed on first use and again whenever the config file's time changes.
    [[nodiscard]] foundation::Expected<std::shared_ptr<const engine::Policy>> policy();
    // `path` (absolute, or relative to the root) as a repo-relative path; Invalid when it leaves the repo.
    [[nodiscard]] foundation::Expected<std::string> repoPath(const std::string& path) const;

    void rememberCheck(CheckSnapshot snapshot);
    [[nodiscard]] std::optional<CheckSnapshot> lastCheck() const;

private:
    WorkspacePaths paths_;
    mutable std::mutex mutex_;
    std::shared_ptr<const engine::Policy> policy_;
    std::optional<std::filesystem::file_time_type> policyStamp_;
    std::optional<CheckSnapshot> lastCheck_;
};

} // namespace devos::mcp
