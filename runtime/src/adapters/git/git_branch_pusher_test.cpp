// Pushing a selfheal branch with libgit2 to a local bare repository (the remote), to a folder that
// is no repository, and to a remote that does not exist.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <devos/adapters/git/git_branch_pusher.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::adapters {
namespace {

namespace fs = std::filesystem;

class GitBranchPusherTest : public ::testing::Test {
protected:
    void SetUp() override {
        fs::remove_all(root);
        fs::create_directories(repo);
        sh("git init -q -b main '" + repo.string() + "' && git init -q --bare '" + remote.string() + "'");
        std::ofstream(repo / "a.cpp") << "int a;\n";
        sh("cd '" + repo.string() +
           "' && git add -A && git -c user.name=t -c user.email=t@e commit -q -m a && "
           "git branch selfheal/01J");
    }
    void TearDown() override { fs::remove_all(root); }
    void sh(const std::string& cmd) { ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd; }
    std::string out(const std::string& cmd) {
        std::array<char, 128> buf{};
        FILE* pipe = ::popen(cmd.c_str(), "r");
        std::string text = std::fgets(buf.data(), buf.size(), pipe) ? buf.data() : "";
        ::pclose(pipe);
        return text;
    }
    fs::path root = fs::temp_directory_path() / ("devos_push_" + std::to_string(::getpid()));
    fs::path repo = root / "repo";
    fs::path remote = root / "remote.git";
};

} // namespace

TEST_F(GitBranchPusherTest, PushesTheBranchToABareRemote) {
    auto pushed = GitBranchPusher().push(repo.string(), "selfheal/01J", remote.string());
    ASSERT_TRUE(pushed) << pushed.error().render();
    EXPECT_EQ(out("git -C '" + remote.string() + "' rev-parse selfheal/01J"),
              out("git -C '" + repo.string() + "' rev-parse selfheal/01J"));
    EXPECT_EQ(out("git -C '" + remote.string() + "' for-each-ref --format='%(refname)'"),
              "refs/heads/selfheal/01J\n")
        << "only the selfheal branch, never main";
}

TEST_F(GitBranchPusherTest, ARemoteThatIsNotARepositoryRefusesThePush) {
    const auto plain = root / "plain";
    fs::create_directories(plain);
    auto pushed = GitBranchPusher().push(repo.string(), "selfheal/01J", plain.string());
    ASSERT_FALSE(pushed);
    EXPECT_NE(pushed.error().message.find("cannot push selfheal/01J to " + plain.string()), std::string::npos)
        << pushed.error().message;
}

TEST_F(GitBranchPusherTest, AMissingRemoteOrBranchFailsNamingIt) {
    auto missing = GitBranchPusher().push(repo.string(), "selfheal/01J", (root / "nowhere.git").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("nowhere.git"), std::string::npos) << missing.error().message;
    auto noBranch = GitBranchPusher().push(repo.string(), "selfheal/none", remote.string());
    EXPECT_FALSE(noBranch);
}

TEST_F(GitBranchPusherTest, CredentialsInTheRemoteUrlAreNeverShown) {
    const std::string hidden(9, 'x'); // joined at run time: no URL with a password in the source
    auto pushed = GitBranchPusher().push(repo.string(), "selfheal/01J",
                                         "http://dev:" + hidden + "@127.0.0.1:1/acme/orders.git");
    ASSERT_FALSE(pushed);
    EXPECT_EQ(pushed.error().render().find(hidden), std::string::npos) << pushed.error().render();
    EXPECT_NE(pushed.error().render().find("http://***@127.0.0.1:1/acme/orders.git"), std::string::npos)
        << pushed.error().render();
}

} // namespace devos::adapters

namespace devos::adapters {

TEST_F(GitBranchPusherTest, AFastForwardNeedsAnExistingBranchThatIsAnAncestor) {
    auto noDev = GitBranchPusher().fastForward(repo.string(), "selfheal/01J", "dev", remote.string());
    ASSERT_FALSE(noDev);
    EXPECT_EQ(noDev.error().message, "the remote " + remote.string() + " has no branch dev");
    sh("cd '" + repo.string() + "' && git push -q '" + remote.string() + "' main:refs/heads/dev");
    std::ofstream(repo / "b.cpp") << "int b;\n";
    sh("cd '" + repo.string() +
       "' && git add -A && git -c user.name=t -c user.email=t@e commit -q -m b && git branch -f "
       "selfheal/01J");
    auto moved = GitBranchPusher().fastForward(repo.string(), "selfheal/01J", "dev", remote.string());
    ASSERT_TRUE(moved) << moved.error().render();
    EXPECT_EQ(out("git -C '" + remote.string() + "' rev-parse dev"),
              out("git -C '" + repo.string() + "' rev-parse selfheal/01J"));
    // Already there: nothing to push, still fine.
    EXPECT_TRUE(GitBranchPusher().fastForward(repo.string(), "selfheal/01J", "dev", remote.string()));
    // A branch that is not a descendant of dev is refused and dev stays.
    sh("cd '" + repo.string() + "' && git branch -f selfheal/02K HEAD~1");
    auto back = GitBranchPusher().fastForward(repo.string(), "selfheal/02K", "dev", remote.string());
    ASSERT_FALSE(back);
    EXPECT_NE(back.error().message.find("selfheal/02K does not fast-forward dev"), std::string::npos)
        << back.error().message;
    EXPECT_EQ(out("git -C '" + remote.string() + "' rev-parse dev"),
              out("git -C '" + repo.string() + "' rev-parse selfheal/01J"));
}

} // namespace devos::adapters

namespace devos::adapters {

TEST_F(GitBranchPusherTest, AnUnreachableRemoteIsRetriedWithBackoff) {
    auto down = GitBranchPusher(3, std::chrono::milliseconds(100))
                    .push(repo.string(), "selfheal/01J", "http://127.0.0.1:1/acme/orders.git");
    ASSERT_FALSE(down);
    EXPECT_EQ(down.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_NE(down.error().message.find("(3 tries)"), std::string::npos) << down.error().message;
}

} // namespace devos::adapters
