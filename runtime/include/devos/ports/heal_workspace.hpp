#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/repo_facts.hpp>
#include <string>
#include <vector>

namespace devos::ports {

// Where self-heal changes code (issue 11 part 6): a separate git worktree of the failing commit,
// the proposal committed on selfheal/<id>, nothing else of the repository written. Paths of files
// are absolute; `relative` paths are repo-relative with '/'.
class HealWorkspace {
public:
    virtual ~HealWorkspace() = default;
    // The checkout at `repoRoot`; NotFound outside a git repository.
    [[nodiscard]] virtual contracts::Expected<contracts::CheckoutState>
    checkout(const std::string& repoRoot) const = 0;
    // The full id of the commit `revision` names; NotFound when the repository does not have it.
    [[nodiscard]] virtual contracts::Expected<std::string>
    resolveCommit(const std::string& repoRoot, const std::string& revision) const = 0;
    // A new worktree named `name` at `path` with `commit` checked out (HEAD detached, no branch left).
    [[nodiscard]] virtual contracts::Expected<void> addWorktree(const std::string& repoRoot,
                                                                const std::string& name,
                                                                const std::string& path,
                                                                const std::string& commit) = 0;
    // Every file of `commit`'s tree (symlinks included), repo-relative, sorted.
    [[nodiscard]] virtual contracts::Expected<std::vector<std::string>>
    trackedFiles(const std::string& repoRoot, const std::string& commit) const = 0;
    // What `relative` is under `root` (lstat of every component).
    [[nodiscard]] virtual contracts::PathFact pathFact(const std::string& root,
                                                       const std::string& relative) const = 0;
    [[nodiscard]] virtual contracts::Expected<std::string> readFile(const std::string& path) const = 0;
    // Writes a file (whole), creating its folders.
    [[nodiscard]] virtual contracts::Expected<void> writeFile(const std::string& path,
                                                              const std::string& content) = 0;
    // Commits the worktree's changes to `files` on a new branch `branch` whose parent is the worktree's
    // HEAD; the worktree then has the branch checked out. Returns the commit id. Fails (and creates
    // nothing) when the branch exists.
    [[nodiscard]] virtual contracts::Expected<std::string>
    commitOnNewBranch(const std::string& worktreePath, const std::string& branch,
                      const std::vector<std::string>& files, const std::string& message) = 0;
    // True when refs/heads/<branch> exists.
    [[nodiscard]] virtual bool branchExists(const std::string& repoRoot, const std::string& branch) const = 0;
    // Deletes refs/heads/<branch> (and its reflog); a missing branch is not an error.
    [[nodiscard]] virtual contracts::Expected<void> deleteBranch(const std::string& repoRoot,
                                                                 const std::string& branch) = 0;
    // Removes the worktree's files and git's record of it.
    [[nodiscard]] virtual contracts::Expected<void>
    removeWorktree(const std::string& repoRoot, const std::string& name, const std::string& path) = 0;
    // Deletes a folder of DevOS's own (a build folder) and everything in it.
    [[nodiscard]] virtual contracts::Expected<void> removeFolder(const std::string& path) = 0;
};

} // namespace devos::ports
