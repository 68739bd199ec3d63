#include "mcp/edge_verdict.hpp"

#include <devos/engine/include_paths.hpp>
#include <filesystem>

namespace devos::mcp {
namespace {

std::string stripDelimiters(std::string to) {
    if (to.size() >= 2 &&
        ((to.front() == '<' && to.back() == '>') || (to.front() == '"' && to.back() == '"')))
        return to.substr(1, to.size() - 2);
    return to;
}

std::vector<std::string> candidates(const std::string& spelling, const std::string& fromPath) {
    const std::string beside = std::filesystem::path(fromPath).parent_path().generic_string();
    std::vector<std::string> out = {spelling, "src/" + spelling, "include/" + spelling};
    if (!beside.empty())
        out.push_back(std::filesystem::path(beside + "/" + spelling).lexically_normal().generic_string());
    return out;
}

void forbid(EdgeVerdict& v, const engine::Policy& policy, const std::string& rule, std::string reason) {
    v.rule = rule;
    v.allowed = policy.levelOf(rule) == engine::Level::Off;
    v.reason = std::move(reason) + (v.allowed ? " (but " + rule + " is off in this repo)" : "");
}

} // namespace

const char* headerKindName(HeaderKind kind) {
    switch (kind) {
    case HeaderKind::FirstParty:
        return "first-party";
    case HeaderKind::Standard:
        return "standard";
    case HeaderKind::External:
        return "external";
    }
    return "external";
}

EdgeVerdict judgeIncludeEdge(const engine::Policy& policy, const std::string& fromPath, const std::string& to,
                             const std::function<bool(const std::string&)>& exists) {
    const engine::LayerMap& layers = policy.layers;
    EdgeVerdict v;
    v.fromPath = fromPath;
    v.toSpelling = stripDelimiters(to);
    const auto paths = candidates(v.toSpelling, fromPath);
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::string& candidate = paths[i];
        // A path beside the including file counts only when it is there: <fstream> is not src/logic/fstream.
        const bool claimed = i < 3 && layers.layerOf(candidate) != nullptr;
        if (!layers.isFirstParty(candidate) || !(claimed || exists(candidate)))
            continue;
        v.toKind = HeaderKind::FirstParty;
        v.toPath = candidate;
        if (const auto* layer = layers.layerOf(candidate))
            v.toLayer = layer->name;
        break;
    }
    if (v.toKind != HeaderKind::FirstParty)
        v.toKind = engine::isStandardHeader(policy.purity, v.toSpelling) ? HeaderKind::Standard
                                                                         : HeaderKind::External;

    const engine::LayerSpec* from = layers.isFirstParty(fromPath) ? layers.layerOf(fromPath) : nullptr;
    if (from == nullptr) {
        if (layers.isUnassigned(fromPath))
            forbid(v, policy, "layer.unassigned",
                   fromPath +
                       " belongs to no layer, so every include in it is unchecked and the file itself is a "
                       "finding");
        else
            v.reason = fromPath + " is not in a layer (outside src/ or a test): no layering rule applies";
        return v;
    }
    v.fromLayer = from->name;
    for (const auto& layer : layers.layers())
        if (layers.mayInclude(*from, layer))
            v.mayInclude.push_back(layer.name);
    if (layers.isTest(fromPath)) {
        v.reason = fromPath + " is a test: tests may include any layer";
        return v;
    }
    const std::string fromName = from->name + "/";
    if (v.toKind == HeaderKind::FirstParty) {
        const engine::LayerSpec* target = v.toLayer ? layers.find(*v.toLayer) : nullptr;
        if (layers.isTest(*v.toPath) || *v.toPath == fromPath) {
            v.reason = "a test header or the file itself: no layer rule applies";
        } else if (target == nullptr) {
            if (from->external)
                v.reason = fromName + " may include first-party files outside the layers";
            else
                forbid(v, policy, "layer.include",
                       fromName + " may not include " + *v.toPath + ": it belongs to no layer");
        } else if (from->independent && from->name == target->name) {
            if (engine::sameComponent(*v.toPath, fromPath, from->name))
                v.reason = "the same " + from->name + " component";
            else
                forbid(v, policy, "layer.adapter-include",
                       fromName + " must stay independent: " + *v.toPath + " is another " + from->name +
                           " component");
        } else if (layers.isDiscouraged(*from, *target)) {
            v.rule = "layer.logic-call";
            v.reason = fromName + " may include " + target->name +
                       "/, but calling it directly is discouraged "
                       "(layer.logic-call warns at each call)";
        } else if (layers.mayInclude(*from, *target)) {
            v.reason = fromName + " may include " + target->name + "/";
        } else {
            forbid(v, policy, "layer.include",
                   fromName + " may not include " + target->name + "/: " + fromName + " may include only " +
                       layers.allowedList(*from));
        }
        return v;
    }
    if (from->pure) {
        if (auto rule = policy.purity.deniedHeader(v.toSpelling))
            forbid(v, policy, *rule,
                   "<" + v.toSpelling + "> gives " + fromName + " an effect " + *rule + " forbids");
        else if (policy.purity.isPureHeader(v.toSpelling))
            v.reason = "<" + v.toSpelling + "> is on the pure header allow-list";
        else
            forbid(v, policy, "layer.include",
                   fromName + " may include only " + layers.allowedList(*from) +
                       " and pure standard headers: <" + v.toSpelling + "> " +
                       (v.toKind == HeaderKind::Standard ? "is not on the pure header allow-list"
                                                         : "is an external library"));
    } else if (!from->external && v.toKind == HeaderKind::External) {
        forbid(v, policy, "layer.include",
               fromName + " may not include the external library <" + v.toSpelling +
                   ">: only layers marked external (adapters/, entrypoints/) may");
    } else {
        v.reason = v.toKind == HeaderKind::Standard ? fromName + " may include standard headers"
                                                    : fromName + " may include external libraries";
    }
    return v;
}

} // namespace devos::mcp
