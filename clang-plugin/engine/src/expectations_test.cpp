#include <devos/engine/expectations.hpp>
#include <gtest/gtest.h>

using namespace devos::engine;

TEST(Expectations, ParsesMarkersWithOffsetsAndPrefixes) {
    std::string text = "int a; // expected-error {{bad a}}\n"
                       "// expected-warning@+1 {{bad b}}\n"
                       "int b;\n"
                       "// expected-error@1 {{first line}} linked-error {{cross}}\n"
                       "// devos-expected-error {{not a marker}}\n";
    auto marks = parseExpectations("f.cpp", text, {"expected", "linked"});
    ASSERT_EQ(marks.size(), 4u);
    EXPECT_EQ(marks[0].line, 1u);
    EXPECT_EQ(marks[1].line, 3u);
    EXPECT_EQ(marks[1].level, Level::Warning);
    EXPECT_EQ(marks[2].line, 1u);
    EXPECT_EQ(marks[3].prefix, "linked");
}

TEST(Expectations, ReportsSeenAndMissing) {
    Finding f;
    f.ruleId = "purity.clock";
    f.level = Level::Error;
    f.at = {"f.cpp", 1, 5};
    f.message = "logic/ must be deterministic";
    auto ok = verifyFindings(
        {f}, parseExpectations("f.cpp", "x // expected-error {{purity.clock] logic/}}", {"expected"}));
    EXPECT_TRUE(ok.empty());
    auto missing =
        verifyFindings({}, parseExpectations("f.cpp", "x // expected-error {{purity.clock}}", {"expected"}));
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_NE(missing[0].find("expected but not seen"), std::string::npos);
    auto unexpected = verifyFindings({f}, {});
    ASSERT_EQ(unexpected.size(), 1u);
    EXPECT_NE(unexpected[0].find("seen but not expected"), std::string::npos);
}
