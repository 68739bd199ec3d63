#pragma once
#include <string>

namespace devos::contracts {

// A ULID in its canonical text form: 26 Crockford base32 characters, 48-bit millisecond time then
// 80 random bits, so ids sort by creation time. Every stored row is keyed by one; inserts are
// idempotent on it, so a replayed row is never doubled.
using Ulid = std::string;

// Milliseconds since the Unix epoch (UTC); the one time representation in contracts.
using EpochMillis = long long;

} // namespace devos::contracts
