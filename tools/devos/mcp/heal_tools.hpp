#pragma once
// devos_propose_fix: `devos heal` for one stored failure through the self-heal service (retrieve,
// propose, validate, prove in a worktree, commit on selfheal/<id>; never main). Built with
// DEVOS_WITH_RUNTIME.
#include "mcp/mcp_tool.hpp"
#include "mcp/workspace.hpp"

#include <memory>
#include <vector>

namespace devos::mcp {

[[nodiscard]] std::vector<McpTool> healTools(std::shared_ptr<McpWorkspace> workspace);

} // namespace devos::mcp
