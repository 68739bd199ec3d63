#pragma once
#include <devos/ports/repo_history.hpp>

namespace devos::adapters {

// RepoHistory over libgit2 (git_graph_descendant_of, tree-to-tree diffs).
class GitRepoHistory final : public ports::RepoHistory {
public:
    [[nodiscard]] contracts::Expected<bool> isAncestor(const std::string& repoPath,
                                                       const std::string& ancestor,
                                                       const std::string& descendant) const override;
    [[nodiscard]] contracts::Expected<std::vector<contracts::CommitSummary>>
    commits(const std::string& repoPath, const std::string& from, const std::string& to) const override;
    [[nodiscard]] contracts::Expected<contracts::CommitSummary>
    commit(const std::string& repoPath, const std::string& revision) const override;
    [[nodiscard]] contracts::Expected<std::vector<contracts::FilePatchText>>
    diff(const std::string& repoPath, const std::string& from, const std::string& to) const override;
};

} // namespace devos::adapters
