#include "libgit2.hpp"

#include <devos/adapters/git/git_repo_history.hpp>

namespace devos::adapters {

contracts::Expected<bool> GitRepoHistory::isAncestor(const std::string& repoPath, const std::string& ancestor,
                                                     const std::string& descendant) const {
    git::Libgit2 library;
    auto repo = git::openRepository(repoPath);
    if (!repo)
        return std::unexpected(repo.error());
    auto a = git::lookupCommit(repo->get(), ancestor);
    if (!a)
        return std::unexpected(a.error());
    auto d = git::lookupCommit(repo->get(), descendant);
    if (!d)
        return std::unexpected(d.error());
    const int rc = git_graph_descendant_of(repo->get(), git_commit_id(d->get()), git_commit_id(a->get()));
    if (rc < 0)
        return contracts::fail(contracts::ErrorKind::Io, "cannot walk the commit graph: " + git::lastError(),
                               repoPath);
    return rc == 1;
}

namespace {

contracts::CommitSummary summaryOf(git_commit* commit) {
    contracts::CommitSummary c;
    c.sha = git::shaOf(git_commit_id(commit));
    c.time = static_cast<contracts::EpochMillis>(git_commit_time(commit)) * 1000;
    const char* message = git_commit_message(commit);
    c.message = message ? message : "";
    for (unsigned i = 0; i < git_commit_parentcount(commit); ++i)
        c.parents.push_back(git::shaOf(git_commit_parent_id(commit, i)));
    return c;
}

} // namespace

contracts::Expected<std::vector<contracts::CommitSummary>>
GitRepoHistory::commits(const std::string& repoPath, const std::string& from, const std::string& to) const {
    git::Libgit2 library;
    auto repo = git::openRepository(repoPath);
    if (!repo)
        return std::unexpected(repo.error());
    auto a = git::lookupCommit(repo->get(), from);
    if (!a)
        return std::unexpected(a.error());
    auto b = git::lookupCommit(repo->get(), to);
    if (!b)
        return std::unexpected(b.error());
    git_revwalk* raw = nullptr;
    if (git_revwalk_new(&raw, repo->get()) != 0)
        return contracts::fail(contracts::ErrorKind::Io, "cannot walk the history: " + git::lastError(),
                               repoPath);
    std::unique_ptr<git_revwalk, git::Deleter<git_revwalk, git_revwalk_free>> walk(raw);
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
    if (git_revwalk_push(walk.get(), git_commit_id(b->get())) != 0 ||
        git_revwalk_hide(walk.get(), git_commit_id(a->get())) != 0)
        return contracts::fail(contracts::ErrorKind::Io, "cannot walk the history: " + git::lastError(),
                               repoPath);
    std::vector<contracts::CommitSummary> out;
    git_oid oid;
    while (git_revwalk_next(&oid, walk.get()) == 0) {
        auto commit = git::lookupCommit(repo->get(), git::shaOf(&oid));
        if (!commit)
            return std::unexpected(commit.error());
        out.push_back(summaryOf(commit->get()));
    }
    return out;
}

contracts::Expected<contracts::CommitSummary> GitRepoHistory::commit(const std::string& repoPath,
                                                                     const std::string& revision) const {
    git::Libgit2 library;
    auto repo = git::openRepository(repoPath);
    if (!repo)
        return std::unexpected(repo.error());
    auto commit = git::lookupCommit(repo->get(), revision);
    if (!commit)
        return std::unexpected(commit.error());
    return summaryOf(commit->get());
}

contracts::Expected<std::vector<contracts::FilePatchText>>
GitRepoHistory::diff(const std::string& repoPath, const std::string& from, const std::string& to) const {
    git::Libgit2 library;
    auto repo = git::openRepository(repoPath);
    if (!repo)
        return std::unexpected(repo.error());
    git::Tree trees[2];
    const std::string* revisions[2] = {&from, &to};
    for (int i = 0; i < 2; ++i) {
        auto commit = git::lookupCommit(repo->get(), *revisions[i]);
        if (!commit)
            return std::unexpected(commit.error());
        git_tree* tree = nullptr;
        if (git_commit_tree(&tree, commit->get()) != 0)
            return contracts::fail(contracts::ErrorKind::Io,
                                   "cannot read the tree of " + *revisions[i] + ": " + git::lastError());
        trees[i].reset(tree);
    }
    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    options.context_lines = 3;
    git_diff* raw = nullptr;
    if (git_diff_tree_to_tree(&raw, repo->get(), trees[0].get(), trees[1].get(), &options) != 0)
        return contracts::fail(contracts::ErrorKind::Io,
                               "cannot diff " + from + " and " + to + ": " + git::lastError());
    git::Diff diff(raw);
    std::vector<contracts::FilePatchText> out;
    for (std::size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
        git_patch* patchRaw = nullptr;
        if (git_patch_from_diff(&patchRaw, diff.get(), i) != 0)
            return contracts::fail(contracts::ErrorKind::Io, "cannot read a patch: " + git::lastError());
        git::Patch patch(patchRaw);
        const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
        git_buf buf = GIT_BUF_INIT;
        std::string text;
        if (patch && git_patch_to_buf(&buf, patch.get()) == 0)
            text.assign(buf.ptr, buf.size);
        git_buf_dispose(&buf);
        if (!patch)
            text = std::string("Binary files a/") + delta->old_file.path + " and b/" + delta->new_file.path +
                   " differ\n";
        out.push_back({delta->new_file.path ? delta->new_file.path : delta->old_file.path, std::move(text)});
    }
    return out;
}

} // namespace devos::adapters
