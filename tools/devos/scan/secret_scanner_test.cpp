#include "scan/secret_scanner.hpp"

#include <gtest/gtest.h>

namespace devos::scan {
namespace {

// The fake secrets are assembled at run time so this file holds none the scan would find.
std::string join(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (auto p : parts)
        out += p;
    return out;
}

class SecretScannerTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto shipped = SecretScanner::shipped();
        ASSERT_TRUE(shipped) << shipped.error().render();
        scanner.emplace(std::move(*shipped));
    }
    std::optional<SecretScanner> scanner;
};

TEST_F(SecretScannerTest, RunsOnlyTheRulesMarkedForTheScan) {
    auto ids = scanner->ruleIds();
    EXPECT_NE(std::find(ids.begin(), ids.end(), "aws-access-key-id"), ids.end());
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "email"), ids.end()); // the redactor's, not the scan's
    EXPECT_TRUE(scanner->find("std::string token = args.value(\"--token\"); // me@example.com").empty());
}

TEST_F(SecretScannerTest, EachRuleFamilyFiresAndIsRedacted) {
    struct Case {
        std::string secret; // must not appear in the redacted text
        std::string text;
        std::string ruleId;
        std::string redacted;
    };
    const std::string aws = join({"AKIA", "IOSFODNN7EXAMPLE"});
    const std::string awsSecret = join({"wJalrXUtnFEMI/K7MDENG/bPxRfiCY", "EXAMPLEKEY"});
    const std::string github = join({"ghp_", "abcdefghijklmnopqrstuvwxyz0123456789"});
    const std::string sk = join({"sk-", "proj0123456789abcdefghijKLMN"});
    const std::string jwt = join({"eyJ", "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"});
    const std::string pem =
        join({"-----BEGIN RSA ", "PRIVATE KEY-----\nMIIEabc\n-----END RSA ", "PRIVATE KEY-----"});
    for (const Case& c : {
             Case{aws, "key = \"" + aws + "\";", "aws-access-key-id", "[REDACTED AWS KEY]"},
             Case{awsSecret, "aws_secret_access_key = " + awsSecret, "aws-secret-access-key",
                  "aws_secret_access_key = [REDACTED]"},
             Case{github, "token: " + github, "github-token", "[REDACTED GITHUB TOKEN]"},
             Case{sk, "OPENAI=" + sk, "sk-key", "sk-[REDACTED]"},
             Case{jwt, "auth " + jwt, "jwt", "[REDACTED JWT]"},
             Case{pem, "x\n" + pem + "\n", "private-key-block", "[REDACTED PRIVATE KEY]"},
             Case{"hunter2", "url = \"postgresql://app:hunter2@db/orders\"", "connection-string-password",
                  "postgresql://app:[REDACTED]@"},
         }) {
        auto matches = scanner->find(c.text);
        ASSERT_EQ(matches.size(), 1u) << c.text;
        EXPECT_EQ(matches[0].ruleId, c.ruleId);
        EXPECT_EQ(matches[0].redacted, c.redacted);
        EXPECT_EQ(matches[0].redacted.find(c.secret), std::string::npos);
        EXPECT_NE(c.text.substr(matches[0].offset, matches[0].length).find(c.secret), std::string::npos)
            << c.ruleId << ": the match does not cover the secret";
    }
}

TEST_F(SecretScannerTest, OverlappingMatchesAreReportedOnce) {
    // A JWT inside a connection string's password: the connection string (earlier offset) wins.
    auto matches = scanner->find("postgresql://u:" + join({"eyJ", "aaaaaa.bbbbbb.cccccc"}) + "@h/db");
    ASSERT_EQ(matches.size(), 1u);
    EXPECT_EQ(matches[0].ruleId, "connection-string-password");
}

TEST(SecretScannerRules, ABadPatternNamesTheRuleAndLine) {
    auto bad =
        SecretScanner::fromYaml("rules:\n  - id: broken\n    pattern: '(unclosed'\n    replacement: x\n"
                                "    scan: true\n",
                                "secrets.yml");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().line, 2u);
    EXPECT_NE(bad.error().message.find("rule 'broken': invalid pattern"), std::string::npos);
}

} // namespace
} // namespace devos::scan
