#pragma once
#include <chrono>
#include <devos/ports/proposal_host.hpp>
#include <nlohmann/json.hpp>
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
    // GET /repos/{repo}/pulls?head={owner}:{branch}&state=all: the first pull request listed.
    [[nodiscard]] contracts::Expected<std::optional<contracts::PullRequestStatus>>
    find(const std::string& branch) override;

private:
    // One call with retries: POST `body`, or GET when it is null; GitHub's JSON answer of a 2xx, else
    // the error naming the path (a refused token named, never printed).
    [[nodiscard]] contracts::Expected<nlohmann::json> call(const std::string& path,
                                                           const nlohmann::json* body);
    // Invalid when the token or the repository is missing; `what` says what could not be done.
    [[nodiscard]] contracts::Expected<void> ready(const std::string& what) const;

    GitHubOptions options_;
};

} // namespace devos::adapters
