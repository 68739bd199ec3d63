#pragma once
#include <clang/Basic/Diagnostic.h>
#include <devos/checks/finding_sink.hpp>

namespace devos::plugin {

// Turns findings into Clang diagnostics: "[devos <rule>] <message>" at the finding's range with its
// fix-its, then a note with what to do instead, then the finding's own notes. Errors fail the compile.
class DiagnosticSink : public checks::FindingSink {
public:
    DiagnosticSink(clang::DiagnosticsEngine& diags, clang::SourceManager& sm) : diags_(diags), sm_(sm) {}
    void emit(const engine::Finding& finding, clang::SourceRange range,
              const std::vector<clang::SourceLocation>& noteLocations) override;

private:
    clang::DiagnosticsEngine& diags_;
    clang::SourceManager& sm_;
};

} // namespace devos::plugin
