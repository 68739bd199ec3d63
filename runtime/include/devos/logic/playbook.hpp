#pragma once
#include <devos/contracts/agent_request.hpp>
#include <expected>
#include <span>
#include <string>
#include <vector>

namespace devos::logic {

// The model name the playbook answers under.
inline constexpr const char* kPlaybookModel = "devos-playbook-v1";

// The lowest similarity at which a fix recorded for another test and another pattern is reused:
// GoogleTest boilerplate alone makes unrelated failures look alike below it.
inline constexpr float kOtherTestSimilarity = 0.95F;

// The similar incidents whose recorded fix the playbook may re-apply, best first: a complete diff,
// recorded for the failing test or its pattern (or a near-identical failure, kOtherTestSimilarity),
// never a reverted or rejected one (logic::isReusable); by outcome first (merged, open, recurred:
// logic::outcomeRank), then the same test, then higher similarity, then the newer fix.
[[nodiscard]] std::vector<contracts::SimilarIncident> reusableFixes(const contracts::AgentRequest& request);

// The repo files a recorded fix changes (its diff's paths), for the code context.
[[nodiscard]] std::vector<std::string> filesOfFix(const contracts::RecordedFix& fix);

// The playbook agent (issue 11 part 5), pure: tries each reusable fix in order and re-applies all
// of its hunks to today's files (request.codeContext) by their context; the first fix that applies
// wholly is the answer, as search/replace blocks, with references to the fix and its commit and a
// confidence from the similarity less 5 per context line that no longer matched (at most 20). When
// none applies, the error says why for each fix tried.
[[nodiscard]] std::expected<contracts::AgentAnswer, std::string>
playbookAnswer(const contracts::AgentRequest& request);

} // namespace devos::logic
