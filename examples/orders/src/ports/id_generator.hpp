#pragma once

#include <string>

namespace orders::ports {

// A source of order identifiers.
struct IdGenerator {
    virtual ~IdGenerator() = default;
    // A new identifier, different from every one returned before; it holds no whitespace.
    [[nodiscard]] virtual std::string nextId() = 0;
};

} // namespace orders::ports
