// The rules and their matcher are devos_secret_rules (policy/), compiled once with the scan's own
// compileSecretRules; this adapter only puts them behind the Redactor port.
#include <devos/adapters/re2_redactor.hpp>
#include <devos/policy/secret_rules.hpp>

namespace devos::adapters {
namespace {

class Re2Redactor final : public ports::Redactor {
public:
    explicit Re2Redactor(policy::SecretRules rules) : rules_(std::move(rules)) {}

    std::string redact(std::string_view text) const override { return rules_.redact(text); }

private:
    policy::SecretRules rules_;
};

} // namespace

contracts::Expected<std::unique_ptr<ports::Redactor>> makeRe2Redactor(const std::string& gitleaksConfig) {
    std::optional<policy::GitleaksConfig> config;
    if (!gitleaksConfig.empty()) {
        auto read = policy::readGitleaksConfig(gitleaksConfig, gitleaksConfig);
        if (!read) {
            read.error().hint = "set the gitleaks configuration to a file that exists, or leave it unset";
            return std::unexpected(read.error());
        }
        config = std::move(*read);
    }
    auto rules = policy::compileSecretRules(policy::SecretUse::Redact, config);
    if (!rules)
        return std::unexpected(rules.error());
    return std::unique_ptr<ports::Redactor>(std::make_unique<Re2Redactor>(std::move(*rules)));
}

contracts::Expected<std::unique_ptr<ports::Redactor>> makeDefaultRedactor() {
    return makeRe2Redactor("");
}

} // namespace devos::adapters
