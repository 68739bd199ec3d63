#pragma once
#include <devos/contracts/fix_outcome.hpp>
#include <devos/contracts/ulid.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::contracts {

// One self-heal attempt (selfheal_proposals row): written when it starts, updated when it ends.
struct SelfHealAttempt {
    Ulid proposalId;
    EpochMillis ts = 0; // when the attempt started
    std::string patternId;
    Ulid triggerId;     // the failure being healed
    std::string status; // "started", "proposed", or the stop reason ("flaky", "validation_failed" ...)
    std::string description;
    int riskScore = 0;
    int confidence = 0;
    std::string agent;     // "playbook", "chat" or empty
    std::string branch;    // selfheal/<id> when proposed
    std::string commitSha; // the proposal's commit
    std::string bundle;    // the proposal folder
    std::string reason;    // why it stopped, with the rule when one was broken
    EpochMillis updatedAt = 0;
    FixOutcome outcome; // written by recordOutcome only; saveAttempt leaves it as it is

    bool operator==(const SelfHealAttempt&) const = default;
};

// Which attempts to count or list, newest first; unset fields do not filter.
struct AttemptQuery {
    std::optional<std::string> patternId;
    std::optional<Ulid> triggerId;
    std::optional<EpochMillis> since;  // ts >= since
    std::vector<std::string> statuses; // empty: any status
    int limit = 100;
};

} // namespace devos::contracts
