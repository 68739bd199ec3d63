#include "sbom/spdx_expression.hpp"

#include <gtest/gtest.h>

namespace devos::sbom {
namespace {

using Kind = SpdxExpression::Kind;

SpdxExpression id(std::string license) {
    return {Kind::License, std::move(license), {}};
}
SpdxExpression all(std::vector<SpdxExpression> operands) {
    return {Kind::And, "", std::move(operands)};
}
SpdxExpression any(std::vector<SpdxExpression> operands) {
    return {Kind::Or, "", std::move(operands)};
}

SpdxExpression parsed(std::string_view text) {
    auto expression = parseSpdxExpression(text);
    EXPECT_TRUE(expression) << text << ": " << expression.error().render();
    return expression ? *expression : SpdxExpression{};
}

TEST(SpdxExpression, ParenthesesGroup) {
    EXPECT_EQ(parsed("(MIT OR Apache-2.0) AND Zlib"), all({any({id("MIT"), id("Apache-2.0")}), id("Zlib")}));
    EXPECT_EQ(parsed("MIT OR (Apache-2.0 AND Zlib)"), any({id("MIT"), all({id("Apache-2.0"), id("Zlib")})}));
    EXPECT_EQ(parsed("((MIT))"), id("MIT"));
    EXPECT_EQ(parsed("(MIT OR Apache-2.0)AND(Zlib)"), all({any({id("MIT"), id("Apache-2.0")}), id("Zlib")}));
}

TEST(SpdxExpression, AndBindsTighterThanOrAndWithTighterStill) {
    EXPECT_EQ(parsed("MIT AND Zlib OR BSD-3-Clause"),
              any({all({id("MIT"), id("Zlib")}), id("BSD-3-Clause")}));
    EXPECT_EQ(parsed("GPL-3.0-or-later WITH Bison-exception-2.2 OR MIT"),
              any({id("GPL-3.0-or-later WITH Bison-exception-2.2"), id("MIT")}));
    EXPECT_EQ(parsed("a AND b AND c"), all({id("a"), id("b"), id("c")}));
    EXPECT_EQ(parsed("mit or zlib"), any({id("mit"), id("zlib")}));
    EXPECT_EQ(parsed("LicenseRef-Custom+"), id("LicenseRef-Custom+"));
}

TEST(SpdxExpression, MalformedExpressionsAreErrorsSayingWhere) {
    for (std::string_view text : {"", "(MIT OR Apache-2.0", "MIT OR", "AND MIT", "MIT Zlib", "MIT )", "()",
                                  "MIT WITH", "(MIT OR Zlib) WITH exception", "MIT OR OR Zlib"}) {
        auto expression = parseSpdxExpression(text);
        ASSERT_FALSE(expression) << "'" << text << "' parsed";
        EXPECT_EQ(expression.error().kind, foundation::ErrorKind::Invalid);
    }
    EXPECT_EQ(parseSpdxExpression("(MIT OR Apache-2.0").error().message,
              "not a valid SPDX license expression: ')' is missing at byte 19 of '(MIT OR Apache-2.0'");
}

} // namespace
} // namespace devos::sbom
