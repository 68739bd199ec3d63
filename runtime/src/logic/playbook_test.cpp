#include <devos/logic/playbook.hpp>
#include <devos/logic/search_replace.hpp>
#include <devos/logic/unified_diff.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

const std::string kBefore = "int round(int x) {\n    const int half = x / 2;\n    return half;\n}\n";
const std::string kAfter = "int round(int x) {\n    const int half = x / 2;\n    return half + x % 2;\n}\n";

contracts::SimilarIncident incident(float score, std::string fixId, std::string diff, long long ts = 1) {
    contracts::SimilarIncident i;
    i.score = score;
    i.failureId = "F" + fixId;
    contracts::RecordedFix fix;
    fix.id = std::move(fixId);
    fix.ts = ts;
    fix.fixingCommit = "9b2e1aa0c0ffee";
    fix.diff = std::move(diff);
    fix.testName = "Rounding.HalfUp";
    i.fix = fix;
    return i;
}

contracts::AgentRequest requestFor(std::vector<contracts::SimilarIncident> incidents) {
    contracts::AgentRequest request;
    request.testName = "Rounding.HalfUp";
    request.signal.patternId = std::string(64, 'a');
    request.similarIncidents = std::move(incidents);
    return request;
}

std::string fixDiff() {
    return unifiedDiff(contracts::CodeDiff{"src/logic/rounding.cpp", kBefore, kAfter});
}

} // namespace

TEST(Playbook, ReappliesTheBestMatchingFixAsSearchReplaceBlocks) {
    auto request =
        requestFor({incident(0.80F, "OTHER", "--- a/src/gone.cpp\n+++ b/src/gone.cpp\n@@ -1 +1 @@\n-a\n+b\n"),
                    incident(0.97F, "BEST", fixDiff())});
    const std::string today = "// header\n\n" + kBefore;
    request.codeContext = {{"src/logic/rounding.cpp", today}};
    auto answer = playbookAnswer(request);
    ASSERT_TRUE(answer) << answer.error();
    EXPECT_EQ(answer->model, kPlaybookModel);
    EXPECT_EQ(answer->references, (std::vector<std::string>{"BEST", "9b2e1aa0c0ffee"}));
    EXPECT_EQ(answer->confidence, 97);
    EXPECT_EQ(answer->reasoning,
              "re-applies 9b2e1aa's change to src/logic/rounding.cpp (context moved 2 lines)");
    auto blocks = parseSearchReplace(answer->text);
    ASSERT_TRUE(blocks);
    auto diffs = applySearchReplace(*blocks, request.codeContext);
    ASSERT_TRUE(diffs);
    EXPECT_EQ(diffs->front().after, "// header\n\n" + kAfter);
}

TEST(Playbook, FallsBackToTheNextFixAndExplainsRefusals) {
    auto request =
        requestFor({incident(0.99F, "STALE", "--- a/src/gone.cpp\n+++ b/src/gone.cpp\n@@ -1 +1 @@\n-a\n+b\n"),
                    incident(0.90F, "GOOD", fixDiff())});
    request.codeContext = {{"src/logic/rounding.cpp", kBefore}};
    auto answer = playbookAnswer(request);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->references.front(), "GOOD");
    request.codeContext = {{"src/logic/rounding.cpp", kAfter}}; // already fixed
    auto none = playbookAnswer(request);
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().find("fix STALE (9b2e1aa): src/gone.cpp is not in the repository"),
              std::string::npos);
    EXPECT_NE(none.error().find("fix GOOD (9b2e1aa): playbook.already-applied"), std::string::npos);
}

TEST(Playbook, NoRecordedFixMeansNoAnswer) {
    auto request = requestFor({contracts::SimilarIncident{0.9F, "F1", "p", "T.t", "m", "c", std::nullopt}});
    auto truncated = incident(0.95F, "CUT", fixDiff());
    truncated.fix->diffTruncated = true;
    request.similarIncidents.push_back(truncated);
    auto answer = playbookAnswer(request);
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error(),
              "2 similar past failures, none with a recorded fix of this test or pattern the playbook "
              "can re-apply");
}

TEST(Playbook, AFixOfAnotherTestIsReusedOnlyForANearIdenticalFailure) {
    auto other = incident(0.94F, "OTHER", fixDiff());
    other.fix->testName = "Other.Test";
    auto request = requestFor({other});
    request.codeContext = {{"src/logic/rounding.cpp", kBefore}};
    EXPECT_FALSE(playbookAnswer(request));
    request.similarIncidents[0].fix->patternId = request.signal.patternId; // the same pattern: reused
    EXPECT_TRUE(playbookAnswer(request));
    request.similarIncidents[0].fix->patternId.clear();
    request.similarIncidents[0].score = 0.96F; // near identical: reused
    EXPECT_TRUE(playbookAnswer(request));
    // The same test's fix goes first even when another test's failure is more similar.
    request.similarIncidents.push_back(incident(0.90F, "SAME", fixDiff()));
    EXPECT_EQ(reusableFixes(request).front().fix->id, "SAME");
}

TEST(Playbook, ListsTheFilesOfAFix) {
    contracts::RecordedFix fix;
    fix.diff = fixDiff() + unifiedDiff(contracts::CodeDiff{"src/b.cpp", "a\n", "b\n"});
    EXPECT_EQ(filesOfFix(fix), (std::vector<std::string>{"src/logic/rounding.cpp", "src/b.cpp"}));
    fix.diff = "@@ broken";
    EXPECT_TRUE(filesOfFix(fix).empty());
}

} // namespace devos::logic

namespace devos::logic {

TEST(Playbook, NeverReappliesARevertedFixAndPrefersMergedOnes) {
    auto reverted = incident(0.99F, "REVERTED", fixDiff());
    reverted.fix->outcome.state = contracts::OutcomeState::Reverted;
    auto recurred = incident(0.98F, "RECURRED", fixDiff());
    recurred.fix->outcome.state = contracts::OutcomeState::Recurred;
    auto merged = incident(0.80F, "MERGED", fixDiff());
    merged.fix->outcome.state = contracts::OutcomeState::Merged;
    auto request = requestFor({reverted, recurred, merged});
    const auto order = reusableFixes(request);
    ASSERT_EQ(order.size(), 2u);
    EXPECT_EQ(order[0].fix->id, "MERGED");
    EXPECT_EQ(order[1].fix->id, "RECURRED");
    request.codeContext = {{"src/logic/rounding.cpp", kBefore}};
    request.similarIncidents = {reverted};
    EXPECT_FALSE(playbookAnswer(request)) << "the only fix was reverted";
}

} // namespace devos::logic
