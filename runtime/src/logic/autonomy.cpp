#include <algorithm>
#include <devos/logic/autonomy.hpp>
#include <devos/logic/proposal_validation.hpp>
#include <string>

namespace devos::logic {
namespace {

bool onlyLogicAndTests(std::span<const contracts::CodeDiff> diffs) {
    return std::ranges::all_of(
        diffs, [](const contracts::CodeDiff& d) { return isLogicPath(d.path) || isTestPath(d.path); });
}

std::string withoutWhitespace(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            out += c;
    return out;
}

contracts::AutonomyDecision humanReview(std::string why) {
    return {0, "human_review", std::move(why) + ". Human review (draft pull request)"};
}

} // namespace

FixClass classifyFix(contracts::AgentKind agent, std::span<const std::string> references,
                     std::span<const contracts::CodeDiff> diffs) {
    if (!diffs.empty() && std::ranges::all_of(diffs, [](const contracts::CodeDiff& d) {
            return d.before != d.after && withoutWhitespace(d.before) == withoutWhitespace(d.after);
        }))
        return FixClass::Mechanical;
    if (agent == contracts::AgentKind::Playbook && !references.empty())
        return FixClass::PlaybookReapply;
    return FixClass::Novel;
}

IntegrationPush planIntegrationPush(const contracts::SelfHealConfig& config,
                                    const contracts::AutonomyDecision& decision, bool canPush) {
    if (decision.level != 1)
        return {};
    const auto& target = config.branches.integration;
    if (target.empty())
        return {"", "no integration branch is configured (branches.integration)"};
    if (target == config.branches.defaultBranch)
        return {"", "branches.integration '" + target + "' is the default branch, which DevOS never writes"};
    if (!canPush)
        return {"", "publish.remote is not set: there is no remote to push " + target + " to"};
    return {target, ""};
}

contracts::AutonomyDecision fallBackToHumanReview(const contracts::AutonomyDecision& tried,
                                                  const std::string& why) {
    return humanReview("autonomy level " + std::to_string(tried.level) + " could not act (" + why +
                       "); it was: " + tried.reason);
}

contracts::AutonomyDecision decideAutonomy(const contracts::SelfHealConfig& config, const AutonomyInput& in) {
    const int configured = config.autonomy.level;
    if (configured == 0)
        return humanReview("autonomy level 0");
    if (configured >= 3)
        return humanReview(
            "autonomy level 3 (auto-remediation in production) is refused: the seed reserves it "
            "for after extensive level 2 evidence and DevOS never deploys; set autonomy.level "
            "to 2 or lower");
    if (in.tier <= 0)
        return humanReview("tier 0 is not eligible for self-healing beyond suggestions");
    const int level = std::min(configured, std::clamp(in.tier, 0, 2));
    const std::string capped = level < configured ? "autonomy level " + std::to_string(configured) +
                                                        " is above what tier " + std::to_string(in.tier) +
                                                        " allows (level " + std::to_string(level) + "); "
                                                  : std::string{};
    std::string missing;
    if (config.branches.integration.empty())
        missing = "no integration branch is configured (branches.integration)";
    else if (!in.gatesGreen)
        missing = "a gate is not green";
    else if (!onlyLogicAndTests(in.diffs))
        missing = "it changes files outside logic/ and tests/";
    else if (in.riskScore >= 30)
        missing = "risk " + std::to_string(in.riskScore) + " is not below 30";
    if (!missing.empty())
        return humanReview(capped + "autonomy level " + std::to_string(level) +
                           " does not apply: " + missing);
    const std::string levelOne = "autonomy level 1: auto-fix on " + config.branches.integration +
                                 " (logic/ and tests/ only, gates green, risk " +
                                 std::to_string(in.riskScore) + " < 30)";
    if (level == 1)
        return {1, "auto_fix_dev", capped + levelOne};
    const auto& t = config.autonomy;
    std::string notTwo;
    if (in.confidence <= t.autoMergeConfidence)
        notTwo = "confidence " + std::to_string(in.confidence) + " is not above " +
                 std::to_string(t.autoMergeConfidence);
    else if (in.riskScore >= t.autoMergeRiskScore)
        notTwo =
            "risk " + std::to_string(in.riskScore) + " is not below " + std::to_string(t.autoMergeRiskScore);
    else if (in.fixClass == FixClass::Novel)
        notTwo = "an agent-written fix has no outcome history (level 2 takes mechanical fixes and "
                 "re-applied fixes that merged and stayed)";
    else if (in.fixClass == FixClass::PlaybookReapply && !in.reappliedFixMerged)
        notTwo = "the re-applied fix has no merged, unreverted history";
    if (!notTwo.empty())
        return {1, "auto_fix_dev", levelOne + "; not level 2: " + notTwo};
    return {
        2, "auto_merge",
        std::string("autonomy level 2: auto-merge requested (") +
            (in.fixClass == FixClass::Mechanical ? "mechanical fix" : "re-applies a merged, unreverted fix") +
            ", confidence " + std::to_string(in.confidence) + " > " + std::to_string(t.autoMergeConfidence) +
            ", risk " + std::to_string(in.riskScore) + " < " + std::to_string(t.autoMergeRiskScore) +
            ", gates green); the merge still goes through branch protection"};
}

} // namespace devos::logic
