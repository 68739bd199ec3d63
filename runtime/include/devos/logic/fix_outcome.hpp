#pragma once
#include <devos/contracts/fix_outcome.hpp>
#include <devos/contracts/pull_request.hpp>
#include <devos/contracts/recorded_fix.hpp>
#include <devos/contracts/repo_facts.hpp>
#include <devos/contracts/selfheal_attempt.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace devos::logic {

using contracts::CommitSummary;

// What `devos heal sync` saw for one proposal or fix (issue 13 part 4); each field unset when not seen.
struct OutcomeEvidence {
    std::optional<CommitSummary> mergedIn; // the default-branch commit that first contains it
    bool closedUnmerged = false;           // its pull request was closed, or its branch deleted, unmerged
    std::optional<std::string> revertedBy; // a later default-branch commit that reverts it
    std::optional<std::string> recurredFailure; // a failure of its pattern in a run that contains it
};

// True when the host says the proposal's pull request was closed without being merged (a person
// rejected it); false for an open or merged one, or none.
[[nodiscard]] bool closedUnmerged(const std::optional<contracts::PullRequestStatus>& pullRequest);

// The outcome after `seen`, from `current`, at `now`. The order only moves forward: open → merged or
// rejected; merged → recurred or reverted; recurred → reverted; reverted stays. A rejected proposal
// that is merged after all becomes merged. changedAt is `now` when the state changed.
[[nodiscard]] contracts::FixOutcome nextOutcome(const contracts::FixOutcome& current,
                                                const OutcomeEvidence& seen, contracts::EpochMillis now);

// The sha of the first commit in `later` that reverts `fixCommit`: its message says `This reverts
// commit <sha>` (git revert's line; a 7-or-more character prefix of the fix's sha counts), or its
// subject is `Revert "<the fix commit's subject>"`. nullopt when none does.
[[nodiscard]] std::optional<std::string> revertingCommit(const CommitSummary& fixCommit,
                                                         std::span<const CommitSummary> later);

// True when a recorded fix may be re-applied: never a reverted fix (nor a rejected one).
[[nodiscard]] bool isReusable(const contracts::RecordedFix& fix);

// Retrieval order by outcome, lower first: merged 0, open 1, recurred 2 (its pattern came back),
// rejected and reverted 3 (never re-applied, see isReusable).
[[nodiscard]] int outcomeRank(contracts::OutcomeState state);

// Why a pattern goes to a human instead of another self-heal attempt: one of its self-heal proposals
// (an attempt, or a fix learned from an accepted proposal) was merged and then recurred or was
// reverted. nullopt when none was.
[[nodiscard]] std::optional<std::string> escalation(std::span<const contracts::SelfHealAttempt> attempts,
                                                    std::span<const contracts::RecordedFix> fixes);

} // namespace devos::logic

namespace devos::logic {

// The default-branch commit that brought `fix` in, from the commits after it up to the branch head
// (oldest first): the first merge commit (two or more parents) with `fix` as a parent, else `fix`
// itself (a fast-forward or a rebase onto the branch).
[[nodiscard]] CommitSummary mergeCommitOf(const CommitSummary& fix, std::span<const CommitSummary> later);

} // namespace devos::logic
