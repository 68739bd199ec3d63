#include <devos/checks/denied_header_check.hpp>
#include <devos/checks/effect_classifier.hpp>
#include <devos/checks/include_edge.hpp>

namespace devos::checks {

void DeniedHeaderCheck::finishTranslationUnit(clang::ASTContext&, const IncludeRecorder& includes) {
    for (const auto& inc : checkedIncludes(context_, includes)) {
        if (!inc.from.layer->pure || inc.toFirstParty())
            continue;
        auto rule = context_.policy().purity.deniedHeader(inc.edge->spelling);
        if (!rule)
            continue;
        context_.report(*rule, inc.edge->nameRange.getAsRange(),
                        effectMessage(*rule, inc.from.layer->name, inc.quoted()) + " (header)",
                        inc.edge->spelling);
    }
}

} // namespace devos::checks
