#include "dependencies/dependency_gate.hpp"

#include "dependencies/dependency_check.hpp"

#include <devos/engine/config_section.hpp>
#include <devos/engine/repo_paths.hpp>
#include <filesystem>

namespace devos::dependencies {

foundation::Expected<DependencyGateOutcome> loadRecordAndPolicy(const DependencyGateRequest& request) {
    auto record = loadBuildRecord(request.buildDir, request.recordFile, request.source);
    if (!record)
        return std::unexpected(record.error());
    std::string root =
        request.root.empty() ? engine::findRepoRoot(std::filesystem::current_path().string()) : request.root;
    auto policy = engine::Policy::forRepo(root, request.configFile);
    if (!policy)
        return std::unexpected(policy.error());
    return DependencyGateOutcome{std::move(*record), std::move(*policy), std::move(root), {}};
}

foundation::Expected<DependencyGateOutcome> checkBuildDependencies(const DependencyGateRequest& request) {
    auto loaded = loadRecordAndPolicy(request);
    if (!loaded)
        return loaded;
    auto rules = engine::gateSettings<DependencyRules>(loaded->policy);
    if (!rules)
        return std::unexpected(rules.error());
    loaded->findings = checkDependencies(loaded->record.dependencies, *rules, loaded->policy, loaded->root);
    return loaded;
}

} // namespace devos::dependencies
