#include <devos/foundation/text.hpp>
#include <devos/logic/proposal_validation.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

using contracts::PathKind;

const std::vector<std::string> kRepo{"CMakeLists.txt",
                                     "src/logic/pricing.hpp",
                                     "src/logic/pricing.cpp",
                                     "src/logic/validation.cpp",
                                     "src/adapters/store.cpp",
                                     "src/auth/token.cpp",
                                     "tests/unit/pricing_test.cpp",
                                     "include/orders/money.hpp"};

// A valid one-line fix of the covered logic file; tests adjust one field each.
ValidationInput validInput() {
    ValidationInput in;
    in.diffs = {{"src/logic/pricing.cpp", "#include \"logic/pricing.hpp\"\nint f() { return 1; }\n",
                 "#include \"logic/pricing.hpp\"\nint f() { return 2; }\n"}};
    for (const auto& f : kRepo)
        in.facts.push_back({f, PathKind::Regular, false});
    in.repoFiles = kRepo;
    in.buildDirs = {"build"};
    in.failingTest = "Pricing.Rounds";
    in.failingTestSource = "tests/unit/pricing_test.cpp";
    in.coveredFiles = {"src/logic/pricing.cpp", "src/logic/pricing.hpp", "tests/unit/pricing_test.cpp"};
    return in;
}

std::vector<std::string> rulesOf(const ValidationInput& in, const contracts::SelfHealConfig& config = {}) {
    std::vector<std::string> rules;
    for (const auto& r : validateProposal(in, config))
        rules.push_back(r.rule);
    return rules;
}

using Rules = std::vector<std::string>;

} // namespace

TEST(ProposalValidation, AValidProposalBreaksNoRule) {
    EXPECT_EQ(rulesOf(validInput()), Rules{});
}

TEST(ProposalValidation, PathsMustStayInTheRepository) {
    for (std::string_view bad : {"../etc/passwd", "src/../../x.cpp", "/etc/passwd", "~/x", "src\\a.cpp",
                                 "C:/x", "", "src//a.cpp", "./src/a.cpp"}) {
        auto r = checkProposedPath(bad);
        ASSERT_TRUE(r) << bad;
        EXPECT_EQ(r->rule, "path.outside-repo") << bad;
    }
    EXPECT_EQ(checkProposedPath(".git/hooks/pre-commit")->rule, "path.git-dir");
    EXPECT_EQ(checkProposedPath("sub/.GIT/config")->rule, "path.git-dir");
    EXPECT_FALSE(checkProposedPath("src/logic/pricing.cpp"));
    auto in = validInput();
    in.diffs[0].path = "../outside.cpp";
    EXPECT_EQ(rulesOf(in), Rules{"path.outside-repo"});
}

TEST(ProposalValidation, SymlinksMissingFilesAndFoldersAreRejected) {
    auto in = validInput();
    in.facts[2].kind = PathKind::Symlink;
    EXPECT_EQ(rulesOf(in), Rules{"path.symlink"});
    in = validInput();
    in.facts[2].viaSymlink = true;
    EXPECT_EQ(rulesOf(in), Rules{"path.symlink"});
    in = validInput();
    in.facts[2].kind = PathKind::Directory;
    EXPECT_EQ(rulesOf(in), Rules{"path.not-a-file"});
    in = validInput();
    in.facts.erase(in.facts.begin() + 2);
    EXPECT_EQ(rulesOf(in), Rules{"path.missing"});
}

TEST(ProposalValidation, SensitivePathsAndBuildOutputsAreRejected) {
    auto in = validInput();
    in.diffs[0].path = "src/auth/token.cpp";
    const auto rejections = validateProposal(in, {});
    ASSERT_EQ(rejections.size(), 1u);
    EXPECT_EQ(rejections[0].rule, "path.sensitive");
    EXPECT_NE(rejections[0].message.find("'**/auth/**'"), std::string::npos);
    for (const char* out : {"build/src/logic/x.cpp", "build-release/gen.hpp", "src/CMakeFiles/x.cpp",
                            "src/a.o", "compile_commands.json"}) {
        in = validInput();
        in.diffs[0].path = out;
        in.facts.push_back({out, PathKind::Regular, false});
        EXPECT_EQ(rulesOf(in), Rules{"path.build-output"}) << out;
    }
    in = validInput();
    in.buildDirs = {"out/x"};
    in.diffs[0].path = "out/x/gen.cpp";
    in.facts.push_back({"out/x/gen.cpp", PathKind::Regular, false});
    EXPECT_EQ(rulesOf(in), Rules{"path.build-output"});
}

