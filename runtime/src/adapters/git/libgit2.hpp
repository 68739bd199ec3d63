#pragma once
// libgit2 plumbing shared by the git adapters of this folder: library lifetime, owned handles,
// the last error's text, and opening the repository that contains a path.
#include <devos/contracts/error.hpp>
#include <git2.h>
#include <memory>
#include <string>

namespace devos::adapters::git {

// git_libgit2_init() for the lifetime of the object (reference counted by libgit2).
struct Libgit2 {
    Libgit2() { git_libgit2_init(); }
    ~Libgit2() { git_libgit2_shutdown(); }
    Libgit2(const Libgit2&) = delete;
    Libgit2& operator=(const Libgit2&) = delete;
};

template <typename T, void (*Free)(T*)> struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using Repository = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using Reference = std::unique_ptr<git_reference, Deleter<git_reference, git_reference_free>>;
using Commit = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using Tree = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using Diff = std::unique_ptr<git_diff, Deleter<git_diff, git_diff_free>>;
using Patch = std::unique_ptr<git_patch, Deleter<git_patch, git_patch_free>>;
using Index = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using Worktree = std::unique_ptr<git_worktree, Deleter<git_worktree, git_worktree_free>>;
using Signature = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;
using Status = std::unique_ptr<git_status_list, Deleter<git_status_list, git_status_list_free>>;

// The message of libgit2's last error.
inline std::string lastError() {
    const git_error* e = git_error_last();
    return e && e->message ? e->message : "unknown libgit2 error";
}

// The repository that contains `path` (NotFound outside one).
inline contracts::Expected<Repository> openRepository(const std::string& path) {
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0)
        return contracts::fail(contracts::ErrorKind::NotFound, "not inside a git repository: " + lastError(),
                               path, 0, "run it inside the repository's work tree");
    return Repository(raw);
}

// The commit a revision (sha, branch, HEAD) names, or NotFound.
inline contracts::Expected<Commit> lookupCommit(git_repository* repo, const std::string& revision) {
    git_object* object = nullptr;
    if (git_revparse_single(&object, repo, revision.c_str()) != 0)
        return contracts::fail(contracts::ErrorKind::NotFound,
                               "unknown commit " + revision + ": " + lastError());
    git_commit* commit = nullptr;
    const int rc = git_object_peel(reinterpret_cast<git_object**>(&commit), object, GIT_OBJECT_COMMIT);
    git_object_free(object);
    if (rc != 0)
        return contracts::fail(contracts::ErrorKind::NotFound, revision + " is not a commit: " + lastError());
    return Commit(commit);
}

// The 40-character hex id.
inline std::string shaOf(const git_oid* oid) {
    char sha[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(sha, sizeof sha, oid);
    return sha;
}

} // namespace devos::adapters::git
