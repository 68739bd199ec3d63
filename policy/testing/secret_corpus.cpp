// Each rule has a generator for its secrets (the provider's documented shape: prefix, alphabet,
// length) and its decoys. The prefixes are written here as fragments joined at run time, so this
// file holds nothing a secret rule matches (DevOS's own `devos scan secrets` test checks that).
#include "secret_corpus.hpp"

#include <algorithm>
#include <functional>
#include <random>

namespace devos::policy::corpus {
namespace {

using Rng = std::mt19937_64;
using Gen = std::function<std::string(Rng&)>;

constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kHex = "0123456789abcdef";
constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string cat(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (auto part : parts)
        out += part;
    return out;
}

const std::string kAlnum = cat({kUpper, kLower, kDigits});
const std::string kLetters = cat({kUpper, kLower});
const std::string kUpperDigits = cat({kUpper, kDigits});
const std::string kBase64 = cat({kAlnum, "+/"});
const std::string kBase64Url = cat({kAlnum, "_-"});
// What people put in passwords and tokens that survives every file form unquoted.
const std::string kPassword = cat({kAlnum, "!%*+=_-.~^"});

std::string random(Rng& rng, std::string_view alphabet, size_t length) {
    std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
    std::string out(length, ' ');
    for (char& c : out)
        c = alphabet[pick(rng)];
    return out;
}

size_t between(Rng& rng, size_t low, size_t high) {
    return std::uniform_int_distribution<size_t>(low, high)(rng);
}

template <typename T> const T& oneOf(Rng& rng, const std::vector<T>& options) {
    return options[between(rng, 0, options.size() - 1)];
}

std::string upper(std::string text) {
    for (char& c : text)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return text;
}

std::string camel(const std::string& key) {
    std::string out;
    bool up = true;
    for (char c : key) {
        if (c == '_' || c == '-' || c == '.') {
            up = true;
            continue;
        }
        out += up && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        up = false;
    }
    return out;
}

std::string base64Url(std::string_view bytes) {
    std::string out;
    unsigned value = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        value = (value << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kBase64Url[(value >> bits) & 0x3F];
        }
    }
    if (bits > 0)
        out += kBase64Url[(value << (6 - bits)) & 0x3F];
    return out;
}

const std::vector<std::string> kLineForms{"cpp",  "define", "yaml", "yaml-quoted",
                                          "json", "env",    "ini",  "shell"};
const std::vector<std::string> kAllForms{"cpp", "define", "yaml",  "yaml-quoted", "json",
                                         "env", "ini",    "shell", "log"};

// `value` assigned to `key` in a file of `form`, with a line of ordinary content around it.
std::string inForm(const std::string& form, const std::string& key, const std::string& value) {
    if (form == "cpp")
        return "#include <string>\n\nconst char* k" + camel(key) + " = \"" + value +
               "\";\nint retries = 3;\n";
    if (form == "define")
        return "#pragma once\n#define " + upper(key) + " \"" + value + "\"\n";
    if (form == "yaml")
        return "service:\n  name: orders\n  " + key + ": " + value + "\n  replicas: 2\n";
    if (form == "yaml-quoted")
        return "service:\n  " + key + ": \"" + value + "\"\n";
    if (form == "json")
        return "{\n  \"name\": \"orders\",\n  \"" + key + "\": \"" + value + "\"\n}\n";
    if (form == "env")
        return "PORT=8080\n" + upper(key) + "=" + value + "\n";
    if (form == "ini")
        return "[default]\nregion = eu-west-1\n" + key + " = " + value + "\n";
    if (form == "shell")
        return "#!/bin/sh\nexport " + upper(key) + "='" + value + "'\nexec ./orders\n";
    if (form == "neutral")
        return "build:\n  artifact: " + value + "\n";
    return "2026-01-01T10:00:00Z INFO calling upstream with " + value + " (attempt 2)\n";
}

// A PEM block of `type` ("RSA ", "EC ", "OPENSSH ", "" for PKCS#8) with a random body.
std::string pemBlock(Rng& rng, const std::string& type, const std::string& lineBreak) {
    std::string body;
    for (int line = 0; line < 8; ++line)
        body += random(rng, kBase64, 64) + lineBreak;
    const std::string marker = cat({"PRIV", "ATE KEY-----"});
    return "-----BEGIN " + type + marker + lineBreak + body + "-----END " + type + marker;
}

// A decoy in `forms`; "file": the value is the whole text. A near miss of a provider format is a
// random string, which any high-entropy value assigned to a name like `github_token` is for the
// generic rule (and rightly flagged): near misses stand in a log line and under a neutral name.
struct Decoy {
    std::string why;
    Gen value;
    std::vector<std::string> forms = {"log", "neutral"};
};

Decoy placeholder(std::string why, Gen value) {
    return {std::move(why), std::move(value), kLineForms};
}

struct Spec {
    std::string ruleId;
    std::string key;
    std::vector<std::string> forms;
    Gen secret;
    std::vector<Decoy> decoys;
    // The text around a secret (or decoy) before it goes into a form: a connection string, a URL.
    std::function<std::string(const std::string&)> embed = [](const std::string& v) { return v; };
    bool redactOnly = false;
};

Gen fixed(std::string value) {
    return [value = std::move(value)](Rng&) { return value; };
}

std::vector<Spec> specs() {
    std::vector<Spec> all;
    const std::vector<std::string> placeholderForms{"yaml", "env", "json", "cpp"};

    all.push_back(
        {"aws-access-key-id",
         "aws_access_key_id",
         kAllForms,
         [](Rng& r) {
             return oneOf(r, std::vector<std::string>{"AK", "AS"}) + "IA" + random(r, kBase32, 16);
         },
         {placeholder("AWS's documentation key", fixed(cat({"AKIA", "IOSFODNN7", "EXAMPLE"}))),
          {"one character short", [](Rng& r) { return cat({"AK", "IA"}) + random(r, kBase32, 15); }},
          {"digits AWS never uses (0, 1, 8, 9)",
           [](Rng& r) { return cat({"AK", "IA"}) + random(r, kBase32, 12) + "0189"; }},
          placeholder("a filler", fixed(cat({"AK", "IA", std::string(16, 'X')})))}});
    all.push_back({"aws-secret-access-key",
                   "aws_secret_access_key",
                   kLineForms,
                   [](Rng& r) { return random(r, kBase64, 40); },
                   {placeholder("AWS's documentation secret",
                                fixed(cat({"wJalrXUtnFEMI/K7MDENG/", "bPxRfiCY", "EXAMPLEKEY"}))),
                    placeholder("a variable", fixed("${AWS_SECRET_ACCESS_KEY}")),
                    placeholder("a filler", fixed(std::string(40, '*')))}});
    all.push_back(
        {"gcp-api-key",
         "google_api_key",
         kAllForms,
         [](Rng& r) { return cat({"AI", "za"}) + random(r, kBase64Url, 35); },
         {{"one character short", [](Rng& r) { return cat({"AI", "za"}) + random(r, kBase64Url, 34); }},
          placeholder("a filler", fixed(cat({"AI", "za", std::string(35, 'x')})))}});
    all.push_back({"google-oauth-client-secret",
                   "google_client_secret",
                   kAllForms,
                   [](Rng& r) { return cat({"GOC", "SPX-"}) + random(r, kBase64Url, 28); },
                   {{"short", [](Rng& r) { return cat({"GOC", "SPX-"}) + random(r, kAlnum, 12); }}}});
    all.push_back(
        {"azure-storage-account-key",
         "azure_storage_connection_string",
         kLineForms,
         [](Rng& r) { return random(r, kBase64, 86) + "=="; },
         {{"the storage emulator's well-known key is documented, but a placeholder is the common decoy",
           fixed("<storage-account-key>")},
          {"short", [](Rng& r) { return random(r, kBase64, 40) + "=="; }}},
         [](const std::string& v) {
             return "DefaultEndpointsProtocol=https;AccountName=ordersprod;" + cat({"Account", "Key="}) + v +
                    ";EndpointSuffix=core.windows.net";
         }});
    all.push_back({"azure-shared-access-key",
                   "servicebus_connection_string",
                   kLineForms,
                   [](Rng& r) { return random(r, kBase64, 43) + "="; },
                   {placeholder("a variable", fixed("${SERVICEBUS_KEY}"))},
                   [](const std::string& v) {
                       return "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=send;" +
                              cat({"SharedAccess", "Key="}) + v;
                   }});
    all.push_back(
        {"azure-ad-client-secret",
         "azure_client_secret",
         kAllForms,
         [](Rng& r) {
             return random(r, kAlnum, 3) + random(r, kDigits, 1) + "Q~" +
                    random(r, cat({kAlnum, "_~.-"}), 34);
         },
         {{"no Q~ marker", [](Rng& r) { return random(r, kAlnum, 3) + "8R" + random(r, kLower, 34); }}}});
    all.push_back({"digitalocean-token",
                   "digitalocean_token",
                   kAllForms,
                   [](Rng& r) { return cat({"do", "p_v1_"}) + random(r, kHex, 64); },
                   {{"short", [](Rng& r) { return cat({"do", "p_v1_"}) + random(r, kHex, 40); }}}});
    all.push_back(
        {"hashicorp-vault-token",
         "vault_token",
         kAllForms,
         [](Rng& r) { return cat({"hv", "s."}) + random(r, kBase64Url, 95); },
         {{"a legacy short token shape", [](Rng& r) { return cat({"hv", "s."}) + random(r, kAlnum, 24); }}}});
    all.push_back({"databricks-token",
                   "databricks_token",
                   kAllForms,
                   [](Rng& r) { return cat({"da", "pi"}) + random(r, kHex, 32); },
                   {{"not hex", [](Rng& r) { return cat({"da", "pi"}) + random(r, kUpper, 32); }}}});
    all.push_back({"github-token",
                   "github_token",
                   kAllForms,
                   [](Rng& r) {
                       return "gh" + oneOf(r, std::vector<std::string>{"p", "o", "u", "s", "r"}) + "_" +
                              random(r, kAlnum, 36);
                   },
                   {{"one character short", [](Rng& r) { return cat({"gh", "p_"}) + random(r, kAlnum, 35); }},
                    {"an unknown prefix", [](Rng& r) { return cat({"gh", "x_"}) + random(r, kAlnum, 36); }},
                    placeholder("a filler", fixed(cat({"gh", "p_", std::string(36, 'x')})))}});
    all.push_back({"github-fine-grained-token",
                   "github_token",
                   kAllForms,
                   [](Rng& r) {
                       return cat({"github", "_pat_"}) + random(r, kAlnum, 22) + "_" + random(r, kAlnum, 59);
                   },
                   {{"short", [](Rng& r) { return cat({"github", "_pat_"}) + random(r, kAlnum, 22); }}}});
    all.push_back({"gitlab-token",
                   "gitlab_token",
                   kAllForms,
                   [](Rng& r) {
                       return oneOf(r, std::vector<std::string>{"glpat", "gldt", "glrt", "glptt"}) + "-" +
                              random(r, kBase64Url, 20);
                   },
                   {{"short", [](Rng& r) { return cat({"gl", "pat-"}) + random(r, kAlnum, 12); }},
                    placeholder("a placeholder", fixed(cat({"gl", "pat-", "your-token-here-xxxx"})))}});
    all.push_back({"bitbucket-app-password",
                   "bitbucket_app_password",
                   kAllForms,
                   [](Rng& r) { return cat({"AT", "BB"}) + random(r, kAlnum, 32); },
                   {{"short", [](Rng& r) { return cat({"AT", "BB"}) + random(r, kAlnum, 16); }}}});
    all.push_back({"atlassian-api-token",
                   "jira_api_token",
                   kAllForms,
                   [](Rng& r) {
                       return cat({"ATA", "TT3xFfGF0"}) + random(r, kBase64Url, 180) + "=" +
                              random(r, kHex, 8);
                   },
                   {{"short", [](Rng& r) { return cat({"ATA", "TT3xFfGF0"}) + random(r, kAlnum, 30); }}}});
    all.push_back({"slack-bot-token",
                   "slack_bot_token",
                   kAllForms,
                   [](Rng& r) {
                       return cat({"xo", "xb-"}) + random(r, kDigits, 12) + "-" + random(r, kDigits, 13) +
                              "-" + random(r, kAlnum, 24);
                   },
                   {placeholder("Slack's documentation shape", fixed(cat({"xo", "xb-", "your-bot-token"}))),
                    {"parts too short", [](Rng& r) {
                         return cat({"xo", "xb-"}) + random(r, kDigits, 4) + "-" + random(r, kDigits, 4) +
                                "-" + random(r, kAlnum, 6);
                     }}}});
    all.push_back({"slack-user-token",
                   "slack_user_token",
                   kAllForms,
                   [](Rng& r) {
                       return cat({"xo", "xp-"}) + random(r, kDigits, 12) + "-" + random(r, kDigits, 12) +
                              "-" + random(r, kDigits, 13) + "-" + random(r, kHex, 32);
                   },
                   {{"short", [](Rng& r) { return cat({"xo", "xp-"}) + random(r, kDigits, 12) + "-abc"; }}}});
    all.push_back({"slack-app-token",
                   "slack_app_token",
                   kAllForms,
                   [](Rng& r) {
                       return cat({"xa", "pp-1-A"}) + random(r, kUpperDigits, 10) + "-" +
                              random(r, kDigits, 13) + "-" + random(r, kHex, 64);
                   },
                   {{"short", [](Rng& r) { return cat({"xa", "pp-1-A"}) + random(r, kUpperDigits, 10); }}}});
    all.push_back(
        {"slack-config-token",
         "slack_config_token",
         kAllForms,
         [](Rng& r) { return cat({"xo", "xe.xo", "xp-1-"}) + random(r, kAlnum, 160); },
         {{"short", [](Rng& r) { return cat({"xo", "xe.xo", "xp-1-"}) + random(r, kAlnum, 20); }}}});
    all.push_back({"slack-webhook-url",
                   "slack_webhook_url",
                   kAllForms,
                   [](Rng& r) {
                       return cat({"https://hooks.", "slack.com/services/T"}) + random(r, kUpperDigits, 10) +
                              "/B" + random(r, kUpperDigits, 10) + "/" + random(r, kAlnum, 24);
                   },
                   {placeholder("the documentation's shape",
                                fixed(cat({"https://hooks.", "slack.com/services/T000/B000/XXXX"})))}});
    all.push_back({"discord-webhook-url",
                   "discord_webhook",
                   kAllForms,
                   [](Rng& r) {
                       return cat({"https://discord", ".com/api/webhooks/"}) + random(r, kDigits, 18) + "/" +
                              random(r, kBase64Url, 68);
                   },
                   {{"no token", [](Rng& r) {
                         return cat({"https://discord", ".com/api/webhooks/"}) + random(r, kDigits, 18);
                     }}}});
    all.push_back(
        {"telegram-bot-token",
         "telegram_bot_token",
         kAllForms,
         [](Rng& r) { return random(r, kDigits, 10) + ":" + "AA" + random(r, kBase64Url, 33); },
         {{"a time of day", fixed("10:30:00")},
          {"short", [](Rng& r) { return random(r, kDigits, 10) + ":" + "AA" + random(r, kAlnum, 10); }}}});
    all.push_back(
        {"stripe-live-key",
         "stripe_secret_key",
         kAllForms,
         [](Rng& r) {
             return oneOf(r, std::vector<std::string>{"sk", "rk"}) + "_li" + "ve_" + random(r, kAlnum, 99);
         },
         {{"a test-mode key (the scan leaves it; the redactor removes it)",
           [](Rng& r) { return cat({"sk_", "test_"}) + random(r, kAlnum, 24); }},
          {"a publishable key", [](Rng& r) { return cat({"pk_", "live_"}) + random(r, kAlnum, 24); }},
          {"short", [](Rng& r) { return cat({"sk_", "live_"}) + random(r, kAlnum, 10); }}}});
    all.push_back({"stripe-webhook-secret",
                   "stripe_webhook_secret",
                   kAllForms,
                   [](Rng& r) { return cat({"wh", "sec_"}) + random(r, kAlnum, 32); },
                   {{"short", [](Rng& r) { return cat({"wh", "sec_"}) + random(r, kAlnum, 12); }}}});
    all.push_back({"square-access-token",
                   "square_access_token",
                   kAllForms,
                   [](Rng& r) {
                       return r() % 2 ? cat({"EA", "AA"}) + random(r, kBase64Url, 60)
                                      : cat({"sq0", "atp-"}) + random(r, kBase64Url, 22);
                   },
                   {{"short", [](Rng& r) { return cat({"sq0", "atp-"}) + random(r, kAlnum, 10); }}}});
    all.push_back({"square-oauth-secret",
                   "square_oauth_secret",
                   kAllForms,
                   [](Rng& r) { return cat({"sq0", "csp-"}) + random(r, kBase64Url, 43); },
                   {{"short", [](Rng& r) { return cat({"sq0", "csp-"}) + random(r, kAlnum, 10); }}}});
    all.push_back({"braintree-access-token",
                   "braintree_access_token",
                   kAllForms,
                   [](Rng& r) {
                       return cat({"access_token$pro", "duction$"}) + random(r, cat({kLower, kDigits}), 16) +
                              "$" + random(r, kHex, 32);
                   },
                   {{"the sandbox", [](Rng& r) {
                         return cat({"access_token$sand", "box$"}) + random(r, kHex, 16) + "$" +
                                random(r, kHex, 32);
                     }}}});
    all.push_back({"shopify-token",
                   "shopify_access_token",
                   kAllForms,
                   [](Rng& r) {
                       return "shp" + oneOf(r, std::vector<std::string>{"at", "ca", "pa", "ss"}) + "_" +
                              random(r, kHex, 32);
                   },
                   {{"short", [](Rng& r) { return cat({"shp", "at_"}) + random(r, kHex, 20); }}}});
    all.push_back({"anthropic-api-key",
                   "anthropic_api_key",
                   kAllForms,
                   [](Rng& r) { return cat({"sk-", "ant-api03-"}) + random(r, kBase64Url, 93) + "AA"; },
                   {{"short", [](Rng& r) { return cat({"sk-", "ant-api03-"}) + random(r, kAlnum, 20); }},
                    placeholder("a placeholder", fixed(cat({"sk-", "ant-", "your-key-here"})))}});
    all.push_back({"openai-api-key",
                   "openai_api_key",
                   kAllForms,
                   [](Rng& r) {
                       const std::string marker = cat({"T3Blbk", "FJ"});
                       return r() % 2 ? cat({"sk-", "proj-"}) + random(r, kBase64Url, 74) + marker +
                                            random(r, kBase64Url, 74)
                                      : "sk-" + random(r, kAlnum, 20) + marker + random(r, kAlnum, 20);
                   },
                   {{"short", [](Rng& r) { return cat({"sk-", "proj-"}) + random(r, kAlnum, 12); }},
                    placeholder("a placeholder", fixed(cat({"sk-", "your-openai-key"})))}});
    all.push_back({"sk-api-key",
                   "deepseek_api_key",
                   kAllForms,
                   [](Rng& r) { return "sk-" + random(r, kHex, 32); },
                   {{"short", [](Rng& r) { return "sk-" + random(r, kHex, 20); }},
                    {"a library name", fixed(cat({"sk", "-learn"}))}}});
    all.push_back({"huggingface-token",
                   "hf_token",
                   kAllForms,
                   [](Rng& r) { return cat({"hf", "_"}) + random(r, kLetters, 34); },
                   {{"an identifier", fixed(cat({"hf", "_hub_download"}))},
                    {"short", [](Rng& r) { return cat({"hf", "_"}) + random(r, kLetters, 20); }}}});
    all.push_back({"npm-token",
                   "npm_token",
                   kAllForms,
                   [](Rng& r) { return cat({"np", "m_"}) + random(r, kAlnum, 36); },
                   {{"an identifier", fixed(cat({"np", "m_config_registry"}))},
                    {"short", [](Rng& r) { return cat({"np", "m_"}) + random(r, kAlnum, 30); }}}});
    all.push_back({"npmrc-auth-token",
                   "npmrc",
                   {"file"},
                   [](Rng& r) {
                       return random(r, kHex, 8) + "-" + random(r, kHex, 4) + "-" + random(r, kHex, 4) + "-" +
                              random(r, kHex, 4) + "-" + random(r, kHex, 12);
                   },
                   {{"a variable", fixed("${NPM_TOKEN}"), {"file"}}},
                   [](const std::string& v) {
                       return "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_" +
                              cat({"auth", "Token="}) + v + "\n";
                   }});
    all.push_back({"pypi-token",
                   "pypi_token",
                   kAllForms,
                   [](Rng& r) { return cat({"pypi-AgEI", "cHlwaS5vcmc"}) + random(r, kBase64Url, 70); },
                   {{"no macaroon prefix", [](Rng& r) { return "pypi-" + random(r, kAlnum, 40); }}}});
    all.push_back({"sendgrid-api-key",
                   "sendgrid_api_key",
                   kAllForms,
                   [](Rng& r) {
                       return cat({"S", "G."}) + random(r, kBase64Url, 22) + "." + random(r, kBase64Url, 43);
                   },
                   {{"short", [](Rng& r) {
                         return cat({"S", "G."}) + random(r, kAlnum, 22) + "." + random(r, kAlnum, 20);
                     }}}});
    all.push_back({"twilio-api-key",
                   "twilio_api_key",
                   kAllForms,
                   [](Rng& r) { return "S" + std::string("K") + random(r, kHex, 32); },
                   {{"short", [](Rng& r) { return "S" + std::string("K") + random(r, kHex, 31); }},
                    {"an account SID (not secret)",
                     [](Rng& r) { return "A" + std::string("C") + random(r, kHex, 32); }}}});
    all.push_back({"mailgun-api-key",
                   "mailgun_api_key",
                   kAllForms,
                   [](Rng& r) { return cat({"ke", "y-"}) + random(r, cat({kLower, kDigits}), 32); },
                   {{"short", [](Rng& r) { return cat({"ke", "y-"}) + random(r, kLower, 12); }}}});
    all.push_back({"jwt",
                   "auth_token",
                   kAllForms,
                   [](Rng& r) {
                       const std::string header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
                       const std::string payload = "{\"sub\":\"" + random(r, kDigits, 10) + "\",\"name\":\"" +
                                                   random(r, kLower, 8) +
                                                   "\",\"iat\":" + random(r, kDigits, 10) + "}";
                       return base64Url(header) + "." + base64Url(payload) + "." + random(r, kBase64Url, 43);
                   },
                   {{"unsigned (no signature)", [](Rng& r) {
                         return base64Url("{\"alg\":\"none\"}") + "." +
                                base64Url("{\"sub\":\"" + random(r, kDigits, 6) + "\"}") + ".";
                     }}}});
    all.push_back(
        {"private-key",
         "tls_key",
         {"file", "cpp-raw", "yaml-block"},
         [](Rng& r) {
             return pemBlock(r, oneOf(r, std::vector<std::string>{"RSA ", "EC ", "OPENSSH ", ""}), "\n");
         },
         {{"a public key",
           [](Rng& r) {
               const std::string marker = "PUBLIC KEY-----";
               return "-----BEGIN " + marker + "\n" + random(r, kBase64, 64) + "\n-----END " + marker;
           },
           {"file"}},
          {"the header a parser compares against",
           fixed("if (line == \"-----BEGIN RSA " + cat({"PRIV", "ATE KEY-----"}) + "\")\n    return true;\n"),
           {"file"}}}});
    all.push_back(
        {"gcp-service-account-key",
         "service_account",
         {"file"},
         [](Rng& r) { return pemBlock(r, "", "\\n") + "\\n"; },
         {{"a variable", fixed("${GCP_PRIVATE_KEY}"), {"file"}}},
         [](const std::string& v) {
             return "{\n  \"type\": \"service_account\",\n  \"project_id\": \"orders-prod\",\n  \"" +
                    cat({"private", "_key"}) + "\": \"" + v +
                    "\",\n  \"client_email\": \"ci@orders-prod.iam.gserviceaccount.com\"\n}\n";
         }});
    all.push_back(
        {"connection-string-password",
         "database_url",
         kAllForms,
         [](Rng& r) { return random(r, cat({kAlnum, "!%*+=_-.~"}), between(r, 10, 24)); },
         {placeholder("a variable", fixed("${DB_PASSWORD}")),
          placeholder("a word in place of the password", fixed("password")),
          placeholder("a placeholder", fixed("<password>")),
          placeholder("RabbitMQ's documented guest account", fixed("guest"))},
         [](const std::string& v) { return "postgresql://orders:" + v + "@db.internal:5432/orders"; }});
    all.push_back(
        {"generic-secret-assignment",
         "db_password",
         kLineForms,
         [](Rng& r) { return random(r, kPassword, between(r, 10, 24)); },
         {placeholder("a default", fixed("changeme")),
          placeholder("a variable", fixed("${DB_PASSWORD}")),
          placeholder("a template", fixed("{{ .Values.db.password }}")),
          placeholder("a placeholder", fixed("<your-db-password>")),
          placeholder("a placeholder", fixed("your-password-here")),
          placeholder("a filler", fixed("xxxxxxxxxxxx")),
          placeholder("a filler", fixed("************")),
          placeholder("an environment lookup", fixed("process.env.DB_PASSWORD")),
          placeholder("a path", fixed("/run/secrets/db_password")),
          {"a call", fixed("read_secret(\"db\")"), {"file"}},
          {"a lookup in code", fixed("password = os.environ[\"DB_PASSWORD\"]\n"), {"file"}},
          {"a call in code", fixed("std::string token = args.value(\"--token\");\n"), {"file"}},
          {"a key name about a secret",
           fixed("token_path = \"/var/run/secrets/kubernetes.io/token1\"\n"),
           {"file"}},
          {"a length", fixed("password_min_length = 12\n"), {"file"}},
          {"a tokenizer", fixed("tokenizer = \"bert-base-uncased-v2\"\n"), {"file"}},
          {"a token type", fixed("token_type = \"refresh_token_v2\"\n"), {"file"}},
          {"an empty value", fixed("secret_key = \"\"\n"), {"file"}},
          {"a version", fixed("api_key_version = \"2024-06-01\"\n"), {"file"}},
          {"a URL", fixed("auth_token_url = \"https://auth.example.com/oauth2/token\"\n"), {"file"}},
          {"a CI secret reference", fixed("env:\n  API_TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n"), {"file"}},
          {"a Kubernetes secret name", fixed("secretName: orders-tls-2024\n"), {"file"}},
          {"a file name", fixed("password_file: /etc/orders/db2.pass\n"), {"file"}},
          {"a duration", fixed("token_ttl: 3600s\n"), {"file"}},
          {"a header name", fixed("API_KEY_HEADER=X-Api-Key-V2\n"), {"file"}},
          {"a Stripe test key",
           fixed("stripe_secret_key = \"" + cat({"sk_", "test_"}) + "51HqLyjWDarjtT1zdp7dc9\"\n"),
           {"file"}},
          {"a Stripe publishable key",
           fixed("STRIPE_KEY=" + cat({"pk_", "live_"}) + "51HqLyjWDarjtT1zdp7dc9\n"),
           {"file"}}}});

    // Redact-only: secrets in a log line, left alone by the scan.
    all.push_back({"stripe-test-key",
                   "stripe_key",
                   {"log"},
                   [](Rng& r) { return cat({"sk_", "test_"}) + random(r, kAlnum, 24); },
                   {},
                   nullptr,
                   true});
    all.push_back({"bearer-token",
                   "auth",
                   {"log"},
                   [](Rng& r) { return random(r, kBase64Url, 32); },
                   {},
                   [](const std::string& v) { return "Authorization: Bearer " + v; },
                   true});
    all.push_back({"basic-auth-header",
                   "auth",
                   {"log"},
                   [](Rng& r) { return random(r, kBase64, 24) + "=="; },
                   {},
                   [](const std::string& v) { return "Authorization: Basic " + v; },
                   true});
    all.push_back({"password-in-text",
                   "auth",
                   {"log"},
                   [](Rng& r) { return random(r, kAlnum, 7); },
                   {},
                   [](const std::string& v) { return "login failed: password=" + v; },
                   true});
    all.push_back({"secret-in-text",
                   "auth",
                   {"log"},
                   [](Rng& r) { return random(r, kAlnum, 6); },
                   {},
                   [](const std::string& v) { return "retrying with token=" + v; },
                   true});
    all.push_back({"email",
                   "auth",
                   {"log"},
                   [](Rng& r) {
                       return random(r, kLower, 6) + "." + random(r, kLower, 5) + "@" + random(r, kLower, 7) +
                              ".io";
                   },
                   {},
                   nullptr,
                   true});
    for (auto& spec : all)
        if (!spec.embed)
            spec.embed = [](const std::string& v) { return v; };
    return all;
}

std::string indented(const std::string& text) {
    std::string out;
    for (char c : text)
        out += c == '\n' ? std::string("\n    ") : std::string(1, c);
    return out;
}

// The text of `value` in `form`, and the value as the text writes it (a YAML block indents it).
std::pair<std::string, std::string> place(const Spec& spec, const std::string& form,
                                          const std::string& value) {
    const std::string embedded = spec.embed(value);
    if (form == "file")
        return {embedded, value};
    if (form == "cpp-raw")
        return {"const char* kTlsKey = R\"(" + embedded + ")\";\n", value};
    if (form == "yaml-block")
        return {"tls:\n  " + spec.key + ": |\n    " + indented(embedded) + "\n", indented(value)};
    return {inForm(form, spec.key, embedded), value};
}

} // namespace

std::vector<CorpusCase> secretCorpus(unsigned seed, int perRule) {
    Rng rng(seed);
    std::vector<CorpusCase> out;
    for (const Spec& spec : specs()) {
        for (int i = 0; i < perRule; ++i) {
            const std::string& form = spec.forms[static_cast<size_t>(i) % spec.forms.size()];
            auto [text, written] = place(spec, form, spec.secret(rng));
            out.push_back({spec.ruleId, std::move(text), std::move(written), form, "", spec.redactOnly});
        }
        for (const Decoy& decoy : spec.decoys)
            for (const std::string& form : decoy.forms) {
                const std::string value = decoy.value(rng);
                // A decoy that is a whole line of code stands as it is, not inside the rule's text.
                const bool whole =
                    decoy.forms.size() == 1 && decoy.forms[0] == "file" && spec.forms[0] != "file";
                out.push_back({spec.ruleId, whole ? value : place(spec, form, value).first, value, form,
                               decoy.why, false});
            }
    }
    return out;
}

std::vector<std::string> corpusRuleIds() {
    std::vector<std::string> ids;
    for (const Spec& spec : specs())
        ids.push_back(spec.ruleId);
    return ids;
}

} // namespace devos::policy::corpus
