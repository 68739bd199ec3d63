#pragma once
#include <clang/Basic/SourceLocation.h>
#include <devos/engine/finding.hpp>
#include <vector>

namespace devos::checks {

// Where a finding goes once a check has decided on it: the plugin turns it into a Clang diagnostic,
// `devos check` collects it. `range` and `noteLocations` are the Clang locations of the finding and
// of its notes (same order as finding.notes), for renderers that print include stacks and carets.
class FindingSink {
public:
    virtual ~FindingSink() = default;
    virtual void emit(const engine::Finding& finding, clang::SourceRange range,
                      const std::vector<clang::SourceLocation>& noteLocations) = 0;
};

} // namespace devos::checks
