#include <devos/engine/policy.hpp>
#include <devos/engine/text_file.hpp>
#include <filesystem>

namespace devos::engine {

foundation::Expected<Policy> Policy::forRepo(const std::string& repoRoot) {
    auto policy = defaults();
    if (!policy)
        return policy;
    std::filesystem::path config = std::filesystem::path(repoRoot) / ".devos" / "devos.yml";
    std::error_code ec;
    if (repoRoot.empty() || !std::filesystem::is_regular_file(config, ec))
        return policy;
    auto text = readTextFile(config.string());
    if (!text)
        return foundation::fail(foundation::ErrorKind::Io, "cannot read the repo config", config.string(), 0,
                                "check the file's permissions");
    if (auto ok = policy->applyRepoConfig(*text, config.string()); !ok)
        return std::unexpected(ok.error());
    return policy;
}

} // namespace devos::engine
