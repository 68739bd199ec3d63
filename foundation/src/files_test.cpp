#include <csignal>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <gtest/gtest.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace devos::foundation;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) {
    fs::path dir = fs::path(testing::TempDir()) / ("devos-files-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string contentOf(const fs::path& path) {
    auto text = readTextFile(path.string());
    return text ? *text : "<" + text.error().render() + ">";
}

// The folder holds only `name`: no temporary file was left behind.
void expectOnly(const fs::path& dir, const std::string& name) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{name});
}

// Runs `body` in a child process and returns its exit status (for limits and identities the test
// process must not keep).
template <typename Body> int inChild(Body body) {
    pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(body());
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace

TEST(Files, ReadsBytesAsTheyAre) {
    fs::path dir = freshDir("read");
    std::string bytes("a\0b\r\n\xff", 6);
    ASSERT_TRUE(writeFileAtomically((dir / "f").string(), bytes));
    auto read = readTextFile((dir / "f").string());
    ASSERT_TRUE(read) << read.error().render();
    EXPECT_EQ(*read, bytes);
}

TEST(Files, ReadingAMissingFileIsNotFoundAndAFolderIsIo) {
    fs::path dir = freshDir("read-missing");
    auto missing = readTextFile((dir / "none").string(), "the baseline");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(missing.error().file, (dir / "none").string());
    EXPECT_EQ(missing.error().message, "cannot read the baseline: No such file or directory");
    auto folder = readTextFile(dir.string());
    ASSERT_FALSE(folder);
    EXPECT_EQ(folder.error().kind, ErrorKind::Io);
}

TEST(Files, ReplacesTheContentAndLeavesNoTemporaryFile) {
    fs::path dir = freshDir("replace");
    std::string path = (dir / "out.json").string();
    ASSERT_TRUE(writeFileAtomically(path, "old"));
    ASSERT_TRUE(writeFileAtomically(path, "new content"));
    EXPECT_EQ(contentOf(path), "new content");
    expectOnly(dir, "out.json");
}

TEST(Files, CreatesMissingFoldersOnlyWhenAsked) {
    fs::path dir = freshDir("folders");
    std::string path = (dir / "a" / "b" / "out.txt").string();
    auto refused = writeFileAtomically(path, "x");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::Io);
    EXPECT_EQ(refused.error().file, path);
    EXPECT_NE(refused.error().message.find("No such file or directory"), std::string::npos)
        << refused.error().message;
    EXPECT_FALSE(fs::exists(dir / "a"));
    ASSERT_TRUE(writeFileAtomically(path, "x", {.folders = MissingFolders::Create}));
    std::string linked = (dir / "a" / "link.txt").string();
    fs::create_symlink("out.txt", linked); // a symlink to a file is replaced by the file
    ASSERT_TRUE(writeFileAtomically(linked, "y"));
    EXPECT_EQ(contentOf(linked), "y");
    EXPECT_EQ(contentOf(path), "x");
}

TEST(Files, AFolderThatCannotBeCreatedIsAnError) {
    fs::path dir = freshDir("folder-under-file");
    ASSERT_TRUE(writeFileAtomically((dir / "plain").string(), "a file, not a folder"));
    auto failed = writeFileAtomically((dir / "plain" / "sub" / "out").string(), "x",
                                      {.folders = MissingFolders::Create, .what = "the summary"});
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().kind, ErrorKind::Io);
    EXPECT_EQ(contentOf(dir / "plain"), "a file, not a folder");
}

TEST(Files, AReadOnlyFolderKeepsTheOldFile) {
    fs::path dir = freshDir("read-only");
    std::string path = (dir / "baseline.json").string();
    ASSERT_TRUE(writeFileAtomically(path, "old"));
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    // root writes into any folder: the write runs as nobody there, as a CI user would.
    int status = inChild([&] {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            return 3;
        auto written = writeFileAtomically(path, "new", {.what = "the baseline"});
        if (written)
            return 1;
        bool named =
            written.error().file == path &&
            written.error().message.rfind("cannot write the baseline (creating a temporary file", 0) == 0 &&
            written.error().message.find("Permission denied") != std::string::npos;
        return named ? 0 : 2;
    });
    fs::permissions(dir, fs::perms::owner_all);
    EXPECT_EQ(status, 0)
        << "1: the write succeeded, 2: the error does not name the file and cause, 3: no setuid";
    EXPECT_EQ(contentOf(path), "old");
    expectOnly(dir, "baseline.json");
}

