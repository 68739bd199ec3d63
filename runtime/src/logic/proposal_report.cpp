#include <devos/logic/proposal_report.hpp>
#include <devos/logic/unified_diff.hpp>

namespace devos::logic {
namespace {

std::string yesNo(bool ok) {
    return ok ? "passed" : "FAILED";
}

} // namespace

std::string ageText(contracts::EpochMillis elapsed) {
    const contracts::EpochMillis minute = 60'000, hour = 60 * minute, day = 24 * hour, week = 7 * day;
    const auto plural = [](contracts::EpochMillis n, const char* unit) {
        return std::to_string(n) + " " + unit + (n == 1 ? "" : "s") + " ago";
    };
    if (elapsed < minute)
        return "just now";
    if (elapsed < hour)
        return plural(elapsed / minute, "minute");
    if (elapsed < day)
        return plural(elapsed / hour, "hour");
    if (elapsed < 2 * week)
        return plural(elapsed / day, "day");
    return plural(elapsed / week, "week");
}

std::vector<std::string> proposalLabels(const contracts::RiskAssessment& risk) {
    return {"self-heal", "risk-" + risk.band};
}

std::string proposalCommitMessage(const contracts::SelfHealOutcome& o) {
    const auto& p = *o.proposal;
    return "self-heal: fix " + o.testName + "\n\n" + p.description + "\n\nProposed by devos heal (" +
           contracts::agentKindName(p.agent) + ", " + p.agentContext.model + "); risk " +
           std::to_string(o.risk.score) + " (" + o.risk.band +
           "). Review before merging.\n\nDevOS-Pattern: " + p.patternId + "\nDevOS-Proposal: " + p.id + "\n";
}

std::string renderProposalMarkdown(const contracts::SelfHealOutcome& o) {
    const auto& p = *o.proposal;
    const auto& c = o.signal.context;
    std::string md = "# self-heal: fix " + o.testName + "\n\n";
    std::string labels;
    for (const auto& l : o.labels)
        labels += (labels.empty() ? "`" : ", `") + l + "`";
    md += "Labels: " + labels + "  \nBranch: `" + o.branch + "` (commit `" + o.commitSha.substr(0, 12) +
          "` on top of `" + c.commitSha.substr(0, 12) + "`)  \nAutonomy: " + o.autonomy.reason + "\n\n";
    md += "## What failed\n\n";
    md += "`" + o.testName + "` failed at `" + c.commitSha.substr(0, 12) + "`" +
          (c.branch.empty() ? "" : " on `" + c.branch + "`") + " (failure `" + o.signal.id + "`, pattern `" +
          o.signal.patternId + "`).\n\n```\n" + c.errorMessage + "\n```\n\n";
    md += "## Root cause (as far as known)\n\n";
    if (p.agent == contracts::AgentKind::Playbook)
        md += "The failure matches a past failure whose fix is recorded; this change " +
              p.agentContext.reasoning +
              ". The fixed lines had reverted, so this is most likely a regression of that fix (for example "
              "lost in a "
              "merge).\n\n";
    else
        md += "The chat model (`" + p.agentContext.model + "`) says: " +
              (p.agentContext.reasoning.empty()
                   ? std::string(
                         "nothing: it answers with edit blocks only, made from the failure, the similar past "
                         "failures and the code around it. Review the change itself.")
                   : p.agentContext.reasoning) +
              "\n\n";
    const auto stats = diffStats(p.diffs);
    md += "## The change\n\n" + std::to_string(stats.files) + " file" + (stats.files == 1 ? "" : "s") +
          ", +" + std::to_string(stats.added) + " -" + std::to_string(stats.removed) +
          " (the diff is computed by DevOS from the agent's edits; `fix.patch` beside this "
          "file):\n\n```diff\n" +
          unifiedDiff(p.diffs) + "```\n\n";
    md += "## References\n\n";
    if (p.references.empty())
        md += "None: no recorded fix was reused.\n";
    for (const auto& r : p.references)
        md += "- `" + r + "`\n";
    md += "\n## Validation and proof\n\n| check | result |\n|---|---|\n";
    md += "| validation (paths, dependencies, logic/ coverage, limits) | passed |\n";
    md += "| `" + o.testName + "` before the patch | " +
          std::string(o.proof.failedBefore ? "fails" : "PASSES") + " |\n";
    md += "| `" + o.testName + "` after the patch | " +
          std::string(o.proof.passedAfter ? "passes" : "FAILS") + " |\n";
    md += "| unit tests after the patch | " + std::to_string(o.proof.unitTestsPassed) + "/" +
          std::to_string(o.proof.unitTestsTotal) + " " + yesNo(o.proof.unitTestsOk) + " |\n";
    md += "| gate (" + o.proof.gate + ") | " + yesNo(o.proof.gateOk) + " |\n\n";
    md += "## Risk: " + std::to_string(o.risk.score) + " (" + o.risk.band +
          ")\n\n| term | points | why |\n|---|---|---|\n";
    for (const auto& t : o.risk.terms)
        md += "| " + t.name + " | " + std::to_string(t.points) + " | " + t.why + " |\n";
    md += "\n## Agent\n\n" + std::string(contracts::agentKindName(p.agent)) + " (`" + p.agentContext.model +
          "`), confidence " + std::to_string(p.confidence) + ".\n\n";
    md += "DevOS-Pattern: " + p.patternId + "  \nDevOS-Proposal: " + p.id + "\n";
    return md;
}

} // namespace devos::logic
