#pragma once
#include <array>
#include <cstdint>
#include <devos/contracts/ulid.hpp>
#include <string>
#include <string_view>

namespace devos::logic {

// The 80 random bits of a ULID, supplied by the caller (an entropy port in services).
using UlidRandom = std::array<std::uint8_t, 10>;

// Encodes a ULID from its parts: 10 Crockford base32 characters of `millis` (low 48 bits),
// then 16 of `random`. Deterministic: the same inputs give the same id.
[[nodiscard]] contracts::Ulid encodeUlid(std::uint64_t millis, const UlidRandom& random);

// True when `text` is 26 upper-case Crockford base32 characters whose first is at most '7'.
[[nodiscard]] bool isUlid(std::string_view text);

// The millisecond time of a valid ULID (isUlid must hold).
[[nodiscard]] std::uint64_t ulidMillis(std::string_view ulid);

// The 128 bits of a valid ULID (isUlid must hold) as 32 lower-case hex digits: an OpenTelemetry
// trace id that names the row it came from.
[[nodiscard]] std::string ulidHex(std::string_view ulid);

} // namespace devos::logic
