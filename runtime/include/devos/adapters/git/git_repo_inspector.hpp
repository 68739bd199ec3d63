#pragma once
#include <devos/ports/repo_inspector.hpp>

namespace devos::adapters {

// RepoInspector over libgit2.
class GitRepoInspector final : public ports::RepoInspector {
public:
    [[nodiscard]] contracts::Expected<contracts::RepoHead> head(const std::string& path) const override;
};

} // namespace devos::adapters
