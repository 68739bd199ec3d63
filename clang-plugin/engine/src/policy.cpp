#include <devos/engine/policy.hpp>
#include <devos/engine/yaml_reader.hpp>
#include <devos/foundation/files.hpp>
#include <devos/foundation/tier.hpp>
#include <filesystem>
#include <iterator>

namespace devos::engine {

foundation::Expected<Policy> Policy::fromYaml(const std::string& catalogYaml, const std::string& layersYaml,
                                              const std::string& purityYaml) {
    auto catalog = RuleCatalog::parse(catalogYaml, "rules/catalog.yml");
    if (!catalog)
        return std::unexpected(catalog.error());
    YamlReader layersReader("rules/layers.yml");
    auto layersRoot = layersReader.load(layersYaml);
    if (!layersRoot)
        return std::unexpected(layersRoot.error());
    auto layers = LayerMap::parse(*layersRoot, layersReader);
    if (!layers)
        return std::unexpected(layers.error());
    YamlReader purityReader("rules/purity.yml");
    auto purityRoot = purityReader.load(purityYaml);
    if (!purityRoot)
        return std::unexpected(purityRoot.error());
    auto purity = PurityLists::parse(*purityRoot, purityReader);
    if (!purity)
        return std::unexpected(purity.error());
    return Policy{
        std::move(*catalog), std::move(*layers), std::move(*purity), foundation::kDefaultTier, {}, {}, {}};
}

foundation::Expected<void> Policy::applyRepoConfig(const std::string& yamlText, const std::string& origin) {
    YamlReader reader(origin);
    auto root = reader.load(yamlText);
    if (!root)
        return std::unexpected(root.error());
    std::vector<std::string> known{"version", "tier", "layers", "first_party", "rules", "purity", "allow"};
    known.insert(known.end(), std::begin(kGateSections), std::end(kGateSections));
    if (auto ok = reader.onlyKeys(*root, known, "the repo config"); !ok)
        return ok;
    configFile = origin;
    configText = yamlText;
    includedText.clear();
    if (const YAML::Node tierNode = (*root)["tier"]) {
        // The one rule (foundation::parseTier) for every shape, as the self-heal settings read it.
        auto parsed = foundation::parseTier(tierNode.IsScalar() ? tierNode.Scalar()
                                            : tierNode.IsMap()  ? "{...}"
                                                                : "[...]");
        if (!parsed)
            return reader.error(tierNode, parsed.error().message, parsed.error().hint);
        tier = *parsed;
    }
    if (const YAML::Node allowNode = (*root)["allow"]) {
        if (auto ok = reader.onlyKeys(allowNode, {"max_days"}, "'allow'"); !ok)
            return ok;
        if (allowNode["max_days"]) {
            auto days = reader.integer(allowNode["max_days"], "allow.max_days");
            if (!days)
                return std::unexpected(days.error());
            if (*days < 1 || *days > 36600)
                return reader.error(allowNode["max_days"],
                                    "allow.max_days must be 1 to 36600 days, not " + std::to_string(*days),
                                    "an allow comment must expire; the default is 365 days");
            allowMaxDays = static_cast<int>(*days);
        }
    }
    if ((*root)["layers"])
        if (auto ok = layers.override((*root)["layers"], reader); !ok)
            return ok;
    if (const YAML::Node firstParty = (*root)["first_party"]) {
        auto roots = reader.strings(firstParty, "first_party");
        if (!roots)
            return std::unexpected(roots.error());
        layers.setFirstParty(std::move(*roots));
    }
    if (const YAML::Node rules = (*root)["rules"]) {
        if (!rules.IsMap())
            return reader.error(rules, "'rules' must map a rule id to a level",
                                "e.g. rules: { purity.throw: warning }");
        for (const auto& kv : rules) {
            const std::string id = kv.first.Scalar();
            Level level;
            if (!kv.second.IsScalar() || !parseLevel(kv.second.Scalar(), level))
                return reader.error(kv.second,
                                    "the level of '" + id + "' must be error, warning, note or off");
            if (!catalog.setLevel(id, level))
                return reader.error(kv.first, "unknown rule id '" + id + "'",
                                    "run `devos explain --list` for the rule ids");
        }
    }
    if (const YAML::Node purityNode = (*root)["purity"]) {
        if (auto ok = reader.onlyKeys(purityNode, {"pure_calls", "pure_headers", "include"}, "'purity'"); !ok)
            return ok;
        if (auto ok = purity.extend(purityNode, reader); !ok)
            return ok;
        if (const YAML::Node include = purityNode["include"])
            if (auto ok = includePurityFiles(include, reader); !ok)
                return ok;
    }
    return {};
}

foundation::Expected<void> Policy::includePurityFiles(const YAML::Node& list, const YamlReader& reader) {
    auto files = reader.strings(list, "purity.include");
    if (!files)
        return std::unexpected(files.error());
    for (size_t i = 0; i < files->size(); ++i) {
        const std::string path =
            (std::filesystem::path(reader.origin()).parent_path() / (*files)[i]).lexically_normal().string();
        auto text = foundation::readTextFile(path, "a purity.include file");
        if (!text)
            return reader.error(list[i],
                                "purity.include: cannot read '" + (*files)[i] + "' (" + path +
                                    "): " + text.error().message,
                                "the path is relative to the folder of " + reader.origin());
        YamlReader included(path);
        auto root = included.load(*text);
        if (!root)
            return std::unexpected(root.error());
        if (auto ok = included.onlyKeys(*root, {"pure_calls", "pure_headers"}, "a purity.include file"); !ok)
            return ok;
        if (auto ok = purity.extend(*root, included); !ok)
            return ok;
        includedText += *text;
    }
    return {};
}

Level Policy::levelOf(const std::string& ruleId) const {
    const Rule* rule = catalog.find(ruleId);
    return rule ? rule->level : Level::Off;
}

std::optional<Finding> Policy::finding(const std::string& ruleId, SourcePoint at, std::string message,
                                       std::string subject) const {
    const Rule* rule = catalog.find(ruleId);
    if (!rule || rule->level == Level::Off)
        return std::nullopt;
    Finding f;
    f.ruleId = ruleId;
    f.level = rule->level;
    f.at = at;
    f.end = std::move(at);
    f.message = std::move(message);
    f.subject = std::move(subject);
    f.instead = rule->instead;
    return f;
}

} // namespace devos::engine
