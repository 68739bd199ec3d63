#pragma once
#include "scan/scan_rules.hpp"

#include <cstdint>
#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <devos/policy/secret_rules.hpp>
#include <string>
#include <string_view>
#include <vector>

// The findings of `devos scan` for one tracked file, from its name, size and bytes (no I/O).
namespace devos::scan {

struct TrackedFile {
    std::string path;        // repo-relative, '/'-separated
    std::uintmax_t size = 0; // bytes on disk
    std::string_view bytes;  // the whole content, or only its first bytes when it is over the size cap
};

// files.binary (a build output, an executable or object file, or binary content, unless its
// extension is on `scan.allow_extensions` of `settings`), files.size (over `scan.max_file_kb`) and
// files.encoding (a C or C++ source with CRLF line endings or bytes that are not UTF-8).
[[nodiscard]] std::vector<engine::Finding> checkFileType(const TrackedFile& file, const ScanRules& settings,
                                                         const engine::Policy& policy);

// security.secret at every secret the rules find in a text file within the size cap (the rules'
// `path` regexes and allowlists see the repo-relative path). The message names the rule and shows
// the match with the secret redacted. `devos-allow(security.secret): <reason> until YYYY-MM-DD` (in
// any comment syntax) on the line or the line above allows it; a malformed or expired one is
// allow.malformed / allow.expired (dated against `today`, YYYY-MM-DD). Sorted.
[[nodiscard]] std::vector<engine::Finding> checkSecrets(const TrackedFile& file,
                                                        const policy::SecretRules& rules,
                                                        const engine::Policy& policy,
                                                        const std::string& today);

} // namespace devos::scan