TEST(Files, AWriteThatRunsOutOfSpaceKeepsTheOldFileAndRemovesTheTemporary) {
    fs::path dir = freshDir("full");
    std::string path = (dir / "summary.json").string();
    ASSERT_TRUE(writeFileAtomically(path, "old"));
    // The file size limit makes write(2) fail part way (EFBIG) exactly where a full disk (ENOSPC) would.
    int status = inChild([&] {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{4096, 4096};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0)
            return 3;
        auto written = writeFileAtomically(path, std::string(1 << 20, 'x'));
        if (written)
            return 1;
        return written.error().file == path && written.error().message.find("(writing)") != std::string::npos
                   ? 0
                   : 2;
    });
    EXPECT_EQ(status, 0)
        << "1: the write succeeded, 2: the error does not name the file and stage, 3: no limit";
    EXPECT_EQ(contentOf(path), "old");
    expectOnly(dir, "summary.json");
}

TEST(Files, AFullFileSystemKeepsTheOldFile) {
    fs::path dir = freshDir("tmpfs");
    // A 16 KiB tmpfs in a private mount namespace: a real ENOSPC. It needs CAP_SYS_ADMIN.
    int status = inChild([&] {
        if (::unshare(CLONE_NEWNS) != 0 ||
            ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
            ::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=16k") != 0)
            return 77;
        std::string path = (dir / "cache.json").string();
        if (!writeFileAtomically(path, "old"))
            return 4;
        auto written = writeFileAtomically(path, std::string(64 * 1024, 'x'));
        if (written)
            return 1;
        if (written.error().message.find("No space left on device") == std::string::npos)
            return 2;
        auto kept = readTextFile(path);
        if (!kept || *kept != "old")
            return 5;
        int entries = 0;
        for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir))
            ++entries;
        return entries == 1 ? 0 : 6;
    });
    if (status == 77)
        GTEST_SKIP() << "mounting a tmpfs needs CAP_SYS_ADMIN; the file size limit test covers the same path";
    EXPECT_EQ(status, 0)
        << "1: succeeded, 2: not ENOSPC, 4: setup, 5: old file changed, 6: temporary file left";
}

TEST(Files, AFolderOrDeviceAtThePathIsNotReplaced) {
    fs::path dir = freshDir("over-folder");
    fs::create_directories(dir / "out" / "inside");
    auto written = writeFileAtomically((dir / "out").string(), "x");
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().kind, ErrorKind::Invalid);
    EXPECT_NE(written.error().message.find("not a regular file"), std::string::npos)
        << written.error().message;
    fs::create_symlink("/dev/null", dir / "sink");
    ASSERT_FALSE(writeFileAtomically((dir / "sink").string(), "x"));
    EXPECT_TRUE(fs::is_symlink(dir / "sink"));
    fs::remove(dir / "sink");
    EXPECT_TRUE(fs::is_directory(dir / "out" / "inside"));
    expectOnly(dir, "out");
}

TEST(Files, ConcurrentWritersNeverShareATemporaryFile) {
    fs::path dir = freshDir("concurrent");
    std::string path = (dir / "entry.json").string();
    std::vector<int> statuses;
    for (int child = 0; child < 4; ++child) {
        pid_t pid = ::fork();
        if (pid == 0) {
            std::string text(8192, static_cast<char>('a' + child));
            for (int i = 0; i < 50; ++i)
                if (!writeFileAtomically(path, text))
                    ::_exit(1);
            ::_exit(0);
        }
        statuses.push_back(pid);
    }
    for (int pid : statuses) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    std::string text = contentOf(path);
    ASSERT_EQ(text.size(), 8192u);
    EXPECT_EQ(text.find_first_not_of(text[0]), std::string::npos) << "a reader saw a mix of two writes";
    expectOnly(dir, "entry.json");
}
