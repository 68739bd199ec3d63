#include "mcp/policy_tools.hpp"

#include "gates/gate_report.hpp"
#include "mcp/build_edges.hpp"
#include "mcp/edge_verdict.hpp"
#include "mcp/result_page.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace devos::mcp {
namespace {

using nlohmann::json;

const char* kRulePrefix = "devos://rules/";

std::string familyOf(const std::string& ruleId) {
    return ruleId.substr(0, ruleId.find('.'));
}

std::vector<std::string> families(const engine::RuleCatalog& catalog) {
    std::vector<std::string> names;
    for (const auto& r : catalog.rules())
        if (std::find(names.begin(), names.end(), familyOf(r.id)) == names.end())
            names.push_back(familyOf(r.id));
    return names;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

json ruleSummary(const engine::Rule& r) {
    return {{"id", r.id}, {"name", r.name}, {"level", engine::levelName(r.level)}, {"summary", r.summary}};
}

std::string ruleIds(const engine::RuleCatalog& catalog) {
    std::string out;
    for (const auto& r : catalog.rules())
        out += (out.empty() ? "" : ", ") + r.id;
    return out;
}

foundation::Expected<json> listRules(McpWorkspace& ws, const json& args) {
    auto policy = ws.policy();
    if (!policy)
        return std::unexpected(policy.error());
    const auto& catalog = (*policy)->catalog;
    const std::string family = args.value("family", "");
    const auto known = families(catalog);
    if (!family.empty() && std::find(known.begin(), known.end(), family) == known.end())
        return foundation::fail(foundation::ErrorKind::Invalid, "unknown rule family '" + family + "'", "", 0,
                                "use one of: " + joined(known));
    auto offset = cursorOffset(args);
    if (!offset)
        return foundation::fail(foundation::ErrorKind::Invalid, offset.error());
    json items = json::array();
    for (const auto& r : catalog.rules())
        if (family.empty() || familyOf(r.id) == family)
            items.push_back(ruleSummary(r));
    json out = {{"count", items.size()}, {"families", families(catalog)}};
    putPage(out, "rules", items, *offset, args.value("limit", 100));
    return out;
}

foundation::Expected<json> explainRule(McpWorkspace& ws, const json& args) {
    auto policy = ws.policy();
    if (!policy)
        return std::unexpected(policy.error());
    const std::string id = args["rule"];
    const engine::Rule* rule = (*policy)->catalog.find(id);
    if (rule == nullptr)
        return foundation::fail(foundation::ErrorKind::Invalid, "unknown rule '" + id + "'", "", 0,
                                "use one of: " + ruleIds((*policy)->catalog));
    return json{{"id", rule->id},
                {"name", rule->name},
                {"level", engine::levelName((*policy)->levelOf(rule->id))},
                {"summary", rule->summary},
                {"why", rule->why},
                {"instead", rule->instead},
                {"allowed", rule->allowed},
                {"tags", rule->tags},
                {"suppress", "// devos-allow(" + rule->id + "): <reason> until YYYY-MM-DD"},
                {"doc_uri", kRulePrefix + rule->id}};
}

json optionalString(const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
}

foundation::Expected<json> checkEdge(McpWorkspace& ws, const json& args) {
    auto policy = ws.policy();
    if (!policy)
        return std::unexpected(policy.error());
    auto from = ws.repoPath(args["from"]);
    if (!from)
        return std::unexpected(from.error());
    const fs::path root = ws.paths().root;
    const EdgeVerdict v = judgeIncludeEdge(**policy, *from, args["to"], [&](const std::string& path) {
        std::error_code ec;
        return fs::exists(root / path, ec);
    });
    json out = {{"allowed", v.allowed},
                {"from", v.fromPath},
                {"from_layer", optionalString(v.fromLayer)},
                {"to", v.toSpelling},
                {"to_kind", headerKindName(v.toKind)},
                {"to_path", optionalString(v.toPath)},
                {"to_layer", optionalString(v.toLayer)},
                {"rule", optionalString(v.rule)},
                {"reason", v.reason},
                {"from_may_include", v.mayInclude},
                {"why", nullptr},
                {"instead", nullptr}};
    if (v.rule)
        if (const engine::Rule* rule = (*policy)->catalog.find(*v.rule)) {
            out["why"] = rule->why;
            out["instead"] = rule->instead;
        }
    return out;
}

foundation::Expected<json> layerMap(McpWorkspace& ws, const json&) {
    auto policy = ws.policy();
    if (!policy)
        return std::unexpected(policy.error());
    const auto& layers = (*policy)->layers;
    json list = json::array();
    json edges = json::array();
    for (const auto& l : layers.layers()) {
        list.push_back({{"name", l.name},
                        {"globs", l.paths},
                        {"may_include", l.mayInclude},
                        {"pure", l.pure},
                        {"external", l.external}});
        for (const auto& to : layers.layers())
            edges.push_back({{"from", l.name},
                             {"to", to.name},
                             {"allowed", layers.mayInclude(l, to) || layers.isDiscouraged(l, to)},
                             {"discouraged", layers.isDiscouraged(l, to)}});
    }
    // Every edge the build has: includes of the compiled files and the headers they reach, and
    // direct target links, per layer pair with the forbidden ones counted.
    const BuildEdges build = collectBuildEdges(**policy, ws.paths().root, ws.paths().buildDir);
    json buildEdges = json::array();
    for (const auto& e : build.edges)
        buildEdges.push_back({{"kind", e.kind},
                              {"from", e.from},
                              {"to", e.to},
                              {"count", e.count},
                              {"violations", e.violations},
                              {"example", e.example}});
    json out = {{"layers", list},
                {"edges", edges},
                {"build_edges", buildEdges},
                {"build",
                 {{"files_scanned", build.filesScanned}, {"targets", build.targets}, {"notes", build.notes}}},
                {"violations_by_edge", json::array()},
                {"checked", false}};
    if (auto last = ws.lastCheck()) {
        // The layering findings of the latest devos_check in this server, folded by layer edge.
        std::map<std::pair<std::string, std::string>, json> byEdge;
        for (const auto& f : last->findings) {
            if (f.baselined || (f.ruleId != "layer.include" && f.ruleId != "layer.symbol" &&
                                f.ruleId != "layer.adapter-include"))
                continue;
            const auto* from = layers.layerOf(f.at.file);
            const auto* to = layers.layerOf(f.subject);
            auto key = std::make_pair(from ? from->name : "", to ? to->name : "(none)");
            json& entry = byEdge[key];
            if (entry.is_null())
                entry = {{"from", key.first},
                         {"to", key.second},
                         {"count", 0},
                         {"example", f.at.file + ":" + std::to_string(f.at.line)}};
            entry["count"] = entry["count"].get<int>() + 1;
        }
        for (auto& [key, entry] : byEdge)
            out["violations_by_edge"].push_back(entry);
        out["checked"] = true;
        out["checked_files"] = last->checkedFiles.size();
    }
    return out;
}

} // namespace

// The gate results the build's check-fast / check-full edges left in <build>/devos (one JSON file
// per gate, per file for the format gate), folded into rows as `devos gate report` prints them.
foundation::Expected<json> gateStatusJson(McpWorkspace& ws, const json& args) {
    const fs::path dir = fs::path(ws.paths().buildDir) / "devos";
    std::error_code ec;
    std::vector<gates::GateResult> results;
    const auto files = gates::gateResultFiles(dir);
    for (const auto& file : files)
        if (auto result = gates::readGateResult(file.string()); result && !result->name.empty())
            results.push_back(std::move(*result));
    if (results.empty())
        return foundation::fail(
            foundation::ErrorKind::NotFound, "no gate results in " + dir.string(), "", 0,
            "build check-fast or check-full first (cmake --build <build> --target check-fast)");
    json rows = json::array();
    for (const auto& row : gates::foldResults(results)) {
        json detail;
        for (const auto& part : row.parts)
            if (!part.detail.empty() || !part.note.empty())
                detail = part.note.empty() ? part.detail.substr(0, 2000) : part.note;
        rows.push_back({{"gate", row.name},
                        {"status", gates::statusName(row.status)},
                        {"findings", row.findings},
                        {"seconds", row.seconds},
                        {"failed", gates::isFailure(row)},
                        {"detail", detail.is_null() ? json("") : detail}});
    }
    json levels = json::object();
    for (const char* level : {"fast", "full"}) {
        const bool stamped = fs::exists(dir / (std::string(level) + ".stamp"), ec);
        const bool ran = fs::exists(dir / (std::string(level) + ".junit.xml"), ec);
        levels[level] = ran ? (stamped ? "passed" : "failed") : "not run";
    }
    auto offset = cursorOffset(args);
    if (!offset)
        return foundation::fail(foundation::ErrorKind::Invalid, offset.error());
    json out = {{"build_dir", ws.paths().buildDir}, {"levels", levels}};
    putPage(out, "gates", rows, *offset, 100);
    return out;
}

namespace {

json schema(const char* text) {
    return json::parse(text);
}

} // namespace

std::vector<McpTool> policyTools(std::shared_ptr<McpWorkspace> ws) {
    std::vector<McpTool> tools;
    tools.push_back(
        {"devos_check_edge",
         "Ask before adding an #include: allowed or not, the layers, and the rule, why and instead.",
         "core",
         schema(R"j({"type":"object","required":["from","to"],"properties":{
                        "from":{"type":"string","minLength":1,"maxLength":4096,"description":"including file, repo-relative"},
                        "to":{"type":"string","minLength":1,"maxLength":4096,"description":"header as written (a/b.hpp, <fstream>) or repo path"}}})j"),
         schema(
             R"j({"type":"object","required":["allowed","from","to","to_kind","reason","rule"],"properties":{
                        "allowed":{"type":"boolean"},"from":{"type":"string"},"from_layer":{"type":["string","null"]},
                        "to":{"type":"string"},"to_kind":{"enum":["first-party","standard","external"]},
                        "to_path":{"type":["string","null"]},"to_layer":{"type":["string","null"]},
                        "rule":{"type":["string","null"]},"reason":{"type":"string"},
                        "from_may_include":{"type":"array","items":{"type":"string"}},
                        "why":{"type":["string","null"]},"instead":{"type":["string","null"]}}})j"),
         {},
         [ws](const json& a, const ToolCall&) { return checkEdge(*ws, a); }});
    tools.push_back(
        {"devos_layer_map",
         "Layers, their globs and allowed edges; the build's include/link edges and violations per edge.",
         "core",
         schema(R"j({"type":"object","additionalProperties":false})j"),
         schema(
             R"j({"type":"object","required":["layers","edges","build_edges","build","violations_by_edge","checked"],"properties":{
                        "layers":{"type":"array","items":{"properties":{"name":{"type":"string"},"globs":{"type":"array","items":{"type":"string"}},"may_include":{"type":"array","items":{"type":"string"}},"pure":{"type":"boolean"},"external":{"type":"boolean"}}}},
                        "edges":{"type":"array","items":{"properties":{"from":{"type":"string"},"to":{"type":"string"},"allowed":{"type":"boolean"},"discouraged":{"type":"boolean"}}}},
                        "build_edges":{"type":"array","items":{"properties":{"kind":{"enum":["include","link"]},"from":{"type":"string"},"to":{"type":"string"},"count":{"type":"integer"},"violations":{"type":"integer"},"example":{"type":"string"}}}},
                        "build":{"properties":{"files_scanned":{"type":"integer"},"targets":{"type":"integer"},"notes":{"type":"array","items":{"type":"string"}}}},
                        "violations_by_edge":{"type":"array","items":{"properties":{"from":{"type":"string"},"to":{"type":"string"},"count":{"type":"integer"},"example":{"type":"string"}}}},
                        "checked":{"type":"boolean"},"checked_files":{"type":"integer"}}})j"),
         {},
         [ws](const json& a, const ToolCall&) { return layerMap(*ws, a); }});
    tools.push_back({"devos_list_rules",
                     "Rule ids with their level here and a summary.",
                     "rules",
                     schema(R"j({"type":"object","properties":{
                        "family":{"type":"string","maxLength":64,"description":"rule id prefix, e.g. purity"},
                        "limit":{"type":"integer","minimum":1,"maximum":200},
                        "cursor":{"type":"string"}}})j"),
                     schema(R"j({"type":"object","required":["rules","count","truncated"],"properties":{
                        "rules":{"type":"array","items":{"properties":{"id":{"type":"string"},"name":{"type":"string"},"level":{"enum":["off","note","warning","error"]},"summary":{"type":"string"}}}},
                        "count":{"type":"integer"},"families":{"type":"array","items":{"type":"string"}},
                        "truncated":{"type":"boolean"},"next_cursor":{"type":"string"}}})j"),
                     {},
                     [ws](const json& a, const ToolCall&) { return listRules(*ws, a); }});
    tools.push_back(
        {"devos_explain_rule",
         "A rule's why, instead, allowed, level and how to suppress it once.",
         "rules",
         schema(R"j({"type":"object","required":["rule"],"properties":{
                        "rule":{"type":"string","minLength":1,"maxLength":128,"description":"e.g. purity.clock"}}})j"),
         schema(
             R"j({"type":"object","required":["id","level","why","instead","allowed","doc_uri"],"properties":{
                        "id":{"type":"string"},"name":{"type":"string"},"level":{"type":"string"},"summary":{"type":"string"},
                        "why":{"type":"string"},"instead":{"type":"string"},"allowed":{"type":"string"},
                        "tags":{"type":"array","items":{"type":"string"}},"suppress":{"type":"string"},"doc_uri":{"type":"string"}}})j"),
         {},
         [ws](const json& a, const ToolCall&) { return explainRule(*ws, a); }});
    tools.push_back(
        {"devos_gate_status",
         "The latest check-fast/check-full result of each gate.",
         "gates",
         schema(R"j({"type":"object","properties":{"cursor":{"type":"string"}}})j"),
         schema(R"j({"type":"object","required":["build_dir","levels","gates","truncated"],"properties":{
                        "build_dir":{"type":"string"},
                        "levels":{"properties":{"fast":{"type":"string"},"full":{"type":"string"}}},
                        "gates":{"type":"array","items":{"properties":{"gate":{"type":"string"},"status":{"type":"string"},"findings":{"type":"integer"},"seconds":{"type":"number"},"failed":{"type":"boolean"},"detail":{"type":"string"}}}},
                        "truncated":{"type":"boolean"},"next_cursor":{"type":"string"}}})j"),
         {},
         [ws](const json& a, const ToolCall&) { return gateStatusJson(*ws, a); }});
    return tools;
}

std::vector<McpResource> ruleResources(McpWorkspace& ws) {
    std::vector<McpResource> out;
    out.push_back({std::string(kRulePrefix) + "{id}", "rule",
                   "The documentation page of one rule (why, instead, allowed)", "text/markdown", true});
    if (auto policy = ws.policy())
        for (const auto& r : (*policy)->catalog.rules())
            out.push_back({kRulePrefix + r.id, r.id, r.summary, "text/markdown", false});
    return out;
}

foundation::Expected<std::string> readRuleResource(McpWorkspace& ws, const std::string& uri) {
    if (!uri.starts_with(kRulePrefix))
        return foundation::fail(foundation::ErrorKind::NotFound, "not a rule page: " + uri);
    auto policy = ws.policy();
    if (!policy)
        return std::unexpected(policy.error());
    const engine::Rule* rule = (*policy)->catalog.find(uri.substr(std::string(kRulePrefix).size()));
    if (rule == nullptr)
        return foundation::fail(foundation::ErrorKind::NotFound,
                                "no rule " + uri.substr(std::string(kRulePrefix).size()), "", 0,
                                "use one of: " + ruleIds((*policy)->catalog));
    return (*policy)->catalog.helpMarkdown(*rule);
}

} // namespace devos::mcp
