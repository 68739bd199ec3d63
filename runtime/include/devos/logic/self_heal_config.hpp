#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/self_heal_config.hpp>
#include <optional>
#include <string_view>

namespace devos::logic {

// Validates a flattened `.devos/self-heal.yml` against the known keys, types and ranges and fills a
// SelfHealConfig over the shipped defaults. The first problem is an Invalid error naming the file,
// the line and what is allowed.
[[nodiscard]] contracts::Expected<contracts::SelfHealConfig>
parseSelfHealConfig(const contracts::ConfigDocument& doc);

// A time window such as "1 day", "12 hours", "90 minutes", "2 weeks", "30s", "24h" in milliseconds;
// nullopt when it is not a positive count and a known unit.
[[nodiscard]] std::optional<contracts::EpochMillis> parseTimeWindow(std::string_view text);

// True when `patternId` is paused: equal to an entry, or starting with an entry of 12+ characters.
[[nodiscard]] bool isPatternPaused(const contracts::SelfHealConfig& config, std::string_view patternId);

} // namespace devos::logic
