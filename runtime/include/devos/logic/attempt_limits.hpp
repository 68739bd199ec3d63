#pragma once
#include <devos/contracts/self_heal_config.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::logic {

// The selfheal_proposals statuses that count as attempts against the SLO: every attempt on a
// deterministic failure that reached the agent (flaky, not reproduced, disabled, paused and
// concurrency stops do not count).
[[nodiscard]] std::vector<std::string> sloCountedStatuses();

// The SLO check (seed §6.1): `pastAttempts` in the window for this pattern.
struct SloDecision {
    bool allowed = true;
    int attempt = 1;     // this attempt's number when allowed
    std::string summary; // "attempt 1 of 3 for this pattern in 1 day" / "3 attempts in 1 day: escalate"
};
[[nodiscard]] SloDecision checkSlo(long long pastAttempts, const contracts::SelfHealConfig& config);

// The earliest attempt time that counts at `now`.
[[nodiscard]] contracts::EpochMillis sloWindowStart(contracts::EpochMillis now,
                                                    const contracts::SelfHealConfig& config);

// How long an attempt may stay "started" before it no longer counts as in flight (a crashed one).
inline constexpr contracts::EpochMillis kInFlightMillis = 2 * 3'600'000;

// The concurrency caps: attempts in flight and open proposals (a proposed attempt whose branch
// still exists); the reason to stop, or nullopt.
[[nodiscard]] std::optional<std::string> checkConcurrency(long long inFlight, long long openProposals,
                                                          const contracts::SelfHealConfig& config);

} // namespace devos::logic
