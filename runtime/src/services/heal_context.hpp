#pragma once
// The code around a failure, read from the worktree at the failing commit: what agents see and what
// validation needs to know about the failing test.
#include <devos/contracts/agent_request.hpp>
#include <devos/ports/heal_workspace.hpp>
#include <string>
#include <vector>

namespace devos::services {

// The failing test's source and what it covers, and the files an agent sees.
struct HealContext {
    std::string testSource;           // the file that declares the failing test; "" when not found
    std::vector<std::string> covered; // logic::coveredFiles of it
    std::vector<contracts::SourceFile> files;
};

// Finds the failing test's source among the tracked test sources (at most 2000 files of at most
// 256 KiB are read), and reads the files an agent needs: the test source, what it covers, the
// failure's files and every file the similar incidents' fixes changed that still exists.
[[nodiscard]] HealContext gatherContext(const ports::HealWorkspace& workspace, const std::string& worktree,
                                        const std::vector<std::string>& repoFiles,
                                        const std::string& testName, const contracts::FailureSignal& signal,
                                        const std::vector<contracts::SimilarIncident>& incidents);

} // namespace devos::services
