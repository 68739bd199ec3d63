// git push over libgit2. A remote's refusal arrives through the push_update_reference callback
// (status set): it is an error naming the ref and the remote's reason.
#include "libgit2.hpp"

#include <cstdlib>
#include <devos/adapters/git/git_branch_pusher.hpp>
#include <optional>
#include <thread>

namespace devos::adapters {
namespace {

struct PushState {
    std::string refused; // the remote's reason, when it refused the ref
    std::string said;    // what the remote printed (its hooks' "remote:" lines)
    std::string auth;    // why no (more) credentials were given, once the remote asked for them
    int credentialTries = 0;
};

using Remote = std::unique_ptr<git_remote, git::Deleter<git_remote, git_remote_free>>;

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
    if (++state->credentialTries > 1) {
        state->auth = "the remote refused the credentials from DEVOS_GIT_USERNAME and DEVOS_GIT_TOKEN";
        return GIT_EAUTH;
    }
    if (token == nullptr || *token == '\0') {
        state->auth = "the remote asks for credentials and DEVOS_GIT_TOKEN is not set";
        return GIT_EAUTH;
    }
    if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) == 0) {
        state->auth = "the remote asks for credentials other than a user and password (DevOS sends "
                      "DEVOS_GIT_TOKEN over HTTPS only)";
        return GIT_EAUTH;
    }
    return git_credential_userpass_plaintext_new(
        out, user != nullptr ? user : (userFromUrl != nullptr ? userFromUrl : "x-access-token"), token);
}

int refusal(const char* ref, const char* status, void* payload) {
    if (status != nullptr)
        static_cast<PushState*>(payload)->refused = std::string(ref) + ": " + status;
    return 0;
}

int remoteText(const char* text, int length, void* payload) {
    static_cast<PushState*>(payload)->said.append(text, static_cast<std::size_t>(length));
    return 0;
}

git_remote_callbacks callbacksFor(PushState& state) {
    git_remote_callbacks callbacks;
    git_remote_init_callbacks(&callbacks, GIT_REMOTE_CALLBACKS_VERSION);
    callbacks.credentials = credentials;
    callbacks.push_update_reference = refusal;
    callbacks.sideband_progress = remoteText;
    callbacks.payload = &state;
    return callbacks;
}

contracts::Expected<Remote> anonymousRemote(git_repository* repo, const std::string& remote) {
    git_remote* raw = nullptr;
    if (git_remote_create_anonymous(&raw, repo, remote.c_str()) != 0)
        return contracts::fail(contracts::ErrorKind::Invalid,
                               "cannot use the remote " + shown(remote) + ": " + git::lastError(), {}, 0,
                               "set publish.remote to a git URL or path");
    return Remote(raw);
}

// A failure to reach `remote` (to `what`): Invalid naming the token variables when credentials were
// asked for, else Unavailable.
contracts::Error unreachable(const std::string& what, const std::string& remote, const PushState& state) {
    const bool auth = state.credentialTries > 0;
    contracts::Error e;
    e.kind = auth ? contracts::ErrorKind::Invalid : contracts::ErrorKind::Unavailable;
    e.message =
        "cannot " + what + " " + shown(remote) + ": " + (state.auth.empty() ? git::lastError() : state.auth);
    e.hint = auth ? "check DEVOS_GIT_USERNAME and DEVOS_GIT_TOKEN (the token is not shown)"
                  : "check that the remote is reachable";
    return e;
}

// The remote's printed lines, trimmed, as " (remote: …)" for a refusal; empty when it said nothing.
std::string remoteSaid(const PushState& state) {
    std::string text = state.said;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text.empty() ? std::string() : " (remote: " + text + ")";
}

// Pushes `refspec` through `handle`; Invalid when the remote refuses it (with what it printed).
contracts::Expected<void> pushRefspec(git_remote* handle, std::string refspec, const std::string& what,
                                      const std::string& remote, const std::string& hint) {
    PushState state;
    git_push_options options;
    git_push_options_init(&options, GIT_PUSH_OPTIONS_VERSION);
    options.callbacks = callbacksFor(state);
    char* specs[] = {refspec.data()};
    const git_strarray refspecs{specs, 1};
    if (git_remote_push(handle, &refspecs, &options) != 0)
        return std::unexpected(unreachable("push " + what + " to", remote, state));
    if (!state.refused.empty())
        return contracts::fail(
            contracts::ErrorKind::Invalid,
            "the remote " + shown(remote) + " refused " + state.refused + remoteSaid(state), {}, 0, hint);
    return {};
}

} // namespace

