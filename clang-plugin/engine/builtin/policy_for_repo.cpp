#include <devos/engine/policy.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>

namespace devos::engine {

foundation::Expected<Policy> Policy::forRepo(const std::string& repoRoot, const std::string& configFile,
                                             const std::string& givenBy) {
    auto policy = defaults();
    if (!policy)
        return policy;
    std::string config = configFile;
    std::string hint = "check the path given with " + givenBy;
    if (config.empty()) {
        std::filesystem::path standard = std::filesystem::path(repoRoot) / ".devos" / "devos.yml";
        std::error_code ec;
        if (repoRoot.empty() || !std::filesystem::is_regular_file(standard, ec))
            return policy;
        config = standard.string();
        hint = "check the file's permissions";
    }
    auto text = foundation::readTextFile(config, "the DevOS config");
    if (!text) {
        text.error().hint = hint;
        return std::unexpected(text.error());
    }
    if (auto ok = policy->applyRepoConfig(*text, config); !ok)
        return std::unexpected(ok.error());
    return policy;
}

} // namespace devos::engine
