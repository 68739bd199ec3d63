#pragma once
// The tools answered from the repo policy and the build folder alone, no compile: list_rules,
// explain_rule, check_edge, layer_map, gate_status; and the rule pages as resources.
#include "mcp/mcp_tool.hpp"
#include "mcp/workspace.hpp"

#include <filesystem>
#include <memory>
#include <vector>

namespace devos::mcp {

[[nodiscard]] std::vector<McpTool> policyTools(std::shared_ptr<McpWorkspace> workspace);

// devos_gate_status's result: the results folded into rows, the fast/full verdicts; NotFound when
// no gate has run in the build folder.
[[nodiscard]] foundation::Expected<nlohmann::json> gateStatusJson(McpWorkspace& workspace,
                                                                  const nlohmann::json& arguments);

// devos://rules/{id} (each rule's Markdown page), listed and read.
[[nodiscard]] std::vector<McpResource> ruleResources(McpWorkspace& workspace);
// The Markdown page of `uri` when it is devos://rules/<id>; NotFound otherwise.
[[nodiscard]] foundation::Expected<std::string> readRuleResource(McpWorkspace& workspace,
                                                                 const std::string& uri);

} // namespace devos::mcp
