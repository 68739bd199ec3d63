#include "heal_config.hpp"

#include <devos/adapters/yaml_config_file_reader.hpp>
#include <devos/testing/temp_folder.hpp>
#include <gtest/gtest.h>

namespace devos::services {
namespace {

// A repo folder holding only .devos/devos.yml with `text` (none when `text` is empty).
struct RepoWithConfig {
    RepoWithConfig(const std::string& name, const std::string& text) : repo("heal_config_" + name) {
        repo.folder(".devos");
        if (!text.empty())
            repo.write(".devos/devos.yml", text);
    }
    devos::testing::TempFolder repo;
    [[nodiscard]] std::string root() const { return repo.root().string(); }
};

} // namespace

TEST(HealSettings, TheTierIsTheRepoConfigsTierAndOneWithoutIt) {
    adapters::YamlConfigFileReader reader;
    auto two = loadHealSettings(reader, RepoWithConfig("two", "layers: {}\ntier: 2\n").root());
    ASSERT_TRUE(two) << two.error().render();
    EXPECT_EQ(two->tier, 2);
    auto zero = loadHealSettings(reader, RepoWithConfig("zero", "tier: \"0\"\n").root());
    ASSERT_TRUE(zero) << zero.error().render();
    EXPECT_EQ(zero->tier, 0);
    auto none = loadHealSettings(reader, RepoWithConfig("none", "").root());
    ASSERT_TRUE(none) << none.error().render();
    EXPECT_EQ(none->tier, 1);
    auto unset = loadHealSettings(reader, RepoWithConfig("unset", "first_party: [src]\n").root());
    ASSERT_TRUE(unset) << unset.error().render();
    EXPECT_EQ(unset->tier, 1);
}

// Before the tier had one rule, a tier the engine refuses read here as 1 without a word, so the
// self-heal loop and the gates could act on different tiers.
TEST(HealSettings, ATierTheGatesRefuseIsAnErrorAtItsLine) {
    adapters::YamlConfigFileReader reader;
    for (const auto& [text, shown] : {std::pair{"\ntier: 3\n", "'3'"},
                                      {"\ntier: [2]\n", "'[...]'"},
                                      {"\ntier:\n  level: 2\n", "'{...}'"},
                                      {"\ntier: two\n", "'two'"}}) {
        auto settings = loadHealSettings(reader, RepoWithConfig("bad", text).root());
        ASSERT_FALSE(settings) << text;
        EXPECT_EQ(settings.error().kind, contracts::ErrorKind::Invalid);
        EXPECT_EQ(settings.error().file, ".devos/devos.yml");
        EXPECT_GE(settings.error().line, 2u) << text;
        EXPECT_EQ(settings.error().message, std::string("tier must be 0, 1 or 2, not ") + shown);
    }
}

} // namespace devos::services
