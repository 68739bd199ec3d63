#pragma once
#include <string>
#include <vector>

// The I/O half of `devos scan`: which files a scan covers.
namespace devos::scan {

struct RepoFiles {
    std::vector<std::string> files;   // repo-relative, '/'-separated, sorted
    std::vector<std::string> watched; // absolute paths whose change means the list may have changed
    bool fromGit = false;
};

// The files git tracks under `root` (`git ls-files`; the index is watched). Where git tracks nothing
// there (not a repository, or nothing added yet), every file under `root` except hidden folders (but .devos's
// config and .github), `skipDirs` and build folders (build, build-*, build_*, or a folder holding a
// CMakeCache.txt); every folder is watched.
[[nodiscard]] RepoFiles listRepoFiles(const std::string& root, const std::vector<std::string>& skipDirs);

} // namespace devos::scan
