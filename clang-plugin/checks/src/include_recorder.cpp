#include <devos/checks/include_recorder.hpp>

namespace devos::checks {

void IncludeRecorder::InclusionDirective(clang::SourceLocation hashLoc, const clang::Token&,
                                         llvm::StringRef fileName, bool isAngled,
                                         clang::CharSourceRange filenameRange,
                                         clang::OptionalFileEntryRef file, llvm::StringRef, llvm::StringRef,
                                         const clang::Module*, bool,
                                         clang::SrcMgr::CharacteristicKind fileType) {
    IncludeEdge edge;
    edge.hashLoc = hashLoc;
    edge.nameRange = filenameRange;
    edge.spelling = fileName.str();
    edge.resolvedPath = file ? file->getName().str() : std::string{};
    edge.angled = isAngled;
    edge.targetIsSystem = clang::SrcMgr::isSystem(fileType);
    edges_.push_back(std::move(edge));
}

} // namespace devos::checks
