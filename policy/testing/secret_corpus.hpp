#pragma once
#include <string>
#include <vector>

// A generated corpus for the secret rules: for every shipped rule, true positives written from the
// provider's documented format with random characters of its alphabet, and near-miss decoys
// (documented example keys, placeholders, wrong lengths or prefixes), each set in the file forms a
// secret is committed in (C++, YAML, JSON, .env, INI, shell, a log line). Everything is built at run
// time from a seed, so the tree holds no secret a scan would find.
namespace devos::policy::corpus {

struct CorpusCase {
    std::string ruleId;      // the rule that should flag it (a decoy: the rule it imitates)
    std::string text;        // the file content that holds it
    std::string value;       // the secret, or the decoy's value
    std::string form;        // "cpp", "yaml", "json", "env", "ini", "shell", "log", "file"
    std::string decoy;       // empty for a true positive; else why it is not a secret
    bool redactOnly = false; // a secret for the redactor that the scan leaves alone
};

// `perRule` true positives per rule and every decoy of each rule (in each form), from `seed`.
[[nodiscard]] std::vector<CorpusCase> secretCorpus(unsigned seed, int perRule);

// The rule ids the corpus has generators for (a test checks it covers every shipped rule).
[[nodiscard]] std::vector<std::string> corpusRuleIds();

} // namespace devos::policy::corpus
