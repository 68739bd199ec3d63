// SARIF 2.1.0: runs[].tool.driver.name and runs[].results[] with ruleId, level (default
// "warning"), message.text and the first physical location. Structural errors name the JSON path.
// The run's counts: total = results, failed = error-level results, passed = the others.
#include "report_file.hpp"

#include <devos/adapters/report_readers.hpp>
#include <devos/foundation/json.hpp>
#include <nlohmann/json.hpp>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;
using contracts::fail;
using nlohmann::json;

std::string stringAt(const json& node, const char* key) {
    auto it = node.find(key);
    return it != node.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

unsigned numberAt(const json& node, const char* key) {
    auto it = node.find(key);
    return it != node.end() && it->is_number_unsigned() ? it->get<unsigned>() : 0;
}

} // namespace

contracts::Expected<contracts::IngestBatch> SarifReader::read(const std::string& path) const {
    auto text = readReportFile(path);
    if (!text)
        return std::unexpected(text.error());
    auto parsed = foundation::parseJson(*text, path, "the SARIF log",
                                        "pass a .sarif file such as build/devos/devos.sarif");
    if (!parsed)
        return std::unexpected(parsed.error());
    json& log = *parsed;
    if (!log.is_object() || !log.contains("runs") || !log["runs"].is_array())
        return fail(ErrorKind::Invalid, "expected a SARIF 2.1.0 log: an object with a 'runs' array", path, 1,
                    "pass a .sarif file such as build/devos/devos.sarif");
    contracts::IngestBatch batch;
    batch.run.tool = "sarif";
    for (std::size_t r = 0; r < log["runs"].size(); ++r) {
        const json& run = log["runs"][r];
        std::string where = "runs[" + std::to_string(r) + "]";
        if (!run.is_object())
            return fail(ErrorKind::Invalid, "expected " + where + " to be an object", path);
        std::string tool;
        if (auto t = run.find("tool"); t != run.end() && t->is_object() && t->contains("driver"))
            tool = stringAt((*t)["driver"], "name");
        if (tool.empty())
            return fail(ErrorKind::Invalid, "expected " + where + ".tool.driver.name", path);
        if (r == 0)
            batch.run.tool = tool;
        auto results = run.find("results");
        if (results == run.end())
            continue;
        if (!results->is_array())
            return fail(ErrorKind::Invalid, "expected " + where + ".results to be an array", path);
        for (std::size_t i = 0; i < results->size(); ++i) {
            const json& result = (*results)[i];
            std::string at = where + ".results[" + std::to_string(i) + "]";
            if (!result.is_object() || !result.contains("message") ||
                stringAt(result["message"], "text").empty())
                return fail(ErrorKind::Invalid, "expected " + at + ".message.text", path);
            contracts::LintFailure f;
            f.tool = tool;
            f.ruleId = stringAt(result, "ruleId");
            f.level = stringAt(result, "level");
            if (f.level.empty())
                f.level = "warning";
            f.message = stringAt(result["message"], "text");
            if (auto locs = result.find("locations");
                locs != result.end() && locs->is_array() && !locs->empty() && (*locs)[0].is_object()) {
                const json physical = (*locs)[0].value("physicalLocation", json::object());
                f.file = stringAt(physical.value("artifactLocation", json::object()), "uri");
                const json region = physical.value("region", json::object());
                f.line = numberAt(region, "startLine");
                f.column = numberAt(region, "startColumn");
            }
            ++batch.run.total;
            ++(f.level == "error" ? batch.run.failed : batch.run.passed);
            batch.lintFailures.push_back(std::move(f));
        }
    }
    return batch;
}

} // namespace devos::adapters
