#include "scan/repo_files.hpp"

#include <algorithm>
#include <devos/foundation/process.hpp>
#include <filesystem>

namespace fs = std::filesystem;

namespace devos::scan {
namespace {

std::vector<std::string> splitNul(const std::string& text) {
    std::vector<std::string> out;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\0', start);
        if (end == std::string::npos)
            end = text.size();
        if (end > start)
            out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

// A folder the walk leaves out: build folders, and hidden ones but .devos and .github.
bool isSkippedFolder(const fs::path& dir, const std::vector<fs::path>& skip) {
    std::string name = dir.filename().string();
    std::error_code ec;
    if ((name.starts_with(".") && name != ".devos" && name != ".github") || name == "build" ||
        name.starts_with("build-") || name.starts_with("build_") || fs::exists(dir / "CMakeCache.txt", ec))
        return true;
    return std::any_of(skip.begin(), skip.end(),
                       [&](const fs::path& s) { return fs::equivalent(s, dir, ec); });
}

RepoFiles walk(const fs::path& root, const std::vector<std::string>& skipDirs) {
    std::vector<fs::path> skip;
    for (const auto& dir : skipDirs)
        skip.push_back(fs::absolute(dir));
    RepoFiles out;
    out.watched.push_back(root.string());
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory(ec)) {
            if (isSkippedFolder(it->path(), skip))
                it.disable_recursion_pending();
            else
                out.watched.push_back(it->path().string());
        } else if (it->is_regular_file(ec) && !it->is_symlink(ec)) {
            std::string rel = it->path().lexically_relative(root).generic_string();
            // .devos/ also holds what DevOS writes at run time (telemetry.db, spool/): only its config
            // counts.
            if (!rel.starts_with(".devos/") || rel.ends_with(".yml") || rel.ends_with(".json"))
                out.files.push_back(std::move(rel));
        }
    }
    std::sort(out.files.begin(), out.files.end());
    return out;
}

} // namespace

RepoFiles listRepoFiles(const std::string& root, const std::vector<std::string>& skipDirs) {
    fs::path base = fs::absolute(root).lexically_normal();
    auto listed = foundation::runProcess({"git", "-C", base.string(), "ls-files", "-z", "--cached"});
    if (listed.exitCode == 0) {
        RepoFiles out;
        out.fromGit = true;
        std::error_code ec;
        for (auto& file : splitNul(listed.output))
            if (fs::is_regular_file(base / file, ec) && !fs::is_symlink(base / file, ec))
                out.files.push_back(std::move(file));
        if (!out.files.empty()) {
            auto gitDir = foundation::runProcess(
                std::vector<std::string>{"git", "-C", base.string(), "rev-parse", "--absolute-git-dir"});
            if (gitDir.exitCode == 0)
                out.watched.push_back((fs::path(firstLine(gitDir.output)) / "index").string());
            std::sort(out.files.begin(), out.files.end());
            return out;
        }
    }
    return walk(base, skipDirs);
}

} // namespace devos::scan
