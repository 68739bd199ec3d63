#include <devos/engine/policy.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace devos::engine;

TEST(Policy, DefaultsLoadAndMapLayers) {
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy) << policy.error().render();
    const LayerSpec* logic = policy->layers.layerOf("src/logic/pricing.cpp");
    ASSERT_NE(logic, nullptr);
    EXPECT_EQ(logic->name, "logic");
    EXPECT_TRUE(logic->pure);
    const LayerSpec* adapters = policy->layers.layerOf("src/adapters/db.cpp");
    ASSERT_NE(adapters, nullptr);
    EXPECT_FALSE(policy->layers.mayInclude(*logic, *adapters));
    EXPECT_FALSE(policy->layers.mayInclude(*adapters, *adapters));
    EXPECT_TRUE(policy->layers.isUnassigned("src/util/x.cpp"));
    EXPECT_FALSE(policy->layers.isUnassigned("tests/x.cpp"));
    EXPECT_EQ(policy->purity.deniedCall("std::chrono::system_clock::now"), "purity.clock");
    EXPECT_EQ(policy->purity.deniedCall("printf"), "purity.io");
    EXPECT_EQ(policy->purity.deniedCall("std::filesystem::current_path"), "purity.env");
    EXPECT_TRUE(policy->purity.isPureCall("std::sort"));
    EXPECT_FALSE(policy->purity.isPureCall("sqlite3_open"));
    EXPECT_EQ(policy->purity.deniedType("std::basic_ofstream"), "purity.io");
    EXPECT_EQ(policy->purity.deniedHeader("iostream"), "purity.io");
    EXPECT_TRUE(policy->purity.isPureHeader("vector"));
    for (const auto& rule : policy->catalog.rules())
        EXPECT_FALSE(rule.instead.empty()) << rule.id;
}

TEST(Policy, RepoConfigOverridesLevelsAndPaths) {
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy);
    auto ok = policy->applyRepoConfig(
        "tier: 2\nrules:\n  purity.throw: warning\nlayers:\n  logic:\n    paths: [\"src/domain/**\"]\n",
        ".devos/devos.yml");
    ASSERT_TRUE(ok) << ok.error().render();
    EXPECT_EQ(policy->tier, 2);
    EXPECT_EQ(policy->levelOf("purity.throw"), Level::Warning);
    EXPECT_EQ(policy->layers.layerOf("src/domain/a.cpp")->name, "logic");
}

TEST(Policy, RepoConfigReplacesTheFirstPartyRoots) {
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy);
    EXPECT_FALSE(policy->layers.isFirstParty("commands/gate_command.cpp"));
    auto ok = policy->applyRepoConfig("first_party: [\"commands/**\", \"main.cpp\"]\n", ".devos/devos.yml");
    ASSERT_TRUE(ok) << ok.error().render();
    EXPECT_TRUE(policy->layers.isFirstParty("commands/gate_command.cpp"));
    EXPECT_TRUE(policy->layers.isFirstParty("main.cpp"));
    EXPECT_FALSE(policy->layers.isFirstParty("src/a.cpp"));
    auto bad = policy->applyRepoConfig("first_party: commands\n", ".devos/devos.yml");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().render().find(".devos/devos.yml:1"), std::string::npos) << bad.error().render();
}

TEST(Policy, BadRepoConfigNamesFileAndLine) {
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy);
    auto unknownRule = policy->applyRepoConfig("tier: 1\nrules:\n  purity.clok: error\n", "cfg.yml");
    ASSERT_FALSE(unknownRule);
    EXPECT_EQ(unknownRule.error().file, "cfg.yml");
    EXPECT_EQ(unknownRule.error().line, 3u);
    EXPECT_NE(unknownRule.error().message.find("purity.clok"), std::string::npos);

    auto badTier = policy->applyRepoConfig("tier: 7\n", "cfg.yml");
    ASSERT_FALSE(badTier);
    EXPECT_EQ(badTier.error().line, 1u);

    auto badYaml = policy->applyRepoConfig("rules: [\n  a: b\n", "cfg.yml");
    ASSERT_FALSE(badYaml);
    EXPECT_GT(badYaml.error().line, 0u);

    auto unknownKey = policy->applyRepoConfig("tier: 1\nlayrs: {}\n", "cfg.yml");
    ASSERT_FALSE(unknownKey);
    EXPECT_EQ(unknownKey.error().line, 2u);
    EXPECT_NE(unknownKey.error().hint.find("layers"), std::string::npos);

    auto badMayInclude =
        policy->applyRepoConfig("layers:\n  logic:\n    may_include: [nowhere]\n", "cfg.yml");
    ASSERT_FALSE(badMayInclude);
}

