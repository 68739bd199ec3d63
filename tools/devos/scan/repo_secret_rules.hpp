#pragma once
#include "scan/scan_rules.hpp"

#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>
#include <devos/policy/secret_rules.hpp>
#include <string>
#include <vector>

namespace devos::scan {

// The secret rules `devos scan secrets` runs in a repo: the built-in ones, or the gitleaks
// configuration .devos/devos.yml `scan.gitleaks_config` names (replacing them, or added to them
// with `[extend] useDefault = true`).
struct RepoSecretRules {
    policy::SecretRules rules;
    std::vector<std::string> inputs; // the configuration file read, if any (for the depfile)
};

// The secret rules for `settings` (the repo config's scan section, already parsed from
// `configFile`). Errors name the configuration file and line, or the repo config's line when the
// file is missing.
[[nodiscard]] foundation::Expected<RepoSecretRules>
loadRepoSecretRules(const std::string& root, const ScanRules& settings, const std::string& configFile);

// The absolute path of the repo's gitleaks configuration; empty when it names none.
[[nodiscard]] std::string gitleaksConfigPath(const std::string& root, const ScanRules& settings);

// The same from the repo config under `root` (for the redactor of `devos ingest` and `devos search`,
// which must redact what the scan would flag); an invalid repo config is its error.
[[nodiscard]] foundation::Expected<std::string> repoGitleaksConfigPath(const std::string& root);

} // namespace devos::scan
