#pragma once
#include <devos/contracts/ulid.hpp>
#include <string>
#include <vector>

namespace devos::contracts {

// What a path of a proposal is in the worktree at the failing commit.
enum class PathKind { Missing, Regular, Symlink, Directory, Special };

// One proposed path and what it is; `viaSymlink` when a folder on the way is a symlink.
struct PathFact {
    std::string path;
    PathKind kind = PathKind::Missing;
    bool viaSymlink = false;
};

// The state of the user's checkout, read and never written.
struct CheckoutState {
    std::string head;                  // HEAD's commit; empty before the first commit
    std::string branch;                // empty when detached
    std::vector<std::string> modified; // tracked files with uncommitted changes (work tree or index)
};

// One commit as the outcome check reads it.
struct CommitSummary {
    std::string sha;
    EpochMillis time = 0; // committer time
    std::string message;
    std::vector<std::string> parents;

    bool operator==(const CommitSummary&) const = default;
};

// One file's patch between two commits, as git writes it (`diff --git` header and hunks).
struct FilePatchText {
    std::string path;
    std::string text;
};

// One entry of a CMakeCache.txt: `NAME:TYPE=VALUE`, and whether it is marked advanced.
struct CMakeCacheEntry {
    std::string name;
    std::string type;
    std::string value;
    bool advanced = false;

    bool operator==(const CMakeCacheEntry&) const = default;
};

} // namespace devos::contracts
