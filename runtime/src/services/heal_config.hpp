#pragma once
// The self-heal configuration of a repository, read the same way by devos heal, heal sync and the
// daemon.
#include <devos/contracts/error.hpp>
#include <devos/contracts/self_heal_config.hpp>
#include <devos/foundation/tier.hpp>
#include <devos/ports/config_file_reader.hpp>
#include <string>

namespace devos::services {

// .devos/self-heal.yml, relative to the repository root.
inline constexpr const char* kSelfHealConfigFile = ".devos/self-heal.yml";

// A repository's self-heal config and its tier.
struct HealSettings {
    contracts::SelfHealConfig config;
    int tier = foundation::kDefaultTier; // `tier:` of .devos/devos.yml (0, 1 or 2)
};

// Reads .devos/self-heal.yml (the shipped defaults when it is missing) and the tier of
// .devos/devos.yml under `repoRoot`; Invalid with file:line for a malformed file or a tier that is
// not 0, 1 or 2.
[[nodiscard]] contracts::Expected<HealSettings> loadHealSettings(const ports::ConfigFileReader& reader,
                                                                 const std::string& repoRoot);

} // namespace devos::services
