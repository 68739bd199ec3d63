#pragma once
#include <string>

namespace devos::engine {

// The root of the repo that holds `path`: the nearest ancestor with a .devos/ folder, else the
// nearest with .git, else the parent of the last 'src' folder on the path, else "".
[[nodiscard]] std::string findRepoRoot(const std::string& path);

// `path` relative to `root` with '/' separators, or the normalized absolute path when it is outside.
[[nodiscard]] std::string repoRelative(const std::string& root, const std::string& path);

// True when `relPath` (from repoRelative) is inside the repo.
[[nodiscard]] bool isInsideRepo(const std::string& relPath);

} // namespace devos::engine
