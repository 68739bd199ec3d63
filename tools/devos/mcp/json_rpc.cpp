#include "mcp/json_rpc.hpp"

namespace devos::mcp {
namespace {

using nlohmann::json;

std::unexpected<RpcFailure> invalid(std::string message, json id = nullptr) {
    return std::unexpected(RpcFailure{{kInvalidRequest, std::move(message), nullptr}, std::move(id)});
}

// dump() never writes a raw newline (it escapes control characters inside strings) and replaces
// invalid UTF-8 instead of throwing, so every rendered message is exactly one valid line.
std::string line(const json& message) {
    return message.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

std::expected<RpcMessage, RpcFailure> parseRpcLine(std::string_view text) {
    json message = json::parse(text, nullptr, false);
    if (message.is_discarded())
        return std::unexpected(RpcFailure{
            {kParseError, "parse error: the line is not valid JSON (one JSON-RPC message per line)", nullptr},
            nullptr});
    if (message.is_array())
        return invalid("batches are not supported: send one JSON-RPC message per line");
    if (!message.is_object())
        return invalid("a JSON-RPC message must be an object");
    const bool hasId = message.contains("id");
    json id = hasId ? message["id"] : json();
    if (hasId && !id.is_string() && !id.is_number_integer() && !(id.is_null() && !message.contains("method")))
        return invalid("\"id\" must be a string or an integer");
    if (message.value("jsonrpc", json()) != "2.0")
        return invalid("\"jsonrpc\" must be \"2.0\"", id);
    RpcMessage out;
    out.id = id;
    if (!message.contains("method")) {
        if (!message.contains("result") && !message.contains("error"))
            return invalid(
                "a message needs \"method\" (request, notification) or \"result\"/\"error\" (response)", id);
        out.kind = RpcMessage::Kind::Response;
        return out;
    }
    if (!message["method"].is_string())
        return invalid("\"method\" must be a string", id);
    out.method = message["method"].get<std::string>();
    out.kind = hasId ? RpcMessage::Kind::Request : RpcMessage::Kind::Notification;
    if (message.contains("params")) {
        if (!message["params"].is_object())
            return invalid("\"params\" must be an object", id);
        out.params = message["params"];
    }
    return out;
}

std::string renderResult(const json& id, const json& result) {
    return line({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

std::string renderError(const json& id, const RpcError& error) {
    json body = {{"code", error.code}, {"message", error.message}};
    if (!error.data.is_null())
        body["data"] = error.data;
    return line({{"jsonrpc", "2.0"}, {"id", id}, {"error", body}});
}

std::string renderNotification(std::string_view method, const json& params) {
    return line({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
}

} // namespace devos::mcp
