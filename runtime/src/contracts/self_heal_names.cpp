// The stable names of the self-heal enums: stored in selfheal_proposals and selfheal_fixes,
// printed by `devos heal`, and sent in JSON.
#include <devos/contracts/fix_outcome.hpp>
#include <devos/contracts/fix_proposal.hpp>
#include <devos/contracts/heal_claim.hpp>
#include <devos/contracts/recorded_fix.hpp>
#include <devos/contracts/self_heal_outcome.hpp>

namespace devos::contracts {

const char* agentKindName(AgentKind kind) {
    return kind == AgentKind::Chat ? "chat" : "playbook";
}

const char* fixSourceName(FixSource source) {
    return source == FixSource::Proposal ? "proposal" : "history";
}

bool parseFixSource(const std::string& name, FixSource& out) {
    if (name != "history" && name != "proposal")
        return false;
    out = name == "proposal" ? FixSource::Proposal : FixSource::History;
    return true;
}

const char* outcomeStateName(OutcomeState state) {
    switch (state) {
    case OutcomeState::Open:
        return "open";
    case OutcomeState::Merged:
        return "merged";
    case OutcomeState::Rejected:
        return "rejected";
    case OutcomeState::Reverted:
        return "reverted";
    case OutcomeState::Recurred:
        return "recurred";
    }
    return "open";
}

bool parseOutcomeState(const std::string& name, OutcomeState& out) {
    for (auto s : {OutcomeState::Open, OutcomeState::Merged, OutcomeState::Rejected, OutcomeState::Reverted,
                   OutcomeState::Recurred})
        if (name == outcomeStateName(s)) {
            out = s;
            return true;
        }
    return false;
}

const char* claimResultName(ClaimResult result) {
    switch (result) {
    case ClaimResult::Claimed:
        return "claimed";
    case ClaimResult::Taken:
        return "taken";
    case ClaimResult::Done:
        return "done";
    case ClaimResult::AtCapacity:
        return "at_capacity";
    }
    return "";
}

const char* stopReasonName(StopReason reason) {
    switch (reason) {
    case StopReason::None:
        return "";
    case StopReason::Disabled:
        return "disabled";
    case StopReason::Paused:
        return "paused";
    case StopReason::SloExceeded:
        return "slo_exceeded";
    case StopReason::Flaky:
        return "flaky";
    case StopReason::NotReproduced:
        return "not_reproduced";
    case StopReason::NoFixFound:
        return "no_fix_found";
    case StopReason::ValidationFailed:
        return "validation_failed";
    case StopReason::ProofFailed:
        return "proof_failed";
    case StopReason::RiskTooHigh:
        return "risk_too_high";
    case StopReason::Concurrency:
        return "concurrency";
    case StopReason::Escalated:
        return "escalated";
    }
    return "";
}

const char* stepStatusName(StepStatus status) {
    switch (status) {
    case StepStatus::Ok:
        return "ok";
    case StepStatus::Failed:
        return "failed";
    case StepStatus::Skipped:
        return "skipped";
    }
    return "ok";
}

} // namespace devos::contracts
