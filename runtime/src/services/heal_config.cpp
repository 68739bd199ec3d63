#include "heal_config.hpp"

#include <devos/foundation/tier.hpp>
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
        for (const auto& e : (*repoConfig)->entries) {
            if (e.key != "tier" && !e.key.starts_with("tier."))
                continue;
            // The tier's one rule (foundation::parseTier): what the engine and the gates read.
            auto tier = foundation::parseTier(e.key != "tier" ? "{...}" : e.isList ? "[...]" : e.scalar);
            if (!tier)
                return contracts::fail(contracts::ErrorKind::Invalid, tier.error().message,
                                       (*repoConfig)->origin, e.line, tier.error().hint);
            settings.tier = *tier;
        }
    return settings;
}

} // namespace devos::services
