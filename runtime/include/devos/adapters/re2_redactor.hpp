#pragma once
#include <devos/contracts/error.hpp>
#include <devos/ports/redactor.hpp>
#include <memory>
#include <string>

namespace devos::adapters {

// A redactor running the secret rules `devos scan secrets` runs (policy/secrets.toml, RE2 patterns
// behind a keyword prefilter) plus the redact-only ones (bearer tokens, `password=x` in a log line,
// e-mail addresses), so telemetry never stores what the scan would flag. `gitleaksConfig`, when not
// empty, is a repo's gitleaks configuration file whose rules are added; its errors name the file
// and line (Invalid) or say it cannot be read (NotFound).
[[nodiscard]] contracts::Expected<std::unique_ptr<ports::Redactor>>
makeRe2Redactor(const std::string& gitleaksConfig);

// The redactor of the built-in rules alone.
[[nodiscard]] contracts::Expected<std::unique_ptr<ports::Redactor>> makeDefaultRedactor();

} // namespace devos::adapters
