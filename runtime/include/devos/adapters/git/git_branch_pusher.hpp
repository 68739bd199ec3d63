#pragma once
#include <devos/ports/proposal_host.hpp>

namespace devos::adapters {

// BranchPusher over libgit2: an anonymous remote, `+refs/heads/<b>:refs/heads/<b>`; a fast-forward
// lists the remote's refs, downloads the target's commit (objects only: no local ref, no FETCH_HEAD),
// checks ancestry and pushes `refs/heads/<b>:refs/heads/<target>` without force. Credentials come
// from DEVOS_GIT_USERNAME and DEVOS_GIT_TOKEN (user/password over HTTPS) when the remote asks; they
// are never logged nor part of an error message.
class GitBranchPusher final : public ports::BranchPusher {
public:
    [[nodiscard]] contracts::Expected<void> push(const std::string& repoRoot, const std::string& branch,
                                                 const std::string& remote) override;
    [[nodiscard]] contracts::Expected<std::string> fastForward(const std::string& repoRoot,
                                                               const std::string& branch,
                                                               const std::string& target,
                                                               const std::string& remote) override;
};

} // namespace devos::adapters
