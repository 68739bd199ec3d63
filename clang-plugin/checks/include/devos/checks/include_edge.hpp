#pragma once
#include <devos/checks/check_context.hpp>
#include <devos/checks/include_recorder.hpp>
#include <devos/engine/include_paths.hpp>

namespace devos::checks {

// Both ends of one #include, as the include rules see them.
struct ResolvedInclude {
    const IncludeEdge* edge;
    FileFacts from; // the file holding the directive
    FileFacts to;   // the file it resolved to
    [[nodiscard]] bool toFirstParty() const { return !to.system && to.firstParty; }
    [[nodiscard]] std::string quoted() const {
        return edge->angled ? "<" + edge->spelling + ">" : "\"" + edge->spelling + "\"";
    }
};

// The includes whose including file is checked (first-party, not a test, in a layer). Unresolved
// includes are left to the compiler's own error.
[[nodiscard]] std::vector<ResolvedInclude> checkedIncludes(CheckContext& context,
                                                           const IncludeRecorder& includes);

} // namespace devos::checks
