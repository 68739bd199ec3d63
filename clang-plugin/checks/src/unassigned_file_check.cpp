#include <devos/checks/unassigned_file_check.hpp>
#include <set>

namespace devos::checks {

void UnassignedFileCheck::finishTranslationUnit(clang::ASTContext& ast, const IncludeRecorder& includes) {
    clang::SourceManager& sm = context_.sourceManager();
    std::vector<clang::FileID> files{sm.getMainFileID()};
    for (const auto& edge : includes.edges()) {
        if (edge.resolvedPath.empty() || edge.targetIsSystem)
            continue;
        if (auto ref = sm.getFileManager().getOptionalFileRef(edge.resolvedPath))
            files.push_back(sm.translateFile(*ref));
    }
    std::set<std::string> reported;
    for (clang::FileID id : files) {
        if (id.isInvalid())
            continue;
        const FileFacts& facts = context_.facts(id);
        if (facts.system || facts.test || !context_.policy().layers.isUnassigned(facts.path))
            continue;
        if (!reported.insert(facts.path).second)
            continue;
        clang::SourceLocation start = sm.getLocForStartOfFile(id);
        context_.report("layer.unassigned", {start, start},
                        facts.path +
                            " is under src/ but belongs to no layer: every first-party file needs a layer",
                        facts.path);
    }
}

} // namespace devos::checks
