#pragma once
// Composition of `devos mcp`: the tools this build has (policy always, check with the plugin,
// telemetry with the runtime), the rule pages as resources, the prompts, and the instructions.
#include "mcp/mcp_session.hpp"
#include "mcp/workspace.hpp"

#include <memory>

namespace devos::mcp {

// What `devos mcp` serves and where it looks.
struct DevosServerOptions {
    WorkspacePaths paths;
    ToolSelection selection;
};

// The session, or Invalid for an unknown toolset or tool name (the hint lists the known ones).
[[nodiscard]] foundation::Expected<std::unique_ptr<McpSession>>
makeDevosSession(const DevosServerOptions& options);

} // namespace devos::mcp
