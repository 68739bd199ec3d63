#pragma once
// The tools that run the checks over the compile database (LibTooling, content-keyed cache):
// devos_check and devos_baseline_status. Built with DEVOS_WITH_PLUGIN.
#include "mcp/mcp_tool.hpp"
#include "mcp/workspace.hpp"

#include <memory>
#include <vector>

namespace devos::mcp {

[[nodiscard]] std::vector<McpTool> checkTools(std::shared_ptr<McpWorkspace> workspace);

} // namespace devos::mcp
