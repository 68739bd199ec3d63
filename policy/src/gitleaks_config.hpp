#pragma once
#include <devos/policy/secret_rules.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A gitleaks configuration (TOML) read into plain definitions, strictly: every key is known, every
// value has its type, and each definition keeps the file and line it came from for later errors.
namespace devos::policy {

// A regex as written, with where it was written.
struct PatternText {
    std::string text;
    std::string file;
    unsigned line = 0;
};

enum class AllowCondition { Or, And };
enum class RegexTarget { Secret, Match, Line };

// `[[allowlists]]`, `[allowlist]`, `[[rules.allowlists]]` or `[rules.allowlist]`.
struct AllowlistDefinition {
    std::string file;
    unsigned line = 0;
    std::string description;
    AllowCondition condition = AllowCondition::Or;
    RegexTarget target = RegexTarget::Secret;
    std::vector<PatternText> regexes;
    std::vector<PatternText> paths;
    std::vector<std::string> stopwords;   // lower case
    std::vector<std::string> commits;     // accepted; a tree scan has no commit to match
    std::vector<std::string> targetRules; // global allowlists only: the rules it applies to
};

// `[[rules]]`: what is not written stays unset, so a rule can extend a shipped one of the same id.
struct RuleDefinition {
    std::string id;
    std::string file;
    unsigned line = 0;
    std::optional<std::string> description;
    std::optional<PatternText> regex;
    std::optional<PatternText> path;
    std::optional<long> secretGroup;
    std::string secretGroupFile;
    unsigned secretGroupLine = 0;
    std::optional<double> entropy;
    std::optional<std::vector<std::string>> keywords; // lower case
    std::optional<bool> redactOnly;                   // DevOS's key
    std::vector<AllowlistDefinition> allowlists;
};

struct ConfigDefinition {
    std::string file;
    bool useDefault = false;                // [extend] useDefault
    std::vector<std::string> disabledRules; // [extend] disabledRules
    std::vector<RuleDefinition> rules;
    std::vector<AllowlistDefinition> allowlists;
};

// Reads a gitleaks configuration; `file` names it in errors.
[[nodiscard]] foundation::Expected<ConfigDefinition> parseGitleaksConfig(std::string_view toml,
                                                                         const std::string& file);

// `user` on top of `base` as gitleaks extends a default configuration: `user`'s new rules first,
// a rule with a `base` id overrides the attributes it sets and adds its allowlists, `disabledRules`
// are dropped, global allowlists are appended. A new rule without a regex or path is an error.
[[nodiscard]] foundation::Expected<ConfigDefinition> extendConfig(ConfigDefinition base,
                                                                  ConfigDefinition user);

} // namespace devos::policy
