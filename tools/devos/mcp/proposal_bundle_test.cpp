#include "mcp/proposal_bundle.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace devos::mcp {
namespace {

const std::string kId = "01KBNHS8W8T7TQ1ZK2R4QW0Y3M";
const std::string kCommit = "0123456789abcdef0123456789abcdef01234567";
const std::string kBase = "89abcdef0123456789abcdef0123456789abcdef";

nlohmann::json report() {
    return {{"status", "proposed"},
            {"failure", {{"id", "F"}, {"commit", kBase}}},
            {"proposal",
             {{"id", kId},
              {"branch", "selfheal/" + kId},
              {"commit", kCommit},
              {"files", {"src/logic/pricing.cpp"}}}}};
}

TEST(ProposalBundle, ReadsAValidatedProposal) {
    auto b = readProposalReport(kId, report().dump(), "r.json");
    ASSERT_TRUE(b) << b.error().render();
    EXPECT_EQ(b->branch, "selfheal/" + kId);
    EXPECT_EQ(b->commit, kCommit);
    EXPECT_EQ(b->baseCommit, kBase);
    EXPECT_EQ(b->files, std::vector<std::string>{"src/logic/pricing.cpp"});
}

TEST(ProposalBundle, RefusesAnythingButItsOwnBranchAndRepoPaths) {
    auto stopped = report();
    stopped["status"] = "stopped";
    auto mainBranch = report();
    mainBranch["proposal"]["branch"] = "main";
    auto otherId = report();
    otherId["proposal"]["id"] = "01KBNHS8W8T7TQ1ZK2R4QW0Y3N";
    auto shortCommit = report();
    shortCommit["proposal"]["commit"] = "HEAD";
    auto outside = report();
    outside["proposal"]["files"] = {"../etc/passwd"};
    auto gitDir = report();
    gitDir["proposal"]["files"] = {".git/hooks/pre-commit"};
    for (const auto& bad : {stopped, mainBranch, otherId, shortCommit, outside, gitDir}) {
        auto b = readProposalReport(kId, bad.dump(), "r.json");
        ASSERT_FALSE(b) << bad.dump();
        EXPECT_EQ(b.error().file, "r.json");
    }
    EXPECT_FALSE(readProposalReport(kId, "{\"status\":", "r.json"));
    EXPECT_FALSE(readProposalReport(kId, "[]", "r.json"));
}

TEST(ProposalBundle, ProposalPathsStayInTheRepo) {
    for (const char* good : {"src/a.cpp", "CMakeLists.txt", "src/.devos/x", "a/.git"})
        EXPECT_TRUE(isProposalPath(good)) << good;
    for (const char* bad :
         {"", "/etc/passwd", "a/../../b", "./a", "a//b", "a/", ".devos/devos.yml", ".git/config", "a\\b"})
        EXPECT_FALSE(isProposalPath(bad)) << bad;
}

} // namespace
} // namespace devos::mcp
