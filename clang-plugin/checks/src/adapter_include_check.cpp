#include <devos/checks/adapter_include_check.hpp>
#include <devos/checks/include_edge.hpp>

namespace devos::checks {

void AdapterIncludeCheck::finishTranslationUnit(clang::ASTContext&, const IncludeRecorder& includes) {
    for (const auto& inc : checkedIncludes(context_, includes)) {
        const engine::LayerSpec& from = *inc.from.layer;
        if (!from.independent || !inc.toFirstParty() || !inc.to.layer || inc.to.layer->name != from.name)
            continue;
        if (engine::sameComponent(inc.to.path, inc.from.path, from.name))
            continue; // an adapter's own header is part of the same adapter
        context_.report("layer.adapter-include", inc.edge->nameRange.getAsRange(),
                        from.name + "/ must stay independent: " + inc.quoted() + " is another adapter (" +
                            inc.to.path + ")",
                        inc.to.path);
    }
}

} // namespace devos::checks
