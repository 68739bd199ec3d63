#include "libgit2.hpp"

#include <algorithm>
#include <devos/adapters/git/git_heal_workspace.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;
using contracts::Expected;
namespace fs = std::filesystem;

std::unexpected<contracts::Error> gitError(const std::string& what, const std::string& where = {}) {
    return contracts::fail(ErrorKind::Io, what + ": " + git::lastError(), where);
}

int collectFiles(const char* root, const git_tree_entry* entry, void* payload) {
    if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
        static_cast<std::vector<std::string>*>(payload)->push_back(std::string(root) +
                                                                   git_tree_entry_name(entry));
    return 0;
}

} // namespace

Expected<contracts::CheckoutState> GitHealWorkspace::checkout(const std::string& repoRoot) const {
    git::Libgit2 library;
    auto repo = git::openRepository(repoRoot);
    if (!repo)
        return std::unexpected(repo.error());
    contracts::CheckoutState state;
    git_reference* ref = nullptr;
    if (git_repository_head(&ref, repo->get()) == 0) {
        git::Reference head(ref);
        if (const git_oid* oid = git_reference_target(head.get()))
            state.head = git::shaOf(oid);
        if (git_reference_is_branch(head.get()))
            state.branch = git_reference_shorthand(head.get());
    }
    git_status_options options;
    git_status_options_init(&options, GIT_STATUS_OPTIONS_VERSION);
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES | GIT_STATUS_OPT_NO_REFRESH;
    git_status_list* raw = nullptr;
    if (git_status_list_new(&raw, repo->get(), &options) != 0)
        return gitError("cannot read the status of the checkout", repoRoot);
    git::Status status(raw);
    for (std::size_t i = 0; i < git_status_list_entrycount(status.get()); ++i) {
        const git_status_entry* e = git_status_byindex(status.get(), i);
        if (e->status == GIT_STATUS_CURRENT || e->status == GIT_STATUS_WT_NEW ||
            e->status == GIT_STATUS_IGNORED)
            continue;
        const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
        if (d && d->new_file.path)
            state.modified.push_back(d->new_file.path);
    }
    return state;
}

Expected<std::string> GitHealWorkspace::resolveCommit(const std::string& repoRoot,
                                                      const std::string& revision) const {
    git::Libgit2 library;
    auto repo = git::openRepository(repoRoot);
    if (!repo)
        return std::unexpected(repo.error());
    auto commit = git::lookupCommit(repo->get(), revision);
    if (!commit)
        return std::unexpected(commit.error());
    return git::shaOf(git_commit_id(commit->get()));
}

Expected<void> GitHealWorkspace::addWorktree(const std::string& repoRoot, const std::string& name,
                                             const std::string& path, const std::string& commit) {
    git::Libgit2 library;
    auto repo = git::openRepository(repoRoot);
    if (!repo)
        return std::unexpected(repo.error());
    auto target = git::lookupCommit(repo->get(), commit);
    if (!target)
        return std::unexpected(target.error());
    // git_worktree_add checks out a branch; this one lives only until the worktree's HEAD is detached.
    git_reference* branchRaw = nullptr;
    if (git_branch_create(&branchRaw, repo->get(), name.c_str(), target->get(), 0) != 0)
        return gitError("cannot prepare the worktree " + name, repoRoot);
    git::Reference branch(branchRaw);
    git_worktree_add_options options;
    git_worktree_add_options_init(&options, GIT_WORKTREE_ADD_OPTIONS_VERSION);
    options.ref = branch.get();
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    git_worktree* wtRaw = nullptr;
    const int added = git_worktree_add(&wtRaw, repo->get(), name.c_str(), path.c_str(), &options);
    git::Worktree worktree(wtRaw);
    Expected<void> result;
    if (added != 0) {
        result = gitError("cannot create the worktree " + path, repoRoot);
    } else {
        git_repository* wtRepoRaw = nullptr;
        if (git_repository_open_from_worktree(&wtRepoRaw, worktree.get()) != 0)
            result = gitError("cannot open the worktree " + path);
        else {
            git::Repository wtRepo(wtRepoRaw);
            if (git_repository_set_head_detached(wtRepo.get(), git_commit_id(target->get())) != 0)
                result = gitError("cannot detach the worktree's HEAD", path);
        }
    }
    if (git_branch_delete(branch.get()) != 0 && result)
        result = gitError("cannot delete the worktree's temporary branch " + name, repoRoot);
    return result;
}

