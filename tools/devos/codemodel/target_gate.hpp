#pragma once
#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::codemodel {

// What `devos targets` checks: the target graph of a configured build.
struct TargetGateRequest {
    std::string buildDir{};
    std::string root{};          // repo root; "" finds it from the CMake source folder
    std::string configFile{};    // a repo config instead of <root>/.devos/devos.yml; "" for none
    bool refresh = false;        // without a reply: write the query and re-run cmake on the build folder
    std::string cmake = "cmake"; // the cmake --refresh runs
};

// The findings and the policy they were made under.
struct TargetGateOutcome {
    engine::Policy policy{};
    std::string root{};
    std::vector<engine::Finding> findings{}; // target.layer-link, target.io-library
    std::string configureOutput{};           // what a failed --refresh configure printed; empty otherwise
};

// Reads the codemodel (re-running cmake first when asked and the reply is missing), gives each target
// its layer and checks its links. No codemodel (the error names the query to write; after a failed
// --refresh it ends with what cmake printed), a bad repo config or bad rules is an error.
[[nodiscard]] foundation::Expected<TargetGateOutcome> checkBuildTargets(const TargetGateRequest& request);

} // namespace devos::codemodel
