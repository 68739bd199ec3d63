#pragma once
#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <string>
#include <vector>

namespace devos::engine {

// Applies the repo's allow comments (resolveAllow) to findings made outside a compile: the linker's,
// devos deps', targets', coverage's and sbom's. A finding an allow comment allows is dropped; a
// malformed or expired comment that names it becomes a finding of its own. Each file is read once,
// relative to `root` when its path is; an unreadable file allows nothing.
void applyAllowComments(std::vector<Finding>& findings, const Policy& policy, const std::string& root,
                        const std::string& today);

} // namespace devos::engine
