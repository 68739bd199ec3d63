#pragma once
// JSON-RPC 2.0 as MCP's stdio transport frames it: one message per line, UTF-8, no embedded newline.
// Pure: parses a line into a message and renders replies; the stdio loop does the reading and writing.
#include <expected>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace devos::mcp {

// The JSON-RPC and MCP error codes DevOS answers with.
enum RpcCode : int {
    kParseError = -32700,
    kInvalidRequest = -32600,
    kMethodNotFound = -32601,
    kInvalidParams = -32602,
    kInternalError = -32603,
    kRequestCancelled = -32800,
    kUnsupportedProtocolVersion = -32022, // MCP 2026-07-28: data {supported, requested}
};

// A JSON-RPC error object: code, message and optional data.
struct RpcError {
    int code = kInternalError;
    std::string message;
    nlohmann::json data; // null: no "data" member
};

// One parsed line. A request has an id (string or integer); a notification has none; a response
// (a client's answer to a server request) has "result" or "error" and no method.
struct RpcMessage {
    enum class Kind { Request, Notification, Response };
    Kind kind = Kind::Request;
    nlohmann::json id; // null for a notification
    std::string method;
    nlohmann::json params = nlohmann::json::object();
};

// A line that is not a valid message: the error to answer with and the id, when one could be read
// (null otherwise, as JSON-RPC says for a parse error).
struct RpcFailure {
    RpcError error;
    nlohmann::json id;
};

// Parses one line: -32700 when it is not JSON, -32600 when it is JSON but not a JSON-RPC 2.0 message
// (a batch array included: MCP removed batching).
[[nodiscard]] std::expected<RpcMessage, RpcFailure> parseRpcLine(std::string_view line);

// The line (without its newline) of a successful response.
[[nodiscard]] std::string renderResult(const nlohmann::json& id, const nlohmann::json& result);
// The line of an error response.
[[nodiscard]] std::string renderError(const nlohmann::json& id, const RpcError& error);
// The line of a server notification.
[[nodiscard]] std::string renderNotification(std::string_view method, const nlohmann::json& params);

} // namespace devos::mcp
