#pragma once
#include <devos/contracts/run_metadata.hpp>
#include <map>
#include <string>

namespace devos::logic {

// Run metadata from the repository head and CI environment values (passed in, never read here).
// Recognises GitHub Actions, GitLab CI, Jenkins, Buildkite and a generic CI=true; CI values win
// over git's because CI checkouts are often a detached HEAD.
[[nodiscard]] contracts::RunMetadata runMetadataFrom(const contracts::RepoHead& head,
                                                     const std::map<std::string, std::string>& env);

} // namespace devos::logic
