// git push over libgit2. A remote's refusal arrives through the push_update_reference callback
// (status set): it is an error naming the ref and the remote's reason.
#include "libgit2.hpp"

#include <cstdlib>
#include <devos/adapters/git/git_branch_pusher.hpp>

namespace devos::adapters {
namespace {

struct PushState {
    std::string refused; // the remote's reason, when it refused the ref
    int credentialTries = 0;
};

// `remote` with any user and password written into its URL masked as ***: for messages.
std::string shown(const std::string& remote) {
    const auto scheme = remote.find("://");
    const auto at = remote.find('@', scheme == std::string::npos ? 0 : scheme + 3);
    const auto slash = remote.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (scheme == std::string::npos || at == std::string::npos || (slash != std::string::npos && at > slash))
        return remote;
    return remote.substr(0, scheme + 3) + "***@" + remote.substr(at + 1);
}

int credentials(git_credential** out, const char*, const char* userFromUrl, unsigned int allowed,
                void* payload) {
    auto* state = static_cast<PushState*>(payload);
    const char* user = std::getenv("DEVOS_GIT_USERNAME");
    const char* token = std::getenv("DEVOS_GIT_TOKEN");
    if (++state->credentialTries > 1 || token == nullptr ||
        (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) == 0)
        return GIT_EAUTH;
    return git_credential_userpass_plaintext_new(
        out, user != nullptr ? user : (userFromUrl != nullptr ? userFromUrl : "x-access-token"), token);
}

int refusal(const char* ref, const char* status, void* payload) {
    if (status != nullptr)
        static_cast<PushState*>(payload)->refused = std::string(ref) + ": " + status;
    return 0;
}

} // namespace

contracts::Expected<void> GitBranchPusher::push(const std::string& repoRoot, const std::string& branch,
                                                const std::string& remote) {
    git::Libgit2 library;
    auto repo = git::openRepository(repoRoot);
    if (!repo)
        return std::unexpected(repo.error());
    git_remote* raw = nullptr;
    if (git_remote_create_anonymous(&raw, repo->get(), remote.c_str()) != 0)
        return contracts::fail(contracts::ErrorKind::Invalid,
                               "cannot use the remote " + shown(remote) + ": " + git::lastError(), {}, 0,
                               "set publish.remote to a git URL or path");
    std::unique_ptr<git_remote, git::Deleter<git_remote, git_remote_free>> handle(raw);
    PushState state;
    git_push_options options;
    git_push_options_init(&options, GIT_PUSH_OPTIONS_VERSION);
    options.callbacks.credentials = credentials;
    options.callbacks.push_update_reference = refusal;
    options.callbacks.payload = &state;
    std::string refspec = "+refs/heads/" + branch + ":refs/heads/" + branch;
    char* specs[] = {refspec.data()};
    const git_strarray refspecs{specs, 1};
    if (git_remote_push(handle.get(), &refspecs, &options) != 0) {
        const std::string why = git::lastError();
        const bool auth = state.credentialTries > 0;
        return contracts::fail(auth ? contracts::ErrorKind::Invalid : contracts::ErrorKind::Unavailable,
                               "cannot push " + branch + " to " + shown(remote) + ": " + why, {}, 0,
                               auth ? "check DEVOS_GIT_USERNAME and DEVOS_GIT_TOKEN (the token is not shown)"
                                    : "check that the remote is reachable");
    }
    if (!state.refused.empty())
        return contracts::fail(contracts::ErrorKind::Invalid,
                               "the remote " + shown(remote) + " refused " + state.refused, {}, 0,
                               "check the remote's branch rules for selfheal/*");
    return {};
}

} // namespace devos::adapters
