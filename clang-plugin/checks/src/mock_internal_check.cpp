#include <clang/ASTMatchers/ASTMatchers.h>
#include <devos/checks/mock_internal_check.hpp>
#include <devos/checks/symbol_names.hpp>

using namespace clang::ast_matchers;

namespace devos::checks {

void MockInternalCheck::registerMatchers(MatchFinder& finder) {
    finder.addMatcher(cxxRecordDecl(isDefinition(), unless(isImplicit())).bind("mock"), this);
}

void MockInternalCheck::run(const MatchFinder::MatchResult& result) {
    const auto* record = result.Nodes.getNodeAs<clang::CXXRecordDecl>("mock");
    if (record->getNumBases() == 0)
        return;
    // MOCK_METHOD(...) declares a companion member function named gmock_<name>.
    bool isMock = false;
    for (const auto* method : record->methods())
        if (const auto* id = method->getIdentifier(); id && id->getName().starts_with("gmock_"))
            isMock = true;
    if (!isMock)
        return;
    const FileFacts& where = context_.facts(record->getLocation());
    if (where.system || !where.firstParty || where.externalTest)
        return;
    for (const auto& base : record->bases()) {
        const auto* mocked = base.getType()->getAsCXXRecordDecl();
        if (!mocked)
            continue;
        const FileFacts& declared = context_.facts(mocked->getLocation());
        if (declared.system || !declared.firstParty || !declared.layer)
            continue;
        context_.report("testing.mock-internal", {record->getLocation(), record->getLocation()},
                        "'" + record->getNameAsString() + "' mocks '" + qualifiedName(mocked) +
                            "', declared in " + declared.path +
                            ": use an in-memory double from tests/doubles/ instead",
                        qualifiedName(mocked), {{mocked->getLocation(), "mocked class declared here"}});
    }
}

} // namespace devos::checks
