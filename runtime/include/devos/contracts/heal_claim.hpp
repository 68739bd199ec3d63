#pragma once
#include <devos/contracts/ulid.hpp>
#include <string>

namespace devos::contracts {

// A daemon's request to heal one failure (issue 13 part 1). The claim is a selfheal_claims row: one
// per failure, so a failure is healed once across restarts and across daemons on one database.
struct ClaimRequest {
    Ulid failureId;
    std::string daemonId;
    EpochMillis now = 0;
    EpochMillis leaseMillis = 600'000; // a claim not renewed for this long is taken over (its daemon died)
    int maxInFlight = 5;               // concurrency.maxConcurrentProposals: live claims, all daemons
    int maxOpenProposals = 3;          // concurrency.maxConcurrentPRs: proposed attempts still open
};

// What a claim got. Claimed: this daemon heals it (a new claim, its own unfinished one, or a dead
// daemon's). Taken: another daemon's live claim. Done: healed already. AtCapacity: a cap is reached;
// nothing was written.
enum class ClaimResult { Claimed, Taken, Done, AtCapacity };

// "claimed", "taken", "done", "at_capacity".
[[nodiscard]] const char* claimResultName(ClaimResult result);

} // namespace devos::contracts
