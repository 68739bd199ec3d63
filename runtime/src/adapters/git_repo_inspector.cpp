#include <devos/adapters/git_repo_inspector.hpp>
#include <filesystem>
#include <git2.h>
#include <memory>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;
using contracts::fail;

// libgit2 wants git_libgit2_init() before use; the guard pairs it with shutdown per call.
struct Libgit2 {
    Libgit2() { git_libgit2_init(); }
    ~Libgit2() { git_libgit2_shutdown(); }
    Libgit2(const Libgit2&) = delete;
    Libgit2& operator=(const Libgit2&) = delete;
};

std::string lastError() {
    const git_error* e = git_error_last();
    return e && e->message ? e->message : "unknown libgit2 error";
}

} // namespace

contracts::Expected<contracts::RepoHead> GitRepoInspector::head(const std::string& path) const {
    Libgit2 library;
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0)
        return fail(ErrorKind::NotFound, "not inside a git repository: " + lastError(), path);
    std::unique_ptr<git_repository, decltype(&git_repository_free)> repo(raw, git_repository_free);
    contracts::RepoHead head;
    const char* workdir = git_repository_workdir(repo.get());
    std::filesystem::path root(workdir ? workdir : git_repository_path(repo.get()));
    head.repository = root.has_filename() ? root.filename().string() : root.parent_path().filename().string();
    git_reference* ref = nullptr;
    int rc = git_repository_head(&ref, repo.get());
    if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND)
        return head; // no commit yet
    if (rc != 0)
        return fail(ErrorKind::Io, "cannot read HEAD: " + lastError(), path);
    std::unique_ptr<git_reference, decltype(&git_reference_free)> headRef(ref, git_reference_free);
    if (const git_oid* oid = git_reference_target(headRef.get())) {
        char sha[GIT_OID_HEXSZ + 1] = {};
        git_oid_tostr(sha, sizeof sha, oid);
        head.commitSha = sha;
    }
    if (git_reference_is_branch(headRef.get()))
        head.branch = git_reference_shorthand(headRef.get());
    return head;
}

} // namespace devos::adapters
