#include <algorithm>
#include <cctype>
#include <devos/logic/fix_outcome.hpp>

namespace devos::logic {
namespace {

using contracts::OutcomeState;

std::string subjectOf(const std::string& message) {
    return message.substr(0, message.find('\n'));
}

// The shas named by `This reverts commit <sha>` lines of a message.
std::vector<std::string> revertedShas(const std::string& message) {
    static constexpr std::string_view kLine = "This reverts commit ";
    std::vector<std::string> shas;
    for (std::size_t at = message.find(kLine); at != std::string::npos;
         at = message.find(kLine, at + kLine.size())) {
        std::size_t end = at + kLine.size();
        while (end < message.size() && std::isxdigit(static_cast<unsigned char>(message[end])) != 0)
            ++end;
        shas.push_back(message.substr(at + kLine.size(), end - at - kLine.size()));
    }
    return shas;
}

} // namespace

bool closedUnmerged(const std::optional<contracts::PullRequestStatus>& pullRequest) {
    return pullRequest && !pullRequest->open && !pullRequest->merged;
}

contracts::FixOutcome nextOutcome(const contracts::FixOutcome& current, const OutcomeEvidence& seen,
                                  contracts::EpochMillis now) {
    contracts::FixOutcome next = current;
    const auto moveTo = [&](OutcomeState state) {
        if (next.state != state) {
            next.state = state;
            next.changedAt = now;
        }
    };
    if (next.state == OutcomeState::Reverted)
        return next;
    if ((next.state == OutcomeState::Open || next.state == OutcomeState::Rejected) && seen.mergedIn) {
        moveTo(OutcomeState::Merged);
        next.mergedAt = seen.mergedIn->time;
        next.mergedCommit = seen.mergedIn->sha;
    }
    if (next.state == OutcomeState::Open) {
        if (seen.closedUnmerged)
            moveTo(OutcomeState::Rejected);
        return next;
    }
    if (next.state == OutcomeState::Rejected)
        return next;
    if (seen.recurredFailure && next.state == OutcomeState::Merged) {
        moveTo(OutcomeState::Recurred);
        next.recurredFailureId = *seen.recurredFailure;
    }
    if (seen.revertedBy) {
        moveTo(OutcomeState::Reverted);
        next.revertedBy = *seen.revertedBy;
    }
    return next;
}

std::optional<std::string> revertingCommit(const CommitSummary& fixCommit,
                                           std::span<const CommitSummary> later) {
    const std::string revertSubject = "Revert \"" + subjectOf(fixCommit.message) + "\"";
    for (const auto& c : later) {
        if (c.sha == fixCommit.sha)
            continue;
        for (const auto& sha : revertedShas(c.message))
            if (sha.size() >= 7 && fixCommit.sha.starts_with(sha))
                return c.sha;
        if (!fixCommit.message.empty() && subjectOf(c.message) == revertSubject)
            return c.sha;
    }
    return std::nullopt;
}

bool isReusable(const contracts::RecordedFix& fix) {
    return fix.outcome.state != OutcomeState::Reverted && fix.outcome.state != OutcomeState::Rejected;
}

int outcomeRank(contracts::OutcomeState state) {
    switch (state) {
    case OutcomeState::Merged:
        return 0;
    case OutcomeState::Open:
        return 1;
    case OutcomeState::Recurred:
        return 2;
    case OutcomeState::Rejected:
    case OutcomeState::Reverted:
        return 3;
    }
    return 3;
}

std::optional<std::string> escalation(std::span<const contracts::SelfHealAttempt> attempts,
                                      std::span<const contracts::RecordedFix> fixes) {
    const auto after = [](const contracts::FixOutcome& o) {
        return o.state == OutcomeState::Recurred
                   ? "came back after it merged (failure " + o.recurredFailureId + ")"
                   : "was reverted by " + o.revertedBy.substr(0, 7) + " after it merged";
    };
    const auto escalates = [](const contracts::FixOutcome& o) {
        return (o.state == OutcomeState::Recurred || o.state == OutcomeState::Reverted) && o.mergedAt != 0;
    };
    for (const auto& a : attempts)
        if (escalates(a.outcome))
            return "self-heal proposal " + a.proposalId + " (" + a.commitSha.substr(0, 7) + ") " +
                   after(a.outcome) + ": the pattern needs a human, not another patch";
    for (const auto& f : fixes)
        if (f.source == contracts::FixSource::Proposal && escalates(f.outcome))
            return "the fix " + f.fixingCommit.substr(0, 7) + " of self-heal proposal " + f.proposalId + " " +
                   after(f.outcome) + ": the pattern needs a human, not another patch";
    return std::nullopt;
}

} // namespace devos::logic

namespace devos::logic {

CommitSummary mergeCommitOf(const CommitSummary& fix, std::span<const CommitSummary> later) {
    for (const auto& c : later)
        if (c.parents.size() >= 2 && std::ranges::find(c.parents, fix.sha) != c.parents.end())
            return c;
    return fix;
}

} // namespace devos::logic
