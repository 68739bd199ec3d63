#pragma once
// The tools over the telemetry store: search_incidents (exact vector search), get_incident,
// test_failures. The store, the embedder, the redactor and the vector index factory are opened on
// first use and kept for the server's lifetime. Built with DEVOS_WITH_RUNTIME.
#include "mcp/mcp_tool.hpp"
#include "mcp/workspace.hpp"

#include <memory>
#include <vector>

namespace devos::mcp {

[[nodiscard]] std::vector<McpTool> telemetryTools(std::shared_ptr<McpWorkspace> workspace);

} // namespace devos::mcp
