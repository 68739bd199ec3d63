#include "scan/file_checks.hpp"

#include <devos/engine/config_section.hpp>
#include <gtest/gtest.h>

namespace devos::scan {
namespace {

using namespace std::string_view_literals;

class FileChecksTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto loaded = engine::Policy::defaults();
        ASSERT_TRUE(loaded);
        policy = *loaded;
        auto shipped = devos::policy::compileSecretRules(devos::policy::SecretUse::Scan);
        ASSERT_TRUE(shipped) << shipped.error().message;
        rules.emplace(std::move(*shipped));
    }
    std::vector<engine::Finding> secrets(const std::string& path, const std::string& text) {
        return checkSecrets({path, text.size(), text}, *rules, policy, "2026-01-01");
    }
    std::vector<engine::Finding> types(const std::string& path, std::string_view bytes,
                                       std::uintmax_t size = 0) {
        auto settings = engine::gateSettings<ScanRules>(policy);
        EXPECT_TRUE(settings) << settings.error().render();
        return checkFileType({path, size ? size : bytes.size(), bytes}, settings.value_or(ScanRules{}),
                             policy);
    }

    engine::Policy policy;
    std::optional<devos::policy::SecretRules> rules;
    const std::string key = std::string("AKIA") + "ABCDEFGHIJKLMNOP";
};

TEST_F(FileChecksTest, ASecretIsReportedAtItsLineAndColumnAndNeverShown) {
    auto findings = secrets("src/adapters/s3.cpp", "#include <string>\n\nconst char* k = \"" + key + "\";\n");
    ASSERT_EQ(findings.size(), 1u);
    const auto& f = findings[0];
    EXPECT_EQ(f.ruleId, "security.secret");
    EXPECT_EQ(f.level, engine::Level::Error);
    EXPECT_EQ(f.at, (engine::SourcePoint{"src/adapters/s3.cpp", 3, 18}));
    EXPECT_EQ(f.end.column, 38u);
    EXPECT_NE(f.message.find("AWS access key"), std::string::npos) << f.message;
    EXPECT_NE(f.message.find("matched as '[REDACTED]'"), std::string::npos) << f.message;
    for (const auto& text : {f.message, f.subject, f.instead})
        EXPECT_EQ(text.find(key), std::string::npos) << text;
}

TEST_F(FileChecksTest, AnAllowCommentOnTheLineOrAboveAllowsItInAnyCommentSyntax) {
    EXPECT_TRUE(
        secrets("t.cpp", "k = \"" + key +
                             "\"; // devos-allow(security.secret): fake key for a test until 2027-01-01\n")
            .empty());
    EXPECT_TRUE(secrets("t.yml", "# devos-allow(security.secret): fake until 2027-01-01\nkey: " + key + "\n")
                    .empty());
    auto expired =
        secrets("t.cpp", "// devos-allow(security.secret): fake until 2020-01-01\nk = \"" + key + "\";\n");
    ASSERT_EQ(expired.size(), 2u);
    EXPECT_EQ(expired[0].ruleId, "allow.expired");
    EXPECT_EQ(expired[1].ruleId, "security.secret");
    auto tooFar =
        secrets("t.cpp", "// devos-allow(security.secret): fake until 2099-01-01\nk = \"" + key + "\";\n");
    ASSERT_EQ(tooFar.size(), 2u); // today is 2026-01-01 here; allow.max_days is 365
    EXPECT_EQ(tooFar[0].ruleId, "allow.malformed");
    EXPECT_NE(tooFar[0].message.find("is more than 365 days after today"), std::string::npos);
    EXPECT_EQ(tooFar[1].ruleId, "security.secret");
    auto malformed = secrets("t.sh", "K=" + key + " # devos-allow(security.secret)\n");
    ASSERT_EQ(malformed.size(), 2u);
    EXPECT_EQ(malformed[0].ruleId, "security.secret");
    EXPECT_EQ(malformed[1].ruleId, "allow.malformed");
    auto otherRule =
        secrets("t.cpp", "k = \"" + key + "\"; // devos-allow(purity.clock): no until 2027-01-01\n");
    ASSERT_EQ(otherRule.size(), 1u);
    EXPECT_EQ(otherRule[0].ruleId, "security.secret");
    // The words in a string are not a comment: the secret is still reported.
    auto inString =
        secrets("t.cpp", "k = \"" + key + " devos-allow(security.secret): x until 2099-01-01\";\n");
    ASSERT_EQ(inString.size(), 1u);
    EXPECT_EQ(inString[0].ruleId, "security.secret");
}

