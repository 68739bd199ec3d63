// check::markerMismatches (--verify of devos check and devos link) over a real folder: markers are
// read from C++ sources under src/, include/ and tests/ only.
#include "check/marker_verification.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::check {
namespace {

namespace fs = std::filesystem;

class MarkerVerificationTest : public ::testing::Test {
protected:
    void SetUp() override {
        root = fs::temp_directory_path() / ("devos_marker_verification_" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root / "src/logic");
        fs::create_directories(root / "docs");
        std::ofstream(root / "src/logic/a.cpp")
            << "int a = 0;\nint t = time(0); // expected-error {{purity.clock}}\n";
        std::ofstream(root / "src/logic/b.txt") << "x // expected-error {{purity.io}}\n";
        std::ofstream(root / "docs/c.cpp") << "x // expected-error {{purity.io}}\n";
        clock.ruleId = "purity.clock";
        clock.at = {"src/logic/a.cpp", 2, 9};
        clock.message = "logic/ must be deterministic";
    }
    void TearDown() override { fs::remove_all(root); }

    fs::path root;
    engine::Finding clock;
};

TEST_F(MarkerVerificationTest, AgreesWhenEveryMarkerIsSeenAndOnlySourcesUnderTheRootsCount) {
    EXPECT_TRUE(markerMismatches({clock}, root.string()).empty());
}

TEST_F(MarkerVerificationTest, NamesAMarkerNotSeenAndAFindingNotExpected) {
    auto missing = markerMismatches({}, root.string());
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_NE(missing[0].find("expected but not seen"), std::string::npos) << missing[0];
    EXPECT_NE(missing[0].find("src/logic/a.cpp"), std::string::npos) << missing[0];
    clock.at.line = 1;
    EXPECT_EQ(markerMismatches({clock}, root.string()).size(), 2u);
}

} // namespace
} // namespace devos::check
