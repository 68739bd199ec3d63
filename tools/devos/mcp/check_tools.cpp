#include "mcp/check_tools.hpp"

#include "check/baseline.hpp"
#include "check/repo_analysis.hpp"
#include "mcp/allow_edit.hpp"
#include "mcp/result_page.hpp"

#include <devos/engine/allow_comment.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>
#include <devos/foundation/process.hpp>
#include <devos/output/report.hpp>
#include <devos/output/stable_fingerprint.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace devos::mcp {
namespace {

using nlohmann::json;

bool isSource(const std::string& path) {
    static const std::set<std::string> extensions = {".cpp", ".cc", ".cxx", ".c++", ".c"};
    return extensions.contains(fs::path(path).extension().string());
}

// The source files changed since `ref` (committed, staged or not), through git in the repo.
foundation::Expected<std::vector<std::string>> changedSources(const McpWorkspace& ws,
                                                              const std::string& ref) {
    if (ref.starts_with("-") || ref.find_first_of(" \t\n") != std::string::npos)
        return foundation::fail(foundation::ErrorKind::Invalid, "invalid git ref '" + ref + "'", "", 0,
                                "give a branch, tag or commit, such as main or HEAD~1");
    auto outcome = foundation::runProcess(
        {"git", "-C", ws.paths().root, "diff", "--name-only", "--diff-filter=ACMR", ref, "--"});
    if (outcome.exitCode != 0)
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "git diff against '" + ref + "' failed: " + outcome.output.substr(0, 400), "",
                                0, "give a ref that exists in this repo (git rev-parse --verify <ref>)");
    std::vector<std::string> files;
    std::istringstream lines(outcome.output);
    for (std::string line; std::getline(lines, line);)
        if (isSource(line))
            files.push_back((fs::path(ws.paths().root) / line).string());
    return files;
}

json findingJson(const engine::Finding& f, const engine::Policy& policy) {
    const engine::Rule* rule = policy.catalog.find(f.ruleId);
    json fix = nullptr;
    if (!f.fixes.empty()) {
        const auto& first = f.fixes.front();
        fix = {{"file", first.at.file},          {"line", first.at.line},
               {"column", first.at.column},      {"end_line", first.end.line},
               {"end_column", first.end.column}, {"replacement", first.replacement}};
    }
    return {{"rule", f.ruleId},
            {"level", engine::levelName(f.level)},
            {"file", f.at.file},
            {"line", f.at.line},
            {"column", f.at.column},
            {"message", f.message},
            {"fingerprint", output::stableFingerprint(f)},
            {"why", rule ? rule->why : ""},
            {"instead", f.instead.empty() && rule ? rule->instead : f.instead},
            {"fix", fix},
            {"baselined", f.baselined}};
}

foundation::Expected<check::Analysis> analyze(McpWorkspace& ws, std::vector<std::string> files,
                                              const ToolCall& call) {
    check::AnalysisRequest request;
    request.buildDir = ws.paths().buildDir;
    request.root = ws.paths().root;
    request.configFile = ws.paths().configFile;
    request.files = std::move(files);
    call.report(0, 1,
                "checking " + (request.files.empty() ? std::string("every file of the compile database")
                                                     : std::to_string(request.files.size()) + " files"));
    auto analysis = check::analyzeRepo(request);
    call.report(1, 1, "checked");
    return analysis;
}

