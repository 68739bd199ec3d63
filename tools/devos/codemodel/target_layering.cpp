#include "codemodel/target_layering.hpp"

#include <devos/engine/allowed_findings.hpp>
#include <devos/engine/repo_paths.hpp>
#include <filesystem>
#include <map>
#include <set>

namespace devos::codemodel {
namespace {

using engine::Finding;
using engine::LayerSpec;

// Everything the rules need about the model, computed once.
class TargetGraph {
public:
    TargetGraph(const Codemodel& model, const engine::Policy& policy, const std::string& root)
        : model_(model), policy_(policy), root_(root) {
        for (const auto& t : model.targets) {
            layers_[t.id] = layerOfTarget(t, policy.layers, root);
            for (const auto& d : t.dependencies)
                deps_[t.id].insert(d.targetId);
        }
    }

    const TargetLayer& layer(const Target& t) const { return layers_.at(t.id); }

    // Both targets have a layer and `from`'s may not link `to`'s.
    bool forbidden(const std::string& from, const std::string& to) const {
        const LayerSpec* a = layers_.at(from).layer;
        const LayerSpec* b = layers_.at(to).layer;
        return a && b && !policy_.layers.mayInclude(*a, *b);
    }

    // A dependency of `from` through which it reaches `to`, preferring one whose own edge is reported.
    const Target* through(const std::string& from, const std::string& to, bool& alreadyReported) const {
        const Target* via = nullptr;
        alreadyReported = false;
        for (const auto& b : deps_.at(from)) {
            if (b == to || !deps_.contains(b) || !deps_.at(b).contains(to))
                continue;
            via = model_.find(b);
            if (forbidden(from, b) || forbidden(b, to)) {
                alreadyReported = true;
                return via;
            }
        }
        return via;
    }

    // A finding of `ruleId` at `site` (the top-level CMakeLists.txt when the edge has no backtrace).
    std::optional<Finding> finding(const std::string& ruleId, const std::optional<CallSite>& site,
                                   const Target& owner, std::string message, std::string subject) const {
        std::string file =
            site ? site->file : (std::filesystem::path(model_.sourceDir) / "CMakeLists.txt").string();
        auto f = policy_.finding(ruleId, {engine::repoRelative(root_, file), site ? site->line : 0, 0},
                                 std::move(message), std::move(subject));
        if (!f)
            return std::nullopt;
        const TargetLayer& l = layer(owner);
        if (l.spanned.size() > 1) {
            std::string list;
            for (const auto& name : l.spanned)
                list += (list.empty() ? "" : ", ") + name;
            f->notes.push_back(
                {f->at, "target '" + owner.name + "' has sources in " + list + "; it is checked as " +
                            l.layer->name +
                            (l.layer->pure ? ", the lowest pure layer" : ", the lowest layer") +
                            " among them (split it per layer)"});
        }
        return f;
    }

private:
    const Codemodel& model_;
    const engine::Policy& policy_;
    std::string root_;
    std::map<std::string, TargetLayer> layers_;
    std::map<std::string, std::set<std::string>> deps_;
};

std::string layerText(const TargetLayer& l) {
    return l.layer ? l.layer->name : "no layer";
}

// target.layer-link: a dependency on a target of a forbidden layer. A dependency reached through
// another target whose own edge is reported is left out: the fix is there.
void checkLayerLinks(const Target& t, const TargetGraph& graph, const engine::Policy& policy,
                     const Codemodel& model, std::vector<Finding>& out) {
    const TargetLayer& from = graph.layer(t);
    for (const auto& edge : t.dependencies) {
        if ((edge.site && edge.site->command == "add_dependencies") || !graph.forbidden(t.id, edge.targetId))
            continue;
        bool reported = false;
        const Target* via = graph.through(t.id, edge.targetId, reported);
        if (reported)
            continue;
        const Target& to = *model.find(edge.targetId);
        auto f = graph.finding("target.layer-link", edge.site, t,
                               "target '" + t.name + "' (" + from.layer->name + ") links target '" + to.name +
                                   "' (" + layerText(graph.layer(to)) + "); " + from.layer->name +
                                   " may link only " + policy.layers.allowedList(*from.layer),
                               t.name + " -> " + to.name);
        if (f && via)
            f->notes.push_back({f->at, "'" + to.name + "' is reached through '" + via->name + "'"});
        if (f)
            out.push_back(std::move(*f));
    }
}

// target.io-library: an I/O library linked by a pure-layer target. A library fragment is charged to
// the target its target_link_libraries call names (a static library's libraries show up on the link
// lines of the executables that use it); an in-project target named like an I/O library counts too.
void checkIoLibraries(const Target& t, const TargetGraph& graph, const IoLibraries& io,
                      const Codemodel& model, std::vector<Finding>& out) {
    auto report = [&](const Target& owner, const std::string& library, const std::string& spelling,
                      const std::optional<CallSite>& site) {
        const TargetLayer& layer = graph.layer(owner);
        if (!layer.layer || !layer.layer->pure)
            return;
        auto f =
            graph.finding("target.io-library", site, owner,
                          "target '" + owner.name + "' (" + layer.layer->name + ") links the I/O library '" +
                              library + "' (" + spelling + "); a pure layer may not do I/O",
                          owner.name + " -> " + library);
        if (f)
            out.push_back(std::move(*f));
    };
    for (const auto& edge : t.libraries) {
        auto library = io.match(edge.fragment);
        if (!library)
            continue;
        const Target* owner =
            edge.site && !edge.site->namedTarget.empty() ? model.findByName(edge.site->namedTarget) : nullptr;
        report(owner ? *owner : t, *library, edge.fragment, edge.site);
    }
    for (const auto& edge : t.dependencies) {
        const Target& to = *model.find(edge.targetId);
        if (auto library = io.match(to.name); library && !graph.layer(to).layer)
            report(t, *library, "target " + to.name, edge.site);
    }
}

} // namespace

std::vector<Finding> checkTargets(const Codemodel& model, const engine::Policy& policy, const IoLibraries& io,
                                  const std::string& repoRoot) {
    TargetGraph graph(model, policy, repoRoot);
    std::vector<Finding> findings;
    for (const auto& t : model.targets) {
        if (graph.layer(t).layer)
            checkLayerLinks(t, graph, policy, model, findings);
        checkIoLibraries(t, graph, io, model, findings);
    }
    engine::applyAllowComments(findings, policy, repoRoot, engine::todayIso());
    return findings;
}

TargetLayer layerOfTarget(const Target& target, const engine::LayerMap& layers, const std::string& repoRoot) {
    std::set<size_t> found;
    const auto& all = layers.layers();
    for (const auto& source : target.sources) {
        std::string rel = engine::repoRelative(repoRoot, source);
        if (!engine::isInsideRepo(rel))
            continue;
        if (const LayerSpec* spec = layers.layerOf(rel))
            for (size_t i = 0; i < all.size(); ++i)
                if (all[i].name == spec->name)
                    found.insert(i);
    }
    TargetLayer result;
    for (size_t i : found) {
        result.spanned.push_back(all[i].name);
        if (!result.layer || (all[i].pure && !result.layer->pure))
            result.layer = &all[i];
    }
    return result;
}

} // namespace devos::codemodel
