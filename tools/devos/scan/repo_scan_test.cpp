// scan::scanRepo, the use case behind `devos scan`, over a real folder: the file checks, the secret
// checks (a secret from the generated corpus, so no key is written in this file), the parts, the
// depfile and a root that is not a folder.
#include "scan/repo_scan.hpp"
#include "secret_corpus.hpp"

#include <devos/foundation/files.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::scan {
namespace {

namespace fs = std::filesystem;

class RepoScanTest : public ::testing::Test {
protected:
    void SetUp() override {
        root = fs::temp_directory_path() / ("devos_repo_scan_test_" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root / "src");
        fs::create_directories(root / "build");
        for (const auto& c : devos::policy::corpus::secretCorpus(7, 1))
            if (c.decoy.empty() && !c.redactOnly && secret.empty())
                secret = c.text;
        ASSERT_FALSE(secret.empty());
        std::ofstream(root / "src/config.txt") << secret << "\n";
        std::ofstream(root / "src/main.o", std::ios::binary) << std::string("\x7f"
                                                                            "ELF\x02\x01\x01\0\0\0",
                                                                            10);
        std::ofstream(root / "build/left_out.o", std::ios::binary) << std::string("\x7f"
                                                                                  "ELF\x02\x01\x01\0\0\0",
                                                                                  10);
    }
    void TearDown() override { fs::remove_all(root); }

    std::vector<std::string> rulesFound(const RepoScanOutcome& outcome) const {
        std::vector<std::string> out;
        for (const auto& f : outcome.findings)
            out.push_back(f.ruleId + " " + f.at.file);
        return out;
    }

    fs::path root;
    std::string secret;
};

TEST_F(RepoScanTest, FindsTheSecretAndTheBinaryButNotTheBuildFolder) {
    auto scanned = scanRepo({.root = root.string()});
    ASSERT_TRUE(scanned) << scanned.error().render();
    EXPECT_EQ(scanned->root, root.string());
    EXPECT_EQ(rulesFound(*scanned),
              (std::vector<std::string>{"security.secret src/config.txt", "files.binary src/main.o"}));
}

TEST_F(RepoScanTest, OnePartChecksOnlyItsRules) {
    auto secrets = scanRepo({.root = root.string(), .files = false});
    ASSERT_TRUE(secrets) << secrets.error().render();
    EXPECT_EQ(rulesFound(*secrets), (std::vector<std::string>{"security.secret src/config.txt"}));
    auto files = scanRepo({.root = root.string(), .secrets = false});
    ASSERT_TRUE(files) << files.error().render();
    EXPECT_EQ(rulesFound(*files), (std::vector<std::string>{"files.binary src/main.o"}));
}

TEST_F(RepoScanTest, TheDepfileNamesEveryScannedFile) {
    const std::string depfile = (root / "scan.d").string();
    auto scanned = scanRepo({.root = root.string(), .depfile = depfile, .depfileTarget = "scan.stamp"});
    ASSERT_TRUE(scanned) << scanned.error().render();
    auto text = foundation::readTextFile(depfile);
    ASSERT_TRUE(text);
    EXPECT_TRUE(text->starts_with("scan.stamp:"));
    EXPECT_NE(text->find("src/config.txt"), std::string::npos);
    EXPECT_NE(text->find("src/main.o"), std::string::npos);
    EXPECT_EQ(text->find("left_out.o"), std::string::npos);
}

TEST_F(RepoScanTest, ARootThatIsNotAFolderIsAnErrorNamingIt) {
    auto missing = scanRepo({.root = (root / "nowhere").string()});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().file, (root / "nowhere").string());
    EXPECT_EQ(missing.error().message, "the folder to scan does not exist or is not a folder");
}

TEST_F(RepoScanTest, ABadRepoConfigIsItsError) {
    fs::create_directories(root / ".devos");
    std::ofstream(root / ".devos/devos.yml") << "tier: 1\nscna: {}\n";
    auto scanned = scanRepo({.root = root.string()});
    ASSERT_FALSE(scanned);
    EXPECT_EQ(scanned.error().line, 2u);
}

} // namespace
} // namespace devos::scan
