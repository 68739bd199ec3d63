#pragma once
#include <devos/contracts/failure_signal.hpp>
#include <devos/contracts/fix_proposal.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::contracts {

// Why a heal stopped without a proposal (issue 11's list); None when it proposed.
enum class StopReason {
    None,
    Disabled,
    Paused,
    SloExceeded,
    Flaky,
    NotReproduced,
    NoFixFound,
    ValidationFailed,
    ProofFailed,
    RiskTooHigh,
    Concurrency,
    Escalated, // the pattern came back after a merged self-heal fix: a human looks at it
};

// "disabled", "slo_exceeded" ... ("" for None): the status stored and printed.
[[nodiscard]] const char* stopReasonName(StopReason reason);

// How one step of the loop ended.
enum class StepStatus { Ok, Failed, Skipped };

// "ok", "failed", "skipped".
[[nodiscard]] const char* stepStatusName(StepStatus status);

// One step of the loop as the user sees it: `detect FAIL Ledger.RoundsHalfUp (pattern 3f9a…)`.
struct HealStep {
    std::string name; // detect, flake, slo, retrieve, propose, validate, prove, branch, proposal
    StepStatus status = StepStatus::Ok;
    long long millis = 0;
    std::string summary;
    long long offsetNanos = 0; // when it started, after the attempt's start (its proposal id's time)
    long long nanos = 0;       // how long it took (0: only `millis` is known)
};

// A rule a proposal broke, with where and what to do.
struct Rejection {
    std::string rule;  // e.g. "path.outside-repo", "dependency.find-package", "logic.untested"
    std::string path;  // the file concerned; may be empty
    unsigned line = 0; // 1-based line in the proposed file, 0 when not about a line
    std::string message;
    std::string hint;

    bool operator==(const Rejection&) const = default;
};

// One term of the risk score, shown in PR.md.
struct RiskTerm {
    std::string name; // "changed lines", "files", "layers", "tests changed", "agent", "past outcome"
    int points = 0;
    std::string why;
};

// The risk score (0-100) with its terms and band ("low" < 30 <= "medium" < 60 <= "high").
struct RiskAssessment {
    int score = 0;
    std::string band = "low";
    std::vector<RiskTerm> terms;
};

// What may happen to a proposal at the configured autonomy level (seed §7). DevOS itself only
// writes the selfheal/<id> branch; the action is the recommendation recorded with the proposal.
struct AutonomyDecision {
    int level = 0;
    std::string action = "human_review"; // "human_review", "auto_fix_dev", "auto_merge"
    std::string reason;
};

// What the proof ran and saw.
struct ProofReport {
    bool failedBefore = false;
    bool passedAfter = false;
    int unitTestsPassed = 0;
    int unitTestsTotal = 0;
    bool unitTestsOk = false;
    std::string gate; // "check-fast" or "build + unit tests"
    bool gateOk = false;
    std::string gateSarif; // the gate's SARIF log when it wrote one
    std::string failure;   // the first command that failed, with its output's tail
};

// The result of one `devos heal`: a proposal on selfheal/<id>, or a stop with its reason and evidence.
struct SelfHealOutcome {
    bool proposed = false;
    StopReason reason = StopReason::None;
    std::string evidence; // what was seen, naming the file and the rule when there is one
    std::string hint;     // what to do
    std::vector<Rejection> rejections;
    FailureSignal signal;
    std::string testName;
    std::optional<FixProposal> proposal;
    RiskAssessment risk;
    AutonomyDecision autonomy;
    ProofReport proof;
    std::vector<std::string> labels; // "self-heal", "risk-low" ...
    std::string branch;              // selfheal/<proposal id>
    std::string commitSha;
    std::string bundleDir; // .devos/selfheal/<proposal id>, repo-relative
    std::string worktree;  // kept worktree (--keep), else empty
    std::vector<HealStep> steps;
};

} // namespace devos::contracts
