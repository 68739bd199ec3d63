#include "mcp/devos_server.hpp"

#include "mcp/deps_tools.hpp"
#include "mcp/policy_tools.hpp"

#include <devos/foundation/files.hpp>
#include <devos/output/stable_fingerprint.hpp>
#include <filesystem>
#if DEVOS_HAS_CHECK
#include "mcp/check_tools.hpp"
#endif
#if DEVOS_HAS_RUNTIME
#include "mcp/gate_tools.hpp"
#include "mcp/heal_tools.hpp"
#include "mcp/telemetry_tools.hpp"
#endif

namespace devos::mcp {
namespace {

const char* kInstructions =
    "DevOS enforces a hexagonal layer graph (contracts, logic, ports, services, adapters, entrypoints) and "
    "the "
    "purity of logic/ (no clock, env, I/O, throw ...) in this C++ repo. Before adding an #include, call "
    "devos_check_edge. After editing, call devos_check with the changed paths (or changed_since) and fix "
    "each "
    "finding as its `instead` says; devos_explain_rule tells why a rule exists. For a failing test, "
    "devos_search_incidents finds similar past failures and their fixes. Results are capped: follow "
    "next_cursor "
    "for more.";

std::vector<McpPrompt> prompts(std::shared_ptr<McpWorkspace> ws) {
    std::vector<McpPrompt> out;
    out.push_back(
        {"fix_violation",
         "Fix a DevOS finding",
         "Guides the model through fixing one finding, identified by its fingerprint.",
         {{"fingerprint", "the finding's fingerprint (devos_check, SARIF partialFingerprints)", true}},
         [ws](const nlohmann::json& a) -> foundation::Expected<std::string> {
             const std::string fingerprint = a["fingerprint"];
             std::string known;
             if (auto last = ws->lastCheck())
                 for (const auto& f : last->findings)
                     if (output::stableFingerprint(f) == fingerprint)
                         known = "It is " + f.ruleId + " at " + f.at.file + ":" + std::to_string(f.at.line) +
                                 ": " + f.message + "\nWhat to do instead: " + f.instead + "\n";
             return "Fix the DevOS finding with fingerprint " + fingerprint + ".\n" + known +
                    "Steps: 1. If you do not know the finding yet, call devos_check and find the fingerprint "
                    "in its findings. 2. Call devos_explain_rule with its rule to learn why it exists and "
                    "what is allowed. 3. Change the code as `instead` says (never add a devos-allow comment "
                    "unless the user asks, and then with a reason and an expiry). 4. Call devos_check on the "
                    "file again and confirm the fingerprint is gone.";
         }});
    out.push_back(
        {"triage_failure",
         "Triage a test failure",
         "Guides the model from a stored failure to its similar past incidents and their fixes.",
         {{"failure_id", "the failure's id (devos_test_failures, devos ingest)", true}},
         [](const nlohmann::json& a) -> foundation::Expected<std::string> {
             const std::string id = a["failure_id"];
             return "Triage the test failure " + id +
                    ".\nSteps: 1. Call devos_get_incident with failure_id " + id +
                    " for its message, run, occurrences and linked fixes. 2. Call devos_search_incidents "
                    "with failure_id " +
                    id +
                    " for similar past failures; read their fixes' diffs. 3. Decide whether it is flaky "
                    "(many occurrences across unrelated commits) or a regression, and propose the smallest "
                    "change that a past fix suggests. 4. After the change, run the test and devos_check.";
         }});
    return out;
}

const char* kRunsPrefix = "devos://runs/";

// devos://runs/{fast|full}/sarif: the merged SARIF of the latest check-fast / check-full.
std::vector<McpResource> gateSarifResources(McpWorkspace& ws) {
    std::vector<McpResource> out = {{std::string(kRunsPrefix) + "{run}/sarif", "gate-sarif",
                                     "The merged SARIF of the latest gate run: run is fast or full",
                                     "application/sarif+json", true}};
    std::error_code ec;
    for (const char* run : {"fast", "full"})
        if (std::filesystem::exists(
                std::filesystem::path(ws.paths().buildDir) / "devos" / (std::string(run) + ".sarif"), ec))
            out.push_back({std::string(kRunsPrefix) + run + "/sarif", std::string(run) + ".sarif",
                           "SARIF of the latest check-" + std::string(run), "application/sarif+json", false});
    return out;
}

foundation::Expected<std::string> readGateSarif(McpWorkspace& ws, const std::string& uri) {
    const std::string run = uri.substr(std::string(kRunsPrefix).size());
    if (run != "fast/sarif" && run != "full/sarif")
        return foundation::fail(foundation::ErrorKind::NotFound, "no resource " + uri, "", 0,
                                "use devos://runs/fast/sarif or devos://runs/full/sarif");
    return foundation::readTextFile(
        (std::filesystem::path(ws.paths().buildDir) / "devos" / (run.substr(0, run.find('/')) + ".sarif"))
            .string(),
        "the gate SARIF");
}

} // namespace

foundation::Expected<std::unique_ptr<McpSession>> makeDevosSession(const DevosServerOptions& options) {
    auto ws = std::make_shared<McpWorkspace>(options.paths);
    std::vector<McpTool> all = policyTools(ws);
    for (auto& t : depsTools(ws))
        all.push_back(std::move(t));
#if DEVOS_HAS_CHECK
    for (auto& t : checkTools(ws))
        all.push_back(std::move(t));
#endif
#if DEVOS_HAS_RUNTIME
    for (auto& t : telemetryTools(ws))
        all.push_back(std::move(t));
    for (auto& t : gateTools(ws))
        all.push_back(std::move(t));
    for (auto& t : healTools(ws))
        all.push_back(std::move(t));
#endif
    auto tools = selectTools(std::move(all), options.selection);
    if (!tools)
        return std::unexpected(tools.error());
    ResourceCatalog resources;
    resources.list = [ws] {
        auto list = ruleResources(*ws);
        for (auto& r : gateSarifResources(*ws))
            list.push_back(std::move(r));
        return list;
    };
    resources.read = [ws](const std::string& uri,
                          std::string& mimeType) -> foundation::Expected<std::string> {
        if (uri.starts_with(kRunsPrefix)) {
            mimeType = "application/sarif+json";
            return readGateSarif(*ws, uri);
        }
        mimeType = "text/markdown";
        return readRuleResource(*ws, uri);
    };
    ServerIdentity identity{"devos", DEVOS_VERSION, kInstructions};
    return std::make_unique<McpSession>(std::move(identity), std::move(*tools), std::move(resources),
                                        prompts(ws));
}

} // namespace devos::mcp
