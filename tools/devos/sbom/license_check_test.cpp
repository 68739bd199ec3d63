#include "sbom/license_check.hpp"

#include <devos/engine/config_section.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::sbom {
namespace {

namespace fs = std::filesystem;

class LicenseCheckTest : public ::testing::Test {
protected:
    void SetUp() override {
        root = fs::temp_directory_path() / ("devos_license_test_" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root / ".devos");
        std::ofstream(root / "CMakeLists.txt") << "project(x CXX)\n"
                                                  "find_package(ZLIB REQUIRED)\n"
                                                  "find_package(Mine)\n";
        auto loaded = engine::Policy::defaults();
        ASSERT_TRUE(loaded);
        policy = *loaded;
    }
    void TearDown() override { fs::remove_all(root); }

    void configure(const std::string& yaml) {
        auto ok = policy.applyRepoConfig(yaml, (root / ".devos/devos.yml").string());
        ASSERT_TRUE(ok) << ok.error().render();
    }

    SbomPackage package(std::string name, std::string license, bool debian = true) const {
        SbomPackage p;
        p.dependency.name = std::move(name);
        p.dependency.found = true;
        p.dependency.listFile = (root / "CMakeLists.txt").string();
        p.license = std::move(license);
        if (debian)
            p.debian = DebianPackage{"zlib1g-dev", "1:1.2.13.dfsg-1", "amd64"};
        return p;
    }

    LicenseRules licenses() const {
        auto parsed = engine::gateSettings<LicenseRules>(policy);
        EXPECT_TRUE(parsed) << parsed.error().render();
        return parsed.value_or(LicenseRules{});
    }

    fs::path root;
    engine::Policy policy;
};

TEST_F(LicenseCheckTest, ADeniedLicenseIsAnErrorAtTheFindPackageCall) {
    configure("licenses:\n  deny: [Zlib]\n");
    auto findings = checkLicenses({package("ZLIB", "Zlib"), package("Mine", "NOASSERTION", false)},
                                  licenses(), policy, root.string());
    ASSERT_EQ(findings.size(), 1u);
    const auto& f = findings[0];
    EXPECT_EQ(f.ruleId, "dependency.license");
    EXPECT_EQ(f.level, engine::Level::Error);
    EXPECT_EQ(f.at.file, "CMakeLists.txt");
    EXPECT_EQ(f.at.line, 2u);
    EXPECT_EQ(f.message,
              "'ZLIB' is licensed Zlib (Debian package zlib1g-dev), and Zlib is denied in this repo");
    ASSERT_EQ(f.notes.size(), 1u);
    EXPECT_EQ(f.notes[0].at.file, ".devos/devos.yml");
    EXPECT_EQ(f.notes[0].at.line, 2u);
}

TEST_F(LicenseCheckTest, AnAllowListFailsOthersAndWarnsOnUnknownLicenses) {
    configure("licenses:\n  allow: [MIT]\n");
    auto findings = checkLicenses({package("ZLIB", "Zlib"), package("Mine", "NOASSERTION", false)},
                                  licenses(), policy, root.string());
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].at.line, 2u);
    EXPECT_EQ(findings[0].level, engine::Level::Error);
    EXPECT_NE(findings[0].message.find("Zlib is not on the repo's allowed licenses"), std::string::npos);
    EXPECT_EQ(findings[1].at.line, 3u);
    EXPECT_EQ(findings[1].level, engine::Level::Warning);
    EXPECT_NE(findings[1].message.find("the license of 'Mine' is unknown (no installed package provides it)"),
              std::string::npos);
}

TEST_F(LicenseCheckTest, NoPolicyOrAnAllowedLicenseOrTheRuleOffReportsNothing) {
    EXPECT_TRUE(checkLicenses({package("ZLIB", "Zlib")}, licenses(), policy, root.string()).empty());
    configure("licenses:\n  allow: [Zlib]\n");
    EXPECT_TRUE(checkLicenses({package("ZLIB", "Zlib")}, licenses(), policy, root.string()).empty());
    configure("licenses:\n  deny: [Zlib]\nrules: { dependency.license: off }\n");
    EXPECT_TRUE(checkLicenses({package("ZLIB", "Zlib")}, licenses(), policy, root.string()).empty());
}

} // namespace
} // namespace devos::sbom
