#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/repo_facts.hpp>
#include <string>
#include <vector>

namespace devos::ports {

// Reads the commit graph and the changes between commits of a git repository (read-only).
class RepoHistory {
public:
    virtual ~RepoHistory() = default;
    // True when `ancestor` is a strict ancestor of `descendant`; NotFound when either is unknown.
    [[nodiscard]] virtual contracts::Expected<bool> isAncestor(const std::string& repoPath,
                                                               const std::string& ancestor,
                                                               const std::string& descendant) const = 0;
    // The commits reachable from `to` but not from `from` (`git log --reverse --topo-order from..to`),
    // oldest first.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::CommitSummary>>
    commits(const std::string& repoPath, const std::string& from, const std::string& to) const = 0;
    // The commit `revision` names; NotFound when the repository does not have it.
    [[nodiscard]] virtual contracts::Expected<contracts::CommitSummary>
    commit(const std::string& repoPath, const std::string& revision) const = 0;
    // `git diff from to`, one patch per changed file in path order; a binary file's patch says so.
    [[nodiscard]] virtual contracts::Expected<std::vector<contracts::FilePatchText>>
    diff(const std::string& repoPath, const std::string& from, const std::string& to) const = 0;
};

} // namespace devos::ports
