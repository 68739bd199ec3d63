#pragma once
#include <devos/contracts/run_metadata.hpp>
#include <devos/ports/repo_inspector.hpp>
#include <map>
#include <string>

namespace devos::services {

// Run metadata for the repository at `repoPath`: git's HEAD through `repo` (left empty outside a
// repository) merged with the CI variables found in `env` (logic::runMetadataFrom).
[[nodiscard]] contracts::RunMetadata collectRunMetadata(const ports::RepoInspector& repo,
                                                        const std::string& repoPath,
                                                        const std::map<std::string, std::string>& env);

} // namespace devos::services
