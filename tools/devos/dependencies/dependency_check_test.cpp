#include "dependencies/dependency_check.hpp"
#include "dependencies/dependency_record.hpp"

#include <devos/engine/config_section.hpp>
#include <devos/testing/temp_folder.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::dependencies {
namespace {

namespace fs = std::filesystem;

class DependencyCheckTest : public ::testing::Test {
protected:
    void SetUp() override {
        repo.folder(".devos");
        repo.write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.25)\n"
                                     "project(x CXX)\n"
                                     "find_package(OpenSSLExtras)\n"
                                     "FIND_PACKAGE( OpenSSL 1.1 REQUIRED)\n"
                                     "find_package(Boost)\n");
        auto loaded = engine::Policy::defaults();
        ASSERT_TRUE(loaded);
        policy = *loaded;
        auto ok = policy.applyRepoConfig("dependencies:\n"
                                         "  floors:\n"
                                         "    OpenSSL: \"3.0\"\n"
                                         "    ZLIB: \"1.2.13\"\n"
                                         "  bans:\n"
                                         "    Boost: use the standard library\n",
                                         (root / ".devos/devos.yml").string());
        ASSERT_TRUE(ok) << ok.error().render();
    }

    ResolvedDependency dep(std::string name, std::string version, bool found = true) const {
        return {.name = std::move(name),
                .version = std::move(version),
                .found = found,
                .required = false,
                .location = "/usr/lib/cmake/x",
                .listFile = (root / "CMakeLists.txt").string(),
                .config = "",
                .library = ""};
    }

    DependencyRules rules() const {
        auto parsed = engine::gateSettings<DependencyRules>(policy);
        EXPECT_TRUE(parsed) << parsed.error().render();
        return parsed.value_or(DependencyRules{});
    }

    devos::testing::TempFolder repo{"deps_test"};
    const fs::path root = repo.root();
    engine::Policy policy;
};

TEST_F(DependencyCheckTest, ABelowFloorVersionPointsAtTheFindPackageCall) {
    auto findings =
        checkDependencies({dep("OpenSSL", "1.1.1w"), dep("ZLIB", "1.2.13")}, rules(), policy, root.string());
    ASSERT_EQ(findings.size(), 1u);
    const auto& f = findings[0];
    EXPECT_EQ(f.ruleId, "dependency.floor");
    EXPECT_EQ(f.level, engine::Level::Error);
    EXPECT_EQ(f.at.file, "CMakeLists.txt");
    EXPECT_EQ(f.at.line, 4u); // FIND_PACKAGE( OpenSSL, not find_package(OpenSSLExtras)
    EXPECT_NE(f.message.find("resolved to 1.1.1w, below the floor 3.0"), std::string::npos) << f.message;
    ASSERT_EQ(f.notes.size(), 1u);
    EXPECT_EQ(f.notes[0].at.file, ".devos/devos.yml");
    EXPECT_EQ(f.notes[0].at.line, 3u);
}

TEST_F(DependencyCheckTest, AtOrAboveTheFloorPasses) {
    EXPECT_TRUE(
        checkDependencies({dep("OpenSSL", "3.0.11"), dep("ZLIB", "1.3")}, rules(), policy, root.string())
            .empty());
}

TEST_F(DependencyCheckTest, ABannedPackageIsAnErrorWithItsReason) {
    auto findings = checkDependencies({dep("Boost", "1.74.0")}, rules(), policy, root.string());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].ruleId, "dependency.ban");
    EXPECT_EQ(findings[0].at.line, 5u);
    EXPECT_NE(findings[0].message.find("use the standard library"), std::string::npos);
}

TEST_F(DependencyCheckTest, PackagesNotFoundAreNotChecked) {
    EXPECT_TRUE(checkDependencies({dep("Boost", "", false), dep("OpenSSL", "1.0", false)}, rules(), policy,
                                  root.string())
                    .empty());
}

TEST_F(DependencyCheckTest, AnUnknownVersionUnderAFloorIsAWarning) {
    auto findings = checkDependencies({dep("ZLIB", "")}, rules(), policy, root.string());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, engine::Level::Warning);
    EXPECT_NE(findings[0].message.find("unknown"), std::string::npos);
}

TEST_F(DependencyCheckTest, ARuleTurnedOffReportsNothing) {
    const DependencyRules banned = rules(); // read before the config below replaces the fixture's
    ASSERT_FALSE(banned.bans.empty());
    ASSERT_FALSE(checkDependencies({dep("Boost", "1.74.0")}, banned, policy, root.string()).empty());
    ASSERT_TRUE(policy.applyRepoConfig("rules: { dependency.ban: off }\n", "x.yml"));
    EXPECT_TRUE(checkDependencies({dep("Boost", "1.74.0")}, banned, policy, root.string()).empty());
}

TEST_F(DependencyCheckTest, RecordsAreReadAndBadOnesNamed) {
    const fs::path good = root / "deps.json";
    repo.write(
        good,
        R"({"version": 1, "dependencies": [{"name": "OpenSSL", "requestedVersion": "1.1", "version": "3.0.11",
        "found": true, "required": true, "location": "/usr/share/cmake/FindOpenSSL.cmake", "config": null,
        "listFile": "/src/CMakeLists.txt"}]})");
    auto record = readDependencyRecord(good.string());
    ASSERT_TRUE(record) << record.error().render();
    ASSERT_EQ(record->size(), 1u);
    EXPECT_EQ((*record)[0].version, "3.0.11");
    EXPECT_TRUE((*record)[0].required);
    EXPECT_EQ((*record)[0].listFile, "/src/CMakeLists.txt");

    const fs::path bad = root / "bad.json";
    repo.write(bad, R"({"version": 1, "dependencies": [)");
    auto broken = readDependencyRecord(bad.string());
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().file, bad.string());
    EXPECT_EQ(broken.error().line, 1u);
    EXPECT_NE(broken.error().message.find("not valid JSON"), std::string::npos);
    repo.write(bad, "{\"version\": 1,\n \"dependencies\": [\n  {\"name\": \"A\",}\n]}\n");
    auto brokenLater = readDependencyRecord(bad.string());
    ASSERT_FALSE(brokenLater);
    EXPECT_EQ(brokenLater.error().line, 3u);

    auto missing = readDependencyRecord((root / "none.json").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().render().find("DevOSDependencyProvider.cmake"), std::string::npos);
}

TEST(FindPackageLine, MatchesTheExactNameAfterTheCommand) {
    const std::string text = "# find_package(Foo) in a comment is not a call\n"
                             "set(find_package_Foo 1)\n"
                             "find_package (Foo CONFIG)\n";
    EXPECT_EQ(findPackageLine(text, "Foo"), 3u);
    EXPECT_EQ(findPackageLine("find_package(FooBar)\nfind_package(Foo)\n", "Foo"), 2u);
    EXPECT_EQ(findPackageLine("find_package(foo)\n", "Foo"), 0u);
    EXPECT_EQ(findPackageLine("find_package(PkgConfig)\npkg_check_modules(RE2 REQUIRED re2)\n", "RE2"), 2u);
    EXPECT_EQ(findPackageLine("pkg_search_module(CURL libcurl)\nfind_package(CURL)\n", "CURL"), 1u);
}

} // namespace
} // namespace devos::dependencies
