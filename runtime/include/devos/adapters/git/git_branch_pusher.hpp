#pragma once
#include <chrono>
#include <devos/ports/proposal_host.hpp>

namespace devos::adapters {

// BranchPusher over libgit2: an anonymous remote, `+refs/heads/<b>:refs/heads/<b>`; a fast-forward
// lists the remote's refs, downloads the target's commit (objects only: no local ref, no FETCH_HEAD),
// checks ancestry and pushes `refs/heads/<b>:refs/heads/<target>` without force. Credentials come
// from DEVOS_GIT_USERNAME and DEVOS_GIT_TOKEN (user/password over HTTPS) when the remote asks; they
// are never logged nor part of an error message.
class GitBranchPusher final : public ports::BranchPusher {
public:
    // A push the remote could not be reached for (Unavailable) is tried `tries` times in all, waiting
    // `backoff` and then twice as long each time; a refusal (Invalid: a hook, a rule, credentials) is
    // not retried.
    explicit GitBranchPusher(unsigned tries = 3,
                             std::chrono::milliseconds backoff = std::chrono::milliseconds(500))
        : tries_(tries == 0 ? 1 : tries), backoff_(backoff) {}

    [[nodiscard]] contracts::Expected<void> push(const std::string& repoRoot, const std::string& branch,
                                                 const std::string& remote) override;
    [[nodiscard]] contracts::Expected<std::string> fastForward(const std::string& repoRoot,
                                                               const std::string& branch,
                                                               const std::string& target,
                                                               const std::string& remote) override;

private:
    unsigned tries_;
    std::chrono::milliseconds backoff_;
};

} // namespace devos::adapters
