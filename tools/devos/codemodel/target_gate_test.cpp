// codemodel::checkBuildTargets, the use case behind `devos targets`, over a real CMake configure: a
// build configured without the File API query has no codemodel (an error), and --refresh writes the
// query, re-runs cmake and checks the targets.
#include "codemodel/target_gate.hpp"

#include <cstdlib>
#include <devos/testing/temp_folder.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace devos::codemodel {
namespace {

class TargetGateTest : public ::testing::Test {
protected:
    void SetUp() override {
        repo.write(".devos/devos.yml", "tier: 1\n");
        repo.write("src/logic/p.cpp", "int p() { return 1; }\n");
        repo.write("src/adapters/db.cpp", "int db() { return 2; }\n");
        repo.write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.25)\n"
                                     "project(t CXX)\n"
                                     "add_library(adapters STATIC src/adapters/db.cpp)\n"
                                     "add_library(logic STATIC src/logic/p.cpp)\n"
                                     "target_link_libraries(logic PRIVATE adapters)\n");
        std::string cmd =
            "cmake -S " + root.string() + " -B " + (root / "build").string() + " >/dev/null 2>&1";
        ASSERT_EQ(std::system(cmd.c_str()), 0);
    }

    devos::testing::TempFolder repo{"target_gate"};
    const fs::path root = repo.root();
};

TEST_F(TargetGateTest, WithoutTheQueryThereIsNoCodemodelUnlessRefreshed) {
    auto missing = checkBuildTargets({.buildDir = (root / "build").string()});
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().render().find("codemodel-v2"), std::string::npos) << missing.error().render();

    auto refreshed = checkBuildTargets({.buildDir = (root / "build").string(), .refresh = true});
    ASSERT_TRUE(refreshed) << refreshed.error().render();
    EXPECT_EQ(refreshed->root, root.string()) << "the root is found from the CMake source folder";
    ASSERT_EQ(refreshed->findings.size(), 1u);
    EXPECT_EQ(refreshed->findings[0].ruleId, "target.layer-link");
    EXPECT_EQ(refreshed->findings[0].at.file, "CMakeLists.txt");
    EXPECT_EQ(refreshed->findings[0].at.line, 5u);
    EXPECT_TRUE(refreshed->configureOutput.empty());
}

TEST_F(TargetGateTest, AFailedRefreshConfigureIsInTheError) {
    auto failed =
        checkBuildTargets({.buildDir = (root / "build").string(), .refresh = true, .cmake = "false"});
    ASSERT_FALSE(failed);
    EXPECT_TRUE(fs::exists(root / "build/.cmake/api/v1/query/codemodel-v2")) << "the query is written";
}

} // namespace
} // namespace devos::codemodel