Expected<std::vector<std::string>> GitHealWorkspace::trackedFiles(const std::string& repoRoot,
                                                                  const std::string& commit) const {
    git::Libgit2 library;
    auto repo = git::openRepository(repoRoot);
    if (!repo)
        return std::unexpected(repo.error());
    auto c = git::lookupCommit(repo->get(), commit);
    if (!c)
        return std::unexpected(c.error());
    git_tree* treeRaw = nullptr;
    if (git_commit_tree(&treeRaw, c->get()) != 0)
        return gitError("cannot read the tree of " + commit);
    git::Tree tree(treeRaw);
    std::vector<std::string> files;
    if (git_tree_walk(tree.get(), GIT_TREEWALK_PRE, collectFiles, &files) != 0)
        return gitError("cannot list the files of " + commit);
    std::ranges::sort(files);
    return files;
}

contracts::PathFact GitHealWorkspace::pathFact(const std::string& root, const std::string& relative) const {
    contracts::PathFact fact{relative, contracts::PathKind::Missing, false};
    fs::path at(root);
    std::size_t start = 0;
    while (true) {
        const auto slash = relative.find('/', start);
        at /= relative.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        struct stat st{};
        if (::lstat(at.c_str(), &st) != 0)
            return fact;
        const bool last = slash == std::string::npos;
        if (S_ISLNK(st.st_mode)) {
            if (!last) {
                fact.viaSymlink = true;
                return fact;
            }
            fact.kind = contracts::PathKind::Symlink;
            return fact;
        }
        if (last) {
            fact.kind = S_ISREG(st.st_mode)   ? contracts::PathKind::Regular
                        : S_ISDIR(st.st_mode) ? contracts::PathKind::Directory
                                              : contracts::PathKind::Special;
            return fact;
        }
        start = slash + 1;
    }
}

