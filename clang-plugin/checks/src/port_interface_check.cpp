#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Lex/Lexer.h>
#include <devos/checks/port_interface_check.hpp>

using namespace clang::ast_matchers;

namespace devos::checks {

void PortInterfaceCheck::registerMatchers(MatchFinder& finder) {
    finder.addMatcher(cxxRecordDecl(isDefinition(), unless(isLambda()), unless(isImplicit())).bind("record"),
                      this);
    finder.addMatcher(functionDecl(isDefinition(), unless(cxxMethodDecl())).bind("free"), this);
    finder.addMatcher(varDecl(hasGlobalStorage(), unless(isConstexpr())).bind("var"), this);
}

void PortInterfaceCheck::run(const MatchFinder::MatchResult& result) {
    auto inPorts = [&](clang::SourceLocation loc) -> const FileFacts* {
        const FileFacts& facts = context_.facts(loc);
        return facts.checked() && facts.layer && facts.layer->interfacesOnly ? &facts : nullptr;
    };
    if (const auto* fn = result.Nodes.getNodeAs<clang::FunctionDecl>("free")) {
        if (inPorts(fn->getLocation()))
            context_.report("layer.port-interface", {fn->getLocation(), fn->getLocation()},
                            "ports/ hold only interfaces: free function '" + fn->getNameAsString() +
                                "' has a body here; move behaviour to logic/ or adapters/",
                            fn->getNameAsString());
        return;
    }
    if (const auto* var = result.Nodes.getNodeAs<clang::VarDecl>("var")) {
        if (inPorts(var->getLocation()) && !var->isStaticLocal())
            context_.report("layer.port-interface", {var->getLocation(), var->getLocation()},
                            "ports/ hold only interfaces: '" + var->getNameAsString() + "' is a variable",
                            var->getNameAsString());
        return;
    }
    const auto* record = result.Nodes.getNodeAs<clang::CXXRecordDecl>("record");
    if (!inPorts(record->getLocation()) || record->isEnum())
        return;
    std::string cls = record->getNameAsString();
    for (const auto* field : record->fields())
        context_.report("layer.port-interface", {field->getLocation(), field->getLocation()},
                        "ports/ hold only pure interfaces: '" + cls + "::" + field->getNameAsString() +
                            "' is a data member; move data to contracts/",
                        cls + "::" + field->getNameAsString());
    for (const auto* method : record->methods()) {
        if (method->isImplicit() || method->isDeleted() || method->isDefaulted() || method->isPureVirtual() ||
            llvm::isa<clang::CXXDestructorDecl>(method))
            continue;
        std::string name = cls + "::" + method->getNameAsString();
        if (llvm::isa<clang::CXXConstructorDecl>(method)) {
            context_.report("layer.port-interface", {method->getLocation(), method->getLocation()},
                            "ports/ hold only pure interfaces: '" + name + "' is a user-written constructor",
                            name);
            continue;
        }
        if (!method->isVirtual() || method->isStatic()) {
            context_.report("layer.port-interface", {method->getLocation(), method->getLocation()},
                            "ports/ hold only pure interfaces: '" + name + "' is not a pure virtual function",
                            name);
            continue;
        }
        // A virtual function with a body: replacing the body with "= 0;" is mechanical.
        std::vector<engine::FixIt> fixes;
        if (const clang::Stmt* body = method->getBody()) {
            clang::SourceRange r = body->getSourceRange();
            engine::SourcePoint begin = context_.point(r.getBegin());
            engine::SourcePoint end = context_.point(r.getEnd());
            end.column += 1;
            fixes.push_back({begin, end, "= 0;"});
        }
        context_.report("layer.port-interface", {method->getLocation(), method->getLocation()},
                        "ports/ hold only pure interfaces: '" + name +
                            "' has a body; declare it pure virtual (= 0)",
                        name, {}, std::move(fixes));
    }
}

} // namespace devos::checks
