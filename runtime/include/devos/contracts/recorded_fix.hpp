#pragma once
#include <devos/contracts/fix_outcome.hpp>
#include <devos/contracts/ulid.hpp>
#include <optional>
#include <string>

namespace devos::contracts {

// Where a fix came from: learned from history (a test failed at an ancestor commit and passes
// now), or a self-heal proposal that was accepted.
enum class FixSource { History, Proposal };

// "history" or "proposal".
[[nodiscard]] const char* fixSourceName(FixSource source);
// Inverse of fixSourceName; false when unknown.
[[nodiscard]] bool parseFixSource(const std::string& name, FixSource& out);

// A fix in the fix memory (selfheal_fixes row): the failure it fixed and the change that fixed it,
// as a unified diff restricted to first-party sources.
struct RecordedFix {
    Ulid id;
    EpochMillis ts = 0;
    FixSource source = FixSource::History;
    std::string patternId; // the fixed failure's pattern id
    Ulid failureId;        // the fixed failure (one fix per failure)
    std::string suite;
    std::string testName;
    Ulid failingRunId;
    Ulid fixingRunId; // empty for an accepted proposal
    std::string failingCommit;
    std::string fixingCommit;
    std::string diff;           // unified diff (git format), first-party sources only
    bool diffTruncated = false; // the diff was cut at the size cap (the playbook does not reuse it)
    Ulid proposalId;            // the accepted proposal, for FixSource::Proposal
    FixOutcome outcome;         // merged, reverted, recurred ... (devos heal sync)

    bool operator==(const RecordedFix&) const = default;
};

// Which fixes to list, newest first; unset fields do not filter.
struct FixQuery {
    std::optional<std::string> patternId;
    std::optional<Ulid> failureId;
    int limit = 100;
};

} // namespace devos::contracts
