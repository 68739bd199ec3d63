#include <algorithm>
#include <devos/logic/fix_learning.hpp>
#include <devos/services/fix_learner.hpp>
#include <map>
#include <set>

namespace devos::services {

using contracts::Expected;

Expected<std::vector<contracts::RecordedFix>>
FixLearner::learn(const contracts::TestRun& run, std::span<const contracts::TestCaseName> passed) {
    std::vector<contracts::RecordedFix> learned;
    if (run.commitSha.empty() || passed.empty())
        return learned;
    const std::set<contracts::TestCaseName> passedSet(passed.begin(), passed.end());
    contracts::FailureQuery recent;
    recent.limit = 1000;
    auto failures = store_.queryFailures(recent);
    if (!failures)
        return std::unexpected(failures.error());
    std::map<contracts::TestCaseName, std::vector<logic::EarlierFailure>> byTest;
    std::map<std::string, std::string> commitOfRun;
    std::map<std::string, bool> ancestry;
    for (auto& f : *failures) {
        const contracts::TestCaseName test{f.suite, f.testName};
        if (!passedSet.contains(test) || f.runId == run.runId)
            continue;
        if (!commitOfRun.contains(f.runId)) {
            auto failedRun = store_.findRun(f.runId);
            if (!failedRun)
                return std::unexpected(failedRun.error());
            commitOfRun[f.runId] = *failedRun ? (*failedRun)->commitSha : std::string{};
        }
        const std::string& commit = commitOfRun[f.runId];
        if (!commit.empty() && commit != run.commitSha && !ancestry.contains(commit)) {
            auto isAncestor = history_.isAncestor(repoPath_, commit, run.commitSha);
            if (!isAncestor && isAncestor.error().kind != contracts::ErrorKind::NotFound)
                return std::unexpected(isAncestor.error());
            ancestry[commit] = isAncestor.value_or(false);
        }
        contracts::FixQuery fixed;
        fixed.failureId = f.id;
        fixed.limit = 1;
        auto existing = store_.fixes(fixed);
        if (!existing)
            return std::unexpected(existing.error());
        const bool ancestor = ancestry.contains(commit) && ancestry[commit];
        byTest[test].push_back({std::move(f), commit, ancestor, !existing->empty()});
    }
    for (const auto& [test, candidates] : byTest) {
        const auto chosen = logic::failureFixedByPass(candidates);
        if (!chosen)
            continue;
        const auto& failure = candidates[*chosen];
        auto patches = history_.diff(repoPath_, failure.commitSha, run.commitSha);
        if (!patches)
            return std::unexpected(patches.error());
        const auto diff = logic::firstPartyDiff(*patches, kMaxFixDiffBytes);
        if (diff.diff.empty())
            continue; // nothing first-party changed: there is nothing a playbook could re-apply
        auto commits = history_.commits(repoPath_, failure.commitSha, run.commitSha);
        if (!commits)
            return std::unexpected(commits.error());
        std::vector<std::string> messages;
        for (auto& c : *commits)
            messages.push_back(std::move(c.message));
        const auto proposal = logic::acceptedProposal(messages);
        contracts::RecordedFix fix;
        fix.id = ids_.next();
        fix.ts = ids_.now();
        fix.source = proposal ? contracts::FixSource::Proposal : contracts::FixSource::History;
        fix.proposalId = proposal.value_or("");
        fix.patternId = failure.failure.patternId;
        fix.failureId = failure.failure.id;
        fix.suite = test.suite;
        fix.testName = test.testName;
        fix.failingRunId = failure.failure.runId;
        fix.fixingRunId = run.runId;
        fix.failingCommit = failure.commitSha;
        fix.fixingCommit = run.commitSha;
        fix.diff = diff.diff;
        fix.diffTruncated = diff.truncated;
        auto recorded = store_.recordFix(fix);
        if (!recorded)
            return std::unexpected(recorded.error());
        if (*recorded)
            learned.push_back(std::move(fix));
    }
    return learned;
}

} // namespace devos::services
