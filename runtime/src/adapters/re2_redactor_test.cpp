#include <devos/adapters/re2_redactor.hpp>
#include <gtest/gtest.h>

namespace devos::adapters {
namespace {

std::string redacted(std::string_view text) {
    static const auto redactor = makeDefaultRedactor();
    EXPECT_TRUE(redactor) << redactor.error().render();
    return (*redactor)->redact(text);
}

TEST(Re2Redactor, RemovesEverySecretKind) {
    EXPECT_EQ(redacted("Authorization: Bearer abc.DEF-123_x"), "Authorization: Bearer [REDACTED]");
    EXPECT_EQ(redacted("api_key: k-12345 and API-KEY=zzz"), "api_key: [REDACTED] and API-KEY=[REDACTED]");
    EXPECT_EQ(redacted("key sk-abcdefghijklmnopqrstuvwx1234"), "key sk-[REDACTED]");
    EXPECT_EQ(redacted("password=hunter2; user=bob"), "password=[REDACTED]; user=bob");
    EXPECT_EQ(redacted("contact alice.smith@example.com now"), "contact [REDACTED EMAIL] now");
    EXPECT_EQ(redacted("id AKIAIOSFODNN7EXAMPLE used"), "id [REDACTED AWS KEY] used");
    EXPECT_EQ(redacted("token ghp_0123456789abcdefghijABCDEFGHIJklmnop"), "token [REDACTED GITHUB TOKEN]");
    EXPECT_EQ(redacted("dsn postgresql://app:s3cr3t@db:5432/orders"),
              "dsn postgresql://app:[REDACTED]@db:5432/orders");
    EXPECT_EQ(
        redacted("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
        "jwt [REDACTED JWT]");
    EXPECT_EQ(redacted("k=-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nxyz\n-----END RSA PRIVATE KEY----- end"),
              "k=[REDACTED PRIVATE KEY] end");
}

TEST(Re2Redactor, LeavesOrdinaryTextAlone) {
    std::string text = "expected 3 orders, got 2 in OrderRepo::save (src/repo.cpp:42)";
    EXPECT_EQ(redacted(text), text);
}

TEST(Re2Redactor, RejectsBadRulesNamingTheRule) {
    auto bad =
        makeRe2Redactor("rules:\n  - id: broken\n    pattern: '(unclosed'\n    replacement: x\n", "mine.yml");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().render().find("mine.yml:2"), std::string::npos) << bad.error().render();
    EXPECT_NE(bad.error().message.find("broken"), std::string::npos);
    EXPECT_FALSE(makeRe2Redactor("rules: 3", "x.yml"));
}

} // namespace
} // namespace devos::adapters
