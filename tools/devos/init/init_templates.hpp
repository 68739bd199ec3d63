#pragma once
#include <string>
#include <vector>

namespace devos::init {

// One file `devos init` writes: `text` when the file does not exist; when it does and `appendText`
// is set, `appendText` is appended unless the file already contains `marker`.
struct ScaffoldFile {
    std::string path; // relative to the repo root, '/' separators
    std::string text;
    std::string appendText;
    std::string marker;
};

// Every file of a DevOS adopting repo for `tier` (0, 1 or 2): layer folders, .devos/ config, CMake
// lines, .clang-format, README section and the GitHub issue forms (bet, idea, bug report).
[[nodiscard]] std::vector<ScaffoldFile> scaffoldFiles(int tier, const std::string& projectName);

} // namespace devos::init
