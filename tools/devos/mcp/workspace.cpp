#include "mcp/workspace.hpp"

#include <devos/engine/policy.hpp>
#include <devos/engine/repo_paths.hpp>

namespace fs = std::filesystem;

namespace devos::mcp {

foundation::Expected<std::shared_ptr<const engine::Policy>> McpWorkspace::policy() {
    const std::string config = paths_.configFile.empty()
                                   ? (fs::path(paths_.root) / ".devos" / "devos.yml").string()
                                   : paths_.configFile;
    std::error_code ec;
    std::optional<fs::file_time_type> stamp;
    if (auto time = fs::last_write_time(config, ec); !ec)
        stamp = time;
    std::lock_guard lock(mutex_);
    if (policy_ && stamp == policyStamp_)
        return policy_;
    auto loaded = engine::Policy::forRepo(paths_.root, paths_.configFile);
    if (!loaded)
        return std::unexpected(loaded.error());
    policy_ = std::make_shared<const engine::Policy>(std::move(*loaded));
    policyStamp_ = stamp;
    return policy_;
}

foundation::Expected<std::string> McpWorkspace::repoPath(const std::string& path) const {
    if (path.empty())
        return foundation::fail(foundation::ErrorKind::Invalid, "empty path", "", 0,
                                "give a path relative to the repo root, such as src/logic/price.cpp");
    const fs::path full = fs::path(path).is_absolute() ? fs::path(path) : fs::path(paths_.root) / path;
    std::string rel = engine::repoRelative(paths_.root, full.lexically_normal().string());
    if (!engine::isInsideRepo(rel))
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "'" + path + "' is outside the repo " + paths_.root, "", 0,
                                "give a path inside the repo, relative to its root");
    return rel;
}

void McpWorkspace::rememberCheck(CheckSnapshot snapshot) {
    std::lock_guard lock(mutex_);
    lastCheck_ = std::move(snapshot);
}

std::optional<CheckSnapshot> McpWorkspace::lastCheck() const {
    std::lock_guard lock(mutex_);
    return lastCheck_;
}

} // namespace devos::mcp
