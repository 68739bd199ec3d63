#pragma once
#include <devos/engine/finding.hpp>
#include <string>

namespace devos::output {

// A line-number-free identity of a finding, shared by SARIF (`partialFingerprints["devos/v1"]`) and
// baselines: 16 hex digits of 64-bit FNV-1a over rule id, file and subject (the message when the
// finding has no subject). Moving code within a file keeps it; renaming the file or symbol changes it.
[[nodiscard]] std::string stableFingerprint(const engine::Finding& finding);

} // namespace devos::output
