#pragma once
#include <devos/contracts/code_diff.hpp>
#include <devos/contracts/self_heal_config.hpp>
#include <devos/contracts/self_heal_outcome.hpp>
#include <span>

namespace devos::logic {

// What the autonomy decision looks at, after the proof.
struct AutonomyInput {
    int tier = 1;       // .devos/devos.yml tier (seed §8: 0 not eligible, 1 up to level 1, 2 up to level 2)
    int confidence = 0; // the agent's, 0-100
    int riskScore = 0;
    bool gatesGreen = false;
    std::span<const contracts::CodeDiff> diffs;
};

// The seed §7 decision. Level 0: human review. Level 1: auto-fix on dev/beta when only logic/ and
// tests change, every gate is green and risk < 30. Level 2: auto-merge when, in addition,
// confidence >= autonomy.autoMergeThreshold.confidence and risk <= autoMergeThreshold.riskScore
// (else the level 1 decision). Level 3 is refused with its reason (human review). The tier caps the
// level. DevOS itself never writes anything but the selfheal/<id> branch: the action is recorded.
[[nodiscard]] contracts::AutonomyDecision decideAutonomy(const contracts::SelfHealConfig& config,
                                                         const AutonomyInput& input);

} // namespace devos::logic
