#include <devos/logic/heal_flow.hpp>

namespace devos::logic {

using contracts::StopReason;

namespace {

StopReason stopFor(StepVerdict verdict) {
    switch (verdict) {
    case StepVerdict::Passed:
        return StopReason::None;
    case StepVerdict::Disabled:
        return StopReason::Disabled;
    case StepVerdict::Paused:
        return StopReason::Paused;
    case StepVerdict::Busy:
        return StopReason::Concurrency;
    case StepVerdict::Flaky:
        return StopReason::Flaky;
    case StepVerdict::NotReproduced:
        return StopReason::NotReproduced;
    case StepVerdict::SloExceeded:
        return StopReason::SloExceeded;
    case StepVerdict::Escalated:
        return StopReason::Escalated;
    case StepVerdict::NoFix:
        return StopReason::NoFixFound;
    case StepVerdict::Rejected:
        return StopReason::ValidationFailed;
    case StepVerdict::TooRisky:
        return StopReason::RiskTooHigh;
    case StepVerdict::ProofFailed:
        return StopReason::ProofFailed;
    }
    return StopReason::None;
}

} // namespace

Transition afterStep(HealStep step, StepVerdict verdict) {
    if (verdict != StepVerdict::Passed)
        return {HealStep::Done, stopFor(verdict)};
    switch (step) {
    case HealStep::Detect:
        return {HealStep::Flake, StopReason::None};
    case HealStep::Flake:
        return {HealStep::Slo, StopReason::None};
    case HealStep::Slo:
        return {HealStep::Retrieve, StopReason::None};
    case HealStep::Retrieve:
        return {HealStep::Propose, StopReason::None};
    case HealStep::Propose:
        return {HealStep::Validate, StopReason::None};
    case HealStep::Validate:
        return {HealStep::Prove, StopReason::None};
    case HealStep::Prove:
        return {HealStep::Branch, StopReason::None};
    case HealStep::Branch:
        return {HealStep::Bundle, StopReason::None};
    case HealStep::Bundle:
    case HealStep::Done:
        return {HealStep::Done, StopReason::None};
    }
    return {HealStep::Done, StopReason::None};
}

std::string_view stepName(HealStep step) {
    switch (step) {
    case HealStep::Detect:
        return "detect";
    case HealStep::Flake:
        return "flake";
    case HealStep::Slo:
        return "slo";
    case HealStep::Retrieve:
        return "retrieve";
    case HealStep::Propose:
        return "propose";
    case HealStep::Validate:
        return "validate";
    case HealStep::Prove:
        return "prove";
    case HealStep::Branch:
        return "branch";
    case HealStep::Bundle:
        return "proposal";
    case HealStep::Done:
        return "done";
    }
    return "done";
}

std::string_view eventCode(HealStep step, StepVerdict verdict) {
    if (verdict == StepVerdict::Disabled || verdict == StepVerdict::Paused || verdict == StepVerdict::Busy)
        return "";
    switch (verdict) {
    case StepVerdict::Flaky:
        return "selfheal.flaky";
    case StepVerdict::NotReproduced:
        return "selfheal.not_reproduced";
    case StepVerdict::SloExceeded:
        return "selfheal.slo_exceeded";
    case StepVerdict::Escalated:
        return "selfheal.escalated";
    case StepVerdict::NoFix:
        return "selfheal.no_fix_found";
    case StepVerdict::Rejected:
        return "selfheal.validation_failed";
    case StepVerdict::TooRisky:
        return "selfheal.risk_too_high";
    case StepVerdict::ProofFailed:
        return "selfheal.proof_failed";
    default:
        break;
    }
    switch (step) {
    case HealStep::Detect:
        return "selfheal.started";
    case HealStep::Validate:
        return "selfheal.validation_passed";
    case HealStep::Prove:
        return "selfheal.proof_passed";
    case HealStep::Bundle:
        return "selfheal.proposed";
    default:
        return "";
    }
}

bool recordsAttempt(StopReason reason) {
    return reason != StopReason::Disabled && reason != StopReason::Paused &&
           reason != StopReason::Concurrency;
}

} // namespace devos::logic
