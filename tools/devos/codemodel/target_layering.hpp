#pragma once
#include "codemodel/file_api.hpp"
#include "codemodel/io_libraries.hpp"

#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <string>
#include <vector>

namespace devos::codemodel {

// A target's layer from its sources. A target whose sources span several layers is checked as the
// lowest pure layer among them (else the lowest layer); `spanned` then names them all.
struct TargetLayer {
    const engine::LayerSpec* layer = nullptr; // nullptr: no source in a layer (tests, third-party code)
    std::vector<std::string> spanned;         // every layer of its sources, in layer order
};

// The layer of `target`, its sources made relative to `repoRoot`.
[[nodiscard]] TargetLayer layerOfTarget(const Target& target, const engine::LayerMap& layers,
                                        const std::string& repoRoot);

// Target-level layering: a link to a target of a layer the target's layer may not depend on
// (target.layer-link) and an I/O library linked by a pure-layer target (target.io-library), each at
// the CMake call that made the edge. Sorted and de-duplicated.
[[nodiscard]] std::vector<engine::Finding> checkTargets(const Codemodel& model, const engine::Policy& policy,
                                                        const IoLibraries& io, const std::string& repoRoot);

} // namespace devos::codemodel
