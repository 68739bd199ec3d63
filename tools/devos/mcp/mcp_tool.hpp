#pragma once
// What a DevOS MCP tool is: its advertised shape (schemas, annotations, toolset) and the function
// that runs it. Tools return the structured result or an Error; the session renders both.
#include "mcp/input_request.hpp"

#include <atomic>
#include <devos/foundation/error.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::mcp {

// The four MCP tool annotations, each set on purpose (an omitted hint means "may destroy").
struct ToolHints {
    bool readOnly = true;
    bool destructive = false;
    bool idempotent = true;
    bool openWorld = false;
};

// What a running tool may see of its request: whether the client cancelled it, and a way to
// report progress (a no-op when the request carried no progressToken).
struct ToolCall {
    const std::atomic<bool>* cancelled = nullptr;
    std::function<void(double progress, std::optional<double> total, const std::string& message)> progress;

    [[nodiscard]] bool isCancelled() const { return cancelled != nullptr && cancelled->load(); }
    void report(double done, std::optional<double> total, const std::string& message) const {
        if (progress)
            progress(done, total, message);
    }
};

// One tool. `run` gets arguments already validated against `inputSchema` and returns the
// structuredContent (an object conforming to `outputSchema`) or an Error the model can act on.
struct McpTool {
    std::string name;        // devos_<verb>
    std::string description; // one sentence: tools/list is sent to the model on every session
    std::string toolset;     // core, rules, baseline, gates, telemetry, deps, heal
    nlohmann::json inputSchema;
    nlohmann::json outputSchema;
    ToolHints hints;
    std::function<foundation::Expected<nlohmann::json>(const nlohmann::json& arguments, const ToolCall& call)>
        run;
    // The form asking the user for arguments a call lacks, or nullopt when none is missing; set only by
    // tools that ask (devos_allow: its reason and expiry). Gets arguments that passed `inputSchema`.
    std::function<std::optional<InputForm>(const nlohmann::json& arguments)> missingInput = {};
};

// A readable resource or a template of them (devos://rules/{id}).
struct McpResource {
    std::string uri; // or uriTemplate when `isTemplate`
    std::string name;
    std::string description;
    std::string mimeType;
    bool isTemplate = false;
};

// Resource listing and reading, served by the tools layer.
struct ResourceCatalog {
    std::function<std::vector<McpResource>()> list;
    // The text of `uri`, or NotFound.
    std::function<foundation::Expected<std::string>(const std::string& uri, std::string& mimeType)> read;
};

// One prompt argument and the prompt itself; `render` returns the user message text.
struct McpPromptArgument {
    std::string name;
    std::string description;
    bool required = true;
};
struct McpPrompt {
    std::string name;
    std::string title;
    std::string description;
    std::vector<McpPromptArgument> arguments;
    std::function<foundation::Expected<std::string>(const nlohmann::json& arguments)> render;
};

} // namespace devos::mcp
