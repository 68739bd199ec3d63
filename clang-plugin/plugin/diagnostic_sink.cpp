#include "diagnostic_sink.hpp"

#include <clang/Basic/SourceManager.h>

namespace devos::plugin {
namespace {

clang::DiagnosticsEngine::Level toClang(engine::Level level) {
    switch (level) {
    case engine::Level::Error:
        return clang::DiagnosticsEngine::Error;
    case engine::Level::Warning:
        return clang::DiagnosticsEngine::Warning;
    default:
        return clang::DiagnosticsEngine::Remark;
    }
}

} // namespace

void DiagnosticSink::emit(const engine::Finding& finding, clang::SourceRange range,
                          const std::vector<clang::SourceLocation>& noteLocations) {
    unsigned id = diags_.getCustomDiagID(toClang(finding.level), "[devos %0] %1");
    unsigned noteId = diags_.getCustomDiagID(clang::DiagnosticsEngine::Note, "%0");
    clang::SourceLocation at = range.getBegin();
    {
        auto builder = diags_.Report(at, id);
        builder << finding.ruleId << finding.message;
        builder << clang::CharSourceRange::getTokenRange(range);
        clang::FileID file = sm_.getFileID(sm_.getExpansionLoc(at));
        for (const auto& fix : finding.fixes) {
            clang::SourceLocation b = sm_.translateLineCol(file, fix.at.line, fix.at.column);
            clang::SourceLocation e = sm_.translateLineCol(file, fix.end.line, fix.end.column);
            builder << clang::FixItHint::CreateReplacement(clang::CharSourceRange::getCharRange(b, e),
                                                           fix.replacement);
        }
    }
    if (!finding.instead.empty())
        diags_.Report(at, noteId) << finding.instead;
    for (size_t i = 0; i < finding.notes.size() && i < noteLocations.size(); ++i)
        if (!finding.notes[i].includeChain) // Clang prints its own "In file included from" stack
            diags_.Report(noteLocations[i], noteId) << finding.notes[i].message;
}

} // namespace devos::plugin
