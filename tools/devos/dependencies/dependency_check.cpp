#include "dependencies/dependency_check.hpp"

#include <algorithm>
#include <cctype>
#include <devos/engine/dependency_rules.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/engine/text_file.hpp>
#include <map>

namespace devos::dependencies {
namespace {

using engine::Finding;

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'; }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

class Checker {
public:
    Checker(const engine::Policy& policy, std::string root) : policy_(policy), root_(std::move(root)) {}

    void ban(const ResolvedDependency& dep, const engine::DependencyRules::Ban& rule, std::vector<Finding>& out) {
        add("dependency.ban", engine::Level::Error, dep,
            "'" + dep.name + "' is banned in this repo: " + rule.reason +
                (dep.version.empty() ? "" : " (resolved " + dep.version + ")"),
            rule.line, "the ban is set here", out);
    }

    void floor(const ResolvedDependency& dep, const engine::DependencyRules::Floor& rule, std::vector<Finding>& out) {
        if (dep.version.empty() || !engine::isVersion(dep.version)) {
            add("dependency.floor", engine::Level::Warning, dep,
                "'" + dep.name + "' has a floor of " + rule.version +
                    ", but the version it resolved to is unknown (the package sets no " + dep.name + "_VERSION)",
                rule.line, "the floor is set here", out);
        } else if (engine::compareVersions(dep.version, rule.version) < 0) {
            add("dependency.floor", engine::Level::Error, dep,
                "'" + dep.name + "' resolved to " + dep.version + ", below the floor " + rule.version +
                    (dep.location.empty() ? "" : " (from " + dep.location + ")"),
                rule.line, "the floor is set here", out);
        }
    }

private:
    void add(const std::string& ruleId, engine::Level level, const ResolvedDependency& dep, std::string message,
             unsigned ruleLine, const std::string& noteText, std::vector<Finding>& out) {
        engine::Level configured = policy_.levelOf(ruleId);
        const engine::Rule* rule = policy_.catalog.find(ruleId);
        if (configured == engine::Level::Off || !rule)
            return;
        Finding f;
        f.ruleId = ruleId;
        f.level = std::min(level, configured);
        const std::string& config = policy_.configFile;
        engine::SourcePoint ruleAt{engine::repoRelative(root_, config), ruleLine, 0};
        if (!dep.listFile.empty()) {
            unsigned line = findPackageLine(listFileText(dep.listFile), dep.name);
            f.at = {engine::repoRelative(root_, dep.listFile), line, 0};
        } else {
            f.at = ruleAt; // an old record without the calling file: point at the rule
        }
        f.end = f.at;
        f.message = std::move(message);
        f.subject = dep.name;
        f.instead = rule->instead;
        if (!(f.at == ruleAt))
            f.notes.push_back({ruleAt, noteText});
        out.push_back(std::move(f));
    }

    // A CMakeLists.txt holds many find_package calls: read each once.
    const std::string& listFileText(const std::string& path) {
        auto it = listFiles_.find(path);
        if (it == listFiles_.end())
            it = listFiles_.emplace(path, engine::readTextFile(path).value_or(std::string{})).first;
        return it->second;
    }

    const engine::Policy& policy_;
    std::string root_;
    std::map<std::string, std::string> listFiles_;
};

} // namespace

unsigned findPackageLine(const std::string& cmakeText, const std::string& name) {
    const std::string text = lower(cmakeText);
    const std::string command = "find_package";
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
            (i + name.size() >= text.size() || !isNameChar(cmakeText[i + name.size()])))
            return static_cast<unsigned>(std::count(cmakeText.begin(), cmakeText.begin() + static_cast<long>(at), '\n') + 1);
    }
    return 0;
}

std::vector<engine::Finding> checkDependencies(const std::vector<ResolvedDependency>& record,
                                               const engine::Policy& policy, const std::string& root) {
    std::vector<Finding> findings;
    Checker checker(policy, root);
    for (const auto& dep : record) {
        if (!dep.found)
            continue;
        for (const auto& ban : policy.dependencies.bans)
            if (ban.package == dep.name)
                checker.ban(dep, ban, findings);
        for (const auto& floor : policy.dependencies.floors)
            if (floor.package == dep.name)
                checker.floor(dep, floor, findings);
    }
    engine::sortAndDeduplicate(findings);
    return findings;
}

} // namespace devos::dependencies
