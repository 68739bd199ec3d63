#include <devos/policy/secret_rules.hpp>
#include <gtest/gtest.h>

namespace devos::policy {
namespace {

// Fake secrets are assembled at run time so this file holds none the scan would find.
std::string join(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (auto part : parts)
        out += part;
    return out;
}

SecretRules compiled(SecretUse use, const std::optional<GitleaksConfig>& config = {}) {
    auto rules = compileSecretRules(use, config);
    EXPECT_TRUE(rules) << (rules ? "" : rules.error().render());
    return std::move(*rules);
}

std::vector<std::string> ruleIdsFound(const SecretRules& rules, std::string_view text,
                                      std::string_view path = {}) {
    std::vector<std::string> ids;
    for (const auto& hit : rules.find(text, path))
        ids.push_back(rules.rules()[hit.rule].id);
    return ids;
}

const std::string kAwsKey = join({"AKIA", "Q3EGRTXYZ7", "ABCKLM"});
const std::string kGithub = join({"ghp_", "R8mKq2Lw9ZtXv4Hn", "7PcY3bJd6FsGa1Ue", "5Qo0"});
const std::string kSlack = join({"xoxb-", "102938475610-", "5647382910473-", "Zx8Qw2Er4Ty6Ui8Op0As2Df"});

TEST(SecretRules, FindsProviderKeysAndReportsTheSecretSpan) {
    const SecretRules scan = compiled(SecretUse::Scan);
    const std::string text =
        "deploy:\n  key: " + kAwsKey + "\n  gh: " + kGithub + "\n  chat: " + kSlack + "\n";
    auto hits = scan.find(text);
    ASSERT_EQ(hits.size(), 3u);
    EXPECT_EQ(scan.rules()[hits[0].rule].id, "aws-access-key-id");
    EXPECT_EQ(text.substr(hits[0].secretOffset, hits[0].secretLength), kAwsKey);
    EXPECT_EQ(scan.rules()[hits[1].rule].id, "github-token");
    EXPECT_EQ(scan.rules()[hits[2].rule].id, "slack-bot-token");
    EXPECT_EQ(text.substr(hits[2].secretOffset, hits[2].secretLength), kSlack);
}

TEST(SecretRules, TheFirstRuleWinsAnOverlapSoAProviderKeyIsNotCalledGeneric) {
    const SecretRules scan = compiled(SecretUse::Scan);
    EXPECT_EQ(ruleIdsFound(scan, "github_token = \"" + kGithub + "\"\n"),
              std::vector<std::string>{"github-token"});
    const std::string password = join({"Xk9", "#mP2$vL5", "nQ8wR"});
    EXPECT_EQ(ruleIdsFound(scan, "db_password = \"" + password + "\"\n"),
              std::vector<std::string>{"generic-secret-assignment"});
    // A JWT as the password of a URL: the URL's rule comes first.
    const std::string jwt = join({"eyJ", "hbGciOiJIUzI1NiJ9", ".eyJ", "zdWIiOiIxMjM0NTY3ODkwIn0",
                                  ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV"});
    EXPECT_EQ(ruleIdsFound(scan, "postgresql://app:" + jwt + "@db/orders"),
              std::vector<std::string>{"connection-string-password"});
}

TEST(SecretRules, PlaceholdersAndDocumentedExamplesAreNotSecrets) {
    const SecretRules scan = compiled(SecretUse::Scan);
    for (const std::string& text : {
             join({"aws_access_key_id = ", "AKIA", "IOSFODNN7", "EXAMPLE", "\n"}),
             join({"aws_secret_access_key = ", "wJalrXUtnFEMI/K7MDENG/", "bPxRfiCYEXAMPLEKEY", "\n"}),
             std::string("password: ${DB_PASSWORD}\n"),
             std::string("api_key = \"$API_KEY\"\n"),
             std::string("token: \"{{ .Values.token }}\"\n"),
             std::string("secret = \"<redacted>\"\n"),
             std::string("password = \"changeme\"\n"),
             std::string("API_KEY=your-api-key-here\n"),
             std::string("token = \"xxxxxxxxxxxxxxxx\"\n"),
             std::string("password = \"0000000000\"\n"),
             std::string("stripe_key = \"") + join({"sk_", "test_", "4eC39HqLyjWDarjtT1zdp7dc"}) + "\"\n",
             std::string("url = \"postgresql://app:${DB_PASSWORD}@db/orders\"\n"),
             std::string("url = \"postgres://user:password@localhost/db\"\n"),
             std::string("std::string token = args.value(\"--token\");\n"),
             std::string("const auto secret = readSecret(path);\n"),
             std::string("password_min_length = 12\n"),
             std::string("contact: alice@orders.io\n"),
         })
        EXPECT_TRUE(scan.find(text).empty()) << text << " -> " << ruleIdsFound(scan, text).front();
}

TEST(SecretRules, GenericAssignmentsInEveryFileForm) {
    const SecretRules scan = compiled(SecretUse::Scan);
    const std::string value = join({"p4", "Ss-w0rd-", "7GhQ2zX"});
    for (const std::string& text : {
             "const char* kDbPassword = \"" + value + "\";",
             "#define API_KEY \"" + value + "\"",
             "{\"client_secret\", \"" + value + "\"}",
             "db:\n  password: " + value + "\n",
             "{\"api_key\": \"" + value + "\"}",
             "DB_PASSWORD=" + value + "\n",
             "[auth]\naccess_key = " + value + "\n",
             "export AUTH_TOKEN='" + value + "'\n",
         }) {
        auto hits = scan.find(text);
        ASSERT_EQ(hits.size(), 1u) << text;
        EXPECT_EQ(text.substr(hits[0].secretOffset, hits[0].secretLength), value) << text;
    }
}

TEST(SecretRules, EntropyFloorsAndKeywordsGateARule) {
    EXPECT_DOUBLE_EQ(shannonEntropy(""), 0.0);
    EXPECT_DOUBLE_EQ(shannonEntropy("aaaa"), 0.0);
    EXPECT_DOUBLE_EQ(shannonEntropy("abcd"), 2.0);
    const SecretRules rules = compiled(SecretUse::Scan, GitleaksConfig{R"(
[[rules]]
id = "order-code"
regex = '''ORD-([A-Z0-9]{8})'''
entropy = 2.5
keywords = ["ord-"]

[[rules]]
id = "needs-a-keyword"
regex = '''[0-9]{6}'''
keywords = ["pin"]
)",
                                                                       "g.toml"});
    EXPECT_EQ(ruleIdsFound(rules, "ord-x ORD-A1B2C3D4"), std::vector<std::string>{"order-code"});
    EXPECT_TRUE(ruleIdsFound(rules, "ORD-AAAABBBB").empty()) << "entropy 1.0 is under the floor";
    EXPECT_TRUE(ruleIdsFound(rules, "call 123456").empty()) << "no keyword, the rule does not run";
    EXPECT_EQ(ruleIdsFound(rules, "PIN: 123456"), std::vector<std::string>{"needs-a-keyword"});
}

TEST(SecretRules, ARepoConfigReplacesTheBuiltInRulesUnlessItExtendsThem) {
    const std::string mine = "[[rules]]\nid = \"orders-key\"\nregex = '''orders_[a-z0-9]{16}'''\n";
    const std::string text = "k = orders_" + std::string("a1b2c3d4e5f6g7h8") + " and " + kAwsKey;
    EXPECT_EQ(ruleIdsFound(compiled(SecretUse::Scan, GitleaksConfig{mine, "g.toml"}), text),
              std::vector<std::string>{"orders-key"});
    EXPECT_EQ(ruleIdsFound(
                  compiled(SecretUse::Scan, GitleaksConfig{"[extend]\nuseDefault = true\n" + mine, "g.toml"}),
                  text),
              (std::vector<std::string>{"orders-key", "aws-access-key-id"}));
    // The redactor always keeps the built-in rules.
    const std::string redacted = compiled(SecretUse::Redact, GitleaksConfig{mine, "g.toml"}).redact(text);
    EXPECT_EQ(redacted, "k = [REDACTED] and [REDACTED]");
    // disabledRules drops a built-in rule; a rule of a built-in id extends it.
    const SecretRules tuned = compiled(SecretUse::Scan, GitleaksConfig{R"([extend]
useDefault = true
disabledRules = ["github-token"]
[[rules]]
id = "aws-access-key-id"
[[rules.allowlists]]
regexes = ['''ABCKLM$''']
)",
                                                                       "g.toml"});
    EXPECT_TRUE(tuned.find(kAwsKey + " " + kGithub).empty());
}

TEST(SecretRules, PathRulesAndPathAllowlistsSeeTheRepoRelativePath) {
    const SecretRules rules = compiled(SecretUse::Scan, GitleaksConfig{R"([extend]
useDefault = true
[[rules]]
id = "keystore-file"
description = "a Java keystore"
path = '''\.jks$'''
[[allowlists]]
paths = ['''^tests/fixtures/''']
[[allowlists]]
condition = "AND"
paths = ['''^docs/''']
regexes = ['''^AKIA''']
)",
                                                                       "g.toml"});
    EXPECT_EQ(ruleIdsFound(rules, "binary", "certs/server.jks"), std::vector<std::string>{"keystore-file"});
    EXPECT_TRUE(rules.allowsPath("tests/fixtures/keys.env"));
    EXPECT_FALSE(rules.allowsPath("docs/setup.md")); // an AND allowlist needs its regex too
    EXPECT_TRUE(ruleIdsFound(rules, "key " + kAwsKey, "docs/setup.md").empty());
    EXPECT_EQ(ruleIdsFound(rules, "key " + kAwsKey, "src/setup.cpp"),
              std::vector<std::string>{"aws-access-key-id"});
    EXPECT_TRUE(compiled(SecretUse::Scan).find("binary", "certs/server.jks").empty());
}

TEST(SecretRules, RegexesRe2CannotCompileAndBadGroupsNameTheLine) {
    auto lookahead = compileSecretRules(SecretUse::Scan, GitleaksConfig{"[[rules]]\nid = \"a\"\n"
                                                                        "regex = '''key(?=[0-9])'''\n",
                                                                        "repo/.gitleaks.toml"});
    ASSERT_FALSE(lookahead);
    EXPECT_EQ(lookahead.error().file, "repo/.gitleaks.toml");
    EXPECT_EQ(lookahead.error().line, 3u);
    EXPECT_NE(lookahead.error().message.find("the regex of rule 'a' is not a regex RE2 can compile"),
              std::string::npos);
    EXPECT_NE(lookahead.error().hint.find("Go's regexp syntax"), std::string::npos);

    auto group =
        compileSecretRules(SecretUse::Scan, GitleaksConfig{"[[rules]]\nid = \"a\"\nregex = '''k(x)'''\n"
                                                           "secretGroup = 2\n",
                                                           "g.toml"});
    ASSERT_FALSE(group);
    EXPECT_EQ(group.error().line, 4u);
    EXPECT_NE(group.error().message.find("secretGroup 2 of rule 'a', but its regex has 1 group(s)"),
              std::string::npos);

    auto target = compileSecretRules(
        SecretUse::Scan,
        GitleaksConfig{"[extend]\nuseDefault = true\n[[allowlists]]\ntargetRules = [\"nope\"]\n"
                       "paths = ['''x''']\n",
                       "g.toml"});
    ASSERT_FALSE(target);
    EXPECT_EQ(target.error().line, 3u);
    EXPECT_NE(target.error().message.find("'nope', which is no rule"), std::string::npos);

    auto empty =
        compileSecretRules(SecretUse::Scan, GitleaksConfig{"[[rules]]\nid = \"a\"\nregex = '''k'''\n"
                                                           "[[rules.allowlists]]\ndescription = \"x\"\n",
                                                           "g.toml"});
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().line, 4u);
}

