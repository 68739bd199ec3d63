#include "mcp/deps_tools.hpp"

#include "dependencies/build_record.hpp"
#include "dependencies/dependency_check.hpp"
#include "mcp/result_page.hpp"

#include <devos/engine/config_section.hpp>

namespace devos::mcp {
namespace {

using nlohmann::json;

json findingsJson(const std::vector<engine::Finding>& findings) {
    json out = json::array();
    for (const auto& f : findings)
        out.push_back({{"rule", f.ruleId},
                       {"level", engine::levelName(f.level)},
                       {"package", f.subject},
                       {"message", f.message},
                       {"instead", f.instead}});
    return out;
}

// The workspace's policy and its dependency floors and bans, each read afresh (the config may change
// between calls).
struct DependencyPolicy {
    std::shared_ptr<const engine::Policy> policy;
    dependencies::DependencyRules rules;
};

foundation::Expected<DependencyPolicy> dependencyPolicy(McpWorkspace& ws) {
    auto policy = ws.policy();
    if (!policy)
        return std::unexpected(policy.error());
    auto rules = engine::gateSettings<dependencies::DependencyRules>(**policy);
    if (!rules)
        return std::unexpected(rules.error());
    return DependencyPolicy{*policy, std::move(*rules)};
}

foundation::Expected<json> listDeps(McpWorkspace& ws, const json& args) {
    auto deps = dependencyPolicy(ws);
    if (!deps)
        return std::unexpected(deps.error());
    auto record = dependencies::loadBuildRecord(ws.paths().buildDir, "", "auto");
    if (!record)
        return std::unexpected(record.error());
    auto offset = cursorOffset(args);
    if (!offset)
        return foundation::fail(foundation::ErrorKind::Invalid, offset.error());
    json packages = json::array();
    for (const auto& d : record->dependencies)
        packages.push_back(
            {{"name", d.name}, {"version", d.version}, {"found", d.found}, {"required", d.required}});
    json out = {{"source", record->source},
                {"findings", findingsJson(dependencies::checkDependencies(record->dependencies, deps->rules,
                                                                          *deps->policy, ws.paths().root))}};
    putPage(out, "packages", packages, *offset, 200);
    return out;
}

foundation::Expected<json> checkDependency(McpWorkspace& ws, const json& args) {
    auto deps = dependencyPolicy(ws);
    if (!deps)
        return std::unexpected(deps.error());
    dependencies::ResolvedDependency candidate;
    candidate.name = args["name"];
    candidate.version = args.value("version", "");
    candidate.found = true;
    const auto findings =
        dependencies::checkDependencies({candidate}, deps->rules, *deps->policy, ws.paths().root);
    bool allowed = true;
    for (const auto& f : findings)
        allowed = allowed && f.level != engine::Level::Error;
    return json{{"name", candidate.name},
                {"version", candidate.version},
                {"allowed", allowed},
                {"findings", findingsJson(findings)}};
}

json schema(const char* text) {
    return json::parse(text);
}

const char* kFindings =
    R"j({"type":"array","items":{"properties":{"rule":{"type":"string"},"level":{"type":"string"},"package":{"type":"string"},"message":{"type":"string"},"instead":{"type":"string"}}}})j";

} // namespace

std::vector<McpTool> depsTools(std::shared_ptr<McpWorkspace> ws) {
    json depsOut =
        schema(R"j({"type":"object","required":["source","packages","findings","truncated"],"properties":{
        "source":{"type":"string"},"packages":{"type":"array","items":{"properties":{"name":{"type":"string"},"version":{"type":"string"},"found":{"type":"boolean"},"required":{"type":"boolean"}}}},
        "truncated":{"type":"boolean"},"next_cursor":{"type":"string"}}})j");
    depsOut["properties"]["findings"] = schema(kFindings);
    json checkOut =
        schema(R"j({"type":"object","required":["name","version","allowed","findings"],"properties":{
        "name":{"type":"string"},"version":{"type":"string"},"allowed":{"type":"boolean"}}})j");
    checkOut["properties"]["findings"] = schema(kFindings);
    std::vector<McpTool> tools;
    tools.push_back({"devos_deps",
                     "Resolved packages with floor and ban findings.",
                     "deps",
                     schema(R"j({"type":"object","properties":{"cursor":{"type":"string"}}})j"),
                     depsOut,
                     {},
                     [ws](const json& a, const ToolCall&) { return listDeps(*ws, a); }});
    tools.push_back({"devos_check_dependency",
                     "Ask before adding a find_package: does it pass the floors and bans?",
                     "deps",
                     schema(R"j({"type":"object","required":["name"],"properties":{
                        "name":{"type":"string","minLength":1,"maxLength":256},
                        "version":{"type":"string","maxLength":64}}})j"),
                     checkOut,
                     {},
                     [ws](const json& a, const ToolCall&) { return checkDependency(*ws, a); }});
    return tools;
}

} // namespace devos::mcp
