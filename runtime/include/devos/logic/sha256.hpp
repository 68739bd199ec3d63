#pragma once
#include <string>
#include <string_view>

namespace devos::logic {

// The SHA-256 digest of `data` (FIPS 180-4) as 64 lower-case hex characters. Plain code, so that
// pattern ids stay in pure logic; checked against the NIST test vectors.
[[nodiscard]] std::string sha256Hex(std::string_view data);

} // namespace devos::logic
