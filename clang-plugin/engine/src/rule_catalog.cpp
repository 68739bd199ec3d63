#include <devos/engine/rule_catalog.hpp>
#include <devos/engine/yaml_reader.hpp>

namespace devos::engine {

foundation::Expected<RuleCatalog> RuleCatalog::parse(const std::string& yamlText, const std::string& origin) {
    YamlReader reader(origin);
    auto root = reader.load(yamlText);
    if (!root)
        return std::unexpected(root.error());
    if (auto ok = reader.onlyKeys(*root, {"version", "rules"}, "the rule catalog"); !ok)
        return std::unexpected(ok.error());
    YAML::Node rules = (*root)["rules"];
    if (!rules.IsMap())
        return reader.error(*root, "the rule catalog needs a 'rules' mapping of rule id to rule");
    RuleCatalog catalog;
    for (const auto& kv : rules) {
        Rule rule;
        rule.id = kv.first.Scalar();
        const YAML::Node& body = kv.second;
        if (auto ok = reader.onlyKeys(body, {"level", "name", "summary", "why", "instead", "allowed", "tags"},
                                      "rule '" + rule.id + "'");
            !ok)
            return std::unexpected(ok.error());
        for (const char* required : {"level", "name", "summary", "why", "instead", "allowed"})
            if (!body[required])
                return reader.error(kv.first, "rule '" + rule.id + "' has no '" + required + "'",
                                    "every rule needs level, name, summary, why, instead and allowed");
        auto level = reader.string(body["level"], "level");
        if (!level)
            return std::unexpected(level.error());
        if (!parseLevel(*level, rule.level))
            return reader.error(body["level"], "unknown level '" + *level + "' for rule '" + rule.id + "'",
                                "use one of: error, warning, note, off");
        for (auto [field, target] : {std::pair{"name", &rule.name},
                                     {"summary", &rule.summary},
                                     {"why", &rule.why},
                                     {"instead", &rule.instead},
                                     {"allowed", &rule.allowed}}) {
            auto text = reader.string(body[field], field);
            if (!text)
                return std::unexpected(text.error());
            *target = *text;
        }
        if (body["tags"]) {
            auto tags = reader.strings(body["tags"], "tags");
            if (!tags)
                return std::unexpected(tags.error());
            rule.tags = *tags;
        }
        if (catalog.index_.contains(rule.id))
            return reader.error(kv.first, "rule '" + rule.id + "' is listed twice");
        catalog.index_[rule.id] = catalog.rules_.size();
        catalog.rules_.push_back(std::move(rule));
    }
    return catalog;
}

RuleCatalog::RuleCatalog(std::vector<Rule> rules) : rules_(std::move(rules)) {
    for (size_t i = 0; i < rules_.size(); ++i)
        index_.emplace(rules_[i].id, i);
}

const Rule* RuleCatalog::find(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &rules_[it->second];
}

bool RuleCatalog::setLevel(const std::string& id, Level level) {
    auto it = index_.find(id);
    if (it == index_.end())
        return false;
    rules_[it->second].level = level;
    return true;
}

std::string RuleCatalog::helpMarkdown(const Rule& rule) const {
    return "**" + rule.id + "** — " + rule.summary + "\n\n**Why:** " + rule.why + "\n\n**Instead:** " +
           rule.instead + "\n\n**Allowed:** " + rule.allowed +
           "\n\nSuppress one occurrence with `// devos-allow(" + rule.id + "): <reason> until YYYY-MM-DD`.\n";
}

} // namespace devos::engine
