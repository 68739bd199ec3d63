#pragma once
#include <devos/checks/check_context.hpp>
#include <devos/checks/include_recorder.hpp>

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
[[nodiscard]] std::vector<ResolvedInclude> checkedIncludes(CheckContext& context, const IncludeRecorder& includes);

// True when two files of `layer` are one component: below the layer's folder, the same first
// subfolder (adapters/postgres/**) or, for files directly in it, the same stem
// (include/x/adapters/db.hpp and src/adapters/db.cpp).
[[nodiscard]] bool sameComponent(const std::string& a, const std::string& b, const std::string& layer);

// A header of the C or C++ standard library or the platform (no extension, or on a purity list).
[[nodiscard]] bool isStandardHeader(const engine::PurityLists& lists, const std::string& spelling);

} // namespace devos::checks
