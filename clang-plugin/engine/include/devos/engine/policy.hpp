#pragma once
#include <devos/engine/allow_comment.hpp>
#include <devos/engine/layer_map.hpp>
#include <devos/engine/purity_lists.hpp>
#include <devos/engine/rule_catalog.hpp>
#include <devos/engine/yaml_reader.hpp>
#include <devos/foundation/error.hpp>
#include <devos/foundation/tier.hpp>
#include <map>
#include <optional>
#include <string>

namespace devos::engine {

// Everything a check needs to decide: the rule catalog, the layer graph and the purity lists,
// starting from the shipped defaults and overridden by a repo's .devos/devos.yml.
struct Policy {
    RuleCatalog catalog;
    LayerMap layers;
    PurityLists purity;
    int tier = foundation::kDefaultTier;
    std::string configFile;   // the repo config that was applied, if any
    std::string configText;   // its text: each gate parses its own section of it (gateSettings)
    std::string includedText; // the text of the files its purity.include named (the check cache's key)
    int allowMaxDays = kDefaultAllowMaxDays; // how far ahead an allow comment may expire (allow.max_days)

    // The shipped defaults: rules/*.yml, parsed at build time and compiled in as data (no YAML is
    // parsed when a compile starts). Defined in the generated builtin_policy.cpp (library devos_engine).
    [[nodiscard]] static foundation::Expected<Policy> defaults();
    // Defaults, then `configFile` when given (`givenBy` names the option that gave it, for the hint),
    // else `<repoRoot>/.devos/devos.yml` when it exists.
    [[nodiscard]] static foundation::Expected<Policy> forRepo(const std::string& repoRoot,
                                                              const std::string& configFile = {},
                                                              const std::string& givenBy = "--config");
    // Parses the three rule documents (catalog, layer graph, purity lists); errors name rules/<file>.
    [[nodiscard]] static foundation::Expected<Policy>
    fromYaml(const std::string& catalogYaml, const std::string& layersYaml, const std::string& purityYaml);
    // Applies repo config YAML text; `origin` names the file in errors.
    [[nodiscard]] foundation::Expected<void> applyRepoConfig(const std::string& yamlText,
                                                             const std::string& origin);
    // The configured level of a rule (Off when the rule is unknown).
    [[nodiscard]] Level levelOf(const std::string& ruleId) const;
    // The one way a finding is built from a rule: `ruleId` at `at` (its range ends at `at`) with the
    // configured level and the catalog's `instead`; nullopt when the rule is off or unknown.
    [[nodiscard]] std::optional<Finding> finding(const std::string& ruleId, SourcePoint at,
                                                 std::string message, std::string subject) const;
    bool operator==(const Policy&) const = default;

private:
    // Extends the purity lists with the files `list` (purity.include) names, relative to the
    // config's folder: a library's shipped list of its pure headers and calls.
    [[nodiscard]] foundation::Expected<void> includePurityFiles(const YAML::Node& list,
                                                                const YamlReader& reader);
};

// The repo config's sections that their gates parse (coverage, dependencies, sbom, scan): the
// engine, which runs inside every compile, accepts them without reading them.
inline constexpr const char* kGateSections[] = {"thresholds", "dependencies", "licenses", "scan"};

// C++ source that defines Policy::defaults() as this policy's data (the build-time generator's output).
[[nodiscard]] std::string policyAsCpp(const Policy& policy);

// The embedded text of rules/catalog.yml, rules/layers.yml and rules/purity.yml.
struct EmbeddedRules {
    static const char* catalog();
    static const char* layers();
    static const char* purity();
};

} // namespace devos::engine
