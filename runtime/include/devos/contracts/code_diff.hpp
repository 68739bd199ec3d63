#pragma once
#include <string>

namespace devos::contracts {

// One file a proposal changes, as whole texts: DevOS computes the unified diff (logic::unifiedDiff),
// never an agent. `before` is the file at the failing commit; both use '\n' line ends.
struct CodeDiff {
    std::string path; // repo-relative, '/' separators
    std::string before;
    std::string after;

    bool operator==(const CodeDiff&) const = default;
};

} // namespace devos::contracts
