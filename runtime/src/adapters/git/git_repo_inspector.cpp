#include "libgit2.hpp"

#include <devos/adapters/git/git_repo_inspector.hpp>
#include <filesystem>

namespace devos::adapters {

contracts::Expected<contracts::RepoHead> GitRepoInspector::head(const std::string& path) const {
    git::Libgit2 library;
    auto repo = git::openRepository(path);
    if (!repo)
        return std::unexpected(repo.error());
    contracts::RepoHead head;
    const char* workdir = git_repository_workdir(repo->get());
    std::filesystem::path root(workdir ? workdir : git_repository_path(repo->get()));
    head.repository = root.has_filename() ? root.filename().string() : root.parent_path().filename().string();
    git_reference* ref = nullptr;
    int rc = git_repository_head(&ref, repo->get());
    if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND)
        return head; // no commit yet
    if (rc != 0)
        return contracts::fail(contracts::ErrorKind::Io, "cannot read HEAD: " + git::lastError(), path);
    git::Reference headRef(ref);
    if (const git_oid* oid = git_reference_target(headRef.get()))
        head.commitSha = git::shaOf(oid);
    if (git_reference_is_branch(headRef.get()))
        head.branch = git_reference_shorthand(headRef.get());
    return head;
}

} // namespace devos::adapters
