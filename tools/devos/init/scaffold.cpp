#include "init/scaffold.hpp"

#include "init/grafana_files.hpp"
#include "init/init_templates.hpp"

#include <cctype>
#include <devos/foundation/files.hpp>
#include <filesystem>

namespace fs = std::filesystem;

namespace devos::init {
namespace {

// Replaces `path` with `text` (foundation::writeFileAtomically): "" when written, else why not.
std::string writeText(const fs::path& path, const std::string& text) {
    auto written =
        foundation::writeFileAtomically(path.string(), text, {.folders = foundation::MissingFolders::Create});
    return written ? std::string{} : written.error().message;
}

// A CMake project name from the folder name: letters, digits and '_'.
std::string projectName(const fs::path& dir) {
    std::string name = fs::weakly_canonical(dir).filename().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return name.empty() || std::isdigit(static_cast<unsigned char>(name[0])) ? "app" + name : name;
}

FileOutcome apply(const fs::path& dir, const ScaffoldFile& file, bool force) {
    fs::path path = dir / file.path;
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (exists && !file.appendText.empty()) {
        std::string text = foundation::readTextFile(path.string()).value_or(std::string{});
        if (text.find(file.marker) != std::string::npos)
            return {file.path, "skipped", "already has " + file.marker};
        std::string separator = text.empty() || text.ends_with('\n') ? "" : "\n";
        if (auto failed = writeText(path, text + separator + file.appendText); !failed.empty())
            return {file.path, "failed", failed};
        return {file.path, "appended", file.marker};
    }
    if (exists && !force)
        return {file.path, "skipped", "exists; --force overwrites it"};
    if (auto failed = writeText(path, file.text); !failed.empty())
        return {file.path, "failed", failed};
    return {file.path, exists ? "overwritten" : "created", ""};
}

} // namespace

foundation::Expected<ScaffoldOutcome> scaffoldRepo(const ScaffoldRequest& request) {
    const fs::path dir(request.dir);
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        return foundation::fail(foundation::ErrorKind::Invalid, "not a directory", request.dir);
    ScaffoldOutcome outcome{.dir = request.dir, .files = {}, .complete = true};
    const auto files = request.dashboards ? grafanaFiles() : scaffoldFiles(request.tier, projectName(dir));
    for (const auto& file : files) {
        outcome.files.push_back(apply(dir, file, request.force));
        outcome.complete = outcome.complete && outcome.files.back().action != "failed";
    }
    return outcome;
}

} // namespace devos::init
