#include "heal/heal_output.hpp"
#include "heal/heal_use_cases.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::heal {
namespace {

namespace fs = std::filesystem;

// A folder that is no git repository, with its own telemetry file.
class HealUseCases : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("devos_heal_use_cases_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        db = (dir / "telemetry.db").string();
    }
    void TearDown() override { fs::remove_all(dir); }

    fs::path dir;
    std::string db;
};

TEST_F(HealUseCases, HealAndSyncNeedAGitRepository) {
    HealCommandRequest heal;
    heal.latest = true;
    heal.db = db;
    heal.workingDir = dir.string();
    auto healed = healFailure(heal);
    ASSERT_FALSE(healed);
    EXPECT_EQ(healed.error().kind, foundation::ErrorKind::Invalid);
    EXPECT_EQ(healed.error().message, "not inside a git repository");
    EXPECT_NE(healed.error().hint.find("devos heal"), std::string::npos);
    auto synced = syncOutcomes({dir.string(), db});
    ASSERT_FALSE(synced);
    EXPECT_EQ(synced.error().kind, foundation::ErrorKind::Invalid);
    EXPECT_NE(synced.error().hint.find("devos heal sync"), std::string::npos);
}

TEST_F(HealUseCases, AReportOfAnEmptyStoreCountsNothingAndPrintsItsWindow) {
    auto outcome = reportHeals({dir.string(), db, "7d"});
    ASSERT_TRUE(outcome) << outcome.error().render();
    EXPECT_EQ(outcome->storeName, db);
    EXPECT_EQ(outcome->window, "7d");
    EXPECT_EQ(outcome->report.attempts, 0);
    EXPECT_GT(outcome->since, 0);
    const auto json = healReportJson(*outcome);
    EXPECT_EQ(json["store"], db);
    EXPECT_EQ(json["window"], "7d");
    EXPECT_EQ(json["attempts"], 0);
    EXPECT_TRUE(json["mttr_with_selfheal_millis"].is_null());
    EXPECT_EQ(healReportText(*outcome), logic::healReportText(outcome->report, "7d"));
}

TEST_F(HealUseCases, AReportWindowThatIsNoDurationIsInvalid) {
    auto outcome = reportHeals({dir.string(), db, "a while"});
    ASSERT_FALSE(outcome);
    EXPECT_EQ(outcome.error().kind, foundation::ErrorKind::Invalid);
    EXPECT_NE(outcome.error().message.find("'a while' is not a duration"), std::string::npos);
}

TEST(HealOutput, SyncTextNamesTheBranchTheCountsAndEachChange) {
    SyncOutcome outcome;
    outcome.storeName = "t.db";
    outcome.report.defaultBranch = "main";
    outcome.report.head = "0123456789abcdef";
    outcome.report.proposalsChecked = 1;
    outcome.report.fixesChecked = 2;
    services::OutcomeChange change;
    change.subject = contracts::OutcomeSubject::Proposal;
    change.id = "01PROPOSAL";
    change.patternId = "abcdefabcdefabcdef";
    change.to.state = contracts::OutcomeState::Merged;
    change.to.mergedCommit = "fedcba9876543210";
    outcome.report.changes.push_back(change);
    EXPECT_EQ(syncText(outcome),
              "heal sync: main at 0123456; 1 proposal and 2 fixes checked, 1 changed\n"
              "  proposal 01PROPOSAL  pattern abcdefabcdef  open -> merged (in fedcba9)\n");
    const auto json = syncJson(outcome);
    EXPECT_EQ(json["changes"][0]["to"], "merged");
    EXPECT_EQ(json["changes"][0]["merged_commit"], "fedcba9876543210");
}

} // namespace
} // namespace devos::heal
