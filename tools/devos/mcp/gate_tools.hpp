#pragma once
// devos_gate_run: check-fast or check-full in the build folder, with progress per finished gate and a
// cancellation that stops the whole build (its process group). Built with DEVOS_WITH_RUNTIME (the
// runtime's process runner).
#include "mcp/mcp_tool.hpp"
#include "mcp/workspace.hpp"

#include <memory>
#include <vector>

namespace devos::mcp {

[[nodiscard]] std::vector<McpTool> gateTools(std::shared_ptr<McpWorkspace> workspace);

} // namespace devos::mcp
