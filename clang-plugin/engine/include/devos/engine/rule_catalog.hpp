#pragma once
#include <devos/engine/finding.hpp>
#include <devos/foundation/error.hpp>
#include <map>
#include <string>
#include <vector>

namespace devos::engine {

// One rule of the catalog (rules/catalog.yml): a stable id and the text every output shows.
struct Rule {
    std::string id; // "purity.clock"
    Level level = Level::Error;
    std::string name;    // "LogicReadsClock" (SARIF rule.name)
    std::string summary; // one sentence
    std::string why;
    std::string instead;
    std::string allowed;
    std::vector<std::string> tags;
    bool operator==(const Rule&) const = default;
};

// The rule catalog, keyed by id, in the order the catalog lists them.
class RuleCatalog {
public:
    RuleCatalog() = default;
    // A catalog of these rules, in this order (the compiled-in defaults); ids must be unique.
    explicit RuleCatalog(std::vector<Rule> rules);
    bool operator==(const RuleCatalog&) const = default;

    // Parses catalog YAML text; `origin` names the file in errors.
    [[nodiscard]] static foundation::Expected<RuleCatalog> parse(const std::string& yamlText,
                                                                 const std::string& origin);

    [[nodiscard]] const Rule* find(const std::string& id) const;
    [[nodiscard]] const std::vector<Rule>& rules() const { return rules_; }
    // Changes a rule's level (repo config); false when the id is unknown.
    bool setLevel(const std::string& id, Level level);
    // The Markdown help page for a rule: summary, why, instead, allowed.
    [[nodiscard]] std::string helpMarkdown(const Rule& rule) const;

private:
    std::vector<Rule> rules_;
    std::map<std::string, size_t> index_;
};

} // namespace devos::engine
