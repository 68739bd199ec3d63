#include "check/marker_verification.hpp"

#include <devos/engine/expectations.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>

namespace fs = std::filesystem;

namespace devos::check {
namespace {

// Every marker in the source files under the repo's first-party roots.
std::vector<engine::Expectation> collectExpectations(const std::string& root) {
    std::vector<engine::Expectation> all;
    for (const char* top : {"src", "include", "tests"}) {
        std::error_code ec;
        fs::path dir = fs::path(root) / top;
        if (!fs::is_directory(dir, ec))
            continue;
        for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator();
             ++it) {
            std::string ext = it->path().extension().string();
            if (!it->is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".h" && ext != ".cc"))
                continue;
            std::string rel = fs::relative(it->path(), root).generic_string();
            auto marks = engine::parseExpectations(
                rel, foundation::readTextFile(it->path().string()).value_or(std::string{}),
                {"expected", "linked"});
            all.insert(all.end(), marks.begin(), marks.end());
        }
    }
    return all;
}

} // namespace

std::vector<std::string> markerMismatches(const std::vector<engine::Finding>& findings,
                                          const std::string& root) {
    return engine::verifyFindings(findings, collectExpectations(root));
}

} // namespace devos::check
