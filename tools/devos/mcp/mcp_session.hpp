#pragma once
// The MCP server's protocol logic, both eras in one process: the legacy `initialize` handshake
// (2025-06-18, 2025-11-25) and the stateless 2026-07-28 revision (`server/discover`, the version
// and client capabilities in every request's `_meta`, `resultType`, `ttlMs`/`cacheScope`). Pure
// dispatch over the tools, resources and prompts it is given; the stdio loop feeds it lines.
#include "mcp/json_rpc.hpp"
#include "mcp/mcp_tool.hpp"

#include <atomic>
#include <devos/foundation/error.hpp>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace devos::mcp {

// The revisions this server speaks: legacy (initialize) and modern (stateless, per-request _meta).
inline constexpr const char* kLegacyVersions[] = {"2025-11-25", "2025-06-18"};
inline constexpr const char* kModernVersion = "2026-07-28";

// Which tools a server serves: --read-only keeps the tools whose readOnlyHint is true, --toolsets and
// --tools narrow further (an empty set narrows nothing).
struct ToolSelection {
    bool readOnly = false;
    std::set<std::string> toolsets;
    std::set<std::string> tools;
};

// The tools `selection` keeps, in `all`'s order; Invalid naming the known values when a toolset or
// tool name is unknown.
[[nodiscard]] foundation::Expected<std::vector<McpTool>> selectTools(std::vector<McpTool> all,
                                                                     const ToolSelection& selection);

// The tool as tools/list shows it: name, description, inputSchema, outputSchema, annotations (no
// title: hosts show the name, and every byte of tools/list is context the model pays for).
[[nodiscard]] nlohmann::json toolListing(const McpTool& tool);

// Who the server is and what the model should know first.
struct ServerIdentity {
    std::string name = "devos";
    std::string version;
    std::string instructions;
};

// Dispatches one message at a time. Safe to call from one thread; `emit` may be called during a
// request (progress notifications).
class McpSession {
public:
    McpSession(ServerIdentity identity, std::vector<McpTool> tools, ResourceCatalog resources,
               std::vector<McpPrompt> prompts, std::size_t pageSize = 50);

    // The response line to a request, or nullopt (a notification, or a request cancelled while it
    // ran: MCP says a cancelled request gets no response). `emit` writes notification lines.
    [[nodiscard]] std::optional<std::string> handle(const RpcMessage& message,
                                                    const std::atomic<bool>& cancelled,
                                                    const std::function<void(const std::string& line)>& emit);

    [[nodiscard]] const std::vector<McpTool>& tools() const { return tools_; }
    // The legacy version negotiated by initialize; empty before it (or for a stateless client).
    [[nodiscard]] const std::string& negotiatedVersion() const { return negotiated_; }

private:
    using Result = std::expected<nlohmann::json, RpcError>;
    Result dispatch(const RpcMessage& message, bool modern, const std::atomic<bool>& cancelled,
                    const std::function<void(const std::string& line)>& emit);
    Result initialize(const nlohmann::json& params);
    Result discover() const;
    Result listTools(const nlohmann::json& params) const;
    Result callTool(const RpcMessage& message, bool modern, const std::atomic<bool>& cancelled,
                    const std::function<void(const std::string& line)>& emit);
    Result listResources(const nlohmann::json& params, bool templates) const;
    Result readResource(const nlohmann::json& params, bool modern) const;
    Result listPrompts(const nlohmann::json& params) const;
    Result getPrompt(const nlohmann::json& params) const;
    [[nodiscard]] nlohmann::json capabilities() const;

    ServerIdentity identity_;
    std::vector<McpTool> tools_;
    ResourceCatalog resources_;
    std::vector<McpPrompt> prompts_;
    std::size_t pageSize_;
    std::string negotiated_;
};

} // namespace devos::mcp
