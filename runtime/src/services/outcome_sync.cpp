#include "heal_config.hpp"

#include <devos/logic/fix_outcome.hpp>
#include <devos/services/outcome_sync.hpp>

namespace devos::services {
namespace {

using contracts::Expected;
using contracts::OutcomeState;

// One sync over one repository and one default-branch head.
class SyncRun {
public:
    SyncRun(ports::TelemetryStore& store, const ports::RepoHistory& history,
            const ports::HealWorkspace& workspace, IdGenerator& ids, std::string repoRoot,
            contracts::CommitSummary head)
        : store_(store), history_(history), workspace_(workspace), ids_(ids), repo_(std::move(repoRoot)),
          head_(std::move(head)) {}

    // The evidence for a fix committed as `sha` for `patternId`, not counting `ownFailure`.
    Expected<logic::OutcomeEvidence> evidence(const std::string& sha, const std::string& patternId,
                                              const std::string& ownFailure) {
        logic::OutcomeEvidence seen;
        if (sha.empty())
            return seen;
        auto fix = history_.commit(repo_, sha);
        if (!fix)
            return seen; // not in this clone (deleted branch, another clone): nothing to see
        auto reachable = contains(head_.sha, sha);
        if (!reachable)
            return std::unexpected(reachable.error());
        if (!*reachable)
            return seen;
        auto later = history_.commits(repo_, sha, head_.sha);
        if (!later)
            return std::unexpected(later.error());
        seen.mergedIn = logic::mergeCommitOf(*fix, *later);
        seen.revertedBy = logic::revertingCommit(*fix, *later);
        if (!seen.revertedBy && seen.mergedIn->sha != fix->sha) // `git revert -m 1 <merge>`
            seen.revertedBy = logic::revertingCommit(*seen.mergedIn, *later);
        auto back = recurrence(sha, patternId, ownFailure);
        if (!back)
            return std::unexpected(back.error());
        seen.recurredFailure = *back;
        return seen;
    }

    // True when `commit` is `sha` or descends from it.
    Expected<bool> contains(const std::string& commit, const std::string& sha) {
        if (commit == sha)
            return true;
        auto a = history_.isAncestor(repo_, sha, commit);
        if (!a && a.error().kind == contracts::ErrorKind::NotFound)
            return false;
        return a;
    }

    // The newest failure of `patternId` (not `ownFailure`) in a run whose commit contains `sha`.
    Expected<std::optional<std::string>> recurrence(const std::string& sha, const std::string& patternId,
                                                    const std::string& ownFailure) {
        contracts::FailureQuery q;
        q.patternId = patternId;
        q.limit = 1000;
        auto failures = store_.queryFailures(q);
        if (!failures)
            return std::unexpected(failures.error());
        for (const auto& f : *failures) {
            if (f.id == ownFailure)
                continue;
            auto run = store_.findRun(f.runId);
            if (!run)
                return std::unexpected(run.error());
            if (!*run || (*run)->commitSha.empty())
                continue;
            auto inRun = contains((*run)->commitSha, sha);
            if (!inRun)
                return std::unexpected(inRun.error());
            if (*inRun)
                return std::optional<std::string>(f.id);
        }
        return std::optional<std::string>{};
    }

    // Records `next` when it differs from `current`, with a selfheal.<state> event.
    Expected<void> record(OutcomeSyncReport& report, contracts::OutcomeSubject subject,
                          const contracts::Ulid& id, const std::string& patternId,
                          const contracts::FixOutcome& current, const contracts::FixOutcome& next) {
        if (next == current)
            return {};
        auto written = store_.recordOutcome(subject, id, next);
        if (!written)
            return std::unexpected(written.error());
        contracts::TelemetryEvent e;
        e.id = ids_.next();
        e.ts = ids_.now();
        e.source = contracts::EventSource::Agent;
        e.kind = next.state == OutcomeState::Merged ? contracts::EventKind::Info : contracts::EventKind::Warn;
        e.code = std::string("selfheal.") + contracts::outcomeStateName(next.state);
        const bool proposal = subject == contracts::OutcomeSubject::Proposal;
        e.message =
            std::string(proposal ? "proposal " : "fix ") + id + " " + contracts::outcomeStateName(next.state);
        e.tags = {{proposal ? "proposal_id" : "fix_id", id}, {"pattern_id", patternId}};
        (void)store_.recordEvents(std::span(&e, 1)); // best effort: the row is the record
        report.changes.push_back({subject, id, patternId, current.state, next});
        return {};
    }

