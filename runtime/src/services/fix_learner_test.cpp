#include <array>
#include <cstdio>
#include <cstdlib>
#include <devos/adapters/git/git_repo_history.hpp>
#include <devos/adapters/sqlite_store.hpp>
#include <devos/services/fix_learner.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::services {
namespace {

struct StepClock : ports::Clock {
    contracts::EpochMillis nowMillis() const override { return now; }
    contracts::EpochMillis now = 1700000000000;
};

struct CountingEntropy : ports::Entropy {
    void fill(std::span<std::uint8_t> out) override {
        for (auto& b : out)
            b = 0;
        out[out.size() - 1] = next++;
    }
    std::uint8_t next = 1;
};

class FixLearnerTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir / "src");
        sh("git init -q -b main");
    }
    void TearDown() override { std::filesystem::remove_all(dir); }

    void sh(const std::string& cmd) {
        ASSERT_EQ(std::system(("cd '" + dir.string() + "' && " + cmd).c_str()), 0) << cmd;
    }
    std::string commit(const std::string& path, const std::string& text) {
        std::ofstream(dir / path) << text;
        sh("git add -A && git -c user.name=t -c user.email=t@e commit -q -m c");
        std::array<char, 64> buf{};
        FILE* pipe = ::popen(("git -C '" + dir.string() + "' rev-parse HEAD").c_str(), "r");
        std::string sha = std::fgets(buf.data(), buf.size(), pipe) ? std::string(buf.data(), 40) : "";
        ::pclose(pipe);
        return sha;
    }
    // Stores a run at `commit` in which Pricing.Rounds failed (or passed), as ingest does.
    contracts::TestRun run(const std::string& commit, bool fails) {
        clock.now += 1000;
        contracts::IngestBatch b;
        b.run.runId = ids.next();
        b.run.startedAt = clock.now;
        b.run.commitSha = commit;
        if (fails) {
            contracts::TestFailure f;
            f.id = ids.next();
            f.runId = b.run.runId;
            f.ts = clock.now;
            f.suite = f.testName = "Pricing.Rounds";
            f.message = "expected 83, got 82";
            f.patternId = std::string(64, 'a');
            b.testFailures.push_back(f);
        } else {
            b.passedTests.push_back({"Pricing.Rounds", "Pricing.Rounds"});
        }
        EXPECT_TRUE(store->ingest(b));
        lastFailure = fails ? b.testFailures[0].id : lastFailure;
        return b.run;
    }
    std::vector<contracts::RecordedFix> learn(const contracts::TestRun& r) {
        const std::vector<contracts::TestCaseName> passed{{"Pricing.Rounds", "Pricing.Rounds"}};
        auto learned = learner.learn(r, passed);
        EXPECT_TRUE(learned) << learned.error().render();
        return learned.value_or(std::vector<contracts::RecordedFix>{});
    }

    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("devos_learn_" + std::to_string(::getpid()));
    StepClock clock;
    CountingEntropy entropy;
    IdGenerator ids{clock, entropy};
    std::unique_ptr<ports::TelemetryStore> store = std::move(*adapters::openSqliteStore(":memory:"));
    adapters::GitRepoHistory history;
    FixLearner learner{*store, history, ids, dir.string()};
    std::string lastFailure;
};

} // namespace

TEST_F(FixLearnerTest, APassAfterAFailureAtAnAncestorRecordsTheFirstPartyDiff) {
    const auto good = commit("src/rounding.cpp", "int r(int x) { return (x + 5) / 10; }\n");
    const auto bad = commit("src/rounding.cpp", "int r(int x) { return x / 10; }\n");
    run(bad, true);
    const std::string failure = lastFailure;
    std::ofstream(dir / "NOTES.md") << "not a source\n";
    const auto fixed = commit("src/rounding.cpp", "int r(int x) { return (x + 5) / 10; }\n");
    const auto learned = learn(run(fixed, false));
    ASSERT_EQ(learned.size(), 1u);
    const auto& fix = learned[0];
    EXPECT_EQ(fix.failureId, failure);
    EXPECT_EQ(fix.failingCommit, bad);
    EXPECT_EQ(fix.fixingCommit, fixed);
    EXPECT_EQ(fix.patternId, std::string(64, 'a'));
    EXPECT_EQ(fix.source, contracts::FixSource::History);
    EXPECT_NE(fix.diff.find("-int r(int x) { return x / 10; }\n+int r(int x) { return (x + 5) / 10; }"),
              std::string::npos);
    EXPECT_EQ(fix.diff.find("NOTES.md"), std::string::npos);
    EXPECT_FALSE(fix.diffTruncated);
    EXPECT_EQ(store->fixes({})->size(), 1u);
    (void)good;
    // A later pass fixes nothing new: the failure has its fix.
    const auto later = commit("src/other.cpp", "int o;\n");
    EXPECT_TRUE(learn(run(later, false)).empty());
}

TEST_F(FixLearnerTest, AMergedProposalIsRecordedAsAnAcceptedProposal) {
    commit("src/a.cpp", "int a = 1;\n");
    const auto bad = commit("src/a.cpp", "int a = 0;\n");
    run(bad, true);
    std::ofstream(dir / "src/a.cpp") << "int a = 1;\n";
    sh("git add -A && git -c user.name=t -c user.email=t@e commit -q -m 'self-heal: fix' -m 'DevOS-Pattern: "
       "aa' -m "
       "'DevOS-Proposal: 01PROPOSAL'");
    const auto merged = commit("src/b.cpp", "int b;\n");
    const auto learned = learn(run(merged, false));
    ASSERT_EQ(learned.size(), 1u);
    EXPECT_EQ(learned[0].source, contracts::FixSource::Proposal);
    EXPECT_EQ(learned[0].proposalId, "01PROPOSAL");
}

TEST_F(FixLearnerTest, FailuresElsewhereInTheGraphOrUnknownCommitsAreNotFixedByThePass) {
    const auto base = commit("src/a.cpp", "int a = 1;\n");
    sh("git checkout -q -b side");
    const auto side = commit("src/a.cpp", "int a = 2;\n");
    run(side, true);                 // failed on a branch the passing commit does not contain
    run(std::string(40, 'e'), true); // a commit this clone does not have
    sh("git checkout -q main");
    const auto next = commit("src/b.cpp", "int b;\n");
    EXPECT_TRUE(learn(run(next, false)).empty());
    EXPECT_TRUE(learner.learn(contracts::TestRun{}, {}).value().empty()); // no commit: nothing to learn
    (void)base;
}

} // namespace devos::services
