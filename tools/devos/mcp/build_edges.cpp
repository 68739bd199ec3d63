#include "mcp/build_edges.hpp"

#include "codemodel/file_api.hpp"
#include "codemodel/target_layering.hpp"
#include "mcp/edge_verdict.hpp"

#include <deque>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>
#include <devos/foundation/json.hpp>
#include <devos/foundation/text.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

namespace fs = std::filesystem;

namespace devos::mcp {
namespace {

// The repo-relative paths of the compile database's files inside `root`, sorted; nullopt without one.
std::optional<std::vector<std::string>> compiledFiles(const std::string& root, const std::string& buildDir,
                                                      std::vector<std::string>& notes) {
    const fs::path file = fs::path(buildDir) / "compile_commands.json";
    auto read = foundation::readJsonFile(file.string(), "the compile database",
                                         "configure with CMAKE_EXPORT_COMPILE_COMMANDS=ON");
    if (!read) {
        notes.push_back(read.error().render() + ": include edges left out");
        return std::nullopt;
    }
    const nlohmann::json& db = *read;
    if (!db.is_array()) {
        notes.push_back(file.string() + " is not a JSON array of compile commands: include edges left out");
        return std::nullopt;
    }
    std::set<std::string> files;
    for (const auto& entry : db) {
        if (!entry.is_object() || !entry.contains("file") || !entry["file"].is_string())
            continue;
        fs::path path = entry["file"].get<std::string>();
        if (path.is_relative() && entry.contains("directory") && entry["directory"].is_string())
            path = fs::path(entry["directory"].get<std::string>()) / path;
        const std::string relative = engine::repoRelative(root, path.lexically_normal().string());
        if (engine::isInsideRepo(relative))
            files.insert(relative);
    }
    return std::vector<std::string>(files.begin(), files.end());
}

void includeEdges(const engine::Policy& policy, const std::string& root, const std::string& buildDir,
                  long maxFiles, BuildEdgeMap& edges, BuildEdges& out) {
    auto sources = compiledFiles(root, buildDir, out.notes);
    if (!sources)
        return;
    std::deque<std::string> queue(sources->begin(), sources->end());
    std::set<std::string> seen(sources->begin(), sources->end());
    const auto exists = [&](const std::string& path) {
        std::error_code ec;
        return fs::is_regular_file(fs::path(root) / path, ec);
    };
    while (!queue.empty()) {
        if (out.filesScanned == maxFiles) {
            out.notes.push_back("stopped after " + std::to_string(maxFiles) + " files");
            return;
        }
        const std::string from = queue.front();
        queue.pop_front();
        auto text = foundation::readTextFile((fs::path(root) / from).string());
        if (!text)
            continue;
        ++out.filesScanned;
        for (const auto& [spelling, line] : foundation::includeDirectives(*text)) {
            const EdgeVerdict v = judgeIncludeEdge(policy, from, spelling, exists);
            if (v.toPath && exists(*v.toPath) && seen.insert(*v.toPath).second)
                queue.push_back(*v.toPath);
            if (v.fromLayer && v.toLayer && *v.fromLayer != *v.toLayer)
                countBuildEdge(edges, "include", *v.fromLayer, *v.toLayer, !v.allowed,
                               from + ":" + std::to_string(line) + " includes " + spelling);
        }
    }
}

void linkEdges(const engine::Policy& policy, const std::string& root, const std::string& buildDir,
               BuildEdgeMap& edges, BuildEdges& out) {
    auto model = codemodel::readCodemodel(buildDir);
    if (!model) {
        out.notes.push_back("link edges need the CMake File API reply: " + model.error().message);
        return;
    }
    out.targets = static_cast<long>(model->targets.size());
    std::map<std::string, std::set<std::string>> deps;
    for (const auto& t : model->targets)
        for (const auto& d : t.dependencies)
            deps[t.id].insert(d.targetId);
    for (const auto& t : model->targets) {
        const auto from = codemodel::layerOfTarget(t, policy.layers, root);
        for (const auto& d : t.dependencies) {
            if (d.site && d.site->command == "add_dependencies")
                continue;
            // Only direct links: a dependency reached through another one is that one's edge.
            bool transitive = false;
            for (const auto& via : deps[t.id])
                transitive = transitive || (via != d.targetId && deps[via].contains(d.targetId));
            const codemodel::Target* target = model->find(d.targetId);
            if (transitive || !target)
                continue;
            const auto to = codemodel::layerOfTarget(*target, policy.layers, root);
            if (!from.layer || !to.layer || from.layer == to.layer)
                continue;
            countBuildEdge(edges, "link", from.layer->name, to.layer->name,
                           !policy.layers.mayInclude(*from.layer, *to.layer),
                           "target " + t.name + " -> " + target->name);
        }
    }
}

} // namespace

void countBuildEdge(BuildEdgeMap& edges, const std::string& kind, const std::string& from,
                    const std::string& to, bool forbidden, const std::string& example) {
    auto [it, fresh] = edges.try_emplace({kind, from, to}, BuildEdgeCount{kind, from, to, 0, 0, example});
    BuildEdgeCount& e = it->second;
    ++e.count;
    if (forbidden && e.violations++ == 0)
        e.example = example;
}

BuildEdges collectBuildEdges(const engine::Policy& policy, const std::string& root,
                             const std::string& buildDir, long maxFiles) {
    BuildEdges out;
    BuildEdgeMap edges;
    includeEdges(policy, root, buildDir, maxFiles, edges, out);
    linkEdges(policy, root, buildDir, edges, out);
    for (auto& [key, e] : edges)
        out.edges.push_back(std::move(e));
    return out;
}

} // namespace devos::mcp
