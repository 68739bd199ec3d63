#include "ingest/ingest_report.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::ingest {
namespace {

namespace fs = std::filesystem;

TEST(IngestReport, StoresAReportAndPrintsItsFailuresAndTheModel) {
    const fs::path root = fs::temp_directory_path() / ("devos_ingest_report_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    std::ofstream(root / "run.xml")
        << "<testsuites><testsuite name=\"PriceTest\" tests=\"2\" failures=\"1\">"
           "<testcase name=\"Rounds\" classname=\"PriceTest\"><failure message=\"expected "
           "1.25 but got 1.30\">price_test.cpp:9: Failure</failure></testcase>"
           "<testcase name=\"Adds\" classname=\"PriceTest\"/>"
           "</testsuite></testsuites>";
    const std::string db = (root / "telemetry.db").string();
    auto ingester = ReportIngester::open(root.string(), db);
    ASSERT_TRUE(ingester) << ingester.error().render();
    auto outcome = (*ingester)->ingest("junit", (root / "run.xml").string());
    ASSERT_TRUE(outcome) << outcome.error().render();
    EXPECT_EQ(outcome->storeName, db);
    EXPECT_TRUE(ingestWarnings(*outcome).empty());
    const auto& f = outcome->summary.testFailures.at(0);
    EXPECT_EQ(ingestOutcomeText(*outcome, "run.xml"),
              "ingested run.xml into " + db + ": run " + outcome->summary.run.runId +
                  " (ctest, 2 total, 1 failed, 0 skipped)\n  FAIL PriceTest.Rounds  pattern " +
                  f.patternId.substr(0, 12) + "  " + f.message.substr(0, f.message.find('\n')) +
                  "\n  embedded 1 failures with devos-hash-v3-1024\n");
    EXPECT_TRUE(f.message.starts_with("expected 1.25 but got 1.30")) << f.message;
    const auto json = ingestOutcomeJson(*outcome, "run.xml");
    EXPECT_EQ(json["store"], db);
    EXPECT_EQ(json["failures"][0]["test"], "Rounds");
    EXPECT_EQ(json["already_stored"], false);
    auto unknown = (*ingester)->ingest("xunit", (root / "run.xml").string());
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, contracts::ErrorKind::Invalid);
    fs::remove_all(root);
}

} // namespace
} // namespace devos::ingest
