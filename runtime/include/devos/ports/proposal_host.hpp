#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/pull_request.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::ports {

// Pushes a selfheal/* branch to a remote (issue 13 part 2), and at autonomy level 1 fast-forwards
// the integration branch to it. DevOS pushes nothing else.
class BranchPusher {
public:
    virtual ~BranchPusher() = default;
    // Pushes refs/heads/<branch> of `repoRoot` to the same name at `remote` (a URL or a path).
    // Unavailable when the remote cannot be reached, Invalid when it refuses the push (its message).
    [[nodiscard]] virtual contracts::Expected<void>
    push(const std::string& repoRoot, const std::string& branch, const std::string& remote) = 0;
    // Moves refs/heads/<target> at `remote` to the commit of refs/heads/<branch> of `repoRoot`, only
    // as a fast-forward: the target exists there, is not the remote's default branch (its HEAD), and
    // its commit is an ancestor of the branch's. The short sha the target moved from. Invalid naming
    // why not (and nothing is written); Unavailable when the remote cannot be reached.
    [[nodiscard]] virtual contracts::Expected<std::string> fastForward(const std::string& repoRoot,
                                                                       const std::string& branch,
                                                                       const std::string& target,
                                                                       const std::string& remote) = 0;
};

// Where pull requests are opened (GitHub's REST API behind this port).
class PullRequestHost {
public:
    virtual ~PullRequestHost() = default;
    // Opens the pull request, labels it, and requests auto-merge when asked. Invalid for a refusal
    // (4xx: a missing or wrong token, a branch the host does not know) naming what to fix; Unavailable
    // when the host keeps failing (5xx, timeouts) after its retries.
    [[nodiscard]] virtual contracts::Expected<contracts::OpenedPullRequest>
    open(const contracts::PullRequestSpec& spec) = 0;
    // The newest pull request whose head is `branch` (open or closed), nullopt when there is none.
    // Errors as for open.
    [[nodiscard]] virtual contracts::Expected<std::optional<contracts::PullRequestStatus>>
    find(const std::string& branch) = 0;
};

} // namespace devos::ports
