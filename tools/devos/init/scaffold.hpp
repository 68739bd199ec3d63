#pragma once
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::init {

// What `devos init` writes: an adopting repo's scaffold, or only the Grafana dashboards.
struct ScaffoldRequest {
    std::string dir{};       // the repo (or, with dashboards, the Grafana folder)
    int tier = 1;            // 0, 1 or 2
    bool force = false;      // overwrite the files init owns
    bool dashboards = false; // only the dashboards and their provisioning files
};

// What happened to one file.
struct FileOutcome {
    std::string path{};
    std::string action{}; // created, overwritten, appended, skipped, failed
    std::string reason{};
};

// Every file and what happened to it; `complete` is false when one could not be written.
struct ScaffoldOutcome {
    std::string dir{};
    std::vector<FileOutcome> files{};
    bool complete = true;
};

// Writes the scaffold: existing files are kept (with `force` the files init owns are overwritten);
// CMakeLists.txt and README.md get their lines appended only when they lack them. A file that
// cannot be written is a "failed" entry, the others are still written. Errors: `dir` exists and
// is not a folder.
[[nodiscard]] foundation::Expected<ScaffoldOutcome> scaffoldRepo(const ScaffoldRequest& request);

} // namespace devos::init
