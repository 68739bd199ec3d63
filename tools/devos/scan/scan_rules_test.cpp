#include "scan/scan_rules.hpp"

#include <devos/engine/config_section.hpp>
#include <gtest/gtest.h>

using namespace devos::scan;
using devos::engine::gateSettings;

TEST(ScanRules, DefaultsCapFilesAtOneMebibyteAndExcludeNothing) {
    EXPECT_EQ(ScanRules{}.maxFileKb, 1024u);
    EXPECT_TRUE(ScanRules{}.exclude.empty());
    EXPECT_FALSE(ScanRules{}.excludes("src/a.cpp"));
}

TEST(ScanRules, ReadFromTheRepoConfig) {
    auto ok = gateSettings<ScanRules>("scan:\n"
                                      "  exclude: [\"tests/fixtures/**\", \"*.pem\"]\n"
                                      "  max_file_kb: 64\n"
                                      "  allow_extensions: [\".PNG\", pdf]\n"
                                      "  gitleaks_config: config/gitleaks.toml\n",
                                      "repo/.devos/devos.yml");
    ASSERT_TRUE(ok) << ok.error().render();
    const auto& scan = *ok;
    EXPECT_EQ(scan.maxFileKb, 64u);
    EXPECT_TRUE(scan.excludes("tests/fixtures/secrets/key.txt"));
    EXPECT_TRUE(scan.excludes("server.pem"));
    EXPECT_FALSE(scan.excludes("src/tests/fixtures.cpp"));
    EXPECT_TRUE(scan.allowsExtensionOf("docs/Logo.png"));
    EXPECT_TRUE(scan.allowsExtensionOf("manual.pdf"));
    EXPECT_FALSE(scan.allowsExtensionOf("png"));
    EXPECT_FALSE(scan.allowsExtensionOf("lib/x.o"));
    EXPECT_EQ(scan.gitleaksConfig, "config/gitleaks.toml");
    EXPECT_EQ(scan.gitleaksConfigLine, 5u);
}

TEST(ScanRules, MistakesNameTheFileAndLine) {
    struct Case {
        const char* yaml;
        unsigned line;
        const char* message;
    };
    for (const Case& c : {
             Case{"tier: 1\nscan:\n  excludes: [a]\n", 3, "unknown key 'excludes'"},
             Case{"scan:\n  exclude: tests/**\n", 2, "'scan.exclude' must be a list of strings"},
             Case{"scan:\n  max_file_kb: big\n", 2, "'scan.max_file_kb' must be an integer"},
             Case{"scan:\n  max_file_kb: 0\n", 2, "must be a positive number of KiB"},
             Case{"scan:\n  allow_extensions: [\"a/b\"]\n", 2, "must list file extensions"},
             Case{"scan: [a]\n", 1, "'scan' must be a mapping"},
             Case{"scan:\n  gitleaks_config: [a.toml]\n", 2, "'scan.gitleaks_config' must be a string"},
             Case{"scan:\n  gitleaks_config: \"\"\n", 2, "'scan.gitleaks_config' must name a file"},
         }) {
        auto ok = gateSettings<ScanRules>(c.yaml, ".devos/devos.yml");
        ASSERT_FALSE(ok) << c.yaml;
        EXPECT_EQ(ok.error().file, ".devos/devos.yml");
        EXPECT_EQ(ok.error().line, c.line) << c.yaml;
        EXPECT_NE(ok.error().message.find(c.message), std::string::npos) << ok.error().render();
    }
}
