#pragma once
#include <devos/ports/heal_workspace.hpp>

namespace devos::adapters {

// HealWorkspace over libgit2 and the file system. The worktree is created with git_worktree_add on a
// branch named like the proposal, then detached and the branch deleted at once, so no ref exists
// until commitOnNewBranch; the user's HEAD, index, work tree and stash are never opened for writing.
class GitHealWorkspace final : public ports::HealWorkspace {
public:
    [[nodiscard]] contracts::Expected<contracts::CheckoutState>
    checkout(const std::string& repoRoot) const override;
    [[nodiscard]] contracts::Expected<std::string> resolveCommit(const std::string& repoRoot,
                                                                 const std::string& revision) const override;
    [[nodiscard]] contracts::Expected<void> addWorktree(const std::string& repoRoot, const std::string& name,
                                                        const std::string& path,
                                                        const std::string& commit) override;
    [[nodiscard]] contracts::Expected<std::vector<std::string>>
    trackedFiles(const std::string& repoRoot, const std::string& commit) const override;
    [[nodiscard]] contracts::PathFact pathFact(const std::string& root,
                                               const std::string& relative) const override;
    [[nodiscard]] contracts::Expected<std::string> readFile(const std::string& path) const override;
    [[nodiscard]] contracts::Expected<void> writeFile(const std::string& path,
                                                      const std::string& content) override;
    [[nodiscard]] contracts::Expected<std::string> commitOnNewBranch(const std::string& worktreePath,
                                                                     const std::string& branch,
                                                                     const std::vector<std::string>& files,
                                                                     const std::string& message) override;
    [[nodiscard]] bool branchExists(const std::string& repoRoot, const std::string& branch) const override;
    [[nodiscard]] contracts::Expected<void> deleteBranch(const std::string& repoRoot,
                                                         const std::string& branch) override;
    [[nodiscard]] contracts::Expected<void>
    removeWorktree(const std::string& repoRoot, const std::string& name, const std::string& path) override;
    [[nodiscard]] contracts::Expected<void> removeFolder(const std::string& path) override;
};

} // namespace devos::adapters
