#include <devos/logic/self_heal_config.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

using contracts::ConfigDocument;
using contracts::ConfigEntry;

ConfigEntry scalar(std::string key, std::string value, unsigned line) {
    return {std::move(key), std::move(value), {}, false, line};
}

ConfigEntry list(std::string key, std::vector<std::string> values, unsigned line) {
    return {std::move(key), {}, std::move(values), true, line};
}

contracts::Error errorOf(std::vector<ConfigEntry> entries) {
    auto parsed = parseSelfHealConfig({".devos/self-heal.yml", std::move(entries)});
    EXPECT_FALSE(parsed);
    return parsed ? contracts::Error{} : parsed.error();
}

} // namespace

TEST(SelfHealConfig, AnEmptyFileGivesTheShippedDefaults) {
    auto config = parseSelfHealConfig({".devos/self-heal.yml", {}});
    ASSERT_TRUE(config) << config.error().render();
    EXPECT_FALSE(config->enabled);
    EXPECT_EQ(config->autonomy.level, 0);
    EXPECT_EQ(config->autonomy.autoMergeConfidence, 90);
    EXPECT_EQ(config->autonomy.autoMergeRiskScore, 20);
    EXPECT_EQ(config->slo.maxAttemptsPerPattern, 3);
    EXPECT_EQ(config->slo.timeWindowMillis, 86'400'000);
    EXPECT_EQ(config->concurrency.maxConcurrentProposals, 5);
    EXPECT_EQ(config->concurrency.maxConcurrentPRs, 3);
    EXPECT_EQ(config->flakeReruns, 3);
    EXPECT_TRUE(config->pausedPatterns.empty());
    EXPECT_EQ(config->agent.kind, contracts::AgentChoice::Auto);
    EXPECT_EQ(config->origin, ".devos/self-heal.yml");
}

TEST(SelfHealConfig, ReadsEveryKey) {
    const std::string pattern(64, 'a');
    auto config = parseSelfHealConfig({"f.yml",
                                       {scalar("enabled", "true", 1),
                                        scalar("autonomy.level", "2", 3),
                                        scalar("autonomy.autoMergeThreshold.confidence", "95", 5),
                                        scalar("autonomy.autoMergeThreshold.riskScore", "10", 6),
                                        scalar("slo.maxAttemptsPerPattern", "2", 8),
                                        scalar("slo.timeWindow", "12 hours", 9),
                                        scalar("concurrency.maxConcurrentProposals", "1", 11),
                                        scalar("concurrency.maxConcurrentPRs", "2", 12),
                                        list("pausedPatterns", {pattern}, 13),
                                        scalar("flake.reruns", "0", 15),
                                        scalar("commands.configure", "cmake -S {source} -B {build}", 17),
                                        scalar("commands.build", "b", 18),
                                        scalar("commands.test", "t {test}", 19),
                                        scalar("commands.unitTests", "u", 20),
                                        scalar("commands.gate", "g", 21),
                                        scalar("timeouts.configure", "5", 23),
                                        scalar("timeouts.build", "6", 24),
                                        scalar("timeouts.test", "7", 25),
                                        scalar("timeouts.gate", "8", 26),
                                        scalar("timeouts.agent", "9", 27),
                                        list("paths.sensitive", {"secret/**"}, 29),
                                        scalar("limits.maxFiles", "2", 31),
                                        scalar("limits.maxChangedLines", "10", 32),
                                        scalar("limits.maxRiskScore", "40", 33),
                                        scalar("agent.kind", "chat", 35),
                                        scalar("agent.url", "http://127.0.0.1:8000", 36),
                                        scalar("agent.model", "qwen", 37)}});
    ASSERT_TRUE(config) << config.error().render();
    EXPECT_TRUE(config->enabled);
    EXPECT_EQ(config->autonomy.level, 2);
    EXPECT_EQ(config->autonomy.autoMergeConfidence, 95);
    EXPECT_EQ(config->autonomy.autoMergeRiskScore, 10);
    EXPECT_EQ(config->slo.maxAttemptsPerPattern, 2);
    EXPECT_EQ(config->slo.timeWindow, "12 hours");
    EXPECT_EQ(config->slo.timeWindowMillis, 12 * 3'600'000LL);
    EXPECT_EQ(config->concurrency.maxConcurrentProposals, 1);
    EXPECT_EQ(config->concurrency.maxConcurrentPRs, 2);
    EXPECT_EQ(config->pausedPatterns, std::vector<std::string>{pattern});
    EXPECT_EQ(config->flakeReruns, 0);
    EXPECT_EQ(config->commands.configure, "cmake -S {source} -B {build}");
    EXPECT_EQ(config->commands.build, "b");
    EXPECT_EQ(config->commands.test, "t {test}");
    EXPECT_EQ(config->commands.unitTests, "u");
    EXPECT_EQ(config->commands.gate, "g");
    EXPECT_EQ(config->timeouts.configure, 5);
    EXPECT_EQ(config->timeouts.build, 6);
    EXPECT_EQ(config->timeouts.test, 7);
    EXPECT_EQ(config->timeouts.gate, 8);
    EXPECT_EQ(config->timeouts.agent, 9);
    EXPECT_EQ(config->sensitivePaths, std::vector<std::string>{"secret/**"});
    EXPECT_EQ(config->limits.maxFiles, 2);
    EXPECT_EQ(config->limits.maxChangedLines, 10);
    EXPECT_EQ(config->limits.maxRiskScore, 40);
    EXPECT_EQ(config->agent.kind, contracts::AgentChoice::Chat);
    EXPECT_EQ(config->agent.url, "http://127.0.0.1:8000");
    EXPECT_EQ(config->agent.model, "qwen");
}

