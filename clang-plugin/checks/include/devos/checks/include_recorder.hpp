#pragma once
#include <clang/Lex/PPCallbacks.h>
#include <string>
#include <vector>

namespace devos::checks {

// One #include directive the preprocessor resolved.
struct IncludeEdge {
    clang::SourceLocation hashLoc;    // the '#' of the directive, in the including file
    clang::CharSourceRange nameRange; // "x.hpp" or <x.hpp>
    std::string spelling;             // the name as written, without quotes or brackets
    std::string resolvedPath;         // the file it resolved to ("" when not found)
    bool angled = false;
    bool targetIsSystem = false; // found through a system include directory
};

// Records every #include of the translation unit for the include rules, which run at the end of
// the TU when the including files' facts (and the include stack) are known.
class IncludeRecorder : public clang::PPCallbacks {
public:
    void InclusionDirective(clang::SourceLocation hashLoc, const clang::Token& includeTok,
                            llvm::StringRef fileName, bool isAngled, clang::CharSourceRange filenameRange,
                            clang::OptionalFileEntryRef file, llvm::StringRef searchPath,
                            llvm::StringRef relativePath, const clang::Module* suggestedModule,
                            bool moduleImported, clang::SrcMgr::CharacteristicKind fileType) override;

    [[nodiscard]] const std::vector<IncludeEdge>& edges() const { return edges_; }

private:
    std::vector<IncludeEdge> edges_;
};

// Lets the consumer keep reading a recorder that the preprocessor owns.
class ForwardingPPCallbacks : public clang::PPCallbacks {
public:
    explicit ForwardingPPCallbacks(IncludeRecorder& target) : target_(target) {}
    void InclusionDirective(clang::SourceLocation hashLoc, const clang::Token& includeTok,
                            llvm::StringRef fileName, bool isAngled, clang::CharSourceRange filenameRange,
                            clang::OptionalFileEntryRef file, llvm::StringRef searchPath,
                            llvm::StringRef relativePath, const clang::Module* suggestedModule,
                            bool moduleImported, clang::SrcMgr::CharacteristicKind fileType) override {
        target_.InclusionDirective(hashLoc, includeTok, fileName, isAngled, filenameRange, file, searchPath,
                                   relativePath, suggestedModule, moduleImported, fileType);
    }

private:
    IncludeRecorder& target_;
};

} // namespace devos::checks
