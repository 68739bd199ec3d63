#include "gitleaks_config.hpp"

#include <gtest/gtest.h>

namespace devos::policy {
namespace {

TEST(GitleaksConfig, TheShippedRulesParse) {
    auto config = parseGitleaksConfig(shippedSecretRulesToml(), "secrets.toml");
    ASSERT_TRUE(config) << config.error().file << ":" << config.error().line << ": "
                        << config.error().message;
    EXPECT_GE(config->rules.size(), 40u);
    EXPECT_FALSE(config->allowlists.empty());
    for (const auto& rule : config->rules) {
        EXPECT_TRUE(rule.regex) << rule.id;
        EXPECT_TRUE(rule.description) << rule.id;
        EXPECT_TRUE(rule.keywords && !rule.keywords->empty()) << rule.id << " has no keyword prefilter";
    }
}

TEST(GitleaksConfig, ReadsEveryKeyOfTheFormat) {
    auto config = parseGitleaksConfig(R"(title = "mine"
[extend]
useDefault = true
disabledRules = ["jwt"]

[[rules]]
id = "orders-key"
description = "Orders service key"
regex = '''orders_(?:live)_([a-z0-9]{24})'''
secretGroup = 1
entropy = 3
keywords = ["Orders_"]
path = '''\.env$'''
tags = ["internal"]

  [[rules.allowlists]]
  condition = "AND"
  regexTarget = "line"
  regexes = ['''fixture''']
  paths = ['''^tests/''']
  stopwords = ["Sample"]
  commits = ["abc123"]

[allowlist]
description = "global"
paths = ['''vendor/''']

[[allowlists]]
targetRules = ["orders-key"]
regexes = ['''^orders_live_0+$''']
)",
                                      "gitleaks.toml");
    ASSERT_TRUE(config) << config.error().line << ": " << config.error().message;
    EXPECT_TRUE(config->useDefault);
    EXPECT_EQ(config->disabledRules, std::vector<std::string>{"jwt"});
    ASSERT_EQ(config->rules.size(), 1u);
    const RuleDefinition& rule = config->rules[0];
    EXPECT_EQ(rule.id, "orders-key");
    EXPECT_EQ(rule.line, 6u);
    EXPECT_EQ(rule.regex->line, 9u);
    EXPECT_EQ(rule.secretGroup, 1);
    EXPECT_EQ(rule.entropy, 3.0);
    EXPECT_EQ(rule.keywords, std::vector<std::string>{"orders_"}); // compared in lower case
    EXPECT_EQ(rule.path->text, "\\.env$");
    ASSERT_EQ(rule.allowlists.size(), 1u);
    const AllowlistDefinition& list = rule.allowlists[0];
    EXPECT_EQ(list.condition, AllowCondition::And);
    EXPECT_EQ(list.target, RegexTarget::Line);
    EXPECT_EQ(list.stopwords, std::vector<std::string>{"sample"});
    EXPECT_EQ(list.commits.size(), 1u);
    ASSERT_EQ(config->allowlists.size(), 2u);
    EXPECT_EQ(config->allowlists[0].paths.size(), 1u);
    EXPECT_EQ(config->allowlists[1].targetRules, std::vector<std::string>{"orders-key"});
}

TEST(GitleaksConfig, MistakesNameTheFileTheLineAndWhatToDo) {
    struct Case {
        const char* toml;
        unsigned line;
        const char* message;
    };
    for (const Case& c : {
             Case{"[[rules]]\nid = \"a\"\nregx = '''x'''\n", 3, "unknown key 'regx' in rule 'a'"},
             Case{"[[rules]]\nid = \"a\"\nregex = '''x'''\nredactOnly = \"yes\"\n", 4,
                  "'redactOnly' of rule 'a' must be true or false"},
             Case{"[[rules]]\nid = \"a\"\nregex = '''x'''\nentropy = \"high\"\n", 4, "must be a number"},
             Case{"[[rules]]\nid = \"a\"\nregex = '''x'''\nentropy = 12.0\n", 4, "between 0 and 8"},
             Case{"[[rules]]\nid = \"a\"\nregex = '''x'''\nsecretGroup = -1\n", 4, "0 or a group number"},
             Case{"[[rules]]\nid = \"a\"\nregex = '''x'''\nkeywords = \"x\"\n", 4,
                  "must be a list of strings"},
             Case{"[[rules]]\nid = \"a\"\nregex = '''x'''\nkeywords = [\"\"]\n", 4, "empty keyword"},
             Case{"[[rules]]\ndescription = \"no id\"\n", 1, "a rule needs an 'id'"},
             Case{"[[rules]]\nid = \"a\"\nregex = '''x'''\n[[rules]]\nid = \"a\"\nregex = '''y'''\n", 4,
                  "rule 'a' is defined twice (first at line 1)"},
             Case{"[[rules]]\nid = \"a\"\nregex = '''x'''\n[[rules.allowlists]]\ncondition = \"XOR\"\n", 5,
                  "must be \"OR\" or \"AND\""},
             Case{"[[rules]]\nid = \"a\"\nregex = '''x'''\n[[rules.allowlists]]\nregexTarget = \"file\"\n", 5,
                  "must be \"secret\", \"match\" or \"line\""},
             Case{"[[rules]]\nid = \"a\"\nregex = '''x'''\n[[rules.allowlists]]\ntargetRules = [\"a\"]\n", 5,
                  "unknown key 'targetRules' in an allowlist of rule 'a'"},
             Case{"[[rules]]\nid = \"a\"\nregex = '''x'''\n[[rules.required]]\nid = \"b\"\n", 4,
                  "composite rules ('required' in rule 'a') are not supported"},
             Case{"[extend]\npath = \"base.toml\"\n", 2, "[extend] path is not supported"},
             Case{"[extend]\nuseDefault = \"true\"\n", 2, "must be true or false"},
             Case{"[extned]\nuseDefault = true\n", 1, "unknown key 'extned' in the configuration"},
             Case{"rules = 3\n", 1, "'rules' must be an array of tables"},
             Case{"[[rules]]\nid = \"a\"\nregex = '''unterminated\n", 3, "invalid TOML"},
         }) {
        auto config = parseGitleaksConfig(c.toml, "repo/.gitleaks.toml");
        ASSERT_FALSE(config) << c.toml;
        EXPECT_EQ(config.error().file, "repo/.gitleaks.toml");
        EXPECT_EQ(config.error().line, c.line) << c.toml << config.error().message;
        EXPECT_NE(config.error().message.find(c.message), std::string::npos) << config.error().message;
    }
    auto unknown = parseGitleaksConfig("[[rules]]\nid = \"a\"\nregx = '''x'''\n", "g.toml");
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().hint.find("regex"), std::string::npos) << "the hint lists the keys";
}

