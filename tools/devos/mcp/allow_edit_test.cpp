#include "mcp/allow_edit.hpp"

#include <gtest/gtest.h>

namespace devos::mcp {
namespace {

const std::string kFile = "int f() {\n    return std::time(nullptr);\n}\n";

AllowRequest request() {
    return {"purity.clock", 2, "legacy timestamp, replaced in PLAT-12", "2027-01-31", "2026-12-03"};
}

TEST(AllowEdit, InsertsAnIndentedCommentAboveTheFindingThatTheEngineParses) {
    auto edit = insertAllowComment(kFile, request());
    ASSERT_TRUE(edit) << edit.error().render();
    EXPECT_EQ(edit->text, "int f() {\n    // devos-allow(purity.clock): legacy timestamp, replaced in "
                          "PLAT-12 until 2027-01-31\n"
                          "    return std::time(nullptr);\n}\n");
    EXPECT_EQ(edit->commentLine, 2U);
    EXPECT_FALSE(edit->alreadyAllowed);
}

TEST(AllowEdit, ASecondAllowOfTheSameFindingChangesNothing) {
    auto first = insertAllowComment(kFile, request());
    ASSERT_TRUE(first);
    auto again = request();
    again.line = 3;
    auto second = insertAllowComment(first->text, again);
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->alreadyAllowed);
    EXPECT_EQ(second->text, first->text);
}

TEST(AllowEdit, ReasonAndExpiryAreCheckedStrictly) {
    for (const char* reason : {"", "two\nlines", "sneaky until 2099-01-01"}) {
        auto r = request();
        r.reason = reason;
        EXPECT_FALSE(insertAllowComment(kFile, r)) << reason;
    }
    EXPECT_FALSE(insertAllowComment(kFile, [] {
        auto r = request();
        r.reason = std::string(201, 'x');
        return r;
    }()));
    for (const char* until :
         {"2026-12-03", "2026-11-01", "2027-02-30", "2028-12-31", "27-01-31", "2027-1-31", "soon"}) {
        auto r = request();
        r.until = until;
        auto edit = insertAllowComment(kFile, r);
        ASSERT_FALSE(edit) << until;
        EXPECT_NE(edit.error().hint.find("within 365 days (allow.max_days)"), std::string::npos);
    }
    auto shortCap = request(); // the repo's allow.max_days, not a year, bounds the date
    shortCap.maxDays = 30;
    EXPECT_FALSE(insertAllowComment(kFile, shortCap));
    auto r = request();
    r.line = 9;
    EXPECT_FALSE(insertAllowComment(kFile, r));
}

} // namespace
} // namespace devos::mcp