TEST(SelfHealConfig, AnUnknownKeyNamesTheLineAndTheAllowedKeys) {
    auto e = errorOf({scalar("enabled", "true", 1), scalar("slo.maxAttempts", "3", 4)});
    EXPECT_EQ(e.file, ".devos/self-heal.yml");
    EXPECT_EQ(e.line, 4u);
    EXPECT_NE(e.message.find("unknown key 'slo.maxAttempts'"), std::string::npos);
    EXPECT_EQ(e.hint, "allowed keys under slo: maxAttemptsPerPattern, timeWindow");
    auto top = errorOf({scalar("enable", "true", 2)});
    EXPECT_NE(top.hint.find("allowed top-level keys: enabled, autonomy, slo"), std::string::npos);
    auto deep = errorOf({scalar("slo.window.days", "1", 7)});
    EXPECT_EQ(deep.hint, "allowed keys under slo: maxAttemptsPerPattern, timeWindow");
}

TEST(SelfHealConfig, AMappingGivenAsAValueIsRejected) {
    auto e = errorOf({scalar("slo", "3", 5)});
    EXPECT_EQ(e.line, 5u);
    EXPECT_EQ(e.message, "slo must be a mapping");
}

TEST(SelfHealConfig, WrongTypesAndRangesAreRejectedAtTheirLine) {
    EXPECT_EQ(errorOf({scalar("enabled", "yes", 1)}).message, "enabled must be true or false, found 'yes'");
    auto level = errorOf({scalar("autonomy.level", "4", 3)});
    EXPECT_EQ(level.line, 3u);
    EXPECT_EQ(level.message, "autonomy.level must be an integer from 0 to 3, found '4'");
    EXPECT_NE(level.hint.find("0 suggest only"), std::string::npos);
    EXPECT_EQ(errorOf({scalar("slo.maxAttemptsPerPattern", "0", 2)}).line, 2u);
    EXPECT_EQ(errorOf({scalar("flake.reruns", "three", 2)}).message,
              "flake.reruns must be an integer from 0 to 20, found 'three'");
    EXPECT_NE(errorOf({scalar("slo.timeWindow", "a while", 9)}).hint.find("1 day"), std::string::npos);
    EXPECT_EQ(errorOf({scalar("agent.kind", "gpt", 1)}).message,
              "agent.kind must be playbook, chat or auto, found 'gpt'");
    EXPECT_EQ(errorOf({scalar("pausedPatterns", "abc", 1)}).message,
              "pausedPatterns must be a list of strings");
    EXPECT_EQ(errorOf({list("limits.maxFiles", {"1"}, 1)}).message,
              "limits.maxFiles must be a single value, not a list");
    EXPECT_NE(errorOf({list("pausedPatterns", {"not-hex"}, 1)}).message.find("is not a pattern id"),
              std::string::npos);
    EXPECT_EQ(errorOf({list("paths.sensitive", {""}, 1)}).message, "paths.sensitive has an empty glob");
}

