// Rules run in file order, each as one RE2::GlobalReplace over the text so far; RE2 is linear
// time, so hostile input cannot make redaction slow.
#include <devos/adapters/re2_redactor.hpp>
#include <devos/policy/secret_rules.hpp>
#include <re2/re2.h>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;
using contracts::fail;

struct CompiledRule {
    std::string id;
    std::unique_ptr<RE2> pattern;
    std::string replacement;
};

class Re2Redactor final : public ports::Redactor {
public:
    explicit Re2Redactor(std::vector<CompiledRule> rules) : rules_(std::move(rules)) {}

    std::string redact(std::string_view text) const override {
        std::string out(text);
        for (const auto& rule : rules_)
            RE2::GlobalReplace(&out, *rule.pattern, rule.replacement);
        return out;
    }

private:
    std::vector<CompiledRule> rules_;
};

} // namespace

contracts::Expected<std::unique_ptr<ports::Redactor>> makeRe2Redactor(std::string_view rulesYaml,
                                                                      const std::string& origin) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(rulesYaml));
    } catch (const YAML::Exception& e) {
        return fail(ErrorKind::Invalid, "invalid YAML: " + e.msg, origin,
                    static_cast<unsigned>(e.mark.line + 1));
    }
    if (!root["rules"] || !root["rules"].IsSequence())
        return fail(ErrorKind::Invalid, "expected a 'rules' list", origin, 0,
                    "see policy/secrets.yml for the format");
    std::vector<CompiledRule> rules;
    for (const auto& node : root["rules"]) {
        unsigned line = static_cast<unsigned>(node.Mark().line + 1);
        if (!node["id"] || !node["pattern"] || !node["replacement"])
            return fail(ErrorKind::Invalid, "a rule needs 'id', 'pattern' and 'replacement'", origin, line);
        CompiledRule rule{node["id"].as<std::string>(), nullptr, node["replacement"].as<std::string>()};
        RE2::Options options;
        options.set_log_errors(false);
        rule.pattern = std::make_unique<RE2>(node["pattern"].as<std::string>(), options);
        if (!rule.pattern->ok())
            return fail(ErrorKind::Invalid,
                        "rule '" + rule.id + "': invalid pattern: " + rule.pattern->error(), origin, line);
        std::string rewriteError;
        if (!rule.pattern->CheckRewriteString(rule.replacement, &rewriteError))
            return fail(ErrorKind::Invalid, "rule '" + rule.id + "': invalid replacement: " + rewriteError,
                        origin, line);
        rules.push_back(std::move(rule));
    }
    return std::unique_ptr<ports::Redactor>(std::make_unique<Re2Redactor>(std::move(rules)));
}

std::string_view embeddedSecretRules() { return policy::secretRulesYaml(); }

contracts::Expected<std::unique_ptr<ports::Redactor>> makeDefaultRedactor() {
    return makeRe2Redactor(embeddedSecretRules(), "policy/secrets.yml (embedded)");
}

} // namespace devos::adapters
