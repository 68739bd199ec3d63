// sbom::describeBuild, the use case behind `devos sbom`, over a real build folder and repo: the
// project name, a reproducible `created`, the packages described and the license policy applied.
// An empty dpkg database keeps it independent of what this machine has installed.
#include "sbom/sbom_gate.hpp"

#include <cstdlib>
#include <devos/testing/temp_folder.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::sbom {
namespace {

namespace fs = std::filesystem;

class SbomGateTest : public ::testing::Test {
protected:
    void SetUp() override {
        repo.folder(".devos");
        repo.folder("build/devos");
        repo.folder("dpkg");
        repo.write("CMakeLists.txt", "project(shop CXX)\nfind_package(Zed)\nfind_package(Gone)\n");
        repo.write(".devos/devos.yml", "tier: 1\nlicenses:\n  allow: [MIT]\n");
        repo.write("build/CMakeCache.txt", "# cache\nCMAKE_PROJECT_NAME:STATIC=shop\n");
        const std::string list = (root / "CMakeLists.txt").string();
        repo.write("build/devos/dependencies.json",
                   R"({"version": 1, "dependencies": [
                  {"name": "Zed", "version": "1.0", "found": true, "location": "/nowhere/zed", "listFile": ")" +
                       list + R"("},
                  {"name": "Gone", "found": false, "listFile": ")" +
                       list + R"("}]})");
        ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    }
    void TearDown() override { ::unsetenv("SOURCE_DATE_EPOCH"); }
    SbomRequest request() const {
        return {.record = {.buildDir = (root / "build").string(), .root = root.string()},
                .toolVersion = "9.9.9",
                .dpkgAdminDir = (root / "dpkg").string()};
    }

    devos::testing::TempFolder repo{"sbom_gate_test"};
    const fs::path root = repo.root();
};

TEST_F(SbomGateTest, DescribesTheFoundPackagesReproduciblyAndChecksTheirLicenses) {
    auto described = describeBuild(request());
    ASSERT_TRUE(described) << described.error().render();
    EXPECT_EQ(described->document.projectName, "shop");
    EXPECT_EQ(described->document.created, "2023-11-14T22:13:20Z");
    EXPECT_EQ(described->document.recordSource, dependencies::kProviderSource);
    ASSERT_EQ(described->document.packages.size(), 1u) << "a package that was not found is not in the SBOM";
    EXPECT_NE(described->spdx.find("\"spdxVersion\": \"SPDX-2.3\""), std::string::npos) << described->spdx;
    EXPECT_NE(described->spdx.find("devos-9.9.9"), std::string::npos);
    // No Debian package owns the package's files: its license is unknown, a warning under an allow list.
    ASSERT_EQ(described->findings.size(), 1u);
    EXPECT_EQ(described->findings[0].ruleId, "dependency.license");
    EXPECT_EQ(described->findings[0].level, engine::Level::Warning);
    EXPECT_EQ(described->findings[0].at.line, 2u);
    auto again = describeBuild(request());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->spdx, described->spdx) << "the same input gives the same bytes";
}

TEST_F(SbomGateTest, WithoutARecordTheErrorSaysHowToGetOne) {
    fs::remove(root / "build/devos/dependencies.json");
    auto req = request();
    req.record.source = "provider";
    auto described = describeBuild(req);
    ASSERT_FALSE(described);
    EXPECT_EQ(described.error().message, "no dependency record");
    EXPECT_NE(described.error().hint.find("DevOSDependencyProvider.cmake"), std::string::npos);
}

} // namespace
} // namespace devos::sbom