// The compiled-in defaults are exactly what rules/*.yml say: the build-time generator lost nothing.
TEST(Policy, CompiledInDefaultsEqualTheParsedRuleFiles) {
    auto compiled = Policy::defaults();
    auto parsed =
        Policy::fromYaml(EmbeddedRules::catalog(), EmbeddedRules::layers(), EmbeddedRules::purity());
    ASSERT_TRUE(compiled.has_value());
    ASSERT_TRUE(parsed.has_value()) << parsed.error().render();
    EXPECT_EQ(compiled->catalog.rules().size(), parsed->catalog.rules().size());
    EXPECT_TRUE(compiled->layers == parsed->layers);
    EXPECT_TRUE(compiled->purity == parsed->purity);
    EXPECT_TRUE(*compiled == *parsed);
}

// The generated source survives any bytes: quotes, backslashes, newlines, UTF-8 and control bytes.
TEST(Policy, GeneratedSourceEscapesEveryByte) {
    auto policy =
        Policy::fromYaml(EmbeddedRules::catalog(), EmbeddedRules::layers(), EmbeddedRules::purity());
    ASSERT_TRUE(policy.has_value());
    Rule odd{.id = "odd.rule",
             .level = Level::Warning,
             .name = "Odd",
             .summary = "say \"hi\" \\ now",
             .why = "line one\nline two\n",
             .instead = "caf\xc3\xa9 \x01 tab\t",
             .allowed = "",
             .tags = {"a\"b"}};
    std::vector<Rule> rules = policy->catalog.rules();
    rules.push_back(odd);
    policy->catalog = RuleCatalog(rules);
    std::string source = policyAsCpp(*policy);
    EXPECT_NE(source.find(R"("say \"hi\" \\ now")"), std::string::npos);
    EXPECT_NE(source.find(R"("line one\n")"), std::string::npos);
    EXPECT_NE(source.find(R"("caf\303\251 \001 tab\011")"), std::string::npos);
    EXPECT_NE(source.find(".level = Level::Warning"), std::string::npos);
    EXPECT_NE(source.find("Expected<Policy> Policy::defaults()"), std::string::npos);
}

// Issue 16 item 8: a key written twice used to keep the first and drop the second without a word.
TEST(Policy, AKeyWrittenTwiceIsAnErrorAtTheSecond) {
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy);
    auto top = policy->applyRepoConfig("tier: 1\nrules:\n  purity.clock: off\ntier: 2\n", "cfg.yml");
    ASSERT_FALSE(top);
    EXPECT_EQ(top.error().file, "cfg.yml");
    EXPECT_EQ(top.error().line, 4u);
    EXPECT_NE(top.error().message.find("'tier' is written twice"), std::string::npos);
    auto nested = policy->applyRepoConfig("rules:\n  purity.clock: off\n  purity.clock: error\n", "cfg.yml");
    ASSERT_FALSE(nested);
    EXPECT_EQ(nested.error().line, 3u);
    EXPECT_TRUE(policy->applyRepoConfig("rules:\n  purity.clock: off\n  purity.io: off\n", "cfg.yml"));
}

TEST(Policy, AllowMaxDaysIsReadAndBounded) {
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy);
    EXPECT_EQ(policy->allowMaxDays, 365);
    ASSERT_TRUE(policy->applyRepoConfig("allow:\n  max_days: 90\n", "cfg.yml"));
    EXPECT_EQ(policy->allowMaxDays, 90);
    auto zero = policy->applyRepoConfig("allow:\n  max_days: 0\n", "cfg.yml");
    ASSERT_FALSE(zero);
    EXPECT_EQ(zero.error().line, 2u);
    EXPECT_NE(zero.error().message.find("allow.max_days must be 1 to 36600 days, not 0"), std::string::npos);
    auto unknown = policy->applyRepoConfig("allow:\n  max_day: 30\n", "cfg.yml");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().line, 2u);
}

