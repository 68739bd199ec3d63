#pragma once
#include "dependencies/dependency_record.hpp"

#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <map>
#include <string>
#include <vector>

namespace devos::dependencies {

// Findings about a resolved package, located at its find_package call (the first one in the
// recorded list file; each list file is read once) with a note at the repo config line that set
// the rule. Shared by the dependency policy (floors, bans) and the license policy.
class CallSiteFindings {
public:
    CallSiteFindings(const engine::Policy& policy, std::string root)
        : policy_(policy), root_(std::move(root)) {}

    // Appends a `ruleId` finding at `dep`'s call: its level is `level` capped by the configured
    // level (off drops it); `ruleLine` in the repo config gets the note `noteText`.
    void add(const std::string& ruleId, engine::Level level, const ResolvedDependency& dep,
             std::string message, unsigned ruleLine, const std::string& noteText,
             std::vector<engine::Finding>& out);

private:
    const std::string& listFileText(const std::string& path);

    const engine::Policy& policy_;
    std::string root_;
    std::map<std::string, std::string> listFiles_;
};

} // namespace devos::dependencies
