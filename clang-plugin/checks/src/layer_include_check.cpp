#include <devos/checks/include_edge.hpp>
#include <devos/checks/layer_include_check.hpp>

namespace devos::checks {

void LayerIncludeCheck::finishTranslationUnit(clang::ASTContext&, const IncludeRecorder& includes) {
    const auto& policy = context_.policy();
    for (const auto& inc : checkedIncludes(context_, includes)) {
        const engine::LayerSpec& from = *inc.from.layer;
        std::string fromName = from.name + "/";
        clang::SourceRange range = inc.edge->nameRange.getAsRange();
        if (inc.toFirstParty()) {
            if (inc.to.test || inc.to.path == inc.from.path)
                continue;
            if (!inc.to.layer) {
                if (!from.external)
                    context_.report("layer.include", range,
                                    fromName + " may not include " + inc.quoted() + ": " + inc.to.path +
                                        " belongs to no layer",
                                    inc.to.path);
                continue;
            }
            const engine::LayerSpec& to = *inc.to.layer;
            if (policy.layers.mayInclude(from, to) || (from.independent && from.name == to.name) ||
                policy.layers.isDiscouraged(from, to))
                continue;
            context_.report("layer.include", range,
                            fromName + " may not include " + to.name + "/ (" + inc.quoted() +
                                "): " + fromName + " may include only " + policy.layers.allowedList(from),
                            inc.to.path);
            continue;
        }
        const std::string& spelling = inc.edge->spelling;
        if (from.pure) {
            if (policy.purity.deniedHeader(spelling) || policy.purity.isPureHeader(spelling))
                continue;
            context_.report("layer.include", range,
                            fromName + " may include only " + policy.layers.allowedList(from) +
                                " and pure standard headers: " + inc.quoted() +
                                (engine::isStandardHeader(policy.purity, spelling)
                                     ? " is not on the pure header allow-list"
                                     : " is an external library"),
                            spelling);
        } else if (!from.external && !engine::isStandardHeader(policy.purity, spelling)) {
            context_.report("layer.include", range,
                            fromName + " may not include the external library " + inc.quoted() +
                                ": only layers marked external (adapters/, entrypoints/) may",
                            spelling);
        }
    }
}

} // namespace devos::checks
