#include "coverage/coverage_summary.hpp"

#include <gtest/gtest.h>

using devos::coverage::parseGcovrSummary;

// The shape gcovr 5.2 writes with --json-summary (trimmed to what is read).
TEST(CoverageSummary, ReadsGcovrsTotalsAndFiles) {
    const auto summary = parseGcovrSummary(R"({
      "gcovr/summary_format_version": "0.5", "root": "/repo",
      "files": [
        {"filename": "src/logic/pricing.cpp", "line_total": 20, "line_covered": 15, "line_percent": 75.0},
        {"filename": "src/services/orders.cpp", "line_total": 10, "line_covered": 10, "line_percent": 100.0}
      ],
      "line_total": 30, "line_covered": 25, "line_percent": 83.3})",
                                           "summary.json");
    ASSERT_TRUE(summary) << summary.error().render();
    EXPECT_EQ(summary->linesTotal, 30u);
    EXPECT_EQ(summary->linesCovered, 25u);
    EXPECT_NEAR(summary->percent(), 83.33, 0.01);
    ASSERT_EQ(summary->files.size(), 2u);
    EXPECT_EQ(summary->files[0], (devos::coverage::FileCoverage{"src/logic/pricing.cpp", 20, 15}));
    EXPECT_DOUBLE_EQ(summary->files[0].percent(), 75.0);
}

TEST(CoverageSummary, NothingMeasuredIsNotAFailure) {
    const auto summary = parseGcovrSummary(R"({"files": [], "line_total": 0, "line_covered": 0})", "s.json");
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->linesTotal, 0u);
    EXPECT_DOUBLE_EQ(summary->percent(), 100.0);
}

TEST(CoverageSummary, MalformedInputNamesTheFile) {
    for (const char* bad : {"not json", "[]", R"({"files": []})", R"({"line_total": 3, "line_covered": 1})",
                            R"({"line_total": 3, "line_covered": 1, "files": [{"line_total": 1}]})",
                            R"({"line_total": -3, "line_covered": 1, "files": []})"}) {
        const auto summary = parseGcovrSummary(bad, "build/devos/coverage-summary.json");
        ASSERT_FALSE(summary) << bad;
        EXPECT_EQ(summary.error().file, "build/devos/coverage-summary.json");
        EXPECT_FALSE(summary.error().message.empty());
    }
}