TEST_F(FileChecksTest, BinaryAndOversizedFilesAreNotScannedForSecrets) {
    EXPECT_TRUE(secrets("blob.bin", std::string("\0", 1) + key).empty());
    std::string text = "k = " + key;
    EXPECT_TRUE(checkSecrets({"big.txt", 5u * 1024 * 1024, text}, *rules, policy, "2026-01-01").empty());
}

TEST_F(FileChecksTest, BuildOutputsAndExecutablesAreBinaryFindings) {
    auto object = types("src/logic/pricing.o", "\x7f"
                                               "ELF\x02\x01\0\0"sv);
    ASSERT_EQ(object.size(), 1u);
    EXPECT_EQ(object[0].ruleId, "files.binary");
    EXPECT_EQ(object[0].at, (engine::SourcePoint{"src/logic/pricing.o", 1, 1}));
    EXPECT_NE(object[0].message.find("build output (.o)"), std::string::npos);
    auto elf = types("tools/run", "\x7f"
                                  "ELF\x02\x01\0\0"sv);
    ASSERT_EQ(elf.size(), 1u);
    EXPECT_NE(elf[0].message.find("ELF object or executable"), std::string::npos);
    EXPECT_EQ(types("docs/logo.png", "\x89PNG\r\n\x1a\n\0\0"sv).size(), 1u);
    EXPECT_TRUE(types("README.md", "# title\r\nno final newline"sv).empty());
}

TEST_F(FileChecksTest, AllowedExtensionsAndTheSizeCapComeFromTheConfig) {
    ASSERT_TRUE(
        policy.applyRepoConfig("scan: { allow_extensions: [.png], max_file_kb: 1 }\n", ".devos/devos.yml"));
    EXPECT_TRUE(types("docs/logo.png", "\x89PNG\r\n\x1a\n\0\0"sv).empty());
    auto big = types("data/table.csv", "a,b\n"sv, 2048);
    ASSERT_EQ(big.size(), 1u);
    EXPECT_EQ(big[0].ruleId, "files.size");
    EXPECT_NE(big[0].message.find("2 KiB, over the 1 KiB limit"), std::string::npos) << big[0].message;
    EXPECT_TRUE(types("data/table.csv", "a,b\n"sv, 1024).empty());
}

TEST_F(FileChecksTest, CxxSourcesMustBeUtf8WithLfEndings) {
    auto crlf = types("src/a.cpp", "int a;\nint b;\r\n"sv);
    ASSERT_EQ(crlf.size(), 1u);
    EXPECT_EQ(crlf[0].ruleId, "files.encoding");
    EXPECT_EQ(crlf[0].at.line, 2u);
    EXPECT_NE(crlf[0].message.find("CRLF"), std::string::npos);
    auto latin1 = types("src/a.hpp", "// caf\xe9\n"sv);
    ASSERT_EQ(latin1.size(), 1u);
    EXPECT_NE(latin1[0].message.find("not UTF-8"), std::string::npos);
    EXPECT_TRUE(types("src/a.cpp", "int a; // caf\xc3\xa9, no final newline"sv).empty());
    EXPECT_TRUE(types("scripts/run.bat", "echo\r\n"sv).empty()); // only C and C++ sources
}

} // namespace
} // namespace devos::scan
