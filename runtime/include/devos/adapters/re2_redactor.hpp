#pragma once
#include <devos/contracts/error.hpp>
#include <devos/ports/redactor.hpp>
#include <memory>
#include <string>
#include <string_view>

namespace devos::adapters {

// A redactor from a rule file in the policy/secrets.yml format; `origin` names it in errors
// (a rule without id/pattern, or a pattern RE2 rejects, fails with the rule's id).
[[nodiscard]] contracts::Expected<std::unique_ptr<ports::Redactor>>
makeRe2Redactor(std::string_view rulesYaml, const std::string& origin);

// The redactor of the shipped rules (policy/secrets.yml, compiled in).
[[nodiscard]] contracts::Expected<std::unique_ptr<ports::Redactor>> makeDefaultRedactor();

// The shipped policy/secrets.yml text.
[[nodiscard]] std::string_view embeddedSecretRules();

} // namespace devos::adapters
