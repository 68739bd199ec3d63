#pragma once
#include <chrono>
#include <devos/ports/proposal_host.hpp>
#include <string>

namespace devos::adapters {

// Where the GitHub REST API is and how to call it.
struct GitHubOptions {
    std::string api = "https://api.github.com"; // a stand-in server's URL in tests
    std::string repository;                     // "owner/name"
    std::string token;                          // DEVOS_GITHUB_TOKEN; never logged nor in a message
    std::chrono::milliseconds timeout{30000};
    unsigned maxRetries = 3; // extra attempts after a 5xx, a 429 or a network failure
    std::chrono::milliseconds initialBackoff{500};
};

// PullRequestHost over GitHub's REST API: POST /repos/{repo}/pulls (draft at level 0), POST
// /repos/{repo}/issues/{n}/labels, and for auto-merge the GraphQL enablePullRequestAutoMerge
// mutation (the merge still waits for branch protection and required checks). 5xx, 429 and
// network failures are retried with a doubling backoff; a 4xx stops at once with GitHub's message.
class GitHubPullRequests final : public ports::PullRequestHost {
public:
    explicit GitHubPullRequests(GitHubOptions options) : options_(std::move(options)) {}
    [[nodiscard]] contracts::Expected<contracts::OpenedPullRequest>
    open(const contracts::PullRequestSpec& spec) override;

private:
    GitHubOptions options_;
};

} // namespace devos::adapters
