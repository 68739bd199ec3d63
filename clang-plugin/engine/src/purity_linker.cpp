// Breadth-first search from each pure-layer function over call edges gives the shortest chain to an
// effect. A node is an effect when its function has direct effects or is defined outside the pure
// layers. Direct effects and direct calls to callees declared outside the pure layers are already
// reported by the per-TU checks, so the search starts only through calls the TU saw as pure.
#include <deque>
#include <devos/engine/purity_linker.hpp>
#include <map>
#include <set>

namespace devos::engine {
namespace {

struct Hop {
    const FunctionSummary* callee;
    const CallSite* site;
    int parent; // index into the hop list; -1 for the first hop
};

bool declaredInPureLayer(const Policy& policy, const std::string& file) {
    const LayerSpec* layer = policy.layers.layerOf(file);
    return layer && layer->pure;
}

std::string effectText(const FunctionSummary& fn) {
    if (!fn.effects.empty())
        return fn.effects.front().what + " [" + fn.effects.front().ruleId + "]";
    return "body in " + (fn.layer.empty() ? fn.file : fn.layer + "/") + " [outside the pure layers]";
}

} // namespace

std::vector<Finding> PurityLinker::link(const std::vector<EffectSummary>& summaries) const {
    std::map<std::string, const FunctionSummary*> byUsr;
    for (const auto& s : summaries)
        for (const auto& fn : s.functions)
            byUsr.emplace(fn.usr, &fn);

    std::vector<Finding> out;
    const bool transitive = policy_.levelOf("purity.transitive") != Level::Off;
    const bool unknownEffects = policy_.levelOf("purity.unknown-effect") != Level::Off;
    for (const auto& [usr, fn] : byUsr) {
        if (!fn->pureLayer)
            continue;
        // Unknown effects: direct calls to pure-layer declarations with no body anywhere.
        for (const auto& call : fn->calls) {
            if (!unknownEffects || byUsr.contains(call.usr) || !declaredInPureLayer(policy_, call.declFile))
                continue;
            if (auto f = policy_.finding(
                    "purity.unknown-effect", call.at,
                    "'" + fn->name + "' calls '" + call.name + "', which is declared in " + call.declFile +
                        " but defined in no checked translation unit: its effects are unknown",
                    call.name))
                out.push_back(std::move(*f));
        }
        if (!transitive)
            continue;
        std::vector<Hop> hops;
        std::deque<int> queue;
        std::set<std::string> seen{usr};
        for (const auto& call : fn->calls) {
            auto it = byUsr.find(call.usr);
            if (it == byUsr.end() || !declaredInPureLayer(policy_, call.declFile) ||
                !seen.insert(call.usr).second)
                continue;
            hops.push_back({it->second, &call, -1});
            queue.push_back(static_cast<int>(hops.size() - 1));
        }
        int reached = -1;
        while (!queue.empty() && reached < 0) {
            int index = queue.front();
            queue.pop_front();
            const FunctionSummary* callee = hops[index].callee;
            if (!callee->pureLayer || !callee->effects.empty()) {
                reached = index;
                break;
            }
            for (const auto& call : callee->calls) {
                auto it = byUsr.find(call.usr);
                if (it == byUsr.end() || !seen.insert(call.usr).second)
                    continue;
                hops.push_back({it->second, &call, index});
                queue.push_back(static_cast<int>(hops.size() - 1));
            }
        }
        if (reached < 0)
            continue;
        std::vector<int> chain;
        for (int i = reached; i >= 0; i = hops[i].parent)
            chain.insert(chain.begin(), i);
        std::string path = fn->name + "()";
        std::vector<Note> notes;
        for (int i : chain) {
            const Hop& hop = hops[i];
            path += " → " + hop.callee->name + "() [" + hop.callee->file + "]";
            notes.push_back({hop.site->at, "calls '" + hop.callee->name + "' here", false});
        }
        const FunctionSummary* last = hops[reached].callee;
        path += " → " + effectText(*last);
        if (!last->effects.empty())
            notes.push_back({{last->file, last->effects.front().line, 1},
                             "'" + last->effects.front().what + "' is here",
                             false});
        const CallSite& first = *hops[chain.front()].site;
        if (auto f = policy_.finding("purity.transitive", first.at, "'" + fn->name + "' is not pure: " + path,
                                     hops[chain.front()].callee->name)) {
            f->notes = std::move(notes);
            out.push_back(std::move(*f));
        }
    }
    sortAndDeduplicate(out);
    return out;
}

} // namespace devos::engine
