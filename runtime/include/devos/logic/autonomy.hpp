#pragma once
#include <devos/contracts/code_diff.hpp>
#include <devos/contracts/fix_proposal.hpp>
#include <devos/contracts/self_heal_config.hpp>
#include <devos/contracts/self_heal_outcome.hpp>
#include <devos/foundation/tier.hpp>
#include <span>
#include <string>

namespace devos::logic {

// What kind of fix a proposal is, for level 2 (research anchors: auto-merge only where the outcome
// data supports it). Novel: written by an agent. PlaybookReapply: the playbook re-applies a recorded
// fix. Mechanical: only whitespace changes (a formatter's fix).
enum class FixClass { Novel, PlaybookReapply, Mechanical };

// The class of a proposal: Mechanical when every diff changes whitespace only, PlaybookReapply when
// the playbook answered with a reference to a recorded fix, else Novel.
[[nodiscard]] FixClass classifyFix(contracts::AgentKind agent, std::span<const std::string> references,
                                   std::span<const contracts::CodeDiff> diffs);

// What the autonomy decision looks at, after the proof.
struct AutonomyInput {
    // .devos/devos.yml tier (seed §8: 0 not eligible, 1 up to level 1, 2 up to level 2)
    int tier = foundation::kDefaultTier;
    int confidence = 0; // the agent's, 0-100
    int riskScore = 0;
    bool gatesGreen = false;
    std::span<const contracts::CodeDiff> diffs;
    FixClass fixClass = FixClass::Novel;
    // For PlaybookReapply: the re-applied fix was merged and is neither reverted nor recurred.
    bool reappliedFixMerged = false;
};

// The seed §7 decision, capped by the tier (tier 0: level 0 only, tier 1: 0-1, tier 2: 0-2).
// Level 1 (auto-fix on branches.integration) when an integration branch is configured, only logic/
// and tests change, every gate is green and risk < 30. Level 2 (auto-merge request) when level 1
// holds, confidence > autoMergeThreshold.confidence, risk < autoMergeThreshold.riskScore, and the fix
// class is one the outcome data supports (a mechanical fix, or a playbook re-application of a merged,
// unreverted fix); a level-2 candidate that misses one of these is level 1 with the reason. Anything
// else is level 0 (a draft for human review) with the reason. Level 3 is refused. The decision's
// level is the one that applies, not the configured one.
[[nodiscard]] contracts::AutonomyDecision decideAutonomy(const contracts::SelfHealConfig& config,
                                                         const AutonomyInput& input);

// What level 1 does with a proposal: fast-forward `branch` (branches.integration) at publish.remote
// to it, or why it cannot (`whyNot`). Both empty when the decision is not level 1 (nothing to do).
struct IntegrationPush {
    std::string branch;
    std::string whyNot;
};

// The plan for `decision`: level 1 needs a pusher and publish.remote (`canPush`) and an integration
// branch that is not branches.default (DevOS never writes the default branch).
[[nodiscard]] IntegrationPush planIntegrationPush(const contracts::SelfHealConfig& config,
                                                  const contracts::AutonomyDecision& decision, bool canPush);

// The decision once level 1 could not act (`why`): level 0, human review, with why it fell back and
// the decision that was tried, for PR.md.
[[nodiscard]] contracts::AutonomyDecision fallBackToHumanReview(const contracts::AutonomyDecision& tried,
                                                                const std::string& why);

} // namespace devos::logic
