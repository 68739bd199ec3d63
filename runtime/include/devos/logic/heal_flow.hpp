#pragma once
#include <devos/contracts/self_heal_outcome.hpp>
#include <string_view>

namespace devos::logic {

// The steps of one heal, in order (seed §6.2 with issue 11's flake check and proof).
enum class HealStep { Detect, Flake, Slo, Retrieve, Propose, Validate, Prove, Branch, Bundle, Done };

// How a step ended.
enum class StepVerdict {
    Passed,
    Disabled,      // detect: the kill switch is off
    Paused,        // detect: the pattern is in pausedPatterns
    Busy,          // detect: the concurrency caps are reached
    Flaky,         // flake: it passed at least once on the unpatched code
    NotReproduced, // flake or prove: it never failed, or the build did not configure or compile
    SloExceeded,   // slo
    Escalated,     // slo: a merged self-heal fix of the pattern recurred or was reverted
    NoFix,         // retrieve or propose: no agent produced a proposal
    Rejected,      // validate: a rule was broken
    TooRisky,      // validate: risk above limits.maxRiskScore
    ProofFailed,   // prove: still failing after the patch, a unit test or the gate failed, or a timeout
};

// Where the loop goes after `step` ended with `verdict`: the next step, or Done with the stop reason
// (StopReason::None when the last step passed).
struct Transition {
    HealStep next = HealStep::Done;
    contracts::StopReason stop = contracts::StopReason::None;
};
[[nodiscard]] Transition afterStep(HealStep step, StepVerdict verdict);

// The step's name as printed ("detect", "flake", "slo", "retrieve", "propose", "validate", "prove",
// "branch", "proposal").
[[nodiscard]] std::string_view stepName(HealStep step);

// The telemetry event code for a step's end ("selfheal.started" after detect, "selfheal.flaky",
// "selfheal.slo_exceeded", "selfheal.validation_passed", "selfheal.validation_failed",
// "selfheal.proof_failed", "selfheal.proposed" ...); "" when the transition records no event.
[[nodiscard]] std::string_view eventCode(HealStep step, StepVerdict verdict);

// True when an attempt that stopped for `reason` writes a selfheal_proposals row: everything past
// the kill switch, pause and concurrency checks.
[[nodiscard]] bool recordsAttempt(contracts::StopReason reason);

} // namespace devos::logic
