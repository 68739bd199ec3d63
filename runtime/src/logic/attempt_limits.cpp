#include <devos/logic/attempt_limits.hpp>

namespace devos::logic {

std::vector<std::string> sloCountedStatuses() {
    return {"proposed",          "pr_opened",    "merged",       "no_fix_found",
            "validation_failed", "proof_failed", "risk_too_high"};
}

SloDecision checkSlo(long long pastAttempts, const contracts::SelfHealConfig& config) {
    const int max = config.slo.maxAttemptsPerPattern;
    if (pastAttempts >= max)
        return {false, static_cast<int>(pastAttempts),
                std::to_string(pastAttempts) + " attempts for this pattern in " + config.slo.timeWindow +
                    " (slo.maxAttemptsPerPattern " + std::to_string(max) +
                    "): escalate to a human; the pattern needs an architectural fix, not another patch"};
    const int attempt = static_cast<int>(pastAttempts) + 1;
    return {true, attempt,
            "attempt " + std::to_string(attempt) + " of " + std::to_string(max) + " for this pattern in " +
                config.slo.timeWindow};
}

contracts::EpochMillis sloWindowStart(contracts::EpochMillis now, const contracts::SelfHealConfig& config) {
    return now - config.slo.timeWindowMillis;
}

std::optional<std::string> checkConcurrency(long long inFlight, long long openProposals,
                                            const contracts::SelfHealConfig& config) {
    if (inFlight >= config.concurrency.maxConcurrentProposals)
        return std::to_string(inFlight) + " attempts are in flight (concurrency.maxConcurrentProposals " +
               std::to_string(config.concurrency.maxConcurrentProposals) + ")";
    if (openProposals >= config.concurrency.maxConcurrentPRs)
        return std::to_string(openProposals) +
               " proposals are open, each on its selfheal/ branch "
               "(concurrency.maxConcurrentPRs " +
               std::to_string(config.concurrency.maxConcurrentPRs) + "); review or delete them first";
    return std::nullopt;
}

} // namespace devos::logic
