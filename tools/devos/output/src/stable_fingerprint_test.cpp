#include <devos/output/stable_fingerprint.hpp>
#include <gtest/gtest.h>

using devos::engine::Finding;
using devos::output::stableFingerprint;

namespace {

Finding clockFinding() {
    Finding f;
    f.ruleId = "purity.clock";
    f.at = {"src/logic/pricing.cpp", 7, 12};
    f.end = {"src/logic/pricing.cpp", 7, 42};
    f.message = "logic function 'stamped' reads the clock";
    f.subject = "stamped -> std::chrono::system_clock::now";
    return f;
}

} // namespace

// Value computed by hand: FNV-1a 64 over "purity.clock\0src/logic/pricing.cpp\0stamped -> ...\0".
TEST(StableFingerprint, IsFnv1aOfRuleFileAndSubject) {
    EXPECT_EQ(stableFingerprint(clockFinding()), "7963b6ec4b7475e0");
    EXPECT_EQ(stableFingerprint(Finding{}), "d94d12186c0f2fb7");
}

TEST(StableFingerprint, IgnoresLinesColumnsMessageAndLevel) {
    Finding moved = clockFinding();
    moved.at = {"src/logic/pricing.cpp", 70, 1};
    moved.end = {};
    moved.message = "reworded";
    moved.level = devos::engine::Level::Warning;
    EXPECT_EQ(stableFingerprint(moved), stableFingerprint(clockFinding()));
}

TEST(StableFingerprint, ChangesWithRuleFileOrSubject) {
    const std::string base = stableFingerprint(clockFinding());
    Finding other = clockFinding();
    other.ruleId = "purity.env";
    EXPECT_NE(stableFingerprint(other), base);
    other = clockFinding();
    other.at.file = "src/logic/other.cpp";
    EXPECT_NE(stableFingerprint(other), base);
    other = clockFinding();
    other.subject = "stamped -> std::time";
    EXPECT_NE(stableFingerprint(other), base);
}

TEST(StableFingerprint, FieldBoundariesMatter) {
    Finding a = clockFinding(), b = clockFinding();
    a.ruleId = "ab";
    a.at.file = "c";
    b.ruleId = "a";
    b.at.file = "bc";
    EXPECT_NE(stableFingerprint(a), stableFingerprint(b));
}

TEST(StableFingerprint, UsesTheMessageWhenThereIsNoSubject) {
    Finding a = clockFinding(), b = clockFinding();
    a.subject.clear();
    b.subject.clear();
    b.message = "another problem in the same file";
    EXPECT_NE(stableFingerprint(a), stableFingerprint(b));
    EXPECT_EQ(stableFingerprint(a).size(), 16u);
}
