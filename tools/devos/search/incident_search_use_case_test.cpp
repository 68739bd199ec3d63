#include "ingest/ingest_report.hpp"
#include "search/incident_search_use_case.hpp"
#include "search/search_output.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::search {
namespace {

namespace fs = std::filesystem;

// A folder with a JUnit report of two failures stored in its telemetry (the --db file), the way
// `devos ingest junit` stores it.
class IncidentSearchUseCase : public ::testing::Test {
protected:
    void SetUp() override {
        root = fs::temp_directory_path() / ("devos_search_use_case_" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root);
        db = (root / "telemetry.db").string();
        std::ofstream(root / "run.xml")
            << "<testsuites><testsuite name=\"OrderRepoTest\" tests=\"2\" failures=\"2\">"
               "<testcase name=\"SavesOrder\" classname=\"OrderRepoTest\"><failure message=\"SEGV on unknown "
               "address 0x10 in OrderRepo::save\">#0 0x1 in orders::OrderRepo::save() order_repo.cpp:42"
               "</failure></testcase>"
               "<testcase name=\"AppliesDiscount\" classname=\"OrderRepoTest\"><failure message=\"expected "
               "total 12.50 but got 13.00\">pricing_test.cpp:17: Failure</failure></testcase>"
               "</testsuite></testsuites>";
        auto ingester = ingest::ReportIngester::open(root.string(), db);
        ASSERT_TRUE(ingester) << ingester.error().render();
        auto stored = (*ingester)->ingest("junit", (root / "run.xml").string());
        ASSERT_TRUE(stored) << stored.error().render();
        ASSERT_EQ(stored->summary.testFailures.size(), 2u);
        savesOrder = stored->summary.testFailures[0].id;
    }
    void TearDown() override { fs::remove_all(root); }

    fs::path root;
    std::string db;
    std::string savesOrder;
};

TEST_F(IncidentSearchUseCase, FindsTheStoredFailureByItsWordsAndPrintsIt) {
    SearchRequest request{root.string(), db, {}};
    request.query.text = "segfault in OrderRepo::save";
    auto outcome = searchIncidents(request);
    ASSERT_TRUE(outcome) << outcome.error().render();
    ASSERT_FALSE(outcome->result.hits.empty());
    EXPECT_EQ(outcome->result.hits.front().failureId(), savesOrder);
    EXPECT_EQ(outcome->result.searched, 2u);
    EXPECT_EQ(outcome->k, 10u);
    const std::string text = searchText(*outcome);
    EXPECT_NE(text.find("among 2 failures of devos-hash-v3-1024"), std::string::npos) << text;
    EXPECT_NE(text.find("test  OrderRepoTest.SavesOrder  pattern"), std::string::npos) << text;
    const auto json = searchJson(*outcome);
    EXPECT_EQ(json["hits"][0]["failure_id"], savesOrder);
    EXPECT_EQ(json["hits"][0]["kind"], "test_failure");
    EXPECT_EQ(json["searched"], 2);
    EXPECT_TRUE(searchNotes(*outcome).empty());
}

TEST_F(IncidentSearchUseCase, AnUnknownFailureIdIsNotFound) {
    SearchRequest request{root.string(), db, {}};
    request.query.failureId = "01NOTAFAILURE000000000000";
    auto outcome = searchIncidents(request);
    ASSERT_FALSE(outcome);
    EXPECT_EQ(outcome.error().kind, foundation::ErrorKind::NotFound);
}

TEST_F(IncidentSearchUseCase, ReindexFindsNothingToEmbedInAStoreOfTheModel) {
    auto outcome = reindexIncidents(root.string(), db);
    ASSERT_TRUE(outcome) << outcome.error().render();
    EXPECT_EQ(outcome->summary.embedded, 0u);
    EXPECT_EQ(outcome->summary.model, "devos-hash-v3-1024");
    EXPECT_EQ(reindexJson(*outcome)["embedded"], 0);
    EXPECT_NE(reindexText(*outcome).find("embedded 0 stored failures with devos-hash-v3-1024 in 0 batches"),
              std::string::npos);
}

// The store a --db names must open: the error says which option named it.
TEST_F(IncidentSearchUseCase, AStoreThatCannotBeOpenedNamesTheOption) {
    std::ofstream(root / "a-file") << "x";
    SearchRequest request{root.string(), (root / "a-file" / "t.db").string(), {}};
    request.query.text = "x";
    auto outcome = searchIncidents(request);
    ASSERT_FALSE(outcome);
    EXPECT_TRUE(outcome.error().message.starts_with("--db ")) << outcome.error().render();
}

} // namespace
} // namespace devos::search
