#include "check/repo_policy.hpp"

#include <fstream>
#include <sstream>

namespace devos::check {

foundation::Expected<engine::Policy> loadPolicy(const std::string& root, const std::string& configFile) {
    if (configFile.empty())
        return engine::Policy::forRepo(root);
    auto policy = engine::Policy::defaults();
    if (!policy)
        return policy;
    std::ifstream in(configFile);
    if (!in)
        return foundation::fail(foundation::ErrorKind::Io, "cannot read the DevOS config", configFile, 0,
                                "check the path given with --config");
    std::stringstream text;
    text << in.rdbuf();
    if (auto ok = policy->applyRepoConfig(text.str(), configFile); !ok)
        return std::unexpected(ok.error());
    return policy;
}

} // namespace devos::check
