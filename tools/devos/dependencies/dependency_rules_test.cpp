#include "dependencies/dependency_rules.hpp"

#include <devos/engine/config_section.hpp>
#include <gtest/gtest.h>

using namespace devos::dependencies;
using devos::engine::gateSettings;

TEST(DependencyRules, VersionsCompareNumerically) {
    EXPECT_LT(compareVersions("1.9", "1.10"), 0);
    EXPECT_EQ(compareVersions("3.0", "3"), 0);
    EXPECT_EQ(compareVersions("3.0.0", "3.0"), 0);
    EXPECT_GT(compareVersions("3.0.2-1", "3.0.1"), 0);
    EXPECT_LT(compareVersions("1.1.1w", "3.0"), 0);
    EXPECT_TRUE(isVersion("3.0.2"));
    EXPECT_FALSE(isVersion("latest"));
}

TEST(DependencyRules, ReadFromTheRepoConfigWithTheirLines) {
    auto ok = gateSettings<DependencyRules>("tier: 1\n"
                                            "dependencies:\n"
                                            "  floors:\n"
                                            "    OpenSSL: \"3.0\"\n"
                                            "    nlohmann_json: 3.11\n"
                                            "  bans:\n"
                                            "    Boost: use the standard library\n",
                                            "repo/.devos/devos.yml");
    ASSERT_TRUE(ok) << ok.error().render();
    const auto& deps = *ok;
    ASSERT_EQ(deps.floors.size(), 2u);
    EXPECT_EQ(deps.floors[0], (DependencyRules::Floor{"OpenSSL", "3.0", 4}));
    EXPECT_EQ(deps.floors[1].version, "3.11");
    ASSERT_EQ(deps.bans.size(), 1u);
    EXPECT_EQ(deps.bans[0], (DependencyRules::Ban{"Boost", "use the standard library", 7}));
}

TEST(DependencyRules, MistakesNameTheFileAndLine) {
    auto notVersion =
        gateSettings<DependencyRules>("dependencies:\n  floors:\n    OpenSSL: latest\n", "d.yml");
    ASSERT_FALSE(notVersion);
    EXPECT_EQ(notVersion.error().file, "d.yml");
    EXPECT_EQ(notVersion.error().line, 3u);
    EXPECT_NE(notVersion.error().message.find("must be a version"), std::string::npos);

    auto noReason = gateSettings<DependencyRules>("dependencies:\n  bans:\n    Boost: \"\"\n", "d.yml");
    ASSERT_FALSE(noReason);
    EXPECT_NE(noReason.error().message.find("needs a reason"), std::string::npos);

    auto unknownKey = gateSettings<DependencyRules>("dependencies:\n  ceilings: {}\n", "d.yml");
    ASSERT_FALSE(unknownKey);
    EXPECT_EQ(unknownKey.error().line, 2u);
}
