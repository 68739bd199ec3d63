#pragma once
#include <devos/engine/finding.hpp>
#include <string>
#include <vector>

namespace devos::check {

// --verify: compares `findings` with the `// expected-* {{...}}` and `// linked-* {{...}}` markers in
// the C++ sources under the repo's first-party roots (src/, include/, tests/ of `root`), as clang's
// -verify does; one line per mismatch, none when they agree.
[[nodiscard]] std::vector<std::string> markerMismatches(const std::vector<engine::Finding>& findings,
                                                        const std::string& root);

} // namespace devos::check
