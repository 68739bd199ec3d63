#pragma once
#include <devos/contracts/code_diff.hpp>
#include <devos/contracts/fix_proposal.hpp>
#include <devos/contracts/self_heal_outcome.hpp>
#include <span>

namespace devos::logic {

// What the risk score looks at.
struct RiskInput {
    std::span<const contracts::CodeDiff> diffs;
    contracts::AgentKind agent = contracts::AgentKind::Playbook;
    bool reusesLandedFix = false; // re-applies a fix that landed before (history or an accepted proposal)
};

// The risk score (0-100), the sum of six terms, each shown in PR.md:
//   changed lines   1 per added or removed line, at most 25
//   files           5 per file beyond the first, at most 15
//   layers          per layer touched: logic 10, services/adapters/entrypoints 15, contracts/ports 20,
//                   CMake files 20, anything else 10; at most 30
//   tests changed   10 when a test file changes
//   agent           chat 15, playbook 0
//   past outcome    0 when it re-applies a fix that landed before, 10 otherwise
// Band: low below 30, medium below 60, high from 60.
[[nodiscard]] contracts::RiskAssessment assessRisk(const RiskInput& input);

// "low", "medium" or "high" for a score.
[[nodiscard]] const char* riskBand(int score);

} // namespace devos::logic
