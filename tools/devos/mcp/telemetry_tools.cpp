#include "mcp/telemetry_tools.hpp"

#include "ingest/ingest_report.hpp"
#include "ingest/repo_telemetry.hpp"
#include "mcp/result_page.hpp"

#include <chrono>
#include <cstdlib>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/text.hpp>
#include <devos/services/incident_search.hpp>
#include <filesystem>
#include <mutex>

namespace fs = std::filesystem;

namespace devos::mcp {
namespace {

using nlohmann::json;

// The repository's telemetry (store and search), opened once (the first telemetry call pays for it)
// and kept warm.
class Telemetry {
public:
    explicit Telemetry(std::shared_ptr<McpWorkspace> ws) : ws_(std::move(ws)) {}

    foundation::Expected<void> open() {
        std::lock_guard lock(mutex_);
        if (opened_)
            return {};
        auto opened = ingest::openRepoTelemetry(ws_->paths().root, ws_->paths().db);
        if (!opened)
            return std::unexpected(opened.error());
        opened_ = std::move(*opened);
        return {};
    }
    ports::TelemetryStore& store() { return opened_->store(); }
    services::IncidentSearch& search() { return opened_->search(); }

private:
    std::shared_ptr<McpWorkspace> ws_;
    std::mutex mutex_;
    std::unique_ptr<entrypoints::Telemetry> opened_;
};

std::string shortText(const std::string& text, std::size_t bytes = 600) {
    return foundation::truncateUtf8(text, bytes);
}

json fixJson(const contracts::RecordedFix& f) {
    return {{"fix_id", f.id},
            {"source", contracts::fixSourceName(f.source)},
            {"failing_commit", f.failingCommit},
            {"fixing_commit", f.fixingCommit},
            {"diff", shortText(f.diff, 4000)},
            {"diff_truncated", f.diffTruncated || f.diff.size() > 4000}};
}

json testFailureJson(const contracts::TestFailure& t) {
    return {{"failure_id", t.id},
            {"kind", "test_failure"},
            {"pattern_id", t.patternId},
            {"title", t.suite + "." + t.testName},
            {"file", t.file},
            {"line", t.line},
            {"message", shortText(t.message)},
            {"run_id", t.runId}};
}

json lintFailureJson(const contracts::LintFailure& l) {
    return {{"failure_id", l.id},
            {"kind", "lint_failure"},
            {"pattern_id", l.patternId},
            {"title", l.tool + " " + l.ruleId},
            {"file", l.file},
            {"line", l.line},
            {"message", shortText(l.message)},
            {"run_id", l.runId}};
}

foundation::Expected<json> searchIncidents(Telemetry& t, const json& args) {
    const bool byText = args.contains("text"), byId = args.contains("failure_id");
    if (byText == byId)
        return foundation::fail(
            foundation::ErrorKind::Invalid, "give exactly one of `text` and `failure_id`", "", 0,
            "text: an error message or stack frame; failure_id: an id from devos_test_failures");
    if (auto opened = t.open(); !opened)
        return std::unexpected(opened.error());
    services::IncidentQuery query;
    if (byText)
        query.text = args["text"];
    else
        query.failureId = args["failure_id"].get<std::string>();
    query.k = args.value("k", 10);
    query.threshold = args.value("min_score", 0.5F);
    const auto started = std::chrono::steady_clock::now();
    auto result = t.search().search(query);
    if (!result)
        return std::unexpected(result.error());
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    json hits = json::array();
    for (const auto& h : result->hits) {
        json hit = std::holds_alternative<contracts::TestFailure>(h.failure)
                       ? testFailureJson(std::get<contracts::TestFailure>(h.failure))
                       : lintFailureJson(std::get<contracts::LintFailure>(h.failure));
        hit["score"] = h.score;
        hit["branch"] = h.run ? h.run->branch : "";
        hit["commit"] = h.run ? h.run->commitSha : "";
        contracts::FixQuery fixes;
        fixes.patternId = h.patternId();
        fixes.limit = 3;
        hit["fixes"] = json::array();
        if (auto found = t.store().fixes(fixes))
            for (const auto& f : *found)
                hit["fixes"].push_back(fixJson(f));
        hits.push_back(hit);
    }
    json out = {{"model", result->model},
                {"backend", result->backend},
                {"searched", result->searched},
                {"exact", true},
                {"elapsed_ms", ms}};
    putPage(out, "hits", hits, 0, query.k);
    return out;
}

foundation::Expected<json> getIncident(Telemetry& t, const json& args) {
    if (auto opened = t.open(); !opened)
        return std::unexpected(opened.error());
    const std::string id = args["failure_id"];
    contracts::FailureQuery byId;
    byId.failureId = id;
    byId.limit = 1;
    auto tests = t.store().queryFailures(byId);
    if (!tests)
        return std::unexpected(tests.error());
    json failure;
    std::string patternId;
    if (!tests->empty()) {
        failure = testFailureJson(tests->front());
        failure["stack_trace"] = shortText(tests->front().stackTrace, 4000);
        patternId = tests->front().patternId;
    } else {
        auto lint = t.store().findLintFailure(id);
        if (!lint)
            return std::unexpected(lint.error());
        if (!*lint)
            return foundation::fail(foundation::ErrorKind::NotFound, "no test or lint failure with id " + id,
                                    "", 0,
                                    "take a failure_id from devos_test_failures or devos_search_incidents");
        failure = lintFailureJson(**lint);
        patternId = (*lint)->patternId;
    }
    contracts::FailureQuery same;
    same.patternId = patternId;
    same.limit = 50;
    json occurrences = json::array();
    if (auto others = t.store().queryFailures(same); others)
        for (const auto& o : *others)
            occurrences.push_back({{"failure_id", o.id}, {"run_id", o.runId}, {"ts", o.ts}});
    contracts::FixQuery fixes;
    fixes.patternId = patternId;
    fixes.limit = 5;
    json linked = json::array();
    if (auto found = t.store().fixes(fixes); found)
        for (const auto& f : *found)
            linked.push_back(fixJson(f));
    contracts::AttemptQuery attempts;
    attempts.patternId = patternId;
    attempts.limit = 10;
    json heal = json::array();
    if (auto found = t.store().attempts(attempts); found)
        for (const auto& a : *found)
            heal.push_back({{"proposal_id", a.proposalId},
                            {"status", a.status},
                            {"branch", a.branch},
                            {"reason", shortText(a.reason)},
                            {"risk_score", a.riskScore}});
    if (auto run = t.store().findRun(failure["run_id"].get<std::string>()); run && *run)
        failure["run"] = {{"run_id", (*run)->runId},
                          {"branch", (*run)->branch},
                          {"commit", (*run)->commitSha},
                          {"tool", (*run)->tool},
                          {"started_at", (*run)->startedAt}};
    return json{{"failure", failure},
                {"pattern_id", patternId},
                {"occurrences", occurrences.size()},
                {"recent_occurrences", occurrences},
                {"linked_fixes", linked},
                {"heal_attempts", heal}};
}

foundation::Expected<json> testFailures(Telemetry& t, const json& args) {
    if (auto opened = t.open(); !opened)
        return std::unexpected(opened.error());
    auto offset = cursorOffset(args);
    if (!offset)
        return foundation::fail(foundation::ErrorKind::Invalid, offset.error());
    contracts::FailureQuery query;
    if (args.contains("run_id"))
        query.runId = args["run_id"].get<std::string>();
    if (args.contains("pattern_id"))
        query.patternId = args["pattern_id"].get<std::string>();
    if (args.contains("suite"))
        query.suite = args["suite"].get<std::string>();
    query.limit = 1000;
    auto failures = t.store().queryFailures(query);
    if (!failures)
        return std::unexpected(failures.error());
    json items = json::array();
    for (const auto& f : *failures)
        items.push_back(testFailureJson(f));
    json out = {{"count", items.size()}};
    putPage(out, "failures", items, *offset, args.value("limit", 50));
    return out;
}

// Ingests a JUnit or SARIF report from inside the repo or its build folder (the ingester is opened on
// first use and kept).
foundation::Expected<json> ingestReport(McpWorkspace& ws, std::unique_ptr<ingest::ReportIngester>& ingester,
                                        std::mutex& mutex, const json& args) {
    const std::string given = args["path"];
    const fs::path full = fs::path(given).is_absolute() ? fs::path(given) : fs::path(ws.paths().root) / given;
    std::error_code ec;
    const std::string canonical = fs::weakly_canonical(full, ec).string();
    auto inside = [&](const std::string& folder) {
        const std::string base = fs::weakly_canonical(folder, ec).string();
        return canonical.rfind(base + "/", 0) == 0;
    };
    if (!inside(ws.paths().root) && !inside(ws.paths().buildDir))
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "'" + given + "' is outside the repo and its build folder", "", 0,
                                "give a report inside the repo, e.g. build/Testing/junit.xml");
    if (!fs::is_regular_file(canonical, ec))
        return foundation::fail(foundation::ErrorKind::NotFound, "no report at '" + given + "'", "", 0,
                                "write it first, e.g. ctest --output-junit junit.xml");
    std::lock_guard lock(mutex);
    if (!ingester) {
        auto opened = ingest::ReportIngester::open(ws.paths().root, ws.paths().db);
        if (!opened)
            return std::unexpected(opened.error());
        ingester = std::move(*opened);
    }
    auto outcome = ingester->ingest(args["kind"], canonical);
    if (!outcome)
        return std::unexpected(outcome.error());
    json printed = ingest::ingestOutcomeJson(*outcome, engine::repoRelative(ws.paths().root, canonical));
    json out = {{"file", printed["file"]},
                {"store", printed["store"]},
                {"run", printed["run"]},
                {"embedding_model", printed["embedding_model"]},
                {"already_stored", printed["already_stored"]},
                {"learned_fixes", printed["learned_fixes"].size()}};
    json failures = json::array();
    for (auto& f : printed["failures"]) {
        f["message"] = shortText(f.value("message", ""));
        failures.push_back(f);
    }
    putPage(out, "failures", failures, 0, 100);
    return out;
}

json schema(const char* text) {
    return json::parse(text);
}

const char* kFailureSchema =
    R"j({"properties":{
    "failure_id":{"type":"string"},"kind":{"type":"string"},"pattern_id":{"type":"string"},
    "title":{"type":"string"},"file":{"type":"string"},"line":{"type":"integer"},"message":{"type":"string"},"run_id":{"type":"string"}}})j";

} // namespace

