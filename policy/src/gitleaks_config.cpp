// toml++ reads the document; this file walks it with a closed set of keys per table, so a typo or
// a gitleaks feature DevOS does not implement is an error at its line instead of a rule that
// silently checks nothing.
#include "gitleaks_config.hpp"

#include "keyword_index.hpp"

#include <algorithm>
#include <toml++/toml.h>

namespace devos::policy {
namespace {

unsigned lineOf(const toml::node& node) {
    return static_cast<unsigned>(node.source().begin.line);
}
unsigned lineOf(const toml::key& key) {
    return static_cast<unsigned>(key.source().begin.line);
}

std::string joined(const std::vector<std::string_view>& words) {
    std::string out;
    for (auto word : words)
        out += (out.empty() ? "" : ", ") + std::string(word);
    return out;
}

// Typed reads that turn every mismatch into an error at the value's line.
class TomlReader {
public:
    explicit TomlReader(std::string file) : file_(std::move(file)) {}

    [[nodiscard]] std::unexpected<foundation::Error> error(unsigned line, std::string message,
                                                           std::string hint = {}) const {
        return foundation::fail(foundation::ErrorKind::Invalid, std::move(message), file_, line,
                                std::move(hint));
    }

    [[nodiscard]] foundation::Expected<std::string> string(const toml::node& node,
                                                           const std::string& what) const {
        if (const auto* value = node.as_string())
            return value->get();
        return error(lineOf(node), what + " must be a string");
    }

    [[nodiscard]] foundation::Expected<PatternText> pattern(const toml::node& node,
                                                            const std::string& what) const {
        auto text = string(node, what);
        if (!text)
            return std::unexpected(text.error());
        return PatternText{std::move(*text), file_, lineOf(node)};
    }

    [[nodiscard]] foundation::Expected<bool> boolean(const toml::node& node, const std::string& what) const {
        if (const auto* value = node.as_boolean())
            return value->get();
        return error(lineOf(node), what + " must be true or false", "write it without quotes: true or false");
    }

    [[nodiscard]] foundation::Expected<double> number(const toml::node& node, const std::string& what) const {
        if (const auto* value = node.as_floating_point())
            return value->get();
        if (const auto* value = node.as_integer())
            return static_cast<double>(value->get());
        return error(lineOf(node), what + " must be a number", "e.g. entropy = 3.5");
    }

    [[nodiscard]] foundation::Expected<long> integer(const toml::node& node, const std::string& what) const {
        if (const auto* value = node.as_integer())
            return static_cast<long>(value->get());
        return error(lineOf(node), what + " must be an integer", "e.g. secretGroup = 1");
    }

    [[nodiscard]] foundation::Expected<std::vector<PatternText>> patterns(const toml::node& node,
                                                                          const std::string& what) const {
        const auto* array = node.as_array();
        if (!array)
            return error(lineOf(node), what + " must be a list of strings",
                         "e.g. " + what + " = ['''a''', '''b''']");
        std::vector<PatternText> out;
        for (const auto& element : *array) {
            auto one = pattern(element, what + " entries");
            if (!one)
                return std::unexpected(one.error());
            out.push_back(std::move(*one));
        }
        return out;
    }

    [[nodiscard]] foundation::Expected<std::vector<std::string>> strings(const toml::node& node,
                                                                         const std::string& what) const {
        auto list = patterns(node, what);
        if (!list)
            return std::unexpected(list.error());
        std::vector<std::string> out;
        for (auto& entry : *list)
            out.push_back(std::move(entry.text));
        return out;
    }

    // Fails on a key of `table` not in `known`, naming it, its line and the keys allowed.
    [[nodiscard]] foundation::Expected<void> onlyKeys(const toml::table& table,
                                                      const std::vector<std::string_view>& known,
                                                      const std::string& what) const {
        for (const auto& [key, value] : table) {
            if (std::find(known.begin(), known.end(), key.str()) != known.end())
                continue;
            if (key.str() == "required" || key.str() == "skipReport")
                return error(lineOf(key),
                             "gitleaks composite rules ('" + std::string(key.str()) + "' in " + what +
                                 ") are not supported by devos scan",
                             "remove the key, or write the rule as one regex");
            return error(lineOf(key), "unknown key '" + std::string(key.str()) + "' in " + what,
                         "the keys are: " + joined(known));
        }
        return {};
    }

