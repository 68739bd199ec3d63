#pragma once
// Test support (never linked into DevOS itself): a fresh folder for one test under the system temp
// folder, which the tests of every part use for the repos, build folders and files they set up.
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>

namespace devos::testing {

// <temp>/devos_<name>_<pid>, emptied when made and removed when it goes out of scope. Build one per
// test (a gtest fixture member is one per test).
class TempFolder {
public:
    explicit TempFolder(const std::string& name)
        : root_(std::filesystem::temp_directory_path() /
                ("devos_" + name + "_" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(root_);
    }
    ~TempFolder() {
        std::error_code ignored; // a test that failed half-way may leave what it made; never throw here
        std::filesystem::remove_all(root_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    [[nodiscard]] const std::filesystem::path& root() const { return root_; }
    [[nodiscard]] std::filesystem::path operator/(const std::filesystem::path& relative) const {
        return root_ / relative;
    }
    // Writes `text` to the file `relative`, creating its folders; the file's path.
    std::filesystem::path write(const std::filesystem::path& relative, std::string_view text) const {
        const auto path = root_ / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    // Creates the folder `relative` (and those above it); its path.
    std::filesystem::path folder(const std::filesystem::path& relative) const {
        const auto path = root_ / relative;
        std::filesystem::create_directories(path);
        return path;
    }

private:
    std::filesystem::path root_;
};

} // namespace devos::testing
