#pragma once
#include <devos/engine/policy.hpp>
#include <string>

namespace devos::check {

// The repo policy: `configFile` when given, else <root>/.devos/devos.yml over the shipped rules.
[[nodiscard]] foundation::Expected<engine::Policy> loadPolicy(const std::string& root,
                                                              const std::string& configFile);

} // namespace devos::check
