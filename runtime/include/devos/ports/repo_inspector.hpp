#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/run_metadata.hpp>
#include <string>

namespace devos::ports {

// Reads the state of a git repository.
class RepoInspector {
public:
    virtual ~RepoInspector() = default;
    // HEAD's commit and branch of the repository that contains `path` (NotFound outside a repo).
    [[nodiscard]] virtual contracts::Expected<contracts::RepoHead> head(const std::string& path) const = 0;
};

} // namespace devos::ports
