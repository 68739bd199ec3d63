#include <devos/logic/run_metadata.hpp>
#include <gtest/gtest.h>

namespace devos::logic {

TEST(RunMetadata, LocalRunsUseGit) {
    auto meta = runMetadataFrom({"abc123", "main", "orders"}, {});
    EXPECT_EQ(meta.source, contracts::RunSource::Local);
    EXPECT_EQ(meta.branch, "main");
    EXPECT_EQ(meta.commitSha, "abc123");
    EXPECT_EQ(meta.ciProvider, "");
}

TEST(RunMetadata, CiValuesWinOverADetachedHead) {
    auto meta = runMetadataFrom(
        {"abc123", "", "orders"},
        {{"GITHUB_ACTIONS", "true"}, {"GITHUB_RUN_ID", "77"}, {"GITHUB_REF_NAME", "feature/x"}});
    EXPECT_EQ(meta.source, contracts::RunSource::Ci);
    EXPECT_EQ(meta.ciProvider, "github");
    EXPECT_EQ(meta.ciJobId, "77");
    EXPECT_EQ(meta.branch, "feature/x");
    EXPECT_EQ(meta.commitSha, "abc123");
}

TEST(RunMetadata, GenericCiFlag) {
    auto meta = runMetadataFrom({}, {{"CI", "true"}});
    EXPECT_EQ(meta.source, contracts::RunSource::Ci);
    EXPECT_EQ(meta.ciProvider, "generic");
}

} // namespace devos::logic
