#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/recorded_fix.hpp>
#include <devos/contracts/test_case.hpp>
#include <devos/contracts/test_run.hpp>
#include <devos/ports/repo_history.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/services/id_generator.hpp>
#include <span>
#include <string>
#include <vector>

namespace devos::services {

// The largest diff kept with a fix; a larger one is cut at a file boundary and marked truncated.
inline constexpr std::size_t kMaxFixDiffBytes = 64 * 1024;

// Learns fixes from history (issue 11 part 2): when a test passes in a run whose commit descends
// from the commit of an earlier stored failure of that test, the change between the two commits,
// restricted to first-party sources, is recorded as that failure's fix (logic::failureFixedByPass
// picks which failure; one fix per failure). When a commit in between carries a `DevOS-Proposal:`
// trailer, the fix is an accepted self-heal proposal (FixSource::Proposal with its id).
class FixLearner {
public:
    FixLearner(ports::TelemetryStore& store, const ports::RepoHistory& history, IdGenerator& ids,
               std::string repoPath)
        : store_(store), history_(history), ids_(ids), repoPath_(std::move(repoPath)) {}

    // The fixes recorded for the tests that passed in `run` (stored already); none when the run has
    // no commit. Unknown commits (another clone's history) are skipped, not errors.
    [[nodiscard]] contracts::Expected<std::vector<contracts::RecordedFix>>
    learn(const contracts::TestRun& run, std::span<const contracts::TestCaseName> passed);

private:
    ports::TelemetryStore& store_;
    const ports::RepoHistory& history_;
    IdGenerator& ids_;
    std::string repoPath_;
};

} // namespace devos::services
