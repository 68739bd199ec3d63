#include <devos/logic/proposal_report.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

contracts::SelfHealOutcome proposedOutcome() {
    contracts::SelfHealOutcome o;
    o.proposed = true;
    o.testName = "Ledger.RoundsHalfUp";
    o.signal.id = "01JHFAILURE0000000000000000";
    o.signal.patternId = std::string(64, 'a');
    o.signal.context.commitSha = "4c1d2e0f00112233";
    o.signal.context.branch = "main";
    o.signal.context.errorMessage = "expected 83, got 82";
    contracts::FixProposal p;
    p.id = "01JHPROPOSAL000000000000000";
    p.patternId = o.signal.patternId;
    p.description = "Re-apply 9b2e1aa's change";
    p.diffs = {{"src/logic/rounding.cpp", "a\nb\n", "a\nc\n"}};
    p.references = {"01JHFIX", "9b2e1aa0"};
    p.confidence = 97;
    p.agentContext = {"devos-playbook-v1", "re-applies 9b2e1aa's change to src/logic/rounding.cpp", {}};
    o.proposal = p;
    o.risk = {12, "low", {{"changed lines", 2, "+1 -1"}, {"layers", 10, "logic"}}};
    o.labels = proposalLabels(o.risk);
    o.autonomy = {0, "human_review", "autonomy level 0: human review"};
    o.proof = {true, true, 41, 41, true, "check-fast", true, {}, {}};
    o.branch = "selfheal/" + p.id;
    o.commitSha = "7aa0c3d000000000";
    return o;
}

} // namespace

TEST(ProposalReport, PrMarkdownHasEverySection) {
    const std::string md = renderProposalMarkdown(proposedOutcome());
    for (const char* part :
         {"# self-heal: fix Ledger.RoundsHalfUp", "Labels: `self-heal`, `risk-low`", "## What failed",
          "expected 83, got 82", "## Root cause (as far as known)", "regression of that fix", "## The change",
          "-b\n+c\n", "## References", "- `9b2e1aa0`", "## Validation and proof",
          "| `Ledger.RoundsHalfUp` before the patch | fails |",
          "| unit tests after the patch | 41/41 passed |", "| gate (check-fast) | passed |",
          "## Risk: 12 (low)", "| changed lines | 2 | +1 -1 |", "autonomy level 0: human review",
          "DevOS-Proposal: 01JHPROPOSAL000000000000000"})
        EXPECT_NE(md.find(part), std::string::npos) << part << "\n" << md;
}

TEST(ProposalReport, ChatProposalsQuoteTheModelsReasoning) {
    auto o = proposedOutcome();
    o.proposal->agent = contracts::AgentKind::Chat;
    o.proposal->agentContext = {"qwen2.5-coder", "the rounding adds half before dividing", {}};
    o.proposal->references.clear();
    const std::string md = renderProposalMarkdown(o);
    EXPECT_NE(md.find("The chat model (`qwen2.5-coder`) says: the rounding adds half"), std::string::npos);
    EXPECT_NE(md.find("None: no recorded fix was reused."), std::string::npos);
}

TEST(ProposalReport, CommitMessageEndsInTheTrailers) {
    const std::string message = proposalCommitMessage(proposedOutcome());
    EXPECT_TRUE(message.starts_with("self-heal: fix Ledger.RoundsHalfUp\n\n"));
    EXPECT_TRUE(message.ends_with("\n\nDevOS-Pattern: " + std::string(64, 'a') +
                                  "\nDevOS-Proposal: 01JHPROPOSAL000000000000000\n"));
}

TEST(ProposalReport, AgeInWords) {
    EXPECT_EQ(ageText(5'000), "just now");
    EXPECT_EQ(ageText(60'000), "1 minute ago");
    EXPECT_EQ(ageText(3 * 3'600'000), "3 hours ago");
    EXPECT_EQ(ageText(2 * 86'400'000), "2 days ago");
    EXPECT_EQ(ageText(21LL * 86'400'000), "3 weeks ago");
}

TEST(ProposalReport, Labels) {
    EXPECT_EQ(proposalLabels({70, "high", {}}), (std::vector<std::string>{"self-heal", "risk-high"}));
}

} // namespace devos::logic
