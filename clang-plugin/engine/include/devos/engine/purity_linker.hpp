#pragma once
#include <devos/engine/effect_summary.hpp>
#include <devos/engine/policy.hpp>
#include <vector>

namespace devos::engine {

// Cross-TU purity ("link-time purity"): merges the effect summaries of every checked TU and reports
// each pure-layer function that reaches an effect only through calls the TU itself could not see
// (purity.transitive, with the shortest call chain as notes), and each call to a pure-layer
// declaration that no checked TU defines (purity.unknown-effect).
class PurityLinker {
public:
    explicit PurityLinker(const Policy& policy) : policy_(policy) {}

    [[nodiscard]] std::vector<Finding> link(const std::vector<EffectSummary>& summaries) const;

private:
    const Policy& policy_;
};

} // namespace devos::engine
