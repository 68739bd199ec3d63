#pragma once
#include <clang/AST/Decl.h>
#include <clang/AST/Type.h>
#include <string>

namespace devos::checks {

// "std::chrono::system_clock::now": the declaration's namespaces and classes without template
// arguments, inline namespaces (std::_V2, std::__cxx11) or anonymous namespaces. Global C functions
// get no leading "::" ("time").
[[nodiscard]] std::string qualifiedName(const clang::NamedDecl* decl);
// The qualified name of the class (template) behind a type, looking through references, pointers,
// arrays and typedefs ("std::basic_ofstream" for std::ofstream&), or "" for non-class types.
[[nodiscard]] std::string recordName(clang::QualType type);
// The Unified Symbol Resolution of a declaration: stable across translation units.
[[nodiscard]] std::string usrOf(const clang::Decl* decl);

} // namespace devos::checks
