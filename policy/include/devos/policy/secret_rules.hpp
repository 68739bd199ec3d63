#pragma once
#include <string_view>

namespace devos::policy {

// The shipped policy/secrets.yml text, compiled in once (policy/CMakeLists.txt) for the runtime's
// redactor and `devos scan secrets`.
[[nodiscard]] std::string_view secretRulesYaml();

} // namespace devos::policy
