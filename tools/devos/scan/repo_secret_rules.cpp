#include "scan/repo_secret_rules.hpp"

#include <devos/engine/policy.hpp>
#include <filesystem>

namespace devos::scan {

std::string gitleaksConfigPath(const std::string& root, const engine::Policy& repoPolicy) {
    if (repoPolicy.scan.gitleaksConfig.empty())
        return "";
    return (std::filesystem::path(root) / repoPolicy.scan.gitleaksConfig).lexically_normal().string();
}

foundation::Expected<std::string> repoGitleaksConfigPath(const std::string& root) {
    auto repoPolicy = engine::Policy::forRepo(root);
    if (!repoPolicy)
        return std::unexpected(repoPolicy.error());
    return gitleaksConfigPath(root, *repoPolicy);
}

foundation::Expected<RepoSecretRules> loadRepoSecretRules(const std::string& root,
                                                          const engine::Policy& repoPolicy) {
    std::optional<policy::GitleaksConfig> config;
    std::vector<std::string> inputs;
    if (const std::string path = gitleaksConfigPath(root, repoPolicy); !path.empty()) {
        auto read = policy::readGitleaksConfig(path, repoPolicy.scan.gitleaksConfig);
        if (!read)
            return foundation::fail(foundation::ErrorKind::NotFound,
                                    "scan.gitleaks_config: cannot read '" + repoPolicy.scan.gitleaksConfig +
                                        "'",
                                    repoPolicy.configFile, repoPolicy.scan.gitleaksConfigLine,
                                    "the path is relative to the repo root (" + root + ")");
        config = std::move(*read);
        inputs.push_back(path);
    }
    auto rules = policy::compileSecretRules(policy::SecretUse::Scan, config);
    if (!rules)
        return std::unexpected(rules.error());
    return RepoSecretRules{std::move(*rules), std::move(inputs)};
}

} // namespace devos::scan