Expected<std::string> GitHealWorkspace::readFile(const std::string& path) const {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return contracts::fail(ErrorKind::NotFound, "cannot read the file", path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

Expected<void> GitHealWorkspace::writeFile(const std::string& path, const std::string& content) {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out)
        return contracts::fail(ErrorKind::Io, "cannot write the file", path, 0,
                               "check the disk and permissions");
    return {};
}

Expected<std::string> GitHealWorkspace::commitOnNewBranch(const std::string& worktreePath,
                                                          const std::string& branch,
                                                          const std::vector<std::string>& files,
                                                          const std::string& message) {
    git::Libgit2 library;
    git_repository* raw = nullptr;
    if (git_repository_open(&raw, worktreePath.c_str()) != 0)
        return gitError("cannot open the worktree", worktreePath);
    git::Repository repo(raw);
    git_reference* existing = nullptr;
    if (git_reference_lookup(&existing, repo.get(), ("refs/heads/" + branch).c_str()) == 0) {
        git_reference_free(existing);
        return contracts::fail(ErrorKind::Invalid, "the branch " + branch + " exists already", worktreePath);
    }
    auto parent = git::lookupCommit(repo.get(), "HEAD");
    if (!parent)
        return std::unexpected(parent.error());
    git_index* indexRaw = nullptr;
    if (git_repository_index(&indexRaw, repo.get()) != 0)
        return gitError("cannot open the worktree's index", worktreePath);
    git::Index index(indexRaw);
    for (const auto& f : files)
        if (git_index_add_bypath(index.get(), f.c_str()) != 0)
            return gitError("cannot stage " + f, worktreePath);
    git_oid treeId, commitId;
    if (git_index_write(index.get()) != 0 || git_index_write_tree(&treeId, index.get()) != 0)
        return gitError("cannot write the tree", worktreePath);
    git_tree* treeRaw = nullptr;
    if (git_tree_lookup(&treeRaw, repo.get(), &treeId) != 0)
        return gitError("cannot read the tree", worktreePath);
    git::Tree tree(treeRaw);
    git_signature* sigRaw = nullptr;
    if (git_signature_now(&sigRaw, "DevOS self-heal", "selfheal@devos.invalid") != 0)
        return gitError("cannot create the commit signature");
    git::Signature signature(sigRaw);
    const git_commit* parents[] = {parent->get()};
    if (git_commit_create(&commitId, repo.get(), nullptr, signature.get(), signature.get(), "UTF-8",
                          message.c_str(), tree.get(), 1, parents) != 0)
        return gitError("cannot create the commit", worktreePath);
    git::Commit commit = git::lookupCommit(repo.get(), git::shaOf(&commitId)).value_or(git::Commit{});
    git_reference* refRaw = nullptr;
    if (!commit || git_branch_create(&refRaw, repo.get(), branch.c_str(), commit.get(), 0) != 0)
        return gitError("cannot create the branch " + branch, worktreePath);
    git::Reference ref(refRaw);
    if (git_repository_set_head(repo.get(), git_reference_name(ref.get())) != 0)
        return gitError("cannot check out " + branch + " in the worktree", worktreePath);
    return git::shaOf(&commitId);
}

bool GitHealWorkspace::branchExists(const std::string& repoRoot, const std::string& branch) const {
    git::Libgit2 library;
    auto repo = git::openRepository(repoRoot);
    if (!repo)
        return false;
    git_reference* ref = nullptr;
    const bool found = git_reference_lookup(&ref, repo->get(), ("refs/heads/" + branch).c_str()) == 0;
    git_reference_free(ref);
    return found;
}

Expected<void> GitHealWorkspace::deleteBranch(const std::string& repoRoot, const std::string& branch) {
    git::Libgit2 library;
    auto repo = git::openRepository(repoRoot);
    if (!repo)
        return std::unexpected(repo.error());
    git_reference* raw = nullptr;
    if (git_reference_lookup(&raw, repo->get(), ("refs/heads/" + branch).c_str()) != 0)
        return {};
    git::Reference ref(raw);
    if (git_reference_delete(ref.get()) != 0)
        return gitError("cannot delete the branch " + branch, repoRoot);
    (void)git_reflog_delete(repo->get(), ("refs/heads/" + branch).c_str());
    return {};
}

Expected<void> GitHealWorkspace::removeWorktree(const std::string& repoRoot, const std::string& name,
                                                const std::string& path) {
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec)
        return contracts::fail(ErrorKind::Io, "cannot remove the worktree: " + ec.message(), path);
    git::Libgit2 library;
    auto repo = git::openRepository(repoRoot);
    if (!repo)
        return std::unexpected(repo.error());
    git_worktree* raw = nullptr;
    if (git_worktree_lookup(&raw, repo->get(), name.c_str()) != 0)
        return {};
    git::Worktree worktree(raw);
    git_worktree_prune_options options;
    git_worktree_prune_options_init(&options, GIT_WORKTREE_PRUNE_OPTIONS_VERSION);
    options.flags = GIT_WORKTREE_PRUNE_VALID | GIT_WORKTREE_PRUNE_WORKING_TREE;
    if (git_worktree_prune(worktree.get(), &options) != 0)
        return gitError("cannot prune the worktree " + name, repoRoot);
    fs::remove(fs::path(git_repository_commondir(repo->get())) / "worktrees",
               ec); // only when empty, as git does
    return {};
}

Expected<void> GitHealWorkspace::removeFolder(const std::string& path) {
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec)
        return contracts::fail(ErrorKind::Io, "cannot remove the folder: " + ec.message(), path);
    return {};
}

} // namespace devos::adapters
