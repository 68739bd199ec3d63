#pragma once
#include <devos/engine/error.hpp>
#include <devos/engine/layer_map.hpp>
#include <devos/engine/purity_lists.hpp>
#include <devos/engine/rule_catalog.hpp>
#include <map>
#include <string>

namespace devos::engine {

// Everything a check needs to decide: the rule catalog, the layer graph and the purity lists,
// starting from the shipped defaults and overridden by a repo's .devos/devos.yml.
struct Policy {
    RuleCatalog catalog;
    LayerMap layers;
    PurityLists purity;
    int tier = 1;
    std::string configFile;                  // the repo config that was applied, if any
    std::map<std::string, double> thresholds; // gate thresholds (coverage ...) from the repo config

    // The shipped defaults (rules/*.yml compiled into the binary).
    [[nodiscard]] static Expected<Policy> defaults();
    // Defaults, then `<repoRoot>/.devos/devos.yml` when it exists.
    [[nodiscard]] static Expected<Policy> forRepo(const std::string& repoRoot);
    // Applies repo config YAML text; `origin` names the file in errors.
    [[nodiscard]] Expected<void> applyRepoConfig(const std::string& yamlText, const std::string& origin);
    // The configured level of a rule (Off when the rule is unknown).
    [[nodiscard]] Level levelOf(const std::string& ruleId) const;
};

// The embedded copies of rules/catalog.yml, rules/layers.yml and rules/purity.yml.
struct EmbeddedRules {
    static const char* catalog();
    static const char* layers();
    static const char* purity();
};

} // namespace devos::engine
