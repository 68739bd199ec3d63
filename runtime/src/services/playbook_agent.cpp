#include <devos/logic/playbook.hpp>
#include <devos/services/playbook_agent.hpp>

namespace devos::services {

contracts::Expected<contracts::AgentAnswer>
PlaybookAgent::proposeFix(const contracts::AgentRequest& request) {
    auto answer = logic::playbookAnswer(request);
    if (!answer)
        return contracts::fail(
            contracts::ErrorKind::NotFound, "playbook: " + answer.error(), {}, 0,
            "ingest the runs where this test failed and passed again so a fix is learned, or try "
            "--agent chat");
    return std::move(*answer);
}

} // namespace devos::services
