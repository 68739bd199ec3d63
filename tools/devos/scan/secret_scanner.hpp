#pragma once
#include <devos/foundation/error.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace devos::scan {

// One match of a secret rule in a text: where, which rule, and the match as the rule's replacement
// rewrites it (the secret itself is never kept).
struct SecretMatch {
    std::string ruleId;      // "aws-access-key-id"
    std::string description; // "AWS access key ids (long-term AKIA, temporary ASIA)"
    size_t offset = 0;       // of the match in the text
    size_t length = 0;
    std::string redacted; // "[REDACTED AWS KEY]", "postgresql://app:[REDACTED]@"
};

// The rules of a policy/secrets.yml document that are marked `scan: true` (the runtime's redactor
// uses them all; the generic ones, such as e-mail addresses and `token = x`, would flag ordinary
// code), compiled with RE2.
class SecretScanner {
public:
    // Errors name `origin` and the rule's line (a rule without id or pattern, a pattern RE2 rejects).
    [[nodiscard]] static foundation::Expected<SecretScanner> fromYaml(std::string_view yaml,
                                                                      const std::string& origin);
    // The shipped rules (policy/secrets.yml, compiled in: the same text the runtime redacts with).
    [[nodiscard]] static foundation::Expected<SecretScanner> shipped();

    SecretScanner(SecretScanner&&) noexcept;
    SecretScanner& operator=(SecretScanner&&) noexcept;
    ~SecretScanner();

    // Every match in `text`, by offset; where matches overlap, the first (by offset, then rule
    // order: the specific rules come first in the file) wins.
    [[nodiscard]] std::vector<SecretMatch> find(std::string_view text) const;
    [[nodiscard]] std::vector<std::string> ruleIds() const;

private:
    struct Rule;
    SecretScanner();
    std::vector<Rule> rules_;
};

} // namespace devos::scan