TEST(ProposalValidation, NoNewCMakeDependency) {
    const std::string before = "project(x)\nfind_package(GTest REQUIRED)\nadd_library(core a.cpp)\n"
                               "target_link_libraries(core PUBLIC fmt)\n";
    auto in = validInput();
    in.coveredFiles.clear();
    in.diffs = {{"CMakeLists.txt", before, before + "find_package(Boost REQUIRED) # new\n"}};
    auto rejections = validateProposal(in, {});
    ASSERT_EQ(rejections.size(), 1u);
    EXPECT_EQ(rejections[0].rule, "dependency.find-package");
    EXPECT_EQ(rejections[0].line, 5u);
    in.diffs = {{"CMakeLists.txt", before,
                 before + "include(FetchContent)\nFetchContent_Declare(json URL "
                          "https://x)\nFetchContent_MakeAvailable(json)\n"}};
    EXPECT_EQ(rulesOf(in), (Rules{"dependency.fetchcontent"}));
    in.diffs = {{"CMakeLists.txt", before,
                 "project(x)\nfind_package(GTest REQUIRED)\nadd_library(core a.cpp)\n"
                 "target_link_libraries(core\n  PUBLIC fmt\n  PRIVATE ssl)\n"}};
    rejections = validateProposal(in, {});
    ASSERT_EQ(rejections.size(), 1u);
    EXPECT_EQ(rejections[0].rule, "dependency.link");
    EXPECT_NE(rejections[0].message.find("links ssl into core"), std::string::npos);
    // Reformatting or moving an existing call adds nothing; comments are not calls.
    in.diffs = {{"CMakeLists.txt", before,
                 "project(x)\n# find_package(Boost)\nfind_package( GTest  REQUIRED )\n"
                 "add_library(core a.cpp)\ntarget_link_libraries(core PUBLIC \"fmt\")\n"}};
    EXPECT_EQ(rulesOf(in), Rules{});
}

TEST(ProposalValidation, NoIncludeOfAForeignHeader) {
    auto in = validInput();
    const std::string base = "#include \"logic/pricing.hpp\"\n#include <vector>\nint f();\n";
    in.diffs = {{"src/logic/pricing.cpp", base, base + "#include <boost/optional.hpp>\n"}};
    auto rejections = validateProposal(in, {});
    ASSERT_EQ(rejections.size(), 1u);
    EXPECT_EQ(rejections[0].rule, "dependency.include");
    EXPECT_EQ(rejections[0].line, 4u);
    in.diffs = {{"src/logic/pricing.cpp", base,
                 base + "#include <algorithm>\n#include \"orders/money.hpp\"\n#include \"pricing.hpp\"\n"}};
    EXPECT_EQ(rulesOf(in), Rules{});
}

TEST(ProposalValidation, LogicChangesNeedACoveringTest) {
    auto in = validInput();
    in.diffs[0].path = "src/logic/validation.cpp";
    auto rejections = validateProposal(in, {});
    ASSERT_EQ(rejections.size(), 1u);
    EXPECT_EQ(rejections[0].rule, "logic.untested");
    EXPECT_NE(rejections[0].message.find("Pricing.Rounds does not include"), std::string::npos);
    in.diffs[0].path = "src/adapters/store.cpp"; // not logic: the proof's tests are enough
    EXPECT_EQ(rulesOf(in), Rules{});
    in = validInput();
    in.failingTest.clear();
    in.coveredFiles.clear();
    EXPECT_EQ(rulesOf(in), Rules{"logic.untested"});
}

TEST(ProposalValidation, TheFailingTestMayNotBeEdited) {
    auto in = validInput();
    in.diffs[0].path = "tests/unit/pricing_test.cpp";
    EXPECT_EQ(rulesOf(in), Rules{"test.edits-failing-test"});
}

TEST(ProposalValidation, LimitsAndEmptyProposals) {
    auto in = validInput();
    contracts::SelfHealConfig config;
    config.limits.maxChangedLines = 1;
    EXPECT_EQ(rulesOf(in, config), Rules{"limits.lines"});
    config = {};
    config.limits.maxFiles = 1;
    in.diffs.push_back({"src/adapters/store.cpp", "a\n", "b\n"});
    EXPECT_EQ(rulesOf(in, config), Rules{"limits.files"});
    in.diffs.clear();
    EXPECT_EQ(rulesOf(in), Rules{"diff.empty"});
}

TEST(ProposalValidation, PathClassifiers) {
    EXPECT_TRUE(isLogicPath("src/logic/pricing.cpp"));
    EXPECT_TRUE(isLogicPath("include/devos/logic/x.hpp"));
    EXPECT_FALSE(isLogicPath("src/services/logic.cpp"));
    EXPECT_TRUE(isTestPath("tests/unit/a.cpp"));
    EXPECT_TRUE(isTestPath("src/logic/a_test.cpp"));
    EXPECT_FALSE(isTestPath("src/logic/a.cpp"));
    EXPECT_TRUE(isCMakePath("cmake/Deps.cmake"));
    EXPECT_TRUE(isStandardHeader("vector"));
    EXPECT_FALSE(isStandardHeader("boost/any.hpp"));
    EXPECT_EQ(resolveInclude("pricing.hpp", "src/logic/pricing.cpp", kRepo), "src/logic/pricing.hpp");
    EXPECT_EQ(resolveInclude("nope.hpp", "src/logic/pricing.cpp", kRepo), "");
    const auto incs = foundation::includeDirectives(
        "  #  include <a.h>\n#include \"b/c.hpp\" // x\n#define X\n#include MACRO\n");
    ASSERT_EQ(incs.size(), 2u);
    EXPECT_EQ(incs[1].header, "b/c.hpp");
    EXPECT_EQ(incs[1].line, 2u);
}

} // namespace devos::logic
