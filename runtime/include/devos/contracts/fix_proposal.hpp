#pragma once
#include <devos/contracts/code_diff.hpp>
#include <devos/contracts/ulid.hpp>
#include <string>
#include <vector>

namespace devos::contracts {

// Which agent wrote a proposal: the retrieval playbook (re-applies a recorded fix) or a chat model.
enum class AgentKind { Playbook, Chat };

// "playbook" or "chat".
[[nodiscard]] const char* agentKindName(AgentKind kind);

// How the agent came to its answer (seed §6.1 agentContext).
struct AgentContext {
    std::string model; // "devos-playbook-v1" or the chat model's name
    std::string reasoning;
    std::vector<std::string> alternatives;
};

// A candidate fix for one failure pattern (seed §6.1).
struct FixProposal {
    Ulid id;
    std::string patternId; // the failure's: SLO attempts are counted per pattern
    std::string description;
    std::vector<CodeDiff> diffs;
    std::vector<std::string> testsToRun; // the failing test(s) the proof must flip
    int riskScore = 0;                   // 0-100, logic::assessRisk
    int confidence = 0;                  // 0-100, from the agent
    std::vector<std::string> references; // recorded fix ids and commits it reused
    AgentKind agent = AgentKind::Playbook;
    AgentContext agentContext;
};

} // namespace devos::contracts