TEST(SelfHealConfig, TimeWindowsInEveryUnit) {
    EXPECT_EQ(parseTimeWindow("1 day"), 86'400'000);
    EXPECT_EQ(parseTimeWindow("2 days"), 2 * 86'400'000LL);
    EXPECT_EQ(parseTimeWindow("12 hours"), 12 * 3'600'000LL);
    EXPECT_EQ(parseTimeWindow("24h"), 24 * 3'600'000LL);
    EXPECT_EQ(parseTimeWindow("30 minutes"), 30 * 60'000LL);
    EXPECT_EQ(parseTimeWindow("45s"), 45'000);
    EXPECT_EQ(parseTimeWindow("1 week"), 604'800'000);
    EXPECT_FALSE(parseTimeWindow("0 days"));
    EXPECT_FALSE(parseTimeWindow("day"));
    EXPECT_FALSE(parseTimeWindow("3 fortnights"));
    EXPECT_FALSE(parseTimeWindow(""));
}

TEST(SelfHealConfig, PausedPatternsMatchWholeIdsOrLongPrefixes) {
    contracts::SelfHealConfig config;
    const std::string id = "3f9a0c1d2e3f" + std::string(52, '0');
    config.pausedPatterns = {"3f9a0c1d2e3f"};
    EXPECT_TRUE(isPatternPaused(config, id));
    config.pausedPatterns = {id};
    EXPECT_TRUE(isPatternPaused(config, id));
    config.pausedPatterns = {"3f9a0c1d2e"}; // too short to be a prefix
    EXPECT_FALSE(isPatternPaused(config, id));
    config.pausedPatterns = {};
    EXPECT_FALSE(isPatternPaused(config, id));
}

} // namespace devos::logic

namespace devos::logic {

TEST(SelfHealConfig, BranchesNameTheDefaultAndTheIntegrationBranch) {
    auto config = parseSelfHealConfig(
        {".devos/self-heal.yml",
         {scalar("branches.default", "trunk", 2), scalar("branches.integration", "dev", 3)}});
    ASSERT_TRUE(config) << config.error().render();
    EXPECT_EQ(config->branches.defaultBranch, "trunk");
    EXPECT_EQ(config->branches.integration, "dev");
    auto defaults = parseSelfHealConfig({".devos/self-heal.yml", {}});
    EXPECT_EQ(defaults->branches.defaultBranch, "main");
    EXPECT_EQ(defaults->branches.integration, "");
}

TEST(SelfHealConfig, ABadOrForbiddenIntegrationBranchIsRejectedAtItsLine) {
    auto bad = errorOf({scalar("branches.integration", "dev branch", 4)});
    EXPECT_EQ(bad.line, 4u);
    EXPECT_NE(bad.message.find("cannot contain spaces"), std::string::npos);
    EXPECT_NE(errorOf({scalar("branches.integration", "selfheal/x", 1)}).message.find("selfheal/"),
              std::string::npos);
    EXPECT_NE(errorOf({scalar("branches.integration", "a..b", 1)}).message.find(".."), std::string::npos);
    auto main = errorOf({scalar("branches.integration", "main", 7)});
    EXPECT_EQ(main.line, 7u);
    EXPECT_NE(main.message.find("never writes the default branch"), std::string::npos);
}

} // namespace devos::logic

namespace devos::logic {

TEST(SelfHealConfig, PublishNamesTheRemoteTheRepositoryAndTheApi) {
    auto config = parseSelfHealConfig({".devos/self-heal.yml",
                                       {scalar("publish.remote", "git@github.com:acme/orders.git", 2),
                                        scalar("publish.repository", "acme/orders", 3)}});
    ASSERT_TRUE(config) << config.error().render();
    EXPECT_EQ(config->publish.remote, "git@github.com:acme/orders.git");
    EXPECT_EQ(config->publish.repository, "acme/orders");
    EXPECT_EQ(config->publish.api, "https://api.github.com");
    EXPECT_TRUE(parseSelfHealConfig({".devos/self-heal.yml", {}})->publish.remote.empty())
        << "off by default";
}

} // namespace devos::logic
