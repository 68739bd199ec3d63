// init::scaffoldRepo, the use case behind `devos init`, in a temp folder: every file once, nothing
// the second time, lines appended to an existing CMakeLists.txt, --force, the dashboards, and a
// path that is not a folder.
#include "init/scaffold.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <unistd.h>

namespace devos::init {
namespace {

namespace fs = std::filesystem;

class ScaffoldTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("devos_scaffold_test_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }
    static std::string read(const fs::path& path) {
        std::ostringstream text;
        text << std::ifstream(path).rdbuf();
        return text.str();
    }
    static long count(const ScaffoldOutcome& outcome, const std::string& action) {
        return std::count_if(outcome.files.begin(), outcome.files.end(),
                             [&](const FileOutcome& f) { return f.action == action; });
    }

    fs::path dir;
};

TEST_F(ScaffoldTest, WritesEveryFileOnceAndAppendsToAnExistingCMakeLists) {
    std::ofstream(dir / "CMakeLists.txt") << "project(shop CXX)";
    auto first = scaffoldRepo({.dir = dir.string(), .tier = 2});
    ASSERT_TRUE(first) << first.error().render();
    EXPECT_TRUE(first->complete);
    EXPECT_EQ(count(*first, "appended"), 1) << "CMakeLists.txt";
    EXPECT_EQ(count(*first, "skipped"), 0);
    EXPECT_NE(read(dir / ".devos/devos.yml").find("tier: 2"), std::string::npos);
    const std::string cmake = read(dir / "CMakeLists.txt");
    EXPECT_TRUE(cmake.starts_with("project(shop CXX)\n")) << "a newline is added before the appended lines";
    EXPECT_NE(cmake.find("\ndevos_enable_gates()\n"), std::string::npos) << "the tier is the config's alone";

    auto second = scaffoldRepo({.dir = dir.string(), .tier = 2});
    ASSERT_TRUE(second);
    EXPECT_EQ(count(*second, "skipped"), static_cast<long>(second->files.size()))
        << "nothing the second time";
    EXPECT_EQ(read(dir / "CMakeLists.txt"), cmake);
}

TEST_F(ScaffoldTest, ForceOverwritesTheFilesInitOwnsOnly) {
    ASSERT_TRUE(scaffoldRepo({.dir = dir.string()}));
    std::ofstream(dir / ".clang-format") << "edited\n";
    auto forced = scaffoldRepo({.dir = dir.string(), .force = true});
    ASSERT_TRUE(forced);
    EXPECT_NE(read(dir / ".clang-format"), "edited\n");
    EXPECT_GT(count(*forced, "overwritten"), 0);
    EXPECT_EQ(count(*forced, "appended"), 0) << "CMakeLists.txt already has its lines";
}

TEST_F(ScaffoldTest, DashboardsWriteOnlyTheGrafanaFiles) {
    auto written = scaffoldRepo({.dir = (dir / "grafana").string(), .dashboards = true});
    ASSERT_TRUE(written);
    EXPECT_TRUE(fs::exists(dir / "grafana/devos-telemetry.json"));
    EXPECT_FALSE(fs::exists(dir / "grafana/.devos"));
}

TEST_F(ScaffoldTest, AFileThatCannotBeWrittenIsFailedAndTheOthersAreWritten) {
    fs::create_directories(dir / ".clang-format" / "in-the-way");
    auto written = scaffoldRepo({.dir = dir.string(), .force = true});
    ASSERT_TRUE(written);
    EXPECT_FALSE(written->complete);
    EXPECT_EQ(count(*written, "failed"), 1);
    EXPECT_TRUE(fs::exists(dir / ".devos/devos.yml"));
}

TEST_F(ScaffoldTest, APathThatIsAFileIsAnError) {
    std::ofstream(dir / "file") << "x";
    auto refused = scaffoldRepo({.dir = (dir / "file").string()});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().render(), (dir / "file").string() + ": error: not a directory");
}

} // namespace
} // namespace devos::init
