#pragma once
#include <devos/foundation/error.hpp>
#include <string_view>

// The tier of a repo (seed §8): 0 lightweight, 1 standard, 2 critical. It has one source, the repo
// config's top-level `tier:` (.devos/devos.yml): the engine, the gates, the self-heal loop and
// CMake's devos_enable_gates all read that line, by this rule. Pure: no I/O.
namespace devos::foundation {

// The tier of a repo whose config sets none (or that has no config).
inline constexpr int kDefaultTier = 1;

// The tier `text` names: "0", "1" or "2", whitespace around it allowed. Anything else is an Invalid
// error without a file or line (the caller knows where the text came from) with a hint on the tiers.
[[nodiscard]] Expected<int> parseTier(std::string_view text);

} // namespace devos::foundation
