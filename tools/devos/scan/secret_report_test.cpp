// No output of `devos scan secrets` holds a secret: every true positive of the generated corpus is
// scanned as a tracked file, and its findings rendered as text, JSON, agent lines and SARIF.
#include "scan/file_checks.hpp"
#include "secret_corpus.hpp"

#include <devos/output/agent_writer.hpp>
#include <devos/output/json_writer.hpp>
#include <devos/output/sarif_writer.hpp>
#include <devos/output/text_writer.hpp>
#include <gtest/gtest.h>

namespace devos::scan {
namespace {

// The pieces of a secret that must never be shown: the whole of it, and each line of a multi-line
// one (a PEM body), down to 8 characters.
std::vector<std::string> piecesOf(const std::string& secret) {
    std::vector<std::string> pieces{secret};
    size_t start = 0;
    while (start < secret.size()) {
        size_t end = secret.find('\n', start);
        if (end == std::string::npos)
            end = secret.size();
        if (end - start >= 8)
            pieces.push_back(secret.substr(start, end - start));
        start = end + 1;
    }
    return pieces;
}

TEST(SecretReport, NoOutputFormatShowsASecret) {
    auto policy = engine::Policy::defaults();
    ASSERT_TRUE(policy);
    auto rules = devos::policy::compileSecretRules(devos::policy::SecretUse::Scan);
    ASSERT_TRUE(rules) << rules.error().message;
    size_t reported = 0;
    for (const auto& c : devos::policy::corpus::secretCorpus(99, 6)) {
        if (!c.decoy.empty() || c.redactOnly)
            continue;
        const std::string path = "src/config." + c.form;
        output::Report report;
        report.findings = checkSecrets({path, c.text.size(), c.text}, *rules, *policy, "2026-01-01");
        report.catalog = &policy->catalog;
        report.repoRoot = "/nonexistent-repo";
        report.automationId = "devos/scan/secrets/";
        reported += report.findings.size();
        for (const std::string& rendered : {output::renderText(report, false), output::renderJson(report),
                                            output::renderAgent(report), output::renderSarif(report)})
            for (const std::string& piece : piecesOf(c.value))
                EXPECT_EQ(rendered.find(piece), std::string::npos)
                    << c.ruleId << " (" << c.form << ") shows its secret:\n"
                    << rendered;
    }
    EXPECT_GT(reported, 200u) << "the corpus's secrets are found, so the check above checks something";
}

} // namespace
} // namespace devos::scan
