#include "mcp/mcp_session.hpp"

#include "mcp/input_request.hpp"
#include "mcp/result_page.hpp"
#include "mcp/tool_arguments.hpp"

#include <algorithm>

namespace devos::mcp {
namespace {

using nlohmann::json;

const char* kVersionKey = "io.modelcontextprotocol/protocolVersion";
const char* kCapabilitiesKey = "io.modelcontextprotocol/clientCapabilities";

// How long a client may cache a list or a read: the catalog is fixed for the server's lifetime, but
// the repo's policy may change on disk, so a minute, and only for this client ("private").
constexpr int kTtlMs = 60000;

std::unexpected<RpcError> rpcFail(int code, std::string message, json data = nullptr) {
    return std::unexpected(RpcError{code, std::move(message), std::move(data)});
}

json supportedVersions() {
    json all = json::array({kModernVersion});
    for (const char* v : kLegacyVersions)
        all.push_back(v);
    return all;
}

std::string joined(const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

// The page [offset, offset + size) of `items` under `key`, with nextCursor when more remain.
std::expected<json, RpcError> listPage(const json& params, const std::string& key, const json& items,
                                       std::size_t size) {
    const json cursor = params.value("cursor", json(""));
    if (!cursor.is_string())
        return rpcFail(kInvalidParams, "\"cursor\" must be a string");
    auto offset = offsetOfCursor(cursor.get<std::string>());
    if (!offset || *offset > items.size())
        return rpcFail(kInvalidParams, offset ? "invalid cursor: past the end of the list" : offset.error());
    json out = {{key, json::array()}};
    const std::size_t end = std::min(items.size(), *offset + size);
    for (std::size_t i = *offset; i < end; ++i)
        out[key].push_back(items[i]);
    if (end < items.size())
        out["nextCursor"] = cursorAt(end);
    return out;
}

json errorResult(const std::string& text) {
    return {{"content", json::array({{{"type", "text"}, {"text", text}}})}, {"isError", true}};
}

// "`reason`, `expires`": the fields `form` asks for.
std::string formFields(const InputForm& form) {
    std::string out;
    for (const auto& name : form.requestedSchema.value("required", json::array()))
        out += (out.empty() ? "`" : ", `") + name.get<std::string>() + "`";
    return out;
}

} // namespace

foundation::Expected<std::vector<McpTool>> selectTools(std::vector<McpTool> all,
                                                       const ToolSelection& selection) {
    std::set<std::string> knownSets, knownNames;
    for (const auto& t : all) {
        knownSets.insert(t.toolset);
        knownNames.insert(t.name);
    }
    for (const auto& s : selection.toolsets)
        if (!knownSets.contains(s))
            return foundation::fail(foundation::ErrorKind::Invalid, "unknown toolset '" + s + "'", "", 0,
                                    "use one or more of: " + joined(knownSets));
    for (const auto& n : selection.tools)
        if (!knownNames.contains(n))
            return foundation::fail(foundation::ErrorKind::Invalid, "unknown tool '" + n + "'", "", 0,
                                    "use one or more of: " + joined(knownNames));
    std::erase_if(all, [&](const McpTool& t) {
        return (selection.readOnly && !t.hints.readOnly) ||
               (!selection.toolsets.empty() && !selection.toolsets.contains(t.toolset)) ||
               (!selection.tools.empty() && !selection.tools.contains(t.name));
    });
    return all;
}

json toolListing(const McpTool& tool) {
    return {{"name", tool.name},
            {"description", tool.description},
            {"inputSchema", tool.inputSchema},
            {"outputSchema", tool.outputSchema},
            {"annotations",
             {{"readOnlyHint", tool.hints.readOnly},
              {"destructiveHint", tool.hints.destructive},
              {"idempotentHint", tool.hints.idempotent},
              {"openWorldHint", tool.hints.openWorld}}}};
}

McpSession::McpSession(ServerIdentity identity, std::vector<McpTool> tools, ResourceCatalog resources,
                       std::vector<McpPrompt> prompts, std::size_t pageSize)
    : identity_(std::move(identity)), tools_(std::move(tools)), resources_(std::move(resources)),
      prompts_(std::move(prompts)), pageSize_(std::max<std::size_t>(1, pageSize)) {}

json McpSession::capabilities() const {
    return {{"tools", {{"listChanged", false}}},
            {"resources", {{"subscribe", false}, {"listChanged", false}}},
            {"prompts", {{"listChanged", false}}}};
}

std::optional<std::string> McpSession::handle(const RpcMessage& message, const std::atomic<bool>& cancelled,
                                              const std::function<void(const std::string& line)>& emit) {
    if (message.kind != RpcMessage::Kind::Request)
        return std::nullopt; // notifications/initialized, cancelled (the loop), client responses
    const json meta = message.params.value("_meta", json::object());
    const bool modern = meta.is_object() && meta.contains(kVersionKey);
    if (modern) {
        const json requested = meta[kVersionKey];
        if (!requested.is_string() || requested != kModernVersion)
            return renderError(message.id, {kUnsupportedProtocolVersion,
                                            "unsupported protocol version",
                                            {{"supported", supportedVersions()}, {"requested", requested}}});
        if (!meta.contains(kCapabilitiesKey) || !meta[kCapabilitiesKey].is_object())
            return renderError(message.id, {kInvalidParams,
                                            std::string("missing _meta[\"") + kCapabilitiesKey +
                                                "\"]: 2026-07-28 requests carry the client's capabilities",
                                            nullptr});
    } else if (negotiated_.empty() && message.method != "initialize" && message.method != "ping" &&
               message.method != "server/discover") {
        return renderError(message.id,
                           {kInvalidRequest,
                            "send initialize first, or carry _meta[\"" + std::string(kVersionKey) +
                                "\"] = \"" + kModernVersion + "\" on every request (stateless 2026-07-28)",
                            nullptr});
    }
    auto result = dispatch(message, modern, cancelled, emit);
    if (cancelled.load())
        return std::nullopt;
    if (!result)
        return renderError(message.id, result.error());
    if (modern) {
        if (!result->contains("resultType")) // an input_required result keeps its kind
            (*result)["resultType"] = "complete";
        (*result)["_meta"]["io.modelcontextprotocol/serverInfo"] = {{"name", identity_.name},
                                                                    {"version", identity_.version}};
        static const std::set<std::string> cacheable = {"server/discover", "tools/list",
                                                        "resources/list",  "resources/templates/list",
                                                        "resources/read",  "prompts/list"};
        if (cacheable.contains(message.method)) {
            (*result)["ttlMs"] = kTtlMs;
            (*result)["cacheScope"] = "private";
        }
    }
    return renderResult(message.id, *result);
}

McpSession::Result McpSession::dispatch(const RpcMessage& message, bool modern,
                                        const std::atomic<bool>& cancelled,
                                        const std::function<void(const std::string& line)>& emit) {
    const std::string& m = message.method;
    if (m == "initialize")
        return initialize(message.params);
    if (m == "server/discover")
        return discover();
    if (m == "ping")
        return json::object();
    if (m == "tools/list")
        return listTools(message.params);
    if (m == "tools/call")
        return callTool(message, modern, cancelled, emit);
    if (m == "resources/list")
        return listResources(message.params, false);
    if (m == "resources/templates/list")
        return listResources(message.params, true);
    if (m == "resources/read")
        return readResource(message.params, modern);
    if (m == "prompts/list")
        return listPrompts(message.params);
    if (m == "prompts/get")
        return getPrompt(message.params);
    return rpcFail(kMethodNotFound, "method not found: " + m);
}

McpSession::Result McpSession::initialize(const json& params) {
    const json asked = params.value("protocolVersion", json());
    std::string version = kLegacyVersions[0];
    for (const char* v : kLegacyVersions)
        if (asked == v)
            version = v;
    negotiated_ = version;
    return json{
        {"protocolVersion", version},
        {"capabilities", capabilities()},
        {"serverInfo", {{"name", identity_.name}, {"title", "DevOS"}, {"version", identity_.version}}},
        {"instructions", identity_.instructions}};
}

McpSession::Result McpSession::discover() const {
    return json{{"supportedVersions", supportedVersions()},
                {"capabilities", capabilities()},
                {"instructions", identity_.instructions}};
}

McpSession::Result McpSession::listTools(const json& params) const {
    json all = json::array();
    for (const auto& t : tools_)
        all.push_back(toolListing(t));
    return listPage(params, "tools", all, pageSize_);
}

McpSession::Result McpSession::callTool(const RpcMessage& message, bool modern,
                                        const std::atomic<bool>& cancelled,
                                        const std::function<void(const std::string& line)>& emit) {
    const json& params = message.params;
    if (!params.contains("name") || !params["name"].is_string())
        return rpcFail(kInvalidParams, "tools/call needs \"name\" (a string)");
    const std::string name = params["name"];
    auto tool = std::find_if(tools_.begin(), tools_.end(), [&](const McpTool& t) { return t.name == name; });
    if (tool == tools_.end()) {
        json names = json::array();
        for (const auto& t : tools_)
            names.push_back(t.name);
        return rpcFail(kInvalidParams, "Unknown tool: " + name, {{"available", names}});
    }
    json arguments = params.value("arguments", json::object());
    if (auto problem = argumentProblem(tool->inputSchema, arguments))
        return errorResult(tool->name + ": " + *problem);
    const json meta = params.value("_meta", json::object());
    if (auto form = tool->missingInput ? tool->missingInput(arguments) : std::nullopt) {
        // Arguments the user must give: a 2026-07-28 client that declared form elicitation is asked
        // (input_required) and retries with the answer in inputResponses; any other client is told.
        if (!modern || !meta.is_object() || !canElicitForm(meta.value(kCapabilitiesKey, json())))
            return errorResult(tool->name + ": missing required argument " + formFields(*form) +
                               "; ask the user: " + form->message);
        if (!params.contains("inputResponses"))
            return inputRequiredResult(*form);
        auto answer = readInputResponse(params["inputResponses"], *form);
        if (!answer)
            return rpcFail(kInvalidParams, answer.error());
        if (!answer->accepted)
            return errorResult(tool->name + ": the user chose " + answer->action + " when asked for " +
                               formFields(*form) + "; nothing was done");
        arguments.update(answer->content);
        if (auto problem = argumentProblem(tool->inputSchema, arguments))
            return errorResult(tool->name + ": " + *problem);
    }

    ToolCall call;
    call.cancelled = &cancelled;
    if (meta.is_object() && meta.contains("progressToken")) {
        const json token = meta["progressToken"];
        call.progress = [token, emit](double done, std::optional<double> total, const std::string& text) {
            json p = {{"progressToken", token}, {"progress", done}};
            if (total)
                p["total"] = *total;
            if (!text.empty())
                p["message"] = text;
            emit(renderNotification("notifications/progress", p));
        };
    }
    auto outcome = tool->run(arguments, call);
    if (!outcome)
        return errorResult(tool->name + ": " + outcome.error().render());
    return json{{"content", json::array({{{"type", "text"}, {"text", outcome->dump()}}})},
                {"structuredContent", *outcome},
                {"isError", false}};
}

McpSession::Result McpSession::listResources(const json& params, bool templates) const {
    json items = json::array();
    if (resources_.list)
        for (const auto& r : resources_.list()) {
            if (r.isTemplate != templates)
                continue;
            json item = {{templates ? "uriTemplate" : "uri", r.uri},
                         {"name", r.name},
                         {"description", r.description},
                         {"mimeType", r.mimeType}};
            items.push_back(item);
        }
    return listPage(params, templates ? "resourceTemplates" : "resources", items, pageSize_);
}

McpSession::Result McpSession::readResource(const json& params, bool modern) const {
    if (!params.contains("uri") || !params["uri"].is_string())
        return rpcFail(kInvalidParams, "resources/read needs \"uri\" (a string)");
    const std::string uri = params["uri"];
    std::string mimeType = "text/markdown";
    auto text = resources_.read ? resources_.read(uri, mimeType)
                                : foundation::Expected<std::string>(std::unexpected(foundation::Error{}));
    if (!text)
        // 2026-07-28 answers a missing resource with -32602; earlier revisions with -32002.
        return rpcFail(modern ? kInvalidParams : -32002, "resource not found: " + uri,
                       {{"uri", uri}, {"reason", text.error().render()}});
    return json{{"contents", json::array({{{"uri", uri}, {"mimeType", mimeType}, {"text", *text}}})}};
}

McpSession::Result McpSession::listPrompts(const json& params) const {
    json items = json::array();
    for (const auto& p : prompts_) {
        json arguments = json::array();
        for (const auto& a : p.arguments)
            arguments.push_back({{"name", a.name}, {"description", a.description}, {"required", a.required}});
        items.push_back(
            {{"name", p.name}, {"title", p.title}, {"description", p.description}, {"arguments", arguments}});
    }
    return listPage(params, "prompts", items, pageSize_);
}

McpSession::Result McpSession::getPrompt(const json& params) const {
    const std::string name = params.value("name", json("")).is_string() ? params.value("name", "") : "";
    auto prompt =
        std::find_if(prompts_.begin(), prompts_.end(), [&](const McpPrompt& p) { return p.name == name; });
    if (prompt == prompts_.end())
        return rpcFail(kInvalidParams, "unknown prompt '" + name + "'");
    const json arguments = params.value("arguments", json::object());
    if (!arguments.is_object())
        return rpcFail(kInvalidParams, "prompt arguments must be an object of strings");
    for (const auto& a : prompt->arguments)
        if (a.required && (!arguments.contains(a.name) || !arguments[a.name].is_string()))
            return rpcFail(kInvalidParams,
                           "prompt " + name + " needs the argument `" + a.name + "` (a string)");
    auto text = prompt->render(arguments);
    if (!text)
        return rpcFail(kInvalidParams, text.error().render());
    return json{
        {"description", prompt->description},
        {"messages", json::array({{{"role", "user"}, {"content", {{"type", "text"}, {"text", *text}}}}})}};
}

} // namespace devos::mcp
