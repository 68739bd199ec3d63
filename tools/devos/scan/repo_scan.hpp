#pragma once
#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::scan {

// What `devos scan` scans: the files git tracks under a repo root, for secrets, file types or both.
struct RepoScanRequest {
    std::string root{};                     // "" finds it from the current directory (else that directory)
    bool secrets = true;                    // security.secret
    bool files = true;                      // files.binary, files.size, files.encoding
    std::vector<std::string> skipDirs{};    // build folders inside the root to leave out
    std::string configFile{};               // a repo config instead of <root>/.devos/devos.yml; "" for none
    std::string depfile{}, depfileTarget{}; // a Makefile-syntax depfile of every input, when not empty
};

// The policy the findings were made under and what the scan found, sorted and deduplicated.
struct RepoScanOutcome {
    engine::Policy policy{};
    std::string root{};
    std::vector<engine::Finding> findings{};
};

// Scans the repo: a root that is not a folder, a bad repo config, a bad gitleaks configuration or
// an unwritable depfile is an error naming the file (and line).
[[nodiscard]] foundation::Expected<RepoScanOutcome> scanRepo(const RepoScanRequest& request);

} // namespace devos::scan
