#include "heal_config.hpp"

#include <devos/logic/self_heal_config.hpp>

namespace devos::services {

contracts::Expected<HealSettings> loadHealSettings(const ports::ConfigFileReader& reader,
                                                   const std::string& repoRoot) {
    HealSettings settings;
    auto doc = reader.read(repoRoot + "/" + kSelfHealConfigFile, kSelfHealConfigFile);
    if (!doc)
        return std::unexpected(doc.error());
    if (*doc) {
        auto parsed = logic::parseSelfHealConfig(**doc);
        if (!parsed)
            return std::unexpected(parsed.error());
        settings.config = std::move(*parsed);
    } else {
        settings.config.origin = std::string(kSelfHealConfigFile) + " (missing: the shipped defaults)";
    }
    auto repoConfig = reader.read(repoRoot + "/.devos/devos.yml", ".devos/devos.yml");
    if (!repoConfig)
        return std::unexpected(repoConfig.error());
    if (*repoConfig)
        for (const auto& e : (*repoConfig)->entries)
            if (e.key == "tier" && (e.scalar == "0" || e.scalar == "1" || e.scalar == "2"))
                settings.tier = e.scalar[0] - '0';
    return settings;
}

} // namespace devos::services