contracts::Expected<void> GitBranchPusher::push(const std::string& repoRoot, const std::string& branch,
                                                const std::string& remote) {
    git::Libgit2 library;
    auto repo = git::openRepository(repoRoot);
    if (!repo)
        return std::unexpected(repo.error());
    auto handle = anonymousRemote(repo->get(), remote);
    if (!handle)
        return std::unexpected(handle.error());
    auto backoff = backoff_;
    for (unsigned attempt = 1;; ++attempt) {
        auto pushed = pushRefspec(handle->get(), "+refs/heads/" + branch + ":refs/heads/" + branch, branch,
                                  remote, "check the remote's branch rules for selfheal/*");
        if (pushed || pushed.error().kind != contracts::ErrorKind::Unavailable)
            return pushed;
        if (attempt == tries_) {
            pushed.error().message += " (" + std::to_string(tries_) + " tries)";
            return pushed;
        }
        std::this_thread::sleep_for(backoff);
        backoff *= 2;
    }
}

contracts::Expected<std::string> GitBranchPusher::fastForward(const std::string& repoRoot,
                                                              const std::string& branch,
                                                              const std::string& target,
                                                              const std::string& remote) {
    using contracts::ErrorKind;
    git::Libgit2 library;
    auto repo = git::openRepository(repoRoot);
    if (!repo)
        return std::unexpected(repo.error());
    auto local = git::lookupCommit(repo->get(), "refs/heads/" + branch);
    if (!local)
        return std::unexpected(local.error());
    const git_oid localOid = *git_commit_id(local->get());
    auto handle = anonymousRemote(repo->get(), remote);
    if (!handle)
        return std::unexpected(handle.error());
    // The target's commit and the remote's default branch, as the remote advertises them.
    const std::string targetRef = "refs/heads/" + target;
    PushState state;
    const git_remote_callbacks callbacks = callbacksFor(state);
    if (git_remote_connect(handle->get(), GIT_DIRECTION_FETCH, &callbacks, nullptr, nullptr) != 0)
        return std::unexpected(unreachable("list the branches of", remote, state));
    const git_remote_head** heads = nullptr;
    std::size_t count = 0;
    std::optional<git_oid> at;
    if (git_remote_ls(&heads, &count, handle->get()) == 0)
        for (std::size_t i = 0; i < count; ++i)
            if (targetRef == heads[i]->name)
                at = heads[i]->oid;
    std::string defaultRef;
    git_buf buffer = GIT_BUF_INIT;
    if (git_remote_default_branch(&buffer, handle->get()) == 0)
        defaultRef = buffer.ptr;
    git_buf_dispose(&buffer);
    git_remote_disconnect(handle->get());
    if (defaultRef == targetRef)
        return contracts::fail(
            ErrorKind::Invalid,
            target + " is the default branch of " + shown(remote) + ": DevOS never writes the default branch",
            {}, 0, "set branches.integration to an integration branch such as dev or beta");
    if (!at)
        return contracts::fail(
            ErrorKind::Invalid, "the remote " + shown(remote) + " has no branch " + target, {}, 0,
            "create " + target + " on the remote: level 1 only fast-forwards an existing integration branch");
    const std::string from = git::shaOf(&*at).substr(0, 7);
    if (git_oid_equal(&*at, &localOid))
        return from;
    // The target's commit, objects only: no local ref and no FETCH_HEAD are written.
    git_odb* odb = nullptr;
    bool known = false;
    if (git_repository_odb(&odb, repo->get()) == 0) {
        known = git_odb_exists(odb, &*at) == 1;
        git_odb_free(odb);
    }
    if (!known) {
        git_fetch_options fetch;
        git_fetch_options_init(&fetch, GIT_FETCH_OPTIONS_VERSION);
        fetch.callbacks = callbacks;
        fetch.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
        std::string spec = targetRef;
        char* specs[] = {spec.data()};
        const git_strarray refspecs{specs, 1};
        // git_remote_download, not git_remote_fetch: the pack only, no update of tips or FETCH_HEAD.
        const int downloaded = git_remote_download(handle->get(), &refspecs, &fetch);
        git_remote_disconnect(handle->get());
        if (downloaded != 0)
            return std::unexpected(unreachable("fetch " + target + " from", remote, state));
    }
    if (git_graph_descendant_of(repo->get(), &localOid, &*at) != 1)
        return contracts::fail(ErrorKind::Invalid,
                               branch + " does not fast-forward " + target + " at " + shown(remote) + ": " +
                                   target + " is at " + from + ", which is not an ancestor of " +
                                   git::shaOf(&localOid).substr(0, 7),
                               {}, 0, target + " moved on; the proposal waits for human review");
    if (auto pushed = pushRefspec(handle->get(), "refs/heads/" + branch + ":" + targetRef, target, remote,
                                  "check the remote's rules for " + target);
        !pushed)
        return std::unexpected(pushed.error());
    return from;
}

} // namespace devos::adapters