TEST(Policy, AFindingTakesItsLevelAndInsteadFromTheRule) {
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy) << policy.error().render();
    ASSERT_TRUE(
        policy->applyRepoConfig("rules: { purity.throw: warning, purity.clock: off }\n", "devos.yml"));
    auto f = policy->finding("purity.throw", {"src/logic/a.cpp", 3, 7}, "throws", "throw");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->ruleId, "purity.throw");
    EXPECT_EQ(f->level, Level::Warning);
    EXPECT_EQ(f->at, (SourcePoint{"src/logic/a.cpp", 3, 7}));
    EXPECT_EQ(f->end, f->at);
    EXPECT_EQ(f->message, "throws");
    EXPECT_EQ(f->subject, "throw");
    EXPECT_EQ(f->instead, policy->catalog.find("purity.throw")->instead);
    EXPECT_FALSE(f->instead.empty());
    EXPECT_FALSE(policy->finding("purity.clock", {"src/logic/a.cpp", 1, 1}, "m", "s")) << "an off rule";
    EXPECT_FALSE(policy->finding("no.such-rule", {"src/logic/a.cpp", 1, 1}, "m", "s")) << "an unknown rule";
}

// The gates parse their own sections: the engine, inside every compile, only knows their names.
TEST(Policy, GateSectionsAreAcceptedButNotParsedByTheEngine) {
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy);
    const std::string text =
        "tier: 1\nthresholds: 80\nlicenses: { permit: [MIT] }\nscan: [a]\ndependencies: 1\n";
    ASSERT_TRUE(policy->applyRepoConfig(text, "repo/.devos/devos.yml"));
    EXPECT_EQ(policy->configText, text);
    EXPECT_EQ(policy->configFile, "repo/.devos/devos.yml");
    auto unknown = policy->applyRepoConfig("tier: 1\nthreshold: 80\n", "repo/.devos/devos.yml");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().line, 2u);
    EXPECT_NE(unknown.error().hint.find("thresholds, dependencies, licenses, scan"), std::string::npos)
        << unknown.error().hint;
}

TEST(Policy, PurityIncludeExtendsThePureListsFromALibrarysOwnFile) {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("devos-purity-include-" + std::to_string(::getpid()));
    fs::create_directories(root / "app/.devos");
    fs::create_directories(root / "lib");
    std::ofstream(root / "lib/purity.yml")
        << "pure_headers: [\"mylib/math.hpp\"]\npure_calls: [\"mylib::add\"]\n";
    std::ofstream(root / "lib/bad.yml") << "pure_calls: [\"mylib::add\"]\nlayers: {}\n";
    const std::string origin = (root / "app/.devos/devos.yml").string();
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy);
    EXPECT_FALSE(policy->purity.isPureCall("mylib::add"));
    auto ok = policy->applyRepoConfig("purity:\n  include: [\"../../lib/purity.yml\"]\n", origin);
    ASSERT_TRUE(ok) << ok.error().render();
    EXPECT_TRUE(policy->purity.isPureCall("mylib::add"));
    EXPECT_TRUE(policy->purity.isPureHeader("mylib/math.hpp"));
    EXPECT_NE(policy->includedText.find("mylib::add"), std::string::npos) << "part of the check cache's key";

    auto missing =
        Policy::defaults()->applyRepoConfig("purity:\n  include: [\"../../lib/none.yml\"]\n", origin);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().file, origin);
    EXPECT_EQ(missing.error().line, 2u);
    EXPECT_NE(missing.error().message.find("cannot read '../../lib/none.yml'"), std::string::npos)
        << missing.error().render();
    auto bad = Policy::defaults()->applyRepoConfig("purity:\n  include: [\"../../lib/bad.yml\"]\n", origin);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().file, (root / "lib/bad.yml").string());
    EXPECT_EQ(bad.error().line, 2u);
    fs::remove_all(root);
}