foundation::Expected<json> runCheck(McpWorkspace& ws, const json& args, const ToolCall& call) {
    std::vector<std::string> files;
    for (const auto& path : args.value("paths", json::array())) {
        auto rel = ws.repoPath(path.get<std::string>());
        if (!rel)
            return std::unexpected(rel.error());
        files.push_back((fs::path(ws.paths().root) / *rel).string());
    }
    const bool changed = args.contains("changed_since");
    if (changed) {
        auto sources = changedSources(ws, args["changed_since"]);
        if (!sources)
            return std::unexpected(sources.error());
        files.insert(files.end(), sources->begin(), sources->end());
    }
    auto offset = cursorOffset(args);
    if (!offset)
        return foundation::fail(foundation::ErrorKind::Invalid, offset.error());
    if (changed && files.empty())
        return json{{"checked_files", 0},
                    {"counts", {{"errors", 0}, {"warnings", 0}, {"notes", 0}, {"baselined", 0}}},
                    {"findings", json::array()},
                    {"truncated", false},
                    {"failed_files", json::array()},
                    {"note", "no C or C++ source changed since " + args["changed_since"].get<std::string>()}};
    auto analysis = analyze(ws, files, call);
    if (!analysis)
        return std::unexpected(analysis.error());
    if (call.isCancelled())
        return foundation::fail(foundation::ErrorKind::Invalid, "cancelled");
    if (!args.value("no_baseline", false))
        if (auto applied =
                check::applyRepoBaseline(analysis->findings, *analysis->policy, analysis->root, std::nullopt);
            !applied)
            return std::unexpected(applied.error());
    ws.rememberCheck({analysis->findings, analysis->checkedFiles});

    std::set<std::string> rules;
    for (const auto& r : args.value("rules", json::array()))
        rules.insert(r.get<std::string>());
    output::Report report;
    report.findings = analysis->findings;
    const auto summary = output::summarize(report);
    json items = json::array();
    for (const auto& f : analysis->findings)
        if ((rules.empty() || rules.contains(f.ruleId)) &&
            (!f.baselined || args.value("include_baselined", false)))
            items.push_back(findingJson(f, *analysis->policy));
    json out = {{"checked_files", analysis->translationUnits},
                {"from_cache", analysis->fromCache},
                {"counts",
                 {{"errors", summary.errors},
                  {"warnings", summary.warnings},
                  {"notes", summary.notes},
                  {"baselined", summary.baselined}}},
                {"failed_files", analysis->failedFiles}};
    putPage(out, "findings", items, *offset, args.value("limit", 100));
    return out;
}

foundation::Expected<json> baselineStatus(McpWorkspace& ws, const json& args, const ToolCall& call) {
    auto policy = ws.policy();
    if (!policy)
        return std::unexpected(policy.error());
    const std::string path = check::baselinePath(ws.paths().root, std::nullopt);
    std::error_code ec;
    json out = {{"path", engine::repoRelative(ws.paths().root, path)}, {"exists", fs::exists(path, ec)}};
    json entries = json::array();
    std::map<std::string, int> byRule;
    if (out["exists"]) {
        auto baseline = check::Baseline::load(path);
        if (!baseline)
            return std::unexpected(baseline.error());
        for (const auto& e : baseline->entries()) {
            ++byRule[e.rule];
            entries.push_back(
                {{"fingerprint", e.fingerprint}, {"rule", e.rule}, {"file", e.file}, {"subject", e.subject}});
        }
    }
    out["entries"] = entries.size();
    out["by_rule"] = byRule;
    json stale = json::array();
    out["verified"] = false;
    if (args.value("verify", false) && out["exists"]) {
        // Stale entries are the ones no current finding matches: they need a full check to know.
        auto analysis = analyze(ws, {}, call);
        if (!analysis)
            return std::unexpected(analysis.error());
        std::vector<engine::Finding> findings = analysis->findings;
        if (auto applied = check::applyRepoBaseline(findings, **policy, ws.paths().root, std::nullopt);
            !applied)
            return std::unexpected(applied.error());
        for (const auto& f : findings)
            if (f.ruleId == "baseline.stale")
                stale.push_back({{"subject", f.subject}, {"message", f.message}, {"line", f.at.line}});
        out["verified"] = true;
    }
    auto offset = cursorOffset(args);
    if (!offset)
        return foundation::fail(foundation::ErrorKind::Invalid, offset.error());
    out["stale"] = stale;
    putPage(out, "baseline", entries, *offset, args.value("limit", 100));
    return out;
}