TEST(SecretRules, RedactOnlyRulesRunInTheRedactorNotInTheScan) {
    const SecretRules scan = compiled(SecretUse::Scan);
    const SecretRules redact = compiled(SecretUse::Redact);
    for (const auto& rule : scan.rules())
        EXPECT_FALSE(rule.redactOnly) << rule.id;
    EXPECT_GT(redact.rules().size(), scan.rules().size());
    const std::string log = "retry Authorization: Bearer abc.DEF-123_xyz for bob@orders.io, password=hunter2";
    EXPECT_TRUE(scan.find(log).empty());
    EXPECT_EQ(redact.redact(log),
              "retry Authorization: Bearer [REDACTED] for [REDACTED], password=[REDACTED]");
}

TEST(SecretRules, RedactionKeepsTheKeyNameAndMergesOverlaps) {
    const SecretRules redact = compiled(SecretUse::Redact);
    EXPECT_EQ(redact.redact(join({"dsn postgresql://app:", "s3cr3t-pw", "@db:5432/orders"})),
              "dsn postgresql://app:[REDACTED]@db:5432/orders");
    EXPECT_EQ(redact.redact("k=" + kAwsKey + kAwsKey.substr(0, 0) + " ok"), "k=[REDACTED] ok");
    const std::string pem = join({"-----BEGIN RSA ", "PRIVATE KEY-----\n", std::string(64, 'M'), "\nxyz\n",
                                  "-----END RSA ", "PRIVATE KEY-----"});
    EXPECT_EQ(redact.redact("k=" + pem + " end"), "k=[REDACTED] end");
    const std::string plain = "expected 3 orders, got 2 in OrderRepo::save (src/repo.cpp:42)";
    EXPECT_EQ(redact.redact(plain), plain);
}

