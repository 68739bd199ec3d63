#include <devos/engine/policy.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace devos::engine {

Expected<Policy> Policy::forRepo(const std::string& repoRoot) {
    auto policy = defaults();
    if (!policy)
        return policy;
    std::filesystem::path config = std::filesystem::path(repoRoot) / ".devos" / "devos.yml";
    std::error_code ec;
    if (repoRoot.empty() || !std::filesystem::is_regular_file(config, ec))
        return policy;
    std::ifstream in(config);
    if (!in)
        return fail(config.string(), 0, "cannot read the repo config", "check the file's permissions");
    std::stringstream text;
    text << in.rdbuf();
    if (auto ok = policy->applyRepoConfig(text.str(), config.string()); !ok)
        return std::unexpected(ok.error());
    return policy;
}

} // namespace devos::engine