// Writes `// devos-allow(<rule>): <reason> until <date>` above the finding with this fingerprint, found
// in the session's latest check or, when it is not there, in a check of the whole database.
foundation::Expected<json> allowFinding(McpWorkspace& ws, const json& args, const ToolCall& call) {
    const std::string fingerprint = args["fingerprint"];
    auto find = [&](const std::vector<engine::Finding>& findings) -> std::optional<engine::Finding> {
        for (const auto& f : findings)
            if (output::stableFingerprint(f) == fingerprint)
                return f;
        return std::nullopt;
    };
    std::optional<engine::Finding> finding;
    if (auto last = ws.lastCheck())
        finding = find(last->findings);
    if (!finding) {
        auto analysis = analyze(ws, {}, call);
        if (!analysis)
            return std::unexpected(analysis.error());
        ws.rememberCheck({analysis->findings, analysis->checkedFiles});
        finding = find(analysis->findings);
    }
    if (!finding)
        return foundation::fail(
            foundation::ErrorKind::NotFound, "no current finding has the fingerprint " + fingerprint, "", 0,
            "take the fingerprint from a devos_check result; a fixed finding needs no allow");
    auto rel = ws.repoPath(finding->at.file);
    if (!rel || finding->at.line == 0)
        return foundation::fail(
            foundation::ErrorKind::Invalid,
            "the finding is not at a line of a file in the repo (" + finding->at.file + ")", "", 0,
            "allow a whole-repo finding in .devos/devos.yml or the baseline instead");
    const std::string path = (fs::path(ws.paths().root) / *rel).string();
    auto text = foundation::readTextFile(path, "the source file");
    if (!text)
        return std::unexpected(text.error());
    auto policy = ws.policy();
    if (!policy)
        return std::unexpected(policy.error());
    auto edit = insertAllowComment(*text, {finding->ruleId, finding->at.line, args["reason"], args["expires"],
                                           engine::todayIso(), (*policy)->allowMaxDays});
    if (!edit)
        return std::unexpected(edit.error());
    if (!edit->alreadyAllowed)
        if (auto written = foundation::writeFileAtomically(
                path, edit->text, {foundation::MissingFolders::Fail, "the source file"});
            !written)
            return std::unexpected(written.error());
    return json{{"written_to", *rel},
                {"line", edit->commentLine},
                {"comment", edit->comment},
                {"rule", finding->ruleId},
                {"already_allowed", edit->alreadyAllowed}};
}

// The form asking the user for what a devos_allow call lacks: the reason, the expiry (bounded by the
// repo's allow.max_days), or both; nullopt when the call has both.
std::optional<InputForm> allowInputForm(McpWorkspace& ws, const json& args) {
    auto policy = ws.policy();
    const int maxDays = policy ? (*policy)->allowMaxDays : engine::kDefaultAllowMaxDays;
    json properties = json::object(), required = json::array();
    if (!args.contains("reason")) {
        properties["reason"] = {{"type", "string"},
                                {"title", "Reason"},
                                {"description", "Why this finding is acceptable, in one line"},
                                {"minLength", 1},
                                {"maxLength", 200}};
        required.push_back("reason");
    }
    if (!args.contains("expires")) {
        properties["expires"] = {
            {"type", "string"},
            {"format", "date"},
            {"title", "Expires"},
            {"description",
             "YYYY-MM-DD after today, at most " + std::to_string(maxDays) + " days ahead (allow.max_days)"},
            {"minLength", 10},
            {"maxLength", 10}};
        required.push_back("expires");
    }
    if (required.empty())
        return std::nullopt;
    return InputForm{"Allow the DevOS finding " + args["fingerprint"].get<std::string>() +
                         " with a devos-allow comment? Say why it is acceptable and until when; decline to "
                         "keep it a finding.",
                     {{"type", "object"}, {"properties", properties}, {"required", required}}};
}

json schema(const char* text) {
    return json::parse(text);
}

const char* kFindingSchema =
    R"j({"properties":{
    "rule":{"type":"string"},"level":{"type":"string"},"file":{"type":"string"},"line":{"type":"integer"},"column":{"type":"integer"},
    "message":{"type":"string"},"fingerprint":{"type":"string"},"why":{"type":"string"},"instead":{"type":"string"},
    "fix":{"type":["object","null"]},"baselined":{"type":"boolean"}}})j";

} // namespace

