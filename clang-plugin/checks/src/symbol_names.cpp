#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Index/USRGeneration.h>
#include <devos/checks/symbol_names.hpp>
#include <llvm/ADT/SmallString.h>
#include <vector>

namespace devos::checks {

std::string qualifiedName(const clang::NamedDecl* decl) {
    if (!decl)
        return {};
    std::vector<std::string> parts;
    if (decl->getDeclName().isIdentifier() || !decl->getDeclName().isEmpty())
        parts.push_back(decl->getDeclName().getAsString());
    for (const clang::DeclContext* ctx = decl->getDeclContext(); ctx; ctx = ctx->getParent()) {
        if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(ctx)) {
            if (ns->isInline() || ns->isAnonymousNamespace())
                continue;
            parts.push_back(ns->getName().str());
        } else if (const auto* record = llvm::dyn_cast<clang::RecordDecl>(ctx)) {
            if (!record->getName().empty())
                parts.push_back(record->getName().str());
        } else if (llvm::isa<clang::FunctionDecl>(ctx)) {
            break;
        }
    }
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it)
        out += (out.empty() ? "" : "::") + *it;
    return out;
}

std::string recordName(clang::QualType type) {
    if (type.isNull())
        return {};
    clang::QualType t = type.getNonReferenceType();
    while (true) {
        t = t.getCanonicalType();
        if (const auto* p = t->getAs<clang::PointerType>())
            t = p->getPointeeType();
        else if (const auto* a = llvm::dyn_cast<clang::ArrayType>(t.getTypePtr()))
            t = a->getElementType();
        else
            break;
    }
    if (const auto* record = t->getAsCXXRecordDecl()) {
        if (const auto* spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(record))
            return qualifiedName(spec->getSpecializedTemplate());
        return qualifiedName(record);
    }
    if (const auto* record = t->getAsRecordDecl())
        return qualifiedName(record);
    return {};
}

std::string usrOf(const clang::Decl* decl) {
    llvm::SmallString<128> buffer;
    if (clang::index::generateUSRForDecl(decl, buffer))
        return {};
    return buffer.str().str();
}

} // namespace devos::checks
