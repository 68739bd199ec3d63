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

bool sameComponent(const std::string& a, const std::string& b) {
    auto stem = [](const std::string& p) {
        size_t slash = p.rfind('/');
        size_t dot = p.find('.', slash == std::string::npos ? 0 : slash);
        return p.substr(0, dot);
    };
    return stem(a) == stem(b);
}

bool isStandardHeader(const engine::PurityLists& lists, const std::string& spelling) {
    return spelling.find('.') == std::string::npos || lists.isPureHeader(spelling) ||
           lists.deniedHeader(spelling).has_value();
}

} // namespace devos::checks
