#include "scan/repo_secret_rules.hpp"

#include <devos/engine/config_section.hpp>
#include <devos/engine/policy.hpp>
#include <filesystem>

namespace devos::scan {

std::string gitleaksConfigPath(const std::string& root, const ScanRules& settings) {
    if (settings.gitleaksConfig.empty())
        return "";
    return (std::filesystem::path(root) / settings.gitleaksConfig).lexically_normal().string();
}

foundation::Expected<std::string> repoGitleaksConfigPath(const std::string& root) {
    auto repoPolicy = engine::Policy::forRepo(root);
    if (!repoPolicy)
        return std::unexpected(repoPolicy.error());
    auto settings = engine::gateSettings<ScanRules>(*repoPolicy);
    if (!settings)
        return std::unexpected(settings.error());
    return gitleaksConfigPath(root, *settings);
}

foundation::Expected<RepoSecretRules> loadRepoSecretRules(const std::string& root, const ScanRules& settings,
                                                          const std::string& configFile) {
    std::optional<policy::GitleaksConfig> config;
    std::vector<std::string> inputs;
    if (const std::string path = gitleaksConfigPath(root, settings); !path.empty()) {
        auto read = policy::readGitleaksConfig(path, settings.gitleaksConfig);
        if (!read)
            return foundation::fail(foundation::ErrorKind::NotFound,
                                    "scan.gitleaks_config: cannot read '" + settings.gitleaksConfig + "'",
                                    configFile, settings.gitleaksConfigLine,
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
