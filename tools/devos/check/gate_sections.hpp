#pragma once
#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>

namespace devos::check {

// Parses each gate's section of the repo config `policy` applied (engine::kGateSections:
// thresholds, dependencies, licenses, scan) with that gate's own parser, so `devos check` reports a
// broken section at its file and line although the check itself reads none of them.
[[nodiscard]] foundation::Expected<void> checkGateSections(const engine::Policy& policy);

} // namespace devos::check
