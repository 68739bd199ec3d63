#pragma once

#include "ports/id_generator.hpp"

#include <cstdint>
#include <string>

namespace orders::adapters {

// The IdGenerator port as "<prefix>-1", "<prefix>-2", ...; ids are unique per prefix, so give each
// process its own prefix.
class CounterIdGenerator final : public ports::IdGenerator {
public:
    // Counts from 1 under `prefix`, which must hold no whitespace.
    explicit CounterIdGenerator(std::string prefix);

    // The next id under the prefix.
    [[nodiscard]] std::string nextId() override;

private:
    std::string prefix_;
    std::uint64_t next_ = 1;
};

} // namespace orders::adapters
