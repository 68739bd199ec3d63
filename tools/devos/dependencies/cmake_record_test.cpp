// The dependency record derived from a CMake cache and codemodel (no dependency provider): from
// entries and link items written here, over real files in a temp dir, and from a real configure.
#include "dependencies/cmake_record.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <unistd.h>

namespace devos::dependencies {
namespace {

namespace fs = std::filesystem;
using codemodel::CacheEntry;

const char* kConfigHelp = "The directory containing a CMake configuration file for ";

class CMakeRecordTest : public ::testing::Test {
protected:
    void SetUp() override {
        root = fs::temp_directory_path() / ("devos_cmake_record_" + std::to_string(::getpid()));
        fs::remove_all(root);
        write("cfg/GTest/GTestConfig.cmake", "");
        write("cfg/GTest/GTestConfigVersion.cmake",
              "set(PACKAGE_VERSION \"9.9.9\")\n"); // the result line wins
        write("cfg/yaml/yaml-cpp-config.cmake", "");
        write("cfg/yaml/yaml-cpp-config-version.cmake", "set(PACKAGE_VERSION \"0.7.0\")\n");
        for (const char* lib : {"libz.so", "libre2.so", "libfoo.so", "libgtest.a", "libbar.so"})
            write(std::string("lib/") + lib, "");
        write("cmake-root/Modules/FindZLIB.cmake", "");
        write("cmake-root/Modules/FindThreads.cmake", "");
        write("repo/cmake/FindFoo.cmake", "");
        write("repo/CMakeLists.txt", "project(x CXX)\n"                                           // 1
                                     "find_package(ZLIB REQUIRED)\n"                              // 2
                                     "find_package(GTest REQUIRED)\n"                             // 3
                                     "find_package(yaml-cpp CONFIG)\n"                            // 4
                                     "find_package(PkgConfig)\n"                                  // 5
                                     "pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)\n"      // 6
                                     "find_package(Threads)\n"                                    // 7
                                     "find_package(NoSuch QUIET)\n"                               // 8
                                     "find_package(Foo)\n"                                        // 9
                                     "target_link_libraries(app PRIVATE core Foo::foo)\n"         // 10
                                     "target_link_libraries(app PRIVATE Bar::bar Baz::baz)\n"     // 11
                                     "target_link_libraries(app PRIVATE core DevOS::runtime)\n"); // 12
    }
    void TearDown() override { fs::remove_all(root); }

    void write(const std::string& relative, const std::string& text) {
        fs::create_directories((root / relative).parent_path());
        std::ofstream(root / relative) << text;
    }
    std::string at(const std::string& relative) const { return (root / relative).string(); }

    codemodel::LinkEdge library(const std::string& fragment, unsigned line,
                                const std::string& package = "") const {
        codemodel::LinkEdge edge;
        edge.fragment = fragment;
        edge.package = package;
        if (line != 0)
            edge.site = codemodel::CallSite{at("repo/CMakeLists.txt"), line, "target_link_libraries", "app"};
        return edge;
    }

