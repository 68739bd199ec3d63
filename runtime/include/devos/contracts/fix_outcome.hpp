#pragma once
#include <devos/contracts/ulid.hpp>
#include <string>

namespace devos::contracts {

// What became of a proposal or a recorded fix after it was written (issue 13 part 4). Open: nothing
// known yet. Merged: its commit is reachable from the default branch. Rejected: closed unmerged (the
// pull request, or the selfheal branch deleted without a merge). Reverted: a later default-branch
// commit reverts it. Recurred: its pattern failed again in a run that contains the merged fix.
enum class OutcomeState { Open, Merged, Rejected, Reverted, Recurred };

// "open", "merged", "rejected", "reverted", "recurred": the stored and printed name.
[[nodiscard]] const char* outcomeStateName(OutcomeState state);
// Inverse of outcomeStateName; false when unknown.
[[nodiscard]] bool parseOutcomeState(const std::string& name, OutcomeState& out);

// Whose outcome: a self-heal proposal (selfheal_proposals) or a recorded fix (selfheal_fixes).
enum class OutcomeSubject { Proposal, Fix };

// The outcome columns of a selfheal_proposals or selfheal_fixes row.
struct FixOutcome {
    OutcomeState state = OutcomeState::Open;
    EpochMillis mergedAt = 0;      // when the merge was seen (the merging commit's time); 0 unmerged
    std::string mergedCommit;      // the default-branch commit that first contains the fix
    std::string revertedBy;        // the reverting commit
    std::string recurredFailureId; // the failure that came back after the merge
    EpochMillis changedAt = 0;     // when the state last changed (0 while open)

    bool operator==(const FixOutcome&) const = default;
};

} // namespace devos::contracts
