#include "mcp/heal_tools.hpp"

#include <cstdlib>
#include <devos/adapters/proposal_bundle_files.hpp>
#include <devos/entrypoints/self_heal_factory.hpp>
#include <devos/entrypoints/store_factory.hpp>
#include <devos/foundation/text.hpp>
#include <filesystem>

namespace fs = std::filesystem;

namespace devos::mcp {
namespace {

using nlohmann::json;

// Long texts in the outcome (evidence, diffs) cut so the result stays within an agent's budget.
void capStrings(json& value, std::size_t bytes) {
    if (value.is_string()) {
        if (value.get_ref<const std::string&>().size() > bytes)
            value = foundation::truncateUtf8(value.get_ref<const std::string&>(), bytes);
    } else if (value.is_structured()) {
        for (auto& item : value)
            capStrings(item, bytes);
    }
}

foundation::Expected<json> proposeFix(McpWorkspace& ws, const json& args, const ToolCall& call) {
    std::error_code ec;
    if (!fs::exists(fs::path(ws.paths().root) / ".git", ec))
        return foundation::fail(foundation::ErrorKind::Invalid, ws.paths().root + " is not a git work tree",
                                "", 0, "devos heal works on a clone with history: serve devos mcp from one");
    services::HealRequest heal;
    heal.failureId = args["failure_id"].get<std::string>();
    heal.repoRoot = ws.paths().root;
    if (fs::exists(fs::path(ws.paths().buildDir) / "CMakeCache.txt", ec))
        heal.buildDir = ws.paths().buildDir;
    const std::string agent = args.value("agent", "");
    if (agent == "playbook")
        heal.agent = contracts::AgentChoice::Playbook;
    else if (agent == "chat")
        heal.agent = contracts::AgentChoice::Chat;
    else if (agent == "auto")
        heal.agent = contracts::AgentChoice::Auto;
    entrypoints::SelfHealOptions options;
    options.repoRoot = ws.paths().root;
    options.dbPath = ws.paths().db;
    options.databaseUrl = entrypoints::databaseUrlFromEnvironment();
    double step = 0;
    options.progress = [&call, &step](const std::string& line) { call.report(++step, std::nullopt, line); };
    auto app = entrypoints::SelfHealApp::open(std::move(options));
    if (!app)
        return std::unexpected(app.error());
    auto outcome = (*app)->service().heal(heal);
    if (!outcome)
        return std::unexpected(outcome.error());
    json out = json::parse(adapters::selfHealOutcomeJson(*outcome));
    capStrings(out, 4000);
    return json{{"proposed", outcome->proposed}, {"outcome", out}};
}

} // namespace

std::vector<McpTool> healTools(std::shared_ptr<McpWorkspace> ws) {
    std::vector<McpTool> tools;
    tools.push_back(
        {"devos_propose_fix",
         "Propose a proven fix",
         "devos heal on a stored test failure: a patch from past fixes (or the chat model), validated "
         "and proven in a worktree (fails before, passes after), committed on selfheal/<id>; main and "
         "the work tree are never written. Needs self-heal enabled; takes a build and a test run.",
         "heal",
         json::parse(
             R"j({"type":"object","additionalProperties":false,"required":["failure_id"],"properties":{
                        "failure_id":{"type":"string","minLength":1,"maxLength":64,"description":"a stored test failure (devos_test_failures)"},
                        "agent":{"type":"string","enum":["playbook","chat","auto"]}}})j"),
         json::parse(R"j({"type":"object","required":["proposed","outcome"],"properties":{
                        "proposed":{"type":"boolean"},
                        "outcome":{"type":"object","description":"status, reason, evidence, rejections, proposal (id, branch, bundle, risk_score, agent, files), steps"}}})j"),
         {false, false, false, true},
         [ws](const json& a, const ToolCall& c) { return proposeFix(*ws, a, c); }});
    return tools;
}

} // namespace devos::mcp
