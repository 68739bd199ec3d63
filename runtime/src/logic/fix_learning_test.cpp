#include <devos/logic/fix_learning.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

EarlierFailure failure(std::string id, long long ts, std::string commit, bool ancestor, bool fixed = false) {
    EarlierFailure f;
    f.failure.id = std::move(id);
    f.failure.ts = ts;
    f.commitSha = std::move(commit);
    f.isAncestor = ancestor;
    f.alreadyFixed = fixed;
    return f;
}

} // namespace

TEST(FixLearning, ThePassFixesTheNewestUnfixedFailureAtAnAncestor) {
    const std::vector<EarlierFailure> c{failure("A", 100, "c1", true), failure("B", 300, "c3", true),
                                        failure("C", 400, "c9", false), failure("D", 500, "c4", true, true),
                                        failure("E", 600, "", true)};
    EXPECT_EQ(failureFixedByPass(c), 1u);
    const std::vector<EarlierFailure> none{failure("C", 400, "c9", false),
                                           failure("D", 500, "c4", true, true)};
    EXPECT_FALSE(failureFixedByPass(none));
    EXPECT_FALSE(failureFixedByPass({}));
}

TEST(FixLearning, AnAcceptedProposalIsRecognisedByItsTrailer) {
    const std::vector<std::string> messages{
        "fix rounding\n", "self-heal: fix X\n\nbody\n\nDevOS-Pattern: abc\nDevOS-Proposal: 01P \n"};
    EXPECT_EQ(acceptedProposal(messages), "01P");
    const std::vector<std::string> none{"mentions DevOS-Proposal: in the middle of a line\n",
                                        "DevOS-Proposal: \n"};
    EXPECT_FALSE(acceptedProposal(none));
}

TEST(FixLearning, FirstPartySourcesOnly) {
    EXPECT_TRUE(isFirstPartySource("src/logic/pricing.cpp"));
    EXPECT_TRUE(isFirstPartySource("include/orders/money.hpp"));
    EXPECT_FALSE(isFirstPartySource("README.md"));
    EXPECT_FALSE(isFirstPartySource("CMakeLists.txt"));
    EXPECT_FALSE(isFirstPartySource("third_party/json/json.hpp"));
    EXPECT_FALSE(isFirstPartySource("build-debug/gen/x.cpp"));
    EXPECT_FALSE(isFirstPartySource("src/vendor/x.cpp"));
}

TEST(FixLearning, TheDiffIsCappedAtAFileBoundary) {
    const std::vector<contracts::FilePatchText> patches{{"src/a.cpp", std::string(10, 'a')},
                                                        {"docs/x.md", std::string(50, 'x')},
                                                        {"src/b.cpp", std::string(10, 'b')},
                                                        {"src/c.cpp", std::string(10, 'c')}};
    const auto all = firstPartyDiff(patches, 100);
    EXPECT_EQ(all.diff, std::string(10, 'a') + std::string(10, 'b') + std::string(10, 'c'));
    EXPECT_FALSE(all.truncated);
    const auto capped = firstPartyDiff(patches, 25);
    EXPECT_EQ(capped.diff, std::string(10, 'a') + std::string(10, 'b'));
    EXPECT_TRUE(capped.truncated);
}

} // namespace devos::logic
