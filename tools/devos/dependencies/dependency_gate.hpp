#pragma once
#include "dependencies/build_record.hpp"

#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::dependencies {

// What `devos deps` (and `devos sbom`) read: a configured build's dependency record and the repo's
// policy.
struct DependencyGateRequest {
    std::string buildDir{};
    std::string recordFile{};    // the provider's record to read instead of the build's; "" for none
    std::string source = "auto"; // auto, provider or cmake (loadBuildRecord)
    std::string root{};          // repo root; "" finds it from the current directory
    std::string configFile{};    // a repo config instead of <root>/.devos/devos.yml; "" for none
};

// The record, the policy it is checked against, and the floor and ban findings.
struct DependencyGateOutcome {
    BuildRecord record{};
    engine::Policy policy{};
    std::string root{};
    std::vector<engine::Finding> findings{}; // dependency.floor, dependency.ban
};

// Loads the build's record (an error names what is missing and how to get it) and the repo's policy
// (an error names the config line), then checks the record against the floors and bans.
[[nodiscard]] foundation::Expected<DependencyGateOutcome>
checkBuildDependencies(const DependencyGateRequest& request);

// The record and the policy only (what `devos sbom` builds on): findings stay empty.
[[nodiscard]] foundation::Expected<DependencyGateOutcome>
loadRecordAndPolicy(const DependencyGateRequest& request);

} // namespace devos::dependencies
