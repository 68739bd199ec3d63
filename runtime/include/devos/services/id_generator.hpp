#pragma once
#include <devos/contracts/ulid.hpp>
#include <devos/ports/clock.hpp>
#include <devos/ports/entropy.hpp>

namespace devos::services {

// Mints ULIDs from an injected clock and entropy source; thread-safe when the entropy is.
class IdGenerator {
public:
    IdGenerator(const ports::Clock& clock, ports::Entropy& entropy) : clock_(clock), entropy_(entropy) {}

    // A new ULID stamped with the clock's current time.
    [[nodiscard]] contracts::Ulid next();
    // The clock's current time.
    [[nodiscard]] contracts::EpochMillis now() const { return clock_.nowMillis(); }

private:
    const ports::Clock& clock_;
    ports::Entropy& entropy_;
};

} // namespace devos::services