TEST(GitleaksConfig, ExtendingAddsNewRulesFirstAndMergesRulesOfTheSameId) {
    auto base = parseGitleaksConfig("[[rules]]\nid = \"a\"\nregex = '''aaa'''\nentropy = 2.0\n"
                                    "[[rules]]\nid = \"b\"\nregex = '''bbb'''\n"
                                    "[[rules]]\nid = \"c\"\nregex = '''ccc'''\n",
                                    "base.toml");
    auto user = parseGitleaksConfig(
        "[extend]\nuseDefault = true\ndisabledRules = [\"c\"]\n"
        "[[rules]]\nid = \"a\"\nentropy = 3.5\n[[rules.allowlists]]\nstopwords = [\"x\"]\n"
        "[[rules]]\nid = \"mine\"\nregex = '''mmm'''\n",
        "user.toml");
    ASSERT_TRUE(base && user);
    auto merged = extendConfig(*base, *user);
    ASSERT_TRUE(merged) << merged.error().message;
    ASSERT_EQ(merged->rules.size(), 3u);
    EXPECT_EQ(merged->rules[0].id, "mine");
    EXPECT_EQ(merged->rules[1].id, "a");
    EXPECT_EQ(merged->rules[1].regex->text, "aaa"); // kept from the base
    EXPECT_EQ(merged->rules[1].entropy, 3.5);       // set by the user
    EXPECT_EQ(merged->rules[1].allowlists.size(), 1u);
    EXPECT_EQ(merged->rules[2].id, "b");

    auto orphan = parseGitleaksConfig("[[rules]]\nid = \"nobody\"\nentropy = 3.0\n", "user.toml");
    ASSERT_TRUE(orphan);
    auto failed = extendConfig(*base, *orphan);
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().file, "user.toml");
    EXPECT_EQ(failed.error().line, 1u);
    EXPECT_NE(failed.error().message.find("no regex or path and extends no built-in rule"),
              std::string::npos);
}

} // namespace
} // namespace devos::policy