    [[nodiscard]] const std::string& file() const { return file_; }

private:
    std::string file_;
};

std::vector<std::string> lowered(std::vector<std::string> words) {
    for (auto& word : words)
        word = lowerAscii(word);
    return words;
}

foundation::Expected<AllowlistDefinition> parseAllowlist(const toml::table& table, const TomlReader& reader,
                                                         const std::string& what, bool global) {
    std::vector<std::string_view> known{"description", "condition", "regexTarget", "regexes",
                                        "paths",       "stopwords", "commits"};
    if (global)
        known.push_back("targetRules");
    if (auto ok = reader.onlyKeys(table, known, what); !ok)
        return std::unexpected(ok.error());
    AllowlistDefinition list;
    list.file = reader.file();
    list.line = lineOf(table);
    for (const auto& [key, node] : table) {
        const std::string name(key.str());
        const std::string field = what + " '" + name + "'";
        if (name == "description") {
            auto text = reader.string(node, field);
            if (!text)
                return std::unexpected(text.error());
            list.description = std::move(*text);
        } else if (name == "condition") {
            auto text = reader.string(node, field);
            if (!text)
                return std::unexpected(text.error());
            const std::string condition = lowerAscii(*text);
            if (condition != "or" && condition != "and")
                return reader.error(lineOf(node),
                                    field + " must be \"OR\" or \"AND\", not \"" + *text + "\"");
            list.condition = condition == "and" ? AllowCondition::And : AllowCondition::Or;
        } else if (name == "regexTarget") {
            auto text = reader.string(node, field);
            if (!text)
                return std::unexpected(text.error());
            if (*text == "secret")
                list.target = RegexTarget::Secret;
            else if (*text == "match")
                list.target = RegexTarget::Match;
            else if (*text == "line")
                list.target = RegexTarget::Line;
            else
                return reader.error(lineOf(node), field +
                                                      " must be \"secret\", \"match\" or \"line\", not \"" +
                                                      *text + "\"");
        } else {
            auto values = reader.patterns(node, field);
            if (!values)
                return std::unexpected(values.error());
            if (name == "regexes")
                list.regexes = std::move(*values);
            else if (name == "paths")
                list.paths = std::move(*values);
            else {
                std::vector<std::string> words;
                for (auto& value : *values)
                    words.push_back(std::move(value.text));
                if (name == "stopwords")
                    list.stopwords = lowered(std::move(words));
                else if (name == "commits")
                    list.commits = std::move(words);
                else
                    list.targetRules = std::move(words);
            }
        }
    }
    return list;
}

// `[name]` (one table) and `[[names]]` (an array of tables) of `table`, in that order.
foundation::Expected<std::vector<AllowlistDefinition>>
parseAllowlists(const toml::table& table, const TomlReader& reader, const std::string& owner, bool global) {
    std::vector<AllowlistDefinition> out;
    if (const toml::node* single = table.get("allowlist")) {
        const auto* one = single->as_table();
        if (!one)
            return reader.error(lineOf(*single), "'allowlist' of " + owner + " must be a table",
                                "write [allowlist] or [[allowlists]]");
        auto list = parseAllowlist(*one, reader, "the allowlist of " + owner, global);
        if (!list)
            return std::unexpected(list.error());
        out.push_back(std::move(*list));
    }
    if (const toml::node* many = table.get("allowlists")) {
        const auto* array = many->as_array();
        if (!array || !array->is_array_of_tables())
            return reader.error(lineOf(*many), "'allowlists' of " + owner + " must be an array of tables",
                                "write each one as [[allowlists]] (or [[rules.allowlists]] under a rule)");
        for (const auto& element : *array) {
            auto list = parseAllowlist(*element.as_table(), reader, "an allowlist of " + owner, global);
            if (!list)
                return std::unexpected(list.error());
            out.push_back(std::move(*list));
        }
    }
    return out;
}

foundation::Expected<RuleDefinition> parseRule(const toml::table& table, const TomlReader& reader) {
    const unsigned line = lineOf(table);
    const toml::node* idNode = table.get("id");
    if (!idNode)
        return reader.error(line, "a rule needs an 'id'", "e.g. id = \"my-service-token\"");
    auto id = reader.string(*idNode, "a rule's 'id'");
    if (!id)
        return std::unexpected(id.error());
    if (id->empty())
        return reader.error(lineOf(*idNode), "a rule's 'id' must not be empty");
    const std::string owner = "rule '" + *id + "'";
    if (auto ok = reader.onlyKeys(table,
                                  {"id", "description", "regex", "secretGroup", "entropy", "path", "keywords",
                                   "tags", "allowlist", "allowlists", "redactOnly"},
                                  owner);
        !ok)
        return std::unexpected(ok.error());
    RuleDefinition rule;
    rule.id = std::move(*id);
    rule.file = reader.file();
    rule.line = line;
    for (const auto& [key, node] : table) {
        const std::string name(key.str());
        const std::string field = "'" + name + "' of " + owner;
        if (name == "description") {
            auto text = reader.string(node, field);
            if (!text)
                return std::unexpected(text.error());
            rule.description = std::move(*text);
        } else if (name == "regex" || name == "path") {
            auto pattern = reader.pattern(node, field);
            if (!pattern)
                return std::unexpected(pattern.error());
            (name == "regex" ? rule.regex : rule.path) = std::move(*pattern);
        } else if (name == "secretGroup") {
            auto group = reader.integer(node, field);
            if (!group)
                return std::unexpected(group.error());
            if (*group < 0)
                return reader.error(lineOf(node),
                                    field + " must be 0 or a group number, not " + std::to_string(*group));
            rule.secretGroup = *group;
            rule.secretGroupFile = reader.file();
            rule.secretGroupLine = lineOf(node);
        } else if (name == "entropy") {
            auto entropy = reader.number(node, field);
            if (!entropy)
                return std::unexpected(entropy.error());
            if (*entropy < 0 || *entropy > 8)
                return reader.error(lineOf(node), field + " must be between 0 and 8 bits per character",
                                    "random base64 has about 6, English words about 3");
            rule.entropy = *entropy;
        } else if (name == "keywords" || name == "tags") {
            auto words = reader.strings(node, field);
            if (!words)
                return std::unexpected(words.error());
            if (name == "keywords") {
                if (std::any_of(words->begin(), words->end(), [](const std::string& w) { return w.empty(); }))
                    return reader.error(lineOf(node), field + " must not hold an empty keyword");
                rule.keywords = lowered(std::move(*words));
            }
        } else if (name == "redactOnly") {
            auto flag = reader.boolean(node, field);
            if (!flag)
                return std::unexpected(flag.error());
            rule.redactOnly = *flag;
        }
    }
    auto allowlists = parseAllowlists(table, reader, owner, false);
    if (!allowlists)
        return std::unexpected(allowlists.error());
    rule.allowlists = std::move(*allowlists);
    return rule;
}

foundation::Expected<void> parseExtend(const toml::node& node, const TomlReader& reader,
                                       ConfigDefinition& config) {
    const auto* table = node.as_table();
    if (!table)
        return reader.error(lineOf(node), "'extend' must be a table",
                            "write [extend] with useDefault = true");
    if (auto ok = reader.onlyKeys(*table, {"useDefault", "path", "disabledRules"}, "[extend]"); !ok)
        return ok;
    if (const toml::node* path = table->get("path"))
        return reader.error(lineOf(*path), "[extend] path is not supported by devos scan",
                            "copy the rules of that file into this one, or use useDefault = true to extend "
                            "DevOS's built-in rules");
    if (const toml::node* use = table->get("useDefault")) {
        auto flag = reader.boolean(*use, "[extend] 'useDefault'");
        if (!flag)
            return std::unexpected(flag.error());
        config.useDefault = *flag;
    }
    if (const toml::node* disabled = table->get("disabledRules")) {
        auto ids = reader.strings(*disabled, "[extend] 'disabledRules'");
        if (!ids)
            return std::unexpected(ids.error());
        config.disabledRules = std::move(*ids);
    }
    return {};
}

} // namespace

foundation::Expected<ConfigDefinition> parseGitleaksConfig(std::string_view toml, const std::string& file) {
    const TomlReader reader(file);
    toml::table root;
    try {
        root = toml::parse(toml, file);
    } catch (const toml::parse_error& e) {
        return reader.error(
            static_cast<unsigned>(e.source().begin.line), "invalid TOML: " + std::string(e.description()),
            "see https://toml.io for the syntax; regexes are easiest as '''literal strings'''");
    }
    if (auto ok = reader.onlyKeys(
            root, {"title", "description", "minVersion", "extend", "rules", "allowlist", "allowlists"},
            "the configuration");
        !ok)
        return std::unexpected(ok.error());
    ConfigDefinition config;
    config.file = file;
    if (const toml::node* extend = root.get("extend"))
        if (auto ok = parseExtend(*extend, reader, config); !ok)
            return std::unexpected(ok.error());
    if (const toml::node* rules = root.get("rules")) {
        const auto* array = rules->as_array();
        if (!array || !array->is_array_of_tables())
            return reader.error(lineOf(*rules), "'rules' must be an array of tables",
                                "write each rule as [[rules]]");
        for (const auto& element : *array) {
            auto rule = parseRule(*element.as_table(), reader);
            if (!rule)
                return std::unexpected(rule.error());
            for (const auto& earlier : config.rules)
                if (earlier.id == rule->id)
                    return reader.error(rule->line,
                                        "rule '" + rule->id + "' is defined twice (first at line " +
                                            std::to_string(earlier.line) + ")",
                                        "give each rule its own id");
            config.rules.push_back(std::move(*rule));
        }
    }
    auto allowlists = parseAllowlists(root, reader, "the configuration", true);
    if (!allowlists)
        return std::unexpected(allowlists.error());
    config.allowlists = std::move(*allowlists);
    return config;
}

foundation::Expected<ConfigDefinition> extendConfig(ConfigDefinition base, ConfigDefinition user) {
    std::vector<RuleDefinition> added;
    for (auto& rule : user.rules) {
        auto same = std::find_if(base.rules.begin(), base.rules.end(),
                                 [&](const RuleDefinition& r) { return r.id == rule.id; });
        if (same == base.rules.end()) {
            if (!rule.regex && !rule.path)
                return foundation::fail(
                    foundation::ErrorKind::Invalid,
                    "rule '" + rule.id + "' has no regex or path and extends no built-in rule", rule.file,
                    rule.line, "add a regex, or name a built-in rule (see policy/secrets.md) to extend it");
            added.push_back(std::move(rule));
            continue;
        }
        if (rule.description)
            same->description = std::move(rule.description);
        if (rule.regex)
            same->regex = std::move(rule.regex);
        if (rule.path)
            same->path = std::move(rule.path);
        if (rule.secretGroup) {
            same->secretGroup = rule.secretGroup;
            same->secretGroupFile = std::move(rule.secretGroupFile);
            same->secretGroupLine = rule.secretGroupLine;
        }
        if (rule.entropy)
            same->entropy = rule.entropy;
        if (rule.keywords)
            same->keywords = std::move(rule.keywords);
        if (rule.redactOnly)
            same->redactOnly = rule.redactOnly;
        for (auto& list : rule.allowlists)
            same->allowlists.push_back(std::move(list));
    }
    std::erase_if(base.rules, [&](const RuleDefinition& r) {
        return std::find(user.disabledRules.begin(), user.disabledRules.end(), r.id) !=
               user.disabledRules.end();
    });
    added.insert(added.end(), std::make_move_iterator(base.rules.begin()),
                 std::make_move_iterator(base.rules.end()));
    base.rules = std::move(added);
    for (auto& list : user.allowlists)
        base.allowlists.push_back(std::move(list));
    base.file = user.file;
    base.useDefault = true;
    return base;
}

} // namespace devos::policy
