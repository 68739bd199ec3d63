#include <devos/checks/include_edge.hpp>

namespace devos::checks {

std::vector<ResolvedInclude> checkedIncludes(CheckContext& context, const IncludeRecorder& includes) {
    std::vector<ResolvedInclude> out;
    for (const auto& edge : includes.edges()) {
        if (edge.resolvedPath.empty())
            continue;
        const FileFacts& from = context.facts(edge.hashLoc);
        if (!from.checked() || !from.layer)
            continue;
        out.push_back({&edge, from, context.factsForPath(edge.resolvedPath, edge.targetIsSystem)});
    }
    return out;
}

} // namespace devos::checks