std::vector<McpTool> telemetryTools(std::shared_ptr<McpWorkspace> ws) {
    auto telemetry = std::make_shared<Telemetry>(ws);
    json failure = schema(kFailureSchema);
    json hit = failure;
    hit["properties"]["score"] = {{"type", "number"}};
    hit["properties"]["branch"] = {{"type", "string"}};
    hit["properties"]["commit"] = {{"type", "string"}};
    hit["properties"]["fixes"] = {{"type", "array"}};
    json searchOut = schema(
        R"j({"type":"object","required":["model","backend","searched","exact","hits","truncated"],"properties":{
        "model":{"type":"string"},"backend":{"type":"string"},"searched":{"type":"integer"},"exact":{"type":"boolean"},
        "elapsed_ms":{"type":"number"},"hits":{"type":"array"},"truncated":{"type":"boolean"},"next_cursor":{"type":"string"}}})j");
    searchOut["properties"]["hits"]["items"] = hit;
    json failuresOut = schema(R"j({"type":"object","required":["count","failures","truncated"],"properties":{
        "count":{"type":"integer"},"failures":{"type":"array"},"truncated":{"type":"boolean"},"next_cursor":{"type":"string"}}})j");
    failuresOut["properties"]["failures"]["items"] = failure;
    json incidentOut = schema(
        R"j({"type":"object","required":["failure","pattern_id","occurrences","recent_occurrences","linked_fixes","heal_attempts"],"properties":{
        "failure":{"type":"object"},"pattern_id":{"type":"string"},"occurrences":{"type":"integer"},
        "recent_occurrences":{"type":"array"},"linked_fixes":{"type":"array"},
        "heal_attempts":{"type":"array"}}})j");
    incidentOut["properties"]["failure"] = failure;

    std::vector<McpTool> tools;
    tools.push_back({"devos_search_incidents",
                     "Stored failures most similar to a text or a failure, with score, pattern and fixes.",
                     "telemetry",
                     schema(R"j({"type":"object","properties":{
                        "text":{"type":"string","minLength":1,"maxLength":20000,"description":"error message or stack frame"},
                        "failure_id":{"type":"string","minLength":1,"maxLength":64},
                        "k":{"type":"integer","minimum":1,"maximum":50},
                        "min_score":{"type":"number","minimum":-1,"maximum":1,"description":"default 0.5"}}})j"),
                     searchOut,
                     {},
                     [telemetry](const json& a, const ToolCall&) { return searchIncidents(*telemetry, a); }});
    tools.push_back({"devos_get_incident",
                     "A stored failure: its run, occurrences, linked fixes, heal attempts.",
                     "telemetry",
                     schema(R"j({"type":"object","required":["failure_id"],"properties":{
                        "failure_id":{"type":"string","minLength":1,"maxLength":64}}})j"),
                     incidentOut,
                     {},
                     [telemetry](const json& a, const ToolCall&) { return getIncident(*telemetry, a); }});
    tools.push_back({"devos_test_failures",
                     "Stored test failures, newest first.",
                     "telemetry",
                     schema(R"j({"type":"object","properties":{
                        "run_id":{"type":"string","maxLength":64},"pattern_id":{"type":"string","maxLength":128},
                        "suite":{"type":"string","maxLength":512},"limit":{"type":"integer","minimum":1,"maximum":200},
                        "cursor":{"type":"string"}}})j"),
                     failuresOut,
                     {},
                     [telemetry](const json& a, const ToolCall&) { return testFailures(*telemetry, a); }});
    auto ingester = std::make_shared<std::unique_ptr<ingest::ReportIngester>>();
    auto ingestMutex = std::make_shared<std::mutex>();
    tools.push_back(
        {"devos_ingest",
         "Stores a JUnit or SARIF report in telemetry; storing it again adds nothing.",
         "telemetry",
         schema(R"j({"type":"object","required":["kind","path"],"properties":{
                        "kind":{"enum":["junit","sarif"]},
                        "path":{"type":"string","minLength":1,"maxLength":4096,"description":"repo-relative"}}})j"),
         schema(
             R"j({"type":"object","required":["file","store","run","embedding_model","failures","truncated"],"properties":{
                        "file":{"type":"string"},"store":{"type":"string"},"run":{"type":"object"},"embedding_model":{"type":"string"},
                        "already_stored":{"type":"boolean"},"learned_fixes":{"type":"integer"},"failures":{"type":"array"},
                        "truncated":{"type":"boolean"},"next_cursor":{"type":"string"}}})j"),
         {false, false, false, false},
         [ws, ingester, ingestMutex](const json& a, const ToolCall&) {
             return ingestReport(*ws, *ingester, *ingestMutex, a);
         }});
    return tools;
}

} // namespace devos::mcp
