#pragma once
#include <string>
#include <string_view>

namespace devos::ports {

// Removes secrets and personal data from text before it is stored or leaves the process (seed §5.4).
class Redactor {
public:
    virtual ~Redactor() = default;
    // `text` with every secret replaced by a [REDACTED ...] marker; thread-safe.
    [[nodiscard]] virtual std::string redact(std::string_view text) const = 0;
};

} // namespace devos::ports
