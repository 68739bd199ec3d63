#include "dependencies/dependency_check.hpp"

#include "dependencies/call_site_findings.hpp"

#include <algorithm>
#include <cctype>
#include <devos/engine/allowed_findings.hpp>
#include <devos/foundation/text.hpp>

namespace devos::dependencies {
namespace {

using engine::Finding;

bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

class Checker {
public:
    Checker(const engine::Policy& policy, std::string root) : findings_(policy, std::move(root)) {}

    void ban(const ResolvedDependency& dep, const DependencyRules::Ban& rule, std::vector<Finding>& out) {
        findings_.add("dependency.ban", engine::Level::Error, dep,
                      "'" + dep.name + "' is banned in this repo: " + rule.reason +
                          (dep.version.empty() ? "" : " (resolved " + dep.version + ")"),
                      rule.line, "the ban is set here", out);
    }

    void floor(const ResolvedDependency& dep, const DependencyRules::Floor& rule, std::vector<Finding>& out) {
        if (dep.version.empty() || !isVersion(dep.version)) {
            findings_.add("dependency.floor", engine::Level::Warning, dep,
                          "'" + dep.name + "' has a floor of " + rule.version +
                              ", but the version it resolved to is unknown (the package sets no " + dep.name +
                              "_VERSION)",
                          rule.line, "the floor is set here", out);
        } else if (compareVersions(dep.version, rule.version) < 0) {
            findings_.add("dependency.floor", engine::Level::Error, dep,
                          "'" + dep.name + "' resolved to " + dep.version + ", below the floor " +
                              rule.version + (dep.location.empty() ? "" : " (from " + dep.location + ")"),
                          rule.line, "the floor is set here", out);
        }
    }

private:
    CallSiteFindings findings_;
};

} // namespace

unsigned findPackageLine(const std::string& cmakeText, const std::string& name) {
    const std::string text = foundation::lower(cmakeText);
    unsigned first = 0;
    for (const std::string command : {"find_package", "pkg_check_modules", "pkg_search_module"}) {
        for (size_t at = text.find(command); at != std::string::npos; at = text.find(command, at + 1)) {
            if (at > 0 && isNameChar(text[at - 1]))
                continue;
            size_t lineStart = text.rfind('\n', at);
            lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
            if (text.find('#', lineStart) < at)
                continue; // commented out
            size_t i = at + command.size();
            while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
                ++i;
            if (i >= text.size() || text[i] != '(')
                continue;
            ++i;
            while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
                ++i;
            // The name is case-sensitive in CMake: compare against the original text.
            if (cmakeText.compare(i, name.size(), name) == 0 &&
                (i + name.size() >= text.size() || !isNameChar(cmakeText[i + name.size()]))) {
                auto line = static_cast<unsigned>(
                    std::count(cmakeText.begin(), cmakeText.begin() + static_cast<long>(at), '\n') + 1);
                if (first == 0 || line < first)
                    first = line;
                break;
            }
        }
    }
    return first;
}

std::vector<engine::Finding> checkDependencies(const std::vector<ResolvedDependency>& record,
                                               const DependencyRules& rules, const engine::Policy& policy,
                                               const std::string& root) {
    std::vector<Finding> findings;
    Checker checker(policy, root);
    for (const auto& dep : record) {
        if (!dep.found)
            continue;
        for (const auto& ban : rules.bans)
            if (ban.package == dep.name)
                checker.ban(dep, ban, findings);
        for (const auto& floor : rules.floors)
            if (floor.package == dep.name)
                checker.floor(dep, floor, findings);
    }
    engine::applyAllowComments(findings, policy, root, engine::todayIso());
    return findings;
}

} // namespace devos::dependencies
