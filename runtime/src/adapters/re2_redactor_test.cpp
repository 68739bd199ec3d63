#include <devos/adapters/re2_redactor.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::adapters {
namespace {

// The fake secrets are assembled at run time so this file holds none the scan would find.
std::string join(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (auto part : parts)
        out += part;
    return out;
}

std::string redacted(std::string_view text) {
    static const auto redactor = makeDefaultRedactor();
    EXPECT_TRUE(redactor) << redactor.error().render();
    return (*redactor)->redact(text);
}

std::string writeConfig(const std::string& name, const std::string& text) {
    const auto path =
        std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()) + ".toml");
    std::ofstream(path) << text;
    return path.string();
}

TEST(Re2Redactor, RemovesEverySecretKind) {
    EXPECT_EQ(redacted("Authorization: Bearer abc.DEF-123_x"), "Authorization: Bearer [REDACTED]");
    EXPECT_EQ(redacted("api_key: k-12345 and API-KEY=zq9"), "api_key: [REDACTED] and API-KEY=[REDACTED]");
    EXPECT_EQ(redacted("key " + join({"sk-", "abcdefghijklmnopqrstuvwx1234abcd"})), "key [REDACTED]");
    EXPECT_EQ(redacted("password=hunter2; user=bob"), "password=[REDACTED]; user=bob");
    EXPECT_EQ(redacted("contact alice.smith@orders.io now"), "contact [REDACTED] now");
    EXPECT_EQ(redacted("id " + join({"AKIA", "Q3EGRTXYZ7", "TSTKYZ"}) + " used"), "id [REDACTED] used");
    EXPECT_EQ(redacted("token " + join({"ghp_", "0123456789abcdefghij", "ABCDEFGHIJklmnop"})),
              "token [REDACTED]");
    EXPECT_EQ(redacted(join({"dsn postgresql://app:", "s3cr3t", "@db:5432/orders"})),
              "dsn postgresql://app:[REDACTED]@db:5432/orders");
    EXPECT_EQ(redacted(join({"jwt eyJ", "hbGciOiJIUzI1NiJ9.eyJ",
                             "zdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"})),
              "jwt [REDACTED]");
    EXPECT_EQ(redacted(join({"k=-----BEGIN RSA ", "PRIVATE KEY-----\n", std::string(64, 'M'),
                             "\nxyz\n-----END RSA ", "PRIVATE KEY----- end"})),
              "k=[REDACTED] end");
    EXPECT_EQ(redacted("chat " + join({"xoxb-", "102938475610-5647382910473-", "Zx8Qw2Er4Ty6Ui8Op0As2Df"})),
              "chat [REDACTED]");
}

TEST(Re2Redactor, LeavesOrdinaryTextAlone) {
    std::string text = "expected 3 orders, got 2 in OrderRepo::save (src/repo.cpp:42)";
    EXPECT_EQ(redacted(text), text);
}

TEST(Re2Redactor, AddsTheRulesOfARepoGitleaksConfiguration) {
    const std::string path =
        writeConfig("devos_redactor_rules", "[[rules]]\nid = \"order-key\"\n"
                                            "regex = '''ORD-[0-9]{8}'''\nkeywords = [\"ord-\"]\n");
    auto redactor = makeRe2Redactor(path);
    ASSERT_TRUE(redactor) << redactor.error().render();
    // The configuration replaces nothing for the redactor: the built-in rules still apply.
    EXPECT_EQ((*redactor)->redact("order ORD-12345678 by password=hunter2"),
              "order [REDACTED] by password=[REDACTED]");
    std::filesystem::remove(path);
}

TEST(Re2Redactor, RejectsABadConfigurationNamingTheFileAndLine) {
    const std::string path =
        writeConfig("devos_redactor_bad", "[[rules]]\nid = \"broken\"\nregex = '''(unclosed'''\n");
    auto bad = makeRe2Redactor(path);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, contracts::ErrorKind::Invalid);
    EXPECT_NE(bad.error().render().find(path + ":3"), std::string::npos) << bad.error().render();
    EXPECT_NE(bad.error().message.find("broken"), std::string::npos);
    std::filesystem::remove(path);
    auto missing = makeRe2Redactor("/nonexistent/devos.toml");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, contracts::ErrorKind::NotFound);
}

} // namespace
} // namespace devos::adapters
