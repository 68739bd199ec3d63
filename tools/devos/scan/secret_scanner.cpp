// Each rule scans the whole text (a PEM block spans lines) with RE2, which is linear time, so a
// hostile file cannot make the scan slow. The redacted form of a match is the rule's replacement
// applied to exactly that match, so it keeps only what the rule keeps (a key name, a user name).
#include "scan/secret_scanner.hpp"

#include <algorithm>
#include <devos/policy/secret_rules.hpp>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

namespace devos::scan {

struct SecretScanner::Rule {
    std::string id;
    std::string description;
    std::unique_ptr<re2::RE2> pattern;
    std::string replacement;
};

SecretScanner::SecretScanner() = default;
SecretScanner::SecretScanner(SecretScanner&&) noexcept = default;
SecretScanner& SecretScanner::operator=(SecretScanner&&) noexcept = default;
SecretScanner::~SecretScanner() = default;

foundation::Expected<SecretScanner> SecretScanner::fromYaml(std::string_view yaml,
                                                            const std::string& origin) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        return foundation::fail(foundation::ErrorKind::Invalid, "invalid YAML: " + e.msg, origin,
                                static_cast<unsigned>(e.mark.line + 1));
    }
    if (!root.IsMap() || !root["rules"] || !root["rules"].IsSequence())
        return foundation::fail(foundation::ErrorKind::Invalid, "expected a 'rules' list", origin, 0,
                                "see policy/secrets.yml for the format");
    SecretScanner scanner;
    for (const auto& node : root["rules"]) {
        unsigned line = static_cast<unsigned>(node.Mark().line + 1);
        if (!node.IsMap() || !node["id"] || !node["pattern"] || !node["replacement"])
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "a rule needs 'id', 'pattern' and 'replacement'", origin, line);
        if (!node["scan"] || node["scan"].Scalar() != "true")
            continue;
        Rule rule{node["id"].Scalar(),
                  node["description"] ? node["description"].Scalar() : node["id"].Scalar(), nullptr,
                  node["replacement"].Scalar()};
        re2::RE2::Options options;
        options.set_log_errors(false);
        rule.pattern = std::make_unique<re2::RE2>(node["pattern"].Scalar(), options);
        if (!rule.pattern->ok())
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "rule '" + rule.id + "': invalid pattern: " + rule.pattern->error(),
                                    origin, line);
        std::string rewriteError;
        if (!rule.pattern->CheckRewriteString(rule.replacement, &rewriteError))
            return foundation::fail(foundation::ErrorKind::Invalid,
                                    "rule '" + rule.id + "': invalid replacement: " + rewriteError, origin,
                                    line);
        scanner.rules_.push_back(std::move(rule));
    }
    return scanner;
}

foundation::Expected<SecretScanner> SecretScanner::shipped() {
    return fromYaml(policy::secretRulesYaml(), "policy/secrets.yml (embedded)");
}

std::vector<SecretMatch> SecretScanner::find(std::string_view text) const {
    struct Hit {
        size_t rule;
        SecretMatch match;
    };
    std::vector<Hit> hits;
    const re2::StringPiece input(text.data(), text.size());
    for (size_t r = 0; r < rules_.size(); ++r) {
        const Rule& rule = rules_[r];
        const int groups = rule.pattern->NumberOfCapturingGroups() + 1;
        std::vector<re2::StringPiece> found(static_cast<size_t>(groups));
        size_t pos = 0;
        while (pos <= text.size() &&
               rule.pattern->Match(input, pos, text.size(), re2::RE2::UNANCHORED, found.data(), groups)) {
            size_t offset = static_cast<size_t>(found[0].data() - text.data());
            if (found[0].empty()) {
                pos = offset + 1;
                continue;
            }
            std::string redacted;
            if (!rule.pattern->Rewrite(&redacted, rule.replacement, found.data(), groups))
                redacted = "[REDACTED]";
            hits.push_back({r, {rule.id, rule.description, offset, found[0].size(), std::move(redacted)}});
            pos = offset + found[0].size();
        }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.match.offset != b.match.offset ? a.match.offset < b.match.offset : a.rule < b.rule;
    });
    std::vector<SecretMatch> out;
    size_t coveredUntil = 0;
    for (auto& hit : hits) {
        if (!out.empty() && hit.match.offset < coveredUntil)
            continue;
        coveredUntil = hit.match.offset + hit.match.length;
        out.push_back(std::move(hit.match));
    }
    return out;
}

std::vector<std::string> SecretScanner::ruleIds() const {
    std::vector<std::string> ids;
    for (const auto& rule : rules_)
        ids.push_back(rule.id);
    return ids;
}

} // namespace devos::scan