    ports::TelemetryStore& store_;
    const ports::RepoHistory& history_;
    const ports::HealWorkspace& workspace_;
    IdGenerator& ids_;
    std::string repo_;
    contracts::CommitSummary head_;
};

} // namespace

Expected<OutcomeSyncReport> OutcomeSync::sync(const std::string& repoRoot) {
    auto settings = loadHealSettings(config_, repoRoot);
    if (!settings)
        return std::unexpected(settings.error());
    const std::string& branch = settings->config.branches.defaultBranch;
    auto head = history_.commit(repoRoot, "refs/heads/" + branch);
    if (!head)
        return contracts::fail(contracts::ErrorKind::Invalid,
                               "the default branch '" + branch + "' does not exist", settings->config.origin,
                               0, "set branches.default in " + settings->config.origin);
    OutcomeSyncReport report;
    report.defaultBranch = branch;
    report.head = head->sha;
    SyncRun run(store_, history_, workspace_, ids_, repoRoot, *head);
    ports::PullRequestHost* host = pullRequests_ ? pullRequests_(settings->config) : nullptr;

    contracts::FixQuery allFixes;
    allFixes.limit = 100000;
    auto fixes = store_.fixes(allFixes);
    if (!fixes)
        return std::unexpected(fixes.error());
    for (const auto& f : *fixes) {
        if (f.outcome.state == OutcomeState::Reverted)
            continue;
        ++report.fixesChecked;
        auto seen = run.evidence(f.fixingCommit, f.patternId, f.failureId);
        if (!seen)
            return std::unexpected(seen.error());
        const auto next = logic::nextOutcome(f.outcome, *seen, ids_.now());
        if (auto r = run.record(report, contracts::OutcomeSubject::Fix, f.id, f.patternId, f.outcome, next);
            !r)
            return std::unexpected(r.error());
    }

    contracts::AttemptQuery proposed;
    proposed.statuses = {"proposed"};
    proposed.limit = 100000;
    auto attempts = store_.attempts(proposed);
    if (!attempts)
        return std::unexpected(attempts.error());
    for (const auto& a : *attempts) {
        if (a.outcome.state == OutcomeState::Reverted)
            continue;
        ++report.proposalsChecked;
        auto seen = run.evidence(a.commitSha, a.patternId, a.triggerId);
        if (!seen)
            return std::unexpected(seen.error());
        if (!seen->mergedIn) // squash or rebase merge: the fix learned from its DevOS-Proposal trailer
            for (const auto& f : *fixes)
                if (f.source == contracts::FixSource::Proposal && f.proposalId == a.proposalId) {
                    auto viaFix = run.evidence(f.fixingCommit, a.patternId, a.triggerId);
                    if (!viaFix)
                        return std::unexpected(viaFix.error());
                    *seen = std::move(*viaFix);
                    break;
                }
        seen->closedUnmerged =
            !seen->mergedIn && !a.branch.empty() && !workspace_.branchExists(repoRoot, a.branch);
        if (!seen->mergedIn && !seen->closedUnmerged && host != nullptr && !a.branch.empty() &&
            a.outcome.state == OutcomeState::Open) {
            auto pr = host->find(a.branch);
            if (!pr)
                return std::unexpected(pr.error());
            seen->closedUnmerged = logic::closedUnmerged(*pr);
        }
        const auto next = logic::nextOutcome(a.outcome, *seen, ids_.now());
        if (auto r = run.record(report, contracts::OutcomeSubject::Proposal, a.proposalId, a.patternId,
                                a.outcome, next);
            !r)
            return std::unexpected(r.error());
    }
    return report;
}

} // namespace devos::services
