#pragma once
// The dependency tools: devos_deps (the packages the configure resolved, against the repo's floors
// and bans) and devos_check_dependency (before adding a package: would its version pass them?).
#include "mcp/mcp_tool.hpp"
#include "mcp/workspace.hpp"

#include <memory>
#include <vector>

namespace devos::mcp {

[[nodiscard]] std::vector<McpTool> depsTools(std::shared_ptr<McpWorkspace> workspace);

} // namespace devos::mcp
