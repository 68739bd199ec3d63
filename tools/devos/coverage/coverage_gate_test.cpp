// The use case behind `devos coverage` on real folders: what it refuses before running gcovr, and
// --reset. The measurement itself (a --coverage build and the real gcovr) is e2e.coverage_gate.
#include "coverage/coverage_gate.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::coverage {
namespace {

namespace fs = std::filesystem;

class CoverageGateTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("devos_coverage_gate_test_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir / "build/src/CMakeFiles/app.dir");
        fs::create_directories(dir / ".devos");
        std::ofstream(dir / ".devos/devos.yml") << "tier: 2\n";
    }
    void TearDown() override { fs::remove_all(dir); }
    void addCounter(const std::string& name) {
        std::ofstream(dir / "build/src/CMakeFiles/app.dir" / name) << "x";
    }
    CoverageRequest request() const { return {.buildDir = (dir / "build").string(), .root = dir.string()}; }

    fs::path dir;
};

TEST_F(CoverageGateTest, AFolderThatIsNotABuildFolderIsNamed) {
    auto measured = measureCoverage({.buildDir = (dir / "missing").string()});
    ASSERT_FALSE(measured);
    EXPECT_EQ(measured.error().file, (dir / "missing").string());
    EXPECT_EQ(measured.error().message, "not a build directory (pass the folder you built in)");
    EXPECT_FALSE(resetCoverageCounters((dir / "missing").string()));
}

TEST_F(CoverageGateTest, NoCountersIsAnErrorNotZeroPercent) {
    auto measured = measureCoverage(request());
    ASSERT_FALSE(measured);
    EXPECT_EQ(measured.error().kind, foundation::ErrorKind::NotFound);
    EXPECT_TRUE(measured.error().message.starts_with("no coverage data (no .gcda counters)"));
}

TEST_F(CoverageGateTest, AGcovrThatFailsOrIsMissingIsAnErrorWithItsExitCode) {
    addCounter("main.cpp.gcda");
    auto req = request();
    req.gcovr = "false";
    auto failed = measureCoverage(req);
    ASSERT_FALSE(failed);
    EXPECT_TRUE(failed.error().message.starts_with("gcovr failed (exit 1)")) << failed.error().message;
    req.gcovr = (dir / "no-such-gcovr").string();
    auto missing = measureCoverage(req);
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.error().message.starts_with("gcovr failed (exit 127)")) << missing.error().message;
    EXPECT_EQ(missing.error().hint, "install it with apt-get install gcovr, or pass --gcovr");
}

TEST_F(CoverageGateTest, ABadRepoConfigStopsBeforeGcovrRuns) {
    addCounter("main.cpp.gcda");
    std::ofstream(dir / ".devos/devos.yml") << "tier: 2\nthresholds:\n  coverage: 120\n";
    auto measured = measureCoverage(request());
    ASSERT_FALSE(measured);
    EXPECT_EQ(measured.error().line, 3u);
}

TEST_F(CoverageGateTest, ResetRemovesEveryCounterAndCountsThem) {
    addCounter("main.cpp.gcda");
    addCounter("lib.cpp.gcda");
    addCounter("main.cpp.gcno");
    auto removed = resetCoverageCounters((dir / "build").string());
    ASSERT_TRUE(removed) << removed.error().render();
    EXPECT_EQ(*removed, 2);
    EXPECT_TRUE(fs::exists(dir / "build/src/CMakeFiles/app.dir/main.cpp.gcno"));
    EXPECT_EQ(*resetCoverageCounters((dir / "build").string()), 0);
}

} // namespace
} // namespace devos::coverage
