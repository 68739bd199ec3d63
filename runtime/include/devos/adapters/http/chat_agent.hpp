#pragma once
#include <chrono>
#include <devos/ports/agent_port.hpp>
#include <string>

namespace devos::adapters {

// Where and how to reach an OpenAI-compatible chat server (vLLM, TGI, OpenAI itself).
struct ChatAgentOptions {
    std::string baseUrl; // "http://127.0.0.1:8000": requests go to <baseUrl>/v1/chat/completions
    std::string model;
    std::string apiKey; // "Authorization: Bearer <key>" when not empty; never logged, stored or written
    std::chrono::milliseconds timeout{120000};
    std::size_t maxFileBytes = 24 * 1024; // each code context file is cut to this many bytes
};

// The chat agent: one POST /v1/chat/completions (temperature 0) with a system prompt that fixes
// the answer format to search/replace blocks and a user message with the (already redacted)
// failure, the similar incidents with their fixes and the code around the failure. The answer's
// text is returned as it is, for DevOS to parse strictly. A chat answer carries no confidence:
// it is reported as 50, so it never reaches the default auto-merge threshold.
class ChatAgent final : public ports::AgentPort {
public:
    explicit ChatAgent(ChatAgentOptions options) : options_(std::move(options)) {}

    [[nodiscard]] contracts::Expected<contracts::AgentAnswer>
    proposeFix(const contracts::AgentRequest& request) override;
    [[nodiscard]] contracts::AgentKind kind() const override { return contracts::AgentKind::Chat; }

    // The user message sent for `request` (what the model sees), for tests and audits.
    [[nodiscard]] std::string userMessage(const contracts::AgentRequest& request) const;

private:
    ChatAgentOptions options_;
};

} // namespace devos::adapters