std::vector<McpTool> checkTools(std::shared_ptr<McpWorkspace> ws) {
    json checkOutput = schema(
        R"j({"type":"object","required":["checked_files","counts","findings","truncated","failed_files"],"properties":{
        "checked_files":{"type":"integer"},"from_cache":{"type":"integer"},
        "counts":{"properties":{"errors":{"type":"integer"},"warnings":{"type":"integer"},"notes":{"type":"integer"},"baselined":{"type":"integer"}}},
        "findings":{"type":"array"},"failed_files":{"type":"array","items":{"type":"string"}},
        "truncated":{"type":"boolean"},"next_cursor":{"type":"string"},"note":{"type":"string"}}})j");
    checkOutput["properties"]["findings"]["items"] = schema(kFindingSchema);
    std::vector<McpTool> tools;
    tools.push_back(
        {"devos_check",
         "Layering and purity findings (why, instead, fix) in paths, changes since a git ref, or all.",
         "core",
         schema(R"j({"type":"object","properties":{
                        "paths":{"type":"array","maxItems":500,"items":{"type":"string","minLength":1,"maxLength":4096},"description":"repo-relative sources"},
                        "changed_since":{"type":"string","minLength":1,"maxLength":256,"description":"git ref"},
                        "rules":{"type":"array","maxItems":100,"items":{"type":"string","maxLength":128},"description":"only these rule ids"},
                        "include_baselined":{"type":"boolean"},"no_baseline":{"type":"boolean"},
                        "limit":{"type":"integer","minimum":1,"maximum":500},"cursor":{"type":"string"}}})j"),
         checkOutput,
         {},
         [ws](const json& a, const ToolCall& c) { return runCheck(*ws, a, c); }});
    tools.push_back(
        {"devos_baseline_status",
         "Baseline entries by rule; verify lists stale ones, which fail the gate.",
         "baseline",
         schema(R"j({"type":"object","properties":{
                        "verify":{"type":"boolean"},
                        "limit":{"type":"integer","minimum":1,"maximum":500},"cursor":{"type":"string"}}})j"),
         schema(
             R"j({"type":"object","required":["path","exists","entries","by_rule","stale","verified","baseline","truncated"],"properties":{
                        "path":{"type":"string"},"exists":{"type":"boolean"},"entries":{"type":"integer"},
                        "by_rule":{"type":"object","additionalProperties":{"type":"integer"}},
                        "stale":{"type":"array"},"verified":{"type":"boolean"},
                        "baseline":{"type":"array","items":{"properties":{"fingerprint":{"type":"string"},"rule":{"type":"string"},"file":{"type":"string"},"subject":{"type":"string"}}}},
                        "truncated":{"type":"boolean"},"next_cursor":{"type":"string"}}})j"),
         {},
         [ws](const json& a, const ToolCall& c) { return baselineStatus(*ws, a, c); }});
    tools.push_back(
        {"devos_allow",
         "Writes `// devos-allow(<rule>): <reason> until <expires>` above a finding, only when the user "
         "asks; asks the user for a missing reason or expiry.",
         "baseline",
         schema(
             R"j({"type":"object","required":["fingerprint"],"properties":{
                        "fingerprint":{"type":"string","minLength":16,"maxLength":16},
                        "reason":{"type":"string","minLength":1,"maxLength":200},
                        "expires":{"type":"string","minLength":10,"maxLength":10,"description":"YYYY-MM-DD within allow.max_days (default 365)"}}})j"),
         schema(
             R"j({"type":"object","required":["written_to","line","comment","rule","already_allowed"],"properties":{
                        "written_to":{"type":"string"},"line":{"type":"integer"},"comment":{"type":"string"},
                        "rule":{"type":"string"},"already_allowed":{"type":"boolean"}}})j"),
         {false, false, true, false},
         [ws](const json& a, const ToolCall& c) { return allowFinding(*ws, a, c); },
         [ws](const json& a) { return allowInputForm(*ws, a); }});
    return tools;
}

} // namespace devos::mcp
