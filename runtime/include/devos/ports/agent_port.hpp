#pragma once
#include <devos/contracts/agent_request.hpp>
#include <devos/contracts/error.hpp>
#include <devos/contracts/fix_proposal.hpp>

namespace devos::ports {

// An agent that proposes a fix for a failure (seed §6.1 AgentPort), provider-agnostic. Its answer
// is untrusted: DevOS parses it strictly, computes the diff itself and validates it.
class AgentPort {
public:
    virtual ~AgentPort() = default;
    // Search/replace blocks for the request's code. NotFound: the agent has no fix to offer (the
    // message says why); Unavailable: it could not be reached or did not answer in time; Invalid:
    // it answered something that is not an answer.
    [[nodiscard]] virtual contracts::Expected<contracts::AgentAnswer>
    proposeFix(const contracts::AgentRequest& request) = 0;
    // Which kind of agent this is.
    [[nodiscard]] virtual contracts::AgentKind kind() const = 0;
};

} // namespace devos::ports
