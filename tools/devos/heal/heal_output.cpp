#include "heal/heal_output.hpp"

#include <devos/adapters/proposal_bundle_files.hpp>

namespace devos::heal {
namespace {

std::string indented(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        out += (out.empty() ? "" : "\n          ") + text.substr(start, end - start);
        start = end + 1;
    }
    return out;
}

std::string changeText(const services::OutcomeChange& c) {
    const auto& o = c.to;
    std::string detail;
    if (o.state == contracts::OutcomeState::Merged)
        detail = " (in " + o.mergedCommit.substr(0, 7) + ")";
    else if (o.state == contracts::OutcomeState::Reverted)
        detail = " (by " + o.revertedBy.substr(0, 7) + ")";
    else if (o.state == contracts::OutcomeState::Recurred)
        detail = " (failure " + o.recurredFailureId + ")";
    return std::string(c.subject == contracts::OutcomeSubject::Proposal ? "proposal " : "fix      ") + c.id +
           "  pattern " + c.patternId.substr(0, 12) + "  " + contracts::outcomeStateName(c.from) + " -> " +
           contracts::outcomeStateName(o.state) + detail;
}

// `count` and the noun, with an s (or es) for any count but one.
std::string counted(int count, const std::string& one, const std::string& many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

} // namespace

std::string outcomeText(const contracts::SelfHealOutcome& o) {
    std::string out;
    for (const auto& s : o.steps) {
        std::string name = s.name;
        name.resize(std::max<std::size_t>(name.size(), 9), ' ');
        out += name + " " + indented(s.summary) + "\n";
    }
    if (!o.proposed) {
        out += "stopped   " + std::string(contracts::stopReasonName(o.reason)) +
               (o.evidence.empty() ? "" : ": " + indented(o.evidence)) + "\n";
        if (!o.hint.empty())
            out += "          what to do: " + o.hint + "\n";
    }
    if (!o.worktree.empty())
        out += "worktree  " + o.worktree + " (kept)\n";
    return out;
}

std::string outcomeJson(const contracts::SelfHealOutcome& outcome) {
    return adapters::selfHealOutcomeJson(outcome);
}

std::string syncText(const SyncOutcome& outcome) {
    const auto& r = outcome.report;
    std::string out = "heal sync: " + r.defaultBranch + " at " + r.head.substr(0, 7) + "; " +
                      counted(r.proposalsChecked, "proposal", "proposals") + " and " +
                      counted(r.fixesChecked, "fix", "fixes") + " checked, " +
                      std::to_string(r.changes.size()) + " changed\n";
    for (const auto& c : r.changes)
        out += "  " + changeText(c) + "\n";
    return out;
}

nlohmann::json syncJson(const SyncOutcome& outcome) {
    const auto& r = outcome.report;
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : r.changes)
        changes.push_back({{"subject", c.subject == contracts::OutcomeSubject::Proposal ? "proposal" : "fix"},
                           {"id", c.id},
                           {"pattern_id", c.patternId},
                           {"from", contracts::outcomeStateName(c.from)},
                           {"to", contracts::outcomeStateName(c.to.state)},
                           {"merged_commit", c.to.mergedCommit},
                           {"merged_at", c.to.mergedAt},
                           {"reverted_by", c.to.revertedBy},
                           {"recurred_failure_id", c.to.recurredFailureId}});
    return {{"store", outcome.storeName},
            {"default_branch", r.defaultBranch},
            {"head", r.head},
            {"proposals_checked", r.proposalsChecked},
            {"fixes_checked", r.fixesChecked},
            {"changes", changes}};
}

std::string healReportText(const HealReportOutcome& outcome) {
    return logic::healReportText(outcome.report, outcome.window);
}

nlohmann::json healReportJson(const HealReportOutcome& outcome) {
    const auto& r = outcome.report;
    nlohmann::json reasons = nlohmann::json::object();
    for (const auto& [reason, count] : r.stopReasons)
        reasons[reason] = count;
    nlohmann::json recurring = nlohmann::json::array();
    for (const auto& p : r.recurring)
        recurring.push_back({{"pattern_id", p.patternId},
                             {"failures", p.failures},
                             {"what", p.what},
                             {"escalated", p.escalated}});
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& s : r.steps)
        steps.push_back({{"step", s.step},
                         {"count", s.count},
                         {"median_millis", s.medianMillis},
                         {"total_millis", s.totalMillis}});
    const auto optional = [](const std::optional<double>& v) {
        return v ? nlohmann::json(*v) : nlohmann::json();
    };
    return {{"store", outcome.storeName},
            {"window", outcome.window},
            {"since", outcome.since},
            {"attempts", r.attempts},
            {"proposed", r.proposed},
            {"open", r.open},
            {"merged", r.merged},
            {"rejected", r.rejected},
            {"reverted", r.reverted},
            {"recurred", r.recurred},
            {"stopped", r.stopped},
            {"stop_reasons", reasons},
            {"acceptance_rate", r.acceptanceRate},
            {"mttr_with_selfheal_millis", optional(r.mttrWithMillis)},
            {"mttr_without_selfheal_millis", optional(r.mttrWithoutMillis)},
            {"mttr_same_patterns", r.samePatterns},
            {"recurring_patterns", recurring},
            {"steps", steps}};
}

} // namespace devos::heal
