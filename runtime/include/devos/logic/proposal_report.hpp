#pragma once
#include <devos/contracts/self_heal_outcome.hpp>
#include <string>

namespace devos::logic {

// PR.md of a proposal (issue 11 part 8): title, what failed, the root cause as far as known, the
// change (the unified diff), the references it reused, the validation and proof table, the risk
// terms, the labels and the autonomy decision. `outcome` must hold a proposal.
[[nodiscard]] std::string renderProposalMarkdown(const contracts::SelfHealOutcome& outcome);

// The commit message of the proposal's commit, ending in the trailers
// `DevOS-Pattern: <pattern id>` and `DevOS-Proposal: <proposal id>`.
[[nodiscard]] std::string proposalCommitMessage(const contracts::SelfHealOutcome& outcome);

// How long ago, in words: "just now", "5 minutes ago", "3 hours ago", "2 days ago", "3 weeks ago".
[[nodiscard]] std::string ageText(contracts::EpochMillis elapsed);

// The labels of a proposal: "self-heal" and "risk-<band>".
[[nodiscard]] std::vector<std::string> proposalLabels(const contracts::RiskAssessment& risk);

} // namespace devos::logic
