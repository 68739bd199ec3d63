#include <cstdlib>
#include <devos/adapters/git/git_repo_inspector.hpp>
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::adapters {

TEST(GitRepoInspector, ReadsBranchAndCommitOfARealRepo) {
    auto dir = std::filesystem::temp_directory_path() / ("devos_git_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "sub");
    std::string cmd = "cd '" + dir.string() +
                      "' && git init -q -b trunk && git -c user.name=t -c user.email=t@e "
                      "commit -q --allow-empty -m init";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    auto head = GitRepoInspector().head((dir / "sub").string());
    ASSERT_TRUE(head) << head.error().render();
    EXPECT_EQ(head->branch, "trunk");
    EXPECT_EQ(head->commitSha.size(), 40u);
    EXPECT_EQ(head->repository, dir.filename().string());
    std::filesystem::remove_all(dir);
}

TEST(GitRepoInspector, FailsOutsideARepo) {
    auto head = GitRepoInspector().head("/proc");
    ASSERT_FALSE(head);
    EXPECT_EQ(head.error().kind, contracts::ErrorKind::NotFound);
}

} // namespace devos::adapters