    CMakeKnowledge knowledge() const {
        CMakeKnowledge known;
        known.cache = {
            {"CMAKE_ROOT", at("cmake-root"), "INTERNAL", ""},
            {"FIND_PACKAGE_MESSAGE_DETAILS_ZLIB", "[" + at("lib/libz.so") + "][/usr/include][v1.2.13()]",
             "INTERNAL", ""},
            {"ZLIB_INCLUDE_DIR", "/usr/include", "PATH", "Path to a file."},
            {"FIND_PACKAGE_MESSAGE_DETAILS_GTest",
             "[" + at("cfg/GTest/GTestConfig.cmake") + "][c ][v1.12.1()]", "INTERNAL", ""},
            {"GTest_DIR", at("cfg/GTest"), "PATH", std::string(kConfigHelp) + "GTest."},
            {"yaml-cpp_DIR", at("cfg/yaml"), "UNINITIALIZED",
             "No help, variable specified on the command line."},
            {"NoSuch_DIR", "NoSuch_DIR-NOTFOUND", "PATH", std::string(kConfigHelp) + "NoSuch."},
            {"FIND_PACKAGE_MESSAGE_DETAILS_Threads", "[TRUE][v()]", "INTERNAL", ""},
            {"RE2_FOUND", "1", "INTERNAL", ""},
            {"RE2_VERSION", "0.0.0", "INTERNAL", ""},
            {"pkgcfg_lib_RE2_re2", at("lib/libre2.so"), "FILEPATH", ""},
            {"PC_CURL_FOUND", "1", "INTERNAL", ""}, // FindCURL's own pkg-config lookup
            {"PC_CURL_VERSION", "7.88.1", "INTERNAL", ""},
            {"FOO_INCLUDE_DIR", "FOO_INCLUDE_DIR-NOTFOUND", "PATH", "Path to a file."},
        };
        known.codemodel.sourceDir = at("repo");
        known.codemodel.buildDir = at("build");
        codemodel::Target app;
        app.name = "app";
        app.libraries = {library(at("lib/libfoo.so"), 10),          // the one package the call names
                         library(at("lib/libgtest.a"), 0, "GTest"), // brought in by find_package(GTest)
                         library(at("lib/libbar.so"), 11),          // two packages named: nobody's
                         library(at("build/libcore.a"), 12),        // an in-project target
                         library("-lpthread", 10)};
        known.codemodel.targets.push_back(app);
        known.listFiles = {at("repo/CMakeLists.txt"), at("repo/cmake/FindFoo.cmake")};
        return known;
    }

