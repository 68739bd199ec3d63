#include <array>
#include <cstdio>
#include <cstdlib>
#include <devos/adapters/git/git_repo_history.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::adapters {
namespace {

class GitRepoHistoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir / "src");
        git("init -q -b main");
    }
    void TearDown() override { std::filesystem::remove_all(dir); }

    void git(const std::string& args) {
        const std::string cmd = "cd '" + dir.string() + "' && git -c user.name=t -c user.email=t@e " + args;
        ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    }
    std::string commit(const std::string& path, const std::string& text) {
        std::ofstream(dir / path) << text;
        git("add -A && git -c user.name=t -c user.email=t@e commit -q -m c");
        return revParse("HEAD");
    }
    std::string revParse(const std::string& rev) {
        const std::string cmd = "git -C '" + dir.string() + "' rev-parse " + rev;
        std::array<char, 64> buf{};
        FILE* pipe = ::popen(cmd.c_str(), "r");
        std::string out = std::fgets(buf.data(), buf.size(), pipe) ? buf.data() : "";
        ::pclose(pipe);
        return out.substr(0, 40);
    }

    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("devos_history_" + std::to_string(::getpid()));
};

} // namespace

TEST_F(GitRepoHistoryTest, AncestryIsStrictAndFollowsTheGraph) {
    const auto c1 = commit("src/a.cpp", "int a = 1;\n");
    const auto c2 = commit("src/a.cpp", "int a = 2;\n");
    git("checkout -q -b side " + c1);
    const auto side = commit("src/b.cpp", "int b;\n");
    GitRepoHistory history;
    EXPECT_EQ(history.isAncestor(dir.string(), c1, c2), true);
    EXPECT_EQ(history.isAncestor(dir.string(), c2, c1), false);
    EXPECT_EQ(history.isAncestor(dir.string(), c2, c2), false);
    EXPECT_EQ(history.isAncestor(dir.string(), c2, side), false);
    auto unknown = history.isAncestor(dir.string(), std::string(40, 'e'), c2);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, contracts::ErrorKind::NotFound);
}

TEST_F(GitRepoHistoryTest, CommitsBetweenTwoCommitsOldestFirst) {
    const auto c1 = commit("src/a.cpp", "1\n");
    commit("src/a.cpp", "2\n");
    const auto c3 = commit("src/a.cpp", "3\n");
    auto commits = GitRepoHistory().commits(dir.string(), c1, c3);
    ASSERT_TRUE(commits) << commits.error().render();
    ASSERT_EQ(commits->size(), 2u);
    EXPECT_EQ(commits->back().message, "c\n") << "oldest first";
    EXPECT_EQ(commits->back().sha, c3);
    EXPECT_EQ(commits->back().parents, std::vector<std::string>{commits->front().sha});
    EXPECT_GT(commits->back().time, 0);
    auto one = GitRepoHistory().commit(dir.string(), c3);
    ASSERT_TRUE(one) << one.error().render();
    EXPECT_EQ(*one, commits->back());
    EXPECT_FALSE(GitRepoHistory().commit(dir.string(), "0123456789012345678901234567890123456789"));
}

TEST_F(GitRepoHistoryTest, DiffGivesOnePatchPerFile) {
    const auto c1 = commit("src/a.cpp", "int a = 1;\nint keep;\n");
    std::ofstream(dir / "README.md") << "hello\n";
    const auto c2 = commit("src/a.cpp", "int a = 2;\nint keep;\n");
    auto patches = GitRepoHistory().diff(dir.string(), c1, c2);
    ASSERT_TRUE(patches) << patches.error().render();
    ASSERT_EQ(patches->size(), 2u);
    EXPECT_EQ((*patches)[0].path, "README.md");
    EXPECT_EQ((*patches)[1].path, "src/a.cpp");
    EXPECT_NE((*patches)[1].text.find("diff --git a/src/a.cpp b/src/a.cpp"), std::string::npos);
    EXPECT_NE((*patches)[1].text.find("-int a = 1;\n+int a = 2;\n"), std::string::npos);
    EXPECT_FALSE(GitRepoHistory().diff("/proc", c1, c2));
}

} // namespace devos::adapters