TEST(SecretRules, TheRedactedMatchShowsContextNotTheSecret) {
    const SecretRules scan = compiled(SecretUse::Scan);
    const std::string value = join({"Zq8", "#vT4!mW9", "sK2pL6"});
    const std::string text = "line one\nconst char* kDbPassword = \"" + value + "\";\n";
    auto hits = scan.find(text);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(SecretRules::redactedMatch(text, hits[0]), "Password = \"[REDACTED]\"");
    const std::string pem = join(
        {"-----BEGIN ", "PRIVATE KEY-----\n", std::string(70, 'Q'), "x\n", "-----END ", "PRIVATE KEY-----"});
    auto block = scan.find(pem);
    ASSERT_EQ(block.size(), 1u);
    EXPECT_EQ(SecretRules::redactedMatch(pem, block[0]), "[REDACTED]");
}

TEST(SecretRules, AMissingConfigFileSaysSo) {
    auto read = readGitleaksConfig("/nonexistent/gitleaks.toml", ".gitleaks.toml");
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().file, ".gitleaks.toml");
    EXPECT_NE(read.error().message.find("cannot read"), std::string::npos);
    EXPECT_EQ(read.error().kind, foundation::ErrorKind::NotFound);
    EXPECT_NE(read.error().hint.find("scan.gitleaks_config"), std::string::npos) << read.error().hint;
    auto folder = readGitleaksConfig("/tmp", "tmp");
    ASSERT_FALSE(folder) << "a folder is no configuration";
    EXPECT_EQ(folder.error().kind, foundation::ErrorKind::Io);
    EXPECT_EQ(folder.error().file, "tmp");
}

TEST(SecretRules, ErrorsAreFoundationErrorsThatRenderWithFileLineAndHint) {
    auto bad = compileSecretRules(SecretUse::Scan,
                                  GitleaksConfig{"[[rules]]\nid = \"x\"\nregex = \"(\"\n", "repo/g.toml"});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, foundation::ErrorKind::Invalid);
    EXPECT_EQ(bad.error().file, "repo/g.toml");
    EXPECT_EQ(bad.error().line, 3u);
    EXPECT_EQ(bad.error().render().rfind("repo/g.toml:3: error: ", 0), 0u) << bad.error().render();
}

TEST(SecretRules, AConfigurationWithoutRulesThatReplacesTheBuiltInOnesIsAnError) {
    auto empty = compileSecretRules(SecretUse::Scan, GitleaksConfig{"title = \"mine\"\n", "g.toml"});
    ASSERT_FALSE(empty) << "a scan with no rule would pass every file";
    EXPECT_NE(empty.error().message.find("has no rules and does not extend"), std::string::npos);
    EXPECT_TRUE(
        compileSecretRules(SecretUse::Scan, GitleaksConfig{"[extend]\nuseDefault = true\n", "g.toml"}));
}

} // namespace
} // namespace devos::policy
