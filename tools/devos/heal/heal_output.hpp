#pragma once
// How `devos heal` prints its outcomes: text for people, JSON for tools.
#include "heal/heal_use_cases.hpp"

#include <devos/contracts/self_heal_outcome.hpp>
#include <nlohmann/json.hpp>
#include <string>

namespace devos::heal {

// The outcome as `devos heal` prints it: one line per step (`detect    FAIL …`), then for a stop the
// reason, the evidence and what to do.
[[nodiscard]] std::string outcomeText(const contracts::SelfHealOutcome& outcome);

// The outcome as report.json holds it (adapters::selfHealOutcomeJson).
[[nodiscard]] std::string outcomeJson(const contracts::SelfHealOutcome& outcome);

// "heal sync: <branch> at <head>; <n> proposals and <m> fixes checked, <k> changed", then one line
// per change.
[[nodiscard]] std::string syncText(const SyncOutcome& outcome);

// store, default_branch, head, proposals_checked, fixes_checked, changes (subject, id, pattern_id,
// from, to, merged_commit, merged_at, reverted_by, recurred_failure_id).
[[nodiscard]] nlohmann::json syncJson(const SyncOutcome& outcome);

// logic::healReportText of the report.
[[nodiscard]] std::string healReportText(const HealReportOutcome& outcome);

// store, window, since, the counts, stop_reasons, acceptance_rate, the MTTRs, recurring_patterns, steps.
[[nodiscard]] nlohmann::json healReportJson(const HealReportOutcome& outcome);

} // namespace devos::heal
