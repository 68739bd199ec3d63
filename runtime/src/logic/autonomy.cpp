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

} // namespace

contracts::AutonomyDecision decideAutonomy(const contracts::SelfHealConfig& config, const AutonomyInput& in) {
    const int configured = config.autonomy.level;
    if (configured == 0)
        return {0, "human_review", "autonomy level 0: human review"};
    if (configured >= 3)
        return {
            configured, "human_review",
            "autonomy level 3 (auto-remediation in production) is refused: the seed reserves it for after "
            "extensive level 2 evidence and DevOS never deploys; set autonomy.level to 2 or lower. Human "
            "review"};
    const int cap = std::clamp(in.tier, 0, 2);
    if (configured > cap)
        return {configured, "human_review",
                "autonomy level " + std::to_string(configured) + " is above what tier " +
                    std::to_string(in.tier) +
                    " allows (tier 0: suggestions only, tier 1: up to level 1, tier 2: up to level 2). Human "
                    "review"};
    std::string missing;
    if (!in.gatesGreen)
        missing = "a gate is not green";
    else if (!onlyLogicAndTests(in.diffs))
        missing = "it changes files outside logic/ and tests/";
    else if (in.riskScore >= 30)
        missing = "risk " + std::to_string(in.riskScore) + " is not below 30";
    if (!missing.empty())
        return {configured, "human_review",
                "autonomy level " + std::to_string(configured) + ": not eligible for auto-fix because " +
                    missing + ". Human review"};
    if (configured == 2) {
        if (in.confidence >= config.autonomy.autoMergeConfidence &&
            in.riskScore <= config.autonomy.autoMergeRiskScore)
            return {2, "auto_merge",
                    "autonomy level 2: eligible for auto-merge (confidence " + std::to_string(in.confidence) +
                        " >= " + std::to_string(config.autonomy.autoMergeConfidence) + ", risk " +
                        std::to_string(in.riskScore) +
                        " <= " + std::to_string(config.autonomy.autoMergeRiskScore) + ", gates green)"};
        return {2, "auto_fix_dev",
                "autonomy level 2: below the auto-merge threshold (confidence " +
                    std::to_string(in.confidence) + ", risk " + std::to_string(in.riskScore) +
                    "); eligible for auto-fix on dev/beta"};
    }
    return {
        1, "auto_fix_dev",
        "autonomy level 1: eligible for auto-fix on dev/beta (logic/ and tests/ only, gates green, risk " +
            std::to_string(in.riskScore) + " < 30)"};
}

} // namespace devos::logic
