// Reads the File API reply of a real CMake configure of a tiny repo in a temp dir.
#include "codemodel/file_api.hpp"

#include <cstdlib>
#include <devos/testing/temp_folder.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace fs = std::filesystem;

namespace devos::codemodel {
namespace {

class FileApi : public ::testing::Test {
protected:
    void SetUp() override {
        repo.write("src/logic/p.cpp", "int p() { return 1; }\n");
        repo.write("src/adapters/db.cpp", "int db() { return 2; }\n");
        repo.write("src/entrypoints/main.cpp", "int main() {}\n");
        repo.write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.25)\n"
                                     "project(t CXX)\n"
                                     "add_library(adapters STATIC src/adapters/db.cpp)\n"
                                     "add_library(logic STATIC src/logic/p.cpp)\n"
                                     "target_link_libraries(logic\n"
                                     "  PRIVATE adapters)\n"
                                     "add_executable(app src/entrypoints/main.cpp)\n"
                                     "target_link_libraries(app PRIVATE logic -lsqlite3)\n"
                                     "add_custom_target(docs COMMAND true)\n");
    }
    int configure(bool withQuery) {
        if (withQuery)
            repo.write("build/.cmake/api/v1/query/codemodel-v2", "");
        std::string cmd =
            "cmake -S " + root.string() + " -B " + (root / "build").string() + " >/dev/null 2>&1";
        return std::system(cmd.c_str());
    }

    devos::testing::TempFolder repo{"file_api"};
    const fs::path root = repo.root();
};

TEST_F(FileApi, ReadsTargetsEdgesAndTheirCalls) {
    ASSERT_EQ(configure(true), 0);
    auto model = readCodemodel((root / "build").string());
    ASSERT_TRUE(model) << model.error().render();
    // The codemodel version the reply index announces, read apart from readCodemodel.
    fs::path reply = root / "build/.cmake/api/v1/reply";
    nlohmann::json index;
    for (const auto& entry : fs::directory_iterator(reply))
        if (entry.path().filename().string().starts_with("index-"))
            index = nlohmann::json::parse(std::ifstream(entry.path()));
    unsigned announced = 0;
    for (const auto& object : index.at("objects"))
        if (object.at("kind") == "codemodel")
            announced = object.at("version").at("minor").get<unsigned>();
    EXPECT_EQ(model->minorVersion, announced);
    EXPECT_GE(model->minorVersion, 4u) << "cmake >= 3.25 writes codemodel 2.4 or later";
    EXPECT_EQ(model->targets.size(), 3u); // the UTILITY target is left out
    EXPECT_EQ(model->findByName("docs"), nullptr);
    const Target* logic = model->findByName("logic");
    ASSERT_TRUE(logic);
    EXPECT_EQ(logic->type, "STATIC_LIBRARY");
    ASSERT_EQ(logic->sources.size(), 1u);
    EXPECT_EQ(fs::path(logic->sources[0]), fs::weakly_canonical(root / "src/logic/p.cpp"));
    ASSERT_EQ(logic->dependencies.size(), 1u);
    EXPECT_EQ(model->find(logic->dependencies[0].targetId)->name, "adapters");
    ASSERT_TRUE(logic->dependencies[0].site);
    EXPECT_EQ(logic->dependencies[0].site->line, 5u);
    EXPECT_EQ(logic->dependencies[0].site->namedTarget, "logic");
    const Target* app = model->findByName("app");
    ASSERT_TRUE(app);
    bool sawSqlite = false;
    for (const auto& lib : app->libraries)
        if (lib.fragment == "-lsqlite3") {
            sawSqlite = true;
            ASSERT_TRUE(lib.site);
            EXPECT_EQ(lib.site->line, 8u);
            EXPECT_EQ(lib.site->namedTarget, "app");
        }
    EXPECT_TRUE(sawSqlite);
}

TEST_F(FileApi, WithoutTheQueryTheErrorSaysHowToCreateIt) {
    ASSERT_EQ(configure(false), 0);
    auto model = readCodemodel((root / "build").string());
    ASSERT_FALSE(model);
    EXPECT_NE(model.error().message.find("no CMake File API reply"), std::string::npos);
    EXPECT_NE(model.error().hint.find(".cmake/api/v1/query/codemodel-v2"), std::string::npos);
    EXPECT_FALSE(readCodemodel((root / "nowhere").string()));
}

} // namespace
} // namespace devos::codemodel
