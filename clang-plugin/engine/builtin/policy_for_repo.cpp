#include <devos/engine/policy.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <optional>

namespace devos::engine {
namespace {

// Why the repo config at `path` cannot be used, or nullopt when it is a file or is absent (a repo
// without a config gets the defaults; one whose config is broken must not get them silently).
std::optional<std::string> unusableConfig(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::file_status link = fs::symlink_status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
        return "cannot look at the repo config: " + ec.message();
    if (link.type() == fs::file_type::not_found)
        return std::nullopt;
    fs::file_status target = fs::status(path, ec);
    if (ec == std::errc::too_many_symbolic_link_levels)
        return std::string("the repo config is a symlink loop");
    if (target.type() == fs::file_type::not_found)
        return "the repo config is a dangling symlink (to " + fs::read_symlink(path, ec).string() + ")";
    if (ec)
        return "cannot look at the repo config: " + ec.message();
    if (target.type() != fs::file_type::regular)
        return std::string("the repo config is not a file (a folder or a device)");
    return std::nullopt;
}

} // namespace

foundation::Expected<Policy> Policy::forRepo(const std::string& repoRoot, const std::string& configFile,
                                             const std::string& givenBy) {
    auto policy = defaults();
    if (!policy)
        return policy;
    std::string config = configFile;
    std::string hint = "check the path given with " + givenBy;
    if (config.empty()) {
        if (repoRoot.empty())
            return policy;
        std::filesystem::path standard = std::filesystem::path(repoRoot) / ".devos" / "devos.yml";
        if (auto why = unusableConfig(standard))
            return foundation::fail(
                foundation::ErrorKind::Invalid, *why, standard.string(), 0,
                "make .devos/devos.yml a readable YAML file, or remove it to use the defaults");
        std::error_code ec;
        if (!std::filesystem::exists(standard, ec))
            return policy;
        config = standard.string();
        hint = "check the file's permissions";
    }
    auto text = foundation::readTextFile(config, "the DevOS config"); // a folder is an error too
    if (!text) {
        text.error().hint = hint;
        return std::unexpected(text.error());
    }
    if (auto ok = policy->applyRepoConfig(*text, config); !ok)
        return std::unexpected(ok.error());
    return policy;
}

} // namespace devos::engine