    fs::path root;
};

std::map<std::string, ResolvedDependency> byName(const std::vector<ResolvedDependency>& record) {
    std::map<std::string, ResolvedDependency> out;
    for (const auto& dep : record)
        out[dep.name] = dep;
    return out;
}

TEST_F(CMakeRecordTest, EveryPackageTheCacheAndTheLinkItemsShow) {
    auto record = deriveDependencyRecord(knowledge());
    std::vector<std::string> names;
    for (const auto& dep : record)
        names.push_back(dep.name);
    EXPECT_EQ(names,
              (std::vector<std::string>{"Foo", "GTest", "NoSuch", "RE2", "Threads", "ZLIB", "yaml-cpp"}));
    auto deps = byName(record);

    const auto& zlib = deps["ZLIB"];
    EXPECT_TRUE(zlib.found);
    EXPECT_EQ(zlib.version, "1.2.13");
    EXPECT_EQ(zlib.library, at("lib/libz.so"));
    EXPECT_EQ(zlib.config, "");
    EXPECT_EQ(zlib.location, at("cmake-root/Modules/FindZLIB.cmake"));
    EXPECT_EQ(zlib.listFile, at("repo/CMakeLists.txt"));

    const auto& gtest = deps["GTest"];
    EXPECT_EQ(gtest.version, "1.12.1");
    EXPECT_EQ(gtest.config, at("cfg/GTest/GTestConfig.cmake"));
    EXPECT_EQ(gtest.location, at("cfg/GTest"));
    EXPECT_EQ(gtest.library, ""); // the config file identifies it

    const auto& yaml = deps["yaml-cpp"];
    EXPECT_TRUE(yaml.found);
    EXPECT_EQ(yaml.version, "0.7.0"); // from its version file; its _DIR was set on the command line
    EXPECT_EQ(yaml.config, at("cfg/yaml/yaml-cpp-config.cmake"));

    EXPECT_FALSE(deps["NoSuch"].found);
    EXPECT_EQ(deps["NoSuch"].version, "");

    const auto& re2 = deps["RE2"];
    EXPECT_TRUE(re2.found);
    EXPECT_EQ(re2.version, "0.0.0");
    EXPECT_EQ(re2.library, at("lib/libre2.so"));
    EXPECT_EQ(re2.listFile, at("repo/CMakeLists.txt"));

    const auto& threads = deps["Threads"];
    EXPECT_TRUE(threads.found);
    EXPECT_EQ(threads.version, "");
    EXPECT_EQ(threads.location, at("cmake-root/Modules/FindThreads.cmake"));

    const auto& foo = deps["Foo"]; // known only from the codemodel: its imported target and library
    EXPECT_TRUE(foo.found);
    EXPECT_EQ(foo.version, "");
    EXPECT_EQ(foo.library, at("lib/libfoo.so"));
    EXPECT_EQ(foo.location, at("repo/cmake/FindFoo.cmake"));
    EXPECT_EQ(foo.listFile, at("repo/CMakeLists.txt"));
}

TEST_F(CMakeRecordTest, ALinkItemGivesALibraryOnlyToAPackageWithoutOne) {
    CMakeKnowledge known = knowledge();
    known.cache.push_back({"FIND_PACKAGE_MESSAGE_DETAILS_Foo", "[TRUE][v2.1()]", "INTERNAL", ""});
    known.codemodel.targets[0].libraries.push_back(library(at("lib/libz.so"), 0, "Foo"));
    auto deps = byName(deriveDependencyRecord(known));
    EXPECT_EQ(deps["Foo"].version, "2.1");
    EXPECT_EQ(deps["Foo"].library, at("lib/libfoo.so")); // the first link item that is its
    EXPECT_EQ(deps["ZLIB"].library, at("lib/libz.so"));
}

TEST(CMakeRecord, FromARealConfigure) {
    fs::path root =
        fs::temp_directory_path() / ("devos_cmake_record_configure_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "build/.cmake/api/v1/query");
    for (const char* query : {"cache-v2", "codemodel-v2", "cmakeFiles-v1"})
        std::ofstream(root / "build/.cmake/api/v1/query" / query);
    std::ofstream(root / "CMakeLists.txt") << "cmake_minimum_required(VERSION 3.25)\n"
                                              "project(t CXX)\n"
                                              "find_package(Threads REQUIRED)\n"
                                              "find_package(ZLIB REQUIRED)\n"
                                              "find_package(DevOSNoSuchPackage QUIET)\n"
                                              "find_package(GTest REQUIRED)\n"
                                              "add_library(t SHARED t.cpp)\n"
                                              "target_link_libraries(t PRIVATE ZLIB::ZLIB Threads::Threads)\n"
                                              "target_link_libraries(t PRIVATE GTest::gtest_main)\n";
    std::ofstream(root / "t.cpp") << "int t() { return 1; }\n";
    std::string cmd = "cmake -S " + root.string() + " -B " + (root / "build").string() + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    auto record = readCMakeDependencyRecord((root / "build").string());
    ASSERT_TRUE(record) << record.error().render();
    auto deps = byName(*record);
    EXPECT_TRUE(deps["Threads"].found);
    EXPECT_TRUE(deps["ZLIB"].found);
    EXPECT_FALSE(deps["ZLIB"].version.empty());
    EXPECT_TRUE(fs::exists(deps["ZLIB"].library)) << deps["ZLIB"].library;
    EXPECT_EQ(fs::path(deps["ZLIB"].listFile), root / "CMakeLists.txt");
    EXPECT_TRUE(deps.contains("DevOSNoSuchPackage"));
    EXPECT_FALSE(deps["DevOSNoSuchPackage"].found);
    EXPECT_TRUE(deps["GTest"].found);

    // gtest_main links GTest::gtest through its link interface: that library's backtrace leads to
    // the find_package(GTest) call.
    auto model = codemodel::readCodemodel((root / "build").string());
    ASSERT_TRUE(model) << model.error().render();
    const codemodel::Target* t = model->findByName("t");
    ASSERT_TRUE(t);
    bool sawGtest = false;
    for (const auto& edge : t->libraries)
        if (edge.fragment.ends_with("/libgtest.a") || edge.fragment.ends_with("/libgtest.so")) {
            sawGtest = true;
            EXPECT_EQ(edge.package, "GTest") << edge.fragment;
        }
    EXPECT_TRUE(sawGtest);

    auto without = readCMakeDependencyRecord((root / "nowhere").string());
    ASSERT_FALSE(without);
    fs::remove_all(root);
}

} // namespace
} // namespace devos::dependencies
