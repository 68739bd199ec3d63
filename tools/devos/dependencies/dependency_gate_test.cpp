#include "dependencies/dependency_gate.hpp"

#include <devos/testing/temp_folder.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::dependencies {
namespace {

namespace fs = std::filesystem;

// A repo with a ban and a floor, and a configured build folder holding the provider's record.
class DependencyGateTest : public ::testing::Test {
protected:
    void SetUp() override {
        repo.folder(".devos");
        fs::create_directories(root / "build" / "devos");
        repo.write("CMakeLists.txt", "project(x CXX)\nfind_package(OpenSSL)\nfind_package(Boost)\n");
        repo.write(".devos/devos.yml", "tier: 1\ndependencies:\n  floors:\n    OpenSSL: \"3.0\"\n"
                                       "  bans:\n    Boost: use the standard library\n");
        std::string list = (root / "CMakeLists.txt").string();
        repo.write("build/devos/dependencies.json",
                   R"({"version": 1, "dependencies": [
                  {"name": "OpenSSL", "version": "3.0.11", "found": true, "listFile": ")" +
                       list + R"("},
                  {"name": "Boost", "version": "1.81.0", "found": true, "listFile": ")" +
                       list + R"("}]})");
    }

    DependencyGateRequest request() const {
        return {.buildDir = (root / "build").string(), .root = root.string()};
    }

    devos::testing::TempFolder repo{"dependency_gate_test"};
    const fs::path root = repo.root();
};

TEST_F(DependencyGateTest, ChecksTheProvidersRecordAgainstTheReposBansAndFloors) {
    auto checked = checkBuildDependencies(request());
    ASSERT_TRUE(checked) << checked.error().render();
    EXPECT_EQ(checked->record.source, kProviderSource);
    EXPECT_EQ(checked->root, root.string());
    ASSERT_EQ(checked->findings.size(), 1u);
    EXPECT_EQ(checked->findings[0].ruleId, "dependency.ban");
    EXPECT_EQ(checked->findings[0].at.line, 3u);
}

TEST_F(DependencyGateTest, LoadingOnlyLeavesTheFindingsEmpty) {
    auto loaded = loadRecordAndPolicy(request());
    ASSERT_TRUE(loaded) << loaded.error().render();
    EXPECT_EQ(loaded->record.dependencies.size(), 2u);
    EXPECT_TRUE(loaded->findings.empty());
}

TEST_F(DependencyGateTest, AMissingRecordOrABrokenConfigIsAnErrorNamingTheFile) {
    auto req = request();
    req.source = "provider";
    fs::remove(root / "build/devos/dependencies.json");
    auto missing = checkBuildDependencies(req);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, foundation::ErrorKind::NotFound);
    EXPECT_NE(missing.error().file.find("dependencies.json"), std::string::npos);

    SetUp();
    repo.write(".devos/devos.yml", "tier: 1\ndependenciez: {}\n");
    auto broken = checkBuildDependencies(request());
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().line, 2u);
    EXPECT_NE(broken.error().file.find(".devos/devos.yml"), std::string::npos);
}

} // namespace
} // namespace devos::dependencies
