#include <devos/logic/ingest_key.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

contracts::IngestBatch report() {
    contracts::IngestBatch b;
    b.run.tool = "ctest";
    b.run.total = 3;
    b.run.failed = 1;
    b.run.passed = 2;
    b.testFailures.push_back({});
    b.testFailures[0].suite = "Repo";
    b.testFailures[0].testName = "Saves";
    b.testFailures[0].message = "expected 1, got 2";
    b.passedTests.push_back({"Repo", "Loads"});
    return b;
}

const contracts::RunMetadata kAtCommit{contracts::RunSource::Ci, "orders", "main", "abc", "github", "7"};

TEST(IngestKey, IgnoresIdsTimesAndVectorsSoARetryHasTheSameKey) {
    auto first = report();
    auto retry = report();
    retry.run.runId = "01J0000000000000000000000X";
    retry.run.startedAt = 99;
    retry.testFailures[0].id = "01J0000000000000000000000Y";
    retry.testFailures[0].ts = 42;
    retry.embeddings.push_back({"test_failure", "x", "m", {1.0f}});
    EXPECT_EQ(ingestKey(first, kAtCommit), ingestKey(retry, kAtCommit));
    EXPECT_EQ(ingestKey(first, kAtCommit).size(), 64u);
}

TEST(IngestKey, ChangesWithTheContentAndWithWhereTheRunCameFrom) {
    const auto key = ingestKey(report(), kAtCommit);
    auto otherMessage = report();
    otherMessage.testFailures[0].message = "expected 1, got 3";
    EXPECT_NE(ingestKey(otherMessage, kAtCommit), key);
    auto otherPass = report();
    otherPass.passedTests[0].testName = "Deletes";
    EXPECT_NE(ingestKey(otherPass, kAtCommit), key);
    auto atOtherCommit = kAtCommit;
    atOtherCommit.commitSha = "def";
    EXPECT_NE(ingestKey(report(), atOtherCommit), key);
    auto otherJob = kAtCommit;
    otherJob.ciJobId = "8";
    EXPECT_NE(ingestKey(report(), otherJob), key);
}

TEST(IngestKey, FieldBoundariesCannotBeShifted) {
    auto a = report();
    a.testFailures[0].suite = "Repo";
    a.testFailures[0].testName = "Saves";
    auto b = report();
    b.testFailures[0].suite = "RepoS";
    b.testFailures[0].testName = "aves";
    EXPECT_NE(ingestKey(a, kAtCommit), ingestKey(b, kAtCommit));
}

} // namespace
} // namespace devos::logic
