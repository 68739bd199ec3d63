#pragma once
#include <devos/ports/agent_port.hpp>

namespace devos::services {

// The playbook agent (no network): re-applies the recorded fix of the most similar past failure to
// today's code (logic::playbookAnswer). It is pure computation, so it lives beside the services
// that use logic rather than among the adapters, which may not.
class PlaybookAgent final : public ports::AgentPort {
public:
    [[nodiscard]] contracts::Expected<contracts::AgentAnswer>
    proposeFix(const contracts::AgentRequest& request) override;
    [[nodiscard]] contracts::AgentKind kind() const override { return contracts::AgentKind::Playbook; }
};

} // namespace devos::services
