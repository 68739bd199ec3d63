#pragma once
#include <devos/contracts/failure_signal.hpp>
#include <devos/contracts/recorded_fix.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::contracts {

// A similar past failure handed to an agent, with the fix recorded for it when there is one.
struct SimilarIncident {
    float score = 0.0F;
    Ulid failureId;
    std::string patternId;
    std::string testName; // suite.test
    std::string message;  // redacted
    std::string commitSha;
    std::optional<RecordedFix> fix;
};

// One file of the code around a failure, as it is at the failing commit.
struct SourceFile {
    std::string path; // repo-relative
    std::string content;

    bool operator==(const SourceFile&) const = default;
};

// What an agent gets (seed §6.1 AgentPort): the redacted signal, the similar incidents (best
// first) and the code around the failure.
struct AgentRequest {
    FailureSignal signal;
    std::string testName; // the failing test, as ctest names it
    std::vector<SimilarIncident> similarIncidents;
    std::vector<SourceFile> codeContext;
};

// What an agent answers: edits as search/replace blocks (issue 11's format), parsed strictly by
// logic::parseSearchReplace; the diff is always computed by DevOS.
struct AgentAnswer {
    std::string model;
    std::string text; // one or more `path` / SEARCH / REPLACE blocks
    std::string reasoning;
    int confidence = 0;                  // 0-100
    std::vector<std::string> references; // recorded fix ids and commits it reused
};

} // namespace devos::contracts
