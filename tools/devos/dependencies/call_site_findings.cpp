#include "dependencies/call_site_findings.hpp"

#include "dependencies/dependency_check.hpp"

#include <algorithm>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>

namespace devos::dependencies {

void CallSiteFindings::add(const std::string& ruleId, engine::Level level, const ResolvedDependency& dep,
                           std::string message, unsigned ruleLine, const std::string& noteText,
                           std::vector<engine::Finding>& out) {
    if (policy_.levelOf(ruleId) == engine::Level::Off)
        return;
    engine::SourcePoint ruleAt{engine::repoRelative(root_, policy_.configFile), ruleLine, 0};
    engine::SourcePoint at = ruleAt; // an old record without the calling file: point at the rule
    if (!dep.listFile.empty())
        at = {engine::repoRelative(root_, dep.listFile),
              findPackageLine(listFileText(dep.listFile), dep.name), 0};
    auto f = policy_.finding(ruleId, at, std::move(message), dep.name);
    if (!f)
        return;
    f->level = std::min(level, f->level);
    if (!(f->at == ruleAt))
        f->notes.push_back({ruleAt, noteText});
    out.push_back(std::move(*f));
}

// A CMakeLists.txt holds many find_package calls: read each once.
const std::string& CallSiteFindings::listFileText(const std::string& path) {
    auto it = listFiles_.find(path);
    if (it == listFiles_.end())
        it = listFiles_.emplace(path, foundation::readTextFile(path).value_or(std::string{})).first;
    return it->second;
}

} // namespace devos::dependencies
