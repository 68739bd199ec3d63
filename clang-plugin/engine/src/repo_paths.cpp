#include <devos/engine/repo_paths.hpp>
#include <filesystem>

namespace fs = std::filesystem;

namespace devos::engine {

std::string findRepoRoot(const std::string& path) {
    std::error_code ec;
    fs::path start = fs::weakly_canonical(fs::absolute(path, ec), ec);
    fs::path dir = fs::is_directory(start, ec) ? start : start.parent_path();
    for (const char* marker : {".devos", ".git"}) {
        for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
            if (fs::exists(p / marker, ec))
                return p.string();
            if (p == p.root_path())
                break;
        }
    }
    fs::path lastSrcParent;
    for (fs::path p = dir; !p.empty() && p != p.root_path(); p = p.parent_path())
        if (p.filename() == "src") {
            lastSrcParent = p.parent_path();
            break;
        }
    return lastSrcParent.string();
}

std::string repoRelative(const std::string& root, const std::string& path) {
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (root.empty())
        return abs.generic_string();
    fs::path rel = abs.lexically_relative(fs::path(root));
    std::string s = rel.generic_string();
    if (rel.empty() || s.starts_with(".."))
        return abs.generic_string();
    return s;
}

bool isInsideRepo(const std::string& relPath) {
    return !relPath.empty() && relPath[0] != '/';
}

} // namespace devos::engine
