#pragma once
#include <cstddef>
#include <devos/foundation/error.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace devos::policy {

// The shipped rules (policy/secrets.toml, gitleaks' format), compiled in by policy/CMakeLists.txt.
[[nodiscard]] std::string_view shippedSecretRulesToml();

// What a rule set is compiled for. The scan (`devos scan secrets`) runs the rules that flag
// committed files; the redactor also runs the `redactOnly` ones (bearer tokens, `password=x` in a
// log line, e-mail addresses), so telemetry never stores what the scan would flag.
enum class SecretUse { Scan, Redact };

// A gitleaks configuration a repo brings (.devos/devos.yml `scan.gitleaks_config`): its text and
// the file name errors give.
struct GitleaksConfig {
    std::string text;
    std::string file;
};

// Reads a gitleaks configuration file; the error names `shownAs` (the path as the user wrote it).
[[nodiscard]] foundation::Expected<GitleaksConfig> readGitleaksConfig(const std::string& path,
                                                                      const std::string& shownAs);

// One rule's report data.
struct SecretRuleInfo {
    std::string id;          // "aws-access-key-id"
    std::string description; // "AWS access key id (AKIA long-term, ...)"
    bool redactOnly = false;
};

// A match of a rule: the whole match and the secret inside it (byte offsets into the text).
struct SecretHit {
    size_t rule = 0; // index into SecretRules::rules()
    size_t matchOffset = 0;
    size_t matchLength = 0;
    size_t secretOffset = 0;
    size_t secretLength = 0;
};

// A compiled rule set: each rule's keywords (one pass over the text finds which rules can match),
// RE2 pattern, secret group, entropy floor and allowlists, plus the global allowlists. Immutable
// and thread-safe once compiled.
class SecretRules {
public:
    SecretRules(SecretRules&&) noexcept;
    SecretRules& operator=(SecretRules&&) noexcept;
    ~SecretRules();

    // The secrets in `text`, by offset, one per secret: where two rules' secrets overlap, the rule
    // written first wins (the provider formats before the generic assignments). `path` (repo-relative)
    // is what `path` rules and allowlists match; empty, they never match.
    [[nodiscard]] std::vector<SecretHit> find(std::string_view text, std::string_view path = {}) const;
    // `text` with every secret any rule finds replaced by "[REDACTED]" (the key name before it stays).
    [[nodiscard]] std::string redact(std::string_view text) const;
    // True when a global allowlist's `paths` allows the whole file (it need not be read).
    [[nodiscard]] bool allowsPath(std::string_view path) const;
    // The match with its secret replaced by "[REDACTED]", cut to the secret's line and at most 40
    // characters each side: what a report may show.
    [[nodiscard]] static std::string redactedMatch(std::string_view text, const SecretHit& hit);

    [[nodiscard]] const std::vector<SecretRuleInfo>& rules() const;

private:
    struct Compiled;
    explicit SecretRules(std::unique_ptr<Compiled> compiled);
    std::unique_ptr<Compiled> compiled_;
    friend foundation::Expected<SecretRules> compileSecretRules(SecretUse,
                                                                const std::optional<GitleaksConfig>&);
};

// The one way to build a rule set, for the scan and the redactor alike: the shipped rules and, when
// given, a repo's gitleaks configuration. As in gitleaks, the configuration replaces the shipped
// rules unless it says `[extend] useDefault = true` (then its rules come first, a rule with a
// shipped id extends that rule, and `disabledRules` drops shipped ones); the redactor always keeps
// the shipped rules. Errors name the file and the line: an unknown key, a wrong type, a regex RE2
// cannot compile, a secretGroup the regex does not have.
[[nodiscard]] foundation::Expected<SecretRules>
compileSecretRules(SecretUse use, const std::optional<GitleaksConfig>& repoConfig = {});

// Shannon entropy of `text` in bits per byte (0 for an empty text): the measure `entropy` floors use.
[[nodiscard]] double shannonEntropy(std::string_view text);

} // namespace devos::policy
