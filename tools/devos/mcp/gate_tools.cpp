#include "mcp/gate_tools.hpp"

#include "gates/gate_result.hpp"
#include "mcp/policy_tools.hpp"

#include <atomic>
#include <chrono>
#include <devos/adapters/process_command_runner.hpp>
#include <devos/foundation/text.hpp>
#include <filesystem>
#include <set>
#include <thread>

namespace fs = std::filesystem;

namespace devos::mcp {
namespace {

using nlohmann::json;

foundation::Expected<json> gateRun(McpWorkspace& ws, const json& args, const ToolCall& call) {
    const std::string gate = args["gate"];
    const fs::path build = ws.paths().buildDir;
    std::error_code ec;
    if (!fs::exists(build / "CMakeCache.txt", ec))
        return foundation::fail(foundation::ErrorKind::NotFound,
                                build.string() + " is not a configured build folder", "", 0,
                                "configure the repo first (cmake -S . -B build) or serve with -p <build>");
    adapters::ProcessCommandRunner runner;
    const contracts::CommandSpec spec{
        {"cmake", "--build", build.string(), "--target", "check-" + gate}, ws.paths().root, {}, 3600};
    const auto started = fs::file_time_type::clock::now();
    contracts::CommandResult result;
    std::atomic<bool> done{false};
    std::thread worker([&] {
        result = runner.run(spec);
        done.store(true);
    });
    // Progress: one step per gate result written since the run started (what `devos gate run` records).
    std::set<fs::path> reported;
    double step = 0;
    call.report(step, std::nullopt, "cmake --build " + build.string() + " --target check-" + gate);
    while (!done.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (call.isCancelled())
            runner.stop();
        for (const auto& file : gates::gateResultFiles(build / "devos")) {
            auto written = fs::last_write_time(file, ec);
            if (ec || written < started || reported.contains(file))
                continue;
            reported.insert(file);
            if (auto r = gates::readGateResult(file.string()); r && !r->name.empty())
                call.report(++step, std::nullopt, r->name + " " + std::string(gates::statusName(r->status)));
        }
    }
    worker.join();
    if (result.stopped)
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "check-" + gate + " was cancelled and stopped");
    json out = {{"gate", gate},
                {"passed", result.exitCode == 0},
                {"exit_code", result.exitCode},
                {"seconds", static_cast<double>(result.millis) / 1000.0},
                {"timed_out", result.timedOut},
                {"output_tail", std::string(foundation::utf8Tail(result.output, 4000))}};
    if (auto status = gateStatusJson(ws, json::object()); status) {
        out["gates"] = (*status)["gates"];
        out["levels"] = (*status)["levels"];
    } else {
        out["gates"] = json::array();
    }
    return out;
}

} // namespace

std::vector<McpTool> gateTools(std::shared_ptr<McpWorkspace> ws) {
    std::vector<McpTool> tools;
    tools.push_back(
        {"devos_gate_run",
         "Builds check-fast or check-full, progress per gate; cancelling kills the build.",
         "gates",
         json::parse(R"j({"type":"object","required":["gate"],"properties":{
                        "gate":{"enum":["fast","full"]}}})j"),
         json::parse(
             R"j({"type":"object","required":["gate","passed","exit_code","seconds","gates","output_tail"],"properties":{
                        "gate":{"type":"string"},"passed":{"type":"boolean"},"exit_code":{"type":"integer"},
                        "seconds":{"type":"number"},"timed_out":{"type":"boolean"},"output_tail":{"type":"string"},
                        "gates":{"type":"array"},"levels":{"type":"object"}}})j"),
         {false, false, true, false},
         [ws](const json& a, const ToolCall& c) { return gateRun(*ws, a, c); }});
    return tools;
}

} // namespace devos::mcp
