#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/fix_outcome.hpp>
#include <devos/ports/config_file_reader.hpp>
#include <devos/ports/heal_workspace.hpp>
#include <devos/ports/proposal_host.hpp>
#include <devos/ports/repo_history.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/services/id_generator.hpp>
#include <functional>
#include <string>
#include <vector>

namespace devos::services {

// One outcome that changed in a sync.
struct OutcomeChange {
    contracts::OutcomeSubject subject = contracts::OutcomeSubject::Proposal;
    contracts::Ulid id;
    std::string patternId;
    contracts::OutcomeState from = contracts::OutcomeState::Open;
    contracts::FixOutcome to;
};

// What `devos heal sync` did.
struct OutcomeSyncReport {
    std::string defaultBranch;
    std::string head; // the default branch's commit the sync compared with
    int proposalsChecked = 0;
    int fixesChecked = 0;
    std::vector<OutcomeChange> changes;
};

// Detects what became of self-heal proposals and recorded fixes (issue 13 part 4) from the
// repository and the store, and records it per proposal and per fix: merged (the commit reachable
// from branches.default, or a fix learned from the proposal's DevOS-Proposal trailer), rejected (its
// selfheal branch deleted unmerged, or its pull request closed unmerged on the host), reverted (a later
// default-branch commit reverts it: git revert's line or subject), recurred (its pattern failed in a run that
// contains it). The rules are logic::nextOutcome's; each change also writes a selfheal.<state> event. Reads
// git, never writes it.
class OutcomeSync {
public:
    OutcomeSync(ports::TelemetryStore& store, const ports::RepoHistory& history,
                const ports::HealWorkspace& workspace, const ports::ConfigFileReader& config,
                IdGenerator& ids,
                std::function<ports::PullRequestHost*(const contracts::SelfHealConfig&)> pullRequests = {})
        : store_(store), history_(history), workspace_(workspace), config_(config), ids_(ids),
          pullRequests_(std::move(pullRequests)) {}

    // Checks every proposed attempt and every recorded fix not yet reverted; an open proposal whose
    // branch still exists is looked up on the pull request host when there is one (publish.repository).
    // Invalid when the config is malformed or the default branch does not exist; the host's error
    // (a missing or refused token named, an unreachable API) when the lookup fails.
    [[nodiscard]] contracts::Expected<OutcomeSyncReport> sync(const std::string& repoRoot);

private:
    ports::TelemetryStore& store_;
    const ports::RepoHistory& history_;
    const ports::HealWorkspace& workspace_;
    const ports::ConfigFileReader& config_;
    IdGenerator& ids_;
    std::function<ports::PullRequestHost*(const contracts::SelfHealConfig&)> pullRequests_;
};

} // namespace devos::services
