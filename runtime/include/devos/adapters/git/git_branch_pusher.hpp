#pragma once
#include <devos/ports/proposal_host.hpp>

namespace devos::adapters {

// BranchPusher over libgit2: an anonymous remote, `+refs/heads/<b>:refs/heads/<b>`. Credentials come
// from DEVOS_GIT_USERNAME and DEVOS_GIT_TOKEN (user/password over HTTPS) when the remote asks; they
// are never logged nor part of an error message.
class GitBranchPusher final : public ports::BranchPusher {
public:
    [[nodiscard]] contracts::Expected<void> push(const std::string& repoRoot, const std::string& branch,
                                                 const std::string& remote) override;
};

} // namespace devos::adapters
