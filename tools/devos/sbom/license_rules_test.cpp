#include "sbom/license_rules.hpp"

#include <devos/engine/config_section.hpp>
#include <gtest/gtest.h>

using namespace devos::sbom;
using devos::engine::gateSettings;

TEST(LicenseRules, ReadFromTheRepoConfigWithTheirLines) {
    auto ok = gateSettings<LicenseRules>("tier: 2\n"
                                         "licenses:\n"
                                         "  allow:\n"
                                         "    - MIT\n"
                                         "    - BSD-3-Clause\n"
                                         "  deny: [GPL-3.0-only]\n",
                                         "repo/.devos/devos.yml");
    ASSERT_TRUE(ok) << ok.error().render();
    const auto& licenses = *ok;
    ASSERT_EQ(licenses.allow.size(), 2u);
    EXPECT_EQ(licenses.allow[0], (LicenseRules::Entry{"MIT", 4}));
    EXPECT_EQ(licenses.allow[1], (LicenseRules::Entry{"BSD-3-Clause", 5}));
    EXPECT_EQ(licenses.allowLine, 3u);
    ASSERT_EQ(licenses.deny.size(), 1u);
    EXPECT_EQ(licenses.deny[0], (LicenseRules::Entry{"GPL-3.0-only", 6}));
}

TEST(LicenseRules, MistakesNameTheFileAndLine) {
    auto unknownKey = gateSettings<LicenseRules>("licenses:\n  permit: [MIT]\n", "d.yml");
    ASSERT_FALSE(unknownKey);
    EXPECT_EQ(unknownKey.error().file, "d.yml");
    EXPECT_EQ(unknownKey.error().line, 2u);
    EXPECT_NE(unknownKey.error().message.find("unknown key 'permit'"), std::string::npos);

    auto notList = gateSettings<LicenseRules>("licenses:\n  deny: GPL-3.0-only\n", "d.yml");
    ASSERT_FALSE(notList);
    EXPECT_EQ(notList.error().line, 2u);
    EXPECT_NE(notList.error().message.find("must be a list"), std::string::npos);

    auto notId =
        gateSettings<LicenseRules>("licenses:\n  allow:\n    - MIT\n    - GPL 2 or later\n", "d.yml");
    ASSERT_FALSE(notId);
    EXPECT_EQ(notId.error().line, 4u);
    EXPECT_NE(notId.error().message.find("not an SPDX license id"), std::string::npos);

    auto both = gateSettings<LicenseRules>("licenses:\n  allow: [MIT]\n  deny: [MIT]\n", "d.yml");
    ASSERT_FALSE(both);
    EXPECT_EQ(both.error().line, 3u);

    auto notMap = gateSettings<LicenseRules>("licenses: [MIT]\n", "d.yml");
    ASSERT_FALSE(notMap);
    EXPECT_EQ(notMap.error().line, 1u);
}
