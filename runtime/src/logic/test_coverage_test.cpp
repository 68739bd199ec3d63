#include <devos/logic/test_coverage.hpp>
#include <gtest/gtest.h>

namespace devos::logic {

TEST(TestCoverage, SplitsCtestNamesIntoSuiteAndName) {
    EXPECT_EQ(gtestNameOf("Pricing.BasisPointsRoundHalfUp").suite, "Pricing");
    EXPECT_EQ(gtestNameOf("Pricing.BasisPointsRoundHalfUp").name, "BasisPointsRoundHalfUp");
    EXPECT_EQ(gtestNameOf("Inst/Money.Adds/3").suite, "Money");
    EXPECT_EQ(gtestNameOf("Inst/Money.Adds/3").name, "Adds");
    EXPECT_EQ(gtestNameOf("orders_smoke").suite, "");
}

TEST(TestCoverage, CtestNamesOfStoredTests) {
    EXPECT_EQ(ctestNameOf("Pricing.Rounds", "Pricing.Rounds"), "Pricing.Rounds");
    EXPECT_EQ(ctestNameOf("Pricing", "Rounds"), "Pricing.Rounds");
    EXPECT_EQ(ctestNameOf("", "smoke"), "smoke");
}

TEST(TestCoverage, FindsTheFileThatDeclaresTheTest) {
    const std::vector<contracts::SourceFile> files{
        {"tests/a_test.cpp", "TEST(Pricing, Other) {}\nTEST(PricingX, Rounds) {}\n"},
        {"tests/b_test.cpp", "TEST_F( Pricing ,\n  Rounds ) {}\n"},
        {"tests/c_test.cpp", "MY_TEST(Pricing, Rounds) {}\n"}};
    EXPECT_EQ(findTestSource("Pricing.Rounds", files), "tests/b_test.cpp");
    EXPECT_EQ(findTestSource("Pricing.Missing", files), "");
    EXPECT_EQ(findTestSource("nodot", files), "");
    const std::vector<contracts::SourceFile> typed{{"t.cpp", "TYPED_TEST(Sum, Adds) {}"}};
    EXPECT_EQ(findTestSource("Sum/0.Adds", typed), "");
    EXPECT_EQ(findTestSource("Sum.Adds", typed), "t.cpp");
}

TEST(TestCoverage, ATestCoversWhatItIncludesAndTheirSources) {
    const std::vector<std::string> repo{"src/logic/pricing.hpp", "src/logic/pricing.cpp",
                                        "src/logic/validation.hpp", "src/logic/validation.cpp",
                                        "tests/unit/pricing_test.cpp"};
    const contracts::SourceFile test{
        "tests/unit/pricing_test.cpp",
        "#include \"logic/pricing.hpp\"\n#include <gtest/gtest.h>\n#include <vector>\n"};
    EXPECT_EQ(coveredFiles(test, repo),
              (std::vector<std::string>{"src/logic/pricing.cpp", "src/logic/pricing.hpp",
                                        "tests/unit/pricing_test.cpp"}));
}

TEST(TestCoverage, RecognisesCppSources) {
    EXPECT_TRUE(isCppSource("a/b.cpp"));
    EXPECT_TRUE(isCppSource("a/b.hpp"));
    EXPECT_FALSE(isCppSource("CMakeLists.txt"));
    EXPECT_FALSE(isCppSource("README.md"));
}

} // namespace devos::logic
